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
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

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
    private static final Locale SWEDISH = Locale.of("sv");
    /** The remediation when example answers that dane.example has no DS without the signed proof of it. */
    private static final String DENIAL_REMEDY = "The operators of example must answer the question for the DS record"
            + " of dane.example with the NSEC or NSEC3 records, signed by their keys, that prove it does not exist";
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
            assertTrue(findings.getFirst().message().contains("but the zone dane.example is not validated by DNSSEC"),
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
            // the remedy is the TLD's proof (or the path's), not a DS that matches the keys
            assertTrue(f.remediation().startsWith(DENIAL_REMEDY), f.remediation());
            assertTrue(f.remediation(SWEDISH).startsWith("Operatörerna för example måste besvara frågan efter"
                    + " DS-posten för dane.example med de NSEC- eller NSEC3-poster"), f.remediation(SWEDISH));
        }
    }

    /** The DANE check of dane.example, its zone's records {@code own}, under {@code root} and {@code tld}. */
    private static List<Finding> run(List<Record> root, List<Record> tld, List<Record> own) {
        List<Record> all = new ArrayList<>(root);
        all.addAll(tld);
        all.addAll(own);
        return FakeDns.of(all).run(new DaneCheck(Clock.fixed(NOW, ZoneOffset.UTC), TREE.anchor()), "dane.example",
                CheckOptions.defaults());
    }

    /** The zone's text with {@code tlsa} (a record line, or nothing) for the TLSA record. */
    private static String zoneWith(String tlsa) {
        return ZONE.lines().map(l -> l.startsWith("_25._tcp.") ? tlsa : l).filter(l -> !l.isEmpty())
                .reduce("", (x, y) -> x + y + "\n");
    }

    private static List<Record> signedZone(String text) {
        return ZoneSigner.sign("dane.example", ZoneSigner.parse("dane.example", text), List.of(CSK), INCEPTION,
                EXPIRATION);
    }

    /**
     * TLSA records in a zone whose DS records use an algorithm validators do not support: insecure only when the TLD
     * signed the DS records (RFC 4035 §5.2, "an authenticated DS RRset"), DANE_NOT_SIGNED; with a signature that does
     * not verify, or none, validators take the zone as bogus, DANE_LOOKUP_FAILED, whose remedy is the TLD's
     * signature. It was DANE_NOT_SIGNED before the TLD's signature was checked.
     */
    @Test
    void tlsaRecordsUnderAnUnsupportedDsAreIgnoredOnlyWhenTheTldSignedIt() {
        DSRecord gost = new DSRecord(Name.fromConstantString("dane.example."), DClass.IN, 300, 12345, 12,
                DNSSEC.Digest.SHA256, new byte[32]);
        List<Finding> insecure = check(TREE.rootDelegatingTld(), TREE.tld(true, gost));
        assertEquals(List.of("DANE_NOT_SIGNED WARNING mx.dane.example"), codes(insecure), Findings.describe(insecure));
        List<Record> signedTld = TREE.tld(true, gost);
        for (List<Record> tld : List.of(SignedTree.breakDsSignatures(signedTld), signedTld.stream()
                .filter(r -> !(r instanceof RRSIGRecord s && s.getTypeCovered() == Type.DS)).toList())) {
            List<Finding> findings = check(TREE.rootDelegatingTld(), tld);
            assertEquals(List.of("DANE_LOOKUP_FAILED ERROR mx.dane.example"), codes(findings),
                    Findings.describe(findings));
            Finding f = findings.getFirst();
            assertEquals("The operators of example must re-sign the DS records of dane.example they serve (the"
                    + " evidence shows the records and signatures). The signature is theirs, so nothing in the zone"
                    + " dane.example can fix it: its operator can only report the fault to them, through the"
                    + " registrar.", f.remediation());
            assertTrue(f.remediation(SWEDISH).startsWith("Operatörerna för example måste signera om de DS-poster för"
                    + " dane.example som de tillhandahåller"), f.remediation(SWEDISH));
        }
    }

    /**
     * The remediation of TLSA records in a bogus zone says what broke: the zone's DS and keys, the signature over the
     * records, the TLD's signature over the zone's DS, a denial of a DS without proof (the zone's or the TLD's), or a
     * link above; before, each was told to make the DS match the zone's keys.
     */
    @Test
    void theRemediationOfABogusZoneNamesWhatBroke() {
        record Case(List<Finding> findings, String english, String swedish) {
        }
        Key stale = Key.ksk("example");
        for (Case c : List.of(
                new Case(check(TREE.rootDelegatingTld(), TREE.tld(true, Key.ksk("dane.example").ds())),
                        "Repair DNSSEC of dane.example (the DNSSEC check of a domain in it names the broken link): the"
                                + " DS record at the parent must match a key of the zone",
                        "Laga DNSSEC för dane.example"),
                new Case(run(TREE.rootDelegatingTld(), TREE.tld(true, CSK.ds()),
                        SignedTree.breakSignatures(signedZone(ZONE), Type.TLSA)),
                        "Re-sign the zone dane.example: the signature (RRSIG) by its keys over the records the evidence"
                                + " names is missing, expired or does not verify",
                        "Signera om zonen dane.example"),
                new Case(check(TREE.rootDelegatingTld(), SignedTree.breakDsSignatures(TREE.tld(true, CSK.ds()))),
                        "The operators of example must re-sign the DS records of dane.example they serve",
                        "Operatörerna för example måste signera om de DS-poster för dane.example"),
                new Case(check(TREE.rootDelegatingTld(), TREE.tld(true)), DENIAL_REMEDY,
                        "Operatörerna för example måste besvara frågan efter DS-posten för dane.example"),
                new Case(check(SignedTree.withoutDenials(TREE.root()), TREE.tld(false, CSK.ds())),
                        "The operators of the root zone (.) must answer the question for the DS record of example",
                        "Operatörerna för rotzonen (.) måste besvara frågan efter DS-posten för example"),
                new Case(check(SignedTree.breakDsSignatures(TREE.rootDelegatingTld()), TREE.tld(true, CSK.ds())),
                        "The chain breaks above the zone dane.example, in the link from the root zone (.) to example"
                                + " (the evidence shows the records and signatures): the operators of example and of"
                                + " the root zone (.) must repair it; nothing in dane.example can fix it.",
                        "Kedjan bryts ovanför zonen dane.example, i länken från rotzonen (.) till example"),
                new Case(check(TREE.root(stale.ds()), TREE.tld(true, CSK.ds())),
                        "The chain breaks above the zone dane.example, in the link from the root zone (.) to example",
                        "Kedjan bryts ovanför zonen dane.example"))) {
            assertEquals(List.of("DANE_LOOKUP_FAILED"), c.findings().stream().map(Finding::code).toList(),
                    Findings.describe(c.findings()));
            Finding f = c.findings().getFirst();
            assertTrue(f.remediation().startsWith(c.english()), f.remediation());
            assertTrue(f.remediation(SWEDISH).startsWith(c.swedish()), f.remediation(SWEDISH));
        }
    }

    /**
     * A host without TLSA records (NODATA: another record at the name; NXDOMAIN: no name) in a zone validating
     * resolvers find bogus: they answer SERVFAIL to the TLSA question, not "no records" (RFC 4035 §5.5; RFC 7672
     * §2.2 takes only a secure or insecure denial as no TLSA), so senders that validate DANE do not deliver to the
     * host: DANE_LOOKUP_FAILED, where it was DANE_NONE. In a zone that is signed, or unsigned with the TLD's proof,
     * there are no TLSA records: DANE_NONE.
     */
    @Test
    void noTlsaRecordsInABogusZoneIsALookupFailure() {
        for (String tlsa : List.of("_25._tcp.mx.dane.example. TXT \"no TLSA here\"", "")) {
            String text = zoneWith(tlsa);
            List<Record> plain = ZoneSigner.parse("dane.example", text);
            // the TLD answers that dane.example has no DS, without proof
            List<Finding> denied = run(TREE.rootDelegatingTld(), TREE.tld(true), plain);
            assertEquals(List.of("DANE_LOOKUP_FAILED ERROR mx.dane.example"), codes(denied), Findings.describe(denied));
            Finding f = denied.getFirst();
            String status = tlsa.isEmpty() ? "NXDOMAIN" : "NODATA";
            assertTrue(f.message().startsWith("The resolver here answers that there are no TLSA records at"
                    + " _25._tcp.mx.dane.example (MX host mx.dane.example; " + status + "), but the DNSSEC chain of"
                    + " the zone dane.example is broken (see the evidence): validating resolvers answer SERVFAIL to"
                    + " the TLSA question instead"), f.message());
            assertTrue(f.message(SWEDISH).startsWith("Resolvern här svarar att det inte finns några TLSA-poster på"
                    + " _25._tcp.mx.dane.example"), f.message(SWEDISH));
            assertTrue(f.remediation().startsWith(DENIAL_REMEDY), f.remediation());
            assertTrue(f.evidence().stream().anyMatch(l -> l.startsWith(";; no DS record for dane.example at example:"
                    + " no valid signed proof")), f.evidence().toString());
            // the zone's DS matches none of its keys
            List<Finding> keys = run(TREE.rootDelegatingTld(), TREE.tld(true, Key.ksk("dane.example").ds()),
                    signedZone(text));
            assertEquals(List.of("DANE_LOOKUP_FAILED ERROR mx.dane.example"), codes(keys), Findings.describe(keys));
            assertTrue(keys.getFirst().remediation().startsWith("Repair DNSSEC of dane.example"),
                    keys.getFirst().remediation());

            for (List<Finding> none : List.of(run(TREE.rootDelegatingTld(), TREE.tld(true, CSK.ds()),
                            signedWithNsec(text)),
                    run(TREE.rootDelegatingTld(), TREE.tldWithNsec(List.of("dane.example")), plain),
                    run(TREE.root(), TREE.tld(false), plain))) {
                assertEquals(List.of("DANE_NONE INFO dane.example"), codes(none), Findings.describe(none));
            }
        }
    }

    /** The zone's text signed, with the NSEC chain a signed zone has (RFC 4035 §2.3, {@link ZoneSigner#chain}). */
    private static List<Record> signedWithNsec(String text) {
        return signedZone(text, ZoneSigner.Chain.NSEC);
    }

    /** The zone's text signed, with an NSEC3 chain ({@code 1 0 0 -}, RFC 5155 §7.1) and its NSEC3PARAM record. */
    private static List<Record> signedWithNsec3(String text) {
        return signedZone(text, ZoneSigner.Chain.NSEC3);
    }

    private static List<Record> signedZone(String text, ZoneSigner.Chain chain) {
        return ZoneSigner.sign("dane.example", ZoneSigner.parse("dane.example", text), List.of(CSK), INCEPTION,
                EXPIRATION, chain);
    }

    /**
     * No TLSA records (NODATA: a TXT record at the name) in a zone whose chain from the root holds: validators take
     * the answer only with its NSEC or NSEC3 records, signed by the zone's keys, that prove it (RFC 4035 §5.4); with
     * the proof there are none (DANE_NONE), without it, or with a signature over it that does not verify, the answer
     * is bogus and validating resolvers answer SERVFAIL (DANE_LOOKUP_FAILED, RFC 7672 §2.2). Every case was DANE_NONE
     * before the proof was checked.
     */
    @Test
    void noTlsaRecordsInASignedZoneCountOnlyWithTheSignedProof() {
        String text = zoneWith("_25._tcp.mx.dane.example. TXT \"no TLSA here\"");
        List<Record> tld = TREE.tld(true, CSK.ds());
        for (List<Record> zone : List.of(signedWithNsec(text), signedWithNsec3(text))) {
            List<Finding> none = run(TREE.rootDelegatingTld(), tld, zone);
            assertEquals(List.of("DANE_NONE INFO dane.example"), codes(none), Findings.describe(none));
        }
        for (List<Record> zone : List.of(SignedTree.withoutDenials(signedWithNsec(text)),
                SignedTree.breakSignatures(signedWithNsec(text), Type.NSEC),
                SignedTree.withoutDenials(signedWithNsec3(text)),
                SignedTree.breakSignatures(signedWithNsec3(text), Type.NSEC3))) {
            List<Finding> findings = run(TREE.rootDelegatingTld(), tld, zone);
            assertEquals(List.of("DANE_LOOKUP_FAILED ERROR mx.dane.example"), codes(findings),
                    Findings.describe(findings));
            Finding f = findings.getFirst();
            assertEquals("The resolver here answers that there are no TLSA records at _25._tcp.mx.dane.example (MX"
                    + " host mx.dane.example; NODATA), but the zone dane.example is signed and the answer carries no"
                    + " valid signed proof of it (NSEC or NSEC3 records signed by the keys of dane.example, see the"
                    + " evidence): validating resolvers take it as bogus and answer SERVFAIL to the TLSA question"
                    + " instead (RFC 4035 §5.4), so senders that validate DANE cannot tell whether mx.dane.example"
                    + " requires authenticated TLS and do not deliver to it (RFC 7672 §2.2): no MX host is left, so"
                    + " the mail waits in their queues and bounces when their retry time runs out.", f.message());
            assertTrue(f.remediation().startsWith("Make every name server of dane.example answer the TLSA question"
                    + " for _25._tcp.mx.dane.example with the NSEC or NSEC3 records"), f.remediation());
            assertTrue(f.message(SWEDISH).contains("men zonen dane.example är signerad och svaret saknar giltigt"
                    + " signerat bevis"), f.message(SWEDISH));
            assertTrue(f.remediation(SWEDISH).startsWith("Se till att varje namnserver för dane.example besvarar"
                    + " TLSA-frågan"), f.remediation(SWEDISH));
            assertTrue(f.evidence().stream().anyMatch(l -> l.startsWith(";; no TLSA record at"
                    + " _25._tcp.mx.dane.example (NODATA): no valid signed proof of it")), f.evidence().toString());
        }
    }

    /**
     * NSEC3 with Opt-Out: the flag says only that a record's span may hold unsigned delegations (RFC 5155 §6). A
     * NODATA for TLSA records at a name that exists is proven by the NSEC3 record matching the name, flag or not
     * (§8.5): DANE_NONE with the proof quoted. (A covering Opt-Out record alone proves no TLSA NODATA: {@code
     * DenialProofTest}.)
     */
    @Test
    void anOptOutChainProvesNoTlsaRecordsThroughTheRecordMatchingTheName() {
        List<Record> existing = signedZone(zoneWith("_25._tcp.mx.dane.example. TXT \"no TLSA here\""),
                ZoneSigner.Chain.NSEC3_OPT_OUT);
        List<Finding> none = run(TREE.rootDelegatingTld(), TREE.tld(true, CSK.ds()), existing);
        assertEquals(List.of("DANE_NONE INFO dane.example"), codes(none), Findings.describe(none));
        assertTrue(none.getFirst().evidence().contains(";; no TLSA record at _25._tcp.mx.dane.example (NODATA): the"
                + " signed NSEC/NSEC3 records of dane.example prove it (RFC 4035 §5.4)"), Findings.describe(none));
    }
}
