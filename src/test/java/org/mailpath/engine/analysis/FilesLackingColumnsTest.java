package org.mailpath.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mailpath.engine.analysis.TogetherAnalyses.analyzeInHalves;
import static org.mailpath.engine.analysis.TogetherAnalyses.orders;
import static org.mailpath.engine.log.LogFixtures.INTERNAL_MESSAGE_ID;
import static org.mailpath.engine.log.LogFixtures.MESSAGE_ID_HEADER;
import static org.mailpath.engine.log.LogFixtures.RETRY_COUNT;
import static org.mailpath.engine.log.LogFixtures.SENDER;
import static org.mailpath.engine.log.LogFixtures.TLS;
import static org.mailpath.engine.log.LogFixtures.USER_ID;
import static org.mailpath.engine.log.LogFixtures.analyze;
import static org.mailpath.engine.log.LogFixtures.line;
import static org.mailpath.engine.log.LogFixtures.row;
import static org.mailpath.engine.log.LogFixtures.with;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.log.LogFixtures;

/**
 * Several logs whose rows overlap, each lacking another of the columns a chain keeps once (Sender, User ID, Internal
 * Message ID; removed in a spreadsheet): every row counts once and the analysis is that of one file holding the rows
 * once, whichever order the files are given in. Before, with three files each lacking a different one, a row present
 * in all of them was counted twice (in every order, and so were rows of two files lacking different ones): a row's
 * number for those columns ({@link RowOthers#of}) said "as the chain's first row" only if it matched it on
 * every column, so a row of a file lacking one was kept as a hash that a row of a file lacking another could not be
 * compared with.
 */
class FilesLackingColumnsTest {

    /** No column left out: a file with every column. */
    private static final int ALL_COLUMNS = -1;
    private static final String A = "a@acme.example";
    private static final String B = "b@other.example";
    private static final String C = "c@third.example";
    private static final String GREYLISTED = "451 4.7.1 Greylisted, try again later";

    /** Every row of the messages, in time order: the single file that holds them once. */
    private static final List<String> ROWS = List.of(
            row("3/6/2009 13:30", "R", A, "m1", "", ""),                                     // 0  m1 R
            row("3/6/2009 13:31", "D", A, "m1", "250 OK", TLS),                              // 1  m1 D
            row("3/6/2009 13:30", "R", B, "m2", "", ""),                                     // 2  m2 R
            retry(row("3/6/2009 13:32", "T", B, "m2", GREYLISTED, TLS), 1),                  // 3  m2 T
            retry(row("3/6/2009 13:40", "T", B, "m2", GREYLISTED, TLS), 2),                  // 4  m2 T
            row("3/6/2009 13:50", "P", B, "m2", "550 5.1.1 User unknown", TLS),              // 5  m2 P
            row("3/6/2009 13:30", "R", C, "m3", "", ""),                                     // 6  m3 R
            retry(row("3/6/2009 13:33", "T", C, "m3", GREYLISTED, TLS), 1),                  // 7  m3 T
            row("3/6/2009 13:45", "D", C, "m3", "250 OK", TLS),                              // 8  m3 D
            row("3/6/2009 13:35", "R", A, "m4", "", ""),                                     // 9  m4 R
            row("3/6/2009 13:36", "D", A, "m4", "250 OK", "None"),                           // 10 m4 hand-off
            row("3/6/2009 13:37", "D", A, "m4", "250 OK", TLS));                             // 11 m4 D

    /**
     * Three overlapping requests, by row of {@link #ROWS}: m3's rows are in all three, m2's and m4's spread over all
     * three with some rows in two, m1's in the first and third.
     */
    private static final List<List<Integer>> CONTENTS = List.of(
            List.of(0, 1, 2, 3, 6, 7, 8, 9),
            List.of(3, 4, 5, 6, 7, 8, 9, 10),
            List.of(1, 5, 6, 7, 8, 10, 11));

    /** Two overlapping requests, by row of {@link #ROWS}: every message has rows in both. */
    private static final List<List<Integer>> TWO = List.of(List.of(0, 2, 3, 6, 7, 8, 9, 10),
            List.of(1, 3, 4, 5, 6, 7, 8, 10, 11));

    @TempDir
    Path dir;

    private static String retry(String line, int count) {
        return with(line, RETRY_COUNT, Integer.toString(count));
    }

    /** A log of the rows of {@link #ROWS} at {@code rows}, without the column {@code lacking} (header and rows). */
    private Path log(String name, List<Integer> rows, int lacking) {
        return LogFixtures.writeWithout(dir, name, List.of(lacking),
                rows.stream().map(ROWS::get).toArray(String[]::new));
    }

    /** What must not depend on how the rows were split into files nor on their order. */
    private static List<String> counts(LogAnalysis a) {
        List<String> seen = new ArrayList<>();
        seen.add("messages " + a.messages());
        seen.add("verdicts " + a.verdicts());
        seen.add("delivered after retry " + a.deliveredAfterRetry());
        seen.add("bounces " + a.bounceCategories());
        seen.add("deferrals " + a.deferralCategories());
        a.chains().stream().map(c -> c.messageIdHeader() + " " + c.recipient() + " " + c.eventLetters() + " "
                        + c.verdict() + " retries " + c.retries() + " " + c.internalMessageId() + " " + c.sender()
                        + " " + c.userId())
                .sorted().forEach(seen::add);
        return seen;
    }

