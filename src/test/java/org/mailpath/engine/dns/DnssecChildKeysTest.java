package org.mailpath.engine.dns;

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
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.testing.dns.ZoneSigner;
import org.mailpath.testing.dns.ZoneSigner.Key;
import org.mailpath.testing.fakedns.FakeDns;
import org.mailpath.testing.fakedns.Findings;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * The CDS and CDNSKEY records of signed zones (RFC 7344, RFC 8078), judged as Zonemaster's test cases DNSSEC15-18 do
 * (zonemaster/zonemaster docs/public/specifications/tests/DNSSEC-TP/dnssec15.md … dnssec18.md); the tests are named
 * after its test-zone scenarios (docs/public/specifications/test-zones/DNSSEC-TP/dnssec16.md: DELETE-CDS,
 * MIXED-DELETE-CDS, CDS-MATCHES-NO-DNSKEY, DNSKEY-NOT-SIGNED-BY-CDS, CDS-UNSIGNED, CDS-INVALID-RRSIG; dnssec15.md's
 * MISMATCH-CDS-CDNSKEY; dnssec18.md's NO-MATCH-CDS-RRSIG-DS). Zones signed with dnsjava ({@link ZoneSigner}: the
 * CDS and CDNSKEY sets by the key-signing key, as signers do), answered by {@link FakeDns}.
 */
class DnssecChildKeysTest {

