package org.mailpath.engine.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.testing.fakedns.Findings.absent;
import static org.mailpath.testing.fakedns.Findings.single;

import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.dns.DnsStatus;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.testing.fakedns.FakeDns;
import org.xbill.DNS.Type;

class DkimCheckTest {

    private static String rsa512;
    private static String rsa1024;
    private static String rsa2048;
    private static String ed25519;

    @BeforeAll
    static void keys() throws NoSuchAlgorithmException {
        rsa512 = DkimKeyTest.rsaKey(512);
        rsa1024 = DkimKeyTest.rsaKey(1024);
        rsa2048 = DkimKeyTest.rsaKey(2048);
        ed25519 = DkimKeyTest.ed25519Key();
    }

    /** A TXT record value in quoted strings of at most 200 characters, as DNS requires for long keys. */
    private static String txt(String value) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < value.length(); i += 200) {
            parts.add("\"" + value.substring(i, Math.min(value.length(), i + 200)) + "\"");
        }
        return String.join(" ", parts);
    }

    private static List<Finding> check(String zone, String... selectors) {
        return FakeDns.of(zone).run(new DkimCheck(), "example.com", FakeDns.options(null, List.of(selectors),
                List.of()));
    }

    private static List<DkimSelectorReport> inspect(String zone, String... selectors) {
        return DkimInspector.inspect("example.com", List.of(selectors), FakeDns.of(zone), Cancellation.none());
    }

    @Test
    void tabsBetweenTagsAndInsideTheKeyAreWhiteSpace() {
        // RFC 6376 §3.2: tag lists and base64 values may hold folding white space, TAB included
        String key = rsa2048.substring(0, 100) + "\\009" + rsa2048.substring(100);
        Finding ok = single(check("s1._domainkey.example.com. TXT " + txt("v=DKIM1;\\009k=rsa;\\009p=" + key) + "\n",
                "s1"), "DKIM_OK", Severity.OK);
        assertTrue(ok.message().contains("RSA 2048-bit"), ok.message());
    }

    @Test
    void strongKeySplitOverSeveralStrings() {
        Finding ok = single(check("s1._domainkey.example.com. TXT " + txt("v=DKIM1; k=rsa; p=" + rsa2048) + "\n",
                "s1"), "DKIM_OK", Severity.OK);
        assertTrue(ok.message().contains("RSA 2048-bit"), ok.message());
    }

    @Test
    void keySizes() {
        single(check("s._domainkey.example.com. TXT \"v=DKIM1; p=" + rsa512 + "\"\n", "s"), "DKIM_KEY_WEAK",
                Severity.ERROR);
        single(check("s._domainkey.example.com. TXT " + txt("v=DKIM1; p=" + rsa1024) + "\n", "s"), "DKIM_KEY_WEAK",
                Severity.WARNING);
        single(check("s._domainkey.example.com. TXT \"v=DKIM1; k=ed25519; p=" + ed25519 + "\"\n", "s"), "DKIM_OK");
    }

    @Test
    void revokedTestingInvalidMissing() {
        single(check("s._domainkey.example.com. TXT \"v=DKIM1; p=\"\n", "s"), "DKIM_KEY_REVOKED", Severity.ERROR);
        List<Finding> testing = check("s._domainkey.example.com. TXT " + txt("v=DKIM1; t=y; p=" + rsa2048) + "\n",
                "s");
        single(testing, "DKIM_TESTING", Severity.WARNING);
        absent(testing, "DKIM_OK");
        single(check("s._domainkey.example.com. TXT \"v=DKIM1; p=bm90IGEga2V5\"\n", "s"), "DKIM_KEY_INVALID");
        List<Finding> web = check("s._domainkey.example.com. TXT " + txt("v=DKIM1; k=rsa; s=web; p=" + rsa2048)
                + "\n", "s");
        assertTrue(single(web, "DKIM_KEY_INVALID", Severity.ERROR).message().contains("s=web"), web.toString());
        absent(web, "DKIM_OK");
        Finding missing = single(check("example.com. TXT \"v=spf1 -all\"\n", "s"), "DKIM_SELECTOR_MISSING",
                Severity.ERROR);
        assertEquals("s._domainkey.example.com", missing.subject());
    }

    @Test
    void cnameIsFollowed() {
        List<DkimSelectorReport> r = inspect("""
                s1._domainkey.example.com. CNAME s1.dkim.provider.example.net.
                s1.dkim.provider.example.net. TXT %s
                """.formatted(txt("v=DKIM1; k=rsa; p=" + rsa2048)), "s1");
        assertEquals(DkimSelectorState.OK, r.getFirst().state());
        assertEquals(Optional.of("s1.dkim.provider.example.net"), r.getFirst().cnameTarget());
        assertEquals(Severity.OK, r.getFirst().worstSeverity());
        assertEquals(OptionalInt.of(2048), r.getFirst().keyBits());
    }

    @Test
    void everyHopOfACnameChainIsNamed() {
        String zone = """
                s1._domainkey.example.com. CNAME s1.dkim.provider.example.net.
                s1.dkim.provider.example.net. CNAME s1.ab12cd.custdkim.salesforce.com.
                s1.ab12cd.custdkim.salesforce.com. TXT %s
                """.formatted(txt("v=DKIM1; k=rsa; p=" + rsa2048));
        Finding ok = single(check(zone, "s1"), "DKIM_OK", Severity.OK);
        assertEquals("DKIM selector s1: RSA 2048-bit key at s1._domainkey.example.com (→ s1.dkim.provider.example.net"
                + " → s1.ab12cd.custdkim.salesforce.com)", ok.message());
        assertTrue(ok.evidence().stream().anyMatch(l -> l.startsWith("s1.dkim.provider.example.net.")
                && l.contains("CNAME")), ok.evidence().toString());
        // the report keeps the first hop: Salesforce's pair is recognised from the selector's own CNAME
        assertEquals(Optional.of("s1.dkim.provider.example.net"), inspect(zone, "s1").getFirst().cnameTarget());
        Finding weak = single(check("""
                s1._domainkey.example.com. CNAME a.example.net.
                a.example.net. CNAME b.example.net.
                b.example.net. TXT %s
                """.formatted(txt("v=DKIM1; p=" + rsa1024)), "s1"), "DKIM_KEY_WEAK");
        assertTrue(weak.message().startsWith("The DKIM key at s1._domainkey.example.com (→ a.example.net → "
                + "b.example.net) is RSA 1024 bits"), weak.message());
    }

    @Test
    void danglingCname() {
        List<Finding> f = check("s1._domainkey.example.com. CNAME s1.abc123.custdkim.salesforce.com.\n", "s1");
        Finding dangling = single(f, "DKIM_CNAME_TARGET_MISSING", Severity.ERROR);
        assertTrue(dangling.message().contains("Salesforce"));
    }

    private static final String SALESFORCE_KEYS = """
            sf1.ab12cd.custdkim.salesforce.com. TXT %1$s
            sf2.ab12cd.custdkim.salesforce.com. TXT %1$s
            """;

    private String salesforceKeys() {
        return SALESFORCE_KEYS.formatted(txt("v=DKIM1; k=rsa; p=" + rsa2048));
    }

    @Test
    void salesforcePairComplete() {
        List<DkimSelectorReport> r = inspect(salesforceKeys() + """
                sf1._domainkey.example.com. CNAME sf1.ab12cd.custdkim.salesforce.com.
                sf2._domainkey.example.com. CNAME sf2.ab12cd.custdkim.salesforce.com.
                """, "sf1", "sf2");
        assertEquals(List.of("sf1 OK salesforce sf1.ab12cd.custdkim.salesforce.com",
                "sf2 OK salesforce sf2.ab12cd.custdkim.salesforce.com"), r.stream().map(x -> x.selector() + " "
                + x.state() + (x.salesforce() ? " salesforce " : " other ") + x.cnameTarget().orElse("-")).toList());
    }

    @Test
    void salesforceAlternateMissingGivesTheExactRecord() {
        List<DkimSelectorReport> r = inspect(salesforceKeys()
                + "sf1._domainkey.example.com. CNAME sf1.ab12cd.custdkim.salesforce.com.\n", "sf1", "sf2");
        DkimSelectorReport sf2 = r.get(1);
        assertEquals(Severity.ERROR, sf2.worstSeverity());
        Finding f = single(sf2.findings(), "DKIM_SALESFORCE_CNAME_MISSING", Severity.ERROR);
        absent(sf2.findings(), "DKIM_SELECTOR_MISSING");
        String record = "sf2._domainkey.example.com. CNAME sf2.ab12cd.custdkim.salesforce.com.";
        assertEquals(List.of(record), sf2.recordsToPublish());
        assertEquals("Publish: " + record, f.remediation());
    }

    @Test
    void salesforceAlternateMissingWithUnverifiedTarget() {
        Finding f = single(check("sf1._domainkey.example.com. CNAME sf1.ab12cd.custdkim.salesforce.com.\n"
                + "sf1.ab12cd.custdkim.salesforce.com. TXT " + txt("v=DKIM1; p=" + rsa2048) + "\n", "sf1", "other"),
                "DKIM_SALESFORCE_CNAME_MISSING");
        assertTrue(f.remediation().contains("copy the exact value"), f.remediation());
    }

    @Test
    void salesforceTxtPublishedWhereTheCnameBelongs() {
        String key = txt("v=DKIM1; k=rsa; p=" + rsa2048);
        List<DkimSelectorReport> r = inspect(salesforceKeys()
                + "sf1._domainkey.example.com. CNAME sf1.ab12cd.custdkim.salesforce.com.\n"
                + "sf2._domainkey.example.com. TXT " + key + "\n", "sf1", "sf2");
        single(r.get(1).findings(), "DKIM_SALESFORCE_TXT_INSTEAD_OF_CNAME", Severity.WARNING);
        assertEquals(List.of("sf2._domainkey.example.com. CNAME sf2.ab12cd.custdkim.salesforce.com."),
                r.get(1).recordsToPublish());
    }

    @Test
    void salesforcePartnerPointingAtTheFirstSelectorsTarget() {
        String zone = salesforceKeys() + """
                sf1._domainkey.example.com. CNAME sf1.ab12cd.custdkim.salesforce.com.
                sf2._domainkey.example.com. CNAME sf1.ab12cd.custdkim.salesforce.com.
                """;
        String record = "sf2._domainkey.example.com. CNAME sf2.ab12cd.custdkim.salesforce.com.";
        // the target names sf1, so sf2 is the one pointing wrongly, whichever order the selectors come in
        for (List<String> order : List.of(List.of("sf1", "sf2"), List.of("sf2", "sf1"))) {
            List<DkimSelectorReport> r = inspect(zone, order.toArray(String[]::new));
            DkimSelectorReport sf1 = r.get(order.indexOf("sf1"));
            DkimSelectorReport sf2 = r.get(order.indexOf("sf2"));
            single(sf1.findings(), "DKIM_OK", Severity.OK);
            assertEquals(List.of(), sf1.recordsToPublish());
            Finding f = single(sf2.findings(), "DKIM_SALESFORCE_SAME_TARGET", Severity.WARNING);
            absent(sf2.findings(), "DKIM_OK");
            assertEquals(Severity.WARNING, sf2.worstSeverity());
            assertEquals("Salesforce DKIM: selector sf2 points to sf1.ab12cd.custdkim.salesforce.com., the target of "
                    + "selector sf1: both selectors serve the same key, so when Salesforce rotates to sf2 its "
                    + "signatures fail", f.message());
            assertEquals("Change the CNAME at sf2._domainkey.example.com to: " + record, f.remediation());
            assertEquals(Actor.SENDER_ADMIN, f.actor());
            assertEquals(List.of(record), sf2.recordsToPublish());
            assertTrue(f.evidence().stream().anyMatch(l -> l.startsWith(";; sf2.ab12cd.custdkim.salesforce.com. TXT")),
                    f.evidence().toString());
        }
    }

    @Test
    void salesforcePartnerOnTheSameTargetWhoseOwnTargetIsNotThere() {
        String key = txt("v=DKIM1; k=rsa; p=" + rsa2048);
        List<Finding> f = check("""
                sf1.ab12cd.custdkim.salesforce.com. TXT %s
                sf1._domainkey.example.com. CNAME sf1.ab12cd.custdkim.salesforce.com.
                sf2._domainkey.example.com. CNAME sf1.ab12cd.custdkim.salesforce.com.
                """.formatted(key), "sf1", "sf2");
        Finding same = single(f, "DKIM_SALESFORCE_SAME_TARGET", Severity.WARNING);
        assertTrue(same.remediation().contains("that target did not resolve, so copy the exact value"),
                same.remediation());
        // a target naming neither selector: the one given later is the one to change
        List<DkimSelectorReport> r = inspect("""
                sfdkim1.539vtd.custdkim.salesforce.com. TXT %s
                sfdc1._domainkey.example.com. CNAME sfdkim1.539vtd.custdkim.salesforce.com.
                sfdc2._domainkey.example.com. CNAME sfdkim1.539vtd.custdkim.salesforce.com.
                """.formatted(key), "sfdc1", "sfdc2");
        absent(r.get(0).findings(), "DKIM_SALESFORCE_SAME_TARGET");
        single(r.get(1).findings(), "DKIM_SALESFORCE_SAME_TARGET", Severity.WARNING);
        // one selector given twice is not a pair sharing a target
        List<DkimSelectorReport> twice = inspect(salesforceKeys()
                + "sf1._domainkey.example.com. CNAME sf1.ab12cd.custdkim.salesforce.com.\n", "sf1", "sf1");
        twice.forEach(x -> absent(x.findings(), "DKIM_SALESFORCE_SAME_TARGET"));
    }

    /**
     * The partner's CNAME points into salesforce.com, but not to Salesforce's {@code <selector>.<token>.custdkim}
     * target (here "dkim" for "custdkim", or another token): the other selector's working target gives the token, so
     * the finding gives the exact CNAME, in its remediation and in the records to publish. Before: "Correct the CNAME
     * target or publish the key at selector2.ab12cd.dkim.salesforce.com", and no record to publish.
     */
    @Test
    void aPartnerPointingIntoSalesforceWronglyGetsTheExactCname() {
        String record = "sf2._domainkey.example.com. CNAME sf2.ab12cd.custdkim.salesforce.com.";
        for (String wrong : List.of("sf2.ab12cd.dkim.salesforce.com.", "sf2.zz99zz.custdkim.salesforce.com.")) {
            String zone = salesforceKeys() + "sf1._domainkey.example.com. CNAME sf1.ab12cd.custdkim.salesforce.com.\n"
                    + "sf2._domainkey.example.com. CNAME " + wrong + "\n";
            for (List<String> order : List.of(List.of("sf1", "sf2"), List.of("sf2", "sf1"))) {
                List<DkimSelectorReport> r = inspect(zone, order.toArray(String[]::new));
                DkimSelectorReport sf1 = r.get(order.indexOf("sf1"));
                DkimSelectorReport sf2 = r.get(order.indexOf("sf2"));
                single(sf1.findings(), "DKIM_OK", Severity.OK);
                assertEquals(List.of(), sf1.recordsToPublish());
                assertEquals(DkimSelectorState.CNAME_DANGLING, sf2.state());
                Finding f = single(sf2.findings(), "DKIM_CNAME_TARGET_MISSING", Severity.ERROR);
                assertEquals("sf2._domainkey.example.com points to " + wrong.substring(0, wrong.length() - 1) + ", which "
                        + "has no DKIM key, while selector sf1 points to Salesforce's target with the key token ab12cd:"
                        + " Salesforce's DKIM targets are <selector>.<token>.custdkim.salesforce.com, with one token "
                        + "for both selectors of the pair", f.message());
                assertEquals("Change the CNAME at sf2._domainkey.example.com to: " + record, f.remediation());
                assertEquals(Actor.SENDER_ADMIN, f.actor());
                assertEquals(List.of(record), sf2.recordsToPublish());
                assertTrue(f.evidence().stream().anyMatch(l -> l.startsWith(";; sf2.ab12cd.custdkim.salesforce.com. "
                        + "TXT")), f.evidence().toString());
            }
        }
        // Salesforce's target of sf2 did not resolve: the same CNAME, and the words to copy it from Setup
        List<DkimSelectorReport> unverified = inspect("""
                sf1.ab12cd.custdkim.salesforce.com. TXT %s
                sf1._domainkey.example.com. CNAME sf1.ab12cd.custdkim.salesforce.com.
                sf2._domainkey.example.com. CNAME sf2.ab12cd.dkim.salesforce.com.
                """.formatted(txt("v=DKIM1; k=rsa; p=" + rsa2048)), "sf1", "sf2");
        Finding f = single(unverified.get(1).findings(), "DKIM_CNAME_TARGET_MISSING", Severity.ERROR);
        assertEquals("Change the CNAME at sf2._domainkey.example.com to: " + record + " — that target did not resolve,"
                + " so copy the exact value from Salesforce Setup → DKIM Keys (CNAME Record / Alternate CNAME Record)",
                f.remediation());
        assertEquals(List.of(record), unverified.get(1).recordsToPublish());
    }

    /**
     * Nothing in salesforce.com is anyone's but Salesforce's to publish: a dangling target there is never answered
     * with "publish the key at" it, with or without a partner that gives the token.
     */
    @Test
    void aTargetInSalesforceIsNeverToldToHaveAKeyPublishedThere() {
        Finding alone = single(check("s1._domainkey.example.com. CNAME s1.ab12cd.dkim.salesforce.com.\n", "s1"),
                "DKIM_CNAME_TARGET_MISSING", Severity.ERROR);
        assertEquals("s1._domainkey.example.com points to s1.ab12cd.dkim.salesforce.com, which has no DKIM key: "
                + "Salesforce's DKIM targets have the form <selector>.<token>.custdkim.salesforce.com, so the CNAME "
                + "value has a typo", alone.message());
        assertTrue(alone.remediation().startsWith("Copy the CNAME value exactly from Salesforce Setup"),
                alone.remediation());
        // another provider's dangling target beside a Salesforce selector may be another signer's: as before
        List<DkimSelectorReport> other = inspect(salesforceKeys()
                + "sf1._domainkey.example.com. CNAME sf1.ab12cd.custdkim.salesforce.com.\n"
                + "s2._domainkey.example.com. CNAME s2.dkim.provider.example.net.\n", "sf1", "s2");
        Finding f = single(other.get(1).findings(), "DKIM_CNAME_TARGET_MISSING", Severity.ERROR);
        assertEquals("Correct the CNAME target or publish the key at s2.dkim.provider.example.net.", f.remediation());
        assertEquals(List.of(), other.get(1).recordsToPublish());
        for (DkimSelectorReport r : inspect(salesforceKeys()
                + "sf1._domainkey.example.com. CNAME sf1.ab12cd.dkim.salesforce.com.\n"
                + "sf2._domainkey.example.com. CNAME sf2.ab12cd.custdkim.salesforce.com.\n", "sf1", "sf2")) {
            r.findings().forEach(x -> assertFalse(x.remediation().contains("publish the key at"), x.remediation()));
        }
    }

    @Test
    void singleSalesforceSelectorAsksForTheAlternate() {
        single(check(salesforceKeys() + "sf1._domainkey.example.com. CNAME sf1.ab12cd.custdkim.salesforce.com.\n",
                "sf1"), "DKIM_SALESFORCE_ALTERNATE_UNCHECKED", Severity.INFO);
    }

    @Test
    void zoneNameAppendedTwice() {
        List<DkimSelectorReport> r = inspect(salesforceKeys()
                + "sf1._domainkey.example.com. CNAME sf1.ab12cd.custdkim.salesforce.com.\n"
                + "sf2._domainkey.example.com.example.com. CNAME sf2.ab12cd.custdkim.salesforce.com.\n", "sf1", "sf2");
        DkimSelectorReport sf2 = r.get(1);
        assertEquals(DkimSelectorState.MISPLACED, sf2.state());
        single(sf2.findings(), "DKIM_ZONE_APPENDED_TWICE", Severity.ERROR);
        absent(sf2.findings(), "DKIM_SALESFORCE_CNAME_MISSING");
        assertEquals(List.of("sf2._domainkey.example.com. CNAME sf2.ab12cd.custdkim.salesforce.com."),
                sf2.recordsToPublish());
    }

    @Test
    void zoneNameAppendedTwiceOnACnameWhoseTargetHasNoKeyYet() {
        // Salesforce's second selector often has no key yet: the misplaced CNAME is still the finding, not a fault
        List<DkimSelectorReport> r = inspect(
                "s1._domainkey.example.com.example.com. CNAME s1.nokey.example.net.\n", "s1");
        DkimSelectorReport s1 = r.getFirst();
        assertEquals(DkimSelectorState.MISPLACED, s1.state());
        single(s1.findings(), "DKIM_ZONE_APPENDED_TWICE", Severity.ERROR);
        assertEquals(List.of("s1._domainkey.example.com. CNAME s1.nokey.example.net."), s1.recordsToPublish());
    }

    @Test
    void cnameBesideOtherRecords() {
        List<DkimSelectorReport> r = inspect(salesforceKeys()
                + "sf1._domainkey.example.com. CNAME sf1.ab12cd.custdkim.salesforce.com.\n"
                + "sf1._domainkey.example.com. TXT \"v=DKIM1; p=\"\n", "sf1");
        assertEquals(DkimSelectorState.CNAME_CONFLICT, r.getFirst().state());
        single(r.getFirst().findings(), "DKIM_CNAME_CONFLICT", Severity.ERROR);
    }

    @Test
    void cnameBesideATxtThatIsNoKeyIsAConflictNotAMissingTarget() {
        // RFC 1034 §3.6.2: "If a CNAME RR is present at a node, no other data should be present"; a resolver that
        // answers the TXT beside the CNAME never reaches Salesforce's key, one that follows the CNAME finds it. The
        // key at the target exists: saying it does not (DKIM_CNAME_TARGET_MISSING) would send the admin to the wrong
        // fix
        List<DkimSelectorReport> r = inspect(salesforceKeys()
                + "sf1._domainkey.example.com. CNAME sf1.ab12cd.custdkim.salesforce.com.\n"
                + "sf1._domainkey.example.com. TXT \"google-site-verification=abc123\"\n", "sf1");
        assertEquals(DkimSelectorState.CNAME_CONFLICT, r.getFirst().state());
        // (sf2, the alternate, is not asked here)
        assertEquals(List.of("DKIM_CNAME_CONFLICT:ERROR", "DKIM_SALESFORCE_ALTERNATE_UNCHECKED:INFO"),
                outcome(r.getFirst().findings()));
        assertEquals("sf1._domainkey.example.com has a CNAME and other records at the same name: DNS forbids this, "
                + "resolvers answer one or the other, and Salesforce cannot verify the key",
                single(r.getFirst().findings(), "DKIM_CNAME_CONFLICT").message());
        // without a key at the target as well, both are said
        List<DkimSelectorReport> none = inspect("sf1._domainkey.example.com. CNAME sf1.ab12cd.custdkim.salesforce.com.\n"
                + "sf1._domainkey.example.com. TXT \"google-site-verification=abc123\"\n", "sf1");
        assertEquals(List.of("DKIM_CNAME_CONFLICT:ERROR", "DKIM_CNAME_TARGET_MISSING:ERROR",
                "DKIM_SALESFORCE_ALTERNATE_UNCHECKED:INFO"), outcome(none.getFirst().findings()));
    }

    @Test
    void multipleKeysAtOneName() {
        // RFC 6376 §3.6.2.2 "TXT RRs MUST be unique for a particular selector name"; OpenDKIM's dkim_get_key_dns
        // returns DKIM_STAT_MULTIDNSREPLY for a second TXT answer, so every signature with the selector fails there
        // (github.com/trusteddomainproject/OpenDKIM libopendkim/dkim-keys.c, commit 0204e93ffde6fbd2c7dfd66)
        Finding f = single(check("s._domainkey.example.com. TXT \"v=DKIM1; k=ed25519; p=" + ed25519 + "\"\n"
                + "s._domainkey.example.com. TXT \"v=DKIM1; p=\"\n", "s"), "DKIM_MULTIPLE_KEYS", Severity.ERROR);
        assertEquals("s._domainkey.example.com has 2 DKIM key records where RFC 6376 §3.6.2.2 allows one TXT "
                + "record: OpenDKIM fails every signature (\"multiple DNS replies\") and other verifiers take either "
                + "record, so signatures fail", f.message());
    }

    /** Each finding as "CODE:SEVERITY", sorted: the whole outcome, for an exact comparison. */
    private static List<String> outcome(List<Finding> findings) {
        return findings.stream().map(f -> f.code() + ":" + f.severity()).sorted().toList();
    }

    @Test
    void versionNotFirstIsAWarningAndTheKeyIsStillJudged() {
        // RFC 6376 §3.6.1 "This tag MUST be the first tag in the record", yet dkimpy, go-msgauth, OpenDKIM,
        // Mail::DKIM and Rspamd use such a key (verifier-key-cases.txt names their code)
        List<Finding> ok = check("s._domainkey.example.com. TXT " + txt("k=rsa; v=DKIM1; p=" + rsa2048) + "\n", "s");
        assertEquals(List.of("DKIM_VERSION_NOT_FIRST:WARNING"), outcome(ok));
        Finding f = ok.getFirst();
        assertEquals("The DKIM key record at s._domainkey.example.com has v= but not as its first tag: RFC 6376 "
                + "§3.6.1 says v= must come first, so strict verifiers may discard the record; dkimpy, go-msgauth, "
                + "OpenDKIM, Mail::DKIM and Rspamd use the key all the same", f.message());
        assertEquals("Put v=DKIM1 first in the record (\"v=DKIM1; k=rsa; p=…\").", f.remediation());
        assertEquals(DkimSelectorState.OK, inspect("s._domainkey.example.com. TXT " + txt("k=rsa; v=DKIM1; p="
                + rsa2048) + "\n", "s").getFirst().state());
        // the key's own checks still run: size, testing flag, revocation, a bad key
        assertEquals(List.of("DKIM_KEY_WEAK:WARNING", "DKIM_VERSION_NOT_FIRST:WARNING"),
                outcome(check("s._domainkey.example.com. TXT \"k=rsa; v=DKIM1; p=" + rsa1024 + "\"\n", "s")));
        assertEquals(List.of("DKIM_TESTING:WARNING", "DKIM_VERSION_NOT_FIRST:WARNING"),
                outcome(check("s._domainkey.example.com. TXT " + txt("t=y; v=DKIM1; p=" + rsa2048) + "\n", "s")));
        assertEquals(List.of("DKIM_KEY_REVOKED:ERROR", "DKIM_VERSION_NOT_FIRST:WARNING"),
                outcome(check("s._domainkey.example.com. TXT \"k=ed25519; v=DKIM1; p=\"\n", "s")));
        assertEquals(List.of("DKIM_KEY_INVALID:ERROR", "DKIM_VERSION_NOT_FIRST:WARNING"),
                outcome(check("s._domainkey.example.com. TXT \"k=dsa; v=DKIM1; p=" + ed25519 + "\"\n", "s")));
        // a v= other than DKIM1 stays unusable wherever it stands (RFC 6376 §3.6.1: "MUST be discarded")
        List<Finding> v2 = check("s._domainkey.example.com. TXT " + txt("k=rsa; v=DKIM2; p=" + rsa2048) + "\n", "s");
        assertEquals(List.of("DKIM_KEY_INVALID:ERROR", "DKIM_VERSION_NOT_FIRST:WARNING"), outcome(v2));
        assertTrue(single(v2, "DKIM_KEY_INVALID").message().endsWith("unusable: v=DKIM2 (must be DKIM1)"),
                v2.toString());
    }

    @Test
    void otherTxtRecordBesideTheKeyIsAnError() {
        // RFC 6376 §3.6.2.2 "TXT RRs MUST be unique for a particular selector name"; OpenDKIM's dkim_get_key_dns
        // returns DKIM_STAT_MULTIDNSREPLY for a second TXT answer of any content (libopendkim/dkim-keys.c,
        // github.com/trusteddomainproject/OpenDKIM commits 0204e93ffde6fbd2c7dfd6693f735713969cd067 and
        // 71565500dfe2c9c53a94ec0ed7d9da3ad248fb2a)
        List<Finding> spf = check("s._domainkey.example.com. TXT " + txt("v=DKIM1; k=rsa; p=" + rsa2048) + "\n"
                + "s._domainkey.example.com. TXT \"v=spf1 -all\"\n", "s");
        assertEquals(List.of("DKIM_EXTRA_TXT:ERROR"), outcome(spf));
        Finding f = spf.getFirst();
        assertEquals("s._domainkey.example.com has another TXT record beside the DKIM key: \"v=spf1 -all\". RFC 6376 "
                + "§3.6.2.2 allows one TXT record there: OpenDKIM fails every signature (\"multiple DNS replies\"), "
                + "dkimpy reads only the first TXT record and go-msgauth joins them all into one", f.message());
        assertEquals("Remove every TXT record at s._domainkey.example.com except the DKIM key.", f.remediation());
        assertEquals("s._domainkey.example.com", f.subject());
        assertTrue(f.evidence().stream().anyMatch(l -> l.startsWith(";; not a DKIM key: s._domainkey.example.com.")
                && l.endsWith("\"v=spf1 -all\"")), f.evidence().toString());
        assertEquals(1, f.evidence().stream().filter(l -> l.startsWith(";; not a DKIM key:")).count());
        // the key itself is still judged
        assertEquals(List.of("DKIM_EXTRA_TXT:ERROR", "DKIM_KEY_WEAK:WARNING"), outcome(check(
                "s._domainkey.example.com. TXT \"v=DKIM1; p=" + rsa1024 + "\"\n"
                + "s._domainkey.example.com. TXT \"google-site-verification=abc123\"\n"
                + "s._domainkey.example.com. TXT \"v=spf1 -all\"\n", "s")));
        Finding two = single(check("s._domainkey.example.com. TXT \"v=DKIM1; k=ed25519; p=" + ed25519 + "\"\n"
                + "s._domainkey.example.com. TXT \"google-site-verification=abc123\"\n"
                + "s._domainkey.example.com. TXT \"v=spf1 -all\"\n", "s"), "DKIM_EXTRA_TXT", Severity.ERROR);
        assertTrue(two.message().startsWith("s._domainkey.example.com has 2 other TXT records beside the DKIM key: "),
                two.message());
        assertTrue(two.message().contains("\"google-site-verification=abc123\"")
                && two.message().contains("\"v=spf1 -all\""), two.message());
        assertEquals(2, two.evidence().stream().filter(l -> l.startsWith(";; not a DKIM key:")).count());
    }

    @Test
    void otherTxtRecordAtTheCnameTargetIsNamedThere() {
        List<Finding> f = check("""
                s1._domainkey.example.com. CNAME s1.dkim.provider.example.net.
                s1.dkim.provider.example.net. TXT %s
                s1.dkim.provider.example.net. TXT "v=spf1 -all"
                """.formatted(txt("v=DKIM1; k=rsa; p=" + rsa2048)), "s1");
        assertEquals(List.of("DKIM_EXTRA_TXT:ERROR"), outcome(f));
        assertTrue(f.getFirst().message().startsWith("s1._domainkey.example.com (→ s1.dkim.provider.example.net) has "
                + "another TXT record beside the DKIM key"), f.getFirst().message());
        assertEquals("Remove every TXT record at s1.dkim.provider.example.net except the DKIM key.",
                f.getFirst().remediation());
    }

    @Test
    void otherTxtRecordBesideTwoKeysGivesBothFindings() {
        assertEquals(List.of("DKIM_EXTRA_TXT:ERROR", "DKIM_MULTIPLE_KEYS:ERROR"), outcome(check(
                "s._domainkey.example.com. TXT \"v=DKIM1; k=ed25519; p=" + ed25519 + "\"\n"
                + "s._domainkey.example.com. TXT \"v=DKIM1; p=\"\n"
                + "s._domainkey.example.com. TXT \"v=spf1 -all\"\n", "s")));
        // a TXT record without any key is no key: the selector has none
        assertEquals(List.of("DKIM_SELECTOR_MISSING:ERROR"),
                outcome(check("s._domainkey.example.com. TXT \"v=spf1 -all\"\n", "s")));
    }

    @Test
    void noSelectorAndDnsFailure() {
        single(check(""), "DKIM_NO_SELECTOR", Severity.INFO);
        FakeDns dns = FakeDns.of("").fail("s._domainkey.example.com", Type.TXT, DnsStatus.SERVFAIL);
        List<Finding> f = dns.run(new DkimCheck(), "example.com", FakeDns.options(null, List.of("s"), List.of()));
        single(f, "DNS_LOOKUP_FAILED");
        absent(f, "DKIM_SELECTOR_MISSING");
    }

    @Test
    void pkcs1KeyIsAcceptedWithAWarning() throws Exception {
        byte[] spki = java.util.Base64.getDecoder().decode(rsa2048);
        String pkcs1 = java.util.Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(spki, 24,
                spki.length));
        List<DkimSelectorReport> r = inspect("s._domainkey.example.com. TXT " + txt("v=DKIM1; p=" + pkcs1) + "\n",
                "s");
        Finding f = single(r.getFirst().findings(), "DKIM_KEY_PKCS1", Severity.WARNING);
        // RFC 6376 §3.6.1 names RSAPublicKey: the text must not claim the RFC requires SubjectPublicKeyInfo
        assertEquals("The DKIM key at s._domainkey.example.com is a bare PKCS#1 RSAPublicKey, not the "
                + "SubjectPublicKeyInfo form that signers publish and verifiers (OpenDKIM, for one) expect: some "
                + "verifiers reject it", f.message());
        assertEquals("Publish the key in SubjectPublicKeyInfo form (what openssl rsa -pubout writes).",
                f.remediation());
        assertEquals(OptionalInt.of(2048), r.getFirst().keyBits());
        assertEquals(DkimSelectorState.OK, r.getFirst().state());
    }

    @Test
    void sha1OnlyKey() {
        single(check("s._domainkey.example.com. TXT " + txt("v=DKIM1; h=sha1; p=" + rsa2048) + "\n", "s"),
                "DKIM_SHA1_ONLY", Severity.ERROR);
        absent(check("s._domainkey.example.com. TXT " + txt("v=DKIM1; h=sha1:sha256; p=" + rsa2048) + "\n", "s"),
                "DKIM_SHA1_ONLY");
    }

    /**
     * A chain of two CNAMEs broken at its end: the last name is what has no key (the first target is a CNAME, where
     * no TXT may be published), the evidence shows the whole chain, and a custdkim target anywhere in it gives
     * Salesforce's wording.
     */
    @Test
    void aCnameChainBrokenAtItsEndNamesItsLastName() {
        Finding chain = single(check("""
                chain._domainkey.example.com. CNAME chain.dk.example.net.
                chain.dk.example.net. CNAME chain2.dk.example.net.
                """, "chain"), "DKIM_CNAME_TARGET_MISSING", Severity.ERROR);
        assertEquals("chain._domainkey.example.com leads by CNAME to chain2.dk.example.net, which has no DKIM key "
                + "(chain._domainkey.example.com → chain.dk.example.net → chain2.dk.example.net)", chain.message());
        assertEquals("Correct the CNAME at chain.dk.example.net, which points to chain2.dk.example.net, or publish "
                + "the key at chain2.dk.example.net.", chain.remediation());
        assertTrue(chain.evidence().contains(";; CNAME chain: chain._domainkey.example.com → chain.dk.example.net → "
                + "chain2.dk.example.net"), String.join("\n", chain.evidence()));
        Finding salesforce = single(check("""
                sfchain._domainkey.example.com. CNAME sfchain.dk.example.net.
                sfchain.dk.example.net. CNAME sfchain.abc123.custdkim.salesforce.com.
                """, "sfchain"), "DKIM_CNAME_TARGET_MISSING", Severity.ERROR);
        assertTrue(salesforce.message().startsWith("sfchain._domainkey.example.com leads by CNAME to "
                + "sfchain.abc123.custdkim.salesforce.com, which has no DKIM key ("), salesforce.message());
        assertTrue(salesforce.message().endsWith("the key does not exist (yet) at Salesforce or a CNAME value has a "
                + "typo"), salesforce.message());
        assertTrue(salesforce.remediation().startsWith("Copy the CNAME value exactly from Salesforce Setup"),
                salesforce.remediation());
        // the Salesforce target first, then a broken hop of Salesforce's own: still Salesforce's wording
        Finding fromSalesforce = single(check("""
                s1._domainkey.example.com. CNAME s1.abc123.custdkim.salesforce.com.
                s1.abc123.custdkim.salesforce.com. CNAME s1.gone.example.org.
                """, "s1"), "DKIM_CNAME_TARGET_MISSING");
        assertTrue(fromSalesforce.message().contains("to s1.gone.example.org, which has no DKIM key")
                && fromSalesforce.message().contains("Salesforce"), fromSalesforce.message());
    }

    /**
     * An Ed25519 key without k= (whose default is rsa, RFC 6376 §3.6.1), or under k=rsa, and an RSA key under
     * k=ed25519: the k= is what is wrong (RFC 8463), and the template is of the key's own type.
     */
    @Test
    void aKeyOfAnotherTypeThanItsKIsSaidSo() {
        Finding noK = single(check("s._domainkey.example.com. TXT \"v=DKIM1; p=" + ed25519 + "\"\n", "s"),
                "DKIM_KEY_INVALID", Severity.ERROR);
        assertTrue(noK.message().contains("p= holds 32 bytes, an Ed25519 key, but the record has no k=")
                && noK.message().contains("k=ed25519 is missing (RFC 8463)"), noK.message());
        assertFalse(noK.message().contains("not an RSA public key"), noK.message());
        assertEquals("Make k= match the key: publish the record as \"v=DKIM1; k=ed25519; p=…\" with the same p= (or "
                + "publish a key of the type the signer signs with).", noK.remediation());
        Finding asRsa = single(check("s._domainkey.example.com. TXT \"v=DKIM1; k=rsa; p=" + ed25519 + "\"\n", "s"),
                "DKIM_KEY_INVALID");
        assertTrue(asRsa.message().contains("but k=rsa says RSA: k= does not match the key"), asRsa.message());
        assertTrue(asRsa.remediation().contains("\"v=DKIM1; k=ed25519; p=…\""), asRsa.remediation());
        Finding asEd = single(check("s._domainkey.example.com. TXT " + txt("v=DKIM1; k=ed25519; p=" + rsa2048)
                + "\n", "s"), "DKIM_KEY_INVALID");
        assertTrue(asEd.message().contains("p= holds an RSA public key (2048 bits), but k=ed25519 says Ed25519: k= "
                + "does not match the key"), asEd.message());
        assertTrue(asEd.remediation().contains("\"v=DKIM1; k=rsa; p=…\""), asEd.remediation());
        // any other unreadable key keeps the usual template
        assertTrue(single(check("s._domainkey.example.com. TXT \"v=DKIM1; p=bm90IGEga2V5\"\n", "s"),
                "DKIM_KEY_INVALID").remediation().startsWith("Publish the key record exactly as the signer gives it"));
    }

    @Test
    void testingModeSaysWhatRfc6376AsksOfVerifiers() {
        // RFC 6376 §3.6.1, t=y: "Verifiers MUST NOT treat messages from Signers in testing mode differently from
        // unsigned email, even should the signature fail to verify."
        Finding testing = single(check("s._domainkey.example.com. TXT " + txt("v=DKIM1; t=y; p=" + rsa2048) + "\n",
                "s"), "DKIM_TESTING", Severity.WARNING);
        assertEquals("The DKIM key at s._domainkey.example.com is in testing mode (t=y): verifiers must not treat "
                + "mail signed with it differently from unsigned mail, even when the signature fails to verify (RFC "
                + "6376 §3.6.1)", testing.message());
        assertFalse(testing.message(java.util.Locale.of("sv")).contains("kan behandla"),
                testing.message(java.util.Locale.of("sv")));
    }
}
