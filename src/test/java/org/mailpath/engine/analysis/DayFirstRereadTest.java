package org.mailpath.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.engine.log.LogFixtures.analyze;
import static org.mailpath.engine.log.LogFixtures.zip;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * A log re-saved day first whose first rows cannot tell the order is read again day first once its later dates
 * show it; a file whose dates cannot tell follows the files analysed with it that were read day first.
 */
class DayFirstRereadTest {

    private static final String SECOND_TIME = "so the file was read a second time, day first";

    @TempDir
    Path dir;

    /**
     * {@code n} rows (a received and a delivered or bounced row per message, IDs starting {@code prefix}) on the day
     * {@code day} gives row i, of {@code month} 2026, written day first or month first; a blank line after each row
     * with {@code blankLines}.
     */
    private static String log(int n, IntUnaryOperator day, int month, boolean dayFirst, String prefix,
                              boolean blankLines) {
        StringBuilder sb = new StringBuilder(LogFixtures.HEADER).append("\r\n");
        for (int i = 0; i < n; i++) {
            int d = day.applyAsInt(i);
            int minutes = i % 1440;
            String date = (dayFirst ? d + "/" + month : month + "/" + d) + "/2026 " + (minutes / 60) + ":"
                    + String.format(Locale.ROOT, "%02d", minutes % 60);
            boolean bounced = i / 2 % 10 == 3;
            String event = i % 2 == 0 ? "R" : bounced ? "P" : "D";
            String status = i % 2 == 0 ? "" : bounced ? "550 5.1.1 no such user" : "250 2.0.0 OK";
            sb.append(LogFixtures.row(date, event, "user" + (i / 2 % 37) + "@example.com", prefix + (i / 2), status,
                    i % 2 == 0 ? "" : LogFixtures.TLS)).append("\r\n");
            if (blankLines) {
                sb.append("\r\n");
            }
        }
        return sb.toString();
    }

    /** The reviewer's file: 5,000 rows dated the 5th of December, then 25,000 dated the 14th. */
    private static String reviewersLog(boolean dayFirst) {
        return log(30_000, i -> i < 5000 ? 5 : 14, 12, dayFirst, "m", false);
    }

    private static LogAnalysis analyse(EmailLogAnalyzer analyzer, List<Progress> progress, Path... files)
            throws UnusableLogException {
        return analyzer.analyze(List.of(files), progress::add, Cancellation.none());
    }

    private static void assertSameAnalysis(LogAnalysis expected, LogAnalysis actual) {
        assertEquals(expected.chains(), actual.chains());
        assertEquals(expected.verdicts(), actual.verdicts());
        assertEquals(expected.firstEvent(), actual.firstEvent());
        assertEquals(expected.lastEvent(), actual.lastEvent());
        assertEquals(expected.rows(), actual.rows());
        assertEquals(expected.rejectedRows(), actual.rejectedRows());
    }

    private static List<String> messages(LogAnalysis a) {
        return a.problems().stream().map(FileProblem::message).toList();
    }

    @Test
    void aDayFirstFileWhoseFirstRowsCannotTellIsReadAgainDayFirst() throws Exception {
        Path dayFirst = LogFixtures.write(dir, "d.csv", reviewersLog(true));
        List<Progress> progress = new ArrayList<>();
        LogAnalysis read = analyse(new EmailLogAnalyzer(), progress, dayFirst);
        LogAnalysis monthFirst = analyze(LogFixtures.write(dir, "m.csv", reviewersLog(false)));
        assertEquals(30_000, read.rows());
        assertEquals(0, read.rejectedRows(), messages(read).toString());
        assertEquals(Instant.parse("2026-12-05T00:00:00Z"), read.firstEvent().orElseThrow());
        assertSameAnalysis(monthFirst, read);
        assertTrue(messages(read).stream().anyMatch(m -> m.contains("25,000 dates of the file's 30,000")
                && m.contains(SECOND_TIME)), messages(read).toString());
        // the end-of-file naming of the first read is gone with it
        assertFalse(messages(read).stream().anyMatch(m -> m.startsWith("The dates look day first")));
        // the second read is a phase of its own, naming the file: it starts over from none, and no phase goes back
        long size = Files.size(dayFirst);
        ProgressPhase again = new ProgressPhase.ReadAgain(true, List.of("d.csv"));
        assertPhasesGoForward(progress, List.of(ProgressPhase.FIRST, again));
        for (ProgressPhase phase : List.of(ProgressPhase.FIRST, again)) {
            Progress last = progress.stream().filter(p -> p.phase().equals(phase)).reduce((a, b) -> b).orElseThrow();
            assertEquals(size, last.total(), phase.toString());
            assertEquals(size, last.done(), phase.toString());
        }
        assertTrue(progress.stream().filter(p -> p.phase().equals(again)).anyMatch(p -> p.items() > 0),
                "the second read counts its rows");
    }

