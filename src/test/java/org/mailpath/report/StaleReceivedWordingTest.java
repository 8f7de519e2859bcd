package org.mailpath.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.analysis.EmailLogAnalyzer;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.ProgressListener;
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.engine.report.MessageEntry;
import org.mailpath.engine.report.ReportBuilder;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.ReportOptions;
import org.mailpath.engine.report.ReportTexts;

/** The mail team's intro and a message's line say of a received-only message past 24 hours that rows are missing. */
class StaleReceivedWordingTest {

    @Test
    void theMailTeamIsToldThatTheLogLikelyMissesTheLaterRows(@TempDir Path dir) throws Exception {
        Path log = LogFixtures.write(dir, "log.csv", LogFixtures.lines(LogFixtures.HEADER,
                LogFixtures.row("3/6/2009 8:00", "R", "old@corp.example", "m1", "", ""),
                LogFixtures.row("3/7/2009 8:00", "R", "new@corp.example", "m2", "", ""),
                LogFixtures.row("3/7/2009 9:00", "D", "r@corp.example", "m3", "250 ok", "")));
        LogAnalysis a = new EmailLogAnalyzer().analyze(log, ProgressListener.NONE, Cancellation.none());
        ReportOptions toTeam = ReportOptions.defaults().withDomains(Set.of("corp.example"));
        ReportModel m = new ReportBuilder(a, toTeam).build();
        ReportWording en = ReportWording.of(ReportTexts.english());
        String intro = en.mailTeamIntro(m);
        assertTrue(intro.contains("For one of them the log goes on for more than 24 hours, within which Salesforce"
                + " hands a message on, defers or bounces it: it likely misses its later rows"), intro);
        MessageEntry old = m.recipientDomains().getFirst().messages().stream()
                .filter(e -> e.recipient().startsWith("old")).findFirst().orElseThrow();
        MessageEntry recent = m.recipientDomains().getFirst().messages().stream()
                .filter(e -> e.recipient().startsWith("new")).findFirst().orElseThrow();
        assertTrue(en.todo(old).orElseThrow().startsWith("Outcome missing: Salesforce hands a message on"),
                en.todo(old).toString());
        assertFalse(en.todo(recent).isPresent());

        // only the stale one: the intro says so of all of them, in Swedish too
        Path older = LogFixtures.write(dir, "older.csv", LogFixtures.lines(LogFixtures.HEADER,
                LogFixtures.row("3/6/2009 8:00", "R", "old@corp.example", "m1", "", ""),
                LogFixtures.row("3/7/2009 9:00", "D", "r@corp.example", "m3", "250 ok", "")));
        LogAnalysis b = new EmailLogAnalyzer().analyze(older, ProgressListener.NONE, Cancellation.none());
        String all = en.mailTeamIntro(new ReportBuilder(b, toTeam).build());
        assertTrue(all.contains("the log likely misses their later rows, which is ours to look into"), all);
        assertFalse(all.contains("not yet handed on"), all);
        Locale sv = Locale.forLanguageTag("sv");
        String swedish = ReportWording.of(ReportTexts.of(sv))
                .mailTeamIntro(new ReportBuilder(b, toTeam.withLanguage(sv)).build());
        assertTrue(swedish.contains("loggen saknar troligen deras senare rader"), swedish);
        assertEquals(1, new ReportBuilder(b, toTeam).build().summary().staleReceived());
    }

    /**
     * A stale deferral (a T with no outcome more than 24 hours before the log's end) of a full mailbox: its outcome is
     * ours to look into, so the causes table names our admin beside those words, not the reply's "Your mail team",
     * in English and Swedish, as a stale received-only message already has it.
     */
    @Test
    void aStaleDeferralsCauseIsOurAdminsToLookInto(@TempDir Path dir) throws Exception {
        Path log = LogFixtures.write(dir, "s2.csv", LogFixtures.lines(LogFixtures.HEADER,
                LogFixtures.row("11/16/2026 9:00", "T", "full@stale.example", "m1", "452 4.2.2 Mailbox full", ""),
                LogFixtures.row("11/18/2026 9:00", "D", "x@other.example", "m2", "250 ok", "")));
        LogAnalysis a = new EmailLogAnalyzer().analyze(log, ProgressListener.NONE, Cancellation.none());
        for (String tag : new String[] {"en", "sv"}) {
            Locale language = Locale.forLanguageTag(tag);
            ReportModel m = new ReportBuilder(a, ReportOptions.defaults().withDomains(Set.of("stale.example"))
                    .withLanguage(language)).build();
            assertTrue(m.addressedToMailTeam());
            ReportWording words = ReportWording.of(m);
            org.mailpath.engine.report.CauseRow row = m.summary().causes().getFirst();
            assertEquals(1, m.summary().causes().size(), m.summary().causes().toString());
            assertEquals(1, row.deferred());
            assertEquals(ReportTexts.of(language).get("deferral.stale.mailTeam"), ReportWording.causeFix(row));
            assertEquals(ReportTexts.of(language).get("actor.SENDER_ADMIN"), words.causeActor(m, row), tag);
        }
    }
}
