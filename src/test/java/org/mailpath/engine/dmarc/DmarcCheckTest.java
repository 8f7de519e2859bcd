package org.mailpath.engine.dmarc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.testing.fakedns.Findings.absent;
import static org.mailpath.testing.fakedns.Findings.single;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.check.CheckContext;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.dns.DnsStatus;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.engine.spf.SalesforceSending;
import org.mailpath.testing.fakedns.FakeDns;
import org.xbill.DNS.Type;

class DmarcCheckTest {

    private static List<Finding> check(String zone, String domain) {
        return FakeDns.of(zone).run(new DmarcCheck(), domain, CheckOptions.defaults());
    }

    @Test
    void validPolicy() {
        Finding ok = single(check("_dmarc.example.com. TXT \"v=DMARC1; p=reject; rua=mailto:d@example.com\"\n",
                "example.com"), "DMARC_OK", Severity.OK);
        assertTrue(ok.evidence().contains("sp=reject (default)"));
        assertTrue(ok.evidence().stream().anyMatch(l -> l.contains("_dmarc.example.com TXT")));
    }

    @Test
    void missing() {
        List<Finding> f = check("example.com. TXT \"v=spf1 -all\"\n", "example.com");
        single(f, "DMARC_MISSING", Severity.WARNING);
        absent(f, "DMARC_OK");
    }

    /**
     * A domain that declares it sends and receives no mail (a null MX as its only MX, SPF "v=spf1 -all") is told to
     * publish p=reject at its own _dmarc name, not p=none and a roll-out; either record alone, or a null MX beside a
     * real MX host, is a domain that may send, which keeps the p=none advice.
     */
    @Test
    void aParkedDomainIsToldToPublishReject() {
        Finding parked = single(check("example.com. MX 0 .\nexample.com. TXT \"v=spf1 -all\"\n", "example.com"),
                "DMARC_MISSING", Severity.WARNING);
        assertEquals("No DMARC record at _dmarc.example.com: receivers apply no DMARC policy to example.com, which "
                + "declares it sends and receives no mail (its only MX is a null MX and its SPF record is "
                + "\"v=spf1 -all\"), so mail forged in its name is not rejected by DMARC", parked.message());
        assertTrue(parked.remediation().startsWith("Publish TXT at _dmarc.example.com: \"v=DMARC1; p=reject;\". "),
                parked.remediation());
        assertFalse(parked.remediation().contains("p=none"), parked.remediation());
        assertTrue(parked.evidence().stream().anyMatch(l -> l.contains("MX") && l.contains("0 .")),
                String.join("\n", parked.evidence()));
        assertTrue(parked.evidence().stream().anyMatch(l -> l.contains("v=spf1 -all")),
                String.join("\n", parked.evidence()));
        // a parked subdomain publishes its own record: reject at example.com would reject the sending domain's mail
        Finding sub = single(check("old.example.com. MX 0 .\nold.example.com. TXT \"v=spf1 -all\"\n",
                "old.example.com"), "DMARC_MISSING");
        assertTrue(sub.remediation().startsWith("Publish TXT at _dmarc.old.example.com: \"v=DMARC1; p=reject;\""),
                sub.remediation());

        for (String zone : List.of("example.com. TXT \"v=spf1 -all\"\n",
                "example.com. MX 0 .\nexample.com. TXT \"v=spf1 include:_spf.salesforce.com -all\"\n",
                "example.com. MX 0 .\nexample.com. MX 10 mx.example.com.\nexample.com. TXT \"v=spf1 -all\"\n",
                "example.com. MX 0 .\n")) {
            Finding sending = single(check(zone, "example.com"), "DMARC_MISSING", Severity.WARNING);
            assertTrue(sending.message().endsWith("large mailbox providers expect one from bulk senders"),
                    sending.message());
            assertTrue(sending.remediation().contains("\"v=DMARC1; p=none;"), sending.remediation());
        }
    }

    /**
     * A domain whose records say it sends no mail, but which the Email Log shows Salesforce sending as (analyze hands
     * that over in the context, with or without Bounce Management), sends mail: p=reject would reject it, so it gets
     * the advice of a sending domain.
     */
    @Test
    void aParkedLookingDomainTheLogShowsSendingIsNotToldToPublishReject() {
        FakeDns dns = FakeDns.of("example.com. MX 0 .\nexample.com. TXT \"v=spf1 -all\"\n");
        for (SalesforceSending sending : List.of(SalesforceSending.WITHOUT_BOUNCE_MANAGEMENT,
                SalesforceSending.WITH_BOUNCE_MANAGEMENT)) {
            Finding f = single(new DmarcCheck().run(new CheckContext("example.com", CheckOptions.defaults(), dns,
                    Cancellation.none(), sending)).findings(), "DMARC_MISSING", Severity.WARNING);
            assertTrue(f.remediation().contains("\"v=DMARC1; p=none;"), f.remediation());
            assertFalse(f.remediation().contains("p=reject;\"."), f.remediation());
            assertFalse(f.message().contains("declares it sends and receives no mail"), f.message());
        }
        assertTrue(single(new DmarcCheck().run(dns.context("example.com", CheckOptions.defaults())).findings(),
                "DMARC_MISSING").remediation().startsWith("Publish TXT at _dmarc.example.com: \"v=DMARC1; p=reject;\""));
    }

