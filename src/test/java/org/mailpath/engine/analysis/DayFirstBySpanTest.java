package org.mailpath.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.engine.log.LogFixtures.analyze;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.Progress;
import org.mailpath.engine.common.ProgressPhase;
import org.mailpath.engine.log.EmailLogReader;
import org.mailpath.engine.log.FileProblem;
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.engine.log.LogLimits;
import org.mailpath.engine.log.ReadAssumptions;
import org.mailpath.engine.status.StatusKnowledgeBase;

/**
 * The reviewer's defect: a UK spreadsheet's re-save of a log of 6 and 7 November (06/11/2026 … 07/11/2026, dd/MM/yyyy
 * HH:mm:ss, every day 12 or less) was read month first, 11 June to 11 July, with no warning. No date decides the order,
 * but one Email Log export covers at most 7 days: a file whose dates read month first span more than that while read
 * day first they do not is read day first, saying why. Decided per file: logs analysed together may span weeks.
 */
class DayFirstBySpanTest {

    @TempDir
    Path dir;

    /**
     * {@code n} rows (a received and a delivered row per message, IDs starting {@code prefix}), row i on day
     * {@code day} of {@code month} 2026 from 8:00, a minute apart; written {@code dd/MM/yyyy HH:mm:ss} (a UK
     * spreadsheet) if {@code dayFirst}, else {@code M/d/yyyy H:mm:ss} (Salesforce).
     */
    private static String log(int n, IntUnaryOperator day, int month, boolean dayFirst, String prefix) {
        StringBuilder sb = new StringBuilder(LogFixtures.HEADER).append("\r\n");
        for (int i = 0; i < n; i++) {
            int d = day.applyAsInt(i);
            int minutes = 8 * 60 + i % 900;
            String time = String.format(Locale.ROOT, dayFirst ? "%02d:%02d:%02d" : "%d:%02d:%02d", minutes / 60,
                    minutes % 60, i % 60);
            String date = dayFirst ? String.format(Locale.ROOT, "%02d/%02d/2026 ", d, month) + time
                    : month + "/" + d + "/2026 " + time;
            sb.append(LogFixtures.row(date, i % 2 == 0 ? "R" : "D", "user" + (i / 2 % 37) + "@example.com",
                    prefix + (i / 2), i % 2 == 0 ? "" : "250 2.0.0 OK", i % 2 == 0 ? "" : LogFixtures.TLS))
                    .append("\r\n");
        }
        return sb.toString();
    }

    /** The reviewer's sample, moved: 6 November from 8:00, then 7 November, re-saved by a UK spreadsheet. */
    private static String ukLog(int n) {
        return log(n, i -> i < n / 2 ? 6 : 7, 11, true, "u");
    }

    private static LogAnalysis analyse(List<Progress> progress, Path... files) throws UnusableLogException {
        return new EmailLogAnalyzer().analyze(List.of(files), progress::add, Cancellation.none());
    }

    private static List<String> messages(LogAnalysis a) {
        return a.problems().stream().map(FileProblem::message).toList();
    }

    private static boolean saysDayFirst(LogAnalysis a) {
        return a.problems().stream().anyMatch(ReadAssumptions::isReadDayFirst);
    }

