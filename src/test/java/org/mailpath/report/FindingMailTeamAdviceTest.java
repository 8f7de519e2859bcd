package org.mailpath.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.check.CheckReport;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.check.DomainCheckResult;
import org.mailpath.engine.dns.DnsFindingCodes;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.FindingTexts;
import org.mailpath.engine.finding.Severity;
import org.mailpath.engine.report.ReportBuilder;
import org.mailpath.engine.report.ReportFixture;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.ReportOptions;
import org.mailpath.engine.smtp.SmtpCodes;
import org.mailpath.engine.smtp.ProbeReport;
import org.mailpath.engine.smtp.ReplyDecoder;
import org.mailpath.engine.smtp.SmtpFindings;
import org.mailpath.engine.smtp.SmtpProbe;
import org.mailpath.engine.smtp.SmtpProbeListener;
import org.mailpath.engine.smtp.SmtpProbeOptions;
import org.mailpath.engine.status.StatusKnowledgeBase;
import org.mailpath.testing.smtp.FakeDns;
import org.mailpath.testing.smtp.FakeSmtpServer;
import org.mailpath.testing.smtp.ScriptedSmtp;

/**
 * The DNS and SMTP findings in the part for a recipient domain's mail team say their fix to that team (the findings
 * texts' words for it, else what the remediation says about their domain, else general words of the side that acts);
 * the remediation written to our admin stays in the model (JSON) and in our own side's part. The findings are worded
 * by the shipped bundles, as the MX check and the SMTP probe word them.
 */
class FindingMailTeamAdviceTest {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");
    private static final FindingTexts MX = FindingTexts.of("org.mailpath.engine.mx.findings");

    private static final String NULL_MX_TEAM = "Your domain declares with its null MX (RFC 7505) that it accepts no"
            + " mail, so mail to this address cannot be delivered. If nullmx.example should receive mail, please"
            + " replace the null MX (MX 0 .) with MX records naming your mail servers; if it should not, nothing is"
            + " needed from you: it is for us to use another address for this recipient.";
    private static final String RCPT_TEAM = "Your server rejected this address (see the reply). If the address is"
            + " right, please look into why and tell us if we should change something on our side; if it is wrong, it"
            + " is for us to correct it.";
    private static final String STARTTLS_TEAM = "Please enable STARTTLS on your server, with a certificate for the MX"
            + " host name. Until then our mail to you travels unencrypted, and it is for us to keep our Salesforce TLS"
            + " setting for your domain at Preferred, not Required.";
    private static final String NULL_MX_TEAM_SV = "Er domän anger med sin null-MX (RFC 7505) att den inte tar emot"
            + " någon e-post, så e-post till den här adressen kan inte levereras. Om nullmx.example ska ta emot e-post,"
            + " ersätt null-MX:en (MX 0 .) med MX-poster som pekar på era e-postservrar; om den inte ska det behöver ni"
            + " inte göra något: vi använder en annan adress för den här mottagaren.";
    private static final String RCPT_TEAM_SV = "Er server avvisade den här adressen (se svaret). Om adressen är rätt,"
            + " ta gärna reda på varför och säg till om vi behöver ändra något på vår sida; om den är fel rättar vi"
            + " den.";
    private static final String STARTTLS_TEAM_SV = "Aktivera gärna STARTTLS på er server, med ett certifikat för"
            + " MX-värdens namn. Till dess går vår e-post till er okrypterad, och vi behåller vår"
            + " TLS-inställning i Salesforce för er domän på Preferred, inte Required.";

    private static final String NULL_MX_ADMIN = "Mail to this domain cannot be delivered; ask the recipient for an"
            + " address at a domain that receives mail.";
    private static final String RCPT_ADMIN = "Check the address with the recipient; if it is right, their mail team"
            + " must explain the rejection (see the reply).";
    private static final String STARTTLS_ADMIN = "The recipient's mail team should enable STARTTLS with a certificate"
            + " for the MX host name; until then the sender's Salesforce TLS setting for this domain must be Preferred,"
            + " not Required.";

    @Test
    void theMailTeamPartSpeaksToTheTeamInEnglish() {
        ReportModel model = model(Locale.ENGLISH, false);
        assertEquals(NULL_MX_TEAM, finding(model, "nullmx.example", DnsFindingCodes.MX_NULL).mailTeamRemediation());
        assertEquals(RCPT_TEAM, finding(model, "contoso.example", SmtpCodes.SMTP_RCPT_REJECTED).mailTeamRemediation());
        assertEquals(STARTTLS_TEAM, finding(model, "plain.example", SmtpCodes.SMTP_NO_STARTTLS).mailTeamRemediation());
        // the model's remediation (the JSON's) stays our admin's
        assertEquals(NULL_MX_ADMIN, finding(model, "nullmx.example", DnsFindingCodes.MX_NULL).remediation());
        assertEquals(RCPT_ADMIN, finding(model, "contoso.example", SmtpCodes.SMTP_RCPT_REJECTED).remediation());
        assertEquals(STARTTLS_ADMIN, finding(model, "plain.example", SmtpCodes.SMTP_NO_STARTTLS).remediation());
    }

