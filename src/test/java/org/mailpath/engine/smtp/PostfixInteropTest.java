package org.mailpath.engine.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.mailpath.engine.smtp.SmtpProbeFakeServerTest.clientLines;
import static org.mailpath.engine.smtp.SmtpProbeFakeServerTest.codes;
import static org.mailpath.engine.smtp.SmtpProbeFakeServerTest.finding;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.finding.Severity;
import org.mailpath.testing.smtp.FakeDns;
import org.mailpath.testing.smtp.PostfixInstance;
import org.mailpath.testing.smtp.TestCertificates;

/**
 * The probe against a real Postfix started by the test (self-signed certificate, STARTTLS on one port and off on
 * another). Skips when Postfix cannot run here, unless MAILPATH_REQUIRE_INTEROP=true.
 */
class PostfixInteropTest {

    static PostfixInstance postfix;
    final FakeDns dns = new FakeDns().loopbackNamed("mx.interop.test");

    @BeforeAll
    static void startPostfix() throws Exception {
        Optional<String> missing = PostfixInstance.unavailableReason();
        if (missing.isPresent()) {
            if ("true".equals(System.getenv("MAILPATH_REQUIRE_INTEROP"))) {
                fail("MAILPATH_REQUIRE_INTEROP=true but " + missing.get());
            }
            Assumptions.abort("Postfix interop skipped: " + missing.get());
        }
        TestCertificates.Material cert = TestCertificates.shared()
                .selfSigned("mx.interop.test", "dns:mx.interop.test", "-1d", 30);
        Path dir = Files.createTempDirectory("mailpath-postfix-pem");
        Path chain = dir.resolve("chain.pem");
        Path key = dir.resolve("key.pem");
        cert.writePem(chain, key);
        try {
            postfix = PostfixInstance.start(chain, key, Duration.ofMinutes(2));
        } finally {
            Files.deleteIfExists(chain);
            Files.deleteIfExists(key);
            Files.deleteIfExists(dir);
        }
    }

    @AfterAll
    static void stopPostfix() throws Exception {
        if (postfix != null) {
            postfix.close();
        }
    }

    TargetResult probe(int port, Optional<String> rcpt) {
        SmtpProbeOptions options = SmtpProbeOptions.builder().port(port).heloName("probe.mailpath.test")
                .rcpt(rcpt).connectTimeout(Duration.ofSeconds(30)).commandTimeout(Duration.ofSeconds(60))
                .bannerLimit(Duration.ofSeconds(60)).build();
        return new SmtpProbe(dns, options, ReplyDecoder.NONE)
                .probe(List.of("[mx.interop.test]"), SmtpProbeListener.NONE, Cancellation.none())
                .targets().getFirst();
    }

    @Test
    void starttlsWithASelfSignedCertificate() {
        TargetResult r = probe(postfix.tlsPort(), Optional.empty());
        finding(r, SmtpCodes.SMTP_TLS_OK);
        assertEquals(Severity.WARNING, finding(r, SmtpCodes.SMTP_CERT_SELF_SIGNED).severity());
        assertFalse(codes(r).contains(SmtpCodes.SMTP_CERT_NAME_MISMATCH), codes(r).toString());
        assertFalse(codes(r).contains(SmtpCodes.SMTP_CERT_EXPIRED));
        assertEquals(List.of("EHLO probe.mailpath.test", "STARTTLS", "EHLO probe.mailpath.test", "QUIT"),
                clientLines(r), postfix.log());
        assertTrue(r.capabilities().has("PIPELINING") && r.capabilities().has("8BITMIME"),
                r.capabilities().toString());
        assertTrue(r.capabilities().sizeLimit().isPresent());
    }

    @Test
    void noStarttlsWhenSwitchedOff() {
        TargetResult r = probe(postfix.plainPort(), Optional.empty());
        finding(r, SmtpCodes.SMTP_NO_STARTTLS);
        assertTrue(r.tls().isEmpty());
        assertEquals("mx.interop.test", r.transcript().stream()
                .filter(l -> l.direction() == TranscriptLine.Direction.SERVER).findFirst().orElseThrow().text()
                .split(" ")[1]);
    }

    @Test
    void serverLimitedToTls10And11() {
        TargetResult r = probe(postfix.oldTlsPort(), Optional.empty());
        var old = finding(r, SmtpCodes.SMTP_TLS_OLD_PROTOCOL);
        assertEquals(Severity.ERROR, old.severity());
        assertFalse(codes(r).contains(SmtpCodes.SMTP_TLS_OK), codes(r).toString());
    }

    @Test
    void unknownRecipientIsRejectedAndNoMessageIsSent() {
        TargetResult r = probe(postfix.plainPort(), Optional.of("nobody@interop.test"));
        var rejected = finding(r, SmtpCodes.SMTP_RCPT_REJECTED);
        assertTrue(rejected.message().contains("550 5.1.1"), rejected.message());
        assertTrue(clientLines(r).stream().noneMatch(l -> l.startsWith("DATA")));
    }

    @Test
    void knownRecipientIsAcceptedOverTls() {
        TargetResult r = probe(postfix.tlsPort(), Optional.of("known@interop.test"));
        finding(r, SmtpCodes.SMTP_RCPT_ACCEPTED);
        assertEquals(List.of("EHLO probe.mailpath.test", "STARTTLS", "EHLO probe.mailpath.test", "MAIL FROM:<>",
                "RCPT TO:<known@interop.test>", "RSET", "QUIT"), clientLines(r));
    }
}