    /**
     * {@code progress} comes in {@code phases}, one after the other, each starting at none at most once; within a
     * phase its bytes and rows done never go back.
     */
    static void assertPhasesGoForward(List<Progress> progress, List<ProgressPhase> phases) {
        assertEquals(phases, progress.stream().map(Progress::phase).distinct().toList());
        for (int i = 1; i < progress.size(); i++) {
            Progress before = progress.get(i - 1);
            Progress now = progress.get(i);
            if (before.phase().equals(now.phase())) {
                assertTrue(now.done() >= before.done() && now.items() >= before.items(), before + " then " + now);
            } else {
                assertEquals(phases.indexOf(before.phase()) + 1, phases.indexOf(now.phase()), before + " then " + now);
            }
        }
    }

    @Test
    void aTwoPartReadAgreesWithOnePass() throws Exception {
        Path file = LogFixtures.write(dir, "d.csv", reviewersLog(true));
        EmailLogAnalyzer halves = new EmailLogAnalyzer(StatusKnowledgeBase.standard(),
                new EmailLogReader(LogLimits.DEFAULT, 1));
        LogAnalysis twoParts = analyse(halves, new ArrayList<>(), file);
        LogAnalysis onePass = analyze(file);
        assertSameAnalysis(onePass, twoParts);
        assertEquals(messages(onePass), messages(twoParts));
        assertEquals(0, twoParts.rejectedRows());
    }

    @Test
    void aMonthFirstLogIsReadOnce() throws Exception {
        // its first rows read either way (the 5th of December), its later ones only month first
        Path file = LogFixtures.write(dir, "m.csv", reviewersLog(false));
        List<Progress> progress = new ArrayList<>();
        LogAnalysis read = analyse(new EmailLogAnalyzer(), progress, file);
        assertEquals(0, read.rejectedRows());
        long size = Files.size(file);
        assertTrue(progress.stream().allMatch(p -> p.total() == size), "read again: " + progress.getLast());
        assertFalse(messages(read).stream().anyMatch(m -> m.startsWith("The dates were read day first")));
    }

    @Test
    void blankLinesDoNotCountTowardTheFirstRows() throws Exception {
        // 3,000 rows that read either way, each followed by a blank line, then rows that read only day first: the
        // first rows decide day first at once, with no second read
        String log = log(3200, i -> i < 3000 ? 5 : 14, 12, true, "m", true);
        List<Progress> progress = new ArrayList<>();
        Path file = LogFixtures.write(dir, "d.csv", log);
        LogAnalysis read = analyse(new EmailLogAnalyzer(), progress, file);
        assertEquals(0, read.rejectedRows(), messages(read).toString());
        assertTrue(messages(read).stream().anyMatch(m -> m.startsWith("The dates were read day first")
                && !m.contains(SECOND_TIME)), messages(read).toString());
        long size = Files.size(file);
        assertTrue(progress.stream().allMatch(p -> p.total() == size), "read again: " + progress.getLast());
    }

    @Test
    void aFileThatCannotTellFollowsTheFilesReadDayFirst() throws Exception {
        // day first: the first log's dates (7 November, one day) read either way, the second's (8-14) mostly not; a
        // first log of several days 12 or less would tell by its span (DayFirstBySpanTest)
        Path week1 = LogFixtures.write(dir, "week1.csv", log(2000, i -> 7, 11, true, "a", false));
        Path week2 = LogFixtures.write(dir, "week2.csv", log(2000, i -> 8 + i * 7 / 2000, 11, true, "b", false));
        LogAnalysis alone = analyze(week1);
        assertEquals(Instant.parse("2026-07-11T00:00:00Z"), alone.firstEvent().orElseThrow());
        List<Progress> progress = new ArrayList<>();
        LogAnalysis together = analyse(new EmailLogAnalyzer(), progress, week1, week2);
        // read again because of week2.csv's dates, which week1.csv follows; the second read's rows count from none
        assertPhasesGoForward(progress, List.of(ProgressPhase.FIRST,
                new ProgressPhase.ReadAgain(true, List.of("week2.csv"))));
        assertEquals(Files.size(week1) + Files.size(week2), progress.getLast().done());
        assertEquals(4000, progress.getLast().items());
        LogAnalysis monthFirst = analyze(
                LogFixtures.write(dir, "mweek1.csv", log(2000, i -> 7, 11, false, "a", false)),
                LogFixtures.write(dir, "mweek2.csv", log(2000, i -> 8 + i * 7 / 2000, 11, false, "b", false)));
        assertSameAnalysis(monthFirst, together);
        assertEquals(Instant.parse("2026-11-07T00:00:00Z"), together.firstEvent().orElseThrow());
        assertTrue(together.problems().stream().anyMatch(p -> p.file().equals("week1.csv")
                && p.message().startsWith("The dates were read day first (d/M/yyyy) like those of week2.csv")),
                messages(together).toString());
    }

