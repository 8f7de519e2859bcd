package org.mailpath.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.engine.log.LogFixtures.analyze;
import static org.mailpath.engine.log.LogFixtures.logText;
import static org.mailpath.engine.log.LogFixtures.row;
import static org.mailpath.engine.log.LogFixtures.zip;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.log.EmailLogRawRows;
import org.mailpath.engine.log.FileProblem;
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.engine.log.LogLimits;
import org.mailpath.engine.log.LogSource;

/**
 * A zip of several Email Logs (an admin who zips a month of exports) is read as its CSVs given one by one: the same
 * chains, counts, copies left out and problems as the CSVs given as files, each CSV named after the zip
 * ({@code logs.zip!week1.csv}). The data is the repository's synthetic sample cut into two overlapping requests, as
 * in {@link MultiFileAnalysisTest}.
 */
class ZipOfSeveralLogsTest {

    @TempDir
    Path dir;

    /** The sample's data rows (header left off). */
    private static List<String> sampleRows() throws IOException {
        List<String> lines = Files.readAllLines(LogFixtures.sample("sample-email-log.csv"));
        return lines.subList(1, lines.size());
    }

    /** Everything an analysis says about its chains, counts and files, the files' names left out. */
    private static String results(LogAnalysis a) {
        return a.chains().stream().map(c -> c.messageIdHeader() + " " + c.recipient() + " " + c.eventLetters() + " "
                + c.verdict() + " " + c.retries() + " " + c.status() + " " + c.diagnosis() + " " + c.events().stream()
                .map(e -> e.file() + ":" + e.line() + "/" + e.event()).collect(Collectors.joining(",")))
                .collect(Collectors.joining("\n"))
                + "\n" + a.verdicts() + " " + a.deliveredAfterRetry() + " " + a.bounceCategories() + " "
                + a.deferralCategories() + " " + a.domains() + " " + a.rows() + " " + a.rejectedRows() + " "
                + a.files().stream().map(f -> f.rows() + "/" + f.rejectedRows() + "/" + f.copiesLeftOut() + "/"
                        + f.usable()).toList();
    }

    /** The problems as file, line, rejected and message, in English and Swedish, with {@code prefix} taken out. */
    private static List<String> problems(LogAnalysis a, String prefix) {
        return a.problems().stream().map(p -> p.file() + "|" + p.line() + "|" + p.rejected() + "|" + p.message() + "|"
                + p.message(Locale.of("sv"))).map(s -> s.replace(prefix, "")).toList();
    }

    /** Two overlapping requests, each with a row no date can be read from: every problem names its file. */
    private Path[] twoRequests() throws IOException {
        List<String> rows = sampleRows();
        int n = rows.size();
        List<String> first = new ArrayList<>(rows.subList(0, 2 * n / 3));
        first.add(3, row("not a date", "R", "a@acme.example", "m1", "", ""));
        List<String> second = new ArrayList<>(rows.subList(n / 3, n));
        second.add(5, row("no date", "R", "a@acme.example", "m2", "", ""));
        return new Path[] {LogFixtures.writeLog(dir, "week1.csv", first),
                LogFixtures.writeLog(dir, "week2.csv", second)};
    }

    /**
     * The files open now among {@code files}, as the process's open file descriptors point to them (Linux); -1 where
     * /proc cannot tell.
     */
    private static int openAmong(Set<Path> files) {
        Path fds = Path.of("/proc/self/fd");
        try (var list = Files.list(fds)) {
            return (int) list.filter(fd -> {
                try {
                    return files.contains(Files.readSymbolicLink(fd).toAbsolutePath());
                } catch (IOException | UnsupportedOperationException e) {
                    // closed since listed, or not a link
                    return false;
                }
            }).count();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    @Test
    void severalZipsReadInTurnAreEachClosedOnceTheirLastCsvIsRead() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "Linux only");
        Set<Path> zips = new java.util.HashSet<>();
        for (String name : List.of("a.zip", "b.zip", "c.zip")) {
            List<String> week = List.of(row(LogFixtures.date(0), "R", "a@b.example", name, "", ""),
                    row(LogFixtures.date(1), "D", "a@b.example", name, "250 ok", LogFixtures.TLS));
            zips.add(LogFixtures.write(dir, name, zip("w1.csv", logText(week), "w2.csv", logText(week), "w3.csv",
                    logText(week))).toRealPath());
        }
        java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        LogAnalysis a = new EmailLogAnalyzer().analyze(zips.stream().sorted().toList(), p -> {
            asked.incrementAndGet();
            most.accumulateAndGet(openAmong(zips), Math::max);
        }, Cancellation.none());
        assertEquals(9, a.files().size());
        assertTrue(asked.get() >= 9, "progress said while each CSV is read: " + asked.get());
        // held to the read's end, a.zip and b.zip were still open while c.zip was read (400 zips under ulimit -n 256
        // left out those the limit was reached at); each CSV's own use of its zip is the one open file
        assertEquals(1, most.get(), "zips open at once while reading");
        assertEquals(0, openAmong(zips), "all closed after the read");
    }

