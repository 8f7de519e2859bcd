package org.mailpath.engine.dane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.engine.smtp.ProbeReport;
import org.mailpath.engine.smtp.ProbeTarget;
import org.mailpath.engine.smtp.ReplyDecoder;
import org.mailpath.engine.smtp.SmtpCodes;
import org.mailpath.engine.smtp.SmtpProbe;
import org.mailpath.engine.smtp.SmtpProbeListener;
import org.mailpath.engine.smtp.SmtpProbeOptions;
import org.mailpath.engine.smtp.TargetResult;
import org.mailpath.engine.smtp.TlsFacts;
import org.mailpath.testing.dns.ZoneSigner;
import org.mailpath.testing.dns.ZoneSigner.Key;
import org.mailpath.testing.fakedns.FakeDns;
import org.mailpath.testing.smtp.FakeSmtpServer;
import org.mailpath.testing.smtp.ScriptedSmtp;
import org.mailpath.testing.smtp.TestCertificates;
import org.mailpath.testing.smtp.TestCertificates.Material;
import org.xbill.DNS.Record;

/**
 * DANE in the SMTP probe: a fake SMTP server with keytool-made certificates, its MX host's TLSA records in a zone
 * signed in the test ({@link ZoneSigner}) and served by {@link FakeDns}. The association data are computed here
 * from the very certificates the server presents (RFC 6698 §2.1: selector Cert(0) = the certificate's DER,
 * SPKI(1) = its SubjectPublicKeyInfo's DER; matching SHA2-256(1) / SHA2-512(2) = that digest, Full(0) = the DER
 * itself), so a match is a real one.
 */
class DaneTlsCrossCheckTest {

    private static final Duration GENEROUS = Duration.ofSeconds(10);
    /** Now, for the zone's signatures and the certificates' dates alike (keytool dates them from the real now). */
    private static final Instant NOW = Instant.now();
    private static final Key CSK = Key.ksk("dane.test");
    private static final String HEAD = """
            dane.test.      SOA ns1.dane.test. hostmaster.dane.test. 1 3600 600 86400 300
            dane.test.      NS  ns1.dane.test.
            dane.test.      MX  10 mx1.dane.test.
            ns1.dane.test.  A   192.0.2.53
            mx1.dane.test.  A   127.0.0.1
            """;

    static Material served;
    static Material renewed;
    static Material otherName;
    static Material selfSigned;
    static X509Certificate leaf;
    static X509Certificate ca;

    @BeforeAll
    static void certificates() throws Exception {
        TestCertificates certs = TestCertificates.shared();
        served = certs.caSigned("mx1.dane.test", "dns:mx1.dane.test", "-1d", 30);
        // the same names with a new key: a renewal whose TLSA record was not updated
        renewed = certs.caSigned("mx1.dane.test", "dns:mx1.dane.test", "-2d", 30);
        otherName = certs.caSigned("other.dane.test", "dns:other.dane.test", "-1d", 30);
        selfSigned = certs.selfSigned("mx1.dane.test", "dns:mx1.dane.test", "-1d", 30);
        leaf = served.chain().get(0);
        ca = served.chain().get(1);
    }