    @Test
    void aFileThatToldMonthFirstKeepsIt() throws Exception {
        Path dayFirst = LogFixtures.write(dir, "d.csv", log(2000, i -> 8 + i * 7 / 2000, 11, true, "b", false));
        // its own dates (the 13th and 14th) read only month first
        Path monthFirst = LogFixtures.write(dir, "m.csv", log(2000, i -> 8 + i * 7 / 2000, 11, false, "a", false));
        LogAnalysis together = analyze(dayFirst, monthFirst);
        assertEquals(0, together.rejectedRows(), messages(together).toString());
        assertFalse(together.problems().stream().anyMatch(p -> p.file().equals("m.csv")
                && p.message().startsWith("The dates were read day first")));
    }

    @Test
    void anUndecidedFileDoesNotFollowWhenTheOtherFilesDisagree() throws Exception {
        // the reviewer's run: df.csv read day first by its dates, mf.csv only month first, amb.csv telling nothing
        // (one day, 5 November: several days 12 or less would tell by their span, DayFirstBySpanTest)
        Path df = LogFixtures.write(dir, "df.csv", log(2000, i -> 8 + i * 7 / 2000, 11, true, "b", false));
        Path mf = LogFixtures.write(dir, "mf.csv", log(2000, i -> 8 + i * 7 / 2000, 11, false, "a", false));
        Path amb = LogFixtures.write(dir, "amb.csv", log(2000, i -> 5, 11, true, "c", false));
        LogAnalysis together = analyze(df, mf, amb);
        assertEquals(0, together.rejectedRows(), messages(together).toString());
        List<String> ambs = together.problems().stream().filter(p -> p.file().equals("amb.csv"))
                .map(FileProblem::message).toList();
        assertFalse(ambs.stream().anyMatch(m -> m.startsWith("The dates were read day first")), ambs.toString());
        assertTrue(ambs.stream().anyMatch(m -> m.startsWith("None of this file's dates tells the order")
                && m.contains("the dates of df.csv were read day first, those of mf.csv read only month first")),
                ambs.toString());
        // amb.csv read month first: its 5 November day first is 11 May
        assertEquals(Instant.parse("2026-05-11T00:00:00Z"), together.firstEvent().orElseThrow());
        // without mf.csv, nothing disagrees: amb.csv follows df.csv
        LogAnalysis agreeing = analyze(df, amb);
        assertTrue(agreeing.problems().stream().anyMatch(p -> p.file().equals("amb.csv")
                && p.message().startsWith("The dates were read day first (d/M/yyyy) like those of df.csv")),
                messages(agreeing).toString());
        assertFalse(messages(agreeing).stream().anyMatch(m -> m.startsWith("None of this file's dates")));
    }

