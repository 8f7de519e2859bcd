package org.mailpath.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.engine.log.LogFixtures.DELIVERY_STAGE;
import static org.mailpath.engine.log.LogFixtures.INTERNAL_MESSAGE_ID;
import static org.mailpath.engine.log.LogFixtures.RELAY_HOST;
import static org.mailpath.engine.log.LogFixtures.REMOTE_HOST;
import static org.mailpath.engine.log.LogFixtures.RETRY_COUNT;
import static org.mailpath.engine.log.LogFixtures.SENDER;
import static org.mailpath.engine.log.LogFixtures.TLS;
import static org.mailpath.engine.log.LogFixtures.TLS_CIPHER;
import static org.mailpath.engine.log.LogFixtures.USER_ID;
import static org.mailpath.engine.log.LogFixtures.analyze;
import static org.mailpath.engine.log.LogFixtures.line;
import static org.mailpath.engine.log.LogFixtures.row;
import static org.mailpath.engine.log.LogFixtures.with;
import static org.mailpath.engine.log.LogFixtures.writeLog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.CancelledException;
import org.mailpath.engine.common.Progress;
import org.mailpath.engine.common.ProgressListener;
import org.mailpath.engine.log.EmailLogReader;
import org.mailpath.engine.log.FileProblem;
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.engine.log.LogLimits;
import org.mailpath.engine.status.StatusKnowledgeBase;

/**
 * Several Email Logs analysed together: Salesforce gives at most 7 days per request, within the last 30 days
 * ("Each email log can span a maximum of 7 days. To see email log data for a duration longer than seven days, create
 * multiple requests.", Salesforce's Email Log help as quoted on https://www.simplysfdc.com/2018/04/), so a month takes
 * several files, whose windows often overlap. The data is the repository's synthetic sample
 * (assets/samples/sample-email-log.csv, from assets/samples/generate-samples.py), cut into overlapping requests.
 */
class MultiFileAnalysisTest {

    private static final String A = "a@acme.example";
    private static final String GREYLISTED = "451 4.7.1 Greylisted, try again later";

    /** The default limits but for the problems kept: 5. */
    private static final LogLimits FIVE_PROBLEMS = new LogLimits(LogLimits.DEFAULT.maxInflatedBytes(),
            LogLimits.DEFAULT.maxInflationRatio(), LogLimits.DEFAULT.ratioFloorBytes(),
            LogLimits.DEFAULT.maxRecordChars(), 5);

    @TempDir
    Path dir;

    /** Everything an analysis says about a chain but its lines and files (which differ between the layouts). */
    private static String described(MessageChain c) {
        return c.messageIdHeader() + " " + c.internalMessageId() + " " + c.recipient() + " " + c.eventLetters() + " "
                + c.verdict() + " " + c.retries() + " " + c.retriesBeforeDelivery() + " " + c.stale() + " "
                + c.status() + " " + c.diagnosis() + " " + c.events().stream()
                        .map(e -> e.time() + "/" + e.event() + "/" + e.status() + "/" + e.tlsCipher())
                        .collect(Collectors.joining(","));
    }

    private static List<String> described(LogAnalysis a) {
        return a.chains().stream().map(MultiFileAnalysisTest::described).toList();
    }

    private static void assertSameResults(LogAnalysis expected, LogAnalysis actual) {
        assertEquals(described(expected), described(actual));
        assertEquals(expected.verdicts(), actual.verdicts());
        assertEquals(expected.deliveredAfterRetry(), actual.deliveredAfterRetry());
        assertEquals(expected.bounceCategories(), actual.bounceCategories());
        assertEquals(expected.deferralCategories(), actual.deferralCategories());
        assertEquals(expected.domains(), actual.domains());
        assertEquals(expected.firstEvent(), actual.firstEvent());
        assertEquals(expected.lastEvent(), actual.lastEvent());
        assertEquals(expected.staleDeferrals(), actual.staleDeferrals());
    }

    /** The sample's data rows (header left off). */
    private static List<String> sampleRows() throws Exception {
        List<String> lines = Files.readAllLines(LogFixtures.sample("sample-email-log.csv"));
        return lines.subList(1, lines.size());
    }

    @Test
    void twoOverlappingRequestsGiveTheChainsOfOneLogHoldingTheirUnion() throws Exception {
        List<String> rows = sampleRows();
        int n = rows.size();
        // the first request covers two thirds of the rows, the second the last two thirds: a third overlaps
        Path first = writeLog(dir, "first.csv", rows.subList(0, 2 * n / 3));
        Path second = writeLog(dir, "second.csv", rows.subList(n / 3, n));
        int overlap = 2 * n / 3 - n / 3;

        LogAnalysis together = analyze(first, second);
        LogAnalysis union = analyze(LogFixtures.sample("sample-email-log.csv"));

        assertSameResults(union, together);
        assertEquals(40, together.messages());
        assertEquals("first.csv", together.file());
        assertEquals(List.of(new AnalysedFile("first.csv", 2 * n / 3, 0, 0, true),
                new AnalysedFile("second.csv", n - n / 3, 0, overlap, true)), together.files());
        assertEquals(n + overlap, together.rows(), "rows read, copies included");
        FileProblem warning = together.problems().getFirst();
        assertEquals(1, together.problems().size());
        assertEquals("second.csv", warning.file());
        assertEquals(2, warning.line(), "the second file's first row is its first copy");
        assertEquals(overlap + " rows are exact copies of an earlier row, equal in every column both files have (lines"
                + " 2, 3, 4, 5, 6"
                + " \u2026; line 2 repeats line " + (n / 3 + 2) + " of first.csv): the logs were requested for time"
                + " windows that overlap. The copies were left out, so no event or retry counts twice.",
                warning.message());
        assertEquals(overlap + " rader är exakta kopior av en tidigare rad, med alla kolumner som båda filerna har lika"
                + " (rad 2, 3, 4, 5, 6"
                + " \u2026; rad 2 upprepar rad " + (n / 3 + 2) + " i first.csv): loggarna begärdes för tidsfönster som"
                + " överlappar. Kopiorna lämnades utanför, så ingen händelse och inget nytt försök räknas två gånger.",
                warning.message(Locale.of("sv")));
    }

