package org.mailpath.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.engine.report.ReportFixture.messageTo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.analysis.EmailLogAnalyzer;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.ProgressListener;
import org.mailpath.engine.log.LogFixtures;
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

/**
 * The part for the recipients' mail teams says each message's fix to that team, in the knowledge base's words for
 * them or, without such words, in general words of the side that acts; the admin's part keeps the admin's words.
 * The replies are real ones (the sample log's), read by the shipped knowledge base.
 */
class MailTeamAdviceTest {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");
    private static final StatusKnowledgeBase KB = StatusKnowledgeBase.standard();

    private static final String TLS = "451 4.7.5 [internal] TLS negotiation failed";
    private static final String STARTTLS = "451 4.7.4 [internal] STARTTLS required but not advertised";
    private static final String DMARC = "550 5.7.509 Access denied, sending domain ACME.EXAMPLE does not pass DMARC"
            + " verification and has a DMARC policy of reject.";
    private static final String UNKNOWN = "550 5.1.1 <nobody@contoso.example>: Recipient address rejected: User"
            + " unknown in local recipient table";
    private static final String FULL = "552 5.2.2 <full@northwind.example>: Mailbox full";
    private static final String GREYLISTED = "451 4.7.1 <kim@contoso.example>: Recipient address rejected:"
            + " Greylisted, please try again later";
    /** Gmail's own size limit: an entry without words of its own for the mail team. */
    private static final String SIZE = "552-5.3.4 Your message exceeded Google's message size limits. 552 5.3.4"
            + " https://support.google.com/mail/?p=MaxSizeError - gsmtp";
    private static final String BANNED = "550 5.7.606 Access denied, banned sending IP [198.51.100.201]. To request"
            + " removal from this list please visit https://sender.office.com/ and follow the directions.";

    @Test
    void aTlsFailureAsksTheTeamForTlsAndNeverForSalesforceSettings() {
        ReportModel model = model(Locale.ENGLISH, false);
        MessageEntry m = messageTo(model, "x@tlsbroken.example");
        assertEquals("Please check that your MX hosts offer TLS 1.2 or later (Salesforce no longer uses TLS 1.0 or"
                + " 1.1), with ciphers in common with Salesforce and a valid certificate. On our side, we check whether"
                + " our Salesforce TLS setting requires TLS for your domain: if it does, the message fails until your"
                + " servers offer TLS 1.2 or later; if it only prefers TLS, mail may go unencrypted instead.",
                m.mailTeamRemediation());
        assertEquals("What to do (your mail team): " + m.mailTeamRemediation(),
                ReportWording.of(model).todo(m).orElseThrow());
        // our admin's words name our org's TLS setting, in the message (JSON) and in the causes table
        String admin = diagnosis(TLS).remediation();
        assertTrue(admin.contains("whether your org requires TLS for this domain"), admin);
        assertEquals(admin, m.remediation());
        assertEquals(admin, cause(model, "salesforce.tls-negotiation").remediation());
    }

    @Test
    void aRequiredTlsSettingIsOursInTheExplanationAndTheAdvice() {
        ReportModel model = model(Locale.ENGLISH, false);
        MessageEntry m = messageTo(model, "y@plain.example");
        assertEquals("Our TLS setting in Salesforce requires TLS for mail to your domain, but your server did not"
                + " offer STARTTLS.", m.mailTeamExplanation());
        assertEquals("What to do (your mail team): Please enable STARTTLS on your MX hosts; if you cannot, tell us,"
                + " so that we can review our Required TLS setting for your domain.",
                ReportWording.of(model).todo(m).orElseThrow());
        assertEquals(diagnosis(STARTTLS).explanation(), m.explanation(), "the JSON's explanation stays the admin's");
        assertTrue(m.explanation().startsWith("Your Salesforce TLS setting"), m.explanation());
        // an explanation that names the recipient's server has the team's words: theirs is "your server"
        MessageEntry tls = messageTo(model, "x@tlsbroken.example");
        assertEquals("Salesforce's mail server could not set up TLS (encryption) with your server.",
                tls.mailTeamExplanation());
        assertEquals(diagnosis(TLS).explanation(), tls.explanation(), "the JSON's explanation stays the admin's");
        // an explanation that speaks to nobody in particular is the same in both
        MessageEntry size = messageTo(model, "hr@woodgrove.example");
        assertEquals(size.explanation(), size.mailTeamExplanation());
    }