    @Test
    void aUkResaveOfTwoDaysIsReadDayFirstSayingWhy() throws Exception {
        Path uk = LogFixtures.write(dir, "uk-ambig.csv", ukLog(200));
        List<Progress> progress = new ArrayList<>();
        LogAnalysis read = analyse(progress, uk);
        assertEquals(200, read.rows());
        assertEquals(0, read.rejectedRows(), messages(read).toString());
        assertEquals(Instant.parse("2026-11-06T08:00:00Z"), read.firstEvent().orElseThrow());
        assertEquals(Instant.parse("2026-11-07T11:19:19Z"), read.lastEvent().orElseThrow());
        FileProblem why = read.problems().stream().filter(ReadAssumptions::isReadDayFirst).findFirst()
                .orElseThrow(() -> new AssertionError(messages(read)));
        // read month first: 11 June 8:00 to 11 July 11:19, 30 days and more; day first: 6 November to the 7th
        assertTrue(why.message().startsWith("The dates were read day first (d/M/yyyy"), why.message());
        assertTrue(why.message().contains("read month first they would span 31 days, more than one Email Log export"
                + " covers (at most 7 days), while read day first they span 2 days."), why.message());
        assertTrue(ReadAssumptions.isOne(why));
        assertEquals(List.of(0), ReadCaveats.readDayFirst(read));
        // a second read, naming the file
        DayFirstRereadTest.assertPhasesGoForward(progress, List.of(ProgressPhase.FIRST,
                new ProgressPhase.ReadAgain(true, List.of("uk-ambig.csv"))));
        // the same as the log written month first
        LogAnalysis monthFirst = analyze(LogFixtures.write(dir, "m.csv", log(200, i -> i < 100 ? 6 : 7, 11, false,
                "u")));
        assertEquals(monthFirst.chains(), read.chains());
        assertFalse(saysDayFirst(monthFirst));
    }

    @Test
    void aTwoPartReadSpansBothParts() throws Exception {
        // the first half holds only 6 November (11 June month first): only with the second half's 7th do the dates
        // span a month read month first
        Path uk = LogFixtures.write(dir, "uk.csv", log(20_000, i -> i < 15_000 ? 6 : 7, 11, true, "u"));
        LogAnalysis halves = new EmailLogAnalyzer(StatusKnowledgeBase.standard(),
                new EmailLogReader(LogLimits.DEFAULT, 1)).analyze(List.of(uk), p -> { }, Cancellation.none());
        LogAnalysis onePass = analyze(uk);
        assertEquals(Instant.parse("2026-11-06T08:00:00Z"), halves.firstEvent().orElseThrow());
        assertEquals(onePass.chains(), halves.chains());
        assertEquals(messages(onePass), messages(halves));
        assertTrue(saysDayFirst(halves), messages(halves).toString());
    }

    @Test
    void aMonthFirstLogOfSevenDaysStaysMonthFirst() throws Exception {
        // 1 to 8 November 8:00, exactly 7 days, every date read either way; day first it would be 11 January to August
        String text = log(700, i -> 1 + i / 100, 11, false, "m")
                + LogFixtures.row("11/8/2026 8:00:00", "R", "last@example.com", "z", "", "") + "\r\n";
        LogAnalysis read = analyze(LogFixtures.write(dir, "week.csv", text));
        assertEquals(Instant.parse("2026-11-01T08:00:00Z"), read.firstEvent().orElseThrow());
        assertEquals(Instant.parse("2026-11-08T08:00:00Z"), read.lastEvent().orElseThrow());
        assertFalse(saysDayFirst(read), messages(read).toString());
    }

    /** {@code log} without its header, to follow another in one file. */
    private static String withoutHeader(String log) {
        return log.substring(log.indexOf("\r\n") + 2);
    }

    @Test
    void aDayFirstReSaveWithoutLeadingZerosOfTwoDaysSaysDayFirst() throws Exception {
        // the regression reviewer's file: 4 and 5 November re-saved d/M/yyyy H:mm (Greek, en-AU), no leading zeros,
        // 4/11/2026 and 5/11/2026: month first 11 April to 11 May, so deferrals looked stale; read day first, saying
        // why. The price: a file of only the 1st of two months (11/1, 12/1) is read day first too, with the same note
        String text = log(100, i -> 11, 4, false, "g") + withoutHeader(log(100, i -> 11, 5, false, "h"));
        LogAnalysis read = analyze(LogFixtures.write(dir, "greek.csv", text));
        assertEquals(Instant.parse("2026-11-04T08:00:00Z"), read.firstEvent().orElseThrow());
        assertEquals(Instant.parse("2026-11-05T09:39:39Z"), read.lastEvent().orElseThrow());
        assertTrue(saysDayFirst(read), messages(read).toString());
    }

