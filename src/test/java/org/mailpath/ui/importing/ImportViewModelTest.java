package org.mailpath.ui.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.analysis.EmailLogAnalyzer;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.LogAnalyzer;
import org.mailpath.engine.analysis.UnusableLogException;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.Progress;
import org.mailpath.engine.common.ProgressListener;
import org.mailpath.engine.common.ProgressPhase;
import org.mailpath.engine.log.FileProblem;
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.SettingsStore;
import org.mailpath.ui.common.SyncTaskRunner;
import org.mailpath.ui.common.TaskRunner;
import org.mailpath.ui.common.WizardSession;
import org.mailpath.ui.testing.FakeDialogs;
import org.mailpath.ui.testing.ManualTaskRunner;
import org.mailpath.ui.testing.TestAnalyses;

class ImportViewModelTest {

    @TempDir
    Path dir;

    private final FakeDialogs dialogs = new FakeDialogs();
    private final WizardSession session = new WizardSession();
    private final Messages messages = Messages.forLocale(Locale.ENGLISH);
    private final AtomicReference<Cancellation> seenCancellation = new AtomicReference<>();

    private ImportViewModel model(TaskRunner runner, LogAnalyzer analyzer, SampleLog sample) {
        return new ImportViewModel(analyzer, runner, dialogs, SettingsStore.open(dir.resolve("settings.properties")),
                session, messages, sample);
    }

    private LogAnalyzer returning(LogAnalysis analysis) {
        return (file, progress, cancellation) -> {
            seenCancellation.set(cancellation);
            progress.onProgress(new Progress(50, 100, "log.csv", 1200));
            return analysis;
        };
    }

    @Test
    void startsEmptyAndIncomplete() {
        ImportViewModel m = model(new SyncTaskRunner(), returning(TestAnalyses.small()), Optional::empty);
        assertEquals(ImportState.EMPTY, m.stateProperty().get());
        assertFalse(m.completeProperty().get());
        assertTrue(m.canOpenProperty().get());
        assertFalse(m.canCancelProperty().get());
    }

    @Test
    void aReadLogIsSharedListsItsProblemsAndIsRemembered() throws Exception {
        Path file = Files.writeString(dir.resolve("log.csv"), "x");
        ImportViewModel m = model(new SyncTaskRunner(), returning(TestAnalyses.small()), Optional::empty);
        m.importFile(file);
        assertEquals(ImportState.DONE, m.stateProperty().get());
        assertTrue(m.completeProperty().get());
        assertEquals(5, session.analysis().orElseThrow().chains().size());
        assertEquals(1, m.problems().size());
        assertEquals("Line 17, field Mail Event — “X” is not a Mail Event letter. (row rejected as invalid)",
                m.describe(m.problems().getFirst()));
        assertEquals("5 messages from 13 rows; 1 row rejected as invalid.", m.summaryTextProperty().get());
        assertTrue(m.countsInDoubtProperty().get(), "a row left out: the done screen has the warning look");
        assertTrue(m.warnedProperty().get());
        assertEquals("", m.assumedTextProperty().get(), "the summary says why: a row rejected");
        assertEquals(List.of(List.of(file.toAbsolutePath())), m.recentFiles());
        assertEquals(List.of(file), session.logFiles(), "the report appendix reads the raw rows from it");
        assertTrue(m.canClearRecentProperty().get());
        m.clearRecentFiles();
        assertTrue(m.recentFiles().isEmpty());
        assertTrue(SettingsStore.open(dir.resolve("settings.properties")).recentLogs().isEmpty());
    }

    @Test
    void whileReadingProgressShowsRowsAndPercentAndCancelStopsIt() throws Exception {
        ManualTaskRunner runner = new ManualTaskRunner();
        ImportViewModel m = model(runner, returning(TestAnalyses.small()), Optional::empty);
        m.importFile(dir.resolve("log.csv"));
        assertEquals(ImportState.LOADING, m.stateProperty().get());
        assertTrue(m.busyProperty().get());
        assertTrue(m.canCancelProperty().get());
        assertFalse(m.canOpenProperty().get());
        m.cancel();
        assertEquals(ImportState.EMPTY, m.stateProperty().get());
        assertFalse(m.busyProperty().get());
        assertEquals("Reading was cancelled.", m.progressTextProperty().get());
        runner.runAll();
        assertTrue(session.analysis().isEmpty(), "a cancelled read must not deliver its result");
    }

    @Test
    void cancellingASecondFileKeepsTheFirstUnderItsOwnNameAndSaysSo() {
        ManualTaskRunner runner = new ManualTaskRunner();
        ImportViewModel m = model(runner, returning(TestAnalyses.small()), Optional::empty);
        m.importFile(dir.resolve("first.csv"));
        runner.runAll();
        assertEquals("", m.noticeTextProperty().get());
        m.importFile(dir.resolve("huge.csv"));
        assertEquals("huge.csv", m.fileNameProperty().get());
        m.cancel();
        assertEquals(ImportState.DONE, m.stateProperty().get());
        assertEquals("first.csv", m.fileNameProperty().get(), "the title names the log whose results are shown");
        assertEquals("Reading huge.csv was cancelled; first.csv is still open.", m.noticeTextProperty().get());
        m.importFile(dir.resolve("third.csv"));
        assertEquals("", m.noticeTextProperty().get(), "a new read starts without the old notice");
    }

    @Test
    void cancellingTheOnlyFileSaysWhichOneWasCancelled() {
        ManualTaskRunner runner = new ManualTaskRunner();
        ImportViewModel m = model(runner, returning(TestAnalyses.small()), Optional::empty);
        m.importFile(dir.resolve("huge.csv"));
        m.cancel();
        assertEquals(ImportState.EMPTY, m.stateProperty().get());
        assertEquals("Reading huge.csv was cancelled.", m.noticeTextProperty().get());
    }

    @Test
    void aFailedSecondFileSaysTheFirstIsStillOpen() {
        LogAnalyzer firstWorksThenNot = (file, progress, cancellation) -> {
            if (file.endsWith("photo.csv")) {
                throw new UnusableLogException("photo.csv is not a CSV file (it is a PNG image).");
            }
            return TestAnalyses.small();
        };
        ImportViewModel m = model(new SyncTaskRunner(), firstWorksThenNot, Optional::empty);
        m.importFile(dir.resolve("first.csv"));
        m.importFile(dir.resolve("photo.csv"));
        assertEquals(ImportState.FAILED, m.stateProperty().get());
        assertTrue(m.completeProperty().get(), "the earlier log can still be looked at");
        assertEquals("first.csv is still open.", m.noticeTextProperty().get());
    }

    /**
     * A failed read leaves the earlier log open, and with it its problems and file lines: they were cleared, and the
     * done screen a later cancelled read shows again said rows were rejected "below" with nothing below.
     */
    @Test
    void aFailedSecondFileKeepsTheFirstsProblemsForItsDoneScreen() {
        LogAnalyzer firstWorksThenNot = (file, progress, cancellation) -> {
            if (file.endsWith("missing.csv")) {
                throw new UnusableLogException("missing.csv does not exist.");
            }
            return TestAnalyses.small();
        };
        ManualTaskRunner runner = new ManualTaskRunner();
        ImportViewModel m = model(runner, firstWorksThenNot, Optional::empty);
        m.importFile(dir.resolve("first.csv"));
        runner.runAll();
        List<FileProblem> problems = List.copyOf(m.problems());
        assertEquals(1, problems.size());
        m.importFile(dir.resolve("missing.csv"));
        runner.runAll();
        assertEquals(ImportState.FAILED, m.stateProperty().get());
        assertEquals(problems, m.problems());
        m.importFile(dir.resolve("huge.csv"));
        m.cancel();
        assertEquals(ImportState.DONE, m.stateProperty().get());
        assertEquals("Reading huge.csv was cancelled; first.csv is still open.", m.noticeTextProperty().get());
        assertEquals(problems, m.problems(), "the summary's rejected row is listed below it");
        assertEquals("5 messages from 13 rows; 1 row rejected as invalid.", m.summaryTextProperty().get());
        assertTrue(m.warnedProperty().get());
    }

