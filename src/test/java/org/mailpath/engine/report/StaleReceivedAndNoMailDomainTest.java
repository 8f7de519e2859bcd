package org.mailpath.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.analysis.EmailLogAnalyzer;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.ProgressListener;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.log.LogFixtures;

/**
 * A received-only message whose R is more than 24 hours before the log's end is said to miss its later rows, as a
 * stale deferral its outcome; a failed message to a domain the DNS checks found no mail can reach is told what that
 * fact means, not its reply's generic advice.
 */
class StaleReceivedAndNoMailDomainTest {

    private static ReportOptions options() {
        return ReportOptions.defaults().withGeneratedAt(SampleReportData.GENERATED);
    }

    private int logs;

    private LogAnalysis analyse(Path dir, String... rows) throws Exception {
        String[] lines = new String[rows.length + 1];
        lines[0] = LogFixtures.HEADER;
        System.arraycopy(rows, 0, lines, 1, rows.length);
        Path log = LogFixtures.write(dir, "log" + (++logs) + ".csv", LogFixtures.lines(lines));
        return new EmailLogAnalyzer().analyze(log, ProgressListener.NONE, Cancellation.none());
    }

    @Test
    void aReceivedOnlyMessageOlderThanADayIsSaidToMissItsLaterRows(@TempDir Path dir) throws Exception {
        LogAnalysis a = analyse(dir,
                LogFixtures.row("3/6/2009 8:00", "R", "old@corp.example", "m1", "", ""),
                LogFixtures.row("3/7/2009 8:00", "R", "new@corp.example", "m2", "", ""),
                LogFixtures.row("3/7/2009 9:00", "R", "r@corp.example", "m3", "", ""));
        ReportModel m = new ReportBuilder(a, options()).build();
        assertEquals(1, m.summary().staleReceived());
        assertTrue(m.conclusion().contains("all 3 were received by Salesforce: 2 not yet handed on within the log,"
                + " 1 with no later row in the log although Salesforce hands a message on, defers or bounces it"
                + " within 24 hours (the log may have been cut off or miss the later rows)"), m.conclusion());
        List<MessageEntry> entries = m.recipientDomains().getFirst().messages();
        MessageEntry old = entries.stream().filter(e -> e.recipient().startsWith("old")).findFirst().orElseThrow();
        MessageEntry recent = entries.stream().filter(e -> e.recipient().startsWith("new")).findFirst().orElseThrow();
        assertTrue(old.staleReceived());
        assertFalse(recent.staleReceived());
        assertTrue(old.remediation().contains("Request a log that covers the day after it was received"),
                old.remediation());
        assertTrue(old.remediation().contains("ask Salesforce support"), old.remediation());
        assertTrue(old.mailTeamRemediation().contains("what became of it is ours to look into"),
                old.mailTeamRemediation());
        assertEquals(Actor.SENDER_ADMIN, old.actor());
        assertEquals("", recent.remediation());
        assertEquals("", recent.mailTeamRemediation());

        // only stale ones: said of them all, in Swedish too
        LogAnalysis allOld = analyse(dir,
                LogFixtures.row("3/6/2009 8:00", "R", "old@corp.example", "m1", "", ""),
                LogFixtures.row("3/7/2009 9:00", "D", "x@other.example", "m3", "250 ok", ""));
        ReportModel one = new ReportBuilder(allOld, options()).build();
        assertTrue(one.conclusion().contains("1 was received by Salesforce but has no later row in the log"),
                one.conclusion());
        ReportModel sv = new ReportBuilder(allOld, options().withLanguage(Locale.forLanguageTag("sv"))).build();
        assertTrue(sv.conclusion().contains("togs emot av Salesforce men har ingen senare rad i loggen"),
                sv.conclusion());
    }

}