    /** Salesforce names every export alike: two requests kept in a folder each have one name. */
    @Test
    void filesOfOneNameInTwoFoldersAreToldApartByTheFolderWhereverTheyAreNamed() throws Exception {
        List<String> rows = sampleRows();
        int n = rows.size();
        Files.createDirectories(dir.resolve("jan"));
        Files.createDirectories(dir.resolve("feb"));
        Path jan = writeLog(dir, "jan/EmailLog.csv", rows.subList(0, 2 * n / 3));
        Path feb = writeLog(dir, "feb/EmailLog.csv", rows.subList(n / 3, n));
        Files.createDirectories(dir.resolve("mar"));
        Path mar = LogFixtures.write(dir, "mar/EmailLog.csv", "");

        LogAnalysis a = analyze(jan, feb, mar);

        assertEquals("EmailLog.csv", a.file(), "the first file's name, as before");
        assertEquals(List.of("EmailLog.csv", "EmailLog.csv", "EmailLog.csv"),
                a.files().stream().map(AnalysedFile::file).toList());
        assertEquals(List.of("jan/EmailLog.csv", "feb/EmailLog.csv", "mar/EmailLog.csv"),
                a.files().stream().map(AnalysedFile::label).toList());
        assertEquals(List.of("feb/EmailLog.csv", "mar/EmailLog.csv"),
                a.problems().stream().map(FileProblem::file).toList());
        assertTrue(a.problems().get(0).message().contains("; line 2 repeats line " + (n / 3 + 2)
                + " of jan/EmailLog.csv): "), a.problems().get(0).message());
        assertEquals("mar/EmailLog.csv is empty (0 bytes). It was left out; the other files were analysed.",
                a.problems().get(1).message());
    }

    @Test
    void filesAnalysedTogetherShareOneCapOnTheProblemsKeptAndCountEveryRejectedRow() throws Exception {
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            bad.add(row("not a date " + i, "R", A, "m" + i, "", ""));
        }
        bad.add(row("3/6/2009 13:37", "R", A, "m", "", ""));
        Path first = writeLog(dir, "first.csv", bad);
        // other bad rows, and the same good one: a bad row in both files would be one problem (RejectedCopiesTest)
        List<String> otherBad = new ArrayList<>(bad.stream().map(r -> r.replace("not a date", "no date")).toList());
        Path second = writeLog(dir, "second.csv", otherBad);
        LogAnalysis a = analyze(FIVE_PROBLEMS, first, second);