    /**
     * The app moves on to the events when a read ends with a new log, and only then: a cancelled or failed read with
     * an earlier log open ends in DONE (or FAILED) too, and its notice is to be read on the Import step.
     */
    @Test
    void onlyAReadLogIsToldAsRead() {
        ManualTaskRunner runner = new ManualTaskRunner();
        ImportViewModel m = model(runner, (file, progress, cancellation) -> {
            if (file.endsWith("missing.csv")) {
                throw new UnusableLogException("missing.csv does not exist.");
            }
            return TestAnalyses.day();
        }, Optional::empty);
        List<ImportState> told = new ArrayList<>();
        m.setOnLogRead(() -> told.add(m.stateProperty().get()));
        m.importFile(dir.resolve("first.csv"));
        runner.runAll();
        assertEquals(List.of(ImportState.DONE), told, "told once the done screen is set");
        m.importFile(dir.resolve("huge.csv"));
        m.cancel();
        m.importFile(dir.resolve("missing.csv"));
        runner.runAll();
        m.importFile(dir.resolve("huge.csv"));
        m.importFile(dir.resolve("other.csv")); // replaces the read under way, as a file opened from the system does
        assertEquals(1, told.size(), "a cancelled, failed or replaced read is no log read");
        runner.runAll();
        assertEquals(2, told.size());
    }

    @Test
    void inSwedishTheProgressHasSwedishNumbers() {
        ManualTaskRunner runner = new ManualTaskRunner();
        AtomicReference<String> seen = new AtomicReference<>();
        AtomicReference<ImportViewModel> ref = new AtomicReference<>();
        LogAnalyzer slow = (file, progress, cancellation) -> {
            progress.onProgress(new Progress(5_400_000, 21_600_000, "log.csv", 12_000));
            seen.set(ref.get().progressTextProperty().get());
            return TestAnalyses.small();
        };
        ImportViewModel m = new ImportViewModel(slow, runner, dialogs,
                SettingsStore.open(dir.resolve("settings.properties")), session, Messages.forLocale(Locale.of("sv")),
                Optional::empty);
        ref.set(m);
        m.importFile(dir.resolve("log.csv"));
        runner.runAll();
        // a decimal comma in the megabytes as in the row count's grouping, not "5.1 av 20.6 MB"
        assertTrue(seen.get().endsWith("25 % av filen (5,1 av 20,6 MB)"), seen.get());
        assertTrue(seen.get().startsWith("12\u00a0000 "), seen.get());
    }

    @Test
    void progressIsWordedAsRowsAndPercentOfBytes() {
        ManualTaskRunner runner = new ManualTaskRunner();
        LogAnalyzer slow = (file, progress, cancellation) -> {
            progress.onProgress(new Progress(25, 100, "log.csv", 1200));
            assertEquals(0.25, modelRef.get().progressProperty().get(), 1e-9);
            assertEquals("1,200 rows · 25 % of the file (0.0 of 0.0 MB)", modelRef.get().progressTextProperty().get());
            return TestAnalyses.small();
        };
        ImportViewModel m = model(runner, slow, Optional::empty);
        modelRef.set(m);
        m.importFile(dir.resolve("log.csv"));
        runner.runAll();
        assertEquals(ImportState.DONE, m.stateProperty().get());
    }

    private final AtomicReference<ImportViewModel> modelRef = new AtomicReference<>();

    @Test
    void anUnusableFileShowsTheEnginesSentenceAsIs() {
        LogAnalyzer failing = (file, progress, cancellation) -> {
            throw new UnusableLogException("photo.csv is not a CSV file: line 1 holds binary data.");
        };
        ImportViewModel m = model(new SyncTaskRunner(), failing, Optional::empty);
        m.importFile(dir.resolve("photo.csv"));
        assertEquals(ImportState.FAILED, m.stateProperty().get());
        assertEquals("photo.csv is not a CSV file: line 1 holds binary data.", m.errorTextProperty().get());
        assertFalse(m.completeProperty().get());
        assertTrue(m.recentFiles().isEmpty(), "a file that could not be read is not remembered");
    }

    /**
     * A header-only log is a valid export with no mail in it: the pane informs (noMailLogged: the neutral icon and
     * "No email in this log") and says what to check, where it showed a red "This file cannot be analysed".
     */
    @Test
    void aHeaderOnlyLogIsShownAsNoMailLoggedWithWhatToCheck() throws Exception {
        Path headerOnly = Files.writeString(dir.resolve("header-only.csv"), LogFixtures.HEADER + "\n");
        ImportViewModel m = model(new SyncTaskRunner(), new EmailLogAnalyzer(), Optional::empty);
        m.importFile(headerOnly);
        assertEquals(ImportState.FAILED, m.stateProperty().get());
        assertTrue(m.noMailLoggedProperty().get());
        assertTrue(m.errorTextProperty().get().contains("Salesforce logged no email in the time window of this log")
                && m.errorTextProperty().get().contains("Deliverability access level"), m.errorTextProperty().get());

        m.importFile(dir.resolve("missing.csv"));
        assertEquals(ImportState.FAILED, m.stateProperty().get());
        assertFalse(m.noMailLoggedProperty().get(), "a file that cannot be read is still an error");
    }

    @Test
    void anInternalErrorIsWordedForAMailAdminWithoutAStackTrace() {
        LogAnalyzer broken = (file, progress, cancellation) -> {
            throw new IllegalStateException("NPE at Foo.java:42");
        };
        ImportViewModel m = model(new SyncTaskRunner(), broken, Optional::empty);
        try (var log = org.mailpath.testing.TestLogFile.on(java.nio.file.Path.of("/home/ann/.local/state/mailpath/mailpath0-2.log"))) {
            m.importFile(dir.resolve("log.csv"));
        }
        assertEquals(ImportState.FAILED, m.stateProperty().get());
        assertEquals("Something went wrong inside MailPath while reading log.csv. The details are in MailPath’s log,"
                + " /home/ann/.local/state/mailpath/mailpath0-2.log; please try again or report it.",
                m.errorTextProperty().get());
        // no log file, no path: one that does not exist would send the user looking
        m.importFile(dir.resolve("log.csv"));
        assertEquals("Something went wrong inside MailPath while reading log.csv; please try again or report it.",
                m.errorTextProperty().get());
    }

    @Test
    void openAsksForAFileStartingInTheLatestFolder() throws Exception {
        Path file = Files.writeString(dir.resolve("first.csv"), "x");
        ImportViewModel m = model(new SyncTaskRunner(), returning(TestAnalyses.small()), Optional::empty);
        dialogs.nextOpen = Optional.of(file);
        m.open();
        assertEquals(ImportState.DONE, m.stateProperty().get());
        dialogs.nextOpen = Optional.empty();
        m.open();
        assertEquals(Optional.of(dir.toAbsolutePath()), dialogs.lastInitialFolder);
        assertEquals(ImportState.DONE, m.stateProperty().get(), "cancelling the chooser changes nothing");
    }

