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
import org.mailpath.engine.report.ReportBuilder;
import org.mailpath.engine.report.ReportFixture;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.ReportOptions;
import org.mailpath.engine.report.ReportTexts;
import org.mailpath.engine.status.Category;

/**
 * How the report speaks to the recipient's mail team. A report on one recipient domain speaks to its team as "you",
 * word for word as it always did; a report on several speaks to the mail teams of the domains below, each about the
 * messages under its domain's name (it told one team "your servers", as if all the domains were one organisation).
 */
class MailTeamWordingTest {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");

    // the wording of a one-domain report as it was before several domains were told apart: it must not change
    // (but for the sentence on a message refused at RCPT TO, which both fixtures have, added later)
    private static final String AT_RCPT = " A message refused before its content was sent (at the connection, the"
            + " greeting, EHLO, STARTTLS, MAIL FROM or RCPT TO) never had its Message ID Header reach your server: look"
            + " for it by its time, the receiving server named in its log lines and, where it got as far as RCPT TO,"
            + " its recipient.";
    private static final String ONE_TEAM_INTRO = "We send email to you from Salesforce and have looked at the"
            + " delivery log (mail-teams.csv, 20 November 2026, 08:00 UTC – 20 November 2026, 08:10 UTC).";
    private static final String ONE_TEAM_REQUEST = "Please search your mail transport logs for these Message ID"
            + " Headers. Salesforce logged each attempt with the exact reply your servers gave; all times are UTC."
            + AT_RCPT;
    private static final String ONE_TEAM_SUBTITLE = "Analysis of a Salesforce Email Log, for the recipient's mail"
            + " team and our Salesforce admin";
    // the same in a report addressed to that team (--domain): the review found "the recipient's mail team" there
    private static final String YOUR_TEAM_SUBTITLE = "Analysis of a Salesforce Email Log, for your mail team and our"
            + " Salesforce admin";

    private static final String TEAMS_INTRO = "We send email from Salesforce to the 2 recipient domains below and"
            + " have looked at the delivery log (mail-teams.csv, 20 November 2026, 08:00 UTC – 20 November 2026,"
            + " 08:10 UTC).";
    private static final String TEAMS_REQUEST = "For the mail teams of the domains below: the messages to each domain"
            + " are listed under the domain's name. Please search your mail transport logs for the Message ID Headers"
            + " listed under your own domain. Salesforce logged each attempt with the exact reply that domain's"
            + " servers gave; all times are UTC." + AT_RCPT;
    private static final String TEAMS_SUBTITLE = "Analysis of a Salesforce Email Log, for the recipients' mail teams"
            + " and our Salesforce admin";