    /**
     * A parked domain that publishes p=none has no legitimate mail to watch in aggregate reports before it tightens
     * (and here it asks for none): it is told to reject at once, in its own record, as DMARC_MISSING tells it; a
     * domain that sends keeps the roll-out advice.
     */
    @Test
    void aParkedDomainWithPolicyNoneIsToldToRejectAtOnce() {
        String parked = "example.com. MX 0 .\nexample.com. TXT \"v=spf1 -all\"\n";
        Finding none = single(check(parked + "_dmarc.example.com. TXT \"v=DMARC1; p=none\"\n", "example.com"),
                "DMARC_POLICY_NONE", Severity.INFO);
        assertTrue(none.remediation().startsWith("Change the record at _dmarc.example.com to \"v=DMARC1; p=reject;\" "
                + "now: the domain declares it sends and receives no mail"), none.remediation());
        assertFalse(none.remediation().contains("aggregate reports show"), none.remediation());
        assertTrue(none.evidence().stream().anyMatch(l -> l.contains("MX") && l.contains("0 .")),
                String.join("\n", none.evidence()));
        assertTrue(none.evidence().stream().anyMatch(l -> l.contains("v=spf1 -all")),
                String.join("\n", none.evidence()));

        // inherited from the organizational domain: its own record, not a stricter one at example.com
        Finding sub = single(check("old.example.com. MX 0 .\nold.example.com. TXT \"v=spf1 -all\"\n"
                + "_dmarc.example.com. TXT \"v=DMARC1; p=none; rua=mailto:d@example.com\"\n", "old.example.com"),
                "DMARC_POLICY_NONE", Severity.INFO);
        assertTrue(sub.remediation().startsWith("Publish TXT at _dmarc.old.example.com: \"v=DMARC1; p=reject;\" now, "
                + "a record of its own (a stricter policy at example.com would apply to the domains that send too)"),
                sub.remediation());

        Finding sending = single(check("example.com. TXT \"v=spf1 include:_spf.salesforce.com -all\"\n"
                + "_dmarc.example.com. TXT \"v=DMARC1; p=none\"\n", "example.com"), "DMARC_POLICY_NONE");
        assertEquals("When the aggregate reports show that all legitimate mail passes, move to p=quarantine, then "
                + "p=reject.", sending.remediation());
    }

    @Test
    void recordAtTheApexIsPointedOut() {
        Finding f = single(check("example.com. TXT \"v=DMARC1; p=reject\"\n", "example.com"), "DMARC_MISSING");
        assertTrue(f.message().contains("has no effect"), f.message());
    }

    @Test
    void organizationalDomainFallbackUsesThePublicSuffixList() {
        List<Finding> f = check("_dmarc.example.co.uk. TXT \"v=DMARC1; p=reject; sp=none\"\n",
                "mail.example.co.uk");
        Finding none = single(f, "DMARC_POLICY_NONE", Severity.INFO);
        assertTrue(none.message().contains("inherited from example.co.uk"), none.message());
        absent(f, "DMARC_OK");
        FakeDns dns = FakeDns.of("_dmarc.example.co.uk. TXT \"v=DMARC1; p=reject\"\n");
        single(dns.run(new DmarcCheck(), "a.b.example.co.uk", CheckOptions.defaults()), "DMARC_OK");
        assertTrue(dns.queries().contains("_dmarc.example.co.uk TXT"));
    }

    @Test
    void noFallbackToAPublicSuffix() {
        FakeDns dns = FakeDns.of("_dmarc.co.uk. TXT \"v=DMARC1; p=reject\"\n");
        List<Finding> f = dns.run(new DmarcCheck(), "example.co.uk", CheckOptions.defaults());
        single(f, "DMARC_MISSING"); // RFC 7489 never uses a public suffix's record
        // RFC 9989's tree walk reaches it (a PSD DMARC record): the disagreement is reported
        assertTrue(single(f, "DMARC_DISCOVERY_DIFFERS").message().contains("record of co.uk"));
    }

    @Test
    void multipleRecords() {
        single(check("_dmarc.example.com. TXT \"v=DMARC1; p=reject\"\n_dmarc.example.com. TXT \"v=DMARC1; p=none\"\n"
                + "_dmarc.example.com. TXT \"unrelated\"\n", "example.com"), "DMARC_MULTIPLE", Severity.ERROR);
    }

    @Test
    void theVersionIsCaseSensitive() {
        // "v=dmarc1" is not a DMARC record (RFC 7489 §6.4, §6.6.3): one valid record, not two
        List<Finding> one = check("_dmarc.example.com. TXT \"v=DMARC1; p=reject\"\n"
                + "_dmarc.example.com. TXT \"v=dmarc1; p=none\"\n", "example.com");
        absent(one, "DMARC_MULTIPLE");
        assertTrue(single(one, "DMARC_OK").message().contains("p=reject"));
        Finding lower = single(check("_dmarc.example.com. TXT \"v=dmarc1; p=reject\"\n", "example.com"),
                "DMARC_MISSING", Severity.WARNING);
        assertTrue(lower.message().contains("\"v=dmarc1; p=reject\" at _dmarc.example.com is ignored")
                && lower.message().contains("case-sensitive"), lower.message());
        assertTrue(lower.remediation().contains("exactly \"v=DMARC1;\""), lower.remediation());
    }

    @Test
    void aRecordWithTheVersionNotFirstIsDiscardedAndSaidSo() {
        Finding f = single(check("_dmarc.example.com. TXT \"p=reject; v=DMARC1\"\n", "example.com"),
                "DMARC_MISSING");
        assertTrue(f.message().contains("is not its first tag"), f.message());
        absent(check("_dmarc.example.com. TXT \"p=reject; v=DMARC1\"\n", "example.com"), "DMARC_SYNTAX");
    }