    @Test
    void aSpanNoLogWindowHoldsMonthFirstStillSaysDayFirst() throws Exception {
        // 10/1 and 12/1, as Salesforce writes dates: 1 October to 1 December month first, more than the 30 days
        // Salesforce keeps; 10 to 12 January day first
        String text = log(100, i -> 1, 10, false, "o") + withoutHeader(log(100, i -> 1, 12, false, "d"));
        LogAnalysis read = analyze(LogFixtures.write(dir, "two-months.csv", text));
        assertEquals(Instant.parse("2026-01-10T08:00:00Z"), read.firstEvent().orElseThrow());
        FileProblem why = read.problems().stream().filter(ReadAssumptions::isReadDayFirst).findFirst()
                .orElseThrow(() -> new AssertionError(messages(read)));
        assertTrue(why.message().contains("read month first they would span 62 days"), why.message());
    }

    @Test
    void aMonthFirstLogOfOneDayStaysMonthFirst() throws Exception {
        // 5 November: 11 May day first, one day either way, so nothing tells
        LogAnalysis read = analyze(LogFixtures.write(dir, "day.csv", log(200, i -> 5, 11, false, "m")));
        assertEquals(Instant.parse("2026-11-05T08:00:00Z"), read.firstEvent().orElseThrow());
        assertFalse(saysDayFirst(read), messages(read).toString());
    }

    @Test
    void logsAnalysedTogetherMaySpanWeeks() throws Exception {
        // 1 March and 1 April, a day each: together a month read month first, a day read day first (3 and 4 January)
        Path march = LogFixtures.write(dir, "march.csv", log(100, i -> 1, 3, false, "a"));
        Path april = LogFixtures.write(dir, "april.csv", log(100, i -> 1, 4, false, "b"));
        LogAnalysis months = analyze(march, april);
        assertEquals(Instant.parse("2026-03-01T08:00:00Z"), months.firstEvent().orElseThrow());
        assertEquals(Instant.parse("2026-04-01T09:39:39Z"), months.lastEvent().orElseThrow());
        assertFalse(saysDayFirst(months), messages(months).toString());
        // three weeks of November in two logs, the first telling nothing (1 to 7), the second month first (15 to 21)
        Path first = LogFixtures.write(dir, "w1.csv", log(700, i -> 1 + i / 100, 11, false, "c"));
        Path third = LogFixtures.write(dir, "w3.csv", log(700, i -> 15 + i / 100, 11, false, "d"));
        LogAnalysis weeks = analyze(first, third);
        assertEquals(Instant.parse("2026-11-01T08:00:00Z"), weeks.firstEvent().orElseThrow());
        assertEquals(Instant.parse("2026-11-21T19:39:39Z"), weeks.lastEvent().orElseThrow());
        assertFalse(saysDayFirst(weeks), messages(weeks).toString());
    }

    @Test
    void aLogOfOneDayFollowsALogReadDayFirstByItsSpan() throws Exception {
        // re-saved by the same spreadsheet: 8 November, 11 August month first, one day either way
        Path uk = LogFixtures.write(dir, "uk.csv", ukLog(200));
        Path next = LogFixtures.write(dir, "next.csv", log(100, i -> 8, 11, true, "n"));
        LogAnalysis together = analyze(uk, next);
        assertEquals(Instant.parse("2026-11-06T08:00:00Z"), together.firstEvent().orElseThrow());
        assertEquals(Instant.parse("2026-11-08T09:39:39Z"), together.lastEvent().orElseThrow());
        assertTrue(together.problems().stream().anyMatch(p -> p.file().equals("next.csv")
                && p.message().startsWith("The dates were read day first (d/M/yyyy) like those of uk.csv")),
                messages(together).toString());
    }
}
