package org.mailpath.engine.dane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.dns.DnsStatus;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.testing.dns.ZoneSigner;
import org.mailpath.testing.dns.ZoneSigner.Key;
import org.mailpath.testing.fakedns.FakeDns;
import org.mailpath.testing.fakedns.Findings;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * The DANE check (RFC 7672) against zones signed in the test ({@link ZoneSigner}), answered by {@link FakeDns}. The
 * TLSA association data are synthetic (repeated bytes of the length the matching type calls for, RFC 6698 §2.1.3):
 * this check judges the records, not a certificate.
 */
class DaneCheckTest {

    private static final Instant INCEPTION = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant EXPIRATION = Instant.parse("2026-02-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
    private static final String SHA256 = "AB".repeat(32);
    private static final String HEAD = """
            dane.test.      SOA ns1.dane.test. hostmaster.dane.test. 1 3600 600 86400 300
            dane.test.      NS  ns1.dane.test.
            dane.test.      MX  10 mx1.dane.test.
            dane.test.      MX  20 mx2.dane.test.
            ns1.dane.test.  A   192.0.2.53
            mx1.dane.test.  A   192.0.2.25
            mx2.dane.test.  A   192.0.2.26
            """;
    private static final Key CSK = Key.ksk("dane.test");

    /** The zone with {@code tlsa} lines added, signed by {@link #CSK}, its DS at the parent. */
    private static List<Record> signed(String tlsa) {
        List<Record> all = new ArrayList<>(ZoneSigner.sign("dane.test", ZoneSigner.parse("dane.test", HEAD + tlsa),
                List.of(CSK), INCEPTION, EXPIRATION));
        all.add(CSK.ds());
        return all;
    }

    private static List<Record> unsigned(String tlsa) {
        return ZoneSigner.parse("dane.test", HEAD + tlsa);
    }

    private static List<Finding> check(FakeDns dns) {
        return dns.run(new DaneCheck(Clock.fixed(NOW, ZoneOffset.UTC)), "dane.test", CheckOptions.defaults());
    }

    private static List<String> codes(List<Finding> findings) {
        return findings.stream().map(f -> f.code() + " " + f.severity() + " " + f.subject()).toList();
    }

    @Test
    void noTlsaRecordsAnywhereIsANote() {
        List<Finding> findings = check(FakeDns.of(unsigned("")));
        assertEquals(List.of("DANE_NONE INFO dane.test"), codes(findings), Findings.describe(findings));
        Finding f = findings.getFirst();
        assertEquals("No MX host of dane.test publishes TLSA records (asked at _25._tcp. of mx1.dane.test,"
                + " mx2.dane.test): DANE does not apply, and senders use TLS as usual.", f.message());
        assertEquals(Actor.NOBODY, f.actor());
    }

    @Test
    void usableRecordsInASignedZoneAreNamedInRfc7218Words() {
        List<Finding> findings = check(FakeDns.of(signed("_25._tcp.mx1 TLSA 3 1 1 " + SHA256 + "\n"
                + "_25._tcp.mx2 TLSA 2 0 2 " + "CD".repeat(64) + "\n")));
        assertEquals(List.of("DANE_OK OK mx1.dane.test", "DANE_OK OK mx2.dane.test"), codes(findings),
                Findings.describe(findings));
        assertEquals("MX host mx1.dane.test publishes usable TLSA records at _25._tcp.mx1.dane.test in the zone"
                + " dane.test, which is signed with DNSSEC as far as MailPath checks (its DS record, keys and"
                + " signatures): 3 1 1 (DANE-EE SPKI SHA2-256). Senders that validate DANE deliver to mx1.dane.test"
                + " only over TLS with a certificate that one of them matches.", findings.get(0).message());
        assertTrue(findings.get(1).message().contains(": 2 0 2 (DANE-TA Cert SHA2-512)."), findings.get(1).message());
        assertTrue(findings.get(0).evidence().contains(";; zone dane.test: signed (its DS, keys and signatures; the"
                + " chain above it is not followed)"), findings.get(0).evidence().toString());
        assertTrue(findings.get(0).message(Locale.of("sv")).startsWith("MX-värden mx1.dane.test publicerar"
                + " användbara TLSA-poster på _25._tcp.mx1.dane.test i zonen dane.test, som är signerad med DNSSEC"
                + " så långt MailPath kontrollerar"), findings.get(0).message(Locale.of("sv")));
    }

    @Test
    void daneOnSomeHostsOnlyNamesTheOthers() {
        List<Finding> findings = check(FakeDns.of(signed("_25._tcp.mx1 TLSA 3 1 1 " + SHA256 + "\n")));
        assertEquals(List.of("DANE_OK OK mx1.dane.test", "DANE_PARTIAL INFO dane.test"), codes(findings),
                Findings.describe(findings));
        assertEquals("Only some MX hosts of dane.test publish usable TLSA records (mx1.dane.test); the others have"
                + " none (mx2.dane.test). DANE applies per host (RFC 7672 §2.2): senders that validate DANE authenticate the"
                + " hosts with records and use TLS as usual with the others.", findings.get(1).message());
    }

    @Test
    void tlsaRecordsInAnUnsignedZoneAreIgnoredBySenders() {
        List<Finding> findings = check(FakeDns.of(unsigned("_25._tcp.mx1 TLSA 3 1 1 " + SHA256 + "\n")));
        assertEquals(List.of("DANE_NOT_SIGNED WARNING mx1.dane.test"), codes(findings), Findings.describe(findings));
        Finding f = findings.getFirst();
        assertEquals("MX host mx1.dane.test publishes TLSA records at _25._tcp.mx1.dane.test (3 1 1 (DANE-EE SPKI"
                + " SHA2-256)), but the zone dane.test is not validated by DNSSEC: it is unsigned, or signed without a"
                + " DS record at its parent that validating resolvers use (see the evidence). So senders ignore the"
                + " records (RFC 7672 §2.2 uses only \"secure\" TLSA records): DANE protects nothing.", f.message());
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, f.actor());
    }

