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
import org.mailpath.engine.report.CauseRow;
import org.mailpath.engine.report.MessageEntry;
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
        return model("email-relay.csv", "gmail.com", relay, language);
    }

    private ReportModel model(String file, String domain, RelayHosts relay, Locale language) throws Exception {
        Path log = dir.resolve(file);
        if (!Files.exists(log)) {
            try (InputStream in = EmailRelayReportTest.class.getResourceAsStream("/org/mailpath/cli/" + file)) {
                Files.copy(in, log);
            }
        }
        LogAnalysis a = new EmailLogAnalyzer().withRelayHosts(relay).analyze(log, ProgressListener.NONE,
                Cancellation.none());
        return new ReportBuilder(a, ReportOptions.defaults().withDomains(Set.of(domain)).withLanguage(language))
                .build();
    }

    /** A reviewer's mixed log: some of contoso.example's messages went via the relay, some straight to its MX. */
    private ReportModel mixed(Locale language) throws Exception {
        return model("email-relay-mixed.csv", "contoso.example", RelayHosts.of(List.of("smtp-relay.acme.example")),
                language);
    }

    @Test
    void aMixedLogCountsTheDeliveriesToTheRelayApartAndCaveatsTheSearch() throws Exception {
        String conclusion = mixed(Locale.ENGLISH).conclusion();
        assertTrue(conclusion.contains("1 was handed to your mail servers and accepted. 1 was handed to our Email"
                + " Relay and accepted by it"), conclusion);
        assertFalse(conclusion.contains("of them to our Email Relay"), conclusion);
        assertTrue(conclusion.contains("Those our Email Relay accepted reached your servers only if the relay"
                + " delivered them"), conclusion);
        String sv = mixed(SWEDISH).conclusion();
        assertTrue(sv.contains("lämnades över till vårt e-postrelä och togs emot av det"), sv);
        assertTrue(sv.contains("De som vårt e-postrelä tog emot nådde era servrar bara om"), sv);
    }

    /**
     * An intro-consistency reviewer: jo@northwind.example's "451 4.3.0 relay queue full" at our relay, a deferral,
     * was said to be the relay refusing the message, one that "denies relaying": a full queue is a fault or limit
     * of the relay's own, and the words say the relay refused or deferred it.
     */
    @Test
    void aDeferralByTheRelaysFullQueueIsNotCalledARefusalToRelay() throws Exception {
        ReportModel m = model("email-relay-mixed.csv", "northwind.example",
                RelayHosts.of(List.of("smtp-relay.acme.example")), Locale.ENGLISH);
        MessageEntry jo = m.recipientDomains().stream().flatMap(s -> s.messages().stream())
                .filter(e -> e.recipient().startsWith("jo@")).findFirst().orElseThrow();
        assertTrue(jo.explanation().contains("a temporary one (4.x.x, such as a full queue) is a fault or limit of"
                + " the relay's own"), jo.explanation());
        String conclusion = m.conclusion();
        assertFalse(conclusion.contains("Email Relay refused it,"), conclusion);
        assertTrue(conclusion.contains("deferred because our own Email Relay refused or deferred it, not your"
                + " servers"), conclusion);
    }

    @Test
    void aRefusalOfTheAddressByTheRelayIsTheRelaysNotTheirServers() throws Exception {
        ReportModel m = mixed(Locale.ENGLISH);
        MessageEntry ida = m.recipientDomains().stream().flatMap(s -> s.messages().stream())
                .filter(e -> e.recipient().startsWith("ida@")).findFirst().orElseThrow();
        assertFalse(ida.mailTeamRemediation().contains("Your server said"), ida.mailTeamRemediation());
        assertTrue(ida.mailTeamRemediation().startsWith("Our own Email Relay refused this address"),
                ida.mailTeamRemediation());
        assertTrue(ida.mailTeamExplanation().startsWith("Our own Email Relay refused the recipient's address"),
                ida.mailTeamExplanation());
        assertTrue(m.summary().causes().stream().noneMatch(c -> c.mailTeamRemediation().contains("Your server said")),
                m.summary().causes().toString());
        MessageEntry sv = mixed(SWEDISH).recipientDomains().stream().flatMap(s -> s.messages().stream())
                .filter(e -> e.recipient().startsWith("ida@")).findFirst().orElseThrow();
        assertTrue(sv.mailTeamRemediation().startsWith("Vårt eget e-postrelä avvisade"), sv.mailTeamRemediation());
    }

    @Test
    void theRelaysCategoriesAreLabelledAsTheRelaysAndTheIntroSaysWhoseRepliesTheyAre() throws Exception {
        ReportModel m = mixed(Locale.ENGLISH);
        List<String> labels = m.summary().causes().stream().map(CauseRow::label).toList();
        assertTrue(labels.contains("Our Email Relay (refused or deferred the message)"), labels.toString());
        assertTrue(labels.contains("Remote server problem"), labels.toString());
        ReportWording w = ReportWording.of(m);
        List<String> outcomes = m.recipientDomains().stream().flatMap(s -> s.messages().stream())
                .map(w::outcome).toList();
        assertTrue(outcomes.contains("Bounced – Our Email Relay (refused or deferred the message)"), outcomes.toString());
        assertTrue(outcomes.contains("Bounced – Remote server problem"), outcomes.toString());
        String intro = w.mailTeamIntro(m);
        assertTrue(intro.contains("the exact reply it got, from your servers or from our Email Relay"), intro);
        assertFalse(intro.contains("the exact reply your servers gave"), intro);
        ReportModel dns = model(RelayHosts.of(List.of("smtp-relay.acme.example")), Locale.ENGLISH);
        List<String> dnsLabels = dns.summary().causes().stream().map(CauseRow::label).toList();
        assertFalse(dnsLabels.contains("Recipient DNS"), dnsLabels.toString());
        assertTrue(dnsLabels.contains("Our Email Relay (DNS)"), dnsLabels.toString());
        ReportModel sv = mixed(SWEDISH);
        assertTrue(sv.summary().causes().stream().anyMatch(c -> c.label().equals("Vårt e-postrelä (avvisade"
                + " eller sköt upp meddelandet)")), sv.summary().causes().toString());
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
