package org.mailpath.ui.dnscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.check.CheckReport;
import org.mailpath.engine.check.DomainCheckResult;
import org.mailpath.engine.check.DomainChecker;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.mtasts.MtaStsFindingCodes;
import org.mailpath.engine.mtasts.MtaStsPolicy;
import org.mailpath.engine.mtasts.PublishedPolicy;
import org.mailpath.engine.report.ReportOptions;
import org.mailpath.engine.smtp.ReplyDecoder;
import org.mailpath.engine.smtp.SmtpCodes;
import org.mailpath.engine.status.StatusKnowledgeBase;
import org.mailpath.testing.dns.TestDnsServer;
import org.mailpath.testing.smtp.FakeSmtpServer;
import org.mailpath.testing.smtp.ScriptedSmtp;
import org.mailpath.testing.smtp.TestCertificates;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.SettingsStore;
import org.mailpath.ui.common.WizardSession;
import org.mailpath.ui.report.ReportExporter;
import org.mailpath.ui.testing.FakeDialogs;
import org.mailpath.ui.testing.ManualTaskRunner;
import org.mailpath.ui.testing.TestAnalyses;

/**
 * The step with the engine's real probe, all on loopback: MX hosts from the test DNS server (asked through the
 * resolver typed in the step), one fake SMTP server with STARTTLS and a rejecting RCPT, one address where nothing
 * listens. Every reply comes at once, so nothing depends on timing.
 */
class DnsCheckMailServerLoopbackTest {

    @TempDir
    Path dir;

    private final WizardSession session = new WizardSession();
    private final FakeDialogs dialogs = new FakeDialogs();
    private final DomainChecker noDnsChecks = (requests, options, listener, cancellation) ->
            new CheckReport(requests.stream().map(r -> new DomainCheckResult(r.domain(), List.of(), List.of())).toList());

    @Test
    void theRealProbeFillsRowsConversationFindingsAndReport() throws Exception {
        TestCertificates.Material cert = TestCertificates.shared().caSigned("mx1.example.test",
                "DNS:mx1.example.test", "-1d", 30);
        try (FakeSmtpServer server = FakeSmtpServer.start(ScriptedSmtp.standard()
                .banner("220 mx1.example.test ESMTP fake").ehloName("mx1.example.test")
                .startTls(cert.serverContext())
                .rcptReply("550 5.1.1 <nobody@example.test>: Recipient address rejected: User unknown"));
             TestDnsServer dns = TestDnsServer.builder().zone("example.test", """
                     @ SOA ns.example.test. hostmaster.example.test. 1 3600 600 86400 300
                     @ MX 10 mx1.example.test.
                     @ MX 20 mx2.example.test.
                     mx1 A 127.0.0.1
                     mx2 A 127.0.0.2
                     """).resolver("127.0.3.1").start()) {
            MailServerProbe probe = MailServerProbe.standard(() -> MailServerProbe.wizardSettings()
                            .port(server.port()).heloName("probe.mailpath.test")
                            .trustStore(Optional.of(cert.trust())).build(),
                    () -> ReplyDecoder.of(StatusKnowledgeBase.standard()));
            DnsCheckViewModel m = new DnsCheckViewModel(noDnsChecks, probe, ManualTaskRunner.atOnce(), dialogs,
                    SettingsStore.open(dir.resolve("s.properties")), session, Messages.forLocale(Locale.ENGLISH),
                    CheckOptions.defaults());
            m.resolversProperty().set(dns.resolverSpec());
            m.recipientDomains().add("example.test");
            m.probeServersProperty().set(true);
            m.rcptTestProperty().set(true);
            m.rcptAddressProperty().set("nobody@example.test");
            m.run();

            assertEquals(ChecksState.DONE, m.stateProperty().get(), m.errorTextProperty().get());
            CheckRow mx1 = row(m, "SMTP mx1.example.test [127.0.0.1]");
            CheckRow mx2 = row(m, "SMTP mx2.example.test [127.0.0.2]");
            assertEquals(CheckState.ERROR, mx1.state(), "the address was refused");
            assertTrue(mx1.summaryProperty().get().startsWith("The server rejected the recipient nobody@example.test:"
                    + " 550 5.1.1"), mx1.summaryProperty().get());
            assertEquals(CheckState.ERROR, mx2.state());
            assertTrue(mx2.summaryProperty().get().contains("refused the connection"), mx2.summaryProperty().get());
            assertEquals("", m.probeNoticeProperty().get(), "a refusal proves the port is open here");

            m.selectedRowProperty().set(mx1);
            String text = m.transcriptProperty().get();
            assertTrue(text.startsWith("mx1.example.test [127.0.0.1]:" + server.port()
                    + " — a mail server of example.test · MX preference 10\n"), text);
            // the EHLO inside TLS, as the result's capabilities (RFC 3207 §4.2)
            assertTrue(text.contains("\nEHLO: Inside TLS (after STARTTLS) the server offers: SIZE 10240000 (10.2 MB),"
                    + " 8BITMIME, SMTPUTF8, PIPELINING; not: CHUNKING, REQUIRETLS.\n"), text);
            assertTrue(text.contains("\nSTARTTLS: TLSv1."), text);
            assertTrue(text.contains("\n    certificate 0: subject=CN=mx1.example.test; issuer=CN=MailPath Test CA"), text);
            assertTrue(text.contains("\nCertificate: valid, trusted and issued for mx1.example.test\n"), text);
            String rcpt = text.lines().filter(l -> l.startsWith("RCPT test: ")).findFirst().orElseThrow();
            assertTrue(rcpt.startsWith("RCPT test: The server rejected the recipient nobody@example.test: 550 5.1.1"
                    + " <nobody@example.test>: Recipient address rejected: User unknown. "), rcpt);
            assertTrue(rcpt.length() > 140, "the reply is explained, not only quoted: " + rcpt);
            assertTrue(text.contains("  S  220 mx1.example.test ESMTP fake\n"), text);
            assertTrue(text.contains("  C  RCPT TO:<nobody@example.test>\n"), text);
            assertTrue(text.lines().noneMatch(l -> l.contains("  C  DATA")), "no message is ever sent");

            List<String> codes = new ArrayList<>(session.checks().domains().getFirst().findings().stream()
                    .map(Finding::code).toList());
            assertTrue(codes.containsAll(List.of(SmtpCodes.SMTP_RCPT_REJECTED, SmtpCodes.SMTP_CONNECT_REFUSED,
                    SmtpCodes.SMTP_TLS_OK, SmtpCodes.SMTP_CAPABILITIES)), codes.toString());

            var report = ReportExporter.standard().build(
                    TestAnalyses.of(List.of(TestAnalyses.bounced("nobody@example.test", 5))), session.checks(),
                    new ReportOptions(Set.of(), Set.of(), false, Instant.EPOCH, "test"), 0, List.of(),
                    Cancellation.none());
            List<String> reported = report.recipientDomains().stream()
                    .filter(s -> s.domain().equals("example.test")).findFirst().orElseThrow()
                    .findings().stream().map(Finding::code).toList();
            assertTrue(reported.containsAll(List.of(SmtpCodes.SMTP_RCPT_REJECTED, SmtpCodes.SMTP_CONNECT_REFUSED)),
                    reported.toString());
        }
    }

