package org.mailpath.engine.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.testing.dns.SignedTree;
import org.mailpath.testing.dns.ZoneSigner;
import org.mailpath.testing.dns.ZoneSigner.Key;
import org.mailpath.testing.fakedns.FakeDns;
import org.mailpath.testing.fakedns.Findings;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * The chain of trust above the zone ({@link ChainAbove}), followed from a test root's trust anchor through the TLD
 * {@code example} to the zone {@code signed.example}, all signed in the test ({@link SignedTree}) and answered by
 * {@link FakeDns}: the DNSSEC check and {@link ZoneSecurity} (the DANE check's judge) must see what a validating
 * resolver sees, secure, insecure (an island of security under an unsigned TLD) or bogus.
 */
class DnssecChainAboveTest {

    private static final Instant INCEPTION = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant EXPIRATION = Instant.parse("2026-02-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
    private static final String ZONE = """
            signed.example.      SOA ns1.signed.example. hostmaster.signed.example. 1 3600 600 86400 300
            signed.example.      NS  ns1.signed.example.
            signed.example.      MX  10 mx.signed.example.
            ns1.signed.example.  A   192.0.2.53
            mx.signed.example.   A   192.0.2.25
            """;
    /**
     * What DNSSEC_PARENT_BOGUS says when the TLD's signature over the zone's DS does not verify, through
     * {@link FakeDns} here as through the loopback resolver ({@link DnssecChainLoopbackTest}).
     */
    static final String BROKEN_DS_AT_TLD = "The DNSSEC chain of trust of signed.example breaks where example delegates"
            + " the zone signed.example: the DS records of signed.example that example serves carry no valid signature"
            + " (RRSIG) by the keys of example. Validating resolvers, which most large mail providers use, treat"
            + " signed.example as bogus: every lookup fails (SERVFAIL), so mail to it is not delivered ('Domain"
            + " Lookup Failed').";
    /** The evidence line of the TLD's signed NSEC or NSEC3 record that proves that signed.example has no DS. */
    private static final String PROVEN_AT_TLD = ";; no DS record for signed.example at example: the signed NSEC/NSEC3"
            + " records of example prove it (RFC 4035 §5.2), so validating resolvers treat signed.example and every"
            + " zone below it as insecure";
    private static final Key CSK = Key.ksk("signed.example");
    private static final SignedTree TREE = new SignedTree("example", INCEPTION, EXPIRATION);

    /** The zone signed by {@link #CSK} (its DS is the TLD's). */
    private static List<Record> zone() {
        return ZoneSigner.sign("signed.example", ZoneSigner.parse("signed.example", ZONE), List.of(CSK), INCEPTION,
                EXPIRATION);
    }

    private static FakeDns dns(List<Record> root, List<Record> tld) {
        List<Record> all = new ArrayList<>(root);
        all.addAll(tld);
        all.addAll(zone());
        return FakeDns.of(all);
    }

    /** Root delegating the signed TLD, which holds the zone's DS: every link holds. */
    private static FakeDns allSigned() {
        return dns(TREE.rootDelegatingTld(), TREE.tld(true, CSK.ds()));
    }

    /** The engineer's case: the zone's DS sits in a TLD that is not signed, and the root has no DS for it. */
    private static FakeDns unsignedTld() {
        return dns(TREE.root(), TREE.tld(false, CSK.ds()));
    }

    private static List<Finding> check(FakeDns dns, TrustAnchor anchor) {
        // the zone's name server (not ours) is never asked: the made-up exchange times out
        DnssecCheck check = new DnssecCheck(Clock.fixed(NOW, ZoneOffset.UTC), anchor,
                (server, query, timeout, cancellation) -> new DnsTransport.Failure("timeout",
                        DnsReasons.verbatim("")));
        return dns.run(check, "signed.example", CheckOptions.defaults());
    }

    private static ZoneSecurity.Judgement judge(FakeDns dns) {
        return new ZoneSecurity(dns, NOW, TREE.anchor()).judge("signed.example",
                List.of(dns.lookupSigned("signed.example", Type.MX, Cancellation.none())), Cancellation.none());
    }

    @Test
    void aChainSignedFromTheRootDownIsSigned() {
        FakeDns dns = allSigned();
        List<Finding> findings = check(dns, TREE.anchor());
        Finding f = Findings.single(findings, "DNSSEC_SIGNED", Severity.OK);
        assertEquals(List.of("DNSSEC_SIGNED"), Findings.codes(findings), Findings.describe(findings));
        assertTrue(f.evidence().contains(";; root: its DNSKEY set is signed by key tag "
                + TREE.anchor().ds().getFirst().getFootprint() + ", a key of the trust anchor"),
                f.evidence().toString());
        assertTrue(f.evidence().contains(";; example: its DNSKEY set is signed by key tag "
                + TREE.tldKey().dnskey().getFootprint() + ", which its DS at . points to"), f.evidence().toString());
        assertTrue(f.evidence().contains(";; chain of trust from the root's trust anchor to signed.example: secure"),
                f.evidence().toString());
        // the chain costs the root's keys and the TLD's DS and keys: the TLD is found by the signer of the zone's DS
        assertTrue(dns.queries().containsAll(List.of(". DNSKEY", "example DS", "example DNSKEY")),
                dns.queries().toString());
        assertEquals(0, dns.queries().stream().filter(q -> q.equals("example SOA")).count(),
                dns.queries().toString());
        assertEquals(ZoneSecurity.Level.SIGNED, judge(allSigned()).level());
    }

    @Test
    void aSignedZoneUnderAnUnsignedTldIsAnIslandThatValidatorsTreatAsUnsigned() {
        FakeDns dns = unsignedTld();
        List<Finding> findings = check(dns, TREE.anchor());
        Finding f = Findings.single(findings, "DNSSEC_PARENT_INSECURE", Severity.WARNING);
        assertTrue(Findings.codes(findings).stream().noneMatch(c -> c.equals("DNSSEC_SIGNED")),
                Findings.describe(findings));
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, f.actor());
        assertEquals("signed.example is signed with DNSSEC as far as its zone signed.example goes (the DS record at"
                + " the parent matches the zone's key), but no chain of trust leads to it from the root: the zone"
                + " example above it has no DS record in the root zone (.). Validating resolvers therefore treat"
                + " signed.example as unsigned (insecure, RFC 4033 §5), so DNSSEC does not protect signed.example, and"
                + " senders that validate DANE ignore its TLSA records (RFC 7672 §2.2). Lookups work as for any"
                + " unsigned domain.",
                f.message());
        assertTrue(f.remediation().startsWith("Nothing in the zone signed.example can fix this: the zone example"
                + " must be signed"), f.remediation());
        // the root's signed NSEC record at example proves that there is no DS (RFC 4035 §5.2)
        assertTrue(f.evidence().contains(";; no DS record for example at .: the signed NSEC/NSEC3 records of . prove"
                + " it (RFC 4035 §5.2), so validating resolvers treat example and every zone below it as insecure"),
                f.evidence().toString());
        assertTrue(f.message(Locale.of("sv")).contains("ingen förtroendekedja leder dit från roten: den"
                + " överordnade zonen example har ingen DS-post i rotzonen (.)"), f.message(Locale.of("sv")));
        // the TLD is found by its SOA (the zone's DS carries no signature to name it)
        assertTrue(dns.queries().contains("example SOA"), dns.queries().toString());

        ZoneSecurity.Judgement j = judge(unsignedTld());
        assertEquals(ZoneSecurity.Level.UNSIGNED, j.level());
        assertEquals(Optional.of("example"), j.insecureAbove());
        assertEquals(false, j.zoneBroken());
    }

    @Test
    void aSignedTldWithoutDsAtTheRootIsNoChainEither() {
        FakeDns dns = dns(TREE.root(), TREE.tld(true, CSK.ds()));
        Findings.single(check(dns, TREE.anchor()), "DNSSEC_PARENT_INSECURE", Severity.WARNING);
    }

    /**
     * The root's signed NSEC3 record matching the TLD, with the NS bit and without DS and SOA, proves the DS absent
     * (RFC 5155 §8.6), with or without the Opt-Out flag (which matters only to a record that covers the name).
     */
    @Test
    void aTldWithoutDsProvenByTheRootsNsec3RecordIsInsecure() {
        for (boolean optOut : List.of(false, true)) {
            FakeDns dns = dns(TREE.rootWithNsec3(optOut), TREE.tld(false, CSK.ds()));
            Finding f = Findings.single(check(dns, TREE.anchor()), "DNSSEC_PARENT_INSECURE", Severity.WARNING);
            assertTrue(f.evidence().contains(";; no DS record for example at .: the signed NSEC/NSEC3 records of ."
                    + " prove it (RFC 4035 §5.2), so validating resolvers treat example and every zone below it as"
                    + " insecure"), f.evidence().toString());
            assertEquals(ZoneSecurity.Level.UNSIGNED, judge(dns(TREE.rootWithNsec3(optOut),
                    TREE.tld(false, CSK.ds()))).level());
        }
    }

    /**
     * A signed root's answer that the TLD has no DS, without its NSEC or NSEC3 proof (a downgrade by a forged or
     * stripped answer, RFC 4035 §5.2): bogus to validators, for the DNSSEC check and the DANE check's judge alike.
     */
    @Test
    void aTldWithoutDsAndWithoutTheRootsProofIsBogus() {
        for (List<Record> root : List.of(SignedTree.withoutDenials(TREE.root()),
                SignedTree.withoutDenials(TREE.rootWithNsec3(false)))) {
            List<Finding> findings = check(dns(root, TREE.tld(false, CSK.ds())), TREE.anchor());
            assertEquals(List.of("DNSSEC_PARENT_BOGUS"), Findings.codes(findings), Findings.describe(findings));
            Finding f = findings.getFirst();
            assertEquals(Actor.RECIPIENT_MAIL_TEAM, f.actor());
            assertTrue(f.message().contains("the root zone (.) answers that it has no DS record for the zone example,"
                    + " but the answer carries no valid proof of it"), f.message());
            ZoneSecurity.Judgement j = judge(dns(root, TREE.tld(false, CSK.ds())));
            assertEquals(ZoneSecurity.Level.BOGUS, j.level());
        }
    }

    /** An NSEC3 record at the TLD whose signature by the root's key does not verify proves nothing. */
    @Test
    void aTldWithoutDsWhoseNsec3SignatureDoesNotVerifyIsBogus() {
        FakeDns dns = dns(SignedTree.breakSignatures(TREE.rootWithNsec3(false), Type.NSEC3),
                TREE.tld(false, CSK.ds()));
        Findings.single(check(dns, TREE.anchor()), "DNSSEC_PARENT_BOGUS", Severity.ERROR);
    }

    /**
     * The zone publishes its keys, but the signed TLD has no DS record for it, and no NSEC3 record of the TLD matches
     * it: the closest encloser proof (the TLD's own record) with an Opt-Out record covering the zone proves an
     * insecure delegation (RFC 5155 §8.6), so DNSSEC_NO_DS stands, as the TLD's answer says.
     */
    @Test
    void aZoneWithoutDsCoveredByTheTldsNsec3OptOutRecordIsAnInsecureDelegation() {
        FakeDns dns = dns(TREE.rootDelegatingTld(), TREE.tldWithNsec3(true));
        List<Finding> findings = check(dns, TREE.anchor());
        assertEquals(List.of("DNSSEC_NO_DS"), Findings.codes(findings), Findings.describe(findings));
        Finding f = findings.getFirst();
        assertEquals(Severity.INFO, f.severity());
        assertTrue(f.evidence().contains(";; no DS record for signed.example at example: an NSEC3 record of example"
                + " with the Opt-Out flag covers it (an insecure delegation, RFC 5155 §8.6), so validating resolvers"
                + " treat signed.example and every zone below it as insecure"), f.evidence().toString());
        assertTrue(f.evidence().contains(";; example: its DNSKEY set is signed by key tag "
                + TREE.tldKey().dnskey().getFootprint() + ", which its DS at . points to"), f.evidence().toString());
        ZoneSecurity.Judgement j = judge(dns(TREE.rootDelegatingTld(), TREE.tldWithNsec3(true)));
        assertEquals(ZoneSecurity.Level.UNSIGNED, j.level());
        assertEquals(Optional.empty(), j.insecureAbove());
        assertTrue(j.evidence().contains(";; zone signed.example: unsigned (its DS, keys and signatures, and the chain"
                + " of trust from the root)"), j.evidence().toString());
    }

    /** The TLD's signed NSEC record at the zone, with the NS bit and without DS, proves the DS absent too. */
    @Test
    void aZoneWithoutDsProvenByTheTldsNsecRecordIsUnsigned() {
        FakeDns dns = dns(TREE.rootDelegatingTld(), TREE.tldWithNsec(List.of("signed.example")));
        List<Finding> findings = check(dns, TREE.anchor());
        assertEquals(List.of("DNSSEC_NO_DS"), Findings.codes(findings), Findings.describe(findings));
        assertTrue(findings.getFirst().evidence().contains(PROVEN_AT_TLD), findings.getFirst().evidence().toString());
        ZoneSecurity.Judgement j = judge(dns(TREE.rootDelegatingTld(), TREE.tldWithNsec(List.of("signed.example"))));
        assertEquals(ZoneSecurity.Level.UNSIGNED, j.level());
        assertTrue(j.evidence().contains(PROVEN_AT_TLD), j.evidence().toString());
    }

    /**
     * The same TLD's answer without a valid proof that the zone has no DS record, which validators take as bogus (RFC
     * 4035 §5.2) whatever the zone's keys: a covering NSEC3 record without the Opt-Out flag (it denies that the
     * delegation exists, RFC 5155 §8.6 requires the flag), no NSEC or NSEC3 record at all, or the Opt-Out record
     * whose signature does not verify.
     */
    @Test
    void aZoneWithoutDsWhoseTldProvesNothingIsBogus() {
        for (List<Record> tld : List.of(TREE.tldWithNsec3(false), TREE.tld(true),
                SignedTree.breakSignatures(TREE.tldWithNsec3(true), Type.NSEC3))) {
            List<Finding> findings = check(dns(TREE.rootDelegatingTld(), tld), TREE.anchor());
            assertEquals(List.of("DNSSEC_PARENT_BOGUS"), Findings.codes(findings), Findings.describe(findings));
            Finding f = findings.getFirst();
            assertEquals("The DNSSEC chain of trust of signed.example breaks where example delegates the zone"
                    + " signed.example: example answers that it has no DS record for the zone signed.example, but the"
                    + " answer carries no valid proof of it (NSEC or NSEC3 records signed by the keys of example, RFC"
                    + " 4035 §5.2), which validators require, since a forged answer or one stripped on the way would"
                    + " otherwise switch DNSSEC off for everything below signed.example. Validating resolvers, which"
                    + " most large mail providers use, treat signed.example as bogus: every lookup fails (SERVFAIL),"
                    + " so mail to it is not delivered ('Domain Lookup Failed').", f.message());
            assertTrue(f.remediation().startsWith("The operators of example must answer the question for the DS"
                    + " record of signed.example with the NSEC or NSEC3 records"), f.remediation());
            assertTrue(f.message(Locale.of("sv")).startsWith("DNSSEC-förtroendekedjan för signed.example bryts där"
                    + " example delegerar zonen signed.example: example svarar att"), f.message(Locale.of("sv")));
            // the DANE check's judge: validators fail every question in the zone, its TLSA records' too
            ZoneSecurity.Judgement j = judge(dns(TREE.rootDelegatingTld(), tld));
            assertEquals(ZoneSecurity.Level.BOGUS, j.level(), j.evidence().toString());
            assertTrue(j.zoneBroken());
        }
    }

    /** The zone's records without keys: the zone is not signed at all. */
    private static FakeDns unsignedZoneUnder(List<Record> root, List<Record> tld) {
        List<Record> all = new ArrayList<>(root);
        all.addAll(tld);
        all.addAll(ZoneSigner.parse("signed.example", ZONE));
        return FakeDns.of(all);
    }

    /**
     * A zone without keys under an unsigned TLD, or under a signed one whose NSEC or NSEC3 records prove that it has
     * no DS (a matching NSEC record, an Opt-Out NSEC3 record covering it): insecure to validators, DNSSEC_UNSIGNED,
     * now with the chain followed to the parent's proof in the evidence.
     */
    @Test
    void aZoneWithoutKeysIsUnsignedWhenItsParentIsInsecureOrProvesTheMissingDs() {
        record Case(List<Record> root, List<Record> tld, String line) {
        }
        String optOut = ";; no DS record for signed.example at example: an NSEC3 record of example with the Opt-Out"
                + " flag covers it (an insecure delegation, RFC 5155 §8.6), so validating resolvers treat"
                + " signed.example and every zone below it as insecure";
        String unsignedTld = ";; no DS record for example at .: the signed NSEC/NSEC3 records of . prove it (RFC 4035"
                + " §5.2), so validating resolvers treat example and every zone below it as insecure";
        for (Case c : List.of(new Case(TREE.root(), TREE.tld(false), unsignedTld),
                new Case(TREE.rootDelegatingTld(), TREE.tldWithNsec(List.of("signed.example")), PROVEN_AT_TLD),
                new Case(TREE.rootDelegatingTld(), TREE.tldWithNsec3(true), optOut))) {
            List<Finding> findings = check(unsignedZoneUnder(c.root(), c.tld()), TREE.anchor());
            assertEquals(List.of("DNSSEC_UNSIGNED"), Findings.codes(findings), Findings.describe(findings));
            Finding f = findings.getFirst();
            assertEquals(Severity.INFO, f.severity());
            assertEquals(Actor.NOBODY, f.actor());
            assertTrue(f.evidence().contains(c.line()), f.evidence().toString());
            ZoneSecurity.Judgement j = judge(unsignedZoneUnder(c.root(), c.tld()));
            assertEquals(ZoneSecurity.Level.UNSIGNED, j.level(), j.evidence().toString());
            // no zone above is named: the zone's own link is missing
            assertEquals(Optional.empty(), j.insecureAbove());
            assertEquals(false, j.zoneBroken());
            assertTrue(j.evidence().contains(c.line()), j.evidence().toString());
        }
    }

    /**
     * A zone without keys whose signed TLD answers that it has no DS without a valid proof (no NSEC or NSEC3 record,
     * one stripped, one whose signature does not verify, a covering NSEC3 record without Opt-Out): validators take the
     * answer as bogus (RFC 4035 §5.2), keys or not, as a forged answer could otherwise pass a signed zone off as
     * unsigned. DNSSEC_PARENT_BOGUS, worded as for a zone with keys; the DANE check's judge says BOGUS.
     */
    @Test
    void aZoneWithoutKeysWhoseSignedTldProvesNothingIsBogus() {
        List<String> insecure = List.of("signed.example");
        for (List<Record> tld : List.of(TREE.tld(true), SignedTree.withoutDenials(TREE.tldWithNsec(insecure)),
                SignedTree.breakSignatures(TREE.tldWithNsec(insecure), Type.NSEC), TREE.tldWithNsec3(false),
                SignedTree.breakSignatures(TREE.tldWithNsec3(true), Type.NSEC3))) {
            List<Finding> findings = check(unsignedZoneUnder(TREE.rootDelegatingTld(), tld), TREE.anchor());
            assertEquals(List.of("DNSSEC_PARENT_BOGUS"), Findings.codes(findings), Findings.describe(findings));
            Finding f = findings.getFirst();
            assertEquals(Severity.ERROR, f.severity());
            assertTrue(f.message().startsWith("The DNSSEC chain of trust of signed.example breaks where example"
                    + " delegates the zone signed.example: example answers that it has no DS record for the zone"
                    + " signed.example, but the answer carries no valid proof of it"), f.message());
            assertTrue(f.evidence().stream().anyMatch(l -> l.startsWith(";; no DS record for signed.example at"
                    + " example: no valid signed proof")), f.evidence().toString());
            ZoneSecurity.Judgement j = judge(unsignedZoneUnder(TREE.rootDelegatingTld(), tld));
            assertEquals(ZoneSecurity.Level.BOGUS, j.level(), j.evidence().toString());
            assertTrue(j.zoneBroken());
        }
    }

    /** A resolver that returns no DNSSEC data leaves the parent's answer as it is: nothing to judge a proof by. */
    @Test
    void withoutDnssecDataAZoneWithoutKeysStaysUnsigned() {
        FakeDns fake = unsignedZoneUnder(TREE.rootDelegatingTld(), TREE.tld(true));
        DnsLookup plain = fake::lookup; // asks without DO: no DNSSEC data comes back
        DnssecCheck check = new DnssecCheck(Clock.fixed(NOW, ZoneOffset.UTC), TREE.anchor(),
                (server, query, timeout, cancellation) -> new DnsTransport.Failure("timeout",
                        DnsReasons.verbatim("")));
        List<Finding> findings = check.run(new org.mailpath.engine.check.CheckContext("signed.example",
                CheckOptions.defaults(), plain, Cancellation.none())).findings();
        assertEquals(List.of("DNSSEC_UNSIGNED"), Findings.codes(findings), Findings.describe(findings));
        assertEquals(ZoneSecurity.Level.UNSIGNED, new ZoneSecurity(plain, NOW, TREE.anchor())
                .judge("signed.example", List.of(), Cancellation.none()).level());
        assertTrue(fake.queries().stream().noneMatch(q -> q.equals(". DNSKEY")), fake.queries().toString());
    }

    @Test
    void aBrokenSignatureOverTheZonesDsAtTheTldIsBogus() {
        FakeDns dns = dns(TREE.rootDelegatingTld(), SignedTree.breakDsSignatures(TREE.tld(true, CSK.ds())));
        List<Finding> findings = check(dns, TREE.anchor());
        assertEquals(List.of("DNSSEC_PARENT_BOGUS"), Findings.codes(findings), Findings.describe(findings));
        Finding f = Findings.single(findings, "DNSSEC_PARENT_BOGUS", Severity.ERROR);
        assertEquals(BROKEN_DS_AT_TLD, f.message());
        assertTrue(f.evidence().stream().anyMatch(l -> l.startsWith(";; DS of signed.example at example: signature by"
                + " the keys of example invalid (key tag " + TREE.tldKey().dnskey().getFootprint() + ")")),
                f.evidence().toString());
        ZoneSecurity.Judgement j = judge(dns(TREE.rootDelegatingTld(),
                SignedTree.breakDsSignatures(TREE.tld(true, CSK.ds()))));
        assertEquals(ZoneSecurity.Level.BOGUS, j.level());
        assertTrue(j.zoneBroken());
    }

    @Test
    void aBrokenSignatureOverTheTldsDsAtTheRootIsBogusToo() {
        FakeDns dns = dns(SignedTree.breakDsSignatures(TREE.rootDelegatingTld()), TREE.tld(true, CSK.ds()));
        Finding f = Findings.single(check(dns, TREE.anchor()), "DNSSEC_PARENT_BOGUS", Severity.ERROR);
        assertTrue(f.message().contains("the DS records of example in the root zone (.) carry no valid signature"
                + " (RRSIG) by the keys of the root zone (.)."), f.message());
    }

    @Test
    void aTldWhoseDsMatchesNoKeyBreaksTheChainForEveryZoneBelow() {
        Key stale = Key.ksk("example");
        FakeDns dns = dns(TREE.root(stale.ds()), TREE.tld(true, CSK.ds()));
        Finding f = Findings.single(check(dns, TREE.anchor()), "DNSSEC_PARENT_BOGUS", Severity.ERROR);
        assertTrue(f.message().contains("the DS records of the zone example in the root zone (.) lead to no key that"
                + " signed the DNSKEY records of example"), f.message());
        assertTrue(f.evidence().contains(";; DS " + stale.ds().getFootprint() + " 13 2: matches no DNSKEY of the zone"),
                f.evidence().toString());
    }

    @Test
    void aRootThatDoesNotLeadToTheAnchorLeavesTheChainNotJudged() {
        // a resolver serving another root than the anchor's (a test network, a private root): the domain is not at
        // fault, and the zone's own link decides, as before the chain was followed
        TrustAnchor other = TrustAnchor.root(List.of(Key.ksk(".").ds()));
        Finding f = Findings.single(check(unsignedTld(), other), "DNSSEC_SIGNED", Severity.OK);
        assertTrue(f.evidence().stream().anyMatch(l -> l.startsWith(";; chain of trust above the zone not judged:"
                + " the root's DNSKEY set the resolver returns is not signed by a key of the trust anchor")),
                f.evidence().toString());
        // the IANA anchor against the made-up root: the same
        Findings.single(check(unsignedTld(), TrustAnchor.iana()), "DNSSEC_SIGNED", Severity.OK);
    }

    /** A DS record of signed.example with an algorithm validators do not support (12, ECC-GOST: RFC 9904). */
    static DSRecord unsupportedDs(String zone) {
        return new DSRecord(Name.fromConstantString(zone + "."), DClass.IN, 300, 12345, 12, DNSSEC.Digest.SHA256,
                new byte[32]);
    }

    /** {@code records} without the RRSIG records over DS records: a DS RRset a signed parent serves unsigned. */
    static List<Record> withoutDsSignatures(List<Record> records) {
        return records.stream().filter(r -> !(r instanceof RRSIGRecord s && s.getTypeCovered() == Type.DS)).toList();
    }

    /**
     * DS records whose algorithms validators do not support leave the zone insecure only when they are authenticated
     * (RFC 4035 §5.2: "any of the algorithms listed in an authenticated DS RRset"), so signed by the TLD, or under an
     * insecure TLD; the same DS records from the signed TLD with a signature that does not verify, or none, are bogus:
     * a forged DS RRset would otherwise switch validation off for a signed zone. Before, the zone was taken as
     * insecure (DNSSEC_ALGORITHM_UNSUPPORTED, UNSIGNED) without the TLD's signature being checked.
     */
    @Test
    void aDsWithAnUnsupportedAlgorithmMakesTheZoneInsecureOnlyWhenTheTldsSignatureHolds() {
        for (List<List<Record>> tree : List.of(List.of(TREE.rootDelegatingTld(),
                TREE.tld(true, unsupportedDs("signed.example"))), List.of(TREE.root(),
                TREE.tld(false, unsupportedDs("signed.example"))))) {
            List<Finding> findings = check(dns(tree.get(0), tree.get(1)), TREE.anchor());
            assertEquals(List.of("DNSSEC_ALGORITHM_UNSUPPORTED"), Findings.codes(findings),
                    Findings.describe(findings));
            ZoneSecurity.Judgement j = judge(dns(tree.get(0), tree.get(1)));
            assertEquals(ZoneSecurity.Level.UNSIGNED, j.level(), j.evidence().toString());
            assertEquals(Optional.empty(), j.bogus());
        }
        Finding signed = check(dns(TREE.rootDelegatingTld(), TREE.tld(true, unsupportedDs("signed.example"))),
                TREE.anchor()).getFirst();
        assertTrue(signed.evidence().contains(";; DS of signed.example at example: signature by the keys of example"
                + " valid (key tag " + TREE.tldKey().dnskey().getFootprint() + ")"), signed.evidence().toString());

        for (List<Record> tld : List.of(SignedTree.breakDsSignatures(TREE.tld(true, unsupportedDs("signed.example"))),
                withoutDsSignatures(TREE.tld(true, unsupportedDs("signed.example"))))) {
            List<Finding> findings = check(dns(TREE.rootDelegatingTld(), tld), TREE.anchor());
            assertEquals(List.of("DNSSEC_PARENT_BOGUS"), Findings.codes(findings), Findings.describe(findings));
            assertEquals(BROKEN_DS_AT_TLD, findings.getFirst().message());
            ZoneSecurity.Judgement j = judge(dns(TREE.rootDelegatingTld(), tld));
            assertEquals(ZoneSecurity.Level.BOGUS, j.level(), j.evidence().toString());
            assertTrue(j.zoneBroken());
            assertEquals(Optional.of(new ZoneSecurity.Bogus(ZoneSecurity.Cause.DS_SIGNATURE, "signed.example",
                    Optional.of("example"))), j.bogus());
        }
    }

    /** A bogus zone's judgement says where its chain breaks, for the DANE check's wording of the remedy. */
    @Test
    void theJudgementOfABogusZoneSaysWhereTheChainBreaks() {
        Key stale = Key.ksk("example");
        record Case(List<Record> root, List<Record> tld, ZoneSecurity.Bogus bogus) {
        }
        for (Case c : List.of(
                new Case(TREE.rootDelegatingTld(), TREE.tld(true, Key.ksk("signed.example").ds()),
                        new ZoneSecurity.Bogus(ZoneSecurity.Cause.KEYS, "signed.example", Optional.empty())),
                new Case(TREE.rootDelegatingTld(), SignedTree.breakDsSignatures(TREE.tld(true, CSK.ds())),
                        new ZoneSecurity.Bogus(ZoneSecurity.Cause.DS_SIGNATURE, "signed.example",
                                Optional.of("example"))),
                new Case(TREE.rootDelegatingTld(), TREE.tld(true),
                        new ZoneSecurity.Bogus(ZoneSecurity.Cause.DS_DENIAL, "signed.example",
                                Optional.of("example"))),
                new Case(SignedTree.withoutDenials(TREE.root()), TREE.tld(false, CSK.ds()),
                        new ZoneSecurity.Bogus(ZoneSecurity.Cause.DS_DENIAL, "example", Optional.of("."))),
                new Case(SignedTree.breakDsSignatures(TREE.rootDelegatingTld()), TREE.tld(true, CSK.ds()),
                        new ZoneSecurity.Bogus(ZoneSecurity.Cause.ABOVE, "example", Optional.of("."))),
                new Case(TREE.root(stale.ds()), TREE.tld(true, CSK.ds()),
                        new ZoneSecurity.Bogus(ZoneSecurity.Cause.ABOVE, "example", Optional.of("."))))) {
            ZoneSecurity.Judgement j = judge(dns(c.root(), c.tld()));
            assertEquals(ZoneSecurity.Level.BOGUS, j.level(), j.evidence().toString());
            assertEquals(Optional.of(c.bogus()), j.bogus(), j.evidence().toString());
        }
        // the MX records' signature fails, the zone's own chain holds: only those records are bogus
        List<Record> all = new ArrayList<>(TREE.rootDelegatingTld());
        all.addAll(TREE.tld(true, CSK.ds()));
        all.addAll(SignedTree.breakSignatures(zone(), Type.MX));
        ZoneSecurity.Judgement records = judge(FakeDns.of(all));
        assertEquals(ZoneSecurity.Level.BOGUS, records.level(), records.evidence().toString());
        assertEquals(false, records.zoneBroken());
        assertEquals(Optional.of(new ZoneSecurity.Bogus(ZoneSecurity.Cause.RECORDS, "signed.example",
                Optional.empty())), records.bogus());
        assertEquals(Optional.empty(), judge(allSigned()).bogus());
    }
}
