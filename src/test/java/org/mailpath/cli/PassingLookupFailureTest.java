package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.engine.log.LogFixtures.noRelay;
import static org.mailpath.engine.report.ReportFixture.messageTo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.report.CauseRow;
import org.mailpath.engine.report.MessageEntry;
import org.mailpath.engine.report.ReportBuilder;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.ReportOptions;
import org.mailpath.engine.status.Category;
import org.mailpath.report.ReportWording;

/**
 * Salesforce's "[internal] Domain Lookup Failed" to dan@contoso.example at 08:30, while contoso's servers accepted a
 * message at 08:01 and replied to another at 09:00: the domain exists, and the failure came and went. The report (to
 * contoso's team and to our admin) and analyze's JSON and text say so, not the reply's "it does not exist, or its DNS
 * servers do not answer in a standard way". A lookup failure with the domain's servers seen answering before it only
 * keeps the reply's words: it may have lapsed since.
 */
class PassingLookupFailureTest {

    private static final String LOOKUP = "554 5.4.4 [internal] Domain Lookup Failed";
    private static final String FULL = "452 4.2.2 The recipient's mailbox is full and can't accept messages now."
            + " Please try again later. [DM6NAM12FT015.eop-nam12.prod.protection.outlook.com]";

    @TempDir
    Path dir;

    @Test
    void aLookupFailureBetweenAnswersOfTheDomainCameAndWent() throws Exception {
        LogAnalysis a = analysis(true);
        for (Locale language : new Locale[] {Locale.ENGLISH, Locale.forLanguageTag("sv")}) {
            ResourceBundle texts = ResourceBundle.getBundle("org.mailpath.engine.report.report-text", language);
            ReportModel team = new ReportBuilder(a, ReportOptions.defaults().withLanguage(language)
                    .withDomains(Set.of("contoso.example"))).build();
            MessageEntry dan = messageTo(team, "dan@contoso.example");
            assertEquals(texts.getString("lookupFailed.passing.meaning.mailTeam"), dan.mailTeamExplanation());
            assertEquals(texts.getString("lookupFailed.passing.remediation.mailTeam"), dan.mailTeamRemediation());
            ReportModel admin = new ReportBuilder(a, ReportOptions.defaults().withLanguage(language)).build();
            MessageEntry ours = messageTo(admin, "dan@contoso.example");
            assertEquals(texts.getString("lookupFailed.passing.meaning"), ours.explanation());
            assertEquals(texts.getString("lookupFailed.passing.remediation"), ours.remediation());
            assertTrue(team.conclusion().contains(language == Locale.ENGLISH ? "look up your domain" : "er domän"),
                    team.conclusion());
        }
        JsonNode dan = ChainJson.of(a, "dan@contoso.example");
        assertTrue(dan.get("explanation").asText().contains("the failure came and went"), dan.toString());
        assertTrue(dan.get("remediation").asText().startsWith("Send the message again: the domain was found before"
                + " and after the failure."), dan.toString());
        StringWriter text = new StringWriter();
        AnalysisTextFormat.write(a, new PrintWriter(text));
        assertTrue(text.toString().contains("Meaning: Salesforce's mail servers could not look up the recipient domain"
                + " in DNS at that time, although the log shows"), text.toString());
    }

    /**
     * The postmaster review: {@code analyze} filed the failure that came and went under "Recipient's mail team" alone,
     * though its first step is "Send the message again", and the report's row said "Your mail team" beside "We send
     * the message again". Both sides, as deferrals until Salesforce gave up are: our admin sends it again, what
     * stopped it lies with the recipient's name servers.
     */
    @Test
    void aLookupFailureThatCameAndWentIsFiledForBothSides() throws Exception {
        LogAnalysis a = analysis(true);
        assertEquals("SENDER_ADMIN", ChainJson.of(a, "dan@contoso.example").get("actor").asText());
        StringWriter text = new StringWriter();
        AnalysisTextFormat.write(a, new PrintWriter(text));
        String plan = text.toString().substring(text.toString().indexOf("What to do (grouped by whoever must act"));
        int ours = plan.indexOf("Send the message again: the domain was found before and after the failure.");
        assertTrue(ours > 0 && ours < plan.indexOf("  Recipient's mail team"), plan);
        assertTrue(plan.contains("Also for the recipient's mail team: lookups of their domain failed for a while,"
                + " although their mail servers were found before and after."), plan);
        for (Locale language : new Locale[] {Locale.ENGLISH, Locale.forLanguageTag("sv")}) {
            ResourceBundle texts = ResourceBundle.getBundle("org.mailpath.engine.report.report-text", language);
            ReportModel team = new ReportBuilder(a, ReportOptions.defaults().withLanguage(language)
                    .withDomains(Set.of("contoso.example"))).build();
            CauseRow row = team.summary().causes().stream().filter(r -> r.category() == Category.DNS).findFirst()
                    .orElseThrow();
            assertEquals(texts.getString("actor.you.stoppedByRecipient"), ReportWording.of(team).causeActor(team, row));
            assertEquals(texts.getString("lookupFailed.passing.remediation.mailTeam"), ReportWording.causeFix(row));
            MessageEntry dan = messageTo(team, "dan@contoso.example");
            assertEquals(Actor.SENDER_ADMIN, dan.actor());
            assertEquals(Actor.RECIPIENT_MAIL_TEAM, dan.stoppedBy());
            assertTrue(ReportWording.of(team).todo(dan).orElseThrow().startsWith(texts
                    .getString("todo.mailTeam.stoppedByRecipient").replace("{0}", "")), dan.toString());
            ReportModel admin = new ReportBuilder(a, ReportOptions.defaults().withLanguage(language)).build();
            CauseRow ourRow = admin.summary().causes().stream().filter(r -> r.category() == Category.DNS)
                    .findFirst().orElseThrow();
            assertEquals(Actor.SENDER_ADMIN, ourRow.actor());
            assertEquals(Actor.RECIPIENT_MAIL_TEAM, ourRow.stoppedBy());
        }
    }