    @Test
    void datesOfTheSameDayAndMonthAreCountedInTheSecondReadsNote() throws Exception {
        // 5,000 rows on 11 November (11/11: the same either way), then 25,000 on the 14th, day first: the note
        // counts every date of the file, in one pass as in two parts
        Path file = LogFixtures.write(dir, "d.csv", log(30_000, i -> i < 5000 ? 11 : 14, 11, true, "m", false));
        LogAnalysis onePass = analyze(file);
        assertEquals(30_000, onePass.rows());
        assertEquals(0, onePass.rejectedRows(), messages(onePass).toString());
        assertTrue(messages(onePass).stream().anyMatch(m -> m.contains("25,000 dates of the file's 30,000")
                && m.contains(SECOND_TIME)), messages(onePass).toString());
        LogAnalysis twoParts = analyse(new EmailLogAnalyzer(StatusKnowledgeBase.standard(),
                new EmailLogReader(LogLimits.DEFAULT, 1)), new ArrayList<>(), file);
        assertEquals(messages(onePass), messages(twoParts));
    }
    /**
     * A log re-saved day first none of whose rows can be used when read month first: its first 4,096 rows, dated the
     * 5th of December (either way), lack their Mail Event; the 200 after them, each a message delivered, are dated the
     * 14th, which reads only day first.
     */
    private static String noRowUsableMonthFirst() {
        StringBuilder sb = new StringBuilder(LogFixtures.HEADER).append("\r\n");
        for (int i = 0; i < 4096; i++) {
            sb.append(LogFixtures.row("5/12/2026 8:" + String.format(Locale.ROOT, "%02d", i % 60), "",
                    "user" + i % 37 + "@example.com", "x" + i, "250 2.0.0 OK", LogFixtures.TLS)).append("\r\n");
        }
        for (int i = 0; i < 200; i++) {
            sb.append(LogFixtures.row("14/12/2026 9:" + String.format(Locale.ROOT, "%02d", i % 60), "D",
                    "user" + i % 37 + "@example.com", "l" + i, "250 2.0.0 OK", LogFixtures.TLS)).append("\r\n");
        }
        return sb.toString();
    }

    @Test
    void aDayFirstFileLeftOutOfTheFirstReadIsReadAgainDayFirst() throws Exception {
        Path left = LogFixtures.write(dir, "l.csv", noRowUsableMonthFirst());
        // read day first by its own first rows (8-14 November): no second read of its own
        Path dayFirst = LogFixtures.write(dir, "d.csv", log(2000, i -> 8 + i * 7 / 2000, 11, true, "b", false));
        List<Progress> progress = new ArrayList<>();
        LogAnalysis together = analyse(new EmailLogAnalyzer(), progress, dayFirst, left);
        AnalysedFile l = together.files().get(1);
        assertTrue(l.usable(), messages(together).toString());
        assertEquals(4296, l.rows());
        assertEquals(4096, l.rejectedRows());
        assertEquals(4096, together.rejectedRows(), messages(together).toString());
        assertFalse(messages(together).stream().anyMatch(m -> m.contains("It was left out")),
                messages(together).toString());
        // its rows rejected as dates read month first were read day first: 14 December
        assertEquals(Instant.parse("2026-12-14T09:59:00Z"), together.lastEvent().orElseThrow());
        // the file's dates are those of every row, the 4,096 rejected for their Mail Event too
        assertTrue(together.problems().stream().anyMatch(p -> p.file().equals("l.csv")
                && p.message().startsWith("The dates were read day first") && p.message().contains(SECOND_TIME)
                && p.message().contains("200 dates of the file's 4,296")), messages(together).toString());
        // the second read is a phase that names it, and goes over both files
        assertPhasesGoForward(progress, List.of(ProgressPhase.FIRST,
                new ProgressPhase.ReadAgain(true, List.of("l.csv"))));
        assertEquals(Files.size(left) + Files.size(dayFirst), progress.getLast().done());
        assertEquals(2000 + 4296, progress.getLast().items());
    }

    @Test
    void aFileThatCannotTellFollowsAFileLeftOutOfTheFirstReadThatIsDayFirst() throws Exception {
        // week1.csv's dates (7 November, one day, day first) tell nothing; l.csv's, of rows none of which read month
        // first, read only day first
        Path week1 = LogFixtures.write(dir, "week1.csv", log(2000, i -> 7, 11, true, "a", false));
        Path left = LogFixtures.write(dir, "l.csv", noRowUsableMonthFirst());
        LogAnalysis together = analyze(week1, left);
        assertTrue(together.files().stream().allMatch(AnalysedFile::usable), messages(together).toString());
        assertEquals(Instant.parse("2026-11-07T00:00:00Z"), together.firstEvent().orElseThrow());
        assertTrue(together.problems().stream().anyMatch(p -> p.file().equals("week1.csv")
                && p.message().startsWith("The dates were read day first (d/M/yyyy) like those of l.csv")),
                messages(together).toString());
    }

    @Test
    void aSingleLogNoneOfWhoseRowsReadMonthFirstIsReadDayFirst() throws Exception {
        List<Progress> progress = new ArrayList<>();
        LogAnalysis read = analyse(new EmailLogAnalyzer(), progress,
                LogFixtures.write(dir, "l.csv", noRowUsableMonthFirst()));
        assertEquals(200, read.rows() - read.rejectedRows());
        assertEquals(Instant.parse("2026-12-14T09:00:00Z"), read.firstEvent().orElseThrow());
        assertPhasesGoForward(progress, List.of(ProgressPhase.FIRST,
                new ProgressPhase.ReadAgain(true, List.of("l.csv"))));
    }