    private static final Instant INCEPTION = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant EXPIRATION = Instant.parse("2026-02-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
    private static final String ZONE = """
            signed.test.      SOA ns1.signed.test. hostmaster.signed.test. 1 3600 600 86400 300
            signed.test.      NS  ns1.signed.test.
            signed.test.      MX  10 mx.signed.test.
            ns1.signed.test.  A   192.0.2.53
            mx.signed.test.   A   192.0.2.25
            """;
    private static final Key CSK = Key.ksk("signed.test");
    private static final Key OTHER = Key.ksk("signed.test");
    private static final int TAG = CSK.dnskey().getFootprint();

    /** "signed.test. CDS …" for {@code key} (its SHA-256 DS, as the parent would publish it). */
    private static String cds(Key key) {
        return "signed.test. CDS " + key.ds().rdataToString() + "\n";
    }

    private static String cdnskey(Key key) {
        return "signed.test. CDNSKEY " + key.dnskey().rdataToString() + "\n";
    }

    /** The zone with {@code apex} (CDS/CDNSKEY lines) signed by {@code keys}, and the DS of {@code keys[0]}. */
    private static List<Record> zone(String apex, Key... keys) {
        List<Record> records = new ArrayList<>(ZoneSigner.sign("signed.test", ZoneSigner.parse("signed.test",
                ZONE + apex), List.of(keys), INCEPTION, EXPIRATION));
        records.add(keys[0].ds());
        return records;
    }

    private static List<Finding> check(List<Record> records) {
        return FakeDns.of(records).run(dnssecCheck(), "signed.test", CheckOptions.defaults());
    }

    /**
     * The check at NOW; the zone's name server (192.0.2.53, not ours) is never asked: the made-up exchange times
     * out, which leaves it out of the per-server comparison (DnssecChildKeyServersTest asks real servers).
     */
    private static DnssecCheck dnssecCheck() {
        return new DnssecCheck(Clock.fixed(NOW, ZoneOffset.UTC), (server, query, timeout, cancellation) ->
                new DnsTransport.Failure("timeout", DnsReasons.verbatim("")));
    }

    private static List<Record> withoutSignaturesOver(List<Record> records, int type) {
        return new ArrayList<>(records.stream()
                .filter(r -> !(r instanceof RRSIGRecord s && s.getTypeCovered() == type)).toList());
    }

    private static List<Record> apexRecords(List<Record> records, int type) {
        return records.stream().filter(r -> r.getType() == type).toList();
    }

    private static void codes(List<Finding> findings, String... expected) {
        assertEquals(List.of(expected).stream().sorted().toList(), Findings.codes(findings).stream().sorted().toList(),
                Findings.describe(findings));
    }

    @Test
    void cdsAndCdnskeyForTheKeyTheDsPointsToAddNothing() {
        FakeDns dns = FakeDns.of(zone(cds(CSK) + cdnskey(CSK), CSK));
        List<Finding> findings = dns.run(dnssecCheck(), "signed.test",
                CheckOptions.defaults());
        Finding f = Findings.single(findings, "DNSSEC_SIGNED", Severity.OK);
        codes(findings, "DNSSEC_SIGNED");
        assertTrue(f.evidence().contains(";; CDS " + TAG + " 13: matches the DNSKEY with key tag " + TAG),
                f.evidence().toString());
        assertTrue(f.evidence().contains(";; CDNSKEY " + TAG + " 13: matches the DNSKEY with key tag " + TAG),
                f.evidence().toString());
        assertTrue(f.evidence().stream().anyMatch(l -> l.contains("RRSIG\tCDS 13")), f.evidence().toString());
        assertTrue(dns.queries().containsAll(List.of("signed.test CDS", "signed.test CDNSKEY")),
                dns.queries().toString());
    }

    @Test
    void aZoneWithoutCdsSaysSoInTheEvidence() {
        Finding f = Findings.single(check(zone("", CSK)), "DNSSEC_SIGNED", Severity.OK);
        assertTrue(f.evidence().contains(";; no CDS or CDNSKEY at the zone apex: the parent is not asked to change"
                + " the DS records"), f.evidence().toString());
    }

    @Test
    void deleteCdsAsksTheParentToTurnDnssecOff() {
        // RFC 8078 §4: "CDS 0 0 0 00" and "CDNSKEY 0 3 0 AA=="; Zonemaster DS16_DELETE_CDS / DS17_DELETE_CDNSKEY: INFO
        List<Finding> findings = check(zone("signed.test. CDS 0 0 0 00\nsigned.test. CDNSKEY 0 3 0 AA==\n", CSK));
        codes(findings, "DNSSEC_SIGNED", "DNSSEC_CDS_DELETE", "DNSSEC_CDS_DELETE");
        Finding f = findings.stream().filter(x -> x.code().equals("DNSSEC_CDS_DELETE")).findFirst().orElseThrow();
        assertEquals(Severity.INFO, f.severity());
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, f.actor());
        assertEquals("The zone signed.test of signed.test publishes the CDS \"delete\" record (RFC 8078): it asks the"
                + " parent to remove the zone's DS records. A parent that processes CDS and CDNSKEY records acts on such"
                + " a request, and DNSSEC then no longer protects signed.test; lookups keep working.", f.message());
        assertTrue(f.remediation().contains("cds-cdnskey-publish: delete-dnssec")
                && f.remediation().contains("pdnsutil set-publish-cds signed.test 0"), f.remediation());
        assertTrue(f.evidence().contains(";; CDS delete record (RFC 8078 §4): the parent is asked to remove every DS"
                + " record"), f.evidence().toString());
        assertTrue(f.message(Locale.of("sv")).startsWith("Zonen signed.test för signed.test publicerar CDS-posten"
                + " \"delete\""), f.message(Locale.of("sv")));
    }

    @Test
    void mixedDeleteCds() {
        List<Finding> findings = check(zone("signed.test. CDS 0 0 0 00\n" + cds(CSK), CSK));
        codes(findings, "DNSSEC_SIGNED", "DNSSEC_CDS_MIXED_DELETE");
        Finding f = Findings.single(findings, "DNSSEC_CDS_MIXED_DELETE", Severity.WARNING);
        assertTrue(f.message().startsWith("The CDS records of the zone signed.test of signed.test mix the \"delete\""
                + " record"), f.message());
        assertTrue(f.evidence().contains(";; CDS without CDNSKEY (RFC 7344 §4: publish both)"),
                f.evidence().toString());
    }