    @Test
    void syntax() {
        Finding f = single(check("_dmarc.example.com. TXT \"v=DMARC1; p=rejectt; pct=150\"\n", "example.com"),
                "DMARC_SYNTAX", Severity.ERROR);
        assertTrue(f.message().contains("p=rejectt") && f.message().contains("pct=150"), f.message());
    }

    @Test
    void policyNoneAndPartialPct() {
        List<Finding> f = check("_dmarc.example.com. TXT \"v=DMARC1; p=none; pct=50\"\n", "example.com");
        single(f, "DMARC_POLICY_NONE", Severity.INFO);
        single(f, "DMARC_PCT_PARTIAL", Severity.INFO);
        // DMARC_OK means quarantine or reject applies (docs/findings.md): never for p=none
        absent(f, "DMARC_OK");
        absent(check("_dmarc.example.com. TXT \"v=DMARC1; p=none\"\n", "example.com"), "DMARC_OK");
    }

    @Test
    void externalReportsNeedAuthorization() {
        String policy = "_dmarc.example.com. TXT \"v=DMARC1; p=reject; rua=mailto:a@reports.example.net,"
                + "mailto:b@example.com; ruf=mailto:f@vendor.example.org\"\n";
        List<Finding> none = check(policy, "example.com");
        assertTrue(none.stream().filter(x -> x.code().equals("DMARC_REPORT_UNAUTHORIZED")).count() == 2);
        List<Finding> one = check(policy + "example.com._report._dmarc.reports.example.net. TXT \"v=DMARC1\"\n",
                "example.com");
        Finding f = single(one, "DMARC_REPORT_UNAUTHORIZED", Severity.WARNING);
        assertTrue(f.message().contains("vendor.example.org"));
        assertTrue(f.remediation().contains("example.com._report._dmarc.vendor.example.org"));
        absent(check(policy + "*._report._dmarc.reports.example.net. TXT \"v=DMARC1\"\n"
                + "*._report._dmarc.vendor.example.org. TXT \"v=DMARC1;\"\n", "example.com"),
                "DMARC_REPORT_UNAUTHORIZED");
    }

    @Test
    void dnsFailureIsReportedNotGuessed() {
        FakeDns dns = FakeDns.of("").fail("_dmarc.example.com", Type.TXT, DnsStatus.TIMEOUT);
        List<Finding> f = dns.run(new DmarcCheck(), "example.com", CheckOptions.defaults());
        single(f, "DNS_TIMEOUT", Severity.WARNING);
        absent(f, "DMARC_MISSING");
    }

    @Test
    void treeWalkNames() {
        assertEquals(List.of("a.b.example.com", "b.example.com", "example.com", "com"),
                DmarcCheck.walkNames("a.b.example.com"));
        List<String> names = DmarcCheck.walkNames("1.2.3.4.5.6.7.8.9.example.com");
        assertEquals("1.2.3.4.5.6.7.8.9.example.com", names.getFirst());
        assertEquals("5.6.7.8.9.example.com", names.get(1)); // 7 labels
        assertEquals(8, names.size());
    }

    @Test
    void rfc9989TreeWalkTakesTheOrganizationalDomainsRecordLikeThePsl() {
        // RFC 9989 §4.10.2 step 3 and Appendix B.4.2 (draft-ietf-dmarc-dmarcbis-41, published as RFC 9989): without a
        // record at the domain, the record with the fewest labels applies, not the nearest one: both generations
        // use example.com's record here
        String zone = """
                _dmarc.example.com. TXT "v=DMARC1; p=reject"
                _dmarc.b.example.com. TXT "v=DMARC1; p=none"
                """;
        absent(check(zone, "a.b.example.com"), "DMARC_DISCOVERY_DIFFERS");
        absent(check(zone, "example.com"), "DMARC_DISCOVERY_DIFFERS");
        absent(check(zone, "x.example.com"), "DMARC_DISCOVERY_DIFFERS");
        assertEquals(Optional.of("example.com"), walk(zone, "a.b.example.com"));
        assertEquals(Optional.of("b.example.com"), walk(zone, "b.example.com"));
        // the walk also finds records the PSL discovery cannot
        List<Finding> onlyWalk = check("_dmarc.b.example.com. TXT \"v=DMARC1; p=none\"\n", "a.b.example.com");
        single(onlyWalk, "DMARC_MISSING");
        assertTrue(single(onlyWalk, "DMARC_DISCOVERY_DIFFERS").message().contains("find no DMARC record"));
    }

    @Test
    void rfc9989TreeWalkStopsAtPsdTags() {
        // §4.10.2 step 1: psd=n makes its domain the Organizational Domain: RFC 9989 receivers use b.example.com's
        // record, RFC 7489 receivers (PSL) example.com's
        String psdN = """
                _dmarc.example.com. TXT "v=DMARC1; p=reject"
                _dmarc.b.example.com. TXT "v=DMARC1; p=none; psd=n"
                """;
        assertEquals(Optional.of("b.example.com"), walk(psdN, "a.b.example.com"));
        Finding f = single(check(psdN, "a.b.example.com"), "DMARC_DISCOVERY_DIFFERS", Severity.INFO);
        assertTrue(f.message().contains("RFC 7489 (public suffix list) use the DMARC record of example.com")
                && f.message().contains("tree walk) use the record of b.example.com"), f.message());
        // step 2 and Appendix B.4.3: below a psd=y record the name one label down is the Organizational Domain, its
        // record applies; without one the PSD's record applies
        String psdY = """
                _dmarc.bank.example. TXT "v=DMARC1; p=reject; psd=y"
                _dmarc.giant.bank.example. TXT "v=DMARC1; p=quarantine"
                """;
        assertEquals(Optional.of("giant.bank.example"), walk(psdY, "mail.giant.bank.example"));
        assertEquals(Optional.of("bank.example"), walk(psdY, "mail.mega.bank.example"));
        // psd values are ABNF strings, any case
        assertEquals(Optional.of("b.example.com"), walk(psdN.replace("psd=n", "psd=N"), "a.b.example.com"));
    }