    @Test
    void aLogLeftOutForAnotherReasonIsNotReadAgain() throws Exception {
        // every row lacks its Mail Event: no order of the dates makes one usable, so nothing is read twice
        String none = LogFixtures.logText(
                LogFixtures.row("14/12/2026 9:00", "", "a@example.com", "n1", "250 2.0.0 OK", LogFixtures.TLS),
                LogFixtures.row("5/12/2026 9:00", "", "b@example.com", "n2", "250 2.0.0 OK", LogFixtures.TLS));
        Path file = LogFixtures.write(dir, "n.csv", none);
        List<Progress> progress = new ArrayList<>();
        UnusableLogException refused = assertThrows(UnusableLogException.class,
                () -> analyse(new EmailLogAnalyzer(), progress, file));
        assertTrue(refused.getMessage().contains("n.csv"), refused.getMessage());
        assertTrue(progress.stream().allMatch(p -> p.phase().equals(ProgressPhase.FIRST)), progress.toString());
    }

    /**
     * {@code first} rows dated {@code firstDate} whose Mail Event is {@code firstEvent} and Recipient
     * {@code firstRecipient}, then {@code then} delivered rows dated {@code thenDate}.
     */
    private static String contradicting(int first, String firstDate, String firstEvent, String firstRecipient,
                                        int then, String thenDate) {
        StringBuilder sb = new StringBuilder(LogFixtures.HEADER).append("\r\n");
        for (int i = 0; i < first; i++) {
            sb.append(LogFixtures.row(firstDate + " 8:" + String.format(Locale.ROOT, "%02d", i % 60), firstEvent,
                    firstRecipient.isEmpty() ? "" : i % 37 + firstRecipient, "x" + i, "250 2.0.0 OK",
                    LogFixtures.TLS)).append("\r\n");
        }
        for (int i = 0; i < then; i++) {
            sb.append(LogFixtures.row(thenDate + " 9:" + String.format(Locale.ROOT, "%02d", i % 60), "D",
                    "user" + i % 37 + "@example.com", "l" + i, "250 2.0.0 OK", LogFixtures.TLS)).append("\r\n");
        }
        return sb.toString();
    }

    /** The warnings of {@code a} that start with {@code start}. */
    private static List<FileProblem> warnings(LogAnalysis a, String start) {
        return a.problems().stream().filter(p -> !p.rejected() && p.message().startsWith(start)).toList();
    }

    /**
     * A log whose dates contradict each other: its first 4,100 rows, dated 16 November month first (11/16/2026), lack
     * their Mail Event; the 100 after them, delivered, are dated 16 November day first (16/11/2026). Read month first,
     * as its first rows decide, none of its rows is usable: nothing of it was analysed, so it is read again day first,
     * where its 100 good rows are, with the warnings of an assumption saying why and that its dates contradict.
     */
    @Test
    void aLogWhoseGoodRowsReadOnlyDayFirstIsReadAgainDayFirst() throws Exception {
        Path file = LogFixtures.write(dir, "c.csv", contradicting(4100, "11/16/2026", "", "@example.com", 100,
                "16/11/2026"));
        List<Progress> progress = new ArrayList<>();
        LogAnalysis read = analyse(new EmailLogAnalyzer(), progress, file);
        assertEquals(4200, read.rows());
        assertEquals(4100, read.rejectedRows());
        assertEquals(Instant.parse("2026-11-16T09:00:00Z"), read.firstEvent().orElseThrow());
        List<FileProblem> why = warnings(read, "The dates were read day first");
        assertEquals(1, why.size(), messages(read).toString());
        assertTrue(why.getFirst().message().contains("not month first as Salesforce writes them and as the file's"
                + " first rows read: read month first, none of its rows could be used, and 100 rows were rejected"
                + " only for a date that reads only day first. So the file was read a second time, day first."),
                why.getFirst().message());
        // the sign the app and the command line show for dates read day first
        assertTrue(ReadAssumptions.isReadDayFirst(why.getFirst()));
        List<FileProblem> contradict = warnings(read, "The file's dates contradict each other");
        assertEquals(1, contradict.size(), messages(read).toString());
        assertTrue(contradict.getFirst().message().startsWith("The file's dates contradict each other: it was read"
                + " day first (d/M/yyyy), and some of its dates read only so, but 4,100 rows have dates that read only"
                + " month first (M/d/yyyy, as Salesforce writes dates; first on line 2), and they were not analysed."),
                contradict.getFirst().message());
        assertTrue(ReadAssumptions.isOne(contradict.getFirst()));
        assertPhasesGoForward(progress, List.of(ProgressPhase.FIRST,
                new ProgressPhase.ReadAgain(true, List.of("c.csv"))));
    }