    private static String name(int lacking) {
        return switch (lacking) {
            case SENDER -> "no-sender";
            case USER_ID -> "no-user-id";
            case INTERNAL_MESSAGE_ID -> "no-internal-id";
            case MESSAGE_ID_HEADER -> "no-message-id-header";
            default -> "all-columns";
        };
    }

    /**
     * The checks of every order of the files made of {@code contents} (by row of {@link #ROWS}), each lacking the
     * column at the same place in {@code lacking}: the counts are those of one file holding their rows once, and the
     * copies left out are the rows beyond those; also with each file read in two parts.
     */
    private List<Executable> checksOfEveryOrder(List<List<Integer>> contents, List<Integer> lacking)
            throws Exception {
        TreeSet<Integer> union = new TreeSet<>();
        contents.forEach(union::addAll);
        List<String> expected = counts(analyze(List.of(log("union.csv", List.copyOf(union), ALL_COLUMNS))));
        long rows = contents.stream().mapToLong(List::size).sum();
        List<Path> files = new ArrayList<>();
        for (int k = 0; k < contents.size(); k++) {
            files.add(log(k + "-" + name(lacking.get(k)) + ".csv", contents.get(k), lacking.get(k)));
        }
        List<Executable> checks = new ArrayList<>();
        for (List<Path> order : orders(files)) {
            String what = contents + " as " + order.stream().map(p -> p.getFileName().toString()).toList();
            LogAnalysis a = analyze(order);
            long copies = a.files().stream().mapToLong(AnalysedFile::copiesLeftOut).sum();
            checks.add(() -> assertEquals(expected, counts(a), what));
            checks.add(() -> assertEquals(rows - union.size(), copies, what + ": copies left out"));
            LogAnalysis inHalves = analyzeInHalves(order);
            checks.add(() -> assertEquals(expected, counts(inHalves), what + " in halves"));
        }
        return checks;
    }

    /** Checks {@link #checksOfEveryOrder} for each of {@code lackings} (one list per file), all before failing. */
    private void assertEveryOrderCountsEachRowOnce(List<List<Integer>> contents, List<List<Integer>> lackings)
            throws Exception {
        List<Executable> checks = new ArrayList<>();
        for (List<Integer> lacking : lackings) {
            checks.addAll(checksOfEveryOrder(contents, lacking));
        }
        assertAll(checks);
    }

    @Test
    void threeFilesEachLackingAnotherKeptOnceColumnCountEachRowOnceInEveryOrder() throws Exception {
        // which content lacks which column, every way; each way in all six orders of the files
        assertEveryOrderCountsEachRowOnce(CONTENTS, orders(List.of(SENDER, USER_ID, INTERNAL_MESSAGE_ID)));
    }

    @Test
    void threeFilesOneWithEveryColumnCountEachRowOnceInEveryOrder() throws Exception {
        assertEveryOrderCountsEachRowOnce(CONTENTS, List.of(List.of(ALL_COLUMNS, SENDER, USER_ID),
                List.of(SENDER, ALL_COLUMNS, INTERNAL_MESSAGE_ID), List.of(USER_ID, INTERNAL_MESSAGE_ID, ALL_COLUMNS),
                List.of(INTERNAL_MESSAGE_ID, SENDER, ALL_COLUMNS)));
    }

    @Test
    void theSameRowsInThreeFilesEachLackingAnotherColumnAreOneMessage() throws Exception {
        List<Integer> m3 = List.of(6, 7, 8);
        assertEveryOrderCountsEachRowOnce(List.of(m3, m3, m3), List.of(List.of(SENDER, USER_ID, INTERNAL_MESSAGE_ID)));
    }

    /** Two files, one of them with every column: this worked before and must still. */
    @Test
    void twoFilesOneWithEveryColumnCountEachRowOnceInEitherOrder() throws Exception {
        assertEveryOrderCountsEachRowOnce(TWO, List.of(List.of(ALL_COLUMNS, SENDER), List.of(USER_ID, ALL_COLUMNS),
                List.of(ALL_COLUMNS, INTERNAL_MESSAGE_ID)));
    }

    /** Two files, each lacking another column a chain keeps once: each row was counted twice, in either order. */
    @Test
    void twoFilesLackingDifferentKeptOnceColumnsCountEachRowOnceInEitherOrder() throws Exception {
        assertEveryOrderCountsEachRowOnce(TWO, List.of(List.of(SENDER, USER_ID), List.of(USER_ID, INTERNAL_MESSAGE_ID),
                List.of(INTERNAL_MESSAGE_ID, SENDER)));
    }