    @Test
    void theSampleIsReadWhenPresentAndExplainedWhenMissing() throws Exception {
        Path sample = Files.writeString(dir.resolve("sample.csv"), "x");
        ImportViewModel present = model(new SyncTaskRunner(), returning(TestAnalyses.small()), () -> Optional.of(sample));
        present.trySample();
        assertEquals(ImportState.DONE, present.stateProperty().get());
        assertEquals(List.of(sample), session.logFiles());
        assertTrue(present.recentFiles().isEmpty(), "the sample is not a recent file of the user");

        ImportViewModel missing = model(new SyncTaskRunner(), returning(TestAnalyses.small()), Optional::empty);
        missing.trySample();
        assertEquals(ImportState.FAILED, missing.stateProperty().get());
        assertEquals("The sample log is not part of this copy of MailPath.", missing.errorTextProperty().get());
    }

    @Test
    void dragOverAcceptsOneLogFileAndRefusesOtherKindsWithAHint() {
        ImportViewModel m = model(new SyncTaskRunner(), returning(TestAnalyses.small()), Optional::empty);
        assertTrue(m.dragOver(List.of(Path.of("/nowhere/emaillog.csv.gz"))));
        assertEquals(DropVerdict.ACCEPT, m.dropVerdictProperty().get());
        assertEquals("Drop to analyse emaillog.csv.gz", m.dropHintProperty().get());

        assertFalse(m.dragOver(List.of(Path.of("/nowhere/holiday.png"))));
        assertEquals(DropVerdict.REFUSE, m.dropVerdictProperty().get());
        assertTrue(m.dropHintProperty().get().contains("holiday.png is not one of them"));

        assertTrue(m.dragOver(List.of(Path.of("a.csv"), Path.of("b.csv.gz"))));
        assertEquals("Drop to analyse these 2 files together as one log", m.dropHintProperty().get());

        assertFalse(m.dragOver(List.of(Path.of("a.csv"), Path.of("notes.txt"))));
        assertEquals(DropVerdict.REFUSE, m.dropVerdictProperty().get());
        assertEquals("MailPath reads Email Logs saved as .csv, .csv.gz or .zip — notes.txt is not one of them.",
                m.dropHintProperty().get());
        assertFalse(m.dropAcceptable(List.of(Path.of("a.csv"), Path.of("notes.txt"))));

        m.dragEnded();
        assertEquals(DropVerdict.NONE, m.dropVerdictProperty().get());
        assertFalse(m.drop(List.of(Path.of("holiday.png"))));
        assertEquals(ImportState.EMPTY, m.stateProperty().get());
    }

    @Test
    void aDroppedLogIsRead() {
        ImportViewModel m = model(new SyncTaskRunner(), returning(TestAnalyses.small()), Optional::empty);
        assertTrue(m.drop(List.of(dir.resolve("dropped.csv"))));
        assertEquals(ImportState.DONE, m.stateProperty().get());
        assertEquals("dropped.csv", m.fileNameProperty().get());
    }

    @Test
    void nothingCanBeDroppedWhileAFileIsBeingRead() {
        ManualTaskRunner runner = new ManualTaskRunner();
        ImportViewModel m = model(runner, returning(TestAnalyses.small()), Optional::empty);
        m.importFile(dir.resolve("first.csv"));
        assertFalse(m.dragOver(List.of(dir.resolve("second.csv"))));
        assertEquals("Wait for the current file to finish, or cancel it first.", m.dropHintProperty().get());
    }

    @Test
    void leavingTheStepCancelsTheRead() {
        ManualTaskRunner runner = new ManualTaskRunner();
        ImportViewModel m = model(runner, returning(TestAnalyses.small()), Optional::empty);
        m.importFile(dir.resolve("log.csv"));
        m.cancelWork();
        assertFalse(m.busyProperty().get());
        runner.runAll();
        assertTrue(session.analysis().isEmpty());
    }

    @Test
    void inSwedishTheReadersProblemsAndAnUnusableFileAreShownInSwedish() throws Exception {
        ImportViewModel m = realModel(Locale.of("sv"));
        String header = "Date;Internal Message ID;Mail Event;Recipient;Message ID Header;Delivery Status;TLS_Cipher";
        Path log = Files.writeString(dir.resolve("logg.csv"), String.join("\r\n", header,
                "3/06/2026 13:37;16/A4-m1;R;a@acme.example;m1@sfdc.example;;",
                "igår;16/A4-m2;R;b@acme.example;m2@sfdc.example;;",
                "3/06/2026 13:42;16/A4-m1;D;a@acme.example;m1@sfdc.example;250 2.0.0 OK;TLSv1.3") + "\r\n");
        m.importFile(log);
        assertEquals(ImportState.DONE, m.stateProperty().get());
        assertEquals(List.of(
                "Hela filen — Fälten skiljs åt med ”;” i stället för ”,” (sparad på nytt i ett kalkylprogram); filen"
                        + " lästes därefter. (varning)",
                "Rad 3, fält Date — ”igår” är inget datum (väntat: M/d/yyyy H:mm eller M/d/yy H:mm, "
                        + "d/M/yyyy H:mm eller d/M/yy H:mm i en fil som sparats"
                        + " om med dagen först, d.M.yyyy H:mm eller d.M.yy H:mm, d-M-yyyy H:mm, yyyy/M/d H:mm, vilken som helst av dessa med 12-timmarstid och AM eller PM,"
                        + " eller ISO-8601, alla med eller utan sekunder och med eller utan GMT, UTC, Z eller en förskjutning som +01:00 efter tiden)."
                        + " (raden utelämnad som ogiltig)"),
                m.problems().stream().map(m::describe).toList());
        assertEquals("'igår' is not a date (expected M/d/yyyy H:mm or M/d/yy H:mm, "
                + "d/M/yyyy H:mm or d/M/yy H:mm in a file re-saved day first,"
                + " d.M.yyyy H:mm or d.M.yy H:mm, d-M-yyyy H:mm, yyyy/M/d H:mm, any of these with a 12-hour time and AM or PM, or ISO-8601, each with or without seconds and with or without GMT, UTC, Z or an offset such as +01:00 after the time).",
                m.problems().getLast().message(), "the problem itself keeps its English for reports and the command line");

        m.importFile(Files.write(dir.resolve("tom.csv"), new byte[0]));
        assertEquals(ImportState.FAILED, m.stateProperty().get());
        assertEquals("tom.csv är tom (0 byte).", m.errorTextProperty().get());
    }

    /**
     * The review: a log separated by '|' led with its first row's "is not a date" and every date format MailPath
     * reads, and only then said why. The step says the separator alone, in the app's language.
     */
    @Test
    void aLogSeparatedByPipesSaysItsSeparatorAndNoDateFormats() throws Exception {
        Path pipes = Files.copy(Path.of("src/test/resources/badfiles/pipe-delimited.csv"),
                dir.resolve("pipe-delimited.csv"));
        ImportViewModel m = realModel(Locale.of("sv"));
        m.importFile(pipes);
        assertEquals(ImportState.FAILED, m.stateProperty().get());
        assertEquals("pipe-delimited.csv har ingen användbar rad: dess första rad är en rubrikrad vars kolumner skiljs"
                + " åt med '|', en avgränsare som MailPath inte läser (den läser kommatecken, semikolon och tabbar)."
                + " Exportera loggen från Salesforce igen, eller spara den som CSV (kommaavgränsad).",
                m.errorTextProperty().get());
    }

    @Test
    void inEnglishTheReadersProblemsReadAsTheEngineWordsThem() throws Exception {
        ImportViewModel m = realModel(Locale.ENGLISH);
        m.importFile(Files.write(dir.resolve("empty.csv"), new byte[0]));
        assertEquals("empty.csv is empty (0 bytes).", m.errorTextProperty().get());
    }