        assertEquals(List.of(new AnalysedFile("first.csv", 5, 4, 0, true), new AnalysedFile("second.csv", 5, 4, 1, true)),
                a.files(), "every rejected row counted in its file");
        assertEquals(8, a.rejectedRows());
        // the copy warning of the second file comes first; then what is left of the cap of 5: 4 + 1
        assertEquals(List.of("first.csv:2:true", "first.csv:3:true", "first.csv:4:true", "first.csv:5:true",
                "second.csv:6:false", "second.csv:2:true", "second.csv:0:false"), a.problems().stream()
                .map(p -> p.file() + ":" + p.line() + ":" + p.rejected()).toList());
        assertEquals("3 more problems were counted but not listed (only the first 5 of all the files analysed"
                + " together are kept).", a.problems().getLast().message());
        assertEquals("Ytterligare 3 problem räknades men listas inte (bara de första 5 av alla filer som analyseras"
                + " tillsammans sparas).", a.problems().getLast().message(Locale.of("sv")));
    }

    @Test
    void aSingleLogKeepsTheWholeCapAndSaysSoAsBefore() throws Exception {
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            bad.add(row("not a date " + i, "R", A, "m" + i, "", ""));
        }
        bad.add(row("3/6/2009 13:37", "R", A, "m", "", ""));
        LogAnalysis a = analyze(FIVE_PROBLEMS, writeLog(dir, "only.csv", bad));
        assertEquals(6, a.problems().size());
        assertEquals("2 more problems were counted but not listed (only the first 5 are kept).",
                a.problems().getLast().message());
    }

    /**
     * The repository's samples hold the same 99 rows in three layouts: with the TLS columns
     * (sample-email-log.csv), an older export without them (synthetic-no-tls-columns.csv), and with them under
     * Japanese names in another column order (synthetic-japanese-header-reordered.csv). Analysed together, each row
     * is one row: a column one file lacks does not tell rows apart, and the internal hand-offs (a D row with
     * TLS_Cipher None, KB 000383894 as quoted in shared/reference/salesforce-email-log-and-codes.md) stay hand-offs
     * whichever file is given first. Before, the older file's copy of a hand-off counted as the delivery.
     */
    @Test
    void rowsOfFilesWithAndWithoutTheTlsColumnsAreCopiesOnTheColumnsBothHaveInEitherOrder() throws Exception {
        Path withTls = LogFixtures.sample("sample-email-log.csv");
        Path older = LogFixtures.sample("synthetic-no-tls-columns.csv");
        Path reordered = LogFixtures.sample("synthetic-japanese-header-reordered.csv");
        List<String> olderRows = Files.readAllLines(older);
        // without a header, the row's width tells that the TLS columns are missing
        Path noHeader = LogFixtures.write(dir, "no-header.csv",
                String.join("\r\n", olderRows.subList(1, olderRows.size())) + "\r\n");
        LogAnalysis alone = analyze(withTls);
        assertEquals(2, alone.count(Verdict.RECEIVED_ONLY), "with the sample's hand-off without a delivery");

        for (List<Path> files : List.of(List.of(withTls, older), List.of(older, withTls), List.of(older, reordered),
                List.of(reordered, older), List.of(withTls, reordered), List.of(noHeader, withTls))) {
            LogAnalysis a = analyze(files);
            assertEquals(alone.verdicts(), a.verdicts(), files.toString());
            assertEquals(List.of(0L, 99L), a.files().stream().map(AnalysedFile::copiesLeftOut).toList(),
                    files.toString());
            // every event keeps the TLS_Cipher of the file that has the column, the first file's place in the log
            assertEquals(alone.chains().stream().flatMap(c -> c.events().stream()).map(e -> e.tlsCipher()).toList(),
                    a.chains().stream().flatMap(c -> c.events().stream()).map(e -> e.tlsCipher()).toList(),
                    files.toString());
            assertTrue(a.chains().stream().flatMap(c -> c.events().stream()).allMatch(e -> e.file() == 0));
            assertEquals(List.of("99 rows are exact copies of an earlier row, equal in every column both files have"
                    + " (lines 2, 3, 4, 5, 6 \u2026; line 2 repeats line " + (files.get(0) == noHeader ? 1 : 2) + " of "
                    + files.get(0).getFileName() + "): the logs"
                    + " were requested for time windows that overlap. The copies were left out, so no event or retry"
                    + " counts twice."), a.problems().stream().filter(p -> p.file().equals(a.files().get(1).label())
                    && p.message().contains("cop")).map(FileProblem::message).toList());
            // every D row of the older export was judged by the other file's TLS_Cipher: its warning is left out
            assertEquals(List.of(), a.problems().stream().filter(p -> p.field().equals("TLS_Cipher")).toList(),
                    files.toString());
        }
    }

    @Test
    void rowsOfTwoFilesWithTheTlsColumnsThatDifferInThemAreNotCopies() throws Exception {
        Path first = writeLog(dir, "first.csv", row("3/6/2009 13:37", "D", A, "m", "250 OK", "None"));
        Path second = writeLog(dir, "second.csv", row("3/6/2009 13:37", "D", A, "m", "250 OK", TLS));
        LogAnalysis a = analyze(first, second);
        assertEquals(List.of(0L, 0L), a.files().stream().map(AnalysedFile::copiesLeftOut).toList());
        assertEquals("DD", a.chains().getFirst().eventLetters());
        assertEquals(Verdict.DELIVERED, a.chains().getFirst().verdict());
    }

    @Test
    void withinOneFileRowsAreComparedOnEveryColumnAsBefore() throws Exception {
        LogAnalysis a = analyze(writeLog(dir, "one.csv", row("3/6/2009 13:37", "D", A, "m", "250 OK", "None"),
                row("3/6/2009 13:37", "D", A, "m", "250 OK", "")));
        assertEquals(List.of(0L), a.files().stream().map(AnalysedFile::copiesLeftOut).toList());
        assertEquals(Verdict.DELIVERED, a.chains().getFirst().verdict(), "a D row with TLS_Cipher empty delivers");
    }

    /** A log whose header and rows lack the {@code columns} (as a spreadsheet leaves it when they are deleted). */
    private Path logWithout(String name, List<String> rows, Integer... columns) {
        return LogFixtures.writeWithout(dir, name, List.of(columns), rows.toArray(String[]::new));
    }

    private static String stagedT(String date) {
        return with(with(row(date, "T", A, "m", GREYLISTED, TLS), RETRY_COUNT, "1"), DELIVERY_STAGE, "RCPT");
    }

    @Test
    void aRowOfAFileWithoutRelayHostAndDeliveryStageIsACopyOfTheOtherFilesRowInEitherOrder() throws Exception {
        Path full = writeLog(dir, "full.csv", stagedT("3/6/2009 13:37"));
        Path lacking = logWithout("lacking.csv", List.of(stagedT("3/6/2009 13:37"),
                row("3/6/2009 13:40", "D", A, "m", "250 OK", TLS)), DELIVERY_STAGE, RELAY_HOST);
        for (List<Path> files : List.of(List.of(full, lacking), List.of(lacking, full))) {
            LogAnalysis a = analyze(files);
            MessageChain chain = a.chains().getFirst();
            assertEquals("TD", chain.eventLetters(), files.toString());
            assertEquals(1, chain.retries(), files.toString());
            assertEquals(1, a.deliveredAfterRetry(), files.toString());
            // the row keeps the first file's place and the values of the file that has the columns
            assertEquals(0, chain.events().getFirst().file());
            assertEquals("mx.example", chain.events().getFirst().relayHost(), files.toString());
            assertEquals("RCPT", chain.events().getFirst().deliveryStage(), files.toString());
            assertEquals(List.of(0L, 1L), a.files().stream().map(AnalysedFile::copiesLeftOut).toList());
            assertEquals(List.of("Line 2 is an exact copy of line 2 of " + files.get(0).getFileName() + " (equal in every"
                    + " column both files have): the two logs were requested for time windows that overlap. The"
                    + " copy was left out, so nothing counts twice."), a.problems().stream()
                    .filter(p -> p.file().equals(a.files().get(1).label()) && p.message().contains("cop"))
                    .map(FileProblem::message).toList(), files.toString());
        }
    }

    @Test
    void aRowAndItsCopyLackingDifferentColumnsMakeOneRowWithTheValuesOfBoth() throws Exception {
        Path noRelayHost = logWithout("no-relay-host.csv", List.of(stagedT("3/6/2009 13:37")), RELAY_HOST);
        Path noStage = logWithout("no-stage.csv", List.of(stagedT("3/6/2009 13:37")), DELIVERY_STAGE);
        LogAnalysis a = analyze(noRelayHost, noStage);
        assertEquals(List.of(0L, 1L), a.files().stream().map(AnalysedFile::copiesLeftOut).toList());
        ChainEvent kept = a.chains().getFirst().events().getFirst();
        assertEquals(List.of(0, "RCPT", "mx.example", TLS), List.of(kept.file(), kept.deliveryStage(),
                kept.relayHost(), kept.tlsCipher()));
    }

    /**
     * A row with a copy in each of two later files: a column the kept row's file lacks takes the value of the copy
     * whose file has it, and a copy whose file lacks that column too leaves it as the other copy filled it. Before, the
     * second copy's texts replaced what the first had filled (its empty Delivery Stage, or its empty TLS_Cipher).
     */
    @Test
    void aRowWithCopiesInTwoFilesLackingOtherColumnsKeepsTheValuesOfTheCopiesThatHaveThem() throws Exception {
        String t = stagedT("3/6/2009 13:37");
        Path noStageNoCipher = logWithout("no-stage-no-cipher.csv", List.of(t), DELIVERY_STAGE, TLS_CIPHER);
        Path full = writeLog(dir, "full.csv", t);
        Path noStageNoRelayHost = logWithout("no-stage-no-relay-host.csv", List.of(t), DELIVERY_STAGE, RELAY_HOST);
        Path noCipher = logWithout("no-cipher.csv", List.of(t), TLS_CIPHER);
        Path noStage = logWithout("no-stage.csv", List.of(t), DELIVERY_STAGE);
        for (List<Path> files : List.of(List.of(noStageNoCipher, full, noStageNoRelayHost),
                List.of(noStageNoCipher, noCipher, noStage), List.of(noStageNoCipher, noStage, noCipher))) {
            String what = files.stream().map(Path::getFileName).toList().toString();
            LogAnalysis a = analyze(files);
            assertEquals(List.of(0L, 1L, 1L), a.files().stream().map(AnalysedFile::copiesLeftOut).toList(), what);
            MessageChain chain = a.chains().getFirst();
            assertEquals("T", chain.eventLetters(), what);
            ChainEvent kept = chain.events().getFirst();
            assertEquals(List.of(0, "RCPT", "mx.example", TLS), List.of(kept.file(), kept.deliveryStage(),
                    kept.relayHost(), kept.tlsCipher()), what);
        }
    }

    /**
     * A chain takes a Sender from a later file only when none of the files its rows are in has the column: here the
     * second file has it, empty for this message. Before, only the first row's file was asked, the chain took the third
     * file's Sender, the second file's rows were then told apart from the first file's copies of them, and the retry
     * counted twice.
     */
    @Test
    void aChainTakesASenderFromALaterFileOnlyWhenNoneOfItsFilesHasTheColumn() throws Exception {
        Path noSender = logWithout("no-sender.csv", List.of(stagedT("3/6/2009 13:37")), SENDER, RELAY_HOST);
        Path emptySender = writeLog(dir, "empty-sender.csv", with(stagedT("3/6/2009 13:37"), SENDER, ""));
        Path withSender = writeLog(dir, "with-sender.csv", row("3/6/2009 13:40", "D", A, "m", "250 OK", TLS));
        for (List<Path> files : List.of(List.of(noSender, emptySender, withSender),
                List.of(emptySender, noSender, withSender))) {
            String what = files.stream().map(Path::getFileName).toList().toString();
            LogAnalysis a = analyze(files);
            assertEquals(List.of(0L, 1L, 0L), a.files().stream().map(AnalysedFile::copiesLeftOut).toList(), what);
            MessageChain chain = a.chains().getFirst();
            assertEquals("TD", chain.eventLetters(), what);
            assertEquals(1, chain.retries(), what);
            assertEquals(1, a.deliveredAfterRetry(), what);
            assertEquals("", chain.sender(), what + ": the file with the column says the first row has none");
        }
    }

    @Test
    void rowsThatDifferInAColumnBothFilesHaveAreNotCopiesWhenOneFileLacksAnother() throws Exception {
        Path full = writeLog(dir, "full.csv", stagedT("3/6/2009 13:37"));
        Path lacking = logWithout("lacking.csv", List.of(with(stagedT("3/6/2009 13:37"), REMOTE_HOST, "10.0.0.2")),
                RELAY_HOST);
        LogAnalysis a = analyze(full, lacking);
        assertEquals(List.of(0L, 0L), a.files().stream().map(AnalysedFile::copiesLeftOut).toList());
        assertEquals("TT", a.chains().getFirst().eventLetters());
        assertEquals(2, a.chains().getFirst().retries());
    }

    @Test
    void aRetryCountOnlyTheLaterFileHasIsKeptWithTheRowItRepeats() throws Exception {
        Path noRetries = logWithout("no-retries.csv", List.of(stagedT("3/6/2009 13:37")), RETRY_COUNT);
        Path full = writeLog(dir, "full.csv", stagedT("3/6/2009 13:37"));
        LogAnalysis a = analyze(noRetries, full);
        assertEquals(List.of(0L, 1L), a.files().stream().map(AnalysedFile::copiesLeftOut).toList());
        assertEquals(1, a.chains().getFirst().events().getFirst().retryCount());
        // a number that differs where both files have it still tells the rows apart
        Path otherRetry = writeLog(dir, "other.csv", with(stagedT("3/6/2009 13:37"), RETRY_COUNT, "2"));
        assertEquals(List.of(0L, 0L), analyze(full, otherRetry).files().stream().map(AnalysedFile::copiesLeftOut)
                .toList());
    }

    @Test
    void aRowOfAFileWithoutTheSenderIsACopyOfTheFirstFilesRow() throws Exception {
        Path full = writeLog(dir, "full.csv", stagedT("3/6/2009 13:37"));
        Path noSender = logWithout("no-sender.csv", List.of(stagedT("3/6/2009 13:37")), SENDER);
        LogAnalysis a = analyze(full, noSender);
        assertEquals(List.of(0L, 1L), a.files().stream().map(AnalysedFile::copiesLeftOut).toList());
        assertEquals("user@acme.example", a.chains().getFirst().sender());
        // another sender where both files have the column is another row
        Path otherSender = writeLog(dir, "other.csv", with(stagedT("3/6/2009 13:37"), SENDER, "other@acme.example"));
        assertEquals(List.of(0L, 0L), analyze(full, otherSender).files().stream().map(AnalysedFile::copiesLeftOut)
                .toList());
    }

    /** A column a chain keeps once, its value in {@link #stagedT}, and how the public chain gives it. */
    private record KeptOnce(int column, String value, Function<MessageChain, String> of) {
    }

    /**
     * Which file comes first does not matter: a row of a file without Sender, User ID or Internal Message ID is a copy
     * of the other file's row whether that file is given before or after it, and the chain has the value of the file
     * that has the column (the chain's first row may come from the file that lacks it).
     */
    @Test
    void aRowOfAFileWithoutAColumnTheChainKeepsOnceIsACopyInEitherOrder() throws Exception {
        for (KeptOnce k : List.of(new KeptOnce(SENDER, "user@acme.example", MessageChain::sender),
                new KeptOnce(USER_ID, "005000000000001", MessageChain::userId),
                new KeptOnce(INTERNAL_MESSAGE_ID, "16/A4-m", MessageChain::internalMessageId))) {
            Path full = writeLog(dir, "full-" + k.column() + ".csv", stagedT("3/6/2009 13:37"),
                    row("3/6/2009 13:40", "D", A, "m", "250 OK", TLS));
            Path lacking = logWithout("lacking-" + k.column() + ".csv", List.of(stagedT("3/6/2009 13:37")),
                    k.column());
            for (List<Path> files : List.of(List.of(full, lacking), List.of(lacking, full))) {
                String what = k.value() + " " + files.stream().map(Path::getFileName).toList();
                LogAnalysis a = analyze(files);
                assertEquals(1, a.chains().size(), what);
                MessageChain chain = a.chains().getFirst();
                assertEquals("TD", chain.eventLetters(), what);
                assertEquals(1, chain.retries(), what);
                assertEquals(1, a.deliveredAfterRetry(), what);
                assertEquals(List.of(0L, 1L), a.files().stream().map(AnalysedFile::copiesLeftOut).toList(), what);
                assertEquals(0, chain.events().getFirst().file(), what + ": the row keeps the first file's place");
                assertEquals(k.value(), k.of().apply(chain), what);
            }
        }
        // an empty Sender in a file that has the column is known, not filled from another file: another row
        Path emptySender = writeLog(dir, "empty-sender.csv", with(stagedT("3/6/2009 13:37"), SENDER, ""));
        LogAnalysis a = analyze(emptySender, writeLog(dir, "full.csv", stagedT("3/6/2009 13:37")));
        assertEquals("", a.chains().getFirst().sender());
        assertEquals(List.of(0L, 0L), a.files().stream().map(AnalysedFile::copiesLeftOut).toList());
    }

    @Test
    void eachEventKeepsItsFileAndLine() throws Exception {
        List<String> rows = sampleRows();
        int n = rows.size();
        LogAnalysis together = analyze(writeLog(dir, "first.csv", rows.subList(0, n / 2)), writeLog(dir, "second.csv",
                rows.subList(n / 2, n)));
        LogAnalysis union = analyze(LogFixtures.sample("sample-email-log.csv"));
        assertSameResults(union, together);
        List<String> expected = union.chains().stream().flatMap(c -> c.events().stream())
                .map(e -> e.line() - 1 <= n / 2 ? "0:" + e.line() : "1:" + (e.line() - n / 2)).toList();
        List<String> actual = together.chains().stream().flatMap(c -> c.events().stream())
                .map(e -> e.file() + ":" + e.line()).toList();
        assertEquals(expected, actual);
    }

    @Test
    void fileOrderDoesNotChangeVerdicts() throws Exception {
        List<String> rows = sampleRows();
        int n = rows.size();
        Path early = writeLog(dir, "early.csv", rows.subList(0, 3 * n / 5));
        Path late = writeLog(dir, "late.csv", rows.subList(2 * n / 5, n));
        int overlap = 3 * n / 5 - 2 * n / 5;

        LogAnalysis forward = analyze(early, late);
        LogAnalysis backward = analyze(late, early);

        assertEquals(forward.verdicts(), backward.verdicts());
        assertEquals(forward.domains(), backward.domains());
        assertEquals(forward.bounceCategories(), backward.bounceCategories());
        assertEquals(forward.deferralCategories(), backward.deferralCategories());
        assertEquals(forward.deliveredAfterRetry(), backward.deliveredAfterRetry());
        assertEquals(forward.staleDeferrals(), backward.staleDeferrals());
        // the chains come in the order of their first row in the files as given; each is the same
        assertEquals(described(forward).stream().sorted().toList(), described(backward).stream().sorted().toList());
        assertEquals(List.of(0L, (long) overlap), forward.files().stream().map(AnalysedFile::copiesLeftOut).toList());
        assertEquals(List.of(0L, (long) overlap), backward.files().stream().map(AnalysedFile::copiesLeftOut).toList(),
                "the copies are the rows of the file given later");
        assertEquals("late.csv", backward.file());
    }

    /**
     * Two files with the same columns that write one message's recipient in different letter case (rows that are
     * then not copies): the chain keeps the spelling of the file with the message's R row, and where neither or both
     * have one, the lexicographically smaller, whichever file is given first. Before, it kept the first file's.
     */
    @Test
    void theRecipientAsWrittenOfFilesWithTheSameColumnsDoesNotDependOnTheirOrder() throws Exception {
        String upper = "Zed@contoso.example";
        String lower = "zed@contoso.example";
        Path receivedUpper = writeLog(dir, "r-upper.csv", row("3/6/2009 13:30", "R", upper, "m", "", ""));
        Path deliveredLower = writeLog(dir, "d-lower.csv", row("3/6/2009 13:35", "D", lower, "m", "250 OK", TLS));
        Path receivedLower = writeLog(dir, "r-lower.csv", row("3/6/2009 13:30", "R", lower, "m", "", ""));
        Path deliveredUpper = writeLog(dir, "d-upper.csv", row("3/6/2009 13:35", "D", upper, "m", "250 OK", TLS));
        Path retriedLower = writeLog(dir, "t-lower.csv", row("3/6/2009 13:31", "T", lower, "m", GREYLISTED, TLS));
        Path receivedUpperLater = writeLog(dir, "r-upper-later.csv", row("3/6/2009 13:32", "R", upper, "m", "", ""));
        record Case(Path one, Path other, String kept, String events) {
        }
        for (Case c : List.of(new Case(receivedUpper, deliveredLower, upper, "RD"),
                new Case(receivedLower, deliveredUpper, lower, "RD"),
                new Case(retriedLower, deliveredUpper, upper, "TD"),
                new Case(receivedLower, receivedUpperLater, upper, "RR"))) {
            for (LogAnalysis a : List.of(analyze(c.one(), c.other()), analyze(c.other(), c.one()))) {
                String given = a.files().stream().map(AnalysedFile::file).toList().toString();
                assertEquals(1, a.messages(), given);
                MessageChain chain = a.chains().getFirst();
                assertEquals(c.kept() + " " + c.events(), chain.recipient() + " " + chain.eventLetters(), given);
            }
        }
    }

    @Test
    void eventsOfOneSecondAreInFileOrderThenLineOrder() throws Exception {
        // not copies: the replies differ; the second file's row has the lower line. Two rows of one kind (T): the
        // file given first comes first; rows of other kinds follow a message's life (MinuteOrderAcrossFilesTest)
        Path first = writeLog(dir, "first.csv", row("3/6/2009 13:37", "R", A, "m", "", ""),
                row("3/6/2009 13:38", "R", "b@acme.example", "n", "", ""),
                row("3/6/2009 13:40", "T", A, "m", GREYLISTED, ""));
        Path second = writeLog(dir, "second.csv", row("3/6/2009 13:40", "T", A, "m", GREYLISTED + " (2)", ""),
                row("3/6/2009 13:45", "D", A, "m", "250 OK", TLS));

        MessageChain c = analyze(first, second).chains().getFirst();
        assertEquals("RTTD", c.eventLetters());
        assertEquals(List.of("0:2", "0:4", "1:2", "1:3"),
                c.events().stream().map(e -> e.file() + ":" + e.line()).toList());
        assertEquals(List.of("1:2", "0:2", "1:4", "0:3"), analyze(second, first).chains().getFirst().events().stream()
                .map(e -> e.file() + ":" + e.line()).toList(), "given the other way round, file 0 is second.csv");
    }

    @Test
    void aProblemNamesItsFileAndItsLineThere() throws Exception {
        Path good = writeLog(dir, "good.csv", row("3/6/2009 13:37", "R", A, "m", "", ""));
        Path bad = writeLog(dir, "bad.csv", row("3/6/2009 13:38", "D", A, "m", "250 OK", TLS),
                row("3/6/2009 13:39", "X", A, "m", "", ""));

        LogAnalysis a = analyze(good, bad);

        assertEquals(1, a.rejectedRows());
        assertEquals(List.of(new AnalysedFile("good.csv", 1, 0, 0, true), new AnalysedFile("bad.csv", 2, 1, 0, true)),
                a.files());
        FileProblem p = a.problems().getFirst();
        assertEquals(1, a.problems().size());
        assertEquals("bad.csv", p.file());
        assertEquals(3, p.line());
        assertEquals("Mail Event", p.field());
        assertTrue(p.rejected());
        assertEquals("RD", a.chains().getFirst().eventLetters());
    }

    @Test
    void aSingleLogsProblemsNameIt() throws Exception {
        Path bad = writeLog(dir, "only.csv", row("3/6/2009 13:39", "X", A, "m", "", ""),
                row("3/6/2009 13:39", "R", A, "m", "", ""));
        LogAnalysis a = analyze(bad);
        assertEquals(List.of("only.csv"), a.problems().stream().map(FileProblem::file).toList());
        assertEquals(List.of(new AnalysedFile("only.csv", 2, 1, 0, true)), a.files());
    }

    @Test
    void aFileLeftOutWithEveryRowRejectedListsItsRowsAsItsRefusalSaysThem() throws Exception {
        Path good = writeLog(dir, "good.csv", row("3/6/2009 13:37", "R", A, "m", "", ""),
                row("3/6/2009 13:38", "D", A, "m", "250 OK", TLS));
        Path bad = writeLog(dir, "bad.csv", row("3/6/2009 13:39", "X", A, "m", "", ""),
                row("3/6/2009 13:40", "X", A, "m", "", ""), row("3/6/2009 13:41", "X", A, "m", "", ""));

        LogAnalysis a = analyze(bad, good);

        assertEquals(List.of(new AnalysedFile("bad.csv", 3, 3, 0, false), new AnalysedFile("good.csv", 2, 0, 0, true)),
                a.files());
        assertTrue(a.problems().getFirst().message().contains("all 3 rows"), a.problems().toString());
        assertEquals(2, a.rows(), "the total counts the files analysed");
    }

    @Test
    void anUnusableFileAmongTwoIsAProblemAndTheOtherIsAnalysed() throws Exception {
        Path good = writeLog(dir, "good.csv", row("3/6/2009 13:37", "R", A, "m", "", ""),
                row("3/6/2009 13:38", "D", A, "m", "250 OK", TLS));
        Path empty = LogFixtures.write(dir, "empty.csv", "");

        LogAnalysis a = analyze(empty, good);

        // the first file analysed: one left out (named among the problems) is no source of the analysis
        assertEquals("good.csv", a.file());
        assertEquals(List.of(new AnalysedFile("empty.csv", 0, 0, 0, false), new AnalysedFile("good.csv", 2, 0, 0, true)),
                a.files());
        assertEquals(2, a.rows());
        assertEquals(1, a.count(Verdict.DELIVERED));
        FileProblem p = a.problems().getFirst();
        assertEquals(List.of(p), a.problems());
        assertEquals("empty.csv", p.file());
        assertEquals(0, p.line());
        assertFalse(p.rejected());
        assertEquals("empty.csv is empty (0 bytes). It was left out; the other files were analysed.", p.message());
        assertEquals("empty.csv är tom (0 byte). Filen lämnades utanför; de andra filerna analyserades.",
                p.message(Locale.of("sv")));
    }

    @Test
    void whenNoFileIsUsableTheAnalysisIsUnusableAndSaysWhyForEach() throws Exception {
        Path empty = LogFixtures.write(dir, "empty.csv", "");
        Path missing = dir.resolve("missing.csv");

        UnusableLogException e = assertThrows(UnusableLogException.class, () -> analyze(empty, missing));

        assertEquals("None of the 2 files can be analysed. empty.csv is empty (0 bytes). missing.csv does not exist.",
                e.getMessage());
        assertEquals("Ingen av de 2 filerna kan analyseras. empty.csv är tom (0 byte). missing.csv finns inte.",
                e.message(Locale.of("sv")));
    }

    @Test
    void aSingleUnusableFileSaysWhatItAlwaysSaid() throws Exception {
        Path empty = LogFixtures.write(dir, "empty.csv", "");
        UnusableLogException e = assertThrows(UnusableLogException.class, () -> analyze(empty));
        assertEquals("empty.csv is empty (0 bytes).", e.getMessage());
    }

    @Test
    void eachFileKeepsItsOwnColumnsAndFormat() throws Exception {
        // an older request without the TLS columns next to a newer one with them: the same messages read the same
        Path noTls = LogFixtures.sample("synthetic-no-tls-columns.csv");
        List<String> rows = Files.readAllLines(noTls);
        int n = rows.size() - 1;
        List<String> withTls = sampleRows();
        Path older = LogFixtures.write(dir, "older.csv", String.join("\r\n", rows.subList(0, 1 + n / 2)) + "\r\n");
        Path newer = writeLog(dir, "newer.csv", withTls.subList(n / 2, withTls.size()));

        LogAnalysis a = analyze(older, newer);

        FileProblem noTlsColumns = a.problems().getFirst();
        assertEquals(1, a.problems().size());
        assertEquals("older.csv", noTlsColumns.file());
        // a warning about the whole file: no line, no field (the file has no such column)
        assertEquals(0, noTlsColumns.line());
        assertEquals("", noTlsColumns.field());
        assertTrue(noTlsColumns.message().contains("TLS_Cipher"), noTlsColumns.message());
        assertEquals(40, a.messages());
        assertEquals(n, a.rows());
        // the rows of the newer file have their TLS columns (an internal hand-off says None), those of the older none
        List<String> ciphers = a.chains().stream().flatMap(c -> c.events().stream())
                .map(e -> e.file() + ":" + e.tlsCipher()).distinct().sorted().toList();
        assertEquals(List.of("0:", "1:", "1:None", "1:TLSv1.3:TLS_AES_256_GCM_SHA384"), ciphers);
    }

    @Test
    void filesReadInTwoHalvesGiveTheSameResultsAsInOnePass() throws Exception {
        List<String> rows = sampleRows();
        int n = rows.size();
        Path first = writeLog(dir, "first.csv", rows.subList(0, 2 * n / 3));
        Path second = writeLog(dir, "second.csv", rows.subList(n / 3, n));
        Path third = writeLog(dir, "third.csv", rows.subList(n / 2, n));
        for (List<Path> files : List.of(List.of(first, second, third), List.of(third, first, second))) {
            LogAnalysis onePass = halves(Long.MAX_VALUE).analyze(files, ProgressListener.NONE, Cancellation.none());
            LogAnalysis inHalves = halves(0).analyze(files, ProgressListener.NONE, Cancellation.none());
            assertSameResults(onePass, inHalves);
            assertEquals(onePass.files(), inHalves.files());
            assertEquals(onePass.problems(), inHalves.problems());
            assertEquals(described(analyze(LogFixtures.sample("sample-email-log.csv"))).stream().sorted().toList(),
                    described(inHalves).stream().sorted().toList());
        }
    }

    private static EmailLogAnalyzer halves(long splitMinBytes) {
        return new EmailLogAnalyzer(StatusKnowledgeBase.standard(),
                new EmailLogReader(LogLimits.DEFAULT, splitMinBytes));
    }

    @Test
    void progressRunsOverAllFilesInBytesAndRows() throws Exception {
        List<String> rows = sampleRows();
        int n = rows.size();
        Path first = writeLog(dir, "first.csv", rows.subList(0, n / 2));
        Path second = writeLog(dir, "second.csv", rows.subList(n / 2, n));
        long firstSize = Files.size(first);
        long total = firstSize + Files.size(second);
        List<Progress> seen = new ArrayList<>();

        new EmailLogAnalyzer().analyze(List.of(first, second), seen::add, Cancellation.none());

        assertFalse(seen.isEmpty());
        seen.forEach(p -> assertEquals(total, p.total()));
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i).done() >= seen.get(i - 1).done(), "done never goes back");
            assertTrue(seen.get(i).items() >= seen.get(i - 1).items(), "rows never go back");
        }
        Progress last = seen.getLast();
        assertEquals(total, last.done());
        assertEquals(n, last.items());
        assertEquals("second.csv", last.message());
        assertTrue(seen.stream().anyMatch(p -> p.message().equals("first.csv") && p.done() == firstSize
                && p.items() == n / 2), "the first file ends where the second begins");
    }

    @Test
    void cancellingBetweenFilesStops() throws Exception {
        Path first = writeLog(dir, "first.csv", row("3/6/2009 13:37", "R", A, "m", "", ""));
        Path second = writeLog(dir, "second.csv", row("3/6/2009 13:38", "D", A, "m", "250 OK", TLS));
        Cancellation cancellation = new Cancellation();
        List<String> read = new ArrayList<>();
        assertThrows(CancelledException.class, () -> new EmailLogAnalyzer().analyze(List.of(first, second), p -> {
            read.add(p.message());
            cancellation.cancel();
        }, cancellation));
        assertEquals(List.of("first.csv"), read.stream().distinct().toList());
    }
}