    /**
     * The brief's small file: its first row reads only month first (12/25/2026) but has a Mail Event no log has; its
     * good rows read only day first (25/12/2026): read again day first.
     */
    @Test
    void aSmallLogWhoseOnlyMonthFirstRowIsUnusableIsReadAgainDayFirst() throws Exception {
        String text = LogFixtures.logText(
                LogFixtures.row("12/25/2026 8:00", "Z", "a@example.com", "m1", "250 2.0.0 OK", LogFixtures.TLS),
                LogFixtures.row("25/12/2026 8:01", "R", "b@example.com", "m2", "", ""),
                LogFixtures.row("25/12/2026 8:02", "D", "b@example.com", "m2", "250 2.0.0 OK", LogFixtures.TLS));
        Path file = LogFixtures.write(dir, "s.csv", text);
        LogAnalysis alone = analyze(file);
        assertEquals(2, alone.rows() - alone.rejectedRows(), messages(alone).toString());
        assertEquals(Instant.parse("2026-12-25T08:01:00Z"), alone.firstEvent().orElseThrow());
        assertEquals(1, warnings(alone, "The dates were read day first").size(), messages(alone).toString());
    }

    /**
     * A row that the second read rejects for its date (it reads only month first, as the first rows decided) names
     * the fault the first read rejected it for as well: an empty Mail Event (line 2), an unknown one (line 3), an empty
     * Recipient after a lower-case event (line 4). They are the problems a file read once month first names for the
     * same rows, with their file, line and column, and each row counts once among the rejected. Read in one pass and
     * in two parts alike. Before, the second read named only the date, as if the rows were lost to it alone.
     */
    @Test
    void aRowRejectedForItsDateOnTheSecondReadNamesItsOtherFaultToo() throws Exception {
        String bad = LogFixtures.logText(
                LogFixtures.row("11/25/2026 8:00", "", "a@example.com", "m1", "250 2.0.0 OK", LogFixtures.TLS),
                LogFixtures.row("11/26/2026 8:00", "Z", "a@example.com", "m2", "250 2.0.0 OK", LogFixtures.TLS),
                LogFixtures.row("11/27/2026 8:00", "d", "", "m3", "250 2.0.0 OK", LogFixtures.TLS));
        Path again = LogFixtures.write(Files.createDirectories(dir.resolve("again")), "s.csv", bad
                + LogFixtures.lines(LogFixtures.row("25/11/2026 8:01", "R", "b@example.com", "m4", "", ""),
                        LogFixtures.row("25/11/2026 8:02", "D", "b@example.com", "m4", "250 2.0.0 OK",
                                LogFixtures.TLS)));
        Path once = LogFixtures.write(Files.createDirectories(dir.resolve("once")), "s.csv", bad
                + LogFixtures.lines(LogFixtures.row("11/25/2026 8:01", "R", "b@example.com", "m4", "", ""),
                        LogFixtures.row("11/25/2026 8:02", "D", "b@example.com", "m4", "250 2.0.0 OK",
                                LogFixtures.TLS)));
        for (EmailLogAnalyzer analyzer : List.of(new EmailLogAnalyzer(), new EmailLogAnalyzer(
                StatusKnowledgeBase.standard(), new EmailLogReader(LogLimits.DEFAULT, 1)))) {
            List<Progress> progress = new ArrayList<>();
            LogAnalysis readAgain = analyse(analyzer, progress, again);
            LogAnalysis readOnce = analyse(analyzer, new ArrayList<>(), once);
            assertPhasesGoForward(progress, List.of(ProgressPhase.FIRST,
                    new ProgressPhase.ReadAgain(true, List.of("s.csv"))));
            for (LogAnalysis read : List.of(readAgain, readOnce)) {
                assertEquals(5, read.rows(), messages(read).toString());
                assertEquals(3, read.rejectedRows(), messages(read).toString());
            }
            List<String> expected = List.of("s.csv 2 Mail Event: The Mail Event column is empty.",
                    "s.csv 3 Mail Event: 'Z' is not a known Mail Event (R, D, T or P).",
                    "s.csv 4 Recipient: The Recipient column is empty.");
            assertEquals(expected, rejectedBesideTheDate(readOnce));
            assertEquals(expected, rejectedBesideTheDate(readAgain), messages(readAgain).toString());
            // the date is said first, as the reason the second read left the row out
            List<FileProblem> rejected = readAgain.problems().stream().filter(FileProblem::rejected).toList();
            for (long line = 2; line <= 4; line++) {
                long l = line;
                List<FileProblem> ofLine = rejected.stream().filter(p -> p.line() == l).toList();
                assertEquals(2, ofLine.size(), rejected.toString());
                assertEquals("Date", ofLine.getFirst().field());
                assertTrue(ofLine.getFirst().message().contains("is not a date read day first"),
                        ofLine.getFirst().message());
            }
        }
    }