    @Test
    void theSamplesProblemsNameTheFilesColumnsAndAMissingColumnIsAboutTheWholeFile() throws Exception {
        ImportViewModel m = model(new SyncTaskRunner(), new EmailLogAnalyzer(), Optional::empty);
        m.importFile(org.mailpath.engine.log.LogFixtures.sample("synthetic-with-bad-rows.csv"));
        assertEquals(ImportState.DONE, m.stateProperty().get());
        List<String> rejected = m.problems().stream().filter(FileProblem::rejected).map(m::describe).toList();
        // the file's header says "Date": the problem names that column, not the documented label "Date/Time"
        assertTrue(rejected.stream().anyMatch(d -> d.startsWith("Line 5, field Date \u2014 'not a date' is not a"
                + " date")), rejected.toString());
        assertTrue(rejected.stream().noneMatch(d -> d.contains("Date/Time")), rejected.toString());

        m.importFile(org.mailpath.engine.log.LogFixtures.sample("synthetic-no-tls-columns.csv"));
        assertEquals(ImportState.DONE, m.stateProperty().get());
        assertTrue(m.problems().stream().map(m::describe).anyMatch(d -> d.startsWith(
                "Whole file \u2014 The file has no TLS_Cipher column (an older export)")),
                m.problems().stream().map(m::describe).toList().toString());
    }

    /** Two requests of the repository's synthetic sample (assets/samples/sample-email-log.csv) overlapping by 33 rows. */
    private List<Path> twoOverlappingRequests() throws Exception {
        List<String> lines = Files.readAllLines(org.mailpath.engine.log.LogFixtures.sample("sample-email-log.csv"));
        List<Path> files = new java.util.ArrayList<>();
        for (String[] part : new String[][] {{"first.csv", "1", "67"}, {"second.csv", "34", "100"}}) {
            List<String> rows = new java.util.ArrayList<>(List.of(lines.getFirst()));
            rows.addAll(lines.subList(Integer.parseInt(part[1]), Integer.parseInt(part[2])));
            files.add(Files.writeString(dir.resolve(part[0]), String.join("\r\n", rows) + "\r\n"));
        }
        return files;
    }

    /**
     * Rows the reader rejected have one name on every screen, the report's ("rejected as invalid"): the review
     * found "left out", "could not be read" and the report's words for the same rows.
     */
    @Test
    void rejectedRowsAreCalledWhatTheReportCallsThem() throws Exception {
        ImportViewModel m = model(new SyncTaskRunner(), new EmailLogAnalyzer(), Optional::empty);
        assertTrue(m.drop(List.of(org.mailpath.engine.log.LogFixtures.sample("synthetic-with-bad-rows.csv"))));
        String reportWord = java.util.ResourceBundle.getBundle("org.mailpath.engine.report.report-text",
                java.util.Locale.ENGLISH).getString("fact.rows.rejected");
        assertTrue(reportWord.contains("rejected as invalid"), reportWord);
        assertTrue(m.summaryTextProperty().get().contains("3 rows rejected as invalid"),
                m.summaryTextProperty().get());
        assertEquals(3, m.problems().stream().filter(p -> p.rejected())
                .filter(p -> m.describe(p).endsWith("(row rejected as invalid)")).count());
    }

    @Test
    void aFilesLineSaysHowManyOfItsRowsCouldNotBeRead() throws Exception {
        List<Path> files = List.of(org.mailpath.engine.log.LogFixtures.sample("sample-email-log.csv"),
                org.mailpath.engine.log.LogFixtures.sample("synthetic-with-bad-rows.csv"));
        ImportViewModel m = model(new SyncTaskRunner(), new EmailLogAnalyzer(), Optional::empty);
        assertTrue(m.drop(files));
        assertEquals(ImportState.DONE, m.stateProperty().get());
        assertEquals(List.of("sample-email-log.csv \u2014 99 rows", "synthetic-with-bad-rows.csv \u2014 102 rows,"
                + " 3 rejected as invalid, 99 left out as copies of rows read before"), m.fileLines());
        assertTrue(m.countsInDoubtProperty().get());
    }

    /**
     * A log without the Message ID Header column and one without the Internal Message ID column: a message's rows in
     * them are joined by a guess, so the counts are in doubt and the done screen has the warning look.
     */
    @Test
    void messagesJoinedByAGuessPutTheCountsInDoubt() throws Exception {
        List<Path> files = List.of(lacking("no-header.csv", 8, LogFixtures.row("3/6/2009 13:30", "R",
                "a@acme.example", "m1", "", "")), lacking("no-internal-id.csv", 1, LogFixtures.row("3/6/2009 13:31",
                "D", "a@acme.example", "m1", "250 OK", LogFixtures.TLS)));
        ImportViewModel m = model(new SyncTaskRunner(), new EmailLogAnalyzer(), Optional::empty);
        assertTrue(m.drop(files));
        assertEquals(ImportState.DONE, m.stateProperty().get());
        assertEquals("1 message from 2 rows; no row rejected as invalid.", m.summaryTextProperty().get());
        assertTrue(m.countsInDoubtProperty().get(), "joined by a guess: no green check mark");
    }

    @Test
    void aLogLeftOutWholePutsTheCountsInDoubt() throws Exception {
        List<Path> files = List.of(org.mailpath.engine.log.LogFixtures.sample("sample-email-log.csv"),
                Files.writeString(dir.resolve("notes.csv"), "hello"));
        ImportViewModel m = model(new SyncTaskRunner(), new EmailLogAnalyzer(), Optional::empty);
        assertTrue(m.drop(files));
        assertEquals(ImportState.DONE, m.stateProperty().get());
        assertTrue(m.countsInDoubtProperty().get(), "notes.csv is not in the counts: no green check mark");
    }

    /** A log of {@code row} without the column at {@code column} (documented order). */
    private Path lacking(String name, int column, String row) {
        return LogFixtures.write(dir, name, LogFixtures.lines(java.util.stream.Stream.of(LogFixtures.HEADER, row)
                .map(l -> {
                    List<String> cells = new java.util.ArrayList<>(LogFixtures.cells(l));
                    cells.remove(column);
                    return LogFixtures.line(cells);
                }).toArray(String[]::new)));
    }

    @Test
    void severalDroppedLogsAreReadTogetherAndListed() throws Exception {
        List<Path> files = twoOverlappingRequests();
        ImportViewModel m = model(new SyncTaskRunner(), new EmailLogAnalyzer(), Optional::empty);
        assertTrue(m.drop(files));
        assertEquals(ImportState.DONE, m.stateProperty().get());
        assertEquals("2 logs are ready, analysed together as one", m.doneTitleProperty().get());
        assertEquals("first.csv, second.csv", m.fileNameProperty().get());
        assertEquals(List.of("first.csv \u2014 66 rows",
                "second.csv \u2014 66 rows, 33 left out as copies of rows read before"), m.fileLines());
        // the copies listed under second.csv are counted in the summary too: it said "no row left out" above them
        assertEquals("40 messages from 132 rows; no row rejected as invalid;"
                + " 33 left out as copies of rows read before.",
                m.summaryTextProperty().get());
        assertFalse(m.countsInDoubtProperty().get(), "copies are left out by design: no warning look for them");
        assertEquals(1, m.problems().size());
        assertTrue(m.describe(m.problems().getFirst()).startsWith("second.csv: Line 2 \u2014 33 rows are exact copies"),
                m.describe(m.problems().getFirst()));
        assertTrue(m.describe(m.problems().getFirst()).endsWith("(warning)"), "shown with the warning sign: "
                + m.describe(m.problems().getFirst()));
        assertEquals(files, session.logFiles(), "the report appendix reads each file's rows");
        assertEquals(40, session.analysis().orElseThrow().messages());
        assertEquals(List.of(files.stream().map(Path::toAbsolutePath).toList()), m.recentFiles(),
                "one entry, which opens them together again");
    }