    @Test
    void rfc9989TreeWalkDiscardsANameWithSeveralRecords() {
        // §4.10 steps 2 and 6: "If multiple DMARC Policy Records are returned for a single target, they are all
        // discarded"; RFC 7489 §6.6.3 ends discovery there (DMARC_MULTIPLE), RFC 9989 walks on
        String zone = """
                _dmarc.example.com. TXT "v=DMARC1; p=reject"
                _dmarc.b.example.com. TXT "v=DMARC1; p=none"
                _dmarc.b.example.com. TXT "v=DMARC1; p=quarantine"
                """;
        assertEquals(Optional.of("example.com"), walk(zone, "b.example.com"));
        List<Finding> f = check(zone, "b.example.com");
        single(f, "DMARC_MULTIPLE", Severity.ERROR);
        assertTrue(single(f, "DMARC_DISCOVERY_DIFFERS").message().contains("RFC 7489 (public suffix list) find no "
                + "DMARC record, receivers that follow RFC 9989 (DNS tree walk) use the record of example.com"),
                single(f, "DMARC_DISCOVERY_DIFFERS").message());
    }

    private static Optional<String> walk(String zone, String domain) {
        return DmarcCheck.treeWalk(FakeDns.of(zone).context(domain, CheckOptions.defaults()), domain);
    }

    @Test
    void aReportAddressReceiversCannotUseCostsReportsNotThePolicy() {
        List<Finding> noScheme = check("_dmarc.example.com. TXT \"v=DMARC1; p=reject; "
                + "rua=d@example.com, mailto:ok@example.com\"\n", "example.com");
        assertEquals("DMARC policy for example.com: p=reject", single(noScheme, "DMARC_OK", Severity.OK).message());
        Finding unusable = single(noScheme, "DMARC_REPORT_URI_UNUSABLE", Severity.WARNING);
        assertEquals("DMARC record of example.com: receivers send no reports to rua: \"d@example.com\" is not a URI "
                + "(write \"mailto:\" before a mail address). The policy does not depend on these addresses: only the "
                + "reports are lost", unusable.message());
        assertTrue(unusable.remediation().contains("mailto:"), unusable.remediation());
        absent(noScheme, "DMARC_SYNTAX");
        // RFC 7489 §6.2: any URI is valid, receivers need support only mailto:
        List<Finding> https = check("_dmarc.example.com. TXT \"v=DMARC1; p=reject; rua=https://dmarc.example.net/r\"\n",
                "example.com");
        single(https, "DMARC_OK", Severity.OK);
        assertTrue(single(https, "DMARC_REPORT_URI_UNUSABLE", Severity.WARNING).message()
                .contains("\"https://dmarc.example.net/r\" is not a mailto: address, and receivers need support only "
                        + "mailto:"));
        absent(https, "DMARC_SYNTAX");
        absent(https, "DMARC_REPORT_UNAUTHORIZED");
    }

    @Test
    void everyUnusableReportAddressIsNamedWithWhy() {
        List<Finding> f = check("_dmarc.example.com. TXT \"v=DMARC1; p=reject; rua=d@example.com,https://x.example/r,"
                + "mailto:nobody, mailto:ok@example.com!10m; ruf=ftp:x\"\n", "example.com");
        assertEquals("DMARC record of example.com: receivers send no reports to "
                + "rua: \"d@example.com\" is not a URI (write \"mailto:\" before a mail address); "
                + "rua: \"https://x.example/r\" is not a mailto: address, and receivers need support only mailto: "
                + "(RFC 7489 §6.2); "
                + "rua: \"mailto:nobody\" is not a mail address; "
                + "ruf: \"ftp:x\" is not a mailto: address, and receivers need support only mailto: (RFC 7489 §6.2). "
                + "The policy does not depend on these addresses: only the reports are lost",
                single(f, "DMARC_REPORT_URI_UNUSABLE", Severity.WARNING).message());
        absent(f, "DMARC_SYNTAX");
        single(f, "DMARC_OK", Severity.OK);
    }