    /** A read's row problems in columns other than the Date, as "file line column: message". */
    private static List<String> rejectedBesideTheDate(LogAnalysis read) {
        return read.problems().stream().filter(p -> p.rejected() && !p.field().equals("Date"))
                .map(p -> p.file() + " " + p.line() + " " + p.field() + ": " + p.message()).toList();
    }

    /**
     * The reverse: 4,100 rows dated 16 November day first (16/11/2026) without a Recipient, then 100 good rows dated
     * 16 November month first (11/16/2026). Read day first, as its first rows decide, none is usable: it is read
     * again month first, saying so with the sign of an assumption, in its own phase.
     */
    @Test
    void aLogWhoseGoodRowsReadOnlyMonthFirstIsReadAgainMonthFirst() throws Exception {
        Path file = LogFixtures.write(dir, "r.csv", contradicting(4100, "16/11/2026", "D", "", 100,
                "11/16/2026"));
        List<Progress> progress = new ArrayList<>();
        LogAnalysis read = analyse(new EmailLogAnalyzer(), progress, file);
        assertEquals(100, read.rows() - read.rejectedRows(), messages(read).toString());
        assertEquals(Instant.parse("2026-11-16T09:00:00Z"), read.firstEvent().orElseThrow());
        List<FileProblem> why = warnings(read, "The dates were read month first");
        assertEquals(1, why.size(), messages(read).toString());
        assertTrue(why.getFirst().message().contains("not day first as the file's first rows read: read day first,"
                + " none of its rows could be used, and 100 rows were rejected only for a date that reads only month"
                + " first. So the file was read a second time, month first."), why.getFirst().message());
        assertTrue(ReadAssumptions.isOne(why.getFirst()));
        assertFalse(ReadAssumptions.isReadDayFirst(why.getFirst()));
        assertFalse(messages(read).stream().anyMatch(m -> m.startsWith("The dates were read day first")),
                messages(read).toString());
        List<FileProblem> contradict = warnings(read, "The file's dates contradict each other");
        assertEquals(1, contradict.size(), messages(read).toString());
        assertTrue(contradict.getFirst().message().contains("4,100 rows have dates that read only day first"
                + " (d/M/yyyy; first on line 2)"), contradict.getFirst().message());
        // a row rejected for its day-first date names the Recipient the first read rejected it for, too
        assertEquals("r.csv 2 Recipient: The Recipient column is empty.", rejectedBesideTheDate(read).getFirst());
        assertPhasesGoForward(progress, List.of(ProgressPhase.FIRST,
                new ProgressPhase.ReadAgain(false, List.of("r.csv"))));
        // week1.csv's dates (1-7 November, month first) tell nothing; r.csv, read day first by its first rows and
        // read again month first, leads no file to day first
        Path week1 = LogFixtures.write(dir, "week1.csv", log(200, i -> 1 + i * 7 / 200, 11, false, "a", false));
        LogAnalysis together = analyze(week1, file);
        assertTrue(together.files().stream().allMatch(AnalysedFile::usable), messages(together).toString());
        assertEquals(Instant.parse("2026-11-01T00:00:00Z"), together.firstEvent().orElseThrow());
        assertFalse(messages(together).stream().anyMatch(m -> m.contains("like those of r.csv")),
                messages(together).toString());
    }