    @Test
    void aZipOfSeveralLogsIsListedByItsLogsAsIfTheyWereDropped() throws Exception {
        List<Path> files = twoOverlappingRequests();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(bytes)) {
            for (Path f : files) {
                z.putNextEntry(new java.util.zip.ZipEntry(f.getFileName().toString()));
                z.write(Files.readAllBytes(f));
                z.closeEntry();
            }
        }
        Path zip = Files.write(dir.resolve("month.zip"), bytes.toByteArray());
        ImportViewModel m = model(new SyncTaskRunner(), new EmailLogAnalyzer(), Optional::empty);
        assertTrue(m.drop(List.of(zip)));
        assertEquals(ImportState.DONE, m.stateProperty().get());
        assertEquals("2 logs are ready, analysed together as one", m.doneTitleProperty().get());
        assertEquals(List.of("month.zip!first.csv \u2014 66 rows",
                "month.zip!second.csv \u2014 66 rows, 33 left out as copies of rows read before"),
                m.fileLines());
        assertEquals("40 messages from 132 rows; no row rejected as invalid;"
                + " 33 left out as copies of rows read before.", m.summaryTextProperty().get());
        String problem = m.describe(m.problems().getFirst());
        assertTrue(problem.startsWith("month.zip!second.csv: Line 2 \u2014 33 rows are exact copies"), problem);
        assertEquals(List.of(zip), session.logFiles(), "the report appendix reads the zip's logs again");
        assertEquals(List.of(List.of(zip.toAbsolutePath())), m.recentFiles(), "the zip is what opens them again");
    }

    /** What of a zip of several logs was not read (a readme) is the zip's warning, shown as about the zip. */
    @Test
    void aZipsOwnWarningIsShownAsTheZips() throws Exception {
        List<Path> files = twoOverlappingRequests();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(bytes)) {
            for (Path f : files) {
                z.putNextEntry(new java.util.zip.ZipEntry(f.getFileName().toString()));
                z.write(Files.readAllBytes(f));
                z.closeEntry();
            }
            z.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
            z.write("exported from Setup".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            z.closeEntry();
        }
        Path zip = Files.write(dir.resolve("month.zip"), bytes.toByteArray());
        ImportViewModel m = model(new SyncTaskRunner(), new EmailLogAnalyzer(), Optional::empty);
        assertTrue(m.drop(List.of(zip)));
        assertEquals(ImportState.DONE, m.stateProperty().get());
        assertEquals(List.of("month.zip: Whole file \u2014 month.zip: its 2 CSV files were each read as an Email Log;"
                + " one other entry was left out: readme.txt. (warning)"), m.problems().stream().map(m::describe)
                .filter(d -> d.contains("readme.txt")).toList());
    }

    @Test
    void logsOfOneNameAreToldApartByTheirFolderInTheListAndTheirProblems() throws Exception {
        List<Path> files = twoOverlappingRequests();
        Files.createDirectories(dir.resolve("jan"));
        Files.createDirectories(dir.resolve("feb"));
        Path jan = Files.move(files.get(0), dir.resolve("jan/EmailLog.csv"));
        Path feb = Files.move(files.get(1), dir.resolve("feb/EmailLog.csv"));
        ImportViewModel m = model(new SyncTaskRunner(), new EmailLogAnalyzer(), Optional::empty);
        assertTrue(m.drop(List.of(jan, feb)));
        assertEquals(ImportState.DONE, m.stateProperty().get());
        assertEquals("jan/EmailLog.csv, feb/EmailLog.csv", m.fileNameProperty().get());
        assertEquals(List.of("jan/EmailLog.csv \u2014 66 rows",
                "feb/EmailLog.csv \u2014 66 rows, 33 left out as copies of rows read before"), m.fileLines());
        String problem = m.describe(m.problems().getFirst());
        assertTrue(problem.startsWith("feb/EmailLog.csv: Line 2 \u2014 33 rows are exact copies"), problem);
        assertTrue(problem.contains(" of jan/EmailLog.csv): "), problem);
    }

    @Test
    void aRecentEntryOfSeveralLogsShowsAndOpensThemTogether() throws Exception {
        List<Path> files = twoOverlappingRequests();
        ImportViewModel m = model(new SyncTaskRunner(), new EmailLogAnalyzer(), Optional::empty);
        m.importFile(files.getFirst());
        m.importFiles(files);
        List<Path> together = files.stream().map(Path::toAbsolutePath).toList();
        assertEquals(List.of(together, List.of(together.getFirst())), m.recentFiles());
        assertEquals("first.csv\nsecond.csv", m.recentName(m.recentFiles().getFirst()));
        assertEquals("2 logs, opened together, in " + together.getFirst().getParent(),
                m.recentFolder(m.recentFiles().getFirst()));
        assertEquals("first.csv", m.recentName(m.recentFiles().get(1)));
        assertEquals(String.valueOf(together.getFirst().getParent()), m.recentFolder(m.recentFiles().get(1)));
        // said in one sentence to a screen reader: the names, and where they are
        assertEquals("2 logs, opened together, in " + together.getFirst().getParent() + ": the files first.csv, second.csv",
                m.recentSpoken(m.recentFiles().getFirst()));
        assertEquals("first.csv, in " + together.getFirst().getParent(), m.recentSpoken(m.recentFiles().get(1)));

        m.openRecent(m.recentFiles().get(1));
        assertEquals(List.of(together.getFirst()), session.logFiles());
        m.openRecent(m.recentFiles().get(1));
        assertEquals(together, session.logFiles(), "both read together again");
        assertEquals(2, session.analysis().orElseThrow().files().size());
        assertEquals(List.of(together, List.of(together.getFirst())), m.recentFiles(), "still one entry each");
    }

    /**
     * "recent.1=" was listed as a file named "null", and a file moved since looked like any other until it was
     * opened, though the list promises to show it as missing.
     */
    @Test
    void emptyRecentEntriesAreLeftOutAndMovedFilesAreMarkedMissing() throws Exception {
        Path there = Files.writeString(dir.resolve("there.csv"), "x");
        Path moved = dir.resolve("old/moved.csv");
        Files.writeString(dir.resolve("settings.properties"), "recent.0=" + escaped(there) + "\nrecent.1=\nrecent.2="
                + escaped(moved) + "\n");
        ImportViewModel m = model(new SyncTaskRunner(), returning(TestAnalyses.day()), Optional::empty);
        assertEquals(List.of(List.of(there), List.of(moved)), m.recentFiles());
        assertFalse(m.recentMissing(List.of(there)));
        assertEquals(String.valueOf(dir), m.recentFolder(List.of(there)));
        assertTrue(m.recentMissing(List.of(moved)));
        assertEquals(dir.resolve("old") + " (missing)", m.recentFolder(List.of(moved)));
        assertEquals("moved.csv, in " + dir.resolve("old") + " (missing)", m.recentSpoken(List.of(moved)));
    }

    /**
     * The recent files are looked for on the task runner, not the UI thread: a file on a network share that no longer
     * answers held the window at start. The entry is marked when the look returns, and the list told so that its cells
     * are made again.
     */
    @Test
    void recentFilesAreLookedForInTheBackgroundAndMarkedWhenFound() throws Exception {
        Path moved = dir.resolve("old/moved.csv");
        Files.writeString(dir.resolve("settings.properties"), "recent.0=" + escaped(moved) + "\n");
        ManualTaskRunner runner = new ManualTaskRunner();
        ImportViewModel m = model(runner, returning(TestAnalyses.day()), Optional::empty);
        assertEquals(List.of(List.of(moved)), m.recentFiles(), "listed at once");
        assertFalse(m.recentMissing(List.of(moved)), "not looked for on the UI thread");
        assertEquals(1, runner.pendingCount());
        int[] changes = {0};
        m.recentFiles().addListener((javafx.collections.ListChangeListener<List<Path>>) c -> changes[0]++);
        runner.runAll();
        assertTrue(m.recentMissing(List.of(moved)));
        assertEquals(1, changes[0], "the list is told, so that the entry is shown marked");
    }

    private static String escaped(Path p) {
        return p.toString().replace("\\", "\\\\");
    }

    @Test
    void aRecentEntryOfLogsOfOneNameShowsTheirFolders() throws Exception {
        ImportViewModel m = model(new SyncTaskRunner(), new EmailLogAnalyzer(), Optional::empty);
        Path jan = dir.resolve("2026/jan/EmailLog.csv");
        Path feb = dir.resolve("2026/feb/EmailLog.csv");
        assertEquals("jan/EmailLog.csv\nfeb/EmailLog.csv", m.recentName(List.of(jan, feb)));
        assertEquals("2 logs, opened together, in " + dir.resolve("2026"), m.recentFolder(List.of(jan, feb)));
    }

    @Test
    void openCanChooseSeveralLogsAndTheLoadingTitleCountsThem() throws Exception {
        List<Path> files = twoOverlappingRequests();
        ManualTaskRunner runner = new ManualTaskRunner();
        ImportViewModel m = model(runner, new EmailLogAnalyzer(), Optional::empty);
        dialogs.nextOpenSeveral = files;
        m.open();
        assertEquals(ImportState.LOADING, m.stateProperty().get());
        assertEquals("Reading 2 logs together", m.loadingTitleProperty().get());
        runner.runAll();
        assertEquals(ImportState.DONE, m.stateProperty().get());
        assertEquals(2, session.analysis().orElseThrow().files().size());
        // a single log afterwards is read, titled and described as before
        dialogs.nextOpenSeveral = List.of();
        dialogs.nextOpen = Optional.of(files.getFirst());
        m.open();
        assertEquals("Reading first.csv", m.loadingTitleProperty().get());
        runner.runAll();
        assertEquals("first.csv is ready", m.doneTitleProperty().get());
        assertEquals(List.of(), m.fileLines());
        assertEquals(List.of(files.getFirst()), session.logFiles());
    }

    @Test
    void anUnusableLogAmongSeveralIsListedAndTheOthersAreRead() throws Exception {
        List<Path> files = twoOverlappingRequests();
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        ImportViewModel m = model(new SyncTaskRunner(), new EmailLogAnalyzer(), Optional::empty);
        m.importFiles(List.of(files.getFirst(), empty));
        assertEquals(ImportState.DONE, m.stateProperty().get());
        assertEquals(List.of("first.csv \u2014 66 rows", "empty.csv \u2014 not analysed: see the problems below"),
                m.fileLines());
        assertEquals("empty.csv: Whole file \u2014 empty.csv is empty (0 bytes). It was left out; the other files were"
                + " analysed. (warning)", m.describe(m.problems().getFirst()));
    }

    /**
     * Rows Excel left behind (separators only) are said in the import's problems, as the reader's other warnings are,
     * in the user's language; they are no rows of the log, so the summary does not count them as rows left out.
     */
    @Test
    void rowsOfSeparatorsOnlyAreShownWithTheOtherWarningsInSwedish() throws Exception {
        List<String> lines = Files.readAllLines(LogFixtures.sample("sample-email-log.csv"));
        Path file = LogFixtures.write(dir, "log.csv", String.join("\r\n", lines) + "\r\n"
                + (",".repeat(16) + "\r\n").repeat(9));
        ImportViewModel m = realModel(Locale.of("sv"));
        m.importFile(file);
        assertEquals(ImportState.DONE, m.stateProperty().get());
        assertEquals(1, m.problems().size());
        assertEquals("Rad 101 \u2014 9 rader innehåller bara avgränsare (rad 101\u2013109), troligen rader som Excel"
                + " lämnade kvar när deras innehåll raderades; de hoppades över. (varning)",
                m.describe(m.problems().getFirst()));
        assertEquals("40 meddelanden från 99 rader; ingen rad utelämnad som ogiltig.", m.summaryTextProperty().get());
        assertFalse(m.countsInDoubtProperty().get(), "no data was lost: no warning look for the counts");
        assertFalse(m.warnedProperty().get(), "rows of separators skipped change nothing read");
    }

    /** The repository's sample with every date re-saved day first (16/11/2026 8:00:00), as a spreadsheet may. */
    private Path sampleDayFirst() throws Exception {
        String text = Files.readString(LogFixtures.sample("sample-email-log.csv"));
        return LogFixtures.write(dir, "day.csv",
                text.replaceAll("\"(\\d{1,2})/(\\d{1,2})/(\\d{4}) ", "\"$2/$1/$3 "));
    }

    /** A model reading with the real analyzer, at once, in {@code locale}, offering no sample. */
    private ImportViewModel realModel(Locale locale) {
        return new ImportViewModel(new EmailLogAnalyzer(), new SyncTaskRunner(), dialogs,
                SettingsStore.open(dir.resolve("settings.properties")), session, Messages.forLocale(locale),
                Optional::empty);
    }

    private ImportViewModel readReally(Path file, Locale locale) {
        ImportViewModel m = realModel(locale);
        m.importFile(file);
        assertEquals(ImportState.DONE, m.stateProperty().get(), m.errorTextProperty().get());
        return m;
    }

    /**
     * A log whose dates were read day first loses no row, but its times are only right if day first was the right
     * guess: the done screen has the warning look, not the green check mark, and says why above the warning.
     */
    @Test
    void aLogReadDayFirstHasTheWarningLookAndSaysWhy() throws Exception {
        ImportViewModel m = readReally(sampleDayFirst(), Locale.ENGLISH);
        LogAnalysis read = session.analysis().orElseThrow();
        assertEquals(0, read.rejectedRows(), "every row read");
        assertEquals(40, read.messages());
        assertFalse(m.countsInDoubtProperty().get(), "the counts are whole");
        assertTrue(m.problems().stream().anyMatch(p -> m.describe(p).contains("read day first")), m.problems().toString());
        assertTrue(m.warnedProperty().get(), "dates read day first: no green check mark");
        assertEquals("The dates were read day first (d/M/yyyy), not month first as Salesforce writes them: check the"
                + " warnings below before you rely on the times.", m.assumedTextProperty().get());

        ImportViewModel sv = readReally(sampleDayFirst(), Locale.of("sv"));
        assertTrue(sv.assumedTextProperty().get().startsWith("Datumen lästes med dagen först"),
                sv.assumedTextProperty().get());
    }

    /**
     * A log whose only month-first row is unusable (an unknown Mail Event) and whose good rows read only day first:
     * refused month first as its first row decided, it is read again day first, with the warning look and the reason
     * line of dates read day first, and of the contradiction beside it.
     */
    @Test
    void aLogReadAgainDayFirstAgainstItsFirstRowsHasTheWarningLook() throws Exception {
        Path file = LogFixtures.write(dir, "s.csv", LogFixtures.lines(LogFixtures.HEADER,
                LogFixtures.row("12/25/2026 8:00", "Z", "a@example.com", "m1", "250 2.0.0 OK", LogFixtures.TLS),
                LogFixtures.row("25/12/2026 8:01", "R", "b@example.com", "m2", "", ""),
                LogFixtures.row("25/12/2026 8:02", "D", "b@example.com", "m2", "250 2.0.0 OK", LogFixtures.TLS)));
        ImportViewModel m = readReally(List.of(file), Locale.ENGLISH);
        assertTrue(m.warnedProperty().get(), "dates read day first: no green check mark");
        assertEquals("The dates were read day first (d/M/yyyy), not month first as Salesforce writes them, and 1 other"
                + " warning below says how the log was read by another assumption (such as its encoding or its"
                + " columns): check them before you rely on the times and the results.",
                m.assumedTextProperty().get());
    }

    /** {@code text} with every M/d/yyyy date re-saved day first, {@code shift} days later (within the month). */
    private static String dayFirst(String text, int shift) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"(\\d{1,2})/(\\d{1,2})/(\\d{4}) ").matcher(text);
        return m.replaceAll(r -> "\"" + (Integer.parseInt(r.group(2)) + shift) + "/" + r.group(1) + "/" + r.group(3)
                + " ");
    }

    private ImportViewModel readReally(List<Path> files, Locale locale) {
        ImportViewModel m = realModel(locale);
        m.importFiles(files);
        assertEquals(ImportState.DONE, m.stateProperty().get(), m.errorTextProperty().get());
        return m;
    }

    /**
     * The review: the sample and a week later re-saved day first, read together. The reason line named no file and
     * spoke as if every log were read day first; it names the one that was, and its warning is the first below.
     */
    @Test
    void ofSeveralLogsTheReasonLineNamesTheOneReadDayFirst() throws Exception {
        Path sample = LogFixtures.sample("sample-email-log.csv");
        Path week2 = LogFixtures.write(dir, "week2.csv", dayFirst(Files.readString(sample), 4));
        ImportViewModel m = readReally(List.of(sample, week2), Locale.ENGLISH);
        assertEquals("The dates of week2.csv were read day first (d/M/yyyy), not month first as Salesforce writes"
                + " them: check the warnings below before you rely on the times.", m.assumedTextProperty().get());
        assertTrue(m.describe(m.problems().getFirst()).startsWith("week2.csv: Whole file \u2014 The dates were read day"
                + " first"), m.describe(m.problems().getFirst()));

        ImportViewModel sv = readReally(List.of(sample, week2), Locale.of("sv"));
        assertTrue(sv.assumedTextProperty().get().startsWith("Datumen i week2.csv lästes med dagen först"),
                sv.assumedTextProperty().get());
    }

    /**
     * A log re-saved day first whose every row is an exact copy of a row of the log read before it: the copies are
     * left out, so reading them day first changed nothing counted (and their matching the other log's rows bears the
     * reading out); the line does not warn of it (its warning is still listed), and the step keeps the check mark.
     */
    @Test
    void aLogReadDayFirstWhoseRowsWereAllLeftOutAsCopiesIsNotWarnedOf() throws Exception {
        Path sample = LogFixtures.sample("sample-email-log.csv");
        Path copy = LogFixtures.write(dir, "copy.csv", dayFirst(Files.readString(sample), 0));
        ImportViewModel m = readReally(List.of(sample, copy), Locale.ENGLISH);
        LogAnalysis read = session.analysis().orElseThrow();
        assertEquals(99, read.files().get(1).copiesLeftOut(), "every row of the copy left out: " + read.files());
        assertTrue(m.problems().stream().anyMatch(p -> m.describe(p).startsWith("copy.csv: Whole file \u2014 The dates"
                + " were read day first")), "the warning is listed: " + m.problems());
        assertEquals("", m.assumedTextProperty().get());
        assertFalse(m.warnedProperty().get(), "nothing counted was read by an assumption: the check mark");
    }

    /**
     * The review: a log re-saved day first and as Windows-1252; the line spoke of the dates alone. It says both, and
     * the two warnings are first in the list.
     */
    @Test
    void aLogReadDayFirstAndAsWindows1252SaysBoth() throws Exception {
        Path latin = LogFixtures.sample("synthetic-windows-1252.csv");
        String text = new String(Files.readAllBytes(latin), StandardCharsets.ISO_8859_1);
        Path both = LogFixtures.write(dir, "both.csv", dayFirst(text, 0).getBytes(StandardCharsets.ISO_8859_1));
        ImportViewModel m = readReally(both, Locale.ENGLISH);
        assertEquals("The dates were read day first (d/M/yyyy), not month first as Salesforce writes them, and 1 other"
                + " warning below says how the log was read by another assumption (such as its encoding or its"
                + " columns): check them before you rely on the times and the results.", m.assumedTextProperty().get());
        ImportViewModel sv = readReally(both, Locale.of("sv"));
        assertTrue(sv.assumedTextProperty().get().contains("och 1 annan varning nedan säger"),
                sv.assumedTextProperty().get());
    }

    /**
     * The review at 1024 x 700: "1 warning below says how the log was read by an assumption" while that warning was
     * fourth in the list, below rows rejected, out of view. The warnings the line speaks of come first.
     */
    @Test
    void theWarningsTheReasonLineSpeaksOfAreListedFirst() throws Exception {
        // the sample a week later without its header row (the reviewer's no-header log was all copies of the other)
        String sample = Files.readString(LogFixtures.sample("sample-email-log.csv"));
        java.util.regex.Matcher later = java.util.regex.Pattern.compile("\"11/(\\d{1,2})/2026 ").matcher(
                sample.substring(sample.indexOf('\n') + 1));
        Path noHeader = LogFixtures.write(dir, "no-header.csv",
                later.replaceAll(r -> "\"11/" + (Integer.parseInt(r.group(1)) + 7) + "/2026 "));
        ImportViewModel m = readReally(List.of(LogFixtures.sample("synthetic-with-bad-rows.csv"), noHeader),
                Locale.ENGLISH);
        assertTrue(m.assumedTextProperty().get().startsWith("1 warning below says"), m.assumedTextProperty().get());
        assertTrue(m.problems().stream().anyMatch(FileProblem::rejected), "rows rejected: " + m.problems());
        assertTrue(m.describe(m.problems().getFirst()).startsWith("no-header.csv: "),
                m.describe(m.problems().getFirst()));
        assertTrue(org.mailpath.engine.log.ReadAssumptions.isOne(m.problems().getFirst()),
                m.describe(m.problems().getFirst()));
        // the others keep their order: the first file's rows, then the second's
        assertEquals(session.analysis().orElseThrow().problems().stream()
                        .filter(p -> !org.mailpath.engine.log.ReadAssumptions.isOne(p)).toList(),
                m.problems().subList(1, m.problems().size()));
    }

    /** A log not UTF-8, read as Windows-1252: its names may read wrong, so it is to be checked too. */
    @Test
    void aLogReadAsWindows1252HasTheWarningLook() {
        ImportViewModel m = readReally(LogFixtures.sample("synthetic-windows-1252.csv"), Locale.ENGLISH);
        assertFalse(m.countsInDoubtProperty().get());
        assertTrue(m.warnedProperty().get());
        assertEquals("1 warning below says how the log was read by an assumption (such as its encoding or its"
                + " columns): check it before you rely on the results.", m.assumedTextProperty().get());
    }

    /** Fields separated by ';' are read as they are meant: a note, and the green check mark stays. */
    @Test
    void aLogWithAnotherSeparatorKeepsTheCheckMark() {
        ImportViewModel m = readReally(LogFixtures.sample("synthetic-semicolon.csv"), Locale.ENGLISH);
        assertFalse(m.problems().isEmpty(), "the separator is said");
        assertFalse(m.warnedProperty().get(), m.problems().toString());
        assertEquals("", m.assumedTextProperty().get());
    }

    /**
     * A day-first log whose first 4,096 rows (the 5th of December) read either way, so they stream on read month
     * first, and whose later {@code later} rows (the 14th) read only day first: the file is read a second time.
     */
    private static String dayFirstLogUndecidableAtFirst(int later) {
        StringBuilder sb = new StringBuilder(LogFixtures.HEADER).append("\r\n");
        for (int i = 0; i < 4096 + later; i++) {
            int minutes = i % 1440;
            String date = (i < 4096 ? "5" : "14") + "/12/2026 " + (minutes / 60) + ":"
                    + String.format(Locale.ROOT, "%02d", minutes % 60);
            boolean received = i % 2 == 0;
            sb.append(LogFixtures.row(date, received ? "R" : "D", "user" + (i / 2 % 37) + "@example.com",
                    "m" + (i / 2), received ? "" : "250 2.0.0 OK", received ? "" : LogFixtures.TLS)).append("\r\n");
        }
        return sb.toString();
    }

    /** What the import step showed at each progress of a real analysis: the bar's fraction and the line below it. */
    private record Shown(double fraction, String text) {
    }

    /** Reads {@code file} with the real analyzer in {@code locale}, noting what was shown at each progress. */
    private List<Shown> readShowing(Path file, Locale locale) {
        List<Shown> shown = new ArrayList<>();
        AtomicReference<ImportViewModel> ref = new AtomicReference<>();
        EmailLogAnalyzer real = new EmailLogAnalyzer();
        LogAnalyzer watched = new LogAnalyzer() {
            @Override
            public LogAnalysis analyze(Path one, ProgressListener progress, Cancellation cancellation)
                    throws UnusableLogException {
                return analyze(List.of(one), progress, cancellation);
            }

            @Override
            public LogAnalysis analyze(List<Path> files, ProgressListener progress, Cancellation cancellation)
                    throws UnusableLogException {
                return real.analyze(files, p -> {
                    progress.onProgress(p);
                    shown.add(new Shown(ref.get().progressProperty().get(), ref.get().progressTextProperty().get()));
                }, cancellation);
            }
        };
        ImportViewModel m = new ImportViewModel(watched, new SyncTaskRunner(), dialogs,
                SettingsStore.open(dir.resolve("settings.properties")), session, Messages.forLocale(locale),
                Optional::empty);
        ref.set(m);
        m.importFile(file);
        assertEquals(ImportState.DONE, m.stateProperty().get(), m.errorTextProperty().get());
        return shown;
    }

    /**
     * The lines shown split where a line first starts with {@code again}: before it the first read, from it on the
     * second; every line after the first such one starts so (the phases do not interleave).
     */
    private static List<List<Shown>> phases(List<Shown> shown, String again) {
        int start = 0;
        while (start < shown.size() && !shown.get(start).text().startsWith(again)) {
            start++;
        }
        List<Shown> second = shown.subList(start, shown.size());
        assertTrue(second.stream().allMatch(s -> s.text().startsWith(again)), second.toString());
        return List.of(shown.subList(0, start), second);
    }

    private static void assertGoesForward(List<Shown> phase) {
        for (int i = 1; i < phase.size(); i++) {
            assertTrue(phase.get(i).fraction() >= phase.get(i - 1).fraction(), phase.get(i - 1) + " then " + phase.get(i));
        }
    }

    @Test
    void aLogReadAgainDayFirstSaysSoAndItsBarStartsOverOnce() throws Exception {
        Path file = LogFixtures.write(dir, "day.csv", dayFirstLogUndecidableAtFirst(6000));
        List<Shown> shown = readShowing(file, Locale.ENGLISH);
        List<List<Shown>> phases = phases(shown, "Reading again: day.csv’s dates are day first · ");
        List<Shown> first = phases.get(0);
        List<Shown> again = phases.get(1);
        assertFalse(first.isEmpty(), shown.toString());
        assertFalse(again.isEmpty(), "the second read is named: " + shown);
        assertGoesForward(first);
        assertGoesForward(again);
        assertEquals(1.0, first.getLast().fraction(), 1e-9, "the first read fills the bar");
        assertTrue(again.getFirst().fraction() < first.getLast().fraction(), "the second read starts over: " + again);
        assertEquals(1.0, again.getLast().fraction(), 1e-9);
        // it counts its own rows, from none, up to the file's
        assertTrue(again.getLast().text().contains(" · 10,096 rows · 100 % of the file"), again.getLast().text());
        assertTrue(first.stream().noneMatch(s -> s.text().contains("again")), first.toString());
        assertEquals(10_096, session.analysis().orElseThrow().rows());
    }

    @Test
    void inSwedishTheSecondReadIsNamedInSwedish() throws Exception {
        Path file = LogFixtures.write(dir, "day.csv", dayFirstLogUndecidableAtFirst(6000));
        List<Shown> shown = readShowing(file, Locale.of("sv"));
        List<Shown> again = phases(shown, "Läser om: datumen i day.csv har dagen först · ").get(1);
        assertFalse(again.isEmpty(), shown.toString());
        assertTrue(again.getLast().text().contains(" rader · 100 % av filen ("), again.getLast().text());
    }

    @Test
    void aLogReadOnceHasNoSecondPhase() throws Exception {
        // day first at once: the 14th among the first rows
        Path file = LogFixtures.write(dir, "day.csv", dayFirstLogUndecidableAtFirst(6000)
                .replace("\"5/12/2026", "\"15/12/2026"));
        List<Shown> shown = readShowing(file, Locale.ENGLISH);
        assertFalse(shown.isEmpty());
        assertTrue(shown.stream().noneMatch(s -> s.text().contains("again")), shown.toString());
        assertGoesForward(shown);
    }

    @Test
    void aSecondReadOfSeveralLogsNamesTheLogsWhoseDatesCausedIt() {
        ManualTaskRunner runner = new ManualTaskRunner();
        LogAnalyzer twice = (file, progress, cancellation) -> {
            progress.onProgress(new Progress(25, 100, "b.csv", 1200,
                    new ProgressPhase.ReadAgain(true, List.of("a.csv", "b.csv"))));
            assertEquals(0.25, modelRef.get().progressProperty().get(), 1e-9);
            assertEquals("Reading again: the dates of a.csv, b.csv are day first · 1,200 rows · 25 % of the file "
                    + "(0.0 of 0.0 MB)", modelRef.get().progressTextProperty().get());
            return TestAnalyses.small();
        };
        ImportViewModel m = model(runner, twice, Optional::empty);
        modelRef.set(m);
        m.importFile(dir.resolve("log.csv"));
        runner.runAll();
        assertEquals(ImportState.DONE, m.stateProperty().get());
    }

    @Test
    void aSecondReadMonthFirstSaysSo() {
        ManualTaskRunner runner = new ManualTaskRunner();
        LogAnalyzer twice = (file, progress, cancellation) -> {
            progress.onProgress(new Progress(50, 100, "r.csv", 100,
                    new ProgressPhase.ReadAgain(false, List.of("r.csv"))));
            assertEquals("Reading again: r.csv’s dates are month first · 100 rows · 50 % of the file "
                    + "(0.0 of 0.0 MB)", modelRef.get().progressTextProperty().get());
            return TestAnalyses.small();
        };
        ImportViewModel m = model(runner, twice, Optional::empty);
        modelRef.set(m);
        m.importFile(dir.resolve("log.csv"));
        runner.runAll();
        assertEquals(ImportState.DONE, m.stateProperty().get());
    }
}
