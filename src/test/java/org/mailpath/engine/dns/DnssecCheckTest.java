package org.mailpath.engine.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.testing.dns.ZoneSigner;
import org.mailpath.testing.dns.ZoneSigner.Key;
import org.mailpath.testing.fakedns.FakeDns;
import org.mailpath.testing.fakedns.Findings;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.NSEC3Record;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * The DNSSEC check against zones signed in the test with dnsjava ({@link ZoneSigner}), answered by {@link FakeDns},
 * at a fixed time: signatures are valid from {@link #INCEPTION} to {@link #EXPIRATION}, the check runs at
 * {@link #NOW} unless a test moves its clock.
 */
class DnssecCheckTest {

    private static final Instant INCEPTION = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant EXPIRATION = Instant.parse("2026-02-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
    private static final Locale SWEDISH = Locale.of("sv");
    private static final String ZONE = """
            signed.test.      SOA ns1.signed.test. hostmaster.signed.test. 1 3600 600 86400 300
            signed.test.      NS  ns1.signed.test.
            signed.test.      MX  10 mx.signed.test.
            ns1.signed.test.  A   192.0.2.53
            mx.signed.test.   A   192.0.2.25
            mail.signed.test. A   192.0.2.26
            """;
    private static final Key CSK = Key.ksk("signed.test");

    private static List<Record> signed(List<Key> keys) {
        return ZoneSigner.sign("signed.test", ZoneSigner.parse("signed.test", ZONE), keys, INCEPTION, EXPIRATION);
    }

    /** The zone signed by {@link #CSK} with the DS of {@code ds} at the parent. */
    private static List<Record> withDs(List<Record> zone, Record... ds) {
        List<Record> all = new ArrayList<>(zone);
        all.addAll(List.of(ds));
        return all;
    }

    /**
     * The check at {@code at}; the zone's name server (192.0.2.53, not ours) is never asked: the made-up exchange
     * times out, which leaves it out of the per-server comparisons (DnssecServerSignaturesTest asks real servers).
     */
    private static DnssecCheck dnssecCheck(Instant at) {
        return new DnssecCheck(Clock.fixed(at, ZoneOffset.UTC), (server, query, timeout, cancellation) ->
                new DnsTransport.Failure("timeout", DnsReasons.verbatim("")));
    }

    private static List<Finding> check(List<Record> records, String domain, Instant at) {
        return FakeDns.of(records).run(dnssecCheck(at), domain,
                CheckOptions.defaults());
    }

    private static List<Finding> check(List<Record> records) {
        return check(records, "signed.test", NOW);
    }

    private static Finding only(List<Finding> findings, String code, Severity severity) {
        assertEquals(1, findings.size(), Findings.describe(findings));
        return Findings.single(findings, code, severity);
    }

    private static List<Record> without(List<Record> records, Predicate<Record> drop) {
        return records.stream().filter(drop.negate()).toList();
    }

    private static boolean signatureOver(Record r, int type) {
        return r instanceof RRSIGRecord s && s.getTypeCovered() == type;
    }

    private static DSRecord ds(String text) throws Exception {
        return (DSRecord) Record.fromString(org.xbill.DNS.Name.fromString("signed.test."), Type.DS,
                org.xbill.DNS.DClass.IN, 300, text, org.xbill.DNS.Name.root);
    }

    @Test
    void aZoneWhoseDsMatchesItsSigningKeyIsSigned() {
        Finding f = only(check(withDs(signed(List.of(CSK)), CSK.ds())), "DNSSEC_SIGNED", Severity.OK);
        assertEquals(Actor.NOBODY, f.actor());
        assertTrue(f.message().contains("key tag " + CSK.dnskey().getFootprint() + ", algorithm 13 (ECDSAP256SHA256)"),
                f.message());
        assertTrue(f.message().contains("DNSKEY, SOA, MX records are valid"), f.message());
        assertTrue(f.evidence().stream().anyMatch(l -> l.contains("RRSIG\tDNSKEY 13")), f.evidence().toString());
    }

    @Test
    void aNameBelowTheApexIsJudgedByItsZone() {
        FakeDns dns = FakeDns.of(withDs(signed(List.of(CSK)), CSK.ds()));
        List<Finding> findings = dns.run(dnssecCheck(NOW), "mail.signed.test",
                CheckOptions.defaults());
        Finding f = only(findings, "DNSSEC_SIGNED", Severity.OK);
        assertEquals("mail.signed.test", f.subject());
        assertTrue(f.message().startsWith("mail.signed.test is signed with DNSSEC: the DS record of its zone"
                + " signed.test at the parent"), f.message());
        assertTrue(dns.queries().containsAll(List.of("signed.test DNSKEY", "signed.test DS")),
                dns.queries().toString());
        // the first round asks DS and DNSKEY at the name with its SOA (one round when it is the apex, as most are);
        // below the apex they are asked again there, and the apex's answers are the ones judged (message above)
        // once the chain holds, the apex is asked for its NSEC3 parameters and its CDS and CDNSKEY records, and the
        // addresses of its name servers are looked up (their signatures are compared); the chain above the zone
        // starts at the root's keys, which here (no root served) lead to no trust anchor: one question, not judged
        assertEquals(List.of(". DNSKEY", "mail.signed.test DNSKEY", "mail.signed.test DS", "mail.signed.test MX",
                "mail.signed.test SOA", "ns1.signed.test A", "ns1.signed.test AAAA", "signed.test CDNSKEY",
                "signed.test CDS", "signed.test DNSKEY", "signed.test DS", "signed.test NS", "signed.test NSEC3PARAM",
                "signed.test SOA"), dns.queries().stream().sorted().toList());
    }

    @Test
    void aDsThatMatchesNoKeyBreaksTheChain() throws Exception {
        // the audit's dsbad case: a DS with a key tag no DNSKEY has
        Finding f = only(check(withDs(signed(List.of(CSK)), ds("12345 13 2 " + "CD".repeat(32)))),
                "DNSSEC_DS_MISMATCH", Severity.ERROR);
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, f.actor());
        assertTrue(f.message().contains("key tag 12345, algorithm 13 (ECDSAP256SHA256), digest type 2 (SHA-256)"),
                f.message());
        assertTrue(f.message().contains("every lookup fails (SERVFAIL), so mail to it is not delivered"
                + " ('Domain Lookup Failed')"), f.message());
        String expected = CSK.ds().rdataToString();
        assertTrue(f.evidence().stream().anyMatch(l -> l.startsWith(";; DS the zone's keys call for:")
                && l.contains(expected)), f.evidence().toString());
        assertTrue(f.evidence().stream().anyMatch(l -> l.equals(";; DS 12345 13 2: matches no DNSKEY of the zone")),
                f.evidence().toString());
        assertTrue(f.remediation().contains("registrar"), f.remediation());
        assertTrue(f.message(SWEDISH).contains("nyckeltagg 12345") && f.message(SWEDISH).contains("ogiltig (bogus)"),
                f.message(SWEDISH));
    }

    @Test
    void aKeySetWhoseTtlHasTheTopBitSetIsJudgedAsAnyOther() throws Exception {
        // a server may send a TTL of 2^31 or more; dnsjava reads it but refuses it in a record made here, and the DS
        // computed from such a key broke the check (CHECK_FAILED); RFC 2181 §8 counts such a TTL as zero
        List<Record> zone = signed(List.of(CSK)).stream()
                .map(r -> r instanceof DNSKEYRecord ? withTtl(r, 0x80000000L) : r).toList();
        only(check(withDs(zone, CSK.ds())), "DNSSEC_SIGNED", Severity.OK);
        Finding mismatch = only(check(withDs(zone, ds("12345 13 2 " + "CD".repeat(32)))),
                "DNSSEC_DS_MISMATCH", Severity.ERROR);
        assertTrue(mismatch.evidence().stream().anyMatch(l -> l.startsWith(";; DS the zone's keys call for:")
                && l.contains("\t0\tIN\tDS\t") && l.contains(CSK.ds().rdataToString())),
                mismatch.evidence().toString());
    }

    /** {@code r} as a server sends it with {@code ttl}, which no dnsjava constructor accepts above 2^31 - 1. */
    private static Record withTtl(Record r, long ttl) throws java.io.UncheckedIOException {
        byte[] wire = r.toWire(org.xbill.DNS.Section.ANSWER);
        int at = r.getName().toWire().length + 4; // name, type, class, then the TTL
        for (int i = 0; i < 4; i++) {
            wire[at + i] = (byte) (ttl >>> (24 - 8 * i));
        }
        try {
            return Record.fromWire(wire, org.xbill.DNS.Section.ANSWER);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aDsWithTheRightKeyTagButAnotherDigestBreaksTheChainToo() throws Exception {
        DSRecord good = CSK.ds();
        DSRecord wrong = ds(good.getFootprint() + " 13 2 " + "AB".repeat(32));
        only(check(withDs(signed(List.of(CSK)), wrong)), "DNSSEC_DS_MISMATCH", Severity.ERROR);
    }

    @Test
    void aStaleDsBesideTheCurrentOneDoesNoHarm() throws Exception {
        // a key rollover in progress: validators need one DS that leads to a key
        only(check(withDs(signed(List.of(CSK)), ds("12345 13 2 " + "CD".repeat(32)), CSK.ds())),
                "DNSSEC_SIGNED", Severity.OK);
    }

    @Test
    void aKeySetWithoutSignatureBreaksTheChain() {
        List<Record> zone = without(signed(List.of(CSK)), r -> signatureOver(r, Type.DNSKEY));
        Finding f = only(check(withDs(zone, CSK.ds())), "DNSSEC_NO_SIGNATURE", Severity.ERROR);
        assertTrue(f.message().contains("the DNSKEY records of its zone signed.test carry no signature (RRSIG) by"
                + " the key the parent's DS record points to (key tag " + CSK.dnskey().getFootprint()), f.message());
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, f.actor());
    }

    @Test
    void aKeySetSignedOnlyByTheZoneSigningKeyBreaksTheChain() {
        Key ksk = Key.ksk("signed.test");
        Key zsk = Key.zsk("signed.test");
        List<Record> zone = new ArrayList<>(without(signed(List.of(ksk, zsk)), r -> signatureOver(r, Type.DNSKEY)));
        zone.add(zsk.sign(List.of(ksk.dnskey(), zsk.dnskey()), INCEPTION, EXPIRATION));
        only(check(withDs(zone, ksk.ds())), "DNSSEC_NO_SIGNATURE", Severity.ERROR);
        // signed by both, as signers do: fine
        only(check(withDs(signed(List.of(ksk, zsk)), ksk.ds())), "DNSSEC_SIGNED", Severity.OK);
    }

    @Test
    void expiredSignaturesBreakTheChain() {
        Finding f = only(check(withDs(signed(List.of(CSK)), CSK.ds()), "signed.test",
                Instant.parse("2026-02-03T00:00:00Z")), "DNSSEC_SIGNATURE_EXPIRED", Severity.ERROR);
        assertTrue(f.message().startsWith("The DNSSEC signature (RRSIG) of the DNSKEY records of signed.test (zone"
                + " signed.test, key tag " + CSK.dnskey().getFootprint()), f.message());
        assertTrue(f.message().contains("expired at 2026-02-01 00:00:00 UTC."), f.message());
        // the zone's one name server does not answer (the made-up exchange): no server judged, so not "every lookup"
        assertTrue(f.message().endsWith(" treat signed.test as bogus: the lookup fails (SERVFAIL), so mail to it is not"
                + " delivered ('Domain Lookup Failed'). Whether every name server of the zone serves it, so that every"
                + " lookup fails, is not known: none of its name servers gave an answer that could be judged (the"
                + " evidence says why): ns1.signed.test (192.0.2.53)."), f.message());
        assertTrue(f.message(SWEDISH).endsWith("är okänt: ingen av dess namnservrar gav något svar som kunde bedömas"
                + " (underlaget visar varför): ns1.signed.test (192.0.2.53)."), f.message(SWEDISH));
        assertTrue(f.remediation().startsWith("The zone is no longer re-signed"), f.remediation());
    }

    @Test
    void signaturesNotYetValidBreakTheChain() {
        Finding f = only(check(withDs(signed(List.of(CSK)), CSK.ds()), "signed.test",
                Instant.parse("2025-12-31T00:00:00Z")), "DNSSEC_SIGNATURE_NOT_YET_VALID", Severity.ERROR);
        assertTrue(f.message().contains("is valid only from 2026-01-01 00:00:00 UTC."), f.message());
    }

    @Test
    void anExpiredSignatureOnTheSoaIsFoundWhenTheKeysAreFine() {
        List<Record> zone = new ArrayList<>(without(signed(List.of(CSK)), r -> signatureOver(r, Type.SOA)));
        List<Record> soa = zone.stream().filter(r -> r.getType() == Type.SOA).toList();
        zone.add(CSK.sign(soa, Instant.parse("2025-11-01T00:00:00Z"), Instant.parse("2025-12-01T00:00:00Z")));
        Finding f = only(check(withDs(zone, CSK.ds())), "DNSSEC_SIGNATURE_EXPIRED", Severity.ERROR);
        assertTrue(f.message().startsWith("The DNSSEC signature (RRSIG) of the SOA records"), f.message());
    }

    /** The zone signed by {@link #CSK}, with its signature over {@code type} replaced by one valid over the times. */
    private static List<Record> resigned(int type, Instant inception, Instant expiration) {
        List<Record> zone = new ArrayList<>(without(signed(List.of(CSK)), r -> signatureOver(r, type)));
        zone.add(CSK.sign(zone.stream().filter(r -> r.getType() == type).toList(), inception, expiration));
        return withDs(zone, CSK.ds());
    }

    @Test
    void signaturesThatExpireWithinTwelveHoursAreAWarning() {
        // Zonemaster DNSSEC04 REMAINING_SHORT: less than 12 hours left
        List<Finding> findings = check(withDs(signed(List.of(CSK)), CSK.ds()), "signed.test",
                EXPIRATION.minus(Duration.ofHours(5).plusMinutes(30)));
        assertEquals(List.of("DNSSEC_SIGNED", "DNSSEC_SIGNATURE_EXPIRES_SOON"), Findings.codes(findings),
                Findings.describe(findings));
        Finding f = Findings.single(findings, "DNSSEC_SIGNATURE_EXPIRES_SOON", Severity.WARNING);
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, f.actor());
        assertTrue(f.message().startsWith("The DNSSEC signatures (RRSIG) of the DNSKEY, SOA, MX records of"
                + " signed.test (zone signed.test) are valid for less than the 12 more hours Zonemaster (DNSSEC04)"
                + " requires; the first of them runs out at 2026-02-01 00:00:00 UTC, 5 h 30 min from now"),
                f.message());
        assertTrue(f.message().contains("unless the zone is signed on the fly as it is asked (online signing"),
                f.message());
        assertTrue(f.message().contains("every lookup fails (SERVFAIL)"), f.message());
        assertTrue(f.remediation().startsWith("The domain's DNS operator"), f.remediation());
        assertTrue(f.remediation().contains("before 2026-02-01 00:00:00 UTC"), f.remediation());
        assertTrue(f.evidence().contains(";; SOA signatures valid until 2026-02-01T00:00:00Z (key tag "
                + CSK.dnskey().getFootprint() + "), 5 hours from now"), f.evidence().toString());
        assertTrue(f.message(SWEDISH).contains("om 5 tim 30 min"), f.message(SWEDISH));
    }

    @Test
    void twelveHoursLeftIsEnough() {
        Instant twelveHoursBefore = EXPIRATION.minus(Duration.ofHours(12));
        only(check(withDs(signed(List.of(CSK)), CSK.ds()), "signed.test", twelveHoursBefore), "DNSSEC_SIGNED",
                Severity.OK);
        Findings.single(check(withDs(signed(List.of(CSK)), CSK.ds()), "signed.test",
                twelveHoursBefore.plusSeconds(1)), "DNSSEC_SIGNATURE_EXPIRES_SOON", Severity.WARNING);
    }

    @Test
    void theWarningNamesOnlyTheRecordsWhoseSignaturesRunOut() {
        Instant soon = NOW.plus(Duration.ofHours(2));
        Finding f = Findings.single(check(resigned(Type.MX, INCEPTION, soon)), "DNSSEC_SIGNATURE_EXPIRES_SOON",
                Severity.WARNING);
        assertTrue(f.message().startsWith("The DNSSEC signatures (RRSIG) of the MX records of signed.test (zone"
                + " signed.test) are valid for less than the 12 more hours Zonemaster (DNSSEC04) requires; the first of"
                + " them runs out at 2026-01-15 14:00:00 UTC, 2 h 0 min from now"), f.message());
    }

    @Test
    void anOldSignatureBesideAFreshOneIsNoWarning() {
        // during a rollover (or with two signers) a record set can carry an old signature beside the fresh one: the
        // set validates until the last accepted signature runs out
        List<Record> zone = new ArrayList<>(withDs(signed(List.of(CSK)), CSK.ds()));
        zone.add(CSK.sign(zone.stream().filter(r -> r.getType() == Type.SOA).toList(), INCEPTION,
                NOW.plus(Duration.ofHours(1))));
        only(check(zone), "DNSSEC_SIGNED", Severity.OK);
    }

    @Test
    void aSignatureThatDoesNotVerifyDoesNotCountAsTheFreshOne() {
        // a fresh signature made by another key with the same tag would not verify: only the accepted ones count
        List<Record> zone = new ArrayList<>(resigned(Type.SOA, INCEPTION, NOW.plus(Duration.ofHours(3))));
        List<Record> otherSoa = ZoneSigner.parse("signed.test",
                "signed.test. SOA ns1.signed.test. hostmaster.signed.test. 2 3600 600 86400 300\n");
        RRSIGRecord forged = CSK.sign(otherSoa, INCEPTION, EXPIRATION);
        zone.add(forged);
        Finding f = Findings.single(check(zone), "DNSSEC_SIGNATURE_EXPIRES_SOON", Severity.WARNING);
        assertTrue(f.message().contains("SOA records"), f.message());
    }

    @Test
    void signaturesValidForMoreThan180DaysAreInformation() {
        // Zonemaster DNSSEC04 DURATION_LONG and REMAINING_LONG: more than 180 days
        Instant inception = Instant.parse("2025-12-01T00:00:00Z");
        Instant expiration = Instant.parse("2026-12-01T00:00:00Z");
        List<Finding> findings = check(withDs(ZoneSigner.sign("signed.test", ZoneSigner.parse("signed.test", ZONE),
                List.of(CSK), inception, expiration), CSK.ds()));
        assertEquals(List.of("DNSSEC_SIGNED", "DNSSEC_SIGNATURE_LIFETIME_LONG"), Findings.codes(findings),
                Findings.describe(findings));
        Finding f = Findings.single(findings, "DNSSEC_SIGNATURE_LIFETIME_LONG", Severity.INFO);
        assertEquals("A DNSSEC signature (RRSIG) of the DNSKEY, SOA, MX records of signed.test (zone signed.test) is"
                + " valid for 365 days, from 2025-12-01 00:00:00 UTC to 2026-12-01 00:00:00 UTC: more than the 180"
                + " days Zonemaster (DNSSEC04) accepts. An attacker who recorded the signed records can replay them"
                + " that long, even after they were changed (a new MX host, a removed record). Lookups work.",
                f.message());
        assertEquals("The domain's DNS operator should have the zone signed with signatures valid for days or"
                + " weeks, renewed automatically (Knot DNS: rrsig-lifetime in its policy, 14 days by default; BIND:"
                + " signatures-validity in its dnssec-policy, also 14 days by default).", f.remediation());
        assertTrue(f.remediation(SWEDISH).endsWith("BIND: signatures-validity i dess dnssec-policy, också 14 dagar"
                + " som standard)."), f.remediation(SWEDISH));
        assertTrue(f.message(SWEDISH).contains("gäller i 365 dagar"), f.message(SWEDISH));
    }

    @Test
    void oneSignatureValidTooLongIsNamedAlone() {
        Finding f = Findings.single(check(resigned(Type.SOA, INCEPTION, INCEPTION.plus(Duration.ofDays(181)))),
                "DNSSEC_SIGNATURE_LIFETIME_LONG", Severity.INFO);
        assertTrue(f.message().contains("of the SOA records") && f.message().contains("valid for 181 days"),
                f.message());
        // 180 days and an hour reads as more than 180
        Finding hourOver = Findings.single(check(resigned(Type.SOA, INCEPTION, INCEPTION.plus(Duration.ofDays(180)
                .plusHours(1)))), "DNSSEC_SIGNATURE_LIFETIME_LONG", Severity.INFO);
        assertTrue(hourOver.message().contains("valid for 180.04 days"), hourOver.message());
        assertTrue(hourOver.message(SWEDISH).contains("gäller i 180,04 dagar"), hourOver.message(SWEDISH));
        // 180 days exactly is accepted
        only(check(resigned(Type.SOA, INCEPTION, INCEPTION.plus(Duration.ofDays(180)))), "DNSSEC_SIGNED",
                Severity.OK);
    }

    /** The findings for the zone signed by one RSA key of {@code algorithm} and {@code bits}, its DS at the parent. */
    private static List<Finding> signedByRsa(int algorithm, int bits) {
        Key rsa = Key.rsa("signed.test", algorithm, bits);
        return check(withDs(signed(List.of(rsa)), rsa.ds()));
    }

    @Test
    void anRsaKeySmallerThanItsAlgorithmAllowsIsAWarning() {
        // Zonemaster DNSSEC14 DNSKEY_TOO_SMALL_FOR_ALGO: algorithm 8 allows 512 to 4096 bits, 10 from 1024
        Key small = Key.rsa("signed.test", 10, 1000);
        List<Finding> findings = check(withDs(signed(List.of(small)), small.ds()));
        assertEquals(List.of("DNSSEC_SIGNED", "DNSSEC_RSA_KEY_TOO_SMALL"), Findings.codes(findings),
                Findings.describe(findings));
        Finding f = Findings.single(findings, "DNSSEC_RSA_KEY_TOO_SMALL", Severity.WARNING);
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, f.actor());
        assertTrue(f.message().startsWith("The zone signed.test of signed.test has RSA keys smaller than their"
                + " algorithm allows (key tag " + small.dnskey().getFootprint() + ", algorithm 10 (RSASHA512), 1000"
                + " bits)"), f.message());
        assertTrue(f.remediation().startsWith("The domain's DNS operator should roll the zone over"),
                f.remediation());
        assertTrue(f.evidence().contains(";; DNSKEY key tag " + small.dnskey().getFootprint()
                + ", algorithm 10: RSA 1000 bits"), f.evidence().toString());
        assertTrue(f.message(SWEDISH).contains("algoritm 10 (RSASHA512), 1000 bitar"), f.message(SWEDISH));
    }

    @Test
    void anRsaKeyBelowTheRecommendedSizeIsInformation() {
        // DNSKEY_SMALLER_THAN_REC: inside the algorithm's limits but below 2048 bits; 1000 bits is allowed for 8
        Finding f = Findings.single(signedByRsa(8, 1000), "DNSSEC_RSA_KEY_SHORT", Severity.INFO);
        assertTrue(f.message().contains("algorithm 8 (RSASHA256), 1000 bits), the shortest RSA key NIST SP 800-57"
                + " Part 1 recommends"), f.message());
        Findings.absent(signedByRsa(8, 1000), "DNSSEC_RSA_KEY_TOO_SMALL");
        Findings.single(signedByRsa(8, 2047), "DNSSEC_RSA_KEY_SHORT", Severity.INFO);
    }

    @Test
    void anRsaKeyLargerThan4096BitsIsAWarning() {
        // DNSKEY_TOO_LARGE_FOR_ALGO
        List<Finding> findings = signedByRsa(8, 4104);
        assertEquals(List.of("DNSSEC_SIGNED", "DNSSEC_RSA_KEY_TOO_LARGE"), Findings.codes(findings),
                Findings.describe(findings));
        assertTrue(Findings.single(findings, "DNSSEC_RSA_KEY_TOO_LARGE", Severity.WARNING).message()
                .contains("has RSA keys larger than 4096 bits"), Findings.describe(findings));
    }

    @Test
    void rsaKeysOf2048To4096BitsAndOtherAlgorithmsAreFine() {
        only(signedByRsa(8, 2048), "DNSSEC_SIGNED", Severity.OK);
        only(signedByRsa(10, 4096), "DNSSEC_SIGNED", Severity.OK);
        // ECDSA keys have one size: not judged (the other tests' zones)
        only(check(withDs(signed(List.of(CSK)), CSK.ds())), "DNSSEC_SIGNED", Severity.OK);
    }

    /**
     * An RSA key as a DNSKEY carries it (RFC 3110 §2) with a modulus of {@code bits} (a multiple of 8, top bit set)
     * and the exponent 65537; {@code longForm}: the exponent's length as a zero byte and two bytes. Not a real key: the
     * JDK makes none below 512 bits, and a key that signs nothing need not be one.
     */
    private static byte[] rsaKeyData(int bits, boolean longForm) {
        byte[] modulus = new byte[bits / 8];
        Arrays.fill(modulus, (byte) 0x5A);
        modulus[0] = (byte) 0xC5;
        byte[] exponent = {1, 0, 1};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (longForm) {
            out.writeBytes(new byte[] {0, 0, (byte) exponent.length});
        } else {
            out.write(exponent.length);
        }
        out.writeBytes(exponent);
        out.writeBytes(modulus);
        return out.toByteArray();
    }

    @Test
    void aStandbyRsaKeyTooSmallForTheJdkIsStillMeasured() {
        // the JDK refuses to decode RSA keys below 512 bits; the size is read from the record (RFC 3110 §2)
        DNSKEYRecord tiny = new DNSKEYRecord(CSK.dnskey().getName(), DClass.IN, 300, DNSKEYRecord.Flags.ZONE_KEY,
                DNSKEYRecord.Protocol.DNSSEC, 8, rsaKeyData(384, false));
        List<Record> zone = new ArrayList<>(ZoneSigner.parse("signed.test", """
                signed.test.      SOA ns1.signed.test. hostmaster.signed.test. 1 3600 600 86400 300
                signed.test.      NS  ns1.signed.test.
                signed.test.      MX  10 mx.signed.test.
                """));
        zone.add(tiny);
        List<Finding> findings = check(withDs(ZoneSigner.sign("signed.test", zone, List.of(CSK), INCEPTION,
                EXPIRATION), CSK.ds()));
        Finding f = Findings.single(findings, "DNSSEC_RSA_KEY_TOO_SMALL", Severity.WARNING);
        assertTrue(f.message().contains("(key tag " + tiny.getFootprint() + ", algorithm 8 (RSASHA256), 384 bits)"),
                f.message());
    }

    @Test
    void anRsaKeysSizeIsReadFromEitherFormOfItsData() {
        assertEquals(OptionalInt.of(384), RsaKeySizes.modulusBits(rsaKeyData(384, false)));
        assertEquals(OptionalInt.of(8192), RsaKeySizes.modulusBits(rsaKeyData(8192, true)));
        assertEquals(OptionalInt.empty(), RsaKeySizes.modulusBits(new byte[0]));
        assertEquals(OptionalInt.empty(), RsaKeySizes.modulusBits(new byte[] {3, 1, 0, 1}));
        assertEquals(OptionalInt.empty(), RsaKeySizes.modulusBits(new byte[] {0, 1}));
    }

    /** {@link ZoneSecurity} (the DANE check's judge of other zones) on the same zone, with its MX answer. */
    private static ZoneSecurity.Judgement zoneSecurity(List<Record> records) {
        FakeDns dns = FakeDns.of(records);
        return new ZoneSecurity(dns, NOW).judge("signed.test",
                List.of(dns.lookupSigned("signed.test", Type.MX, Cancellation.none())), Cancellation.none());
    }

    @Test
    void zoneSecuritySaysWhichSignatureOverTheRecordsFails() {
        ZoneSecurity.Judgement fine = zoneSecurity(withDs(signed(List.of(CSK)), CSK.ds()));
        assertEquals(ZoneSecurity.Level.SIGNED, fine.level(), fine.evidence().toString());
        assertEquals("signed.test", fine.zone());

        List<Record> unsignedMx = without(signed(List.of(CSK)), r -> signatureOver(r, Type.MX));
        ZoneSecurity.Judgement missing = zoneSecurity(withDs(unsignedMx, CSK.ds()));
        assertEquals(ZoneSecurity.Level.BOGUS, missing.level(), missing.evidence().toString());
        assertTrue(missing.evidence().contains(";; the signature over the MX records of signed.test does not hold:"
                + " no signature by the zone's keys"), missing.evidence().toString());

        List<Record> expiredMx = new ArrayList<>(unsignedMx);
        expiredMx.add(CSK.sign(unsignedMx.stream().filter(r -> r.getType() == Type.MX).toList(),
                Instant.parse("2025-11-01T00:00:00Z"), Instant.parse("2025-12-01T00:00:00Z")));
        ZoneSecurity.Judgement expired = zoneSecurity(withDs(expiredMx, CSK.ds()));
        assertEquals(ZoneSecurity.Level.BOGUS, expired.level(), expired.evidence().toString());
        assertTrue(expired.evidence().contains(";; the signature over the MX records of signed.test does not hold:"
                + " expired at 2025-12-01T00:00:00Z (key tag " + CSK.dnskey().getFootprint() + ")"),
                expired.evidence().toString());
    }

    @Test
    void recordsChangedAfterSigningDoNotVerify() throws Exception {
        List<Record> zone = new ArrayList<>(without(signed(List.of(CSK)), r -> r.getType() == Type.MX));
        zone.add(new MXRecord(org.xbill.DNS.Name.fromString("signed.test."), org.xbill.DNS.DClass.IN, 300, 20,
                org.xbill.DNS.Name.fromString("other.example.")));
        Finding f = only(check(withDs(zone, CSK.ds())), "DNSSEC_SIGNATURE_INVALID", Severity.ERROR);
        assertTrue(f.message().startsWith("The DNSSEC signature (RRSIG) of the MX records of signed.test (zone"
                + " signed.test) does not verify"), f.message());
        assertTrue(f.evidence().stream().anyMatch(l -> l.startsWith(";; RRSIG MX by key tag")),
                f.evidence().toString());
    }

    @Test
    void aSha1AlgorithmIsDeprecated() {
        Key sha1 = Key.rsaSha1("signed.test");
        Finding f = only(check(withDs(signed(List.of(sha1)), sha1.ds())), "DNSSEC_ALGORITHM_DEPRECATED",
                Severity.WARNING);
        assertTrue(f.message().contains("SHA-1 algorithm 5 (RSASHA1)"), f.message());
        assertTrue(f.message().contains("which the IANA registry of DNSSEC algorithms (RFC 9904) says not to sign"
                + " with any more"), f.message());
        // the remediation is DNSSEC_ALGORITHM_UNSUPPORTED's: the same rollover
        assertTrue(f.remediation().startsWith("Roll the zone over to a current algorithm"), f.remediation());
    }

    @Test
    void everyAlgorithmOfTheKeySetMustSign() {
        // Zonemaster DNSSEC13 (DS13_ALGO_NOT_SIGNED_*, WARNING); RFC 6840 §5.11: "The zone MUST also be signed with
        // each algorithm (though not each key) present in the DNSKEY RRset" - a half-done algorithm rollover
        Key rsa = Key.rsaSha1("signed.test");
        List<Record> records = new ArrayList<>(ZoneSigner.parse("signed.test", ZONE));
        records.add(rsa.dnskey());
        List<Finding> findings = check(withDs(ZoneSigner.sign("signed.test", records, List.of(CSK), INCEPTION,
                EXPIRATION), CSK.ds()));
        assertEquals(2, findings.size(), Findings.describe(findings));
        Findings.single(findings, "DNSSEC_SIGNED", Severity.OK);
        Finding f = Findings.single(findings, "DNSSEC_ALGORITHM_INCOMPLETE", Severity.WARNING);
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, f.actor());
        assertEquals("The zone signed.test of signed.test has DNSKEY records of the algorithm 5 (RSASHA1), but its"
                + " DNSKEY, SOA, MX records carry no signature (RRSIG) made with it, where RFC 6840 (§5.11) requires a"
                + " zone to be signed with every algorithm in its DNSKEY set. Validators accept any single valid"
                + " signature, so lookups work today; the gap usually shows an algorithm rollover (RFC 6781 §4.1.4)"
                + " left half done.", f.message());
        assertTrue(f.message(SWEDISH).startsWith("Zonen signed.test för signed.test har DNSKEY-poster med algoritmen"
                + " 5 (RSASHA1)"), f.message(SWEDISH));
        // both algorithms sign everything: nothing to say
        only(check(withDs(signed(List.of(CSK, rsa)), CSK.ds())), "DNSSEC_SIGNED", Severity.OK);
        // only the SOA lacks the second algorithm's signature
        List<Record> soaGap = without(signed(List.of(CSK, rsa)), r -> r instanceof RRSIGRecord s
                && s.getTypeCovered() == Type.SOA && s.getAlgorithm() == 5);
        Finding soa = Findings.single(check(withDs(soaGap, CSK.ds())), "DNSSEC_ALGORITHM_INCOMPLETE",
                Severity.WARNING);
        assertTrue(soa.message().contains("but its SOA records carry no signature"), soa.message());
    }

    /** The SHA-1 (digest type 1) DS record of {@code key}, computed by dnsjava. */
    private static DSRecord sha1Ds(Key key) {
        return new DSRecord(key.dnskey().getName(), org.xbill.DNS.DClass.IN, 300, DSRecord.Digest.SHA1,
                key.dnskey());
    }

    @Test
    void aMatchingSha1DsIsIgnoredBesideASha256DsThatMatchesNothing() throws Exception {
        // RFC 4509 §3: validators SHOULD ignore SHA-1 DS records when SHA-256 ones are present; BIND
        // (lib/dns/validator.c, digest_sha1) and PowerDNS Recursor (syncres.cc, "use the best algorithm") do, so
        // the stale SHA-256 DS breaks the chain there although the SHA-1 one matches
        DSRecord stale = ds(CSK.dnskey().getFootprint() + " 13 2 " + "AB".repeat(32));
        Finding f = only(check(withDs(signed(List.of(CSK)), sha1Ds(CSK), stale)), "DNSSEC_DS_MISMATCH",
                Severity.ERROR);
        int tag = CSK.dnskey().getFootprint();
        assertTrue(f.message().contains("at the parent (key tag " + tag + ", algorithm 13 (ECDSAP256SHA256), digest"
                + " type 2 (SHA-256)) match none"), f.message());
        assertFalse(f.message().contains("digest type 1"), f.message());
        assertTrue(f.evidence().contains(";; DS " + tag + " 13 1: SHA-1, ignored beside a SHA-256 or SHA-384 DS"
                + " (RFC 4509 §3; BIND and PowerDNS Recursor do so); it would match the DNSKEY with key tag " + tag),
                f.evidence().toString());
        assertTrue(f.evidence().contains(";; DS " + tag + " 13 2: matches no DNSKEY of the zone"),
                f.evidence().toString());
    }

    @Test
    void aSha1DsStillCountsAloneOrBesideSha256DsRecordsValidatorsCannotUse() throws Exception {
        only(check(withDs(signed(List.of(CSK)), sha1Ds(CSK))), "DNSSEC_SIGNED", Severity.OK);
        only(check(withDs(signed(List.of(CSK)), sha1Ds(CSK), CSK.ds())), "DNSSEC_SIGNED", Severity.OK);
        // BIND drops SHA-1 only beside a SHA-256/SHA-384 DS with an algorithm it supports: not beside ECC-GOST (12)
        only(check(withDs(signed(List.of(CSK)), sha1Ds(CSK), ds("12345 12 2 " + "CD".repeat(32)))),
                "DNSSEC_SIGNED", Severity.OK);
    }

    @Test
    void dsRecordsWithAlgorithmsValidatorsDoNotSupportLeaveTheZoneUnsigned() throws Exception {
        Finding gost = only(check(withDs(signed(List.of(CSK)), ds("12345 12 2 " + "CD".repeat(32)))),
                "DNSSEC_ALGORITHM_UNSUPPORTED", Severity.WARNING);
        assertTrue(gost.message().contains("algorithm 12 (ECC-GOST)"), gost.message());
        Finding digest = only(check(withDs(signed(List.of(CSK)), ds(CSK.dnskey().getFootprint() + " 13 3 "
                + "CD".repeat(32)))), "DNSSEC_ALGORITHM_UNSUPPORTED", Severity.WARNING);
        assertTrue(digest.message().contains("digest type 3"), digest.message());
        Finding unassigned = only(check(withDs(signed(List.of(CSK)), ds("12345 99 2 " + "CD".repeat(32)))),
                "DNSSEC_ALGORITHM_UNSUPPORTED", Severity.WARNING);
        assertTrue(unassigned.message().contains("algorithm 99,"), unassigned.message());
    }

    @Test
    void aResolverThatReturnsNoDnssecDataLeavesSignaturesUnchecked() {
        FakeDns fake = FakeDns.of(withDs(signed(List.of(CSK)), CSK.ds()));
        DnsLookup plain = fake::lookup; // asks without DO: no RRSIG records come back
        Finding f = only(dnssecCheck(NOW).run(new org.mailpath.engine.check
                .CheckContext("signed.test", CheckOptions.defaults(), plain,
                org.mailpath.engine.common.Cancellation.none())).findings(), "DNSSEC_SIGNED", Severity.OK);
        assertTrue(f.message().contains("The signatures were not checked"), f.message());
        assertTrue(f.evidence().stream().anyMatch(l -> l.contains("no DNSSEC data")), f.evidence().toString());
    }

    @Test
    void unsignedZonesAndHalfDoneSetupsKeepTheirCodes() throws Exception {
        List<Record> plain = ZoneSigner.parse("signed.test", ZONE);
        Finding unsigned = only(check(plain), "DNSSEC_UNSIGNED", Severity.INFO);
        assertEquals(Actor.NOBODY, unsigned.actor());
        assertEquals("signed.test is not signed with DNSSEC: its zone signed.test has no DNSKEY records and no DS"
                + " record at the parent.", unsigned.message());
        Finding noDs = only(check(signed(List.of(CSK))), "DNSSEC_NO_DS", Severity.INFO);
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, noDs.actor());
        Finding dsOnly = only(check(withDs(plain, ds("12345 13 2 " + "AB".repeat(32)))), "DNSSEC_DS_WITHOUT_DNSKEY",
                Severity.ERROR);
        assertTrue(dsOnly.message().contains("SERVFAIL"), dsOnly.message());
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, dsOnly.actor());
    }

    @Test
    void failedLookupsAreReportedAsSuch() {
        only(check(withDs(signed(List.of(CSK)), CSK.ds()), "nothing.signed.test", NOW), "DOMAIN_NXDOMAIN",
                Severity.ERROR);
        FakeDns dns = FakeDns.of(withDs(signed(List.of(CSK)), CSK.ds())).fail("signed.test", Type.DNSKEY,
                DnsStatus.SERVFAIL);
        only(dns.run(dnssecCheck(NOW), "signed.test", CheckOptions.defaults()),
                "DNS_LOOKUP_FAILED", Severity.ERROR);
    }

    /** The zone signed by {@link #CSK}, with its DS, publishing the NSEC3PARAM record {@code params} at the apex. */
    private static List<Record> nsec3(String params) {
        return withDs(ZoneSigner.sign("signed.test", ZoneSigner.parse("signed.test", ZONE
                + "signed.test. NSEC3PARAM " + params + "\n"), List.of(CSK), INCEPTION, EXPIRATION), CSK.ds());
    }

    @Test
    void nsec3WithRfc9276ParametersAddsNothing() {
        // RFC 9276 §3.1: "bcp.example. IN NSEC3PARAM 1 0 0 -"
        Finding f = only(check(nsec3("1 0 0 -")), "DNSSEC_SIGNED", Severity.OK);
        assertTrue(f.evidence().contains(";; NSEC3PARAM 1 0 0 -: 0 extra iterations, salt of 0 octets (RFC 9276: 0"
                + " and none)"), f.evidence().toString());
        // an NSEC zone has no NSEC3PARAM: nothing to judge, and the evidence says so
        Finding nsec = only(check(withDs(signed(List.of(CSK)), CSK.ds())), "DNSSEC_SIGNED", Severity.OK);
        assertTrue(nsec.evidence().contains(";; no NSEC3PARAM at the zone apex: NSEC, or NSEC3 parameters not"
                + " published"), nsec.evidence().toString());
    }

    @Test
    void extraIterationsAreAWarningBecauseRfc9276Requires0() {
        // a common old default (e.g. 10 iterations with an 8-octet salt); RFC 9276 §3.1: 0 iterations "MUST"
        List<Finding> findings = check(nsec3("1 0 10 AABBCCDDEEFF0011"));
        assertEquals(2, findings.size(), Findings.describe(findings));
        Findings.single(findings, "DNSSEC_SIGNED", Severity.OK);
        Finding f = Findings.single(findings, "DNSSEC_NSEC3_ITERATIONS", Severity.WARNING);
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, f.actor());
        assertEquals("signed.test", f.subject());
        assertEquals("The zone signed.test of signed.test proves names absent with NSEC3 using 10 extra hash"
                + " iterations (1 0 10 AABBCCDDEEFF0011), where RFC 9276 (BCP 236) requires 0: the extra work protects"
                + " nothing, costs every validating resolver CPU, and RFC 9276 lets validators treat such answers as"
                + " insecure or fail them (BIND 9.20, Knot Resolver and PowerDNS Recursor 5 already treat them as"
                + " insecure above 50).", f.message());
        assertEquals("The domain's DNS team should have the zone signed with the NSEC3 parameters RFC 9276"
                + " recommends, 1 0 0 - (no extra iterations, no salt), or with NSEC: in BIND, \"nsec3param iterations"
                + " 0 optout no salt-length 0;\" in its dnssec-policy; in Knot DNS, nsec3-iterations: 0 and"
                + " nsec3-salt-length: 0 in its policy; in PowerDNS, pdnsutil set-nsec3 signed.test '1 0 0 -' and"
                + " then pdnsutil rectify-zone signed.test.", f.remediation());
        assertTrue(f.evidence().contains(";; NSEC3PARAM 1 0 10 AABBCCDDEEFF0011: 10 extra iterations, salt of 8"
                + " octets (RFC 9276: 0 and none)"), f.evidence().toString());
        assertTrue(f.evidence().stream().anyMatch(l -> l.contains("RRSIG\tNSEC3PARAM 13")), f.evidence().toString());
        assertTrue(f.message(SWEDISH).startsWith("Zonen signed.test för signed.test bevisar att namn saknas med NSEC3"
                + " med 10 extra hashiterationer"), f.message(SWEDISH));
        // up to the resolvers' limit the wording stays the same
        Finding fifty = Findings.single(check(nsec3("1 0 50 -")), "DNSSEC_NSEC3_ITERATIONS", Severity.WARNING);
        assertTrue(fifty.message().contains("using 50 extra hash iterations (1 0 50 -), where RFC 9276"),
                fifty.message());
    }

    @Test
    void iterationsAboveTheResolversLimitMakeAnswersInsecure() {
        // BIND 9.20, Knot Resolver and PowerDNS Recursor 5 treat more than 50 as insecure
        Finding f = Findings.single(check(nsec3("1 0 51 -")), "DNSSEC_NSEC3_ITERATIONS", Severity.WARNING);
        assertEquals("The zone signed.test of signed.test proves names absent with NSEC3 using 51 extra hash"
                + " iterations (1 0 51 -), more than validating resolvers accept: BIND 9.20, Knot Resolver and"
                + " PowerDNS Recursor 5 treat such answers as insecure above 50 iterations, Unbound above 150, so"
                + " DNSSEC no longer protects the answers that a name or record does not exist (a missing TLSA record,"
                + " for example). RFC 9276 (BCP 236) requires 0 iterations.", f.message());
        assertTrue(f.evidence().contains(";; NSEC3PARAM 1 0 51 -: 51 extra iterations, salt of 0 octets (RFC 9276: 0"
                + " and none; validators treat answers as insecure above 50)"), f.evidence().toString());
        // the old limits (150, Unbound's still) and RFC 5155's maximum
        for (String params : List.of("1 0 151 AB", "1 0 2500 -")) {
            Finding high = Findings.single(check(nsec3(params)), "DNSSEC_NSEC3_ITERATIONS", Severity.WARNING);
            assertTrue(high.message().contains("(" + params + "), more than validating resolvers accept"),
                    high.message());
        }
        assertTrue(f.message(SWEDISH).contains("fler än validerande resolvrar godtar"), f.message(SWEDISH));
    }

    /**
     * {@code apex}'s zone signed by its CSK with its DS, NSEC3 ({@code 1 0 0 -}), and the NSEC3 record matching the
     * apex with {@code flags} (1: Opt-Out): the proof the NODATA answers for CDS and CDNSKEY there carry.
     */
    private static List<Record> nsec3Zone(String apex, Key key, int flags) {
        List<Record> records = new ArrayList<>(ZoneSigner.parse(apex, ZONE.replace("signed.test.", apex + ".")
                + apex + ". NSEC3PARAM 1 0 0 -\n"));
        records.add(ZoneSigner.nsec3(apex, apex, flags, Type.SOA, Type.NS, Type.MX, Type.RRSIG, Type.DNSKEY,
                Type.NSEC3PARAM));
        return withDs(ZoneSigner.sign(apex, records, List.of(key), INCEPTION, EXPIRATION), key.ds());
    }

    @Test
    void nsec3OptOutSeenInTheApexDenialIsANote() {
        // RFC 9276 §3.1: "For small zones, the use of opt-out-based NSEC3 records is NOT RECOMMENDED."
        List<Finding> findings = check(nsec3Zone("signed.test", CSK, NSEC3Record.Flags.OPT_OUT));
        assertEquals(List.of("DNSSEC_SIGNED", "DNSSEC_NSEC3_OPT_OUT"), Findings.codes(findings),
                Findings.describe(findings));
        Finding f = Findings.single(findings, "DNSSEC_NSEC3_OPT_OUT", Severity.INFO);
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, f.actor());
        NSEC3Record apex = ZoneSigner.nsec3("signed.test", "signed.test", 1, Type.SOA);
        String record = apex.getName() + " NSEC3 1 1 0 - ";
        assertTrue(f.message().startsWith("The zone signed.test of signed.test proves names absent with NSEC3 records"
                + " that carry the Opt-Out flag (" + record), f.message());
        assertTrue(f.message().endsWith("RFC 9276 (BCP 236) §3.1 does not recommend opt-out for small zones; it is"
                + " meant for very large zones made mostly of unsigned delegations. Lookups work."), f.message());
        assertEquals("The domain's DNS team should have the zone signed without opt-out: in BIND, optout no in the"
                + " nsec3param of its dnssec-policy (the default); in Knot DNS, nsec3-opt-out: off in its policy (the"
                + " default); in PowerDNS, pdnsutil set-nsec3 signed.test '1 0 0 -' (flags 0) and then pdnsutil"
                + " rectify-zone signed.test.", f.remediation());
        assertTrue(f.message(SWEDISH).startsWith("Zonen signed.test för signed.test bevisar att namn saknas med"
                + " NSEC3-poster som har flaggan Opt-Out (" + record), f.message(SWEDISH));
        assertTrue(f.evidence().stream().anyMatch(l -> l.startsWith(";; " + apex.getName()) && l.endsWith("(Opt-Out"
                + " flag set: it may cover unsigned delegations, RFC 5155 §3.1.2.1)")), f.evidence().toString());
        // the NSEC3PARAM answer (the zone uses NSEC3) precedes the record judged
        assertTrue(f.evidence().stream().anyMatch(l -> l.endsWith("NSEC3PARAM\t1 0 0 -")), f.evidence().toString());
    }

    @Test
    void nsec3WithoutOptOutAddsOnlyALine() {
        Finding f = only(check(nsec3Zone("signed.test", CSK, 0)), "DNSSEC_SIGNED", Severity.OK);
        assertTrue(f.evidence().stream().anyMatch(l -> l.endsWith(" (Opt-Out flag clear)")),
                f.evidence().toString());
    }

    @Test
    void anOptOutRecordWithoutAValidSignatureIsNotJudged() {
        // the questions are asked with CD: an NSEC3 record no validator would accept says nothing of the zone
        List<Record> zone = without(nsec3Zone("signed.test", CSK, NSEC3Record.Flags.OPT_OUT),
                r -> signatureOver(r, Type.NSEC3));
        Finding unsigned = only(check(zone), "DNSSEC_SIGNED", Severity.OK);
        assertTrue(unsigned.evidence().stream().anyMatch(l -> l.endsWith(": no valid signature by the zone's keys,"
                + " Opt-Out flag not judged")), unsigned.evidence().toString());
        // signed by a key that is not the zone's
        List<Record> forged = new ArrayList<>(zone);
        Key other = Key.ksk("signed.test");
        forged.add(other.sign(zone.stream().filter(r -> r.getType() == Type.NSEC3).toList(), INCEPTION,
                EXPIRATION));
        only(check(forged), "DNSSEC_SIGNED", Severity.OK);
    }

    @Test
    void optOutInAPublicSuffixZoneIsInOrder() {
        // RFC 9276 §3.1: opt-out "MAY be used" in very large, sparsely signed zones; Zonemaster DNSSEC03 finds it in
        // order in a TLD or a zone on the Public Suffix List
        Key key = Key.ksk("co.uk");
        Finding f = only(check(nsec3Zone("co.uk", key, NSEC3Record.Flags.OPT_OUT), "co.uk", NOW), "DNSSEC_SIGNED",
                Severity.OK);
        assertTrue(f.evidence().stream().anyMatch(l -> l.contains("(Opt-Out flag set")), f.evidence().toString());
    }

    @Test
    void aSaltWithoutExtraIterationsIsANote() {
        // RFC 9276 §3.1: operators "SHOULD NOT use a salt"
        List<Finding> findings = check(nsec3("1 0 0 CAFE"));
        assertEquals(2, findings.size(), Findings.describe(findings));
        Finding f = Findings.single(findings, "DNSSEC_NSEC3_SALT", Severity.INFO);
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, f.actor());
        assertEquals("The zone signed.test of signed.test proves names absent with NSEC3 using a salt of 2 octets"
                + " (1 0 0 CAFE), which RFC 9276 (BCP 236) says not to use: a fixed salt adds no protection, and"
                + " changing it means re-signing the whole zone.", f.message());
        assertTrue(f.remediation().contains("pdnsutil set-nsec3 signed.test '1 0 0 -'"), f.remediation());
        assertTrue(f.message(SWEDISH).contains("ett salt på 2 byte"), f.message(SWEDISH));
    }

    @Test
    void nsec3ParametersAreJudgedAtTheZoneApexOnlyWhenTheChainHolds() {
        // a name below the apex: its zone's parameters
        Finding below = Findings.single(check(nsec3("1 0 12 -"), "mail.signed.test", NOW), "DNSSEC_NSEC3_ITERATIONS",
                Severity.WARNING);
        assertEquals("mail.signed.test", below.subject());
        assertTrue(below.message().startsWith("The zone signed.test of mail.signed.test proves"), below.message());
        // a broken chain is the finding; the parameters are not asked
        FakeDns broken = FakeDns.of(without(nsec3("1 0 200 -"), r -> r instanceof DSRecord));
        only(broken.run(dnssecCheck(NOW), "signed.test", CheckOptions.defaults()),
                "DNSSEC_NO_DS", Severity.INFO);
        assertFalse(broken.queries().contains("signed.test NSEC3PARAM"), broken.queries().toString());
        // records with flags other than 0 "MUST be ignored" (RFC 5155 §4.1.2)
        only(check(nsec3("1 1 200 -")), "DNSSEC_SIGNED", Severity.OK);
    }

    @Test
    void aFailedNsec3ParamQuestionIsReportedAsSuchBesideTheVerdict() {
        FakeDns dns = FakeDns.of(nsec3("1 0 200 -")).fail("signed.test", Type.NSEC3PARAM, DnsStatus.TIMEOUT);
        List<Finding> findings = dns.run(dnssecCheck(NOW), "signed.test",
                CheckOptions.defaults());
        assertEquals(2, findings.size(), Findings.describe(findings));
        Findings.single(findings, "DNSSEC_SIGNED", Severity.OK);
        Finding timeout = Findings.single(findings, "DNS_TIMEOUT", Severity.ERROR);
        assertTrue(timeout.message().contains("signed.test NSEC3PARAM"), timeout.message());
        FakeDns servfail = FakeDns.of(nsec3("1 0 0 -")).fail("signed.test", Type.NSEC3PARAM, DnsStatus.SERVFAIL);
        List<Finding> failed = servfail.run(dnssecCheck(NOW), "signed.test",
                CheckOptions.defaults());
        assertEquals(2, failed.size(), Findings.describe(failed));
        Findings.single(failed, "DNSSEC_SIGNED", Severity.OK);
        Finding lookup = Findings.single(failed, "DNS_LOOKUP_FAILED", Severity.ERROR);
        assertTrue(lookup.message().contains("signed.test NSEC3PARAM"), lookup.message());
    }
}