    @Test
    void theRequestSaysWhatCannotBeFoundByMessageIdOnlyWhenTheReportHasIt() {
        ReportFixture f = new ReportFixture("mail-teams.csv");
        f.message("<d1@host.example>", "anna@contoso.example").received()
                .delivery("mx.contoso.example", "192.0.2.10", "250 2.0.0 Ok", "TLSv1.3:TLS_AES_256_GCM_SHA384")
                .delivered();
        ReportWording words = ReportWording.of(ReportTexts.english());
        assertEquals("Please search your mail transport logs for these Message ID Headers. Salesforce logged each"
                + " attempt with the exact reply your servers gave; all times are UTC.",
                words.mailTeamIntro(model(f, ReportOptions.defaults(), Locale.ENGLISH)));
        f.message("<r1@host.example>", "bo@contoso.example").received().receivedOnly();
        f.message("<t1@host.example>", "cy@contoso.example").received()
                // a time-out before any answer: at "during RCPT TO" the server would have answered
                .transientFailureAt("while not connected", "mx.contoso.example", "192.0.2.10",
                        "451 4.4.1 [internal] Connection Timed Out")
                .deferred(Category.NETWORK, Actor.RECIPIENT_MAIL_TEAM, "", "");
        String all = words.mailTeamIntro(model(f, ReportOptions.defaults(), Locale.ENGLISH));
        assertTrue(all.endsWith(" all times are UTC." + AT_RCPT + " Messages marked Received only were received by"
                + " Salesforce but not yet handed to any mail server outside Salesforce when the log ended: it shows no"
                + " attempt to deliver them to one, so your mail transport logs will not have them yet and the search"
                + " is only for the other messages. The next step for these is ours: a later log will show whether"
                + " Salesforce handed them to such a server. A status line marked [internal] is Salesforce's own,"
                + " written when no server gave an answer. Where such a line names one of your servers, Salesforce"
                + " tried that server but got no reply from it: your logs may show the connection."), all);
        String swedish = ReportWording.of(ReportTexts.of(SWEDISH)).mailTeamIntro(model(f, ReportOptions.defaults(),
                SWEDISH));
        assertTrue(swedish.contains("Meddelanden märkta ”Endast mottaget” hade"), swedish);
        // with the recipients masked, the search by recipient is replaced by the receiving server, and the address
        // is to be asked for
        String redacted = words.mailTeamIntro(model(f, ReportOptions.defaults().withRedaction(true), Locale.ENGLISH));
        assertTrue(redacted.contains(" look for it by its time (UTC) and the receiving server named in its log lines. Its"
                + " recipient is masked in this copy of the report: ask us for the address if you need it."), redacted);
        assertFalse(redacted.contains("its recipient."), redacted);
    }

    /**
     * The review: a message refused at the banner, EHLO, STARTTLS or while connecting got no hint that its Message ID
     * Header never reached the team's server, as one refused at MAIL FROM or RCPT TO did. Every stage before DATA
     * gets it, none from DATA on; nor does an attempt that reached no server of theirs (Salesforce's own reply, no
     * receiving server named).
     */
    @Test
    void everyRefusalBeforeTheContentWasSentGetsTheHint() {
        for (String stage : List.of("while not connected", "reading BANNER", "during EHLO", "after EHLO",
                "during STARTTLS", "after STARTTLS", "handshaking TLS", "during MAIL FROM", "after MAIL FROM",
                "during RCPT TO", "after RCPT TO")) {
            assertTrue(introAt(stage, "mx.contoso.example", "554 5.7.1 Refused").endsWith(AT_RCPT), stage);
        }
        for (String stage : List.of("during DATA", "after DATA", "while sending BODY", "reading confirmation")) {
            assertFalse(introAt(stage, "mx.contoso.example", "554 5.7.1 Refused").contains(AT_RCPT), stage);
        }
        assertFalse(introAt("while not connected", "", "554 5.4.4 [internal] Domain Lookup Failed").contains(AT_RCPT));
        assertTrue(introAt("during STARTTLS", "mx.contoso.example", "451 4.7.5 [internal] TLS negotiation failed")
                .contains(AT_RCPT));
    }

    /** The request to contoso.example's team when a delivered message and one refused at {@code stage} are listed. */
    private static String introAt(String stage, String relayHost, String status) {
        ReportFixture f = new ReportFixture("stages.csv");
        f.message("<d1@host.example>", "anna@contoso.example").received()
                .delivery("mx.contoso.example", "192.0.2.10", "250 2.0.0 Ok", "TLSv1.3:TLS_AES_256_GCM_SHA384")
                .delivered();
        f.message("<p1@host.example>", "bo@contoso.example").received()
                .permanentFailureAt(stage, relayHost, relayHost.isEmpty() ? "" : "192.0.2.10", status)
                .bounced(Category.REPUTATION, Actor.RECIPIENT_MAIL_TEAM, "", "");
        return ReportWording.of(ReportTexts.english()).mailTeamIntro(model(f, ReportOptions.defaults(),
                Locale.ENGLISH));
    }