    @Test
    void aZipOfTwoLogsIsReadAsTheTwoGivenOneByOne() throws Exception {
        Path[] csvs = twoRequests();
        Path zip = LogFixtures.write(dir, "month.zip", zip("week1.csv", Files.readString(csvs[0]),
                "week2.csv", Files.readString(csvs[1])));

        LogAnalysis separate = analyze(csvs);
        LogAnalysis zipped = analyze(zip);

        assertEquals(results(separate), results(zipped));
        assertEquals(problems(separate, "@@"), problems(zipped, "month.zip!"));
        assertEquals(List.of("month.zip!week1.csv", "month.zip!week2.csv"),
                zipped.files().stream().map(AnalysedFile::file).toList());
        assertEquals(List.of("month.zip!week1.csv", "month.zip!week2.csv"),
                zipped.files().stream().map(AnalysedFile::label).toList());
        assertEquals("month.zip!week1.csv", zipped.file());
        // the overlap counts once, the copies named in the second member, the original in the first
        long overlap = zipped.files().get(1).copiesLeftOut();
        assertTrue(overlap > 0, "copies left out");
        assertEquals(separate.files().get(1).copiesLeftOut(), overlap);
        assertTrue(zipped.problems().stream().anyMatch(p -> p.file().equals("month.zip!week2.csv")
                && p.message().contains(" of month.zip!week1.csv): ")), String.valueOf(problems(zipped, "")));
        assertTrue(zipped.problems().stream().anyMatch(p -> p.file().equals("month.zip!week1.csv") && p.rejected()),
                String.valueOf(problems(zipped, "")));
    }

    @Test
    void aZipOfLogsNamedGzIsSaidOnceWithItsFirstMember() throws Exception {
        Path[] csvs = twoRequests();
        Path zip = LogFixtures.write(dir, "month.csv.gz", zip("week1.csv", Files.readString(csvs[0]),
                "week2.csv", Files.readString(csvs[1])));
        LogAnalysis zipped = analyze(zip);
        List<FileProblem> said = zipped.problems().stream()
                .filter(p -> p.message().equals("month.csv.gz is a zip file though named .gz: it was read as a zip."))
                .toList();
        // once, among its first member's problems (first of them), and named by the zip: it is about the zip
        assertEquals(List.of("month.csv.gz"), said.stream().map(FileProblem::file).toList(),
                String.valueOf(problems(zipped, "")));
        assertEquals(said.getFirst(), zipped.problems().getFirst());
    }