    @Test
    void aSignedZoneWithoutDsAtItsParentIsNotCalledUnsigned() {
        // an island of security: keys and signatures, but no DS at the parent, so validators treat it as unsigned;
        // the words must hold for it too, not say that the zone is not signed
        List<Record> island = ZoneSigner.sign("dane.test", ZoneSigner.parse("dane.test", HEAD
                + "_25._tcp.mx1 TLSA 3 1 1 " + SHA256 + "\n"), List.of(CSK), INCEPTION, EXPIRATION);
        List<Finding> findings = check(FakeDns.of(island));
        assertEquals(List.of("DANE_NOT_SIGNED WARNING mx1.dane.test"), codes(findings), Findings.describe(findings));
        Finding f = findings.getFirst();
        assertTrue(f.message().contains("but the zone dane.test is not validated by DNSSEC: it is unsigned, or signed"
                + " without a DS record at its parent"), f.message());
        assertFalse(f.message().contains("not signed with DNSSEC"), f.message());
        assertTrue(f.message(Locale.of("sv")).contains("men zonen dane.test valideras inte med DNSSEC: den är"
                + " osignerad, eller signerad utan en DS-post hos föräldern"), f.message(Locale.of("sv")));
        assertEquals("Sign the zone dane.test with DNSSEC if it is not signed, and publish its DS record at the parent"
                + " (at the registrar); or remove the TLSA records at _25._tcp.mx1.dane.test.", f.remediation());
    }

    @Test
    void aFailingTlsaQuestionOnASignedZoneMakesDaneSendersSkipTheHost() {
        FakeDns dns = FakeDns.of(signed("_25._tcp.mx2 TLSA 3 1 1 " + SHA256 + "\n"))
                .fail("_25._tcp.mx1.dane.test", Type.TLSA, DnsStatus.SERVFAIL);
        List<Finding> findings = check(dns);
        assertEquals(List.of("DANE_LOOKUP_FAILED WARNING mx1.dane.test", "DANE_OK OK mx2.dane.test"),
                codes(findings), Findings.describe(findings));
        assertEquals("The TLSA question for _25._tcp.mx1.dane.test (MX host mx1.dane.test) fails (SERVFAIL), and"
                + " the zone dane.test is signed with DNSSEC as far as MailPath checks. Senders that validate DANE"
                + " cannot tell whether mx1.dane.test requires authenticated TLS, so they do not deliver to it"
                + " (RFC 7672 §2.2): they try the other MX hosts of the domain.", findings.getFirst().message());
    }

    @Test
    void whenEveryHostsTlsaQuestionFailsTheMailWaits() {
        FakeDns dns = FakeDns.of(signed(""))
                .fail("_25._tcp.mx1.dane.test", Type.TLSA, DnsStatus.TIMEOUT)
                .fail("_25._tcp.mx2.dane.test", Type.TLSA, DnsStatus.SERVFAIL);
        List<Finding> findings = check(dns);
        assertEquals(List.of("DANE_LOOKUP_FAILED ERROR mx1.dane.test", "DANE_LOOKUP_FAILED ERROR mx2.dane.test"),
                codes(findings), Findings.describe(findings));
        assertTrue(findings.getFirst().message().endsWith("fails (TIMEOUT), and the zone dane.test is signed with"
                + " DNSSEC as far as MailPath checks. Senders that validate DANE cannot tell whether mx1.dane.test"
                + " requires authenticated TLS, so they do not deliver to it (RFC 7672 §2.2): no MX host is left, so"
                + " the mail waits in their queues and bounces when their retry time runs out."),
                findings.getFirst().message());
    }

    @Test
    void aFailingTlsaQuestionOnAnUnsignedZoneIsNoDaneMatter() {
        // senders that validate DANE ask TLSA only of hosts whose addresses are DNSSEC-secure (RFC 7672 §2.2)
        FakeDns dns = FakeDns.of(unsigned("")).fail("_25._tcp.mx1.dane.test", Type.TLSA, DnsStatus.SERVFAIL);
        assertEquals(List.of("DANE_NONE INFO dane.test"), codes(check(dns)));
    }