    @Test
    void anAuthenticationFailureSaysItIsOursToCorrectOnOurDomain() {
        ReportModel model = model(Locale.ENGLISH, false);
        MessageEntry m = messageTo(model, "sales@fabrikam.example");
        assertEquals(Actor.SENDER_ADMIN, m.actor());
        assertEquals("On our side (our Salesforce admin): Our message failed DMARC for our From domain, under our own"
                + " DMARC policy: enabling Salesforce DKIM signing for that domain, so that DKIM aligns and DMARC"
                + " passes, is ours to do. Nothing is needed from your mail team.",
                ReportWording.of(model).todo(m).orElseThrow());
        assertEquals("Enable Salesforce DKIM signing for the From domain so DMARC passes.", m.remediation());
    }

    @Test
    void recipientCausesSpeakToTheTeamAboutItsMailboxes() {
        ReportModel model = model(Locale.ENGLISH, false);
        ReportWording words = ReportWording.of(model);
        MessageEntry unknown = messageTo(model, "nobody@contoso.example");
        assertEquals("On our side (our Salesforce admin): Your server said this mailbox does not exist:"
                + " correcting the address, or removing it from our records, is ours to do. If the mailbox should"
                + " exist, please tell us.", words.todo(unknown).orElseThrow());
        MessageEntry full = messageTo(model, "full@northwind.example");
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, full.actor());
        assertTrue(words.todo(full).orElseThrow().startsWith("What to do (your mail team): The recipient's mailbox is"
                + " full: please ask the recipient to free space"), words.todo(full).orElseThrow());
    }

    @Test
    void withoutWordsOfItsOwnAnEntryGetsTheGeneralWordsOfTheSideThatActsUnlessTheyAreOurs() {
        ReportModel model = model(Locale.ENGLISH, false);
        ReportWording words = ReportWording.of(model);
        MessageEntry size = messageTo(model, "hr@woodgrove.example");
        assertEquals("gmail.size", diagnosis(SIZE).ruleId());
        assertTrue(diagnosis(SIZE).mailTeamRemediation().isEmpty(), "the size entry has no words for the team");
        // the general words of our side said nothing of what will be done (the review): the block has no such line
        assertEquals(java.util.Optional.empty(), words.todo(size));
        assertEquals("Send a smaller message.", size.remediation());
        // the review: a 2 KB message refused as too large was "ours to act on"; far below any usual limit, it is theirs
        MessageEntry small = messageTo(model, "ann@woodgrove.example");
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, small.actor());
        assertTrue(words.todo(small).orElseThrow().startsWith("What to do (your mail team): Please check the message"
                + " size limit of your server"), words.todo(small).orElseThrow());
        assertTrue(small.explanation().contains("although it was 2.0 KB,"), small.explanation());
        MessageEntry banned = messageTo(model, "ceo@fabrikam.example");
        assertEquals(Actor.SALESFORCE_SUPPORT, banned.actor());
        assertEquals("On the sending side (Salesforce support): The cause is with Salesforce's sending servers, for us"
                + " to take up with Salesforce support; nothing is needed from your mail team.",
                words.todo(banned).orElseThrow());
        MessageEntry greylisted = messageTo(model, "kim@contoso.example");
        assertEquals(Actor.NOBODY, greylisted.actor());
        assertEquals("No action needed: This is temporary, and Salesforce retries a deferred message by itself.",
                words.todo(greylisted).orElseThrow());
    }

    @Test
    void inSwedishTheTeamIsSpokenToInSwedish() {
        ReportModel model = model(SWEDISH, false);
        ResourceBundle kb = ResourceBundle.getBundle("org.mailpath.engine.status.status-knowledge", SWEDISH);
        ReportWording words = ReportWording.of(model);
        MessageEntry tls = messageTo(model, "x@tlsbroken.example");
        assertEquals("Att göra (ert e-postteam): " + kb.getString("salesforce.tls-negotiation.mailTeamRemediation"),
                words.todo(tls).orElseThrow());
        MessageEntry dmarc = messageTo(model, "sales@fabrikam.example");
        assertEquals("På vår sida (vår Salesforce-administratör): "
                + kb.getString("microsoft.dmarc-reject.mailTeamRemediation"), words.todo(dmarc).orElseThrow());
        MessageEntry size = messageTo(model, "hr@woodgrove.example");
        assertEquals(java.util.Optional.empty(), words.todo(size));
        assertFalse(tls.mailTeamRemediation().equals(tls.remediation()));
    }

    @Test
    void everyFormatShowsTheTeamItsOwnWordsAndTheRedactedReportStillMasksTheAddresses() throws IOException {
        for (boolean redact : new boolean[] {false, true}) {
            ReportModel model = model(Locale.ENGLISH, redact);
            String text = new String(ReportTestSupport.render(ReportFormat.TEXT, model, "mail-team-advice"),
                    StandardCharsets.UTF_8).replaceAll("\\s+", " ");
            assertTrue(text.contains("Our TLS setting in Salesforce requires TLS for mail to your domain"), text);
            assertFalse(text.contains("Your Salesforce TLS setting"), "no admin's explanation in the mail-team note");
            assertTrue(text.contains("What to do (your mail team): Please check that your MX hosts offer TLS 1.2"),
                    text);
            assertFalse(text.contains("your Salesforce TLS settings"), "the note is for the mail teams only");
            assertFalse(text.contains("ask the recipient's mail team"), text);
            String html = new String(ReportTestSupport.render(ReportFormat.HTML, model, "mail-team-advice"),
                    StandardCharsets.UTF_8);
            assertTrue(html.contains("On our side (our Salesforce admin): Your server said this mailbox does not"
                    + " exist"), "the HTML's mail-team part");
            // the team's own request stands out from the greyed lines around it; our side's note does not
            assertTrue(html.contains("<div class=\"small\">What to do (your mail team): Please check that your MX"
                    + " hosts offer TLS 1.2"), html);
            assertTrue(html.contains("<div class=\"muted small\">On our side (our Salesforce admin): Your server"
                    + " said"), html);
            try (PDDocument doc = Loader.loadPDF(ReportTestSupport.render(ReportFormat.PDF, model,
                    "mail-team-advice"))) {
                String pdf = PdfReportRendererTest.squeeze(new PDFTextStripper().getText(doc));
                assertTrue(pdf.contains(PdfReportRendererTest.squeeze("What to do (your mail team): Please check that"
                        + " your MX hosts offer TLS 1.2")), "the PDF's mail-team part");
            }
            for (String s : new String[] {text, html}) {
                assertEquals(!redact, s.contains("nobody@contoso.example"), "redacted: " + redact);
                assertEquals(!redact, s.contains("full@northwind.example"), "redacted: " + redact);
            }
        }
    }

    private static Diagnosis diagnosis(String reply) {
        return KB.diagnose(SmtpReply.parse(reply));
    }

    /**
     * A deferral with no outcome although Salesforce stops retrying after 24 hours: its note is about that, labelled
     * so, not by the reply's side ("No action needed" of greylisting above "please tell us").
     */
    @Test
    void aStaleDeferralsNoteIsLabelledAsAMissingOutcome(@TempDir Path dir) throws Exception {
        Path log = LogFixtures.write(dir, "log.csv", LogFixtures.lines(LogFixtures.HEADER,
                LogFixtures.row("3/6/2009 8:00", "T", "old@corp.example", "m1", "451 4.7.1 greylisted", ""),
                LogFixtures.row("3/7/2009 9:00", "R", "r@corp.example", "m3", "", "")));
        ReportModel m = new ReportBuilder(new EmailLogAnalyzer().analyze(log, ProgressListener.NONE,
                Cancellation.none()), ReportOptions.defaults()).build();
        MessageEntry old = messageTo(m, "old@corp.example");
        // its missing outcome is ours to look into, as the causes table says beside these words
        assertEquals(Actor.SENDER_ADMIN, old.actor(), "our admin looks into the missing outcome");
        assertEquals("Outcome missing: " + old.mailTeamRemediation(), ReportWording.of(m).todo(old).orElseThrow());
        assertTrue(old.mailTeamRemediation().contains("please tell us"), old.mailTeamRemediation());
    }

    /**
     * A bounce whose reply only asked to try later (no one must act) is not retried by Salesforce: the team is not
     * told it is, as the words for a deferral of the same reply say.
     */
    @Test
    void aBounceNoOneMustActOnPromisesNoRetry(@TempDir Path dir) throws Exception {
        String rate = "550 5.2.1 <kim@contoso.example>: Recipient has exceeded the message rate limit";
        Path log = LogFixtures.write(dir, "log.csv", LogFixtures.lines(LogFixtures.HEADER,
                LogFixtures.row("3/6/2009 8:00", "R", "kim@contoso.example", "m1", "", ""),
                LogFixtures.row("3/6/2009 8:01", "P", "kim@contoso.example", "m1", rate, ""),
                LogFixtures.row("3/6/2009 8:00", "R", "lee@contoso.example", "m2", "", ""),
                LogFixtures.row("3/6/2009 8:01", "T", "lee@contoso.example", "m2",
                        "450 4.2.1 <lee@contoso.example>: Recipient has exceeded the message rate limit", "")));
        for (Locale language : new Locale[] {Locale.ENGLISH, SWEDISH}) {
            ReportModel m = new ReportBuilder(new EmailLogAnalyzer().analyze(log, ProgressListener.NONE,
                    Cancellation.none()), ReportOptions.defaults().withLanguage(language)).build();
            MessageEntry bounced = messageTo(m, "kim@contoso.example");
            assertEquals(Actor.NOBODY, bounced.actor(), "a rate limit: no one must act");
            String words = ResourceBundle.getBundle("org.mailpath.engine.report.report-text", language)
                    .getString("mailTeam.advice.NOBODY");
            assertFalse(bounced.mailTeamRemediation().isEmpty());
            assertFalse(bounced.mailTeamRemediation().equals(words), "a bounce is not retried: " + language);
            assertEquals(words, messageTo(m, "lee@contoso.example").mailTeamRemediation(), "a deferral is");
        }
    }

    /**
     * Microsoft 365 throttled a message for as long as Salesforce retries, which then bounced it as expired: the
     * team is not told that nothing is needed of them (the words for a bounce of a passing throttling), nor our
     * admin only to send it again, but that the deferrals lasted until Salesforce gave up, for every rate-limit
     * rule that names no one (here Microsoft's and a generic one without words for a bounce). A throttling
     * bounce that is no expiry keeps the rule's words.
     */
    @Test
    void throttlingUntilSalesforceGivesUpIsSaidToHaveLasted(@TempDir Path dir) throws Exception {
        String busy = "451 4.7.500 Server busy. Please try again later from [13.110.74.201]. (S77719)"
                + " [DM6NAM12FT015.eop-nam12.prod.protection.outlook.com]";
        String expired = "554 5.4.5 [internal] Delivery not attempted (message expired)";
        String rate = "450 4.2.1 <lee@contoso.example>: Recipient has exceeded the message rate limit";
        Path log = LogFixtures.write(dir, "log.csv", LogFixtures.lines(LogFixtures.HEADER,
                // mail to another domain: the report on the whole log is our admin's, on several domains
                LogFixtures.row("11/30/2026 10:00", "D", "ann@fabrikam.example", "m0", "250 2.0.0 Ok", LogFixtures.TLS),
                LogFixtures.row("11/30/2026 11:00", "R", "grace@contoso.example", "m1", "", ""),
                LogFixtures.row("11/30/2026 11:00", "T", "grace@contoso.example", "m1", busy, ""),
                LogFixtures.row("11/30/2026 20:15", "T", "grace@contoso.example", "m1", busy, ""),
                LogFixtures.row("12/1/2026 8:15", "T", "grace@contoso.example", "m1", busy, ""),
                LogFixtures.row("12/1/2026 11:01", "P", "grace@contoso.example", "m1", expired, ""),
                LogFixtures.row("11/30/2026 12:00", "R", "lee@contoso.example", "m2", "", ""),
                LogFixtures.row("11/30/2026 12:00", "T", "lee@contoso.example", "m2", rate, ""),
                LogFixtures.row("12/1/2026 12:01", "P", "lee@contoso.example", "m2", expired, ""),
                LogFixtures.row("12/1/2026 9:00", "R", "kim@contoso.example", "m3", "", ""),
                LogFixtures.row("12/1/2026 9:00", "P", "kim@contoso.example", "m3", busy.replace("451 4.7.500",
                        "554 5.7.500"), "")));
        var analysis = new EmailLogAnalyzer().analyze(log, ProgressListener.NONE, Cancellation.none());
        for (Locale language : new Locale[] {Locale.ENGLISH, SWEDISH}) {
            ReportModel m = new ReportBuilder(analysis, ReportOptions.defaults().withLanguage(language)
                    .withDomains(java.util.Set.of("contoso.example"))).build();
            ResourceBundle texts = ResourceBundle.getBundle("org.mailpath.engine.report.report-text", language);
            ResourceBundle chains = ResourceBundle.getBundle("org.mailpath.engine.analysis.chains", language);
            String lead = chains.getString("deferredUntilExpiry.remediation").replace("{0}", "");
            for (String recipient : List.of("grace@contoso.example", "lee@contoso.example")) {
                MessageEntry throttled = messageTo(m, recipient);
                assertEquals(Actor.SENDER_ADMIN, throttled.actor(), recipient);
                assertEquals(chains.getString("deferredUntilExpiry.mailTeamRemediation").replace("''", "'"),
                        throttled.mailTeamRemediation(), recipient + " " + language);
                assertFalse(throttled.mailTeamRemediation().equals(texts.getString("mailTeam.advice.NOBODY.bounced")));
                assertTrue(throttled.remediation().startsWith(lead), throttled.remediation());
            }
            // a throttling reply that bounced at once: no deferrals lasted, the rule's words for a bounce stand
            MessageEntry once = messageTo(m, "kim@contoso.example");
            assertEquals(texts.getString("mailTeam.advice.NOBODY.bounced"), once.mailTeamRemediation());
            assertFalse(once.remediation().startsWith(lead), once.remediation());
        }
        ReportModel admin = new ReportBuilder(analysis, ReportOptions.defaults()).build();
        assertTrue(messageTo(admin, "grace@contoso.example")
                .remediation().endsWith("If Microsoft 365 keeps throttling the sending IP, open a Salesforce case"
                        + " with the times and the full reply: the sending IPs are Salesforce's."),
                "the rule's own words follow");
        // the report for every team: the row is our admin's to act on, but not "nothing is needed on the
        // recipient's side", their servers having kept deferring the message
        CauseRow row = admin.summary().causes().stream()
                .filter(r -> r.remediation().equals(messageTo(admin, "grace@contoso.example").remediation()))
                .findFirst().orElseThrow();
        assertEquals(Actor.SENDER_ADMIN, row.actor());
        String fix = ReportWording.of(admin).causeFix(admin, row);
        assertTrue(fix.startsWith("This is for our Salesforce admin to act on or look into, while what stopped these"
                + " messages lies on the recipient's side"), fix);
    }

    /**
     * The same throttling until Salesforce gave up, as the team reads its block and the causes table: the block asked
     * them to check why their servers kept deferring under "On our side (our Salesforce admin):", the row said only
     * our admin must act, and the meaning said "temporarily throttling" beside "more than a passing delay" (the
     * postmaster review). The label names both sides, and the meaning says first what the deferrals came to. The
     * JSON's actor stays our admin's.
     */
    @Test
    void throttlingUntilSalesforceGivesUpIsLabelledForBothSides(@TempDir Path dir) throws Exception {
        String busy = "451 4.7.500 Server busy. Please try again later from [13.110.74.201]. (S77719)"
                + " [DM6NAM12FT015.eop-nam12.prod.protection.outlook.com]";
        Path log = LogFixtures.write(dir, "log.csv", LogFixtures.lines(LogFixtures.HEADER,
                // mail to another domain: the report on the whole log is our admin's, on several domains
                LogFixtures.row("11/30/2026 10:00", "D", "ann@fabrikam.example", "m0", "250 2.0.0 Ok", LogFixtures.TLS),
                LogFixtures.row("11/30/2026 11:00", "T", "grace@contoso.example", "m1", busy, ""),
                LogFixtures.row("12/1/2026 8:15", "T", "grace@contoso.example", "m1", busy, ""),
                LogFixtures.row("12/1/2026 11:01", "P", "grace@contoso.example", "m1",
                        "554 5.4.5 [internal] Delivery not attempted (message expired)", "")));
        var analysis = new EmailLogAnalyzer().analyze(log, ProgressListener.NONE, Cancellation.none());
        ReportModel m = new ReportBuilder(analysis, ReportOptions.defaults().withLanguage(Locale.ENGLISH)
                .withDomains(java.util.Set.of("contoso.example"))).build();
        MessageEntry grace = messageTo(m, "grace@contoso.example");
        assertEquals(Actor.SENDER_ADMIN, grace.actor());
        ReportWording en = ReportWording.of(m);
        assertTrue(en.todo(grace).orElseThrow().startsWith("What to do (your mail team, and ours): We send the"
                + " message again."), en.todo(grace).orElseThrow());
        assertTrue(grace.mailTeamExplanation().startsWith("Your servers deferred the message at every attempt until"
                + " Salesforce stopped retrying and bounced it as expired, which is more than a passing delay. What"
                + " the reply says: "), grace.mailTeamExplanation());
        CauseRow row = m.summary().causes().getFirst();
        assertEquals(Actor.SENDER_ADMIN, row.actor());
        assertEquals("Our Salesforce admin and your mail team", en.causeActor(m, row));

        ReportModel admin = new ReportBuilder(analysis, ReportOptions.defaults()).build();
        assertTrue(messageTo(admin, "grace@contoso.example").explanation().startsWith("The recipient's servers deferred"
                + " the message at every attempt"), messageTo(admin, "grace@contoso.example").explanation());
        assertEquals("Our Salesforce admin and the recipient's mail team",
                ReportWording.of(admin).causeActor(admin, admin.summary().causes().getFirst()));

        ReportModel sv = new ReportBuilder(analysis, ReportOptions.defaults().withLanguage(SWEDISH)
                .withDomains(java.util.Set.of("contoso.example"))).build();
        MessageEntry svGrace = messageTo(sv, "grace@contoso.example");
        assertTrue(ReportWording.of(sv).todo(svGrace).orElseThrow().startsWith("Att göra (ert e-postteam, och vi på vår sida):"));
        assertTrue(svGrace.mailTeamExplanation().startsWith("Era servrar sköt upp meddelandet"),
                svGrace.mailTeamExplanation());
    }

    /**
     * Small messages refused as too large, each of its own size: one row of the causes table (its words without a
     * size), where each message keeps its own size.
     */
    @Test
    void smallMessagesOfDifferentSizesRefusedAsTooLargeAreOneCauseRow() {
        for (boolean toMailTeam : List.of(false, true)) {
            ReportFixture f = new ReportFixture("small-sizes.csv");
            f.message("<s1@host.example>", "ann@woodgrove.example").bytes(2_048).received()
                    .permanentFailure("aspmx.l.google.com", "192.0.2.109", SIZE).bounced(diagnosis(SIZE));
            f.message("<s2@host.example>", "bo@woodgrove.example").bytes(12_633).received()
                    .permanentFailure("aspmx.l.google.com", "192.0.2.109", SIZE).bounced(diagnosis(SIZE));
            ReportOptions options = ReportOptions.defaults().withLanguage(Locale.ENGLISH);
            if (toMailTeam) {
                options = options.withDomains(java.util.Set.of("woodgrove.example"));
            }
            ReportModel model = new ReportBuilder(f.analysis(), options).rawRows(f.rawRows()).build();
            List<CauseRow> rows = model.summary().causes();
            assertEquals(1, rows.size(), rows.toString());
            assertEquals(2, rows.getFirst().bounced());
            assertTrue(rows.getFirst().explanation().endsWith("although it was less than 1 MB"),
                    rows.getFirst().explanation());
            assertTrue(messageTo(model, "ann@woodgrove.example").explanation().contains("although it was 2.0 KB,"));
            assertTrue(messageTo(model, "bo@woodgrove.example").explanation().contains("although it was 12.3 KB,"));
        }
    }

    private static ReportModel model(Locale language, boolean redact) {
        ReportFixture f = new ReportFixture("mail-team-advice.csv");
        f.message("<t1@host.example>", "x@tlsbroken.example").received()
                .transientFailure("mx.tlsbroken.example", "192.0.2.150", TLS).deferred(diagnosis(TLS));
        f.message("<p1@host.example>", "y@plain.example").received()
                .transientFailure("mx.plain.example", "192.0.2.151", STARTTLS).deferred(diagnosis(STARTTLS));
        f.message("<a1@host.example>", "sales@fabrikam.example").received()
                .permanentFailure("fabrikam-example.mail.protection.outlook.com", "192.0.2.104", DMARC)
                .bounced(diagnosis(DMARC));
        f.message("<b1@host.example>", "ceo@fabrikam.example").received()
                .permanentFailure("fabrikam-example.mail.protection.outlook.com", "192.0.2.107", BANNED)
                .bounced(diagnosis(BANNED));
        f.message("<u1@host.example>", "nobody@contoso.example").received()
                .permanentFailure("mx1.contoso.example", "192.0.2.100", UNKNOWN).bounced(diagnosis(UNKNOWN));
        f.message("<f1@host.example>", "full@northwind.example").received()
                .permanentFailure("mx.northwind.example", "192.0.2.102", FULL).bounced(diagnosis(FULL));
        f.message("<g1@host.example>", "kim@contoso.example").received()
                .transientFailure("mx1.contoso.example", "192.0.2.10", GREYLISTED).deferred(diagnosis(GREYLISTED));
        // a message large enough to be too large somewhere: a small one's refusal is the receiving server's
        f.message("<s1@host.example>", "hr@woodgrove.example").bytes(40L * 1024 * 1024).received()
                .permanentFailure("aspmx.l.google.com", "192.0.2.109", SIZE).bounced(diagnosis(SIZE));
        f.message("<s2@host.example>", "ann@woodgrove.example").received()
                .permanentFailure("aspmx.l.google.com", "192.0.2.109", SIZE).bounced(diagnosis(SIZE));
        return new ReportBuilder(f.analysis(), ReportOptions.defaults().withRedaction(redact).withLanguage(language))
                .rawRows(f.rawRows()).build();
    }


    private static CauseRow cause(ReportModel model, String rule) {
        return model.summary().causes().stream().filter(r -> r.rules().contains(rule)).findFirst()
                .orElseThrow(() -> new AssertionError(rule));
    }
}