    /**
     * A log whose dates contradict each other and whose rows are unusable in either order (the day-first ones lack
     * their Recipient): read again day first, refused again, it is refused as its first read refused it, saying why
     * its rows of the other order were rejected, with their lines.
     */
    @Test
    void aLogWhoseDatesContradictAndUnusableEitherWayIsRefusedSayingSo() throws Exception {
        StringBuilder sb = new StringBuilder(contradicting(4100, "11/16/2026", "", "@example.com", 0, ""));
        for (int i = 0; i < 100; i++) {
            sb.append(LogFixtures.row("16/11/2026 9:" + String.format(Locale.ROOT, "%02d", i % 60), "D", "",
                    "l" + i, "250 2.0.0 OK", LogFixtures.TLS)).append("\r\n");
        }
        Path file = LogFixtures.write(dir, "c.csv", sb.toString());
        List<Progress> progress = new ArrayList<>();
        UnusableLogException refused = assertThrows(UnusableLogException.class,
                () -> analyse(new EmailLogAnalyzer(), progress, file));
        assertTrue(refused.getMessage().startsWith("c.csv has no usable row: all 4,200 rows were rejected. The first is"
                + " line 2, Mail Event: The Mail Event column is empty. The file's dates contradict each other: it was read month"
                + " first (M/d/yyyy, as Salesforce writes dates), and some of its dates read only so, but 100 rows have"
                + " dates that read only day first (d/M/yyyy; first on line 4102), and they were not analysed."),
                refused.getMessage());
        assertTrue(progress.stream().anyMatch(p -> p.phase() instanceof ProgressPhase.ReadAgain again
                && again.dayFirst()),
                progress.toString());
    }

    /**
     * A log read day first by its first 4,100 rows whose last 100 read only month first: they are rejected and said,
     * with their first line, alike in one pass and in two parts (the counts of the second part absorbed).
     */
    @Test
    void rowsOfTheOtherOrderAreSaidAlikeInOnePassAndInTwoParts() throws Exception {
        StringBuilder sb = new StringBuilder(log(4100, i -> 13 + i * 7 / 4100, 11, true, "d", false));
        for (int i = 0; i < 100; i++) {
            sb.append(LogFixtures.row("11/20/2026 9:" + String.format(Locale.ROOT, "%02d", i % 60), "D",
                    "user" + i % 37 + "@example.com", "m" + i, "250 2.0.0 OK", LogFixtures.TLS)).append("\r\n");
        }
        Path file = LogFixtures.write(dir, "mixed.csv", sb.toString());
        LogAnalysis onePass = analyze(file);
        LogAnalysis twoParts = analyse(new EmailLogAnalyzer(StatusKnowledgeBase.standard(),
                new EmailLogReader(LogLimits.DEFAULT, 1)), new ArrayList<>(), file);
        for (LogAnalysis read : List.of(onePass, twoParts)) {
            assertEquals(100, read.rejectedRows());
            List<String> said = messages(read).stream()
                    .filter(m -> m.startsWith("The file's dates contradict each other")).toList();
            assertEquals(1, said.size(), messages(read).toString());
            assertTrue(said.getFirst().contains("100 rows have dates that read only month first")
                    && said.getFirst().contains("first on line 4102"), said.getFirst());
        }
    }

    @Test
    void aZipsMembersReadAgainStartOver() throws Exception {
        // week1.csv tells nothing and follows week2.csv, read day first: the zip's members are read a second time
        String week1 = log(2000, i -> 1 + i * 7 / 2000, 11, true, "a", false);
        String week2 = log(2000, i -> 8 + i * 7 / 2000, 11, true, "b", false);
        Path zip = LogFixtures.write(dir, "month.zip", zip("readme.txt", "exported in November", "week1.csv", week1,
                "week2.csv", week2));
        long inflated = (week1 + week2 + "exported in November").getBytes(StandardCharsets.UTF_8).length;
        // room for what the members inflate once, not twice: the second read's count starts from none
        LogLimits limits = new LogLimits(inflated * 3 / 2, LogLimits.DEFAULT.maxInflationRatio(),
                LogLimits.DEFAULT.ratioFloorBytes(), LogLimits.DEFAULT.maxRecordChars(),
                LogLimits.DEFAULT.maxStoredProblems());
        LogAnalysis read = new EmailLogAnalyzer(StatusKnowledgeBase.standard(), limits)
                .analyze(List.of(zip), p -> { }, Cancellation.none());
        assertTrue(read.files().stream().allMatch(AnalysedFile::usable), messages(read).toString());
        // every row read in the second read too: none stopped at the limits
        assertEquals(4000, read.rows(), messages(read).toString());
        assertEquals(Instant.parse("2026-11-01T00:00:00Z"), read.firstEvent().orElseThrow());
        // what of the zip was not read is said once, among the second read's first member's warnings as by a first
        // read, about the zip
        List<FileProblem> leftOut = read.problems().stream().filter(p -> p.message().contains("readme.txt")).toList();
        assertEquals(1, leftOut.size(), messages(read).toString());
        assertEquals("month.zip", leftOut.getFirst().file());
    }
}