    /**
     * The review: nullmx.example's team was told to make sure "that its MX records exist", while its message said
     * nothing was needed from them. A null MX refuses mail on purpose: the intro says so, and what to do if wrong.
     */
    @Test
    void aNullMxDomainIsNotToldToMakeItsMxRecordsExist() {
        ReportFixture f = new ReportFixture("nullmx.csv");
        f.message("<n1@host.example>", "noreply@nullmx.example").received()
                .permanentFailure("", "", "550 5.4.4 [internal] NULL MX domain does not accept mail")
                .bounced(org.mailpath.engine.status.StatusKnowledgeBase.standard().diagnose(
                        org.mailpath.engine.status.SmtpReply.parse(
                                "550 5.4.4 [internal] NULL MX domain does not accept mail")));
        ReportOptions nullmx = ReportOptions.defaults().withDomains(Set.of("nullmx.example"));
        String en = ReportWording.of(ReportTexts.english()).mailTeamIntro(model(f, nullmx, Locale.ENGLISH));
        assertFalse(en.contains("MX records exist"), en);
        assertTrue(en.contains("Your domain publishes a null MX: it declares that it accepts no mail"), en);
        // as its cause row says (the null MX rule is our admin's): the address is ours to correct
        assertTrue(en.contains("so no server was tried, and the address is ours to correct: nothing is needed from"
                + " you."), en);
        assertFalse(en.contains("publish MX records"), en);
        String sv = ReportWording.of(ReportTexts.of(SWEDISH)).mailTeamIntro(model(f, nullmx, SWEDISH));
        assertTrue(sv.contains("Er domän publicerar en null-MX"), sv);
    }

    /**
     * The review: litware.example's team was asked to search their logs for messages that never reached their
     * servers (every reply Salesforce's own, "[internal] Domain Lookup Failed", no receiving server named). They are
     * told so, and what they can look at instead; a message whose attempt named one of their servers is searched for.
     */
    @Test
    void theTeamWhoseServersNoMessageReachedIsNotAskedToSearchItsLogs() {
        ReportFixture f = new ReportFixture("litware.csv");
        f.message("<l1@host.example>", "info@litware.example").received()
                .permanentFailure("", "", "554 5.4.4 [internal] Domain Lookup Failed")
                .bounced(Category.DNS, Actor.RECIPIENT_MAIL_TEAM, "", "");
        f.message("<l2@host.example>", "help@litware.example").received()
                .transientFailure("", "", "421 4.4.0 [internal] no mail servers for this domain could be reached")
                .permanentFailure("", "", "554 5.4.7 [internal] exceeded max time without delivery")
                .bounced(Category.DNS, Actor.RECIPIENT_MAIL_TEAM, "", "");
        ReportOptions litware = ReportOptions.defaults().withDomains(Set.of("litware.example"));
        String en = ReportWording.of(ReportTexts.english()).mailTeamIntro(model(f, litware, Locale.ENGLISH));
        assertEquals("None of these messages reached your mail servers: Salesforce's own mail server gave up on each"
                + " of them before any server of yours was reached (its status lines are marked [internal]), so your"
                + " mail transport logs will not have them. What can help instead is a look at your domain's DNS, as"
                + " the causes in this report say: that its MX records exist and name servers that resolve, and that"
                + " those servers accept connections from the internet. All times are UTC.", en);
        String sv = ReportWording.of(ReportTexts.of(SWEDISH)).mailTeamIntro(model(f, litware, SWEDISH));
        assertTrue(sv.startsWith("Inget av de här meddelandena nådde era e-postservrar: "), sv);
        assertFalse(sv.contains("Sök gärna"), sv);
        ReportOptions first = ReportOptions.defaults().withMessageIds(Set.of("<l1@host.example>"));
        String one = ReportWording.of(ReportTexts.english()).mailTeamIntro(model(f, first, Locale.ENGLISH));
        assertTrue(one.startsWith("This message did not reach your mail servers: Salesforce's own mail server gave up"
                + " on it before any server of yours was reached (its status lines are marked [internal]), so your mail"
                + " transport logs will not have it. "), one);

        // an attempt on a server of theirs, though its reply is Salesforce's own: their logs may show it (a time-out
        // before any answer; a failure past the greeting, such as a TLS handshake, is one the server answered)
        f.message("<l3@host.example>", "sales@litware.example").received()
                .transientFailureAt("while not connected", "mx.litware.example", "192.0.2.150",
                        "451 4.4.1 [internal] Connection Timed Out")
                .deferred(Category.NETWORK, Actor.RECIPIENT_MAIL_TEAM, "", "");
        String tried = ReportWording.of(ReportTexts.english()).mailTeamIntro(model(f, litware, Locale.ENGLISH));
        // no server of theirs replied to any attempt: no "exact reply your servers gave" (the review's relay.example)
        assertTrue(tried.startsWith("Please search your mail transport logs for these messages. No server of yours"
                + " replied to any attempt"), tried);
        // tried, not reached: the words say a server of theirs was tried and gave no reply, nothing more
        assertTrue(tried.contains("Where such a line names one of your servers, Salesforce tried that server but got"
                + " no reply from it: your logs may show the connection."), tried);
        assertFalse(tried.contains("reached your"), tried);
        String triedSv = ReportWording.of(ReportTexts.of(SWEDISH)).mailTeamIntro(model(f, litware, SWEDISH));
        assertTrue(triedSv.contains("era loggar kan visa anslutningen"), triedSv);
    }