    @Test
    void pctZeroSaysThePolicyReceiversApply() {
        // RFC 7489 §6.6.4: mail pct does not select gets the next-lower policy; pct=0 selects none
        List<Finding> reject = check("_dmarc.example.com. TXT \"v=DMARC1; p=reject; pct=0\"\n", "example.com");
        // RFC 9989 has no pct (draft-ietf-dmarc-dmarcbis-41 Appendix A.6, C.5.2; IANA status "historic"): its
        // receivers reject all failing mail; t=y is its test mode
        assertEquals("DMARC policy for example.com: p=reject, but with pct=0 receivers that follow RFC 7489 apply "
                + "quarantine to all failing mail instead (RFC 7489 §6.6.4); receivers that follow RFC 9989 "
                + "(DMARCbis), which has no pct, apply the policy as written",
                single(reject, "DMARC_OK", Severity.OK).message());
        Finding pct = single(reject, "DMARC_PCT_PARTIAL", Severity.INFO);
        assertEquals("pct=0: receivers that follow RFC 7489 reject no failing mail, they quarantine all of it (RFC "
                + "7489 §6.6.4); receivers that follow RFC 9989 (DMARCbis), which has no pct, reject all of it",
                pct.message());
        assertEquals("While testing, write t=y beside pct=0: RFC 9989 (DMARCbis) has no pct, and t=y makes its "
                + "receivers apply the next-lower policy as well. Remove both once the reports are clean.",
                pct.remediation());
        // with t=y both generations apply quarantine: DMARC_TEST_MODE says RFC 9989's side
        List<Finding> tested = check("_dmarc.example.com. TXT \"v=DMARC1; p=reject; pct=0; t=y\"\n", "example.com");
        assertEquals("pct=0: receivers that follow RFC 7489 reject no failing mail, they quarantine all of it (RFC "
                + "7489 §6.6.4)", single(tested, "DMARC_PCT_PARTIAL").message());
        assertEquals("Remove pct=0 and t=y once the reports are clean.",
                single(tested, "DMARC_PCT_PARTIAL").remediation());
        assertEquals("DMARC policy for example.com: p=reject, but with pct=0 receivers that follow RFC 7489 apply "
                + "quarantine to all failing mail instead (RFC 7489 §6.6.4)", single(tested, "DMARC_OK").message());
        single(tested, "DMARC_TEST_MODE", Severity.INFO);
        absent(reject, "DMARC_POLICY_NONE");

        List<Finding> quarantine = check("_dmarc.example.com. TXT \"v=DMARC1; p=quarantine; pct=0\"\n",
                "example.com");
        absent(quarantine, "DMARC_OK");
        assertEquals("DMARC policy for example.com is in effect none at receivers that follow RFC 7489: with "
                + "p=quarantine and pct=0 they quarantine no failing mail, they treat all of it as under p=none (RFC "
                + "7489 §6.6.4) and only report. Receivers that follow RFC 9989 (DMARCbis), which has no pct, apply "
                + "p=quarantine", single(quarantine, "DMARC_POLICY_NONE", Severity.INFO).message());
        // already quarantine: the advice is to lift pct=0 (RFC 7489 §6.3), not to "move to p=quarantine"
        assertEquals("The policy is already p=quarantine; pct=0 holds it back. When the aggregate reports show that "
                + "all legitimate mail passes, remove pct=0 (or set pct=100), so that receivers that follow RFC 7489 "
                + "apply p=quarantine to failing mail; the policy itself need not change.",
                single(quarantine, "DMARC_POLICY_NONE").remediation());
        assertEquals("The policy is already p=quarantine; pct=0 and t=y hold it back. When the aggregate reports show "
                + "that all legitimate mail passes, remove both, so that receivers apply p=quarantine to failing mail; "
                + "the policy itself need not change.", single(check(
                        "_dmarc.example.com. TXT \"v=DMARC1; p=quarantine; pct=0; t=y\"\n", "example.com"),
                        "DMARC_POLICY_NONE").remediation());
        List<Finding> inherited = check("_dmarc.example.com. TXT \"v=DMARC1; p=reject; sp=quarantine; pct=0\"\n",
                "mail.example.com");
        absent(inherited, "DMARC_OK");
        assertTrue(single(inherited, "DMARC_POLICY_NONE").message()
                .contains("with sp=quarantine inherited from example.com and pct=0"));
        assertTrue(single(inherited, "DMARC_POLICY_NONE").remediation()
                .startsWith("The policy is already sp=quarantine inherited from example.com; pct=0 holds it back."));
        // the organizational domain itself keeps p=reject, lowered to quarantine
        single(check("_dmarc.example.com. TXT \"v=DMARC1; p=reject; sp=quarantine; pct=0\"\n", "example.com"),
                "DMARC_OK", Severity.OK);
    }

    @Test
    void aPartialPctSaysWhatTheRestGets() {
        List<Finding> reject = check("_dmarc.example.com. TXT \"v=DMARC1; p=reject; pct=20\"\n", "example.com");
        single(reject, "DMARC_OK", Severity.OK);
        assertEquals("pct=20: receivers that follow RFC 7489 reject only 20% of failing mail and quarantine the rest "
                + "(RFC 7489 §6.6.4); receivers that follow RFC 9989 (DMARCbis), which has no pct, reject all of it",
                single(reject, "DMARC_PCT_PARTIAL", Severity.INFO).message());
        assertEquals("pct=20: receivers that follow RFC 7489 quarantine only 20% of failing mail and treat the rest as "
                + "under p=none (RFC 7489 §6.6.4); receivers that follow RFC 9989 (DMARCbis), which has no pct, "
                + "quarantine all of it", single(check("_dmarc.example.com. TXT \"v=DMARC1; p=quarantine; pct=20\"\n",
                "example.com"), "DMARC_PCT_PARTIAL").message());
    }

