package org.mailpath.engine.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.engine.smtp.SmtpProbeFakeServerTest.SHORT;
import static org.mailpath.engine.smtp.SmtpProbeFakeServerTest.clientLines;
import static org.mailpath.engine.smtp.SmtpProbeFakeServerTest.codes;
import static org.mailpath.engine.smtp.SmtpProbeFakeServerTest.finding;

import java.io.DataInputStream;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.smtp.CertificateFacts.NameMatch;
import org.mailpath.engine.smtp.CertificateFacts.Trust;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.testing.smtp.FakeDns;
import org.mailpath.testing.smtp.FakeSmtpServer;
import org.mailpath.testing.smtp.ScriptedSmtp;
import org.mailpath.testing.smtp.ServerConversation;
import org.mailpath.testing.smtp.TestCertificates;
import org.mailpath.testing.smtp.TestCertificates.Material;

/** STARTTLS: handshake outcomes, protocol versions and every certificate problem, with keytool-made certificates. */
class SmtpProbeTlsTest {

    static Material valid;
    static Material expiredSelfSigned;
    static Material notYetValid;
    static Material otherName;
    static Material wildcard;
    static Material commonNameOnly;
    static Material severalCommonNames;

    @BeforeAll
    static void certificates() throws Exception {
        TestCertificates certs = TestCertificates.shared();
        valid = certs.caSigned("mx.example.test", "dns:mx.example.test", "-1d", 30);
        expiredSelfSigned = certs.selfSigned("mx.example.test", "dns:mx.example.test", "-10d", 2);
        notYetValid = certs.caSigned("mx.example.test", "dns:mx.example.test", "+10d", 30);
        otherName = certs.caSigned("other.example.test", "dns:other.example.test,dns:www.other.example.test", "-1d",
                30);
        wildcard = certs.caSigned("*.example.test", "dns:*.example.test", "-1d", 30);
        commonNameOnly = certs.caSigned("mx.example.test", "", "-1d", 30);
        // -dname "CN=other.example.test, CN=mx.example.test": the left-most, other.example.test, is the most specific
        severalCommonNames = certs.caSigned("other.example.test, CN=mx.example.test", "", "-1d", 30);
    }

    final FakeDns dns = new FakeDns().loopbackNamed("mx.example.test");

    TargetResult probe(FakeSmtpServer.Behaviour behaviour, Material trusted,
                       UnaryOperator<SmtpProbeOptions.Builder> tweak) throws Exception {
        return probe("[mx.example.test]", behaviour, trusted, tweak);
    }

