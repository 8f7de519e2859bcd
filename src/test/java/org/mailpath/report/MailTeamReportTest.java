package org.mailpath.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.report.CauseRow;
import org.mailpath.engine.report.MessageEntry;
import org.mailpath.engine.report.ReportBuilder;
import org.mailpath.engine.report.ReportFixture;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.ReportOptions;
import org.mailpath.engine.status.Diagnosis;
import org.mailpath.engine.status.SmtpReply;
import org.mailpath.engine.status.StatusKnowledgeBase;
import org.mailpath.report.html.HtmlReportRenderer;

/**
 * A report on one recipient domain ({@code --domain}, or the whole of a log with mail to that one domain) is what our
 * admin sends that domain's mail team: its summary speaks to that team as its title, its note and the part for it do.
 * A report on several domains keeps our admin's words. The replies are real ones, read by the shipped knowledge base.
 */
class MailTeamReportTest {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");
    private static final StatusKnowledgeBase KB = StatusKnowledgeBase.standard();

    private static final String STARTTLS = "451 4.7.4 [internal] STARTTLS required but not advertised";
    private static final String DMARC = "550 5.7.509 Access denied, sending domain ACME.EXAMPLE does not pass DMARC"
            + " verification and has a DMARC policy of reject.";
    private static final String BANNED = "550 5.7.606 Access denied, banned sending IP [198.51.100.201]. To request"
            + " removal from this list please visit https://sender.office.com/ and follow the directions.";
    private static final String FULL = "552 5.2.2 <full@northwind.example>: Mailbox full";

    @Test
    void theCausesTableOfAOneDomainReportSpeaksToThatDomainsMailTeam() {
        ReportModel model = model(Set.of("plain.example"), Locale.ENGLISH);
        assertTrue(model.addressedToMailTeam());
        CauseRow tls = model.summary().causes().getFirst();
        MessageEntry m = model.recipientDomains().getFirst().messages().getFirst();
        ReportWording words = ReportWording.of(model);
        // what the team must do, in the words its message has, and what the replies meant in its words too
        assertEquals(m.mailTeamRemediation(), ReportWording.causeFix(tls));
        assertTrue(ReportWording.causeFix(tls).startsWith("Please enable STARTTLS on your MX hosts"), tls.toString());
        assertEquals(m.mailTeamExplanation(), words.causeMeaning(tls));
        assertEquals("Your mail team", words.causeActor(model, tls));
        // the model's own fields stay our admin's, as a message's remediation does
        assertEquals(diagnosis(STARTTLS).remediation(), tls.remediation());
        assertEquals(diagnosis(STARTTLS).explanation(), tls.meaning());
    }

    @Test
    void causesOnOurSideSayWeActOnThem() {
        ReportModel model = model(Set.of("fabrikam.example"), Locale.ENGLISH);
        ReportWording words = ReportWording.of(model);
        CauseRow dmarc = cause(model, Actor.SENDER_ADMIN);
        assertEquals("Our message failed DMARC for our From domain, under our own DMARC policy: enabling Salesforce"
                + " DKIM signing for that domain, so that DKIM aligns and DMARC passes, is ours to do. Nothing is"
                + " needed from your mail team.", ReportWording.causeFix(dmarc));
        assertEquals("Our Salesforce admin", words.causeActor(model, dmarc));
        CauseRow banned = cause(model, Actor.SALESFORCE_SUPPORT);
        assertEquals("The cause is with Salesforce's sending servers, for us to take up with Salesforce support;"
                + " nothing is needed from your mail team.", ReportWording.causeFix(banned));
    }

    @Test
    void everyFormatWithACausesTableShowsTheTeamsWordsThere() throws IOException {
        ReportModel model = model(Set.of("fabrikam.example"), Locale.ENGLISH);
        String admin = diagnosis(DMARC).remediation();
        String html = new String(ReportTestSupport.render(ReportFormat.HTML, model, "one-domain"),
                StandardCharsets.UTF_8);
        assertTrue(html.contains("<td class=\"ours\">Our Salesforce admin</td><td>Our message failed DMARC for our"
                + " From domain"), html);
        assertFalse(html.contains(admin), "no admin's instruction in a report for the mail team");
        try (PDDocument doc = Loader.loadPDF(ReportTestSupport.render(ReportFormat.PDF, model, "one-domain"))) {
            String pdf = PdfReportRendererTest.squeeze(new PDFTextStripper().getText(doc));
            assertFalse(pdf.contains(PdfReportRendererTest.squeeze(admin)), pdf);
            assertTrue(pdf.contains(PdfReportRendererTest.squeeze("for us to take up with Salesforce support")), pdf);
        }
        ReportModel full = model(Set.of("northwind.example"), Locale.ENGLISH);
        String fullHtml = new String(ReportTestSupport.render(ReportFormat.HTML, full, "one-domain"),
                StandardCharsets.UTF_8);
        assertTrue(fullHtml.contains("<td class=\"ours\">Your mail team</td><td>The recipient&#39;s mailbox is full"),
                fullHtml);
    }