    @Test
    void tlsaRecordsWithoutValidSignaturesMakeTheHostBogus() {
        List<Record> zone = signed("_25._tcp.mx1 TLSA 3 1 1 " + SHA256 + "\n").stream()
                .filter(r -> !(r instanceof RRSIGRecord s && s.getTypeCovered() == Type.TLSA)).toList();
        List<Finding> findings = check(FakeDns.of(zone));
        assertEquals(List.of("DANE_LOOKUP_FAILED WARNING mx1.dane.test"), codes(findings),
                Findings.describe(findings));
        assertEquals("MX host mx1.dane.test publishes TLSA records at _25._tcp.mx1.dane.test, but the DNSSEC chain"
                + " of the zone dane.test is broken (see the evidence), so validating resolvers answer SERVFAIL and"
                + " senders that validate DANE do not deliver to mx1.dane.test (RFC 7672 §2.2): they try the other MX"
                + " hosts of the domain.", findings.getFirst().message());
    }

    @Test
    void pkixUsagesAloneAreUnusableSoSendersOnlyInsistOnTls() {
        // RFC 7672 §3.1.3: PKIX-TA(0) and PKIX-EE(1) are not for SMTP
        List<Finding> findings = check(FakeDns.of(signed("_25._tcp.mx1 TLSA 1 1 1 " + SHA256 + "\n"
                + "_25._tcp.mx1 TLSA 3 1 1 ABCD\n")));
        assertEquals(List.of("DANE_UNUSABLE WARNING mx1.dane.test"), codes(findings), Findings.describe(findings));
        assertEquals("None of the TLSA records of MX host mx1.dane.test at _25._tcp.mx1.dane.test can be used:"
                + " 1 1 1 (PKIX-EE SPKI SHA2-256) is a PKIX usage, which RFC 7672 §3.1.3 says not to publish for"
                + " SMTP: senders treat it as unusable; 3 1 1 (DANE-EE SPKI SHA2-256) holds 2 bytes of data, but its"
                + " digest has 32. Senders that validate DANE then still insist on TLS with mx1.dane.test but do not"
                + " check its certificate (RFC 7672 §2.2): a host that does not offer STARTTLS gets no mail from"
                + " them.", findings.getFirst().message());
    }

    @Test
    void unusableRecordsBesideAUsableOneAreANote() {
        List<Finding> findings = check(FakeDns.of(signed("_25._tcp.mx1 TLSA 3 1 1 " + SHA256 + "\n"
                + "_25._tcp.mx1 TLSA 3 2 1 " + SHA256 + "\n"
                + "_25._tcp.mx2 TLSA 3 1 1 " + SHA256 + "\n"
                + "_25._tcp.mx2 TLSA 3 0 0 3003020100\n"
                + "_25._tcp.mx2 TLSA 3 0 0 020100\n")));
        assertEquals(List.of("DANE_UNUSABLE INFO mx1.dane.test", "DANE_OK OK mx1.dane.test",
                "DANE_UNUSABLE INFO mx2.dane.test", "DANE_OK OK mx2.dane.test"), codes(findings),
                Findings.describe(findings));
        assertEquals("Some TLSA records of MX host mx1.dane.test at _25._tcp.mx1.dane.test cannot be used and are"
                + " ignored: 3 2 1 (DANE-EE selector 2 SHA2-256) has a selector that RFC 6698 does not define. The"
                + " other records are used.", findings.get(0).message());
        assertTrue(findings.get(2).message().contains("3 0 0 (DANE-EE Cert Full) holds data that is no DER-encoded"
                + " certificate or public key."), findings.get(2).message());
        assertTrue(findings.get(3).message().contains(": 3 1 1 (DANE-EE SPKI SHA2-256), 3 0 0 (DANE-EE Cert Full)."),
                findings.get(3).message());
    }

    @Test
    void anMxHostBehindACnameIsAskedAtTheExpandedNameFirst() {
        // RFC 7672 §2.2.2: the fully CNAME-expanded name first, then the name of the MX record
        String zone = """
                dane.test.      SOA ns1.dane.test. hostmaster.dane.test. 1 3600 600 86400 300
                dane.test.      NS  ns1.dane.test.
                dane.test.      MX  10 mx.dane.test.
                mx.dane.test.   CNAME mail.dane.test.
                mail.dane.test. A   192.0.2.25
                _25._tcp.mail.dane.test. TLSA 3 1 1 %s
                """.formatted(SHA256);
        List<Record> all = new ArrayList<>(ZoneSigner.sign("dane.test", ZoneSigner.parse("dane.test", zone),
                List.of(CSK), INCEPTION, EXPIRATION));
        all.add(CSK.ds());
        FakeDns dns = FakeDns.of(all);
        List<Finding> findings = check(dns);
        assertEquals(List.of("DANE_OK OK mx.dane.test"), codes(findings), Findings.describe(findings));
        assertTrue(findings.getFirst().message().startsWith("MX host mx.dane.test publishes usable TLSA records at"
                + " _25._tcp.mail.dane.test in the zone dane.test"), findings.getFirst().message());
        assertTrue(!dns.queries().contains("_25._tcp.mx.dane.test TLSA"), dns.queries().toString());
    }