    /** {@code input} as the user types it: every server here is one the user named, on the fake server's port. */
    TargetResult probe(String input, FakeSmtpServer.Behaviour behaviour, Material trusted,
                       UnaryOperator<SmtpProbeOptions.Builder> tweak) throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(behaviour)) {
            SmtpProbeOptions.Builder b = SmtpProbeFakeServerTest.options(server)
                    .trustStore(Optional.ofNullable(trusted).map(Material::trust));
            ProbeReport report = new SmtpProbe(dns, tweak.apply(b).build(), ReplyDecoder.NONE)
                    .probe(List.of(input), SmtpProbeListener.NONE, Cancellation.none());
            return report.targets().getFirst();
        }
    }

    TargetResult probe(Material served, Material trusted) throws Exception {
        return probe(ScriptedSmtp.standard().startTls(served.serverContext()), trusted, b -> b);
    }

    @Test
    void goodCertificateAndModernTls() throws Exception {
        TargetResult r = probe(valid, valid);
        assertEquals(Severity.OK, finding(r, SmtpCodes.SMTP_TLS_OK).severity());
        assertEquals(List.of(SmtpCodes.SMTP_OK, SmtpCodes.SMTP_CAPABILITIES, SmtpCodes.SMTP_TLS_OK), codes(r));
        assertEquals(Severity.INFO, r.worst(), "nothing worse than the capabilities' INFO: " + codes(r));
        assertEquals(List.of("EHLO probe.mailpath.test", "STARTTLS", "EHLO probe.mailpath.test", "QUIT"),
                clientLines(r));
        assertEquals("TLSv1.3", r.tls().orElseThrow().protocol(), "the newest both ends speak");
        assertEquals(2, r.tls().get().chain().size(), r.tls().get().chain().toString());
        assertFalse(r.capabilities().has("STARTTLS"), "capabilities are those offered after TLS");
        assertEquals(new CertificateFacts(Trust.TRUSTED, false, false, NameMatch.SUBJECT_ALT_NAME,
                List.of("mx.example.test"), List.of("mx.example.test")), certificate(r));
        assertTrue(assertInstanceOf(TlsFacts.Established.class, r.tlsFacts()).modernProtocol());
    }

    /**
     * A finding of a host the user named ('[mx.example.test]', not found through MX records) does not call it an MX
     * host: stop 39's reviewer saw "a certificate for the MX host name" for a '[HOST]', in English and in Swedish.
     */
    static void assertNoMxHostClaim(org.mailpath.engine.finding.Finding f) {
        Locale sv = Locale.of("sv");
        for (String text : List.of(f.message(), f.remediation(), f.mailTeamRemediation(), f.message(sv),
                f.remediation(sv), f.mailTeamRemediation(sv).orElse(""))) {
            // "the MX host names that point to it" says which names count, and claims nothing of this host
            assertFalse(text.matches("(?s).*the MX host name(?!s).*") || text.contains("MX-värdens namn"), text);
        }
    }

    /**
     * A server without STARTTLS, named by the user: the advice wants a certificate for the name given, not "for the MX
     * host name"; named by its address, for the host name senders reach it by.
     */
    @Test
    void noStartTlsOnANamedServerWantsACertificateForThatName() throws Exception {
        var named = finding(probe(ScriptedSmtp.standard(), null, b -> b), SmtpCodes.SMTP_NO_STARTTLS);
        assertEquals("The server's mail team should enable STARTTLS with a certificate for mx.example.test; until "
                + "then the sender's Salesforce TLS setting must be Preferred, not Required, for the domains whose mail "
                + "this server receives.", named.remediation());
        assertEquals("Please enable STARTTLS on your server, with a certificate for mx.example.test. Until then our "
                + "mail to it travels unencrypted, and it is for us to keep our Salesforce TLS setting for your domain "
                + "at Preferred, not Required.", named.mailTeamRemediation());
        assertEquals("Serverns e-postteam bör aktivera STARTTLS med ett certifikat för mx.example.test; till dess "
                + "måste avsändarens TLS-inställning i Salesforce vara Preferred, inte Required, för de domäner vars "
                + "e-post den här servern tar emot.", named.remediation(Locale.of("sv")));
        assertNoMxHostClaim(named);
        var address = finding(probe("[127.0.0.1]", ScriptedSmtp.standard(), null, b -> b),
                SmtpCodes.SMTP_NO_STARTTLS);
        assertTrue(address.remediation().startsWith("The server's mail team should enable STARTTLS with a certificate "
                + "for the host name senders reach it by; "), address.remediation());
        assertTrue(address.remediation(Locale.of("sv")).startsWith("Serverns e-postteam bör aktivera STARTTLS med ett "
                + "certifikat för värdnamnet som avsändare når den med; "), address.remediation(Locale.of("sv")));
        assertNoMxHostClaim(address);
    }

    /**
     * A server probed by its IP address: senders check a certificate against the host name they looked up, never
     * an address (RFC 8461 §4.2, RFC 7672 §3.2.2), so a certificate that does not name the address is said, as an
     * INFO with the way to check the name that counts, and no longer advises a certificate "for the MX host name".
     */
    @Test
    void aCertificateThatDoesNotNameTheAddressProbedRefusesNoSender() throws Exception {
        TargetResult r = probe("[127.0.0.1]", ScriptedSmtp.standard().startTls(valid.serverContext()), valid,
                b -> b);
        var mismatch = finding(r, SmtpCodes.SMTP_CERT_NAME_MISMATCH);
        assertEquals(Severity.INFO, mismatch.severity());
        assertEquals(Actor.SENDER_ADMIN, mismatch.actor());
        assertEquals("The server's certificate does not name the address 127.0.0.1 it was probed at; it names "
                + "[mx.example.test]. Senders check a mail server's certificate against its host name, never against "
                + "its address, so this alone refuses no sender.", mismatch.message());
        assertEquals("To check the names senders check, probe the server by its host name (mailpath probe [HOST]) or "
                + "through the domain whose mail it receives (mailpath probe DOMAIN).", mismatch.remediation());
        assertTrue(mismatch.message(Locale.of("sv")).startsWith("Serverns certifikat anger inte adressen 127.0.0.1"),
                mismatch.message(Locale.of("sv")));
        assertNoMxHostClaim(mismatch);
        assertEquals(NameMatch.NONE, certificate(r).name(), "the fact stays: the certificate names no address");
        assertEquals(SmtpCodes.SMTP_OK, r.findings().getFirst().code(), "nothing a sender refuses: " + codes(r));
    }

    /**
     * An MX host probed where senders connect (port 25) keeps the MX wording: there the MX host name is the name
     * senders check (RFC 8461 §4.2). Judged by the certificate check itself, as no test server listens on port 25.
     */
    @Test
    void anMxHostOnPort25KeepsTheMxHostNameInTheAdvice() {
        ProbeTarget mx = new ProbeTarget("example.test", "mx.example.test", java.net.InetAddress.getLoopbackAddress(),
                SmtpProbeOptions.SMTP_PORT, java.util.OptionalInt.of(10));
        CertificateCheck check = new CertificateCheck(Optional.of(otherName.trust()));
        var mismatch = findingIn(check.evaluate(mx, otherName.chain(), CertificateNames.ofLeaf(otherName.chain()),
                java.time.Instant.now(), mx.label(), List.of()).findings(), SmtpCodes.SMTP_CERT_NAME_MISMATCH);
        assertTrue(mismatch.remediation().endsWith("include the MX host name."), mismatch.remediation());
        var selfSigned = findingIn(new CertificateCheck(Optional.empty()).evaluate(mx, expiredSelfSigned.chain(),
                CertificateNames.ofLeaf(expiredSelfSigned.chain()), java.time.Instant.now(), mx.label(), List.of())
                .findings(), SmtpCodes.SMTP_CERT_SELF_SIGNED);
        assertTrue(selfSigned.remediation().endsWith("for the MX host name."), selfSigned.remediation());
        assertTrue(SmtpFindings.of(SmtpCodes.SMTP_NO_STARTTLS, mx, mx.label(), List.of(),
                SmtpFindings.certificateName(mx)).remediation().contains("with a certificate for the MX host name;"));
    }

    private static org.mailpath.engine.finding.Finding findingIn(List<org.mailpath.engine.finding.Finding> findings,
                                                               String code) {
        return findings.stream().filter(f -> f.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError(code + " not in " + findings));
    }

    /** The certificate facts of a probe that got TLS up. */
    static CertificateFacts certificate(TargetResult r) {
        return assertInstanceOf(TlsFacts.Established.class, r.tlsFacts(), codes(r).toString()).certificate();
    }

    @Test
    void certificateNamingTheHostOnlyInALessSpecificOfSeveralCommonNames() throws Exception {
        TargetResult r = probe(severalCommonNames, severalCommonNames);
        var cnOnly = finding(r, SmtpCodes.SMTP_CERT_NAME_ONLY_IN_CN);
        assertEquals(Severity.WARNING, cnOnly.severity());
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, cnOnly.actor());
        assertEquals("The server's certificate names mx.example.test only in one of its subject common names "
                + "(mx.example.test, other.example.test), not in the most specific one (other.example.test), and it "
                + "has no DNS subject alternative name. Senders that check only the most specific common name "
                + "(RFC 2818, Java) reject the certificate; senders that try every common name (OpenSSL up to "
                + "version 3, which Postfix uses for the check) accept it; senders that apply an MTA-STS policy "
                + "(RFC 8461) and newer name checks (RFC 9525, OpenSSL's current default) ignore common names.",
                cnOnly.message());
        // '[mx.example.test]' is a host the user named: the advice names it and does not call it an MX host
        assertEquals("The server's mail team should replace the certificate with one that lists mx.example.test "
                + "as a subject alternative name (public CAs issue only such certificates today); until then "
                + "senders that verify certificates may refuse it.", cnOnly.remediation());
        assertEquals("Please replace the certificate with one that lists mx.example.test as a subject alternative "
                + "name (public CAs issue only such certificates today); until then senders that verify certificates "
                + "may refuse it.", cnOnly.mailTeamRemediation());
        assertEquals("Serverns e-postteam bör byta till ett certifikat som har mx.example.test som alternativt namn "
                + "(SAN) (publika certifikatutfärdare utfärdar bara sådana certifikat i dag); till dess kan avsändare "
                + "som kontrollerar certifikat avvisa det.", cnOnly.remediation(Locale.of("sv")));
        assertEquals("Serverns certifikat anger mx.example.test bara i ett av sina ämnesnamn (CN: mx.example.test, "
                + "other.example.test), inte i det mest specifika (other.example.test), och det har inget "
                + "alternativt DNS-namn (SAN). Avsändare som bara kontrollerar det mest specifika ämnesnamnet "
                + "(RFC 2818, Java) avvisar certifikatet; avsändare som prövar varje ämnesnamn (OpenSSL till och med "
                + "version 3, som Postfix använder för kontrollen) godtar det; avsändare som tillämpar en "
                + "MTA-STS-policy (RFC 8461) och nyare namnkontroller (RFC 9525, OpenSSL:s nuvarande "
                + "standardinställning) bortser från CN.", cnOnly.message(Locale.of("sv")));
        assertEquals(List.of(SmtpCodes.SMTP_CAPABILITIES, SmtpCodes.SMTP_TLS_OK, SmtpCodes.SMTP_CERT_NAME_ONLY_IN_CN),
                codes(r));
        // the facts stay those of a CN-only match: MTA-STS refuses it either way (RFC 8461 §4.2)
        assertEquals(new CertificateFacts(Trust.TRUSTED, false, false, NameMatch.COMMON_NAME_ONLY, List.of(),
                List.of("mx.example.test", "other.example.test")), certificate(r));
    }

    @Test
    void certificateNamingTheHostOnlyInItsCommonName() throws Exception {
        TargetResult r = probe(commonNameOnly, commonNameOnly);
        var cnOnly = finding(r, SmtpCodes.SMTP_CERT_NAME_ONLY_IN_CN);
        assertEquals(Severity.INFO, cnOnly.severity());
        assertEquals("The server's certificate names mx.example.test only in its subject common name "
                + "(mx.example.test); it has no DNS subject alternative name. Senders that check names the "
                + "traditional way (RFC 6125's fallback, as Postfix and Java do) still accept that, but senders that "
                + "apply an MTA-STS policy do not (RFC 8461), and newer name checks ignore the common name (RFC 9525, "
                + "OpenSSL's current default).", cnOnly.message());
        // the general check (RFC 6125's fall-back to the CN) is content, so the server is fine for the probe
        assertFalse(codes(r).contains(SmtpCodes.SMTP_CERT_NAME_MISMATCH), codes(r).toString());
        assertEquals(SmtpCodes.SMTP_OK, r.findings().getFirst().code(), codes(r).toString());
        assertEquals("The server's mail team should replace the certificate with one that lists mx.example.test as a "
                + "subject alternative name (public CAs issue only such certificates today), before a domain whose "
                + "mail it receives publishes an MTA-STS policy in enforce mode.", cnOnly.remediation());
        assertNoMxHostClaim(cnOnly);
        assertEquals(new CertificateFacts(Trust.TRUSTED, false, false, NameMatch.COMMON_NAME_ONLY, List.of(),
                List.of("mx.example.test")), certificate(r));
    }

    @Test
    void wildcardCertificateCoversTheMxHost() throws Exception {
        TargetResult r = probe(wildcard, wildcard);
        assertFalse(codes(r).contains(SmtpCodes.SMTP_CERT_NAME_MISMATCH), codes(r).toString());
        assertEquals(NameMatch.SUBJECT_ALT_NAME, certificate(r).name());
    }

    @Test
    void expiredSelfSignedCertificate() throws Exception {
        TargetResult r = probe(expiredSelfSigned, null);
        assertEquals(Severity.ERROR, finding(r, SmtpCodes.SMTP_CERT_EXPIRED).severity());
        assertEquals(Severity.WARNING, finding(r, SmtpCodes.SMTP_CERT_SELF_SIGNED).severity());
        assertFalse(codes(r).contains(SmtpCodes.SMTP_CERT_UNTRUSTED), "self-signed says it already");
        assertFalse(codes(r).contains(SmtpCodes.SMTP_CERT_NAME_MISMATCH));
        assertTrue(clientLines(r).contains("QUIT"), "certificate problems do not end the conversation");
        var selfSigned = finding(r, SmtpCodes.SMTP_CERT_SELF_SIGNED);
        assertTrue(selfSigned.remediation().endsWith(" The server's mail team should install a certificate from a "
                + "public CA (e.g. Let's Encrypt) for mx.example.test."), selfSigned.remediation());
        assertTrue(selfSigned.mailTeamRemediation().startsWith("Please install a certificate from a public CA (e.g. "
                + "Let's Encrypt) for mx.example.test. "), selfSigned.mailTeamRemediation());
        assertTrue(selfSigned.remediation(Locale.of("sv")).endsWith("för mx.example.test."),
                selfSigned.remediation(Locale.of("sv")));
        assertNoMxHostClaim(selfSigned);
        assertEquals(new CertificateFacts(Trust.SELF_SIGNED, true, false, NameMatch.SUBJECT_ALT_NAME,
                List.of("mx.example.test"), List.of("mx.example.test")), certificate(r));
    }

    @Test
    void certificateNotYetValid() throws Exception {
        TargetResult r = probe(notYetValid, notYetValid);
        finding(r, SmtpCodes.SMTP_CERT_NOT_YET_VALID);
        assertFalse(codes(r).contains(SmtpCodes.SMTP_CERT_UNTRUSTED), codes(r).toString());
        assertEquals(new CertificateFacts(Trust.TRUSTED, false, true, NameMatch.SUBJECT_ALT_NAME,
                List.of("mx.example.test"), List.of("mx.example.test")), certificate(r));
    }

    @Test
    void certificateForAnotherName() throws Exception {
        TargetResult r = probe(otherName, otherName);
        var mismatch = finding(r, SmtpCodes.SMTP_CERT_NAME_MISMATCH);
        assertTrue(mismatch.message().contains("mx.example.test"), mismatch.message());
        assertTrue(mismatch.message().contains("www.other.example.test"), mismatch.message());
        assertEquals(Severity.WARNING, mismatch.severity());
        assertTrue(mismatch.remediation().startsWith("Senders that reach the server by the name mx.example.test and "
                + "verify certificates fail"), mismatch.remediation());
        assertTrue(mismatch.remediation().contains("If senders do not use mx.example.test, probe the recipient's "
                + "domain (mailpath probe DOMAIN)"), mismatch.remediation());
        assertTrue(mismatch.remediation(Locale.of("sv")).startsWith("Avsändare som når servern med namnet "
                + "mx.example.test"), mismatch.remediation(Locale.of("sv")));
        assertTrue(mismatch.mailTeamRemediation().contains("mx.example.test among them"),
                mismatch.mailTeamRemediation());
        assertNoMxHostClaim(mismatch);
        assertEquals(NameMatch.NONE, certificate(r).name());
        assertEquals(List.of("other.example.test", "www.other.example.test"), certificate(r).dnsNames());
    }

    @Test
    void chainToAnUnknownCa() throws Exception {
        TargetResult r = probe(valid, null); // the JDK's cacerts do not know the test CA
        finding(r, SmtpCodes.SMTP_CERT_UNTRUSTED);
        assertFalse(codes(r).contains(SmtpCodes.SMTP_CERT_SELF_SIGNED));
        assertEquals(Trust.UNTRUSTED, certificate(r).trust());
    }

    @Test
    void starttlsRefusedLeavesThePlainConversationGoing() throws Exception {
        // RFC 3207 §4: "454 TLS not available due to temporary reason". Opportunistic senders go on in clear
        // (Postfix src/smtp/smtp_proto.c: "Else try to continue in plain-text mode"; Salesforce Help "Set Up
        // Transaction Layer Security": Preferred delivers unencrypted), so a 4yz is a WARNING, not an ERROR
        TargetResult r = probe(starttlsThen(c -> { }, "454 4.7.0 TLS not available due to local problem"), null,
                b -> b);
        var refused = finding(r, SmtpCodes.SMTP_STARTTLS_REJECTED);
        assertEquals(Severity.WARNING, refused.severity());
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, refused.actor());
        assertEquals("The server offers STARTTLS but refused it for now: 454 4.7.0 TLS not available due to local "
                + "problem. RFC 3207 makes this a temporary refusal (454 TLS not available due to temporary reason). "
                + "Meanwhile senders with opportunistic TLS deliver without encryption (Salesforce: TLS setting "
                + "Preferred), and senders that require TLS do not deliver (Salesforce: Required returns the email "
                + "to the sender).", refused.message());
        assertEquals("Repeat the probe later. If STARTTLS stays refused, the recipient's mail team must fix the "
                + "server's TLS set-up (often a missing or unreadable certificate or key file) or stop advertising "
                + "STARTTLS.", refused.remediation());
        assertEquals(List.of("EHLO probe.mailpath.test", "STARTTLS", "QUIT"), clientLines(r));
        assertEquals(new TlsFacts.Rejected(), r.tlsFacts());
        assertEquals(Severity.WARNING, r.worst(), codes(r).toString());
    }

    @Test
    void aPermanentRefusalOfAdvertisedStarttlsStaysAnError() throws Exception {
        TargetResult r = probe(starttlsThen(c -> { }, "502 5.5.1 command not implemented"), null, b -> b);
        var refused = finding(r, SmtpCodes.SMTP_STARTTLS_REJECTED);
        assertEquals(Severity.ERROR, refused.severity());
        assertEquals("The server offers STARTTLS but refused it: 502 5.5.1 command not implemented",
                refused.message());
        assertEquals(List.of("EHLO probe.mailpath.test", "STARTTLS", "QUIT"), clientLines(r));
        assertEquals(new TlsFacts.Rejected(), r.tlsFacts());
    }

    @Test
    void aTwoHundredReplyToStarttlsOtherThan220StartsTheHandshake() throws Exception {
        // RFC 3207 §4 lists 220 as the reply that starts TLS; RFC 5321 §4.3.2: clients "MUST be prepared to deal
        // with unrecognized reply codes by interpreting the first digit only", and 2yz is a positive completion
        TargetResult r = probe(starttlsThen(tlsThenAnswering(command -> "250 mx.example.test"),
                "250 2.0.0 go ahead"), valid, b -> b);
        assertFalse(codes(r).contains(SmtpCodes.SMTP_STARTTLS_REJECTED), codes(r).toString());
        assertEquals(List.of(SmtpCodes.SMTP_OK, SmtpCodes.SMTP_CAPABILITIES, SmtpCodes.SMTP_TLS_OK), codes(r));
        assertEquals(List.of("EHLO probe.mailpath.test", "STARTTLS", "EHLO probe.mailpath.test", "QUIT"),
                clientLines(r));
    }

    @Test
    void handshakeThatNeverStartsIsCutOff() throws Exception {
        TargetResult r = probe(starttlsThen(ServerConversation::silence, "220 go ahead"), null,
                b -> b.tlsTimeout(SHORT));
        var failed = finding(r, SmtpCodes.SMTP_TLS_HANDSHAKE_FAILED);
        assertTrue(failed.message().contains("no handshake completed within 0.3 s"), failed.message());
        assertEquals(new TlsFacts.HandshakeFailed(false), r.tlsFacts());
    }

    @Test
    void aHandshakeCutShortByTheConversationsCapShowsTheTimeActuallyWaited() throws Exception {
        // 20 s for the handshake, but the whole conversation may take only 1.5 s
        TargetResult r = probe(starttlsThen(ServerConversation::silence, "220 go ahead"), null,
                b -> b.tlsTimeout(Duration.ofSeconds(20)).targetLimit(Duration.ofMillis(1500)));
        String message = finding(r, SmtpCodes.SMTP_TLS_HANDSHAKE_FAILED).message();
        double shown = SmtpProbeRfcTest.waitedSeconds("The TLS handshake after STARTTLS failed: no handshake completed"
                + " within (\\d+\\.\\d) s\\. Salesforce logs this as 451 4\\.7\\.5 TLS negotiation failed\\.", message);
        assertTrue(shown > 0.5 && shown <= 1.5, message);
    }

    @Test
    void handshakeTrickledAByteAtATimeIsCutOff() throws Exception {
        TargetResult r = probe(starttlsThen(c -> {
            readClientHello(c);
            c.sendRaw(HexFormat.of().parseHex("160303ffff")); // a record header promising 64 KB …
            while (true) {
                c.sendRaw(new byte[] {0}); // … delivered one byte at a time
                c.pause(Duration.ofMillis(20));
            }
        }, "220 go ahead"), null, b -> b.tlsTimeout(SHORT));
        finding(r, SmtpCodes.SMTP_TLS_HANDSHAKE_FAILED);
    }

    @Test
    void serverThatAnswersWithTls10() throws Exception {
        // ServerHello, version 3.1 (TLS 1.0), TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA: what a TLS 1.0-only server sends
        String hello = "020000260301" + "11".repeat(32) + "00" + "c013" + "00";
        TargetResult r = probe(starttlsThen(c -> {
            readClientHello(c);
            c.sendRaw(HexFormat.of().parseHex("160301002a" + hello));
            c.silence();
        }, "220 go ahead"), null, b -> b);
        var old = finding(r, SmtpCodes.SMTP_TLS_OLD_PROTOCOL);
        assertTrue(old.message().contains("TLS 1.0"), old.message());
        // Salesforce Help, Set Up Transport Layer Security: under Preferred the mail may go unencrypted; it fails
        // only where our org requires TLS for the domain, which our admin checks
        assertTrue(old.message().contains("Required Verify") && old.message().contains("unencrypted"), old.message());
        assertTrue(old.remediation().contains("TLS 1.2") && old.remediation().contains("Restrict TLS to these domains"),
                old.remediation());
        assertFalse(codes(r).contains(SmtpCodes.SMTP_TLS_HANDSHAKE_FAILED));
        assertEquals(new TlsFacts.HandshakeFailed(true), r.tlsFacts());
    }

    @Test
    void serverThatRefusesTls12And13() throws Exception {
        TargetResult r = probe(starttlsThen(c -> {
            readClientHello(c);
            c.sendRaw(HexFormat.of().parseHex("15030100020246")); // fatal alert protocol_version
            c.silence();
        }, "220 go ahead"), null, b -> b);
        var old = finding(r, SmtpCodes.SMTP_TLS_OLD_PROTOCOL);
        assertTrue(old.message().contains("older than 1.2"), old.message());
    }

    @Test
    void garbageInsteadOfTls() throws Exception {
        TargetResult r = probe(starttlsThen(c -> {
            readClientHello(c);
            c.send("500 what is this");
            c.silence();
        }, "220 go ahead"), null, b -> b);
        finding(r, SmtpCodes.SMTP_TLS_HANDSHAKE_FAILED);
    }

    @Test
    void greetingRefusedAfterTlsIsAFindingNotSilence() throws Exception {
        TargetResult r = probe(starttlsThen(tlsThenAnswering(command -> "554 5.7.1 no service after TLS"),
                "220 go ahead"), valid, b -> b);
        var rejected = finding(r, SmtpCodes.SMTP_EHLO_REJECTED);
        assertEquals("The server rejected both EHLO and HELO: 554 5.7.1 no service after TLS", rejected.message());
        assertEquals(Severity.ERROR, rejected.severity());
        assertFalse(codes(r).contains(SmtpCodes.SMTP_OK), codes(r).toString());
        assertEquals(List.of("EHLO probe.mailpath.test", "STARTTLS", "EHLO probe.mailpath.test",
                "HELO probe.mailpath.test", "QUIT"), clientLines(r));
        assertEquals(Trust.TRUSTED, certificate(r).trust(), "TLS was up before the refusal");
    }

    @Test
    void aTemporaryRefusalOfEhloAfterTlsIsAWarningThatNamesTheStep() throws Exception {
        TargetResult r = probe(starttlsThen(tlsThenAnswering(command -> "421 4.3.2 shutting down"), "220 go ahead"),
                valid, b -> b);
        var refused = finding(r, SmtpCodes.SMTP_EHLO_REJECTED);
        assertEquals(Severity.WARNING, refused.severity());
        assertEquals("The server refused EHLO after STARTTLS for now: 421 4.3.2 shutting down. A 4yz reply is "
                + "temporary (RFC 5321), so senders keep the message and try another MX host or try again later.",
                refused.message());
        assertEquals("Servern avvisade EHLO efter STARTTLS tills vidare: 421 4.3.2 shutting down. Ett 4yz-svar är "
                + "tillfälligt (RFC 5321), så avsändare behåller meddelandet och försöker med en annan MX-värd eller "
                + "igen senare.", refused.message(Locale.of("sv")));
        // no HELO after a 421, which closes the channel (RFC 5321 §3.8; Postfix smtp_proto.c defers on it)
        assertEquals(List.of("EHLO probe.mailpath.test", "STARTTLS", "EHLO probe.mailpath.test", "QUIT"),
                clientLines(r));
        assertFalse(codes(r).contains(SmtpCodes.SMTP_OK), codes(r).toString());
    }

    @Test
    void aTemporaryRefusalOfEhloAfterTlsIsFollowedByHeloAsPostfixSendsIt() throws Exception {
        // Postfix src/smtp/smtp_proto.c: after STARTTLS smtp_helo runs the same EHLO, then HELO unless 421
        TargetResult r = probe(ScriptedSmtp.standard().startTls(valid.serverContext())
                .ehloReplyAfterTls("450 4.3.2 try again later"), valid, b -> b);
        assertEquals(List.of("EHLO probe.mailpath.test", "STARTTLS", "EHLO probe.mailpath.test",
                "HELO probe.mailpath.test", "QUIT"), clientLines(r));
        var refused = finding(r, SmtpCodes.SMTP_EHLO_REJECTED);
        assertEquals(Severity.WARNING, refused.severity());
        assertEquals("The server refused EHLO after STARTTLS for now (450 4.3.2 try again later) but accepted "
                + "HELO. Senders fall back to HELO the same way (Postfix; Exim before STARTTLS) and then go on "
                + "without SMTP extensions: before STARTTLS that means without STARTTLS, so mail travels "
                + "unencrypted and deliveries that require TLS fail.", refused.message());
        assertEquals(List.of(SmtpCodes.SMTP_CAPABILITIES, SmtpCodes.SMTP_TLS_OK, SmtpCodes.SMTP_EHLO_REJECTED),
                codes(r));
        assertEquals("Inside TLS (after STARTTLS) the server offers: none of the common extensions; not: SIZE,"
                + " 8BITMIME, SMTPUTF8, PIPELINING, CHUNKING, REQUIRETLS.",
                finding(r, SmtpCodes.SMTP_CAPABILITIES).message(), "after HELO inside TLS, no extensions");
        assertEquals(Trust.TRUSTED, certificate(r).trust(), "TLS was up before the refusal");
    }

    /**
     * RFC 3207 §4.2: after TLS the client discards what it knew, and the EHLO inside TLS is what senders that use
     * STARTTLS see. The finding says so and agrees with the result's capabilities (the JSON's "capabilities"); the
     * reviewer saw "offers: STARTTLS; not: … 8BITMIME" beside a JSON list of [8BITMIME]. STARTTLS is no longer in
     * the list: RFC 3207 §4.2 forbids offering it again, so "not: STARTTLS" would read as if TLS were missing.
     */
    @Test
    void theCapabilitiesReportedAreThoseInsideTls() throws Exception {
        TargetResult r = probe(starttlsThen(tlsThenAnswering(command -> command.startsWith("EHLO")
                ? "250-mx.example.test\r\n250 8BITMIME" : "250 ok"), "220 2.0.0 go ahead"), valid, b -> b);
        assertEquals(List.of("EHLO probe.mailpath.test", "STARTTLS", "EHLO probe.mailpath.test", "QUIT"),
                clientLines(r));
        assertEquals(Set.of("8BITMIME"), r.capabilities().keywords());
        Finding caps = finding(r, SmtpCodes.SMTP_CAPABILITIES);
        assertEquals("Inside TLS (after STARTTLS) the server offers: 8BITMIME; not: SIZE, SMTPUTF8, PIPELINING,"
                + " CHUNKING, REQUIRETLS.", caps.message());
        assertEquals("Inom TLS (efter STARTTLS) erbjuder servern: 8BITMIME; inte: SIZE, SMTPUTF8, PIPELINING,"
                + " CHUNKING, REQUIRETLS.", caps.message(Locale.of("sv")));
        assertTrue(caps.evidence().stream().anyMatch(l -> l.endsWith("S: 250 8BITMIME")), caps.evidence().toString());
        assertEquals(List.of(SmtpCodes.SMTP_OK, SmtpCodes.SMTP_CAPABILITIES, SmtpCodes.SMTP_TLS_OK), codes(r),
                "in its place, once");
    }

    /** A failed handshake leaves the list before TLS, which is then what the result carries too. */
    @Test
    void withoutTlsTheCapabilitiesReportedAreThoseBeforeIt() throws Exception {
        TargetResult r = probe(starttlsThen(c -> { }, "454 4.7.0 TLS not available"), valid, b -> b);
        assertEquals("The server offers: STARTTLS; not: SIZE, 8BITMIME, SMTPUTF8, PIPELINING, CHUNKING, REQUIRETLS.",
                finding(r, SmtpCodes.SMTP_CAPABILITIES).message());
        assertEquals(Set.of("STARTTLS"), r.capabilities().keywords());
    }

    /** Plain greeting and EHLO offering STARTTLS, then {@code reply} to STARTTLS and, if a 2yz, the given raw behaviour. */
    static FakeSmtpServer.Behaviour starttlsThen(FakeSmtpServer.Behaviour afterwards, String reply) {
        return c -> {
            c.send("220 mx.example.test ESMTP");
            String line;
            while ((line = c.readLine()) != null) {
                if (line.startsWith("EHLO")) {
                    c.send("250-mx.example.test");
                    c.send("250 STARTTLS");
                } else if (line.equals("STARTTLS")) {
                    c.send(reply);
                    if (reply.startsWith("2")) {
                        afterwards.handle(c);
                        return;
                    }
                } else if (line.equals("QUIT")) {
                    c.send("221 bye");
                    return;
                } else {
                    c.send("250 ok");
                }
            }
        };
    }

    /**
     * After the handshake (with the valid certificate), the reply {@code reply} gives each command but QUIT, which
     * gets 221.
     */
    private FakeSmtpServer.Behaviour tlsThenAnswering(UnaryOperator<String> reply) {
        return c -> {
            c.startTls(valid.serverContext());
            String line;
            while ((line = c.readLine()) != null) {
                if (line.equals("QUIT")) {
                    c.send("221 bye");
                    return;
                }
                c.send(reply.apply(line));
            }
        };
    }

    /** Reads one TLS record (the ClientHello) so the reply comes after it, as a real server's would. */
    static void readClientHello(ServerConversation c) throws Exception {
        DataInputStream in = new DataInputStream(c.rawInput());
        byte[] header = new byte[5];
        in.readFully(header);
        in.readFully(new byte[((header[3] & 0xff) << 8) | (header[4] & 0xff)]);
    }
}