    private static FakeDns signed(String tlsa) {
        List<Record> all = new ArrayList<>(ZoneSigner.sign("dane.test", ZoneSigner.parse("dane.test", HEAD + tlsa),
                List.of(CSK), NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30))));
        all.add(CSK.ds());
        return FakeDns.of(all);
    }

    private static FakeDns unsigned(String tlsa) {
        return FakeDns.of(ZoneSigner.parse("dane.test", HEAD + tlsa));
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    private static String sha512(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(data));
    }

    private static String spki(X509Certificate c) {
        return HexFormat.of().formatHex(c.getPublicKey().getEncoded());
    }

    /** The SHA-256 digest of the served leaf's public key: the data of a "3 1 1" record that matches it. */
    private static String leafDigest() throws Exception {
        return sha256(leaf.getPublicKey().getEncoded());
    }

    /** A "3 1 1" (DANE-EE SPKI SHA2-256) record of mx1 that matches the served leaf, as zone-file text. */
    private static String leafTlsa() throws Exception {
        return "_25._tcp.mx1 TLSA 3 1 1 " + leafDigest() + "\n";
    }

    /**
     * The signed zone with {@code tlsa} lines added, and hosted.test, whose MX records in a zone that is not signed
     * name the same host (RFC 7672 §2.2.1: a hosted domain that is not signed, its provider's zone signed).
     */
    private static FakeDns hosted(String tlsa) {
        List<Record> all = new ArrayList<>(ZoneSigner.sign("dane.test", ZoneSigner.parse("dane.test", HEAD + tlsa),
                List.of(CSK), NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30))));
        all.add(CSK.ds());
        all.addAll(ZoneSigner.parse("hosted.test", """
                hosted.test. SOA ns1.dane.test. hostmaster.hosted.test. 1 3600 600 86400 300
                hosted.test. MX  10 mx1.dane.test.
                """));
        return FakeDns.of(all);
    }

    /** Probes dane.test through its MX host, served by {@code behaviour}, with the DANE cross-check. */
    private static TargetResult probe(FakeDns dns, FakeSmtpServer.Behaviour behaviour) throws Exception {
        return probe(dns, "dane.test", behaviour);
    }

    /** Probes {@code input} (a domain, or {@code [host]}) with the DANE cross-check; its one address is the server. */
    private static TargetResult probe(FakeDns dns, String input, FakeSmtpServer.Behaviour behaviour)
            throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(behaviour)) {
            SmtpProbeOptions options = SmtpProbeOptions.builder().port(server.port())
                    .heloName("probe.mailpath.test").connectTimeout(GENEROUS).bannerLimit(GENEROUS)
                    .commandTimeout(GENEROUS).slowBanner(GENEROUS).build();
            ProbeReport report = new SmtpProbe(dns, options, ReplyDecoder.NONE,
                    new DaneTlsCrossCheck(dns, Clock.fixed(NOW, ZoneOffset.UTC)))
                    .probe(List.of(input), SmtpProbeListener.NONE, Cancellation.none());
            assertEquals(1, report.targets().size(), report.allFindings().toString());
            return report.targets().getFirst();
        }
    }

    private static TargetResult probe(FakeDns dns, Material material) throws Exception {
        return probe(dns, "dane.test", material);
    }

    private static TargetResult probe(FakeDns dns, String input, Material material) throws Exception {
        return probe(dns, input, ScriptedSmtp.standard().startTls(material.serverContext()));
    }

    private static List<Finding> dane(TargetResult r) {
        return r.findings().stream().filter(f -> f.code().startsWith("DANE_")).toList();
    }

    private static Finding only(TargetResult r, String code) {
        List<Finding> dane = dane(r);
        assertEquals(List.of(code), dane.stream().map(Finding::code).toList(), r.findings().toString());
        return dane.getFirst();
    }

    @Test
    void daneEeRecordOfTheServersKeyMatches() throws Exception {
        String data = leafDigest();
        TargetResult r = probe(signed(leafTlsa()), served);
        Finding f = only(r, DaneFindingCodes.DANE_TLS_MATCH);
        assertEquals(Severity.OK, f.severity());
        assertEquals(Actor.NOBODY, f.actor());
        assertEquals(r.target().label(), f.subject());
        assertEquals(r.target().label() + " presented a certificate chain that the TLSA record 3 1 1 (DANE-EE SPKI"
                + " SHA2-256) " + data.toUpperCase(Locale.ROOT) + " at _25._tcp.mx1.dane.test matches (the server's"
                + " own certificate, CN=mx1.dane.test). Senders that validate DANE authenticate this server and"
                + " deliver to it over TLS.", f.message());
        assertTrue(r.findings().stream().anyMatch(x -> x.code().equals(SmtpCodes.SMTP_TLS_OK)), r.findings().toString());
    }

    @Test
    void fullCertificateAndSha512RecordsMatchToo() throws Exception {
        TargetResult full = probe(signed("_25._tcp.mx1 TLSA 3 0 0 " + HexFormat.of().formatHex(leaf.getEncoded())
                + "\n"), served);
        assertTrue(only(full, DaneFindingCodes.DANE_TLS_MATCH).message().contains("TLSA record 3 0 0 (DANE-EE Cert"
                + " Full) "), only(full, DaneFindingCodes.DANE_TLS_MATCH).message());
        TargetResult sha512 = probe(signed("_25._tcp.mx1 TLSA 3 1 2 " + sha512(leaf.getPublicKey().getEncoded())
                + "\n"), served);
        assertEquals(Severity.OK, only(sha512, DaneFindingCodes.DANE_TLS_MATCH).severity());
    }

    @Test
    void daneTaRecordOfTheIssuerMatchesWhenTheLeafNamesTheHost() throws Exception {
        String data = sha256(ca.getEncoded());
        TargetResult r = probe(signed("_25._tcp.mx1 TLSA 2 0 1 " + data + "\n"), served);
        Finding f = only(r, DaneFindingCodes.DANE_TLS_MATCH);
        assertEquals(r.target().label() + " presented a certificate chain that the TLSA record 2 0 1 (DANE-TA Cert"
                + " SHA2-256) " + data.toUpperCase(Locale.ROOT) + " at _25._tcp.mx1.dane.test matches (certificate 2"
                + " of the presented chain, CN=MailPath Test CA). Senders that validate DANE authenticate this server"
                + " and deliver to it over TLS.", f.message());
    }

    @Test
    void renewedKeyWithTheOldTlsaRecordIsAnErrorNamingBothDigests() throws Exception {
        String old = leafDigest();
        String now = sha256(renewed.chain().getFirst().getPublicKey().getEncoded()).toUpperCase(Locale.ROOT);
        TargetResult r = probe(signed(leafTlsa()), renewed);
        Finding f = only(r, DaneFindingCodes.DANE_TLS_MISMATCH);
        assertEquals(Severity.ERROR, f.severity());
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, f.actor());
        assertEquals("The certificate chain " + r.target().label() + " presented matches none of the usable TLSA"
                + " records at _25._tcp.mx1.dane.test (3 1 1 (DANE-EE SPKI SHA2-256) " + old.toUpperCase(Locale.ROOT)
                + "); the server's own certificate has SPKI SHA2-256 " + now + ". Senders that validate DANE (Postfix"
                + " with smtp_tls_security_level = dane, Exchange Online, KumoMTA) do not deliver to this address"
                + " (RFC 7672 §2.2): they try another MX host or keep the mail in their queue.", f.message());
        assertTrue(f.remediation().contains("publish the record of the new key (3 1 1 " + now + ", DANE-EE SPKI"
                + " SHA2-256 of the server's own certificate) beside the old ones at once."), f.remediation());
        assertTrue(f.evidence().contains(";; certificate 1 CN=mx1.dane.test: SPKI SHA2-256 " + now),
                f.evidence().toString());
        assertFalse(r.findings().stream().anyMatch(x -> x.code().equals(SmtpCodes.SMTP_OK)),
                "an address DANE senders refuse is not fine: " + r.findings());
        assertEquals("Certifikatkedjan som " + r.target().label() + " visade matchar ingen av de användbara"
                + " TLSA-posterna på _25._tcp.mx1.dane.test (3 1 1 (DANE-EE SPKI SHA2-256) "
                + old.toUpperCase(Locale.ROOT) + "); serverns eget certifikat har SPKI SHA2-256 " + now
                + ". Avsändare som validerar DANE (Postfix med smtp_tls_security_level = dane, Exchange Online,"
                + " KumoMTA) levererar inte till den här adressen (RFC 7672 §2.2): de försöker med en annan MX-värd"
                + " eller behåller posten i sin kö.", f.message(Locale.of("sv")));
    }

    @Test
    void daneEeMatchesOnlyTheLeafNotItsIssuer() throws Exception {
        TargetResult r = probe(signed("_25._tcp.mx1 TLSA 3 1 1 " + sha256(ca.getPublicKey().getEncoded()) + "\n"),
                served);
        assertEquals(Severity.ERROR, only(r, DaneFindingCodes.DANE_TLS_MISMATCH).severity());
    }

    @Test
    void daneTaIssuerWithALeafNamingAnotherHostDoesNotAuthenticate() throws Exception {
        String data = sha256(ca.getPublicKey().getEncoded());
        TargetResult r = probe(signed("_25._tcp.mx1 TLSA 2 1 1 " + data + "\n"), otherName);
        Finding f = only(r, DaneFindingCodes.DANE_TLS_MISMATCH);
        assertEquals("The TLSA record 2 1 1 (DANE-TA SPKI SHA2-256) " + data.toUpperCase(Locale.ROOT) + " at"
                + " _25._tcp.mx1.dane.test matches certificate 2 of the presented chain, CN=MailPath Test CA of the"
                + " chain " + r.target().label() + " presented, but the server's certificate names none of"
                + " mx1.dane.test, dane.test (it names other.dane.test), so the record does not authenticate the"
                + " server (RFC 7672 §3.1.2, §3.2.2). Senders that validate DANE (Postfix with"
                + " smtp_tls_security_level = dane, Exchange Online, KumoMTA) do not deliver to this address (RFC 7672"
                + " §2.2): they try another MX host or keep the mail in their queue.", f.message());
    }

    @Test
    void tlsaRecordsButNoStartTlsMeansDaneSendersDoNotDeliver() throws Exception {
        String data = leafDigest();
        TargetResult r = probe(signed(leafTlsa()), ScriptedSmtp.standard());
        Finding f = only(r, DaneFindingCodes.DANE_TLS_MISSING);
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("MX host mx1.dane.test publishes usable TLSA records at _25._tcp.mx1.dane.test (3 1 1 (DANE-EE"
                + " SPKI SHA2-256) " + data.toUpperCase(Locale.ROOT) + ") in the zone dane.test, which is signed with"
                + " DNSSEC as far as MailPath checks, so senders that use them require TLS with it; but "
                + r.target().label() + " does not offer STARTTLS. Senders that validate DANE (Postfix with"
                + " smtp_tls_security_level = dane, Exchange Online, KumoMTA) do not deliver to this address (RFC 7672"
                + " §2.2): they try another MX host or keep the mail in their queue.", f.message());
    }

    @Test
    void aMismatchBehindUnsignedMxRecordsStopsOnlySomeSendersSoItIsAWarning() throws Exception {
        // RFC 7672 §2.2.1: senders MAY use the records after an insecure MX lookup; Postfix >= 3.6 and KumoMTA do
        String old = leafDigest();
        TargetResult r = probe(hosted(leafTlsa()), "hosted.test", renewed);
        Finding f = only(r, DaneFindingCodes.DANE_TLS_MISMATCH);
        assertEquals(Severity.WARNING, f.severity());
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, f.actor());
        String now = sha256(renewed.chain().getFirst().getPublicKey().getEncoded()).toUpperCase(Locale.ROOT);
        assertEquals("The certificate chain " + r.target().label() + " presented matches none of the usable TLSA"
                + " records at _25._tcp.mx1.dane.test (3 1 1 (DANE-EE SPKI SHA2-256) " + old.toUpperCase(Locale.ROOT)
                + "); the server's own certificate has SPKI SHA2-256 " + now + ". The MX records of hosted.test are"
                + " not signed with DNSSEC (the zone hosted.test has no DS record at the parent that validating"
                + " resolvers use), so this stops only the senders that use the TLSA records of MX hosts found through"
                + " an insecure MX lookup (RFC 7672 §2.2.1 allows it): Postfix with smtp_tls_security_level = dane"
                + " (smtp_tls_dane_insecure_mx_policy = dane, its default from 3.6) and KumoMTA do not deliver to this"
                + " address, they try another MX host or keep the mail in their queue. Senders that use DANE only"
                + " behind signed MX records (mox, and Exchange Online as Microsoft describes it) deliver as if there"
                + " were no TLSA records.", f.message());
        assertTrue(f.evidence().contains(";; zone hosted.test: unsigned (its DS, keys and signatures; the chain above"
                + " it is not followed)"), f.evidence().toString());
        assertTrue(f.evidence().contains(";; certificate 1 CN=mx1.dane.test: SPKI SHA2-256 " + now),
                f.evidence().toString());
        assertFalse(r.findings().stream().anyMatch(x -> x.code().equals(SmtpCodes.SMTP_OK)),
                "an address some senders refuse is not fine: " + r.findings());
        assertTrue(f.message(Locale.of("sv")).endsWith("Avsändare som bara använder DANE bakom signerade MX-poster"
                + " (mox, och Exchange Online så som Microsoft beskriver det) levererar som om det inte fanns några"
                + " TLSA-poster."), f.message(Locale.of("sv")));
    }

    @Test
    void noStartTlsBehindUnsignedMxRecordsIsAWarningToo() throws Exception {
        TargetResult r = probe(hosted(leafTlsa()), "hosted.test", ScriptedSmtp.standard());
        Finding f = only(r, DaneFindingCodes.DANE_TLS_MISSING);
        assertEquals(Severity.WARNING, f.severity());
        assertTrue(f.message().contains(r.target().label() + " does not offer STARTTLS. The MX records of hosted.test"
                + " are not signed with DNSSEC"), f.message());
    }

    @Test
    void aMatchBehindUnsignedMxRecordsSaysWhoChecksIt() throws Exception {
        TargetResult r = probe(hosted(leafTlsa()), "hosted.test", served);
        Finding f = only(r, DaneFindingCodes.DANE_TLS_MATCH);
        assertEquals(Severity.OK, f.severity());
        assertTrue(f.message().endsWith("(the server's own certificate, CN=mx1.dane.test). Senders that use the TLSA"
                + " records of MX hosts found through an insecure MX lookup (Postfix with smtp_tls_security_level ="
                + " dane, KumoMTA) authenticate this server and deliver to it over TLS. But the MX records of"
                + " hosted.test are not signed with DNSSEC (the zone hosted.test has no DS record at the parent that"
                + " validating resolvers use), so senders that use DANE only behind signed MX records (mox, and"
                + " Exchange Online as Microsoft describes it) do not check its certificate (RFC 7672 §2.2.1)."),
                f.message());
    }

    @Test
    void theMxRecordsAreJudgedOncePerRunForAllTheirHosts() throws Exception {
        // two MX hosts (so two probed addresses, the same server) behind the same unsigned MX records: the records'
        // zone is found and judged once, and each finding still carries that judgement as its evidence
        String old = leafDigest();
        List<Record> all = new ArrayList<>(ZoneSigner.sign("dane.test", ZoneSigner.parse("dane.test", HEAD
                        + "mx2.dane.test. A 127.0.0.1\n_25._tcp.mx1 TLSA 3 1 1 " + old + "\n_25._tcp.mx2 TLSA 3 1 1 "
                        + old + "\n"), List.of(CSK), NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30))));
        all.add(CSK.ds());
        all.addAll(ZoneSigner.parse("hosted.test", """
                hosted.test. SOA ns1.dane.test. hostmaster.hosted.test. 1 3600 600 86400 300
                hosted.test. MX  10 mx1.dane.test.
                hosted.test. MX  20 mx2.dane.test.
                """));
        FakeDns dns = FakeDns.of(all);
        List<Finding> mismatches;
        String everything;
        try (FakeSmtpServer server = FakeSmtpServer.start(ScriptedSmtp.standard()
                .startTls(renewed.serverContext()))) {
            SmtpProbeOptions options = SmtpProbeOptions.builder().port(server.port())
                    .heloName("probe.mailpath.test").connectTimeout(GENEROUS).bannerLimit(GENEROUS)
                    .commandTimeout(GENEROUS).slowBanner(GENEROUS).build();
            ProbeReport report = new SmtpProbe(dns, options, ReplyDecoder.NONE,
                    new DaneTlsCrossCheck(dns, Clock.fixed(NOW, ZoneOffset.UTC)))
                    .probe(List.of("hosted.test"), SmtpProbeListener.NONE, Cancellation.none());
            assertEquals(2, report.targets().size(), report.allFindings().toString());
            mismatches = report.targets().stream().flatMap(t -> dane(t).stream()).toList();
            everything = report.allFindings().toString();
        }
        assertEquals(List.of("DANE_TLS_MISMATCH WARNING", "DANE_TLS_MISMATCH WARNING"),
                mismatches.stream().map(f -> f.code() + " " + f.severity()).toList(), everything);
        for (Finding f : mismatches) {
            assertTrue(f.evidence().contains(";; zone hosted.test: unsigned (its DS, keys and signatures; the chain"
                    + " above it is not followed)"), f.evidence().toString());
        }
        // the probe's own MX question, then the route's plain and signed ones: once each, not once per address
        assertEquals(3, dns.queries().stream().filter("hosted.test MX"::equals).count(), dns.queries().toString());
        assertEquals(1, dns.queries().stream().filter("hosted.test SOA"::equals).count(), dns.queries().toString());
    }

    @Test
    void aHostsTlsaRecordsAreJudgedOncePerRunForAllItsAddresses() throws Exception {
        // two addresses of one host (IPv4 and IPv6, say): the run's DnsLookup would answer the second from its cache,
        // but ZoneSecurity verifies the signatures over the records on each call, so the host is judged once. This
        // FakeDns has no cache: each question it counts is a lookup the cross-check made
        FakeDns dns = signed(leafTlsa());
        DaneTlsCrossCheck crossCheck = new DaneTlsCrossCheck(dns, Clock.fixed(NOW, ZoneOffset.UTC));
        List<Finding> findings = new ArrayList<>();
        for (String address : List.of("192.0.2.25", "2001:db8::25")) {
            ProbeTarget target = new ProbeTarget("mx1.dane.test", "mx1.dane.test", InetAddress.getByName(address),
                    25, OptionalInt.empty());
            findings.addAll(crossCheck.judge(target, new TlsFacts.NotOffered(), Cancellation.none()).findings());
        }
        assertEquals(List.of("DANE_TLS_MISSING ERROR", "DANE_TLS_MISSING ERROR"),
                findings.stream().map(f -> f.code() + " " + f.severity()).toList(), findings.toString());
        assertTrue(findings.get(1).message().contains("2001:db8::25"), findings.get(1).message());
        assertEquals(findings.get(0).evidence(), findings.get(1).evidence());
        // the plain TLSA question senders ask, and the one for its signatures: once each, not once per address
        assertEquals(2, dns.queries().stream().filter("_25._tcp.mx1.dane.test TLSA"::equals).count(),
                dns.queries().toString());
        assertEquals(1, dns.queries().stream().filter("mx1.dane.test A"::equals).count(), dns.queries().toString());
    }

    @Test
    void theSignedMxRecordsOfTheProviderKeepTheMismatchAnError() throws Exception {
        // the same host and records reached through dane.test, whose MX records are signed: every DANE sender refuses
        TargetResult r = probe(hosted(leafTlsa()), "dane.test", renewed);
        Finding f = only(r, DaneFindingCodes.DANE_TLS_MISMATCH);
        assertEquals(Severity.ERROR, f.severity());
        assertFalse(f.evidence().stream().anyMatch(l -> l.contains("hosted.test")), f.evidence().toString());
    }

    @Test
    void aHostProbedByNameHasNoMxRecordsToJudge() throws Exception {
        // [host] skips the MX lookup: no domain's MX records say which senders use the records, so all of them count
        FakeDns dns = hosted(leafTlsa());
        TargetResult r = probe(dns, "[mx1.dane.test]", renewed);
        assertEquals(Severity.ERROR, only(r, DaneFindingCodes.DANE_TLS_MISMATCH).severity());
        assertFalse(dns.queries().stream().anyMatch(q -> q.endsWith(" MX")), dns.queries().toString());
    }

    @Test
    void recordsInAnUnsignedZoneAreNotJudged() throws Exception {
        String data = sha256(renewed.chain().getFirst().getPublicKey().getEncoded());
        TargetResult r = probe(unsigned(leafTlsa()), served);
        assertEquals(List.of(), dane(r), "senders ignore the records (the DANE check says DANE_NOT_SIGNED)");
    }

    @Test
    void onlyUnusableRecordsAreNotJudged() throws Exception {
        // PKIX-EE(1): RFC 7672 §3.1.3, senders treat it as unusable
        TargetResult r = probe(signed("_25._tcp.mx1 TLSA 1 1 1 " + sha256(ca.getPublicKey().getEncoded()) + "\n"),
                served);
        assertEquals(List.of(), dane(r), r.findings().toString());
    }

    @Test
    void noTlsaRecordsNoDaneFinding() throws Exception {
        assertEquals(List.of(), dane(probe(signed(""), served)));
        assertEquals(spki(leaf), spki(served.chain().getFirst()), "the shared material is stable");
    }

    @Test
    void daneTaChainIsBuiltFromThePresentedCertificatesInAnyOrder() {
        // RFC 8446 §4.4.2: after the leaf, TLS 1.3 servers may send extra certificates in any order
        X509Certificate stranger = otherName.chain().getFirst();
        assertEquals(Optional.of(List.of(leaf)), DaneTlsCrossCheck.path(List.of(leaf, stranger, ca), 2));
        assertEquals(Optional.of(List.of(leaf)), DaneTlsCrossCheck.path(List.of(leaf, ca, stranger), 1));
        assertEquals(Optional.of(List.of()), DaneTlsCrossCheck.path(List.of(leaf, ca), 0));
        // a certificate that did not issue the leaf is no anchor it leads to
        assertEquals(Optional.empty(), DaneTlsCrossCheck.path(List.of(leaf, ca, stranger), 2));
    }

    private static Finding code(TargetResult r, String code) {
        return r.findings().stream().filter(f -> f.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError(code + " missing: " + r.findings()));
    }

    /** A "3 1 1" record of mx1 for {@code m}'s own certificate. */
    private static String tlsaOf(Material m) throws Exception {
        return "_25._tcp.mx1 TLSA 3 1 1 " + sha256(m.chain().getFirst().getPublicKey().getEncoded()) + "\n";
    }

    @Test
    void aSelfSignedCertificateThatDaneEePinsIsNotCalledUnverifiableBySenders() throws Exception {
        // RFC 7672 §3.1.1: DANE-EE ignores issuer, names and dates; only senders checking public CAs fail
        TargetResult r = probe(signed(tlsaOf(selfSigned)), selfSigned);
        assertEquals(Severity.OK, only(r, DaneFindingCodes.DANE_TLS_MATCH).severity());
        Finding f = code(r, SmtpCodes.SMTP_CERT_SELF_SIGNED);
        assertEquals(Severity.WARNING, f.severity(), "the code and severity stay: Salesforce's Required Verify fails");
        assertEquals("The server's certificate CN=mx1.dane.test is self-signed. Senders that validate DANE accept it"
                + " all the same: a DANE-EE TLSA record of the host matches the server's own certificate, and DANE-EE"
                + " checks no certificate's issuer, names or dates (RFC 7672 §3.1.1). Only senders that check it"
                + " against public CAs fail, as Salesforce does when it requires verified TLS.", f.message());
        assertFalse(f.message().contains("no sender"), f.message());
        // reworded in its own place: no other finding overwritten, none left in the usual words
        assertEquals(1, r.findings().stream().filter(g -> g.code().equals(SmtpCodes.SMTP_CERT_SELF_SIGNED)).count(),
                r.findings().toString());
        assertTrue(r.findings().stream().noneMatch(g -> g.message().contains("so no sender can verify it")),
                r.findings().toString());
        assertTrue(f.remediation().startsWith("Nothing is needed for senders that validate DANE or for opportunistic"
                + " TLS. Salesforce deliveries with Required Verify still fail"), f.remediation());
        assertTrue(f.remediation().endsWith("publish the TLSA record of the new certificate's key beside the current"
                + " one and wait for its TTL (RFC 7671), or senders that validate DANE stop delivering."),
                f.remediation());
        assertTrue(f.message(Locale.of("sv")).startsWith("Serverns certifikat CN=mx1.dane.test är självsignerat."
                + " Avsändare som validerar DANE godtar det ändå"), f.message(Locale.of("sv")));
    }

    @Test
    void withoutDaneTheSelfSignedCertificateKeepsItsWords() throws Exception {
        TargetResult r = probe(unsigned(tlsaOf(selfSigned)), selfSigned);
        assertEquals("The server's certificate CN=mx1.dane.test is self-signed, so no sender can verify it.",
                code(r, SmtpCodes.SMTP_CERT_SELF_SIGNED).message());
    }

    @Test
    void aDaneEeMatchRewordsTheNameMismatchAndTheUntrustedChainToo() throws Exception {
        TargetResult r = probe(signed(tlsaOf(otherName)), otherName);
        assertEquals(Severity.OK, only(r, DaneFindingCodes.DANE_TLS_MATCH).severity());
        Finding name = code(r, SmtpCodes.SMTP_CERT_NAME_MISMATCH);
        assertEquals(Severity.WARNING, name.severity());
        assertTrue(name.message().startsWith("The server's certificate is not valid for mx1.dane.test; it names"
                + " [other.dane.test]. Senders that validate DANE accept it all the same"), name.message());
        assertTrue(name.remediation().startsWith("Nothing is needed for senders that validate DANE."),
                name.remediation());
        Finding untrusted = code(r, SmtpCodes.SMTP_CERT_UNTRUSTED);
        assertTrue(untrusted.message().contains("Senders that validate DANE accept it all the same"),
                untrusted.message());
    }

    @Test
    void aDaneTaMatchKeepsTheCertificateWords() throws Exception {
        // DANE-TA checks names and dates (RFC 7672 §3.1.2): only DANE-EE pins the leaf as it is
        TargetResult r = probe(signed("_25._tcp.mx1 TLSA 2 0 1 " + sha256(ca.getEncoded()) + "\n"), served);
        assertEquals(Severity.OK, only(r, DaneFindingCodes.DANE_TLS_MATCH).severity());
        Finding untrusted = code(r, SmtpCodes.SMTP_CERT_UNTRUSTED);
        assertFalse(untrusted.message().contains("DANE"), untrusted.message());
    }

    @Test
    void tlsaRecordsWhoseSignatureFailsAreNotedNotSilentlySkipped() throws Exception {
        // the records as signed, then another record put in their place: the signature over them no longer holds
        List<Record> all = new ArrayList<>(ZoneSigner.sign("dane.test", ZoneSigner.parse("dane.test", HEAD
                + tlsaOf(renewed)), List.of(CSK), NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30))));
        all.removeIf(rec -> rec.getType() == org.xbill.DNS.Type.TLSA);
        all.addAll(ZoneSigner.parse("dane.test", leafTlsa()).stream()
                .filter(rec -> rec.getType() == org.xbill.DNS.Type.TLSA).toList());
        all.add(CSK.ds());
        TargetResult r = probe(FakeDns.of(all), served);
        Finding f = only(r, DaneFindingCodes.DANE_TLS_NOT_JUDGED);
        assertEquals(Severity.INFO, f.severity());
        assertEquals("DANE was not judged for " + r.target().label() + ": the answer to the TLSA question at"
                + " _25._tcp.mx1.dane.test (MX host mx1.dane.test) fails DNSSEC validation in the zone dane.test (a"
                + " signature, key or proof is bogus, missing or expired; see the evidence), so validating resolvers"
                + " answer SERVFAIL and senders that validate DANE cannot use it (RFC 7672 §2.2). The DANE check"
                + " (mailpath check dane.test) reports this as DANE_LOOKUP_FAILED, names the broken link and says which"
                + " senders it stops.", f.message());
        assertTrue(f.remediation().startsWith("Run mailpath check dane.test"), f.remediation());
        assertFalse(f.evidence().isEmpty());
        // not matched, so the certificate findings keep their usual words
        assertFalse(code(r, SmtpCodes.SMTP_CERT_UNTRUSTED).message().contains("DANE"));
        assertTrue(f.message(Locale.of("sv")).startsWith("DANE bedömdes inte för "), f.message(Locale.of("sv")));
    }

    @Test
    void tlsaRecordsWithExpiredSignaturesAreNotedToo() throws Exception {
        List<Record> all = new ArrayList<>(ZoneSigner.sign("dane.test", ZoneSigner.parse("dane.test", HEAD
                + leafTlsa()), List.of(CSK), NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(1))));
        all.add(CSK.ds());
        TargetResult r = probe(FakeDns.of(all), served);
        assertTrue(only(r, DaneFindingCodes.DANE_TLS_NOT_JUDGED).message().contains("fails DNSSEC validation in the"
                + " zone dane.test"), r.findings().toString());
    }

    @Test
    void aFailingTlsaQuestionInASignedZoneIsNoted() throws Exception {
        FakeDns dns = signed(leafTlsa()).fail("_25._tcp.mx1.dane.test", org.xbill.DNS.Type.TLSA,
                org.mailpath.engine.dns.DnsStatus.SERVFAIL);
        TargetResult r = probe(dns, served);
        Finding f = only(r, DaneFindingCodes.DANE_TLS_NOT_JUDGED);
        assertEquals(Severity.INFO, f.severity());
        assertTrue(f.message().startsWith("DANE was not judged for " + r.target().label() + ": the TLSA question at"
                + " _25._tcp.mx1.dane.test (MX host mx1.dane.test) fails (SERVFAIL), in the zone dane.test"),
                f.message());
    }
}