    /**
     * The report not addressed to one team is for the recipients' mail teams and our own administrators alike: its
     * model keeps our admin's words (the JSON's) beside the team's fix, and its causes table gives a cause on the
     * recipient's side in the team's words (it kept our admin's before, "ask the recipient's mail team which rule
     * matched", said to that team); a cause on our side is said of our side in the third person, then our admin's
     * fix with its "your" said as "our" (this test asked for our admin's words before: "Enable Salesforce DKIM
     * signing" read as addressed to every reader; "your org requires TLS" as the team's org).
     */
    @Test
    void theAdminsReportKeepsTheAdminsWordsButSaysOurCausesInTheThirdPerson() throws IOException {
        for (Set<String> domains : List.of(Set.<String>of(), Set.of("fabrikam.example", "plain.example"))) {
            ReportModel model = model(domains, Locale.ENGLISH);
            assertFalse(model.addressedToMailTeam(), domains.toString());
            ReportWording words = ReportWording.of(model);
            for (CauseRow r : model.summary().causes()) {
                assertFalse(r.mailTeamRemediation().isEmpty(), r.toString());
                assertEquals("", r.mailTeamMeaning());
                assertEquals(r.mailTeamRemediation(), ReportWording.causeFix(r));
                assertEquals(words.actor(r.actor()), words.causeActor(model, r));
                boolean ours = r.actor() != Actor.RECIPIENT_MAIL_TEAM && r.actor() != Actor.NOBODY;
                assertEquals(ours ? words.get("causeFix.ours." + r.actor().name()) : r.mailTeamRemediation(),
                        words.causeFix(model, r), r.toString());
                assertEquals(ours ? words.causeFix(model, r) + (r.actor() == Actor.SALESFORCE_SUPPORT
                        ? " How our admin takes it up: " : " Our admin's fix: ")
                        + OurVoice.of(r.remediation(), Locale.ENGLISH) : r.mailTeamRemediation(),
                        words.causeTableFix(model, r), r.toString());
                // "your" is the reading team's: our side's words have none, and no row names that team from outside
                assertFalse(words.causeTableFix(model, r).matches(ours ? "(?s).*\\b(your|yours)\\b.*"
                        : "(?s).*\\b(recipient's|their) (mail|DNS) team\\b.*"), words.causeTableFix(model, r));
            }
            assertEquals(diagnosis(DMARC).remediation(), cause(model, Actor.SENDER_ADMIN).remediation());
            String html = new String(ReportTestSupport.render(ReportFormat.HTML, model, "admin"),
                    StandardCharsets.UTF_8);
            // our admin, who reads this report too, keeps the concrete fix, labelled as theirs
            assertTrue(html.contains("<td class=\"ours\">Our Salesforce admin</td><td>This lies on our side, for our"
                    + " Salesforce admin to correct or look into; nothing is needed on the recipient&#39;s side. Our"
                    + " admin&#39;s fix: " + HtmlReportRenderer.esc(diagnosis(DMARC).remediation()) + "</td>"),
                    html);
            assertTrue(html.contains("<td class=\"ours\">Recipient&#39;s mail team</td><td>Please enable STARTTLS on"
                    + " your MX hosts"), html);
            assertFalse(html.contains(HtmlReportRenderer.esc(diagnosis(STARTTLS).remediation())), html);
        }
        // a log of one recipient domain, not restricted: its title and its note address that domain's team, so
        // does the rest of it, as with --domain (this asked for our admin's words before, which read "the
        // recipient's servers" under "Hello" and told the team that nothing was needed of them beside a fact of theirs)
        ReportFixture f = new ReportFixture("one.csv");
        f.message("<f1@host.example>", "full@northwind.example").received()
                .permanentFailure("mx.northwind.example", "192.0.2.102", FULL).bounced(diagnosis(FULL));
        ReportModel one = new ReportBuilder(f.analysis(), ReportOptions.defaults()).build();
        ReportModel asked = new ReportBuilder(f.analysis(), ReportOptions.defaults()
                .withDomains(Set.of("northwind.example"))).build();
        assertTrue(one.addressedToMailTeam());
        assertEquals("Your mail team", ReportWording.of(one).causeActor(one, one.summary().causes().getFirst()));
        assertEquals(asked.conclusion(), one.conclusion());
        assertEquals(asked.summary(), one.summary());
        assertEquals(asked.recipientDomains(), one.recipientDomains());
    }