    @Test
    void anInvalidSpMakesTheRecordPNoneWhenRuaIsValid() {
        // RFC 7489 §6.6.3 step 6: receivers act as if "v=DMARC1; p=none" was published, p=reject included
        List<Finding> f = check("_dmarc.example.com. TXT \"v=DMARC1; p=reject; sp=bogus; "
                + "rua=mailto:d@example.com\"\n", "example.com");
        assertTrue(single(f, "DMARC_SYNTAX", Severity.ERROR).message().contains("sp=bogus"));
        Finding none = single(f, "DMARC_POLICY_NONE", Severity.INFO);
        assertEquals("DMARC policy for example.com is none: in the record of example.com, sp=bogus is not none, "
                + "quarantine or reject; receivers then act as if it said only \"v=DMARC1; p=none\", because it has a "
                + "valid rua= address (RFC 7489 §6.6.3, RFC 9989 §4.10.1): they only report, they do not reject or "
                + "quarantine mail that fails DMARC", none.message());
        assertTrue(none.evidence().contains("p=none (written: reject)"), none.evidence().toString());
        absent(f, "DMARC_OK");
        // a subdomain gets none too, and a missing p with a valid rua is the same case
        single(check("_dmarc.example.com. TXT \"v=DMARC1; p=reject; sp=bogus; rua=mailto:d@example.com\"\n",
                "mail.example.com"), "DMARC_POLICY_NONE");
        assertTrue(single(check("_dmarc.example.com. TXT \"v=DMARC1; rua=mailto:d@example.com\"\n", "example.com"),
                "DMARC_POLICY_NONE").message().contains("the tag p= is missing;"));
        // an https: URI is a syntactically valid URI: it keeps the record, though no report goes there
        List<Finding> https = check("_dmarc.example.com. TXT \"v=DMARC1; p=reject; sp=bogus; "
                + "rua=https://r.example.net/\"\n", "example.com");
        single(https, "DMARC_POLICY_NONE");
        assertEquals("DMARC record of example.com: receivers send no reports to rua: \"https://r.example.net/\" is not "
                + "a mailto: address, and receivers need support only mailto: (RFC 7489 §6.2)",
                single(https, "DMARC_REPORT_URI_UNUSABLE").message());
    }

    @Test
    void anUnreadablePolicyWithoutAValidRuaMeansNoDmarcAtAll() {
        for (String record : List.of("v=DMARC1; p=reject; sp=bogus", "v=DMARC1; p=rejct; rua=d@example.com",
                "v=DMARC1; adkim=s")) {
            List<Finding> f = check("_dmarc.example.com. TXT \"" + record + "\"\n", "example.com");
            Finding syntax = single(f, "DMARC_SYNTAX", Severity.ERROR);
            assertTrue(syntax.message().endsWith("With p= or sp= unreadable and no valid rua= address, receivers apply "
                    + "no DMARC policy at all (RFC 7489 §6.6.3, RFC 9989 §4.10.1)"), syntax.message());
            absent(f, "DMARC_POLICY_NONE");
            absent(f, "DMARC_OK");
        }
    }

    @Test
    void aMissingPWithAValidRuaIsAWarningBothRfcsReadAsPNone() {
        // RFC 7489 §6.3 requires p, RFC 9989 §4.7 makes it RECOMMENDED; with a valid rua URI receivers of both act
        // as if p=none was published (RFC 7489 §6.6.3 step 6, RFC 9989 §4.10.1): no policy is lost or changed
        List<Finding> f = check("_dmarc.example.com. TXT \"v=DMARC1; rua=mailto:d@example.com\"\n", "example.com");
        assertEquals("DMARC record of example.com: the tag p= is missing: RFC 7489 requires it; RFC 9989 (DMARCbis) does "
                + "not, and reads a record without it as p=none, but only when rua= has a valid address (RFC 9989 §4.7, "
                + "§4.10.1)", single(f, "DMARC_SYNTAX", Severity.WARNING).message());
        assertEquals("DMARC policy for example.com is none: in the record of example.com, the tag p= is missing; "
                + "receivers then act as if it said only \"v=DMARC1; p=none\", because it has a valid rua= address "
                + "(RFC 7489 §6.6.3, RFC 9989 §4.10.1): they only report, they do not reject or quarantine mail that "
                + "fails DMARC", single(f, "DMARC_POLICY_NONE", Severity.INFO).message());
        absent(f, "DMARC_OK");
        // without a valid rua URI neither applies any DMARC: still an error
        Finding ignored = single(check("_dmarc.example.com. TXT \"v=DMARC1; ruf=mailto:d@example.com\"\n",
                "example.com"), "DMARC_SYNTAX", Severity.ERROR);
        assertTrue(ignored.message().contains("the tag p= is missing: RFC 7489 requires it"), ignored.message());
        // with a bad sp beside it, the sp written is lost: an error
        single(check("_dmarc.example.com. TXT \"v=DMARC1; sp=rejct; rua=mailto:d@example.com\"\n", "example.com"),
                "DMARC_SYNTAX", Severity.ERROR);
    }

    @Test
    void aBadAlignmentModeIsAWarningAndThePolicyStands() {
        // RFC 7489 §6.3: "Syntax errors in the remainder of the record SHOULD be discarded in favor of default values
        // (if any) or ignored outright": adkim=strict is read as the default, relaxed; p=reject applies
        List<Finding> f = check("_dmarc.example.com. TXT \"v=DMARC1; p=reject; adkim=strict; aspf=S\"\n",
                "example.com");
        Finding syntax = single(f, "DMARC_SYNTAX", Severity.WARNING);
        assertEquals("DMARC record of example.com: adkim=strict is not r or s: receivers read adkim=r, the default "
                + "(RFC 7489 §6.3, RFC 9989 §4.8); OpenDMARC (Postfix and Sendmail milters, Exim) reads adkim=s",
                syntax.message());
        Finding ok = single(f, "DMARC_OK", Severity.OK);
        assertEquals("DMARC policy for example.com: p=reject", ok.message());
        assertTrue(ok.evidence().contains("adkim=r (written: strict)"), ok.evidence().toString());
        assertTrue(ok.evidence().contains("aspf=s"), ok.evidence().toString());
        // beside an unreadable p, or a repeated tag, it stays an error
        single(check("_dmarc.example.com. TXT \"v=DMARC1; p=rejct; adkim=strict; rua=mailto:d@example.com\"\n",
                "example.com"), "DMARC_SYNTAX", Severity.ERROR);
        List<Finding> repeated = check("_dmarc.example.com. TXT \"v=DMARC1; p=reject; aspf=x; aspf=s\"\n",
                "example.com");
        single(repeated, "DMARC_SYNTAX", Severity.ERROR);
        absent(repeated, "DMARC_OK");
    }