    /** Two messages to contoso.example, no other domain. */
    private static ReportFixture oneDomain() {
        ReportFixture f = new ReportFixture("mail-teams.csv");
        f.message("<c1@host.example>", "anna@contoso.example").received()
                .delivery("mx.contoso.example", "192.0.2.10", "250 2.0.0 Ok", "TLSv1.3:TLS_AES_256_GCM_SHA384")
                .delivered();
        f.message("<c2@host.example>", "bo@contoso.example").received()
                .permanentFailure("mx.contoso.example", "192.0.2.10", "550 5.1.1 User unknown")
                .bounced(Category.RECIPIENT, Actor.SENDER_ADMIN, "", "");
        return f;
    }

    /** {@link #oneDomain()} and one message to gmail.com, each domain's team with its own to look for. */
    private static ReportFixture twoDomains() {
        ReportFixture f = oneDomain();
        f.message("<g1@host.example>", "carla@gmail.com").received()
                .permanentFailure("gmail-smtp-in.l.google.com", "192.0.2.20", "550 5.7.26 Unauthenticated email")
                .bounced(Category.AUTHENTICATION, Actor.SENDER_ADMIN, "", "");
        return f;
    }

    private static ReportModel model(ReportFixture f, ReportOptions options, Locale language) {
        return new ReportBuilder(f.analysis(), options.withLanguage(language)).rawRows(f.rawRows()).build();
    }

    private static ReportModel severalDomains(Locale language) {
        return model(twoDomains(), ReportOptions.defaults(), language);
    }

    /** The same log with the report restricted to contoso.example, as {@code --domain contoso.example} does. */
    private static ReportModel oneDomain(Locale language) {
        return model(twoDomains(), ReportOptions.defaults().withDomains(Set.of("contoso.example")), language);
    }

    private static String text(ReportModel model, String name) throws IOException {
        return new String(ReportTestSupport.render(ReportFormat.TEXT, model, name), StandardCharsets.UTF_8);
    }

    private static String html(ReportModel model, String name) throws IOException {
        return new String(ReportTestSupport.render(ReportFormat.HTML, model, name), StandardCharsets.UTF_8);
    }