    @Test
    void cdsMatchesNoDnskey() {
        // a key the zone does not publish (left over from an earlier signer, say); Zonemaster: WARNING
        List<Finding> findings = check(zone(cds(OTHER) + cdnskey(OTHER), CSK));
        codes(findings, "DNSSEC_SIGNED", "DNSSEC_CDS_NO_KEY", "DNSSEC_CDS_NO_KEY");
        int other = OTHER.dnskey().getFootprint();
        Finding f = findings.stream().filter(x -> x.message().contains("publishes CDS records")).findFirst()
                .orElseThrow();
        assertEquals(Severity.WARNING, f.severity());
        assertEquals("The zone signed.test of signed.test publishes CDS records (key tag " + other + ", algorithm 13"
                + " (ECDSAP256SHA256)) that match none of its DNSKEY records. Lookups work today, but a parent that"
                + " takes DS records over from CDS and CDNSKEY (RFC 7344) would publish a DS record for a key the zone"
                + " does not have: the DNSSEC chain of signed.test would break, and validating resolvers would fail"
                + " every lookup of it (SERVFAIL).", f.message());
        assertTrue(f.remediation().startsWith("The domain's DNS team should publish CDS records only for the key that"
                + " signs the DNSKEY records"), f.remediation());
        assertTrue(f.evidence().contains(";; CDS " + other + " 13: matches no DNSKEY of the zone"),
                f.evidence().toString());
    }

    @Test
    void aCdsDigestIsCheckedWhereItCanBe() {
        // the right key tag with a wrong SHA-256 digest is stale; digest type 3 (GOST R 34.11-94, which dnsjava does not
        // compute) is judged by key tag and algorithm alone
        codes(check(zone("signed.test. CDS " + TAG + " 13 2 " + "AB".repeat(32) + "\n", CSK)), "DNSSEC_SIGNED",
                "DNSSEC_CDS_NO_KEY");
        codes(check(zone("signed.test. CDS " + TAG + " 13 3 " + "AB".repeat(32) + "\n", CSK)), "DNSSEC_SIGNED");
    }

    @Test
    void dnskeyNotSignedByCds() {
        // CDS and CDNSKEY for the zone-signing key, which signs the SOA and MX but not the DNSKEY set
        Key ksk = Key.ksk("signed.test");
        Key zsk = Key.zsk("signed.test");
        List<Finding> findings = check(zone(cds(zsk) + cdnskey(zsk), ksk, zsk));
        codes(findings, "DNSSEC_SIGNED", "DNSSEC_CDS_KEY_NOT_SIGNING", "DNSSEC_CDS_KEY_NOT_SIGNING");
        int tag = zsk.dnskey().getFootprint();
        Finding f = findings.stream().filter(x -> x.message().contains("publishes CDNSKEY records")).findFirst()
                .orElseThrow();
        assertEquals(Severity.WARNING, f.severity());
        assertTrue(f.message().startsWith("The zone signed.test of signed.test publishes CDNSKEY records (key tag "
                + tag + ", algorithm 13 (ECDSAP256SHA256)) for keys that do not sign its DNSKEY records."),
                f.message());
        assertTrue(f.evidence().contains(";; CDNSKEY " + tag + " 13: matches the DNSKEY with key tag " + tag
                + ", which does not sign the DNSKEY set"), f.evidence().toString());
        // the key-signing key's records, signed by it: nothing to say
        codes(check(zone(cds(ksk) + cdnskey(ksk), ksk, zsk)), "DNSSEC_SIGNED");
    }

    @Test
    void cdsUnsigned() {
        List<Record> records = withoutSignaturesOver(zone(cds(CSK) + cdnskey(CSK), CSK), Type.CDS);
        List<Finding> findings = check(records);
        codes(findings, "DNSSEC_SIGNED", "DNSSEC_CDS_UNTRUSTED");
        Finding f = Findings.single(findings, "DNSSEC_CDS_UNTRUSTED", Severity.WARNING);
        assertEquals("The CDS records of the zone signed.test of signed.test carry no valid DNSSEC signature by the"
                + " key the parent's DS record points to (key tag " + TAG + ", algorithm 13 (ECDSAP256SHA256)). A"
                + " parent that takes DS records over from CDS and CDNSKEY accepts only records signed by such a key"
                + " (RFC 7344 §4.1; BIND's dnssec-cds: \"validly signed by a key represented in the existing DS"
                + " records\"), so it ignores them and the DS change they ask for does not happen. Lookups of"
                + " signed.test are not affected.", f.message());
        assertTrue(f.evidence().contains(";; CDS signatures by the keys the DS points to: none; by any key of the"
                + " zone: none"), f.evidence().toString());
    }