    @Test
    void theDomainsOwnMtaStsPolicyIsJudgedAgainstTheProbedServers() throws Exception {
        // the DNS checks hand on the policy they fetched (here given as such); the probe runs for real
        PublishedPolicy policy = new PublishedPolicy("example.test",
                new MtaStsPolicy("enforce", List.of("mx1.example.test"), 86400), List.of("policy evidence"));
        DomainChecker withPolicy = (requests, options, listener, cancellation) -> new CheckReport(requests.stream()
                .map(r -> new DomainCheckResult(r.domain(), List.of(), List.of(), Optional.of(policy))).toList());
        try (FakeSmtpServer server = FakeSmtpServer.start(ScriptedSmtp.standard()
                .banner("220 mx1.example.test ESMTP fake").ehloName("mx1.example.test"));
             TestDnsServer dns = TestDnsServer.builder().zone("example.test", """
                     @ SOA ns.example.test. hostmaster.example.test. 1 3600 600 86400 300
                     @ MX 10 mx1.example.test.
                     mx1 A 127.0.0.1
                     """).resolver("127.0.3.1").start()) {
            MailServerProbe probe = MailServerProbe.standard(() -> MailServerProbe.wizardSettings()
                            .port(server.port()).heloName("probe.mailpath.test").build(),
                    () -> ReplyDecoder.NONE);
            DnsCheckViewModel m = new DnsCheckViewModel(withPolicy, probe, ManualTaskRunner.atOnce(), dialogs,
                    SettingsStore.open(dir.resolve("s.properties")), session, Messages.forLocale(Locale.of("sv")),
                    CheckOptions.defaults());
            m.resolversProperty().set(dns.resolverSpec());
            m.recipientDomains().add("example.test");
            m.probeServersProperty().set(true);
            m.run();

            assertEquals(ChecksState.DONE, m.stateProperty().get(), m.errorTextProperty().get());
            Finding refused = m.groups().stream().flatMap(g -> g.findings().stream())
                    .filter(f -> f.code().equals(MtaStsFindingCodes.MTA_STS_HOST_REFUSED)).findFirst()
                    .orElseThrow(() -> new AssertionError(m.groups()));
            assertEquals("MTA-STS-policyn för example.test är i läget enforce, och ingen av domänens MX-värdar "
                    + "uppfyller den: mx1.example.test (den erbjuder inte STARTTLS). Avsändare som tillämpar policyn "
                    + "levererar ingen e-post alls till example.test.", refused.message(Locale.of("sv")));
            assertTrue(session.checks().domains().getFirst().findings().contains(refused));
            CheckRow servers = m.rows().stream().filter(r -> r.topic() instanceof RowTopic.MailServers).findFirst()
                    .orElseThrow();
            assertEquals(CheckState.of(List.of(refused)), servers.state(), "the table agrees with the findings");
            assertEquals(refused.message(Locale.of("sv")), servers.summaryProperty().get());
            assertEquals(Optional.of(policy), session.checks().domains().getFirst().mtaStsPolicy());
        }
    }

    private static CheckRow row(DnsCheckViewModel m, String label) {
        return m.rows().stream().filter(r -> r.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError(label + " not in " + m.rows().stream().map(CheckRow::label).toList()));
    }
}