    @Test
    void aDomainWithoutMxIsAskedForItsOwnName() {
        String zone = """
                solo.test. SOA ns1.solo.test. hostmaster.solo.test. 1 3600 600 86400 300
                solo.test. A   192.0.2.30
                _25._tcp.solo.test. TLSA 3 1 1 %s
                """.formatted(SHA256);
        List<Finding> findings = FakeDns.of(ZoneSigner.parse("solo.test", zone)).run(
                new DaneCheck(Clock.fixed(NOW, ZoneOffset.UTC)), "solo.test", CheckOptions.defaults());
        assertEquals(List.of("DANE_NOT_SIGNED WARNING solo.test"), codes(findings), Findings.describe(findings));
    }

    @Test
    void aNullMxHasNoHostToAsk() {
        FakeDns dns = FakeDns.of("nullmx.test. SOA ns1.nullmx.test. h.nullmx.test. 1 3600 600 86400 300\n"
                + "nullmx.test. MX 0 .\n");
        assertEquals(List.of(), dns.run(new DaneCheck(), "nullmx.test", CheckOptions.defaults()));
    }

    @Test
    void aFailedMxQuestionIsSaid() {
        FakeDns dns = FakeDns.of(unsigned("")).fail("dane.test", Type.MX, DnsStatus.SERVFAIL);
        List<Finding> findings = check(dns);
        assertEquals(List.of("DNS_LOOKUP_FAILED WARNING dane.test"), codes(findings));
        assertTrue(findings.getFirst().message().endsWith("the TLSA records of the MX hosts of dane.test could not be"
                + " looked up"), findings.getFirst().message());
    }
    private static List<Record> signedZone(String origin, Key key, String text) {
        List<Record> all = new ArrayList<>(ZoneSigner.sign(origin, ZoneSigner.parse(origin, text), List.of(key),
                INCEPTION, EXPIRATION));
        all.add(key.ds());
        return all;
    }