    @Test
    void theMailTeamPartSpeaksToTheTeamInSwedish() {
        ReportModel model = model(SWEDISH, false);
        assertEquals(NULL_MX_TEAM_SV, finding(model, "nullmx.example", DnsFindingCodes.MX_NULL).mailTeamRemediation());
        assertEquals(RCPT_TEAM_SV, finding(model, "contoso.example", SmtpCodes.SMTP_RCPT_REJECTED)
                .mailTeamRemediation());
        assertEquals(STARTTLS_TEAM_SV, finding(model, "plain.example", SmtpCodes.SMTP_NO_STARTTLS)
                .mailTeamRemediation());
        assertTrue(finding(model, "nullmx.example", DnsFindingCodes.MX_NULL).remediation()
                .startsWith("E-post till den här domänen kan inte levereras. Be mottagaren"),
                "the admin's words, in Swedish");
    }

    @Test
    void ourSidesPartKeepsTheAdminsWords() {
        ReportModel model = model(Locale.ENGLISH, false);
        List<Finding> own = model.ownSide().domains().stream().filter(d -> d.domain().equals("acme.example"))
                .findFirst().orElseThrow().findings();
        assertEquals(List.of("", ""), own.stream().map(Finding::mailTeamRemediation).toList());
        assertEquals(List.of(STARTTLS_ADMIN, STARTTLS_ADMIN), own.stream().map(ReportWording::fix).toList());
    }

    @Test
    void everyFormatPrintsTheTeamsWordsInTheirPartAndTheAdminsInOurs() throws IOException {
        for (Locale language : List.of(Locale.ENGLISH, SWEDISH)) {
            boolean sv = language.equals(SWEDISH);
            ReportModel model = model(language, true);
            String fix = sv ? "Åtgärd: " : "Fix: ";
            List<String> team = sv ? List.of(NULL_MX_TEAM_SV, RCPT_TEAM_SV, STARTTLS_TEAM_SV)
                    : List.of(NULL_MX_TEAM, RCPT_TEAM, STARTTLS_TEAM);
            String text = new String(ReportTestSupport.render(ReportFormat.TEXT, model, "finding-mail-team"),
                    StandardCharsets.UTF_8).replaceAll("\\s+", " ");
            String html = new String(ReportTestSupport.render(ReportFormat.HTML, model, "finding-mail-team"),
                    StandardCharsets.UTF_8);
            String pdf;
            try (PDDocument doc = Loader.loadPDF(ReportTestSupport.render(ReportFormat.PDF, model,
                    "finding-mail-team"))) {
                pdf = PdfReportRendererTest.squeeze(new PDFTextStripper().getText(doc));
            }
            for (String words : team) {
                assertTrue(text.contains(fix + words), words);
                assertTrue(html.contains(org.mailpath.report.html.HtmlReportRenderer.esc(words)), words);
                assertTrue(pdf.contains(PdfReportRendererTest.squeeze(fix + words)), words);
            }
            if (!sv) {
                // the admin's own STARTTLS finding (our side's part, the text format has none) and no admin words
                // in the recipients' part
                assertTrue(html.contains(org.mailpath.report.html.HtmlReportRenderer.esc(STARTTLS_ADMIN)), html);
                assertTrue(pdf.contains(PdfReportRendererTest.squeeze(fix + STARTTLS_ADMIN)));
                assertFalse(text.contains("ask the recipient"), text);
                assertFalse(text.contains("the recipient's mail team"), text);
            }
        }
    }

