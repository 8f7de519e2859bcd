package org.mailpath.engine.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.testing.dns.CheckSetup;
import org.mailpath.testing.dns.SignedTree;
import org.mailpath.testing.dns.TestDnsServer;
import org.mailpath.testing.dns.ZoneSigner;
import org.mailpath.testing.dns.ZoneSigner.Key;
import org.mailpath.testing.fakedns.Findings;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * The chain of trust above the zone through the real DNS client and the in-process loopback server: a signed test
 * root, the TLD {@code example} (signed and delegated, or not) and the zone {@code signed.example}, served by a
 * resolver that answers with the signatures (DO) as a recursive resolver does. The loopback resolver answers each
 * name from the most specific zone it serves, so a DS record (and the parent's signature over it) is served in the
 * child's zone text, where the resolver finds it, signed by the parent's key as a parent serves it.
 */
class DnssecChainLoopbackTest {

    private static final String RESOLVER = "127.0.38.1";
    private static final String NS = "127.0.38.2";
    private static final Instant INCEPTION = Instant.now().minus(Duration.ofHours(1));
    private static final Instant EXPIRATION = Instant.now().plus(Duration.ofDays(14));
    private static final Key CSK = Key.ksk("signed.example");
    private static final SignedTree TREE = new SignedTree("example", INCEPTION, EXPIRATION);
    private static final String ZONE = """
            signed.example.      SOA ns1.signed.example. hostmaster.signed.example. 1 3600 600 86400 300
            signed.example.      NS  ns1.signed.example.
            signed.example.      MX  10 mx.signed.example.
            ns1.signed.example.  A   %s
            mx.signed.example.   A   192.0.2.25
            """.formatted(NS);

    /** The records of {@code zone} owned by {@code owner} with its type {@code type}, and the signatures over them. */
    private static List<Record> at(List<Record> zone, String owner, int type) {
        Name name = Name.fromConstantString(owner);
        return zone.stream().filter(r -> r.getName().equals(name) && (r.getType() == type
                || r instanceof RRSIGRecord s && s.getTypeCovered() == type)).toList();
    }

    /**
     * The DNSSEC check of signed.example through the loopback resolver serving {@code root} and {@code tld}: each
     * child's DS (with the parent's signature over it) served with the child's zone.
     */
    private static List<Finding> check(List<Record> root, List<Record> tld) throws IOException {
        return run(root, tld, ZoneSigner.sign("signed.example", ZoneSigner.parse("signed.example", ZONE),
                List.of(CSK), INCEPTION, EXPIRATION)).findings();
    }

    /** The DNSSEC check's findings and the DANE check's judgement of the zone ({@link ZoneSecurity}). */
    private record Outcome(List<Finding> findings, ZoneSecurity.Judgement zone) {
    }

    /**
     * Both judges of signed.example, its zone's records {@code own}, through the loopback resolver serving {@code root}
     * and {@code tld}: each child's DS (with the parent's signature over it), or the parent's NSEC record that proves
     * it has none, served with the child's zone.
     */
    private static Outcome run(List<Record> root, List<Record> tld, List<Record> own) throws IOException {
        List<Record> tldZone = new ArrayList<>(tld);
        tldZone.addAll(at(root, "example.", Type.DS));
        // the root's proof of what the TLD's name holds (NSEC): served from the TLD's zone text as the DS is
        tldZone.addAll(at(root, "example.", Type.NSEC));
        List<Record> zone = new ArrayList<>(own);
        zone.addAll(at(tld, "signed.example.", Type.DS));
        zone.addAll(at(tld, "signed.example.", Type.NSEC));
        try (TestDnsServer dns = TestDnsServer.builder()
                .zone(".", ZoneSigner.text(root.stream().filter(r -> !r.getName().equals(
                        Name.fromConstantString("example."))).toList()))
                .zone("example", ZoneSigner.text(tldZone.stream().filter(r -> !r.getName().equals(
                        Name.fromConstantString("signed.example."))).toList()))
                .zone("signed.example", ZoneSigner.text(zone))
                .resolver(RESOLVER)
                .authoritative(NS, "signed.example")
                .start()) {
            CheckSetup setup = CheckSetup.of(RESOLVER + ":" + dns.port(), dns.port());
            List<Finding> findings = new DnssecCheck(Clock.systemUTC(), TREE.anchor())
                    .run(setup.context("signed.example")).findings();
            ZoneSecurity.Judgement judged = new ZoneSecurity(setup.lookup(), Instant.now(), TREE.anchor())
                    .judge("signed.example", List.of(), Cancellation.none());
            return new Outcome(findings, judged);
        }
    }

    @Test
    void aChainSignedFromTheTestRootIsSigned() throws IOException {
        List<Finding> findings = check(TREE.rootDelegatingTld(), TREE.tld(true, CSK.ds()));
        assertEquals(List.of("DNSSEC_SIGNED"), Findings.codes(findings), Findings.describe(findings));
        assertTrue(findings.getFirst().evidence().contains(";; chain of trust from the root's trust anchor to"
                + " signed.example: secure"), findings.getFirst().evidence().toString());
    }

    @Test
    void aSignedZoneUnderAnUnsignedTldIsAnIsland() throws IOException {
        List<Finding> findings = check(TREE.root(), TREE.tld(false, CSK.ds()));
        assertEquals(List.of("DNSSEC_PARENT_INSECURE"), Findings.codes(findings), Findings.describe(findings));
        Finding f = Findings.single(findings, "DNSSEC_PARENT_INSECURE", Severity.WARNING);
        assertTrue(f.message().contains("the zone example above it has no DS record in the root zone (.)"),
                f.message());
    }

    @Test
    void theRootsSignedNsecRecordProvesThatTheTldHasNoDs() throws IOException {
        Finding f = Findings.single(check(TREE.root(), TREE.tld(false, CSK.ds())), "DNSSEC_PARENT_INSECURE",
                Severity.WARNING);
        assertTrue(f.evidence().contains(";; no DS record for example at .: the signed NSEC/NSEC3 records of . prove"
                + " it (RFC 4035 §5.2), so validating resolvers treat example and every zone below it as insecure"),
                f.evidence().toString());
        assertTrue(f.evidence().stream().anyMatch(l -> l.startsWith("example.") && l.contains("NSEC\t. NS RRSIG NSEC")),
                f.evidence().toString());
    }

    /**
     * The answer that the TLD has no DS, stripped of the root's NSEC record (a forged answer, or one whose DNSSEC
     * records were dropped on the way): validators do not take it as a proof of an insecure delegation, so the chain
     * is bogus, not insecure.
     */
    @Test
    void aMissingDsWithoutTheParentsNsecProofIsBogusNotInsecure() throws IOException {
        List<Finding> findings = check(SignedTree.withoutDenials(TREE.root()), TREE.tld(false, CSK.ds()));
        assertEquals(List.of("DNSSEC_PARENT_BOGUS"), Findings.codes(findings), Findings.describe(findings));
        Finding f = Findings.single(findings, "DNSSEC_PARENT_BOGUS", Severity.ERROR);
        assertEquals("The DNSSEC chain of trust of signed.example is broken above its zone signed.example: the root"
                + " zone (.) answers that it has no DS record for the zone example, but the answer carries no valid"
                + " proof of it (NSEC or NSEC3 records signed by the keys of the root zone (.), RFC 4035 §5.2), which"
                + " validators require, since a forged answer or one stripped on the way would otherwise switch"
                + " DNSSEC off for everything below example. Validating resolvers, which most large mail providers"
                + " use, treat signed.example as bogus: every lookup fails (SERVFAIL), so mail to it is not delivered"
                + " ('Domain Lookup Failed').", f.message());
        assertTrue(f.remediation().startsWith("The operators of the root zone (.) must answer the question for the DS"
                + " record of example with the NSEC or NSEC3 records that prove it does not exist"), f.remediation());
        assertTrue(f.evidence().stream().anyMatch(l -> l.startsWith(";; no DS record for example at .: no valid"
                + " signed proof (NSEC/NSEC3 by the keys of .) that it does not exist, so validating resolvers take"
                + " the answer as bogus (RFC 4035 §5.2); dnsjava's validator: ")), f.evidence().toString());
        Locale swedish = Locale.of("sv");
        assertTrue(f.message(swedish).contains("rotzonen (.) svarar att det inte finns någon DS-post för zonen"
                + " example, men svaret saknar giltigt bevis för det"), f.message(swedish));
        assertTrue(f.remediation(swedish).startsWith("Operatörerna för rotzonen (.) måste besvara frågan efter"
                + " DS-posten för example"), f.remediation(swedish));
    }

    /** The root's NSEC record at the TLD with a signature that does not verify proves nothing either. */
    @Test
    void aMissingDsWhoseNsecSignatureDoesNotVerifyIsBogus() throws IOException {
        List<Finding> findings = check(SignedTree.breakSignatures(TREE.root(), Type.NSEC), TREE.tld(false, CSK.ds()));
        assertEquals(List.of("DNSSEC_PARENT_BOGUS"), Findings.codes(findings), Findings.describe(findings));
        Finding f = Findings.single(findings, "DNSSEC_PARENT_BOGUS", Severity.ERROR);
        assertTrue(f.message().contains("the root zone (.) answers that it has no DS record for the zone example, but"
                + " the answer carries no valid proof of it"), f.message());
    }

    @Test
    void aBrokenDsSignatureAtTheTldIsBogus() throws IOException {
        List<Finding> findings = check(TREE.rootDelegatingTld(),
                SignedTree.breakDsSignatures(TREE.tld(true, CSK.ds())));
        assertEquals(List.of("DNSSEC_PARENT_BOGUS"), Findings.codes(findings), Findings.describe(findings));
        Finding f = Findings.single(findings, "DNSSEC_PARENT_BOGUS", Severity.ERROR);
        // the parent's signature over the zone's own DS: the TLD's operators re-sign it, no zone between is named
        assertEquals(DnssecChainAboveTest.BROKEN_DS_AT_TLD, f.message());
        assertEquals("The operators of example must re-sign the DS records of signed.example they serve (the evidence"
                + " shows the records and signatures). The signature is theirs, so nothing in the zone signed.example"
                + " can fix it: its operator can only report the fault to them, through the registrar.",
                f.remediation());
        Locale swedish = Locale.of("sv");
        assertTrue(f.message(swedish).startsWith("DNSSEC-förtroendekedjan för signed.example bryts där example"
                + " delegerar zonen signed.example: DS-posterna för signed.example som example tillhandahåller"),
                f.message(swedish));
        assertTrue(f.remediation(swedish).startsWith("Operatörerna för example måste signera om de DS-poster för"
                + " signed.example som de tillhandahåller"), f.remediation(swedish));
    }

    /** A break above the zone (the root's signature over the TLD's DS) names both zones of that link. */
    @Test
    void aBrokenDsSignatureAtTheRootIsBogusAboveTheZone() throws IOException {
        List<Finding> findings = check(SignedTree.breakDsSignatures(TREE.rootDelegatingTld()),
                TREE.tld(true, CSK.ds()));
        Finding f = Findings.single(findings, "DNSSEC_PARENT_BOGUS", Severity.ERROR);
        assertTrue(f.message().startsWith("The DNSSEC chain of trust of signed.example is broken above its zone"
                + " signed.example: the DS records of example in the root zone (.) carry no valid signature"),
                f.message());
        assertEquals("The chain breaks outside the zone signed.example: the operators of example and of the root"
                + " zone (.) must repair the link (the evidence shows the records and signatures); nothing in"
                + " signed.example can fix it.", f.remediation());
    }

    /**
     * A zone without keys under the signed TLD: the TLD's signed NSEC record at the zone proves that it has no DS, so
     * it is unsigned to validators (DNSSEC_UNSIGNED); the same answer stripped of that record, or with a signature
     * over it that does not verify, is bogus (DNSSEC_PARENT_BOGUS, RFC 4035 §5.2), for both judges.
     */
    @Test
    void aZoneWithoutKeysIsUnsignedOnlyWithTheTldsSignedProof() throws IOException {
        List<Record> plain = ZoneSigner.parse("signed.example", ZONE);
        List<Record> proving = TREE.tldWithNsec(List.of("signed.example"));
        Outcome proven = run(TREE.rootDelegatingTld(), proving, plain);
        assertEquals(List.of("DNSSEC_UNSIGNED"), Findings.codes(proven.findings()),
                Findings.describe(proven.findings()));
        assertTrue(proven.findings().getFirst().evidence().contains(";; no DS record for signed.example at example:"
                + " the signed NSEC/NSEC3 records of example prove it (RFC 4035 §5.2), so validating resolvers treat"
                + " signed.example and every zone below it as insecure"),
                proven.findings().getFirst().evidence().toString());
        assertEquals(ZoneSecurity.Level.UNSIGNED, proven.zone().level(), proven.zone().evidence().toString());

        for (List<Record> tld : List.of(SignedTree.withoutDenials(proving),
                SignedTree.breakSignatures(proving, Type.NSEC))) {
            Outcome bogus = run(TREE.rootDelegatingTld(), tld, plain);
            assertEquals(List.of("DNSSEC_PARENT_BOGUS"), Findings.codes(bogus.findings()),
                    Findings.describe(bogus.findings()));
            Finding f = Findings.single(bogus.findings(), "DNSSEC_PARENT_BOGUS", Severity.ERROR);
            assertTrue(f.message().startsWith("The DNSSEC chain of trust of signed.example breaks where example"
                    + " delegates the zone signed.example: example answers that it has no DS record for the zone"
                    + " signed.example, but the answer carries no valid proof of it"), f.message());
            assertEquals(ZoneSecurity.Level.BOGUS, bogus.zone().level(), bogus.zone().evidence().toString());
            assertTrue(bogus.zone().zoneBroken());
        }
    }

    /** A zone without keys under the unsigned TLD is unsigned, as before: the root proves that the TLD has no DS. */
    @Test
    void aZoneWithoutKeysUnderTheUnsignedTldIsUnsigned() throws IOException {
        Outcome o = run(TREE.root(), TREE.tld(false), ZoneSigner.parse("signed.example", ZONE));
        assertEquals(List.of("DNSSEC_UNSIGNED"), Findings.codes(o.findings()), Findings.describe(o.findings()));
        assertEquals(ZoneSecurity.Level.UNSIGNED, o.zone().level(), o.zone().evidence().toString());
    }

    /**
     * DS records with an algorithm validators do not support, served by the signed TLD: insecure with the TLD's valid
     * signature over them (RFC 4035 §5.2, "an authenticated DS RRset"), bogus with a broken one or none, for both
     * judges (before, insecure either way).
     */
    @Test
    void anUnsupportedDsCountsOnlyWithTheTldsSignature() throws IOException {
        List<Record> own = ZoneSigner.sign("signed.example", ZoneSigner.parse("signed.example", ZONE), List.of(CSK),
                INCEPTION, EXPIRATION);
        List<Record> tld = TREE.tld(true, DnssecChainAboveTest.unsupportedDs("signed.example"));
        Outcome signed = run(TREE.rootDelegatingTld(), tld, own);
        assertEquals(List.of("DNSSEC_ALGORITHM_UNSUPPORTED"), Findings.codes(signed.findings()),
                Findings.describe(signed.findings()));
        assertEquals(ZoneSecurity.Level.UNSIGNED, signed.zone().level(), signed.zone().evidence().toString());
        for (List<Record> broken : List.of(SignedTree.breakDsSignatures(tld),
                DnssecChainAboveTest.withoutDsSignatures(tld))) {
            Outcome bogus = run(TREE.rootDelegatingTld(), broken, own);
            assertEquals(List.of("DNSSEC_PARENT_BOGUS"), Findings.codes(bogus.findings()),
                    Findings.describe(bogus.findings()));
            assertEquals(DnssecChainAboveTest.BROKEN_DS_AT_TLD, bogus.findings().getFirst().message());
            assertEquals(ZoneSecurity.Level.BOGUS, bogus.zone().level(), bogus.zone().evidence().toString());
            assertEquals(ZoneSecurity.Cause.DS_SIGNATURE, bogus.zone().bogus().orElseThrow().cause());
        }
    }
}
