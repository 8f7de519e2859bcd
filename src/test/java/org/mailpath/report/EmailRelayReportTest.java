package org.mailpath.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.analysis.EmailLogAnalyzer;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.RelayHosts;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.ProgressListener;
import org.mailpath.engine.report.ReportBuilder;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.ReportOptions;

/**
 * A reviewer's log of an org whose mail all goes through its Email Relay (smtp-relay.acme.example): the report for
 * gmail.com's mail team claimed one message "was handed to your mail servers and accepted" and blamed "your servers"
 * for the relay's refusal and outage. With the relay named, the report says the messages went via our Email Relay.
 */
class EmailRelayReportTest {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");

    @TempDir
    Path dir;

    private ReportModel model(RelayHosts relay, Locale language) throws Exception {
        Path log = dir.resolve("relay.csv");
        if (!Files.exists(log)) {
            try (InputStream in = EmailRelayReportTest.class.getResourceAsStream("/org/mailpath/cli/email-relay.csv")) {
                Files.copy(in, log);
            }
        }
        LogAnalysis a = new EmailLogAnalyzer().withRelayHosts(relay).analyze(log, ProgressListener.NONE,
                Cancellation.none());
        return new ReportBuilder(a, ReportOptions.defaults().withDomains(Set.of("gmail.com")).withLanguage(language))
                .build();
    }

    @Test
    void theNoteToTheRecipientsMailTeamNeverClaimsTheRelaysMailReachedTheirServers() throws Exception {
        ReportModel m = model(RelayHosts.of(List.of("smtp-relay.acme.example")), Locale.ENGLISH);
        String conclusion = m.conclusion();
        assertFalse(conclusion.contains("handed to your mail servers and accepted"), conclusion);
        assertTrue(conclusion.contains("was handed to our Email Relay and accepted by it"), conclusion);
        assertTrue(conclusion.contains("our own Email Relay"), conclusion);
        assertFalse(conclusion.contains("your servers reported a problem of their own"), conclusion);
        assertFalse(conclusion.contains("no mail server of your domain"), conclusion);
        String intro = ReportWording.of(m).mailTeamIntro(m);
        assertTrue(intro.contains("We send through our own Email Relay (smtp-relay.acme.example)"), intro);
        assertTrue(m.title().scope().stream().anyMatch(s -> s.startsWith("Email Relay: smtp-relay.acme.example")),
                m.title().scope().toString());
    }

    @Test
    void theSwedishReportSaysTheSame() throws Exception {
        ReportModel m = model(RelayHosts.of(List.of("198.51.100.25")), SWEDISH);
        assertTrue(m.conclusion().contains("lämnades över till vårt e-postrelä"), m.conclusion());
        assertFalse(m.conclusion().contains("lämnades över till era e-postservrar"), m.conclusion());
        assertTrue(ReportWording.of(m).mailTeamIntro(m).contains("Vi skickar via vårt eget e-postrelä"));
    }

    @Test
    void theHtmlSaysTheMessagesWentViaOurEmailRelay() throws Exception {
        ReportModel m = model(RelayHosts.of(List.of("smtp-relay.acme.example")), Locale.ENGLISH);
        String html = new String(ReportTestSupport.render(ReportFormat.HTML, m, "relay.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("our Email Relay"), "no word of the relay in the HTML");
        assertTrue(html.contains("smtp-relay.acme.example, our own relay"), "the relay is not named as ours");
    }

    @Test
    void withoutTheRelayNamedTheReportIsAsBefore() throws Exception {
        ReportModel m = model(RelayHosts.none(), Locale.ENGLISH);
        assertTrue(m.conclusion().contains("handed to your mail servers and accepted"), m.conclusion());
        assertFalse(m.conclusion().contains("Email Relay"), m.conclusion());
    }
}