    @Test
    void aBadPctFoOrRiIsAWarningAndThePolicyStands() {
        // RFC 7489 §6.3: "Syntax errors in the remainder of the record SHOULD be discarded in favor of default values
        // (if any) or ignored outright" (RFC 9989 §4.8: MUST); RFC 9989 has no pct and ri: unknown tags, ignored
        List<Finding> f = check("_dmarc.example.com. TXT \"v=DMARC1; p=reject; aspf=x; pct=150; fo=1:; ri=1h\"\n",
                "example.com");
        Finding syntax = single(f, "DMARC_SYNTAX", Severity.WARNING);
        assertTrue(syntax.message().contains("pct=150 is not a number from 0 to 100: receivers read pct=100 (RFC "
                + "7489 §6.3; RFC 9989 has no pct); OpenDMARC (Postfix and Sendmail milters, Exim) rejects the whole "
                + "record and applies no DMARC; "), syntax.message());
        assertTrue(syntax.message().contains("fo=1: is not"), syntax.message());
        assertTrue(syntax.message().contains("ri=1h is not"), syntax.message());
        assertEquals("DMARC policy for example.com: p=reject", single(f, "DMARC_OK", Severity.OK).message());
        absent(f, "DMARC_PCT_PARTIAL");
        // OpenDMARC reads pct=abc as 0: said, the RFC reading (100) decides
        List<Finding> abc = check("_dmarc.example.com. TXT \"v=DMARC1; p=quarantine; pct=abc\"\n", "example.com");
        assertTrue(single(abc, "DMARC_SYNTAX", Severity.WARNING).message().endsWith("reads pct=0"));
        single(abc, "DMARC_OK", Severity.OK);
    }

    @Test
    void aRepeatedTagIsAnErrorThatSaysReceiversMayDiscardTheRecord() {
        // RFC 6376 §3.2, whose tag-value syntax RFC 7489 §6.3 adopts: "Tags with duplicate names MUST NOT occur within
        // a single tag-list; if a tag name does occur more than once, the entire tag-list is invalid"
        List<Finding> f = check("_dmarc.example.com. TXT \"v=DMARC1; p=none; p=reject\"\n", "example.com");
        assertEquals("DMARC record of example.com: tag p= is repeated: receivers may discard the record (RFC 6376 "
                + "§3.2, RFC 7489 §6.3); this check reads the first, p=none, OpenDMARC (Postfix and Sendmail milters, "
                + "Exim) the last, p=reject", single(f, "DMARC_SYNTAX", Severity.ERROR).message());
        absent(check("_dmarc.example.com. TXT \"v=DMARC1; p=reject; p=reject\"\n", "example.com"), "DMARC_OK");
    }

    @Test
    void testModeOfRfc9989IsMentionedBesideThe7489Policy() {
        List<Finding> f = check("_dmarc.example.com. TXT \"v=DMARC1; p=reject; t=y\"\n", "example.com");
        assertEquals("DMARC policy for example.com: p=reject", single(f, "DMARC_OK", Severity.OK).message());
        assertEquals("t=y: under RFC 9989 (DMARCbis) the record of example.com is in test mode, and receivers that "
                + "follow it apply quarantine instead of reject to failing mail; receivers that follow RFC 7489 ignore "
                + "t=", single(f, "DMARC_TEST_MODE", Severity.INFO).message());
        assertTrue(single(check("_dmarc.example.com. TXT \"v=DMARC1; p=reject; sp=quarantine; t=Y\"\n",
                "mail.example.com"), "DMARC_TEST_MODE").message().contains("apply none instead of quarantine"));
        absent(check("_dmarc.example.com. TXT \"v=DMARC1; p=none; t=y\"\n", "example.com"), "DMARC_TEST_MODE");
        absent(check("_dmarc.example.com. TXT \"v=DMARC1; p=reject; t=n\"\n", "example.com"), "DMARC_TEST_MODE");
    }

    @Test
    void aBadTIsAWarningThatSaysTestModeIsOff() {
        // RFC 9989 §4.8: a syntax error gives way to the default, t=n: the admin who wrote t=yes believing the record
        // in test mode learns that receivers apply p=reject as written; RFC 7489 receivers ignore t= anyway
        List<Finding> f = check("_dmarc.example.com. TXT \"v=DMARC1; p=reject; t=yes\"\n", "example.com");
        assertEquals("DMARC record of example.com: t=yes is not y or n: receivers that follow RFC 9989 read t=n, the "
                + "default, so the record is not in test mode (RFC 9989 §4.7, §4.8; RFC 7489 has no t)",
                single(f, "DMARC_SYNTAX", Severity.WARNING).message());
        assertEquals("DMARC policy for example.com: p=reject", single(f, "DMARC_OK", Severity.OK).message());
        absent(f, "DMARC_TEST_MODE");
        assertEquals(List.of("DMARC_SYNTAX", "DMARC_OK"), f.stream().map(Finding::code).toList());
    }