    /**
     * The same in Swedish: a cause of ours in the report to every team says "ni" nowhere, not even in our admin's fix
     * after the label that names our admin (it said "ska ni också öppna ett ärende" there before).
     */
    @Test
    void inSwedishTheAdminsReportSaysOurCausesInTheThirdPersonToo() throws IOException {
        ReportModel model = model(Set.of(), SWEDISH);
        ReportWording words = ReportWording.of(model);
        CauseRow dmarc = cause(model, Actor.SENDER_ADMIN);
        CauseRow banned = cause(model, Actor.SALESFORCE_SUPPORT);
        // our admin's Swedish instruction for the listed IP speaks to the reader ("ska ni också öppna ett ärende")
        assertTrue(banned.remediation().matches("(?s).*\\bni\\b.*"), banned.remediation());
        for (CauseRow r : List.of(dmarc, banned)) {
            String fix = words.causeTableFix(model, r);
            String label = r == banned ? " Så tar vår administratör upp det: " : " Åtgärd för vår administratör: ";
            int at = fix.indexOf(label);
            assertTrue(at > 0, fix);
            String ours = fix.substring(0, at);
            assertFalse(ours.matches("(?s).*\\b(ni|er|ert|era)\\b.*"), ours);
            assertTrue(ours.endsWith("inget behöver göras på mottagarsidan."), ours);
            String adminFix = fix.substring(at + label.length());
            assertEquals(OurVoice.of(r.remediation(), SWEDISH), adminFix);
            assertFalse(adminFix.matches("(?s).*\\b(ni|er|ert|era)\\b.*"), adminFix);
        }
    }

    @Test
    void inSwedishTheTeamIsCalledYours() {
        ReportModel model = model(Set.of("northwind.example"), SWEDISH);
        CauseRow full = model.summary().causes().getFirst();
        assertEquals("Ert e-postteam", ReportWording.of(model).causeActor(model, full));
        assertEquals(model.recipientDomains().getFirst().messages().getFirst().mailTeamRemediation(),
                ReportWording.causeFix(full));
        assertFalse(ReportWording.causeFix(full).equals(full.remediation()), full.toString());
    }

    static ReportModel model(Set<String> domains, Locale language) {
        ReportFixture f = new ReportFixture("mail-team-report.csv");
        f.message("<p1@host.example>", "y@plain.example").received()
                .transientFailure("mx.plain.example", "192.0.2.151", STARTTLS).deferred(diagnosis(STARTTLS));
        f.message("<a1@host.example>", "sales@fabrikam.example").received()
                .permanentFailure("fabrikam-example.mail.protection.outlook.com", "192.0.2.104", DMARC)
                .bounced(diagnosis(DMARC));
        f.message("<b1@host.example>", "ceo@fabrikam.example").received()
                .permanentFailure("fabrikam-example.mail.protection.outlook.com", "192.0.2.107", BANNED)
                .bounced(diagnosis(BANNED));
        f.message("<f1@host.example>", "full@northwind.example").received()
                .permanentFailure("mx.northwind.example", "192.0.2.102", FULL).bounced(diagnosis(FULL));
        return new ReportBuilder(f.analysis(), ReportOptions.defaults().withDomains(domains).withLanguage(language))
                .rawRows(f.rawRows()).build();
    }

    private static Diagnosis diagnosis(String reply) {
        return KB.diagnose(SmtpReply.parse(reply));
    }

    private static CauseRow cause(ReportModel model, Actor actor) {
        return model.summary().causes().stream().filter(r -> r.actor() == actor).findFirst()
                .orElseThrow(() -> new AssertionError(actor));
    }
}