    @Test
    void aZipOfCsvsOfTheSameNameIsRefusedNamingThemInTheZipsOrder() throws Exception {
        Path[] csvs = twoRequests();
        String log = Files.readString(csvs[0]);
        // ZipOutputStream writes no name twice: c.csv and d.csv are renamed b.csv and a.csv in the zip's bytes
        String bytes = new String(zip("a.csv", log, "b.csv", log, "c.csv", log, "d.csv", log),
                StandardCharsets.ISO_8859_1).replace("c.csv", "b.csv").replace("d.csv", "a.csv");
        Path zip = LogFixtures.write(dir, "same.zip", bytes.getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(List.of(new LogSource.WholeFile(zip)), LogSource.of(zip));
        UnusableLogException refused = assertThrows(UnusableLogException.class, () -> analyze(zip));
        assertEquals("same.zip contains 4 CSV files, some with the same name (a.csv, b.csv): MailPath cannot tell them"
                + " apart. Unzip them into separate folders and open each Email Log itself.", refused.getMessage());
    }

    @Test
    void theZipsOrderIsTheOrderOfReading() throws Exception {
        Path[] csvs = twoRequests();
        // the second request first in the zip: as if given second, first
        Path zip = LogFixtures.write(dir, "reversed.zip", zip("week2.csv", Files.readString(csvs[1]),
                "week1.csv", Files.readString(csvs[0])));
        LogAnalysis zipped = analyze(zip);
        assertEquals(results(analyze(csvs[1], csvs[0])), results(zipped));
        assertEquals(List.of("reversed.zip!week2.csv", "reversed.zip!week1.csv"),
                zipped.files().stream().map(AnalysedFile::label).toList());
    }

    @Test
    void aZipOfOneLogIsReadAsBefore() throws Exception {
        Path[] csvs = twoRequests();
        Path zip = LogFixtures.write(dir, "one.zip", zip("week1.csv", Files.readString(csvs[0]),
                "README.txt", "exported from Setup"));
        LogAnalysis zipped = analyze(zip);
        LogAnalysis plain = analyze(csvs[0]);
        assertEquals(results(plain), results(zipped));
        assertEquals(List.of(new AnalysedFile("one.zip", plain.rows(), 1, 0, true)), zipped.files());
        assertEquals("one.zip: only week1.csv was read as the Email Log; one other entry was left out: README.txt.",
                zipped.problems().getFirst().message());
    }

    @Test
    void whatIsNoCsvIsNamedOnceInTheFirstLogsWarnings() throws Exception {
        Path[] csvs = twoRequests();
        Path zip = LogFixtures.write(dir, "month.zip", zip("logs/", "", "logs/week1.csv", Files.readString(csvs[0]),
                "README.txt", "exported from Setup", "logs/week2.csv", Files.readString(csvs[1]),
                "__MACOSX/logs/._week2.csv", "mac"));
        LogAnalysis zipped = analyze(zip);
        assertEquals(results(analyze(csvs)), results(zipped));
        List<FileProblem> leftOut = zipped.problems().stream().filter(p -> p.message().contains("left out: "))
                .toList();
        assertEquals(1, leftOut.size(), String.valueOf(problems(zipped, "")));
        // about the zip, not its first log: named by the zip's name
        assertEquals("month.zip", leftOut.getFirst().file());
        assertEquals("month.zip: its 2 CSV files were each read as an Email Log; 2 other entries were left out:"
                + " README.txt, __MACOSX/logs/._week2.csv.", leftOut.getFirst().message());
        assertEquals("month.zip: dess 2 CSV-filer lästes var och en som en e-postlogg; 2 andra poster utelämnades:"
                + " README.txt, __MACOSX/logs/._week2.csv.", leftOut.getFirst().message(Locale.of("sv")));
    }

    @Test
    void whatIsLeftOutIsSaidByTheFirstLogReadWhenTheFirstCsvIsNoLog() throws Exception {
        Path[] csvs = twoRequests();
        // refused once read (no column of an Email Log), and refused when opened (not a CSV at all)
        for (String notes : List.of("Name,Phone\nAnn,123\nBo,456\n", "{\"error\": \"session expired\"}")) {
            Path zip = LogFixtures.write(dir, "lead.zip", zip("notes.csv", notes, "a.csv", Files.readString(csvs[0]),
                    "b.csv", Files.readString(csvs[1]), "readme.txt", "exported from Setup"));
            LogAnalysis zipped = analyze(zip);
            assertEquals(List.of(false, true, true), zipped.files().stream().map(AnalysedFile::usable).toList());
            List<FileProblem> leftOut = zipped.problems().stream().filter(p -> p.message().contains("left out: "))
                    .toList();
            assertEquals(1, leftOut.size(), String.valueOf(problems(zipped, "")));
            assertEquals("lead.zip", leftOut.getFirst().file());
            assertEquals("lead.zip: its 3 CSV files were each read as an Email Log; one other entry was left out:"
                    + " readme.txt.", leftOut.getFirst().message());
        }
    }

    @Test
    void whatIsLeftOutIsSaidByTheLastRefusalWhenNoLogIsRead() throws Exception {
        Path zip = LogFixtures.write(dir, "lead.zip", zip("notes.csv", "Name,Phone\nAnn,123\n", "more.csv",
                "{\"error\": \"session expired\"}", "readme.txt", "exported from Setup"));
        UnusableLogException e = assertThrows(UnusableLogException.class, () -> analyze(zip));
        assertTrue(e.getMessage().contains("one other entry was left out: readme.txt."), e.getMessage());
        assertEquals(1, e.getMessage().split("left out", -1).length - 1, e.getMessage());
        assertTrue(e.getLocalizedMessage().contains("readme.txt"), e.getLocalizedMessage());
    }

    @Test
    void aZipOfNoCsvAmongSeveralFilesSaysSo() throws Exception {
        Path zip = LogFixtures.write(dir, "notes.zip", zip("a.txt", "x", "b.txt", "y"));
        UnusableLogException e = assertThrows(UnusableLogException.class, () -> analyze(zip));
        assertEquals("notes.zip contains 2 files (a.txt, b.txt) and none of them is a CSV file: unzip it and open the"
                + " Email Log itself.", e.getMessage());
    }

    @Test
    void aZipOfCsvsOfTheSameNameSaysSo() throws Exception {
        Path[] csvs = twoRequests();
        byte[] two = zip("x.csv", Files.readString(csvs[0]), "y.csv", Files.readString(csvs[1]));
        // ZipOutputStream refuses a name twice; a zip made elsewhere need not: y.csv renamed x.csv in its headers
        byte[] same = new String(two, StandardCharsets.ISO_8859_1).replace("y.csv", "x.csv")
                .getBytes(StandardCharsets.ISO_8859_1);
        Path zip = LogFixtures.write(dir, "dup.zip", same);
        UnusableLogException e = assertThrows(UnusableLogException.class, () -> analyze(zip));
        assertEquals("dup.zip contains 2 CSV files, some with the same name (x.csv): MailPath cannot tell them apart."
                + " Unzip them into separate folders and open each Email Log itself.", e.getMessage());
        assertTrue(e.getLocalizedMessage().contains("x.csv"), e.getLocalizedMessage());
    }

    @Test
    void aZipOfSeveralLogsNamedGzIsNotedOnce() throws Exception {
        Path[] csvs = twoRequests();
        Path zip = LogFixtures.write(dir, "many.csv.gz", zip("a/x.csv", Files.readString(csvs[0]),
                "a/y.csv", Files.readString(csvs[1])));
        LogAnalysis zipped = analyze(zip);
        List<FileProblem> notes = zipped.problems().stream()
                .filter(p -> p.message().equals("many.csv.gz is a zip file though named .gz: it was read as a zip."))
                .toList();
        assertEquals(1, notes.size(), String.valueOf(problems(zipped, "")));
        assertEquals("many.csv.gz", notes.getFirst().file());
    }

    @Test
    void aMemberThatIsNoLogIsLeftOutAndTheOthersAreAnalysed() throws Exception {
        Path[] csvs = twoRequests();
        Path zip = LogFixtures.write(dir, "month.zip", zip("week1.csv", Files.readString(csvs[0]),
                "week2.csv", "{\"error\": \"session expired\"}"));
        LogAnalysis zipped = analyze(zip);
        assertEquals(List.of(true, false), zipped.files().stream().map(AnalysedFile::usable).toList());
        FileProblem last = zipped.problems().getLast();
        assertEquals("month.zip!week2.csv", last.file());
        assertTrue(last.message().startsWith("month.zip contains week2.csv, which is not a CSV file"),
                last.message());
    }

    @Test
    void anEncryptedMemberIsStillRefusedByName() throws Exception {
        Path[] csvs = twoRequests();
        byte[] plain = zip("week1.csv", Files.readString(csvs[0]), "week2.csv", Files.readString(csvs[1]));
        Path zip = LogFixtures.write(dir, "locked.zip", LogFixtures.patchedEntry(plain, "week2.csv", 1, -1));
        UnusableLogException e = assertThrows(UnusableLogException.class, () -> analyze(zip));
        assertEquals("locked.zip contains week2.csv, which is encrypted (password-protected), and MailPath cannot open"
                + " a zip file with an encrypted file in it: unzip it first (with its password) and open the Email Log"
                + " itself.", e.getMessage());
        // given with another log, it is left out by that name, and the other is analysed
        LogAnalysis with = analyze(csvs[0], zip);
        assertEquals(List.of(true, false), with.files().stream().map(AnalysedFile::usable).toList());
        assertTrue(with.problems().getLast().message().startsWith("locked.zip contains week2.csv, which is encrypted"),
                with.problems().getLast().message());
    }

    @Test
    void theLimitsHoldForTheZipsLogsTogether() throws Exception {
        Path[] csvs = twoRequests();
        Path zip = LogFixtures.write(dir, "month.zip", zip("week1.csv", Files.readString(csvs[0]),
                "week2.csv", Files.readString(csvs[1])));
        long first = Files.size(csvs[0]);
        long second = Files.size(csvs[1]);
        LogLimits d = LogLimits.DEFAULT;
        // each log alone is within the limit, both together are not
        long limit = Math.max(first, second) + 100;
        assertTrue(limit < first + second);
        LogLimits small = new LogLimits(limit, d.maxInflationRatio(), d.ratioFloorBytes(), d.maxRecordChars(),
                d.maxStoredProblems());
        LogAnalysis separate = analyze(small, csvs);
        assertEquals(List.of(true, true), separate.files().stream().map(AnalysedFile::usable).toList());
        assertTrue(separate.problems().stream().noneMatch(p -> p.message().contains("MB")), String.valueOf(problems(separate, "")));

        LogAnalysis zipped = analyze(small, zip);
        assertEquals(separate.files().getFirst(), new AnalysedFile("week1.csv", zipped.files().getFirst().rows(),
                zipped.files().getFirst().rejectedRows(), 0, true));
        // these small logs are read whole into the first sample: the second stops there, and is left out
        assertEquals(0, zipped.files().get(1).rows());
        assertTrue(zipped.problems().stream().anyMatch(p -> p.file().equals("month.zip!week2.csv")
                && p.message().contains("(safety limit against compression bombs)")),
                String.valueOf(problems(zipped, "")));
    }

    @Test
    void aMembersRowsAreReadAgainForTheReport() throws Exception {
        Path[] csvs = twoRequests();
        Path zip = LogFixtures.write(dir, "month.zip", zip("week1.csv", Files.readString(csvs[0]),
                "week2.csv", Files.readString(csvs[1])));
        List<LogSource> sources = LogSource.of(zip);
        assertEquals(2, sources.size());
        EmailLogRawRows again = EmailLogRawRows.read(sources.get(1), Set.of(2L, 7L), Cancellation.none());
        EmailLogRawRows plain = EmailLogRawRows.read(new LogSource.WholeFile(csvs[1]), Set.of(2L, 7L),
                Cancellation.none());
        assertEquals(plain, again);
        assertEquals(2, again.rows().size());
    }

    /**
     * A zip of 3,000 logs, each with the same three rows of one message in one minute: one chain of three events,
     * those of the first log, and every other log's three rows left out as copies. Once the rows of a second were
     * merged by looking at every file's head and every row at each step (the time in the cube of the files' number:
     * 94 seconds for 20,000 such logs), and copies were looked for among the 256 rows before, so a file here and
     * there had its rows kept as events again, its retry counted twice.
     */
    @Test
    void thousandsOfLogsOfOneMessageInOneSecondCountItOnce() throws Exception {
        String log = logText(row("11/16/2026 8:00", "R", "a@acme.example", "m1", "", ""),
                row("11/16/2026 8:00", "T", "a@acme.example", "m1", "451 4.7.1 Greylisted, try again later", ""),
                row("11/16/2026 8:00", "D", "a@acme.example", "m1", "250 2.0.0 Ok: queued", LogFixtures.TLS));
        int n = 3000;
        String[] entries = new String[2 * n];
        for (int i = 0; i < n; i++) {
            entries[2 * i] = String.format("log%04d.csv", i);
            entries[2 * i + 1] = log;
        }
        LogAnalysis a = analyze(LogFixtures.write(dir, "many.zip", zip(entries)));

        assertEquals(1, a.chains().size());
        MessageChain c = a.chains().getFirst();
        assertEquals("RTD", c.eventLetters());
        assertEquals(1, c.retries());
        assertEquals(List.of("0:2", "0:3", "0:4"), c.events().stream().map(e -> e.file() + ":" + e.line()).toList());
        assertEquals(n, a.files().size());
        assertEquals(0, a.files().getFirst().copiesLeftOut());
        assertEquals(List.of(3L), a.files().subList(1, n).stream().map(AnalysedFile::copiesLeftOut).distinct()
                .toList());
    }

    /** The chains and counts of an analysis, without the files and lines the events were read from. */
    private static String chainsAndCounts(LogAnalysis a) {
        return a.chains().stream().map(c -> c.messageIdHeader() + " " + c.recipient() + " " + c.eventLetters() + " "
                + c.verdict() + " " + c.retries() + " " + c.status() + " " + c.diagnosis() + " " + c.events().stream()
                .map(e -> e.event() + "/" + e.time() + "/" + e.status()).collect(Collectors.joining(",")))
                .collect(Collectors.joining("\n"))
                + "\n" + a.verdicts() + " " + a.deliveredAfterRetry() + " " + a.bounceCategories() + " "
                + a.deferralCategories() + " " + a.domains() + " " + a.rows() + " " + a.rejectedRows() + " "
                + a.firstEvent() + " " + a.lastEvent() + " " + a.staleDeferrals() + " " + a.staleReceived();
    }

    /** Row {@code i} of a message of its own delivered at once, in a second of 11/20/2026 (a date read one way). */
    private static List<String> delivered(int i) {
        String date = String.format("11/20/2026 10:%02d:%02d", i / 60 % 60, i % 60);
        String recipient = "user" + i + "@d" + i % 7 + ".example";
        return List.of(row(date, "R", recipient, "n" + i, "", ""),
                row(date, "D", recipient, "n" + i, "250 2.0.0 Ok: queued as " + i, LogFixtures.TLS));
    }

    /**
     * A log split over hundreds of CSVs of a row or two in one zip (as Salesforce may deliver a log): the same chains
     * and counts as its rows in one file. The reading threads' caches of shared texts are kept from one CSV to the
     * next rather than made per CSV: a text met in an earlier CSV is then found in the cache, and must read back the
     * same.
     */
    @Test
    void aLogSplitOverHundredsOfCsvsInAZipGivesWhatItsRowsInOneFileGive() throws Exception {
        List<String> rows = new ArrayList<>(sampleRows());
        for (int i = 0; i < 150; i++) {
            rows.addAll(delivered(i));
        }
        String[] entries = new String[2 * rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            entries[2 * i] = String.format("part%04d.csv", i);
            entries[2 * i + 1] = logText(rows.get(i));
        }
        LogAnalysis zipped = analyze(LogFixtures.write(dir, "split.zip", zip(entries)));
        LogAnalysis whole = analyze(LogFixtures.writeLog(dir, "whole.csv", rows));

        assertEquals(rows.size(), zipped.files().size());
        assertTrue(whole.chains().size() > 150, "chains: " + whole.chains().size());
        assertEquals(chainsAndCounts(whole), chainsAndCounts(zipped));
        // each event from its own CSV, on the line after the header
        assertEquals(rows.size(), zipped.chains().stream().flatMap(c -> c.events().stream())
                .map(e -> e.file() + ":" + e.line()).distinct().filter(s -> s.endsWith(":2")).count());
    }

    /**
     * Each of 200 CSVs of a zip has its own notes, also far down the zip: a CSV without the TLS_Cipher column (an
     * older export) is the one warned about it, and a row no date can be read from is named in its own CSV.
     */
    @Test
    void eachOfHundredsOfCsvsInAZipKeepsItsOwnNotes() throws Exception {
        int n = 200;
        int older = 150;
        int badRow = 170;
        String[] entries = new String[2 * n];
        for (int i = 0; i < n; i++) {
            List<String> rows = new ArrayList<>(delivered(i));
            if (i == badRow) {
                rows.add(row("no date", "R", "a@acme.example", "m1", "", ""));
            }
            String log = logText(rows);
            if (i == older) {
                // without the TLS columns, header and rows: the last two fields of each line
                log = log.lines().map(l -> l.substring(0, l.lastIndexOf(',', l.lastIndexOf(',') - 1)))
                        .collect(Collectors.joining("\r\n", "", "\r\n"));
            }
            entries[2 * i] = String.format("part%04d.csv", i);
            entries[2 * i + 1] = log;
        }
        LogAnalysis a = analyze(LogFixtures.write(dir, "notes.zip", zip(entries)));

        assertEquals(n, a.files().size());
        assertEquals(List.of(2L * n + 1, 1L), List.of(a.rows(), a.rejectedRows()));
        assertEquals(List.of("notes.zip!part0150.csv"), a.problems().stream()
                .filter(p -> p.message().contains("TLS_Cipher")).map(FileProblem::file).toList());
        assertEquals(List.of("notes.zip!part0170.csv|4"), a.problems().stream().filter(FileProblem::rejected)
                .map(p -> p.file() + "|" + p.line()).toList());
        assertEquals(List.of(1L), a.files().stream().map(AnalysedFile::rejectedRows).filter(r -> r > 0).toList());
        assertEquals(1, a.files().get(badRow).rejectedRows());
        // the older export's message delivered as the others: its D row has no cipher to tell a hand-off by
        assertEquals(n, a.verdicts().get(Verdict.DELIVERED));
    }
}