    @Test
    void aLookupFailureAfterTheLastAnswerKeepsTheReplysWords() throws Exception {
        LogAnalysis a = analysis(false);
        String reply = "Salesforce's mail servers could not look up the recipient domain in DNS: it does not exist,"
                + " or its DNS servers do not answer in a standard way.";
        assertEquals(reply, ChainJson.of(a, "dan@contoso.example").get("explanation").asText());
        assertEquals(reply, messageTo(new ReportBuilder(a, ReportOptions.defaults()).build(), "dan@contoso.example")
                .explanation());
    }

    /**
     * The contact after the failure may be no reply at all: Salesforce's own "451 4.4.2 [internal] no banner" at a
     * named relay still shows the domain's servers found (its name was looked up), but not "answering Salesforce",
     * as the words said (the postmaster review). They say what the log shows: the servers found, mail delivered to
     * them or tried.
     */
    @Test
    void aContactWithoutAReplyIsNotCalledAnAnswer() throws Exception {
        LogAnalysis a = LogFixtures.analyze(LogFixtures.writeLog(dir, "log.csv",
                LogFixtures.row("12/1/2026 8:01", "D", "ann@contoso.example", "m1", "250 2.6.0 Queued mail for delivery",
                        LogFixtures.TLS),
                noRelay(LogFixtures.row("12/1/2026 8:30", "P", "dan@contoso.example", "m2", LOOKUP, "")),
                LogFixtures.row("12/1/2026 9:00", "P", "eve@contoso.example", "m3", "451 4.4.2 [internal] no banner",
                        "")));
        for (Locale language : new Locale[] {Locale.ENGLISH, Locale.forLanguageTag("sv")}) {
            boolean en = language == Locale.ENGLISH;
            ReportModel team = new ReportBuilder(a, ReportOptions.defaults().withLanguage(language)
                    .withDomains(Set.of("contoso.example"))).build();
            String theirs = messageTo(team, "dan@contoso.example").mailTeamExplanation();
            assertTrue(theirs.contains(en ? "the log shows Salesforce finding your mail servers before and after it"
                    + " (delivering to them, or trying to)" : "Salesforce hittade era e-postservrar före och efter"
                    + " (och levererade till dem eller försökte)"), theirs);
            String ours = messageTo(new ReportBuilder(a, ReportOptions.defaults().withLanguage(language)).build(),
                    "dan@contoso.example").explanation();
            assertTrue(!ours.contains(en ? "answering" : "svarade"), ours);
            assertTrue(ours.contains(en ? "the failure came and went" : "felet kom och gick"), ours);
        }
    }

    /** ann delivered at 08:01, dan's lookup failure at 08:30, and (if {@code after}) eve's 452 from their server at 09:00. */
    private LogAnalysis analysis(boolean after) throws Exception {
        Path log = LogFixtures.writeLog(dir, "log.csv",
                LogFixtures.row("12/1/2026 8:00", "R", "ann@contoso.example", "m1", "", ""),
                LogFixtures.row("12/1/2026 8:01", "D", "ann@contoso.example", "m1", "250 2.6.0 Queued mail for delivery",
                        LogFixtures.TLS),
                LogFixtures.row("12/1/2026 8:30", "R", "dan@contoso.example", "m2", "", ""),
                noRelay(LogFixtures.row("12/1/2026 8:30", "P", "dan@contoso.example", "m2", LOOKUP, "")),
                LogFixtures.row("12/1/2026 9:00", "R", "eve@contoso.example", "m3", "", ""),
                after ? LogFixtures.row("12/1/2026 9:00", "T", "eve@contoso.example", "m3", FULL, "")
                        : LogFixtures.row("12/1/2026 9:00", "R", "fay@contoso.example", "m4", "", ""));
        return LogFixtures.analyze(log);
    }
}