    @Test
    void aBadPsdIsAWarningAndTheTreeWalkReadsItAsU() {
        // RFC 9989 §4.8: psd=yes gives way to the default u (§4.7): the walk does not stop at it (§4.10 steps 2 and
        // 6 stop only at "psd=n" or "psd=y") and ends at the record with the fewest labels
        String zone = """
                _dmarc.example.com. TXT "v=DMARC1; p=reject"
                _dmarc.b.example.com. TXT "v=DMARC1; p=none; psd=yes"
                """;
        assertEquals(Optional.of("example.com"), walk(zone, "a.b.example.com"));
        assertEquals(Optional.of("b.example.com"), walk(zone.replace("psd=yes", "psd=n"), "a.b.example.com"));
        List<Finding> own = check(zone, "b.example.com");
        assertEquals("DMARC record of b.example.com: psd=yes is not y, n or u: receivers that follow RFC 9989 read "
                + "psd=u, the default, in their DNS tree walk (RFC 9989 §4.7, §4.8; RFC 7489 has no psd)",
                single(own, "DMARC_SYNTAX", Severity.WARNING).message());
        single(own, "DMARC_POLICY_NONE", Severity.INFO);
        // both generations use example.com's record for a.b.example.com: nothing differs
        absent(check(zone, "a.b.example.com"), "DMARC_DISCOVERY_DIFFERS");
    }

    @Test
    void aSubdomainThatDoesNotExistIsToldBothPoliciesUnderNp() {
        String zone = """
                _dmarc.example.com. TXT "v=DMARC1; p=reject; np=none"
                www.example.com. A 192.0.2.1
                """;
        FakeDns dns = FakeDns.of(zone);
        List<Finding> nx = dns.run(new DmarcCheck(), "nx.example.com", CheckOptions.defaults());
        assertEquals("DMARC policy for nx.example.com: sp=reject inherited from example.com",
                single(nx, "DMARC_OK").message());
        assertEquals("nx.example.com does not exist (NXDOMAIN): receivers that follow RFC 7489 apply sp=reject of "
                + "example.com to mail from it, receivers that follow RFC 9989 (DMARCbis) apply np=none",
                single(nx, "DMARC_NONEXISTENT_SUBDOMAIN", Severity.INFO).message());
        assertTrue(dns.queries().contains("nx.example.com TXT"), dns.queries().toString());
        absent(check(zone, "www.example.com"), "DMARC_NONEXISTENT_SUBDOMAIN");
        absent(check(zone, "example.com"), "DMARC_NONEXISTENT_SUBDOMAIN");
        // without np= both apply sp: nothing to say, and the domain is not asked about
        FakeDns plain = FakeDns.of("_dmarc.example.com. TXT \"v=DMARC1; p=reject\"\n");
        absent(plain.run(new DmarcCheck(), "nx.example.com", CheckOptions.defaults()), "DMARC_NONEXISTENT_SUBDOMAIN");
        assertFalse(plain.queries().contains("nx.example.com TXT"), plain.queries().toString());
    }

    @Test
    void aVersionWithoutItsSemicolonIsNamedAsTheDiscardedRecord() {
        Finding f = single(check("_dmarc.example.com. TXT \"v=DMARC1 p=reject\"\n", "example.com"),
                "DMARC_MISSING", Severity.WARNING);
        assertTrue(f.message().contains("the TXT record \"v=DMARC1 p=reject\" at _dmarc.example.com is ignored by "
                + "receivers: \"v=DMARC1\" is followed by \"p=reject\" without the \";\" that separates tags"),
                f.message());
        assertTrue(f.remediation().contains("exactly \"v=DMARC1;\""), f.remediation());
    }

    /**
     * A record at the domain's own name that receivers discard (RFC 7489 §6.6.3; §6.3 "MUST match precisely", §6.4
     * spells DMARC1 byte by byte) while the organizational domain has one: it is named, with why, before the inherited
     * policy, which alone used to be shown (with advice to tighten a p=none the admin had written as p=reject).
     */
    @Test
    void aDiscardedRecordAtTheDomainIsNamedWhenTheOrganizationalDomainsApplies() {
        String[][] cases = {
                {"p=reject; v=DMARC1", "\"v=DMARC1\" is not its first tag"},
                {"v=DMARC1 p=reject", "without the \";\" that separates tags"},
                {"v=dmarc1; p=reject", "the version is case-sensitive, it must read \"v=DMARC1\""}};
        for (String[] c : cases) {
            List<Finding> f = check("_dmarc.sub.example.com. TXT \"" + c[0] + "\"\n"
                    + "_dmarc.example.com. TXT \"v=DMARC1; p=none\"\n", "sub.example.com");
            Finding discarded = single(f, "DMARC_DISCARDED", Severity.WARNING);
            assertTrue(discarded.message().startsWith("A record meant as a DMARC record is discarded: the TXT record \""
                    + c[0] + "\" at _dmarc.sub.example.com is ignored by receivers: "), discarded.message());
            assertTrue(discarded.message().contains(c[1]), discarded.message());
            assertTrue(discarded.message().endsWith("Receivers apply the record at _dmarc.example.com instead: "
                    + "\"v=DMARC1; p=none\""), discarded.message());
            assertTrue(discarded.remediation().startsWith("Make the record at _dmarc.sub.example.com begin with "
                    + "exactly \"v=DMARC1;\""), discarded.remediation());
            assertEquals("sub.example.com", discarded.subject());
            assertTrue(f.indexOf(discarded) < f.indexOf(single(f, "DMARC_POLICY_NONE")),
                    "the discarded record comes before the inherited policy: " + f);
        }
        absent(check("_dmarc.sub.example.com. TXT \"unrelated\"\n_dmarc.example.com. TXT \"v=DMARC1; p=none\"\n",
                "sub.example.com"), "DMARC_DISCARDED");
    }
}