    @Test
    void aRefusalTheKnowledgeBaseLaysOnOurSideTellsTheMailTeamNothingIsNeededFromThem() throws Exception {
        // the probe's own finding for a refused RCPT whose knowledge-base entry (X.1.6) is our side's to correct and
        // has no words for the recipient's mail team: their part shows our side's general words, in both languages,
        // never the RCPT code's "Your server rejected this address ... please look into why"
        String reply = "550 5.1.6 <moved@contoso.example>: recipient has moved, no forwarding address";
        Finding rcpt;
        try (FakeSmtpServer server = FakeSmtpServer.start(ScriptedSmtp.standard().rcptReply(reply))) {
            SmtpProbeOptions options = SmtpProbeOptions.builder().port(server.port()).heloName("probe.mailpath.test")
                    .connectTimeout(Duration.ofSeconds(20)).bannerLimit(Duration.ofSeconds(20))
                    .commandTimeout(Duration.ofSeconds(20)).slowBanner(Duration.ofSeconds(20))
                    .rcpt(Optional.of("moved@contoso.example")).build();
            ProbeReport probed = new SmtpProbe(new FakeDns().loopbackNamed("mx1.contoso.example"), options,
                    ReplyDecoder.of(StatusKnowledgeBase.standard()))
                    .probe(List.of("[mx1.contoso.example]"), SmtpProbeListener.NONE, Cancellation.none());
            rcpt = probed.targets().getFirst().findings().stream()
                    .filter(x -> x.code().equals(SmtpCodes.SMTP_RCPT_REJECTED)).findFirst().orElseThrow();
        }
        assertEquals(Actor.SENDER_ADMIN, rcpt.actor());
        for (Locale language : List.of(Locale.ENGLISH, SWEDISH)) {
            ReportFixture f = new ReportFixture("finding-mail-team-ours.csv");
            f.message("<u1@host.example>", "moved@contoso.example").received().delivery("mx1.contoso.example",
                    "192.0.2.100", "250 ok", "TLSv1.3:X").delivered();
            ReportModel model = new ReportBuilder(f.analysis(), ReportOptions.defaults().withLanguage(language))
                    .extraFindings("contoso.example", List.of(rcpt)).rawRows(f.rawRows()).build();
            String shown = finding(model, "contoso.example", SmtpCodes.SMTP_RCPT_REJECTED).mailTeamRemediation();
            assertEquals(language.equals(SWEDISH)
                    ? "Det här ligger på vår sida, och det ansvarar vi för; ert e-postteam behöver inte göra något."
                    : "This lies on our side, for us to correct; nothing is needed from your mail team.", shown);
            String text = new String(ReportTestSupport.render(ReportFormat.TEXT, model, "finding-mail-team-ours"),
                    StandardCharsets.UTF_8).replaceAll("\\s+", " ");
            assertTrue(text.contains(shown), text);
            assertFalse(text.contains(RCPT_TEAM) || text.contains(RCPT_TEAM_SV), text);
        }
    }

    private static ReportModel model(Locale language, boolean redact) {
        ReportFixture f = new ReportFixture("finding-mail-team.csv");
        String nullMx = "550 5.4.4 [internal] NULL MX domain does not accept mail";
        f.message("<n1@host.example>", "a@nullmx.example").received().permanentFailure("", "", nullMx)
                .bounced(org.mailpath.engine.status.StatusKnowledgeBase.standard()
                        .diagnose(org.mailpath.engine.status.SmtpReply.parse(nullMx)));
        f.message("<u1@host.example>", "nobody@contoso.example").received().delivery("mx1.contoso.example",
                "192.0.2.100", "250 ok", "TLSv1.3:X").delivered();
        f.message("<p1@host.example>", "y@plain.example").received().delivery("mx.plain.example",
                "192.0.2.151", "250 ok", ":").delivered();
        Finding mxNull = MX.finding(DnsFindingCodes.MX_NULL, Severity.ERROR, "nullmx.example",
                List.of("nullmx.example. 3600 IN MX 0 ."), Actor.RECIPIENT_MAIL_TEAM, "MX_NULL.alone",
                "nullmx.example");
        Finding rcpt = SmtpFindings.of(SmtpCodes.SMTP_RCPT_REJECTED, "mx1.contoso.example [192.0.2.100]:25",
                List.of("<<< 550 5.1.1 User unknown"), "nobody@contoso.example", "550 5.1.1 User unknown",
                "The mailbox does not exist.");
        Finding noTls = SmtpFindings.of(SmtpCodes.SMTP_NO_STARTTLS, "mx.plain.example [192.0.2.151]:25",
                List.of("<<< 250-mx.plain.example"));
        Finding ownNoTls = SmtpFindings.of(SmtpCodes.SMTP_NO_STARTTLS, "mx.acme.example [192.0.2.9]:25",
                List.of("<<< 250-mx.acme.example"));
        CheckReport checks = new CheckReport(List.of(
                new DomainCheckResult("nullmx.example", List.of(mxNull), List.of()),
                new DomainCheckResult("acme.example", List.of(ownNoTls, ownNoTls), List.of())));
        return new ReportBuilder(f.analysis(), ReportOptions.defaults().withRedaction(redact).withLanguage(language))
                .checks(checks).extraFindings("contoso.example", List.of(rcpt))
                .extraFindings("plain.example", List.of(noTls)).rawRows(f.rawRows()).build();
    }

    private static Finding finding(ReportModel model, String domain, String code) {
        return model.recipientDomains().stream().filter(s -> s.domain().equals(domain)).findFirst()
                .orElseThrow(() -> new AssertionError(domain)).findings().stream()
                .filter(x -> x.code().equals(code)).findFirst().orElseThrow(() -> new AssertionError(code));
    }
}
