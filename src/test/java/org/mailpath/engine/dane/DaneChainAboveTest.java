package org.mailpath.engine.dane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.finding.Finding;
import org.mailpath.testing.dns.SignedTree;
import org.mailpath.testing.dns.ZoneSigner;
import org.mailpath.testing.dns.ZoneSigner.Key;
import org.mailpath.testing.fakedns.FakeDns;
import org.mailpath.testing.fakedns.Findings;
import org.xbill.DNS.Record;

/**
 * The DANE check where the MX host's zone is signed but the chain of trust above it is what decides (RFC 7672 §2.2:
 * senders use only TLSA records their validating resolver finds "secure"): a test root, the TLD {@code example} and
 * the zone {@code dane.example}, signed in the test ({@link SignedTree}), answered by {@link FakeDns}.
 */
class DaneChainAboveTest {

    private static final Instant INCEPTION = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant EXPIRATION = Instant.parse("2026-02-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
    private static final String ZONE = """
            dane.example.      SOA ns1.dane.example. hostmaster.dane.example. 1 3600 600 86400 300
            dane.example.      NS  ns1.dane.example.
            dane.example.      MX  10 mx.dane.example.
            ns1.dane.example.  A   192.0.2.53
            mx.dane.example.   A   192.0.2.25
            _25._tcp.mx.dane.example. TLSA 3 1 1 %s
            """.formatted("AB".repeat(32));
    private static final Key CSK = Key.ksk("dane.example");
    private static final SignedTree TREE = new SignedTree("example", INCEPTION, EXPIRATION);

    private static List<Finding> check(List<Record> root, List<Record> tld) {
        List<Record> all = new ArrayList<>(root);
        all.addAll(tld);
        all.addAll(ZoneSigner.sign("dane.example", ZoneSigner.parse("dane.example", ZONE), List.of(CSK), INCEPTION,
                EXPIRATION));
        return FakeDns.of(all).run(new DaneCheck(Clock.fixed(NOW, ZoneOffset.UTC), TREE.anchor()), "dane.example",
                CheckOptions.defaults());
    }

    /** The DANE check of dane.example, its zone not signed (no keys), under {@code root} and {@code tld}. */
    private static List<Finding> checkUnsigned(List<Record> root, List<Record> tld) {
        List<Record> all = new ArrayList<>(root);
        all.addAll(tld);
        all.addAll(ZoneSigner.parse("dane.example", ZONE));
        return FakeDns.of(all).run(new DaneCheck(Clock.fixed(NOW, ZoneOffset.UTC), TREE.anchor()), "dane.example",
                CheckOptions.defaults());
    }

    private static List<String> codes(List<Finding> findings) {
        return findings.stream().map(f -> f.code() + " " + f.severity() + " " + f.subject()).toList();
    }

    @Test
    void tlsaRecordsUnderAChainSignedFromTheRootAreUsable() {
        List<Finding> findings = check(TREE.rootDelegatingTld(), TREE.tld(true, CSK.ds()));
        assertEquals(List.of("DANE_OK OK mx.dane.example"), codes(findings), Findings.describe(findings));
        assertTrue(findings.getFirst().evidence().contains(";; zone dane.example: signed (its DS, keys and"
                + " signatures, and the chain of trust from the root)"), findings.getFirst().evidence().toString());
    }

    @Test
    void tlsaRecordsInASignedZoneUnderAnUnsignedTldAreIgnoredBySenders() {
        // the DNS engineer's case: validators see no chain from the root, so the zone is insecure and DANE is off
        List<Finding> findings = check(TREE.root(), TREE.tld(false, CSK.ds()));
        assertEquals(List.of("DANE_NOT_SIGNED WARNING mx.dane.example"), codes(findings), Findings.describe(findings));
        Finding f = findings.getFirst();
        assertEquals("MX host mx.dane.example publishes TLSA records at _25._tcp.mx.dane.example (3 1 1 (DANE-EE SPKI"
                + " SHA2-256)) in the zone dane.example, which is signed, but no chain of trust leads to it from the"
                + " root: the zone example above it is not securely delegated (see the evidence). Validating"
                + " resolvers treat dane.example as unsigned, so senders ignore the records (RFC 7672 §2.2 uses only"
                + " \"secure\" TLSA records): DANE protects nothing.", f.message());
        assertTrue(f.remediation().startsWith("Nothing in the zone dane.example can fix this: the zone example must"
                + " be signed"), f.remediation());
        assertTrue(f.message(Locale.of("sv")).contains("den överordnade zonen example är inte säkert delegerad"),
                f.message(Locale.of("sv")));
        assertTrue(f.evidence().stream().anyMatch(l -> l.startsWith(";; no DS record for example at .:")),
                f.evidence().toString());
    }

    @Test
    void mxRecordsInAnIslandLeadToHostsWithDaneUnderASecureChainOnlyInPart() {
        // hosted.example's MX records are in a signed zone under the unsigned TLD example; its MX host is in
        // provider.net, securely delegated from the root through net: only the MX lookup is insecure
        Key netKey = Key.ksk("net");
        Key providerKey = Key.ksk("provider.net");
        Key hostedKey = Key.ksk("hosted.example");
        List<Record> all = new ArrayList<>(TREE.root(netKey.ds()));
        List<Record> net = new ArrayList<>(ZoneSigner.parse("net", """
                net. SOA ns.net. hostmaster.net. 1 3600 600 86400 300
                net. NS  ns.net.
                """));
        net.add(providerKey.ds());
        all.addAll(ZoneSigner.sign("net", net, List.of(netKey), INCEPTION, EXPIRATION));
        all.addAll(ZoneSigner.sign("provider.net", ZoneSigner.parse("provider.net", """
                provider.net. SOA ns.provider.net. hostmaster.provider.net. 1 3600 600 86400 300
                provider.net. NS  ns.provider.net.
                mx.provider.net. A 192.0.2.25
                _25._tcp.mx.provider.net. TLSA 3 1 1 %s
                """.formatted("AB".repeat(32))), List.of(providerKey), INCEPTION, EXPIRATION));
        all.addAll(TREE.tld(false, hostedKey.ds()));
        all.addAll(ZoneSigner.sign("hosted.example", ZoneSigner.parse("hosted.example", """
                hosted.example. SOA ns.hosted.example. hostmaster.hosted.example. 1 3600 600 86400 300
                hosted.example. NS  ns.hosted.example.
                hosted.example. MX  10 mx.provider.net.
                """), List.of(hostedKey), INCEPTION, EXPIRATION));
        List<Finding> findings = FakeDns.of(all).run(new DaneCheck(Clock.fixed(NOW, ZoneOffset.UTC), TREE.anchor()),
                "hosted.example", CheckOptions.defaults());
        assertEquals(List.of("DANE_MX_NOT_SIGNED INFO hosted.example"), codes(findings), Findings.describe(findings));
        Finding f = findings.getFirst();
        assertTrue(f.message().startsWith("MX hosts of hosted.example publish usable TLSA records (mx.provider.net),"
                + " but the MX records of hosted.example are not signed as validating resolvers see them: the zone"
                + " hosted.example is signed, but no chain of trust leads to it from the root (the zone example above"
                + " it is not securely delegated, see the evidence)"), f.message());
        assertTrue(f.remediation().startsWith("Nothing in the zone hosted.example can fix this: the zone example"
                + " must be signed"), f.remediation());
        assertTrue(f.message(Locale.of("sv")).contains("den överordnade zonen example är inte säkert delegerad"),
                f.message(Locale.of("sv")));
    }

    @Test
    void aBrokenDsSignatureAtTheTldMakesTheHostsZoneBogus() {
        List<Finding> findings = check(TREE.rootDelegatingTld(),
                SignedTree.breakDsSignatures(TREE.tld(true, CSK.ds())));
        assertEquals(List.of("DANE_LOOKUP_FAILED ERROR mx.dane.example"), codes(findings),
                Findings.describe(findings));
    }

    /**
     * TLSA records in a zone without keys whose parent is insecure, or signed and proving with NSEC or NSEC3 (Opt-Out)
     * that the zone has no DS: insecure to validators, so senders ignore them (RFC 7672 §2.2).
     */
    @Test
    void tlsaRecordsInAnUnsignedZoneWhoseMissingDsIsProvenAreIgnoredBySenders() {
        for (List<List<Record>> tree : List.of(List.of(TREE.root(), TREE.tld(false)),
                List.of(TREE.rootDelegatingTld(), TREE.tldWithNsec(List.of("dane.example"))),
                List.of(TREE.rootDelegatingTld(), TREE.tldWithNsec3(true)))) {
            List<Finding> findings = checkUnsigned(tree.get(0), tree.get(1));
            assertEquals(List.of("DANE_NOT_SIGNED WARNING mx.dane.example"), codes(findings),
                    Findings.describe(findings));
            // the zone itself is unsigned: no zone above is named
            assertTrue(findings.getFirst().message().contains("but the zone dane.example is not signed with DNSSEC"),
                    findings.getFirst().message());
        }
    }

    /**
     * TLSA records in a zone (keys or not) whose signed TLD answers that it has no DS without the signed proof of it:
     * validating resolvers take the answer as bogus and fail the TLSA question (and every other in the zone), so
     * senders that validate DANE do not deliver to the host, where it was DANE_NOT_SIGNED before the proof was asked.
     */
    @Test
    void tlsaRecordsInAZoneWhoseMissingDsIsNotProvenAreBogus() {
        for (List<Finding> findings : List.of(checkUnsigned(TREE.rootDelegatingTld(), TREE.tld(true)),
                checkUnsigned(TREE.rootDelegatingTld(),
                        SignedTree.withoutDenials(TREE.tldWithNsec(List.of("dane.example")))),
                check(TREE.rootDelegatingTld(), TREE.tld(true)))) {
            assertEquals(List.of("DANE_LOOKUP_FAILED ERROR mx.dane.example"), codes(findings),
                    Findings.describe(findings));
            Finding f = findings.getFirst();
            assertTrue(f.message().startsWith("MX host mx.dane.example publishes TLSA records at"
                    + " _25._tcp.mx.dane.example, but the DNSSEC chain of the zone dane.example is broken"),
                    f.message());
            assertTrue(f.evidence().stream().anyMatch(l -> l.startsWith(";; no DS record for dane.example at example:"
                    + " no valid signed proof")), f.evidence().toString());
        }
    }
}