    /**
     * A file without the Message ID Header column keys its chains by the Internal Message ID: they are joined to the
     * chains of the same Internal Message ID and recipient from a file with the column, in either order. Before, the
     * message was counted twice and so were the rows in both files.
     */
    @Test
    void twoFilesOneWithoutTheMessageIdHeaderCountEachRowOnceInEitherOrder() throws Exception {
        assertEveryOrderCountsEachRowOnce(TWO, List.of(List.of(MESSAGE_ID_HEADER, ALL_COLUMNS),
                List.of(SENDER, MESSAGE_ID_HEADER), List.of(MESSAGE_ID_HEADER, USER_ID)));
    }

    /**
     * Three files, one without the Message ID Header; also with one without the Internal Message ID and one with every
     * column, every way: m1, whose rows are in the first and third file only, is then in the two files without an ID
     * column in common in two of the ways, and is joined by its one match there ({@link UnsharedIdJoin}; m4, to the
     * same recipient, has its Internal Message ID in the file with every column, so it is not a match).
     */
    @Test
    void threeFilesOneWithoutTheMessageIdHeaderCountEachRowOnceInEveryOrder() throws Exception {
        List<List<Integer>> lackings = new ArrayList<>(orders(List.of(MESSAGE_ID_HEADER, SENDER, USER_ID)));
        lackings.addAll(orders(List.of(ALL_COLUMNS, MESSAGE_ID_HEADER, INTERNAL_MESSAGE_ID)));
        assertEveryOrderCountsEachRowOnce(CONTENTS, lackings);
    }

    /**
     * Rows with an empty Message ID Header in a file that has the column stay apart from the message's rows that
     * have one, as in a single log: only a file without the column is not known to have none.
     */
    @Test
    void aRowWithAnEmptyMessageIdHeaderStaysApartAsInASingleLog() throws Exception {
        String noHeader = with(ROWS.get(7), MESSAGE_ID_HEADER, "");
        Path withHeader = log("with-header.csv", List.of(6, 8), ALL_COLUMNS);
        Path emptyHeader = LogFixtures.writeLog(dir, "empty-header.csv", noHeader);
        Path single = LogFixtures.writeLog(dir, "single.csv", ROWS.get(6), noHeader, ROWS.get(8));
        assertEquals(2, analyze(List.of(single)).messages());
        for (List<Path> order : orders(List.of(withHeader, emptyHeader))) {
            LogAnalysis a = analyze(order);
            assertEquals(List.of("", "m3@sfdc.example"), a.chains().stream().map(MessageChain::messageIdHeader)
                    .sorted().toList(), order.toString());
        }
    }

    /**
     * Two messages to one recipient with the same Internal Message ID and different Message ID Headers: which one a
     * row of a file without the column belongs to is not known, so it is joined to neither.
     */
    @Test
    void aChainKeyedByItsInternalIdIsJoinedToNoneOfTwoWithItsInternalId() throws Exception {
        String other = with(ROWS.get(8), MESSAGE_ID_HEADER, "other@sfdc.example");
        Path withHeader = LogFixtures.writeLog(dir, "two-headers.csv", ROWS.get(6), other);
        Path noHeader = log("no-header.csv", List.of(7), MESSAGE_ID_HEADER);
        for (List<Path> order : orders(List.of(withHeader, noHeader))) {
            LogAnalysis a = analyze(order);
            assertEquals(List.of("", "m3@sfdc.example", "other@sfdc.example"), a.chains().stream()
                    .map(MessageChain::messageIdHeader).sorted().toList(), order.toString());
        }
    }

    /**
     * A message whose Internal Message ID changes at an internal hand-off (R under one, T and D under another): its
     * chain keeps only one of them, the first row's in file order, so a chain of a file without the Message ID Header
     * could meet it in some orders and not in others. Such a chain is left apart in every order: its rows count twice,
     * as before the join existed, but the result no longer depends on the order (before: 2 messages in two orders of
     * three, 1 in the others).
     */
    @Test
    void aMessageWithSeveralInternalIdsIsLeftApartInEveryOrder() throws Exception {
        String laterId = "16/A4-m3b";
        Path received = LogFixtures.writeLog(dir, "received.csv", ROWS.get(6));
        Path handedOn = LogFixtures.writeLog(dir, "handed-on.csv",
                with(ROWS.get(7), INTERNAL_MESSAGE_ID, laterId), with(ROWS.get(8), INTERNAL_MESSAGE_ID, laterId));
        Path noHeader = LogFixtures.writeWithout(dir, "no-header.csv", List.of(MESSAGE_ID_HEADER),
                with(ROWS.get(7), INTERNAL_MESSAGE_ID, laterId), with(ROWS.get(8), INTERNAL_MESSAGE_ID, laterId));
        for (List<Path> order : orders(List.of(received, handedOn, noHeader))) {
            LogAnalysis a = analyze(order);
            assertEquals(List.of(" TD", "m3@sfdc.example RTD"), a.chains().stream()
                    .map(c -> c.messageIdHeader() + " " + c.eventLetters()).sorted().toList(), order.toString());
        }
    }
}