    private static String pdf(ReportModel model, String name) throws IOException {
        try (PDDocument doc = Loader.loadPDF(ReportTestSupport.render(ReportFormat.PDF, model, name))) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /** The text as one line, the note's and the PDF's line breaks undone. */
    private static String unwrapped(String s) {
        return s.replaceAll("\\s+", " ");
    }

    @Test
    void theNoteOnSeveralDomainsSpeaksToEachDomainsTeamNotToOneAsYou() throws IOException {
        ReportModel model = severalDomains(Locale.ENGLISH);
        assertEquals(2, model.recipientDomains().size());
        String note = text(model, "mail-teams-several");
        assertTrue(note.startsWith("Hello,\n\n"), note);
        String flat = unwrapped(note);
        assertTrue(flat.contains(TEAMS_INTRO), note);
        assertTrue(flat.contains(TEAMS_REQUEST), note);
        assertFalse(flat.contains("to you from Salesforce"), note);
        assertFalse(flat.contains("your servers"), note);
        assertFalse(flat.contains("these Message ID Headers"), note);
        // the request comes before the first domain's messages it points to
        assertTrue(note.indexOf("For the mail teams") < note.indexOf("Message ID Header: "), note);
    }

    @Test
    void theNoteListsEachDomainsMessagesUnderItsNameAndNoOtherDomains() throws IOException {
        ReportModel model = severalDomains(Locale.ENGLISH);
        String note = text(model, "mail-teams-several");
        String contoso = section(note, "contoso.example");
        String gmail = section(note, "gmail.com");
        for (String id : List.of("<c1@host.example>", "<c2@host.example>")) {
            assertTrue(contoso.contains("Message ID Header: " + id), contoso);
            assertFalse(gmail.contains(id), gmail);
        }
        assertTrue(gmail.contains("Message ID Header: <g1@host.example>"), gmail);
        assertFalse(contoso.contains("<g1@host.example>"), contoso);
    }

    /** A domain's part of the note: from its underlined name to the next underlined heading or the raw rows. */
    private static String section(String note, String domain) {
        String heading = domain + "\n" + "=".repeat(domain.length()) + "\n";
        int start = note.indexOf(heading);
        assertTrue(start >= 0, domain + " heading in\n" + note);
        int from = start + heading.length();
        int end = note.length();
        java.util.regex.Matcher next = java.util.regex.Pattern.compile("\n[^\n]+\n[=-]+\n").matcher(note);
        if (next.find(from)) {
            end = next.start();
        }
        return note.substring(from, end);
    }

    @Test
    void theHtmlAndPdfOnSeveralDomainsSayTheSame() throws IOException {
        ReportModel model = severalDomains(Locale.ENGLISH);
        String html = html(model, "mail-teams-several");
        assertTrue(html.contains("<p class=\"subtitle\">" + TEAMS_SUBTITLE + "</p>"), html);
        assertTrue(html.contains("<h2 id=\"mail-team\">For the recipients' mail teams</h2>\n<p>" + TEAMS_REQUEST
                + "</p>"), html);
        assertFalse(html.contains("your servers"), html);
        String pdf = unwrapped(pdf(model, "mail-teams-several"));
        for (String said : List.of(TEAMS_SUBTITLE, "For the recipients' mail teams", TEAMS_REQUEST)) {
            assertTrue(pdf.contains(said), said + " in\n" + pdf);
        }
        assertFalse(pdf.contains("your servers"), pdf);
        assertFalse(pdf.contains("For the mail team of"), pdf);
    }

    @Test
    void aReportOnOneDomainSpeaksToItsTeamAsItAlwaysDid() throws IOException {
        assertTrue(oneDomain(Locale.ENGLISH).addressedToMailTeam(), "--domain contoso.example");
        for (ReportModel model : List.of(oneDomain(Locale.ENGLISH),
                model(oneDomain(), ReportOptions.defaults(), Locale.ENGLISH))) {
            assertEquals(1, model.recipientDomains().size());
            String note = text(model, "mail-teams-one");
            assertTrue(note.startsWith("Hello,\n\n"), note);
            String flat = unwrapped(note);
            assertTrue(flat.contains(ONE_TEAM_INTRO), note);
            assertTrue(flat.contains(ONE_TEAM_REQUEST), note);
            assertFalse(flat.contains("mail teams"), note);
            String html = html(model, "mail-teams-one");
            String subtitle = model.addressedToMailTeam() ? YOUR_TEAM_SUBTITLE : ONE_TEAM_SUBTITLE;
            assertTrue(html.contains("<p class=\"subtitle\">" + subtitle + "</p>"), html);
            // the review: the HTML said "For the recipients' mail teams" where the PDF named the one domain's team
            assertTrue(html.contains("<h2 id=\"mail-team\">For the mail team of <bdi dir=\"ltr\">contoso.example</bdi>"
                    + "</h2>\n<p>" + ONE_TEAM_REQUEST + "</p>"), html);
            assertTrue(html.contains("<a href=\"#mail-team\">For the mail team of <bdi dir=\"ltr\">contoso.example"
                    + "</bdi></a>"), html);
            assertFalse(html.contains("recipients' mail teams"), html);
            String pdf = unwrapped(pdf(model, "mail-teams-one"));
            for (String said : List.of(subtitle, "For the mail team of contoso.example", ONE_TEAM_REQUEST)) {
                assertTrue(pdf.contains(said), said + " in\n" + pdf);
            }
            assertFalse(pdf.contains("domains below"), pdf);
        }
    }

    @Test
    void theOneDomainNoteIsWordForWordWhatItWas() throws IOException {
        // the note's opening as MailPath wrote it before several domains were told apart, line breaks and all (with
        // the later sentence on a message refused at RCPT TO, which this log has)
        String note = text(oneDomain(Locale.ENGLISH), "mail-teams-one");
        assertTrue(note.startsWith("""
                Hello,

                We send email to you from Salesforce and have looked at the delivery log
                (mail-teams.csv, 20 November 2026, 08:00 UTC – 20 November 2026, 08:10
                UTC).

                """), note);
        assertTrue(note.contains("""

                Please search your mail transport logs for these Message ID Headers.
                Salesforce logged each attempt with the exact reply your servers gave; all
                times are UTC. A message refused before its content was sent (at the
                connection, the greeting, EHLO, STARTTLS, MAIL FROM or RCPT TO) never had
                its Message ID Header reach your server: look for it by its time, the
                receiving server named in its log lines and, where it got as far as RCPT
                TO, its recipient.

                contoso.example
                ===============
                """), note);
    }

    @Test
    void inSwedishTooSeveralDomainsAreNotOneTeam() throws IOException {
        String several = unwrapped(text(severalDomains(SWEDISH), "mail-teams-several-sv"));
        assertTrue(several.contains("Vi skickar e-post från Salesforce till de 2 mottagardomänerna nedan och har gått"
                + " igenom leveransloggen (mail-teams.csv,"), several);
        assertTrue(several.contains("Till e-postteamen för domänerna nedan: meddelandena till varje domän står under"
                + " domänens namn. Sök gärna i era e-postserverloggar efter meddelandena under er egen domän med hjälp"
                + " av deras Message ID Header."), several);
        assertFalse(several.contains("till er från Salesforce") || several.contains("era servrar"), several);
        String html = html(severalDomains(SWEDISH), "mail-teams-several-sv");
        assertTrue(html.contains("<p class=\"subtitle\">Analys av en e-postlogg från Salesforce, för mottagarnas"
                + " e-postteam och vår Salesforce-administratör</p>"), html);

        String one = unwrapped(text(oneDomain(SWEDISH), "mail-teams-one-sv"));
        assertTrue(one.contains("Vi skickar e-post till er från Salesforce och har gått igenom leveransloggen"), one);
        assertTrue(one.contains("Sök gärna efter de här meddelandena i era e-postserverloggar med hjälp av deras"
                + " Message ID Header. Salesforce"
                + " loggade varje försök med exakt det svar som era servrar gav; alla tider är i UTC."), one);
        assertFalse(one.contains("domänerna nedan"), one);
        String oneHtml = html(oneDomain(SWEDISH), "mail-teams-one-sv");
        assertTrue(oneHtml.contains("<p class=\"subtitle\">Analys av en e-postlogg från Salesforce, för ert"
                + " e-postteam och vår Salesforce-administratör</p>"), oneHtml);
        assertFalse(oneHtml.contains("mottagarens e-postteam"), oneHtml);
    }
}