    @Test
    void noMatchCdsRrsigDs() {
        // DS18_NO_MATCH_CDS_RRSIG_DS: signed, but only by the zone-signing key (records added by hand)
        Key ksk = Key.ksk("signed.test");
        Key zsk = Key.zsk("signed.test");
        List<Record> records = withoutSignaturesOver(zone(cds(ksk) + cdnskey(ksk), ksk, zsk), Type.CDS);
        records.add(zsk.sign(apexRecords(records, Type.CDS), INCEPTION, EXPIRATION));
        Finding f = Findings.single(check(records), "DNSSEC_CDS_UNTRUSTED", Severity.WARNING);
        assertTrue(f.evidence().contains(";; CDS signatures by the keys the DS points to: none; by any key of the"
                + " zone: valid (key tag " + zsk.dnskey().getFootprint() + ")"), f.evidence().toString());
        assertTrue(f.message().contains("(key tag " + ksk.dnskey().getFootprint() + ", algorithm 13"), f.message());
    }

    @Test
    void cdsInvalidRrsig() {
        List<Record> records = withoutSignaturesOver(zone(cds(CSK), CSK), Type.CDS);
        records.add(CSK.sign(apexRecords(records, Type.CDS), Instant.parse("2025-11-01T00:00:00Z"),
                Instant.parse("2025-12-01T00:00:00Z")));
        Finding f = Findings.single(check(records), "DNSSEC_CDS_UNTRUSTED", Severity.WARNING);
        assertTrue(f.evidence().contains(";; CDS signatures by the keys the DS points to: expired at"
                + " 2025-12-01T00:00:00Z (key tag " + TAG + "); by any key of the zone: expired at 2025-12-01T00:00:00Z"
                + " (key tag " + TAG + ")"), f.evidence().toString());
    }

    @Test
    void mismatchCdsCdnskey() {
        // RFC 7344 §4 (Zonemaster dnssec15.md): both must stand for the same keys
        List<Finding> findings = check(zone(cds(CSK) + cdnskey(OTHER), CSK));
        codes(findings, "DNSSEC_SIGNED", "DNSSEC_CDS_NO_KEY", "DNSSEC_CDS_CDNSKEY_MISMATCH");
        Finding f = Findings.single(findings, "DNSSEC_CDS_CDNSKEY_MISMATCH", Severity.WARNING);
        assertTrue(f.message().startsWith("The zone signed.test of signed.test publishes CDS records (key tag " + TAG
                + ", algorithm 13 (ECDSAP256SHA256)) and CDNSKEY records (key tag " + OTHER.dnskey().getFootprint()
                + ", algorithm 13 (ECDSAP256SHA256)) for different keys"), f.message());
        // the delete record in one, a key in the other: they disagree too (both delete agree: deleteCds… above)
        codes(check(zone("signed.test. CDS 0 0 0 00\n" + cdnskey(CSK), CSK)), "DNSSEC_SIGNED", "DNSSEC_CDS_DELETE",
                "DNSSEC_CDS_CDNSKEY_MISMATCH");
    }

    @Test
    void aFailedCdsQuestionIsEvidenceOnly() {
        // mail does not depend on CDS: a failure there is no lookup failure to report
        FakeDns dns = FakeDns.of(zone(cds(CSK), CSK)).fail("signed.test", Type.CDS, DnsStatus.SERVFAIL);
        List<Finding> findings = dns.run(dnssecCheck(), "signed.test",
                CheckOptions.defaults());
        codes(findings, "DNSSEC_SIGNED");
        assertTrue(findings.getFirst().evidence().contains(";; CDS question failed (SERVFAIL): not judged"),
                findings.getFirst().evidence().toString());
    }

    @Test
    void aBrokenChainAsksNoCds() {
        List<Record> records = zone(cds(OTHER), CSK).stream().filter(r -> r.getType() != Type.DS).toList();
        FakeDns dns = FakeDns.of(records);
        codes(dns.run(dnssecCheck(), "signed.test", CheckOptions.defaults()),
                "DNSSEC_NO_DS");
        assertTrue(dns.queries().stream().noneMatch(q -> q.endsWith(" CDS") || q.endsWith(" CDNSKEY")),
                dns.queries().toString());
    }
}