    @Test
    void usableRecordsBehindUnsignedMxRecordsProtectOnlyWithSomeSenders() {
        // RFC 7672 §2.2.1: senders MAY use them after an insecure MX lookup; Postfix and KumoMTA do, mox does not
        List<Record> all = new ArrayList<>(signed("_25._tcp.mx1 TLSA 3 1 1 " + SHA256 + "\n"));
        all.addAll(ZoneSigner.parse("hosted.test", """
                hosted.test. SOA ns1.dane.test. hostmaster.hosted.test. 1 3600 600 86400 300
                hosted.test. MX  10 mx1.dane.test.
                hosted.test. MX  20 mx2.dane.test.
                """));
        List<Finding> findings = FakeDns.of(all).run(new DaneCheck(Clock.fixed(NOW, ZoneOffset.UTC)), "hosted.test",
                CheckOptions.defaults());
        // neither DANE_OK nor DANE_PARTIAL: they would claim the protection every DANE sender applies
        assertEquals(List.of("DANE_MX_NOT_SIGNED INFO hosted.test"), codes(findings), Findings.describe(findings));
        Finding f = findings.getFirst();
        assertEquals("MX hosts of hosted.test publish usable TLSA records (mx1.dane.test), but the MX records of"
                + " hosted.test are not signed with DNSSEC (the zone hosted.test has no DS record at the parent that"
                + " validating resolvers use), so DANE protects mail to hosted.test only in part. RFC 7672 §2.2.1 lets"
                + " senders use the TLSA records of MX hosts found through an insecure MX lookup but does not require"
                + " it: Postfix (smtp_tls_dane_insecure_mx_policy = dane, its default from 3.6) and KumoMTA use them;"
                + " mox, and Exchange Online as Microsoft describes it, do not and use TLS as usual. And whoever can"
                + " forge the MX answer can send the mail to hosts without DANE.", f.message());
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, f.actor());
        assertTrue(f.evidence().contains(";; zone hosted.test: unsigned (its DS, keys and signatures; the chain above"
                + " it is not followed)"), f.evidence().toString());
        assertTrue(f.evidence().contains(";; zone dane.test: signed (its DS, keys and signatures; the chain above it"
                + " is not followed)"), f.evidence().toString());
        assertTrue(f.message(Locale.of("sv")).startsWith("MX-värdar för hosted.test publicerar användbara TLSA-poster"
                + " (mx1.dane.test), men MX-posterna för hosted.test är inte signerade med DNSSEC"),
                f.message(Locale.of("sv")));
    }

    @Test
    void unsignedMxRecordsWithoutUsableTlsaRecordsAddNothing() {
        List<Record> all = new ArrayList<>(signed(""));
        all.addAll(ZoneSigner.parse("hosted.test", """
                hosted.test. SOA ns1.dane.test. hostmaster.hosted.test. 1 3600 600 86400 300
                hosted.test. MX  10 mx1.dane.test.
                """));
        FakeDns dns = FakeDns.of(all);
        List<Finding> findings = dns.run(new DaneCheck(Clock.fixed(NOW, ZoneOffset.UTC)), "hosted.test",
                CheckOptions.defaults());
        assertEquals(List.of("DANE_NONE INFO hosted.test"), codes(findings), Findings.describe(findings));
        // the MX records are judged only when some host has TLSA records, or a failed or bogus TLSA question
        assertTrue(!dns.queries().contains("hosted.test DS"), dns.queries().toString());
    }

    private static final String HOSTED = """
            hosted.test. SOA ns1.dane.test. hostmaster.hosted.test. 1 3600 600 86400 300
            hosted.test. MX  10 mx1.dane.test.
            hosted.test. MX  20 mx2.dane.test.
            """;

    /** The signed dane.test with {@code tlsa} lines, and hosted.test, whose unsigned MX records name its hosts. */
    private static List<Record> hosted(String tlsa) {
        List<Record> all = new ArrayList<>(signed(tlsa));
        all.addAll(ZoneSigner.parse("hosted.test", HOSTED));
        return all;
    }

    private static List<Finding> checkHosted(FakeDns dns) {
        return dns.run(new DaneCheck(Clock.fixed(NOW, ZoneOffset.UTC)), "hosted.test", CheckOptions.defaults());
    }

    @Test
    void failedTlsaQuestionsBehindUnsignedMxRecordsStopOnlySomeSenders() {
        // RFC 7672 §2.2.1: only senders that ask TLSA after an insecure MX lookup meet the failure. Postfix >= 3.6
        // (smtp_tls_dane_insecure_mx_policy = dane) does and defers ("TLSA lookup error", dane_init in
        // smtp_tls_policy.c), KumoMTA defers; mox and Exchange Online do not ask. This was an ERROR saying the mail
        // waits in every DANE sender's queue (e5a0e7ab pinned that): now a WARNING naming who defers
        FakeDns dns = FakeDns.of(hosted("")).fail("_25._tcp.mx1.dane.test", Type.TLSA, DnsStatus.SERVFAIL)
                .fail("_25._tcp.mx2.dane.test", Type.TLSA, DnsStatus.SERVFAIL);
        List<Finding> findings = checkHosted(dns);
        assertEquals(List.of("DANE_LOOKUP_FAILED WARNING mx1.dane.test", "DANE_LOOKUP_FAILED WARNING mx2.dane.test"),
                codes(findings), Findings.describe(findings));
        Finding f = findings.getFirst();
        assertEquals("The TLSA question for _25._tcp.mx1.dane.test (MX host mx1.dane.test) fails (SERVFAIL), and the"
                + " zone dane.test is signed with DNSSEC as far as MailPath checks. Senders that validate DANE cannot"
                + " tell whether mx1.dane.test requires authenticated TLS, so they do not deliver to it (RFC 7672"
                + " §2.2): that is, the senders that ask for TLSA records although the MX records of hosted.test are"
                + " not signed with DNSSEC (the zone hosted.test has no DS record at the parent that validating"
                + " resolvers use; RFC 7672 §2.2.1 allows it): Postfix with smtp_tls_security_level = dane"
                + " (smtp_tls_dane_insecure_mx_policy = dane, its default from 3.6; it defers with \"TLSA lookup"
                + " error\") and KumoMTA. No MX host is left for them, so the mail waits in their queues and bounces"
                + " when their retry time runs out. Senders that use DANE only behind signed MX records (mox, and"
                + " Exchange Online as Microsoft describes it) do not ask for TLSA records here and deliver as usual.",
                f.message());
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, f.actor());
        // the MX records were judged, and each finding shows the judgement it rests on
        assertTrue(dns.queries().contains("hosted.test DS"), dns.queries().toString());
        for (Finding each : findings) {
            assertTrue(each.evidence().contains(";; zone hosted.test: unsigned (its DS, keys and signatures; the"
                    + " chain above it is not followed)"), each.evidence().toString());
        }
        assertTrue(f.message(Locale.of("sv")).endsWith("För dem återstår ingen MX-värd, så posten väntar i deras"
                + " köer och studsar när deras tid för nya försök tar slut. Avsändare som bara använder DANE bakom"
                + " signerade MX-poster (mox, och Exchange Online så som Microsoft beskriver det) frågar inte efter"
                + " TLSA-poster här och levererar som vanligt."), f.message(Locale.of("sv")));
    }

    @Test
    void oneFailedTlsaQuestionBehindUnsignedMxRecordsSendsTheAskingSendersElsewhere() {
        FakeDns dns = FakeDns.of(hosted("_25._tcp.mx2 TLSA 3 1 1 " + SHA256 + "\n"))
                .fail("_25._tcp.mx1.dane.test", Type.TLSA, DnsStatus.TIMEOUT);
        List<Finding> findings = checkHosted(dns);
        assertEquals(List.of("DANE_LOOKUP_FAILED WARNING mx1.dane.test", "DANE_MX_NOT_SIGNED INFO hosted.test"),
                codes(findings), Findings.describe(findings));
        assertTrue(findings.getFirst().message().endsWith("(smtp_tls_dane_insecure_mx_policy = dane, its default"
                + " from 3.6; it gives up on this host with \"TLSA lookup error\") and KumoMTA. They try the other MX"
                + " hosts of the domain. Senders that use DANE only behind signed MX records (mox, and Exchange Online"
                + " as Microsoft describes it) do not ask for TLSA records here and deliver as usual."),
                findings.getFirst().message());
    }

    @Test
    void bogusTlsaRecordsBehindUnsignedMxRecordsStopOnlySomeSenders() {
        List<Record> zone = hosted("_25._tcp.mx1 TLSA 3 1 1 " + SHA256 + "\n_25._tcp.mx2 TLSA 3 1 1 " + SHA256
                + "\n").stream().filter(r -> !(r instanceof RRSIGRecord s && s.getTypeCovered() == Type.TLSA)).toList();
        List<Finding> findings = checkHosted(FakeDns.of(zone));
        assertEquals(List.of("DANE_LOOKUP_FAILED WARNING mx1.dane.test", "DANE_LOOKUP_FAILED WARNING mx2.dane.test"),
                codes(findings), Findings.describe(findings));
        assertTrue(findings.getFirst().message().startsWith("MX host mx1.dane.test publishes TLSA records at"
                + " _25._tcp.mx1.dane.test, but the DNSSEC chain of the zone dane.test is broken (see the evidence),"
                + " so validating resolvers answer SERVFAIL and senders that validate DANE do not deliver to"
                + " mx1.dane.test (RFC 7672 §2.2): that is, the senders that ask for TLSA records although the MX"
                + " records of hosted.test are not signed"), findings.getFirst().message());
        assertTrue(findings.getFirst().message().contains("No MX host is left for them"),
                findings.getFirst().message());

        // the same records reached through dane.test, whose MX records are signed: every DANE sender defers
        List<Finding> signedMx = check(FakeDns.of(zone));
        assertEquals(List.of("DANE_LOOKUP_FAILED ERROR mx1.dane.test", "DANE_LOOKUP_FAILED ERROR mx2.dane.test"),
                codes(signedMx), Findings.describe(signedMx));
        assertTrue(signedMx.getFirst().message().endsWith("(RFC 7672 §2.2): no MX host is left, so the mail waits in"
                + " their queues and bounces when their retry time runs out."), signedMx.getFirst().message());
    }

    @Test
    void aBrokenZoneChainBehindUnsignedMxRecordsStopsEveryValidatingSender() {
        // the DS at the parent names another key: validators fail every question in dane.test, the hosts' addresses
        // too, so senders that never ask for TLSA records (mox, Exchange Online) do not reach the hosts either
        List<Record> zone = new ArrayList<>(ZoneSigner.sign("dane.test", ZoneSigner.parse("dane.test", HEAD
                + "_25._tcp.mx1 TLSA 3 1 1 " + SHA256 + "\n_25._tcp.mx2 TLSA 3 1 1 " + SHA256 + "\n"), List.of(CSK),
                INCEPTION, EXPIRATION));
        zone.add(Key.ksk("dane.test").ds());
        zone.addAll(ZoneSigner.parse("hosted.test", HOSTED));
        List<Finding> findings = checkHosted(FakeDns.of(zone));
        assertEquals(List.of("DANE_LOOKUP_FAILED ERROR mx1.dane.test", "DANE_LOOKUP_FAILED ERROR mx2.dane.test"),
                codes(findings), Findings.describe(findings));
        Finding f = findings.getFirst();
        assertTrue(f.message().endsWith("(RFC 7672 §2.2): no MX host is left, so the mail waits in their queues and"
                + " bounces when their retry time runs out."), f.message());
        assertFalse(f.message().contains("mox"), f.message());

        // a validating resolver fails the TLSA questions themselves: the same, said of the question
        FakeDns failing = FakeDns.of(zone).fail("_25._tcp.mx1.dane.test", Type.TLSA, DnsStatus.SERVFAIL)
                .fail("_25._tcp.mx2.dane.test", Type.TLSA, DnsStatus.SERVFAIL);
        List<Finding> failed = checkHosted(failing);
        assertEquals(List.of("DANE_LOOKUP_FAILED ERROR mx1.dane.test", "DANE_LOOKUP_FAILED ERROR mx2.dane.test"),
                codes(failed), Findings.describe(failed));
        assertEquals("The TLSA question for _25._tcp.mx1.dane.test (MX host mx1.dane.test) fails (SERVFAIL), and the"
                + " DNSSEC chain of the zone dane.test is broken (see the evidence): validating resolvers answer"
                + " SERVFAIL to every question in it, the addresses of mx1.dane.test too, so senders that validate"
                + " DNSSEC do not deliver to mx1.dane.test, whether they ask for TLSA records or not: no MX host is"
                + " left, so the mail waits in their queues and bounces when their retry time runs out.",
                failed.getFirst().message());
        assertTrue(failed.getFirst().remediation().startsWith("Repair DNSSEC of dane.test"),
                failed.getFirst().remediation());
    }

    @Test
    void aBrokenZoneBesideAHostOnlyTlsaAskersMissLeavesTheOthersAHost() {
        // mx1's zone is broken for every validating sender; mx2's TLSA question fails in a sound zone, which behind
        // the unsigned MX records stops only the senders that ask for TLSA records: the others still deliver to mx2
        List<Record> zone = new ArrayList<>(ZoneSigner.sign("dane.test", ZoneSigner.parse("dane.test", HEAD
                + "_25._tcp.mx1 TLSA 3 1 1 " + SHA256 + "\n"), List.of(CSK), INCEPTION, EXPIRATION));
        zone.add(Key.ksk("dane.test").ds());
        Key other = Key.ksk("other.test");
        zone.addAll(signedZone("other.test", other, """
                other.test.     SOA ns1.other.test. hostmaster.other.test. 1 3600 600 86400 300
                other.test.     NS  ns1.other.test.
                ns1.other.test. A   192.0.2.54
                mx.other.test.  A   192.0.2.27
                """));
        zone.addAll(ZoneSigner.parse("hosted.test", """
                hosted.test. SOA ns1.dane.test. hostmaster.hosted.test. 1 3600 600 86400 300
                hosted.test. MX  10 mx1.dane.test.
                hosted.test. MX  20 mx.other.test.
                """));
        List<Finding> findings = checkHosted(FakeDns.of(zone).fail("_25._tcp.mx.other.test", Type.TLSA,
                DnsStatus.SERVFAIL));
        assertEquals(List.of("DANE_LOOKUP_FAILED WARNING mx1.dane.test", "DANE_LOOKUP_FAILED WARNING mx.other.test"),
                codes(findings), Findings.describe(findings));
        assertTrue(findings.get(0).message().endsWith("they try the other MX hosts of the domain."),
                findings.get(0).message());
        assertTrue(findings.get(1).message().contains("No MX host is left for them"), findings.get(1).message());
    }

    @Test
    void onlyUnusableRecordsBehindUnsignedMxRecordsConcernOnlyTheSendersThatAsk() {
        // RFC 7672 §2.2.1: behind an insecure MX lookup only Postfix >= 3.6 (smtp_tls_dane_insecure_mx_policy = dane)
        // and KumoMTA ask for TLSA records; Postfix then finds them unusable and requires TLS without authentication
        // (dane_init, smtp_tls_policy.c: "TLSA records unusable", level "encrypt"). mox and Exchange Online do not
        // ask. This said every DANE sender insists on TLS, and the MX records were not judged (72c9757e pinned that)
        FakeDns dns = FakeDns.of(hosted("_25._tcp.mx1 TLSA 1 1 1 " + SHA256 + "\n"));
        List<Finding> findings = checkHosted(dns);
        assertEquals(List.of("DANE_UNUSABLE WARNING mx1.dane.test"), codes(findings), Findings.describe(findings));
        Finding f = findings.getFirst();
        assertEquals("None of the TLSA records of MX host mx1.dane.test at _25._tcp.mx1.dane.test can be used:"
                + " 1 1 1 (PKIX-EE SPKI SHA2-256) is a PKIX usage, which RFC 7672 §3.1.3 says not to publish for"
                + " SMTP: senders treat it as unusable. The MX records of hosted.test are not signed with DNSSEC (the"
                + " zone hosted.test has no DS record at the parent that validating resolvers use), so only the"
                + " senders that ask for TLSA records there anyway meet these (RFC 7672 §2.2.1 allows it): Postfix with"
                + " smtp_tls_security_level = dane (smtp_tls_dane_insecure_mx_policy = dane, its default from 3.6; it"
                + " then requires TLS without authentication, \"TLSA records unusable\") and KumoMTA still insist on"
                + " TLS with mx1.dane.test but do not check its certificate, so a host that does not offer STARTTLS"
                + " gets no mail from them. Senders that use DANE only behind signed MX records (mox, and Exchange"
                + " Online as Microsoft describes it) do not ask for TLSA records here and use TLS as usual.",
                f.message());
        // the MX records were judged, and the finding shows the judgement it rests on
        assertTrue(dns.queries().contains("hosted.test DS"), dns.queries().toString());
        assertTrue(f.evidence().contains(";; zone hosted.test: unsigned (its DS, keys and signatures; the chain above"
                + " it is not followed)"), f.evidence().toString());
        assertTrue(f.message(Locale.of("sv")).contains("så bara de avsändare som ändå frågar efter TLSA-poster där"
                + " stöter på dessa"), f.message(Locale.of("sv")));

        // the same records reached through dane.test, whose MX records are signed: every DANE sender insists on TLS
        List<Finding> signedMx = check(FakeDns.of(signed("_25._tcp.mx1 TLSA 1 1 1 " + SHA256 + "\n")));
        assertEquals(List.of("DANE_UNUSABLE WARNING mx1.dane.test"), codes(signedMx), Findings.describe(signedMx));
        assertTrue(signedMx.getFirst().message().endsWith(" Senders that validate DANE then still insist on TLS with"
                + " mx1.dane.test but do not check its certificate (RFC 7672 §2.2): a host that does not offer"
                + " STARTTLS gets no mail from them."), signedMx.getFirst().message());
        assertTrue(signedMx.getFirst().evidence().stream().noneMatch(line -> line.contains("zone hosted.test")),
                signedMx.getFirst().evidence().toString());
    }

    @Test
    void unusableRecordsBesideUsableOnesBehindUnsignedMxRecordsSayWhoSeesEach() {
        List<Finding> findings = checkHosted(FakeDns.of(hosted("_25._tcp.mx1 TLSA 1 1 1 " + SHA256 + "\n"
                + "_25._tcp.mx2 TLSA 3 1 1 " + SHA256 + "\n")));
        assertEquals(List.of("DANE_UNUSABLE WARNING mx1.dane.test", "DANE_MX_NOT_SIGNED INFO hosted.test"),
                codes(findings), Findings.describe(findings));
        assertTrue(findings.getFirst().message().contains("so only the senders that ask for TLSA records there anyway"
                + " meet these"), findings.getFirst().message());
    }

    @Test
    void eachZoneIsJudgedOncePerRun() {
        // two MX hosts and the MX records, all in dane.test: its DS and keys are asked and judged once
        FakeDns dns = FakeDns.of(signed("_25._tcp.mx1 TLSA 3 1 1 " + SHA256 + "\n"
                + "_25._tcp.mx2 TLSA 3 1 1 " + SHA256 + "\n"));
        List<Finding> findings = check(dns);
        assertEquals(List.of("DANE_OK OK mx1.dane.test", "DANE_OK OK mx2.dane.test"), codes(findings),
                Findings.describe(findings));
        assertEquals(1, dns.queries().stream().filter("dane.test DNSKEY"::equals).count(), dns.queries().toString());
        assertEquals(1, dns.queries().stream().filter("dane.test DS"::equals).count(), dns.queries().toString());
    }

    @Test
    void aTlsaCnameIsAsSecureAsItsOwnSignature() {
        Key other = Key.ksk("other.test");
        String target = """
                other.test. SOA ns1.other.test. hostmaster.other.test. 1 3600 600 86400 300
                _25._tcp.mx.other.test. TLSA 3 1 1 %s
                """.formatted(SHA256);
        List<Record> all = new ArrayList<>(signed("_25._tcp.mx1 CNAME _25._tcp.mx.other.test.\n"));
        all.addAll(signedZone("other.test", other, target));
        List<Finding> findings = check(FakeDns.of(all));
        assertEquals(List.of("DANE_OK OK mx1.dane.test", "DANE_PARTIAL INFO dane.test"), codes(findings),
                Findings.describe(findings));
        assertTrue(findings.getFirst().message().startsWith("MX host mx1.dane.test publishes usable TLSA records at"
                + " _25._tcp.mx1.dane.test in the zone other.test, which is signed"), findings.getFirst().message());

        // without the signature over the CNAME, validators find the answer bogus
        List<Record> stripped = all.stream().filter(r -> !(r instanceof RRSIGRecord s
                && s.getTypeCovered() == Type.CNAME)).toList();
        List<Finding> bogus = check(FakeDns.of(stripped));
        assertEquals(List.of("DANE_LOOKUP_FAILED WARNING mx1.dane.test"), codes(bogus), Findings.describe(bogus));
        assertEquals("MX host mx1.dane.test publishes TLSA records at _25._tcp.mx1.dane.test, but the DNSSEC chain"
                + " of the zone dane.test is broken (see the evidence), so validating resolvers answer SERVFAIL and"
                + " senders that validate DANE do not deliver to mx1.dane.test (RFC 7672 §2.2): they try the other MX"
                + " hosts of the domain.", bogus.getFirst().message());
        assertTrue(bogus.getFirst().evidence().contains(";; the signature over the CNAME records of"
                + " _25._tcp.mx1.dane.test does not hold: no signature by the zone's keys"),
                bogus.getFirst().evidence().toString());

        // a CNAME into an unsigned zone: the records are insecure, senders ignore them
        List<Record> plainTarget = new ArrayList<>(signed("_25._tcp.mx1 CNAME _25._tcp.mx.other.test.\n"));
        plainTarget.addAll(ZoneSigner.parse("other.test", target));
        List<Finding> insecure = check(FakeDns.of(plainTarget));
        assertEquals(List.of("DANE_NOT_SIGNED WARNING mx1.dane.test"), codes(insecure), Findings.describe(insecure));
        assertTrue(insecure.getFirst().message().contains("but the zone other.test is not validated by DNSSEC"),
                insecure.getFirst().message());
    }

    @Test
    void anMxHostBehindAnInsecureCnameIsAskedAtItsOwnNameOnly() {
        // RFC 7672 §2.2.2 as mox and the RFC author read it: the expanded name only through a chain signed link by
        // link; the TLSA records at the unsigned target are never asked
        String zone = """
                dane.test.      SOA ns1.dane.test. hostmaster.dane.test. 1 3600 600 86400 300
                dane.test.      NS  ns1.dane.test.
                dane.test.      MX  10 mx.dane.test.
                mx.dane.test.   CNAME mail.plain.test.
                _25._tcp.mx.dane.test. TLSA 3 1 1 %s
                """.formatted(SHA256);
        List<Record> all = new ArrayList<>(signedZone("dane.test", CSK, zone));
        all.addAll(ZoneSigner.parse("plain.test", """
                plain.test. SOA ns1.plain.test. hostmaster.plain.test. 1 3600 600 86400 300
                mail.plain.test. A 192.0.2.25
                _25._tcp.mail.plain.test. TLSA 3 1 1 %s
                """.formatted("CD".repeat(32))));
        FakeDns dns = FakeDns.of(all);
        List<Finding> findings = check(dns);
        assertEquals(List.of("DANE_OK OK mx.dane.test"), codes(findings), Findings.describe(findings));
        assertTrue(findings.getFirst().message().startsWith("MX host mx.dane.test publishes usable TLSA records at"
                + " _25._tcp.mx.dane.test in the zone dane.test"), findings.getFirst().message());
        assertTrue(!dns.queries().contains("_25._tcp.mail.plain.test TLSA"), dns.queries().toString());
    }
}
