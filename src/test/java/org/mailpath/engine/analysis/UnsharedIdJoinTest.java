package org.mailpath.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.engine.analysis.TogetherAnalyses.analyzeInHalves;
import static org.mailpath.engine.analysis.TogetherAnalyses.orders;
import static org.mailpath.engine.log.LogFixtures.INTERNAL_MESSAGE_ID;
import static org.mailpath.engine.log.LogFixtures.MESSAGE_ID_HEADER;
import static org.mailpath.engine.log.LogFixtures.RECIPIENT;
import static org.mailpath.engine.log.LogFixtures.RETRY_COUNT;
import static org.mailpath.engine.log.LogFixtures.SENDER;
import static org.mailpath.engine.log.LogFixtures.TLS;
import static org.mailpath.engine.log.LogFixtures.analyze;
import static org.mailpath.engine.log.LogFixtures.line;
import static org.mailpath.engine.log.LogFixtures.row;
import static org.mailpath.engine.log.LogFixtures.with;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.finding.LocalText;
import org.mailpath.engine.log.FileProblem;
import org.mailpath.engine.log.LogFixtures;

/**
 * A message whose rows are only in a log without the Message ID Header column and one without the Internal Message ID
 * column: the two share no ID, so its rows made two messages (one received only, one delivered or bounced). They are
 * joined only when each is the other's one match by recipient, Sender, User ID and time, and the warning of the file
 * without the Message ID Header says how many were joined so; those that match more than one stay apart and are said
 * too. Files that share an ID column are not touched.
 */
class UnsharedIdJoinTest {

    private static final int ALL_COLUMNS = -1;
    private static final String A = "a@acme.example";
    private static final String B = "b@other.example";
    private static final String UNKNOWN = "550 5.1.1 User unknown";

    @TempDir
    Path dir;

    /** A log of {@code rows} (lines of {@link LogFixtures#row}) without the column {@code lacking}. */
    private Path log(String name, int lacking, String... rows) {
        return LogFixtures.writeWithout(dir, name, List.of(lacking), rows);
    }

    private Path noHeader(String... rows) {
        return log("no-header.csv", MESSAGE_ID_HEADER, rows);
    }

    private Path noInternalId(String... rows) {
        return log("no-internal-id.csv", INTERNAL_MESSAGE_ID, rows);
    }

    /** Each chain as "header recipient events verdict internal-id", sorted. */
    private static List<String> chains(LogAnalysis a) {
        return a.chains().stream().map(c -> c.messageIdHeader() + " " + c.recipient() + " " + c.eventLetters() + " "
                + c.verdict() + " " + c.internalMessageId()).sorted().toList();
    }

    /** The keys and counts of the warnings about files sharing no ID, with the file they are in. */
    private static Map<String, Object> joinWarnings(LogAnalysis a) {
        Map<String, Object> seen = new TreeMap<>();
        for (FileProblem p : a.problems()) {
            LocalText t = p.messageText().orElse(null);
            if (t != null && t.key().startsWith("unsharedIds.")) {
                // messages, rows, this file, the other files
                seen.put(t.key(), p.file() + " " + t.args().get(0) + " messages " + t.args().get(3) + " rows, lines "
                        + t.args().get(2) + ", other " + t.args().get(5));
            }
        }
        return seen;
    }

    /**
     * Each chain that rests on a guess ({@link LogAnalysis#unsharedIdGuess}, asked of the chain's record) as "header
     * recipient events guess", sorted.
     */
    private static List<String> guesses(LogAnalysis a) {
        return a.chains().stream().flatMap(c -> a.unsharedIdGuess(c).stream().map(g -> c.messageIdHeader() + " "
                + c.recipient() + " " + c.eventLetters() + " " + g)).sorted().toList();
    }

    /** The analyses of {@code files} in both orders, each file whole and in halves. */
    private static List<LogAnalysis> everyWay(Path first, Path second) throws Exception {
        return List.of(analyze(List.of(first, second)), analyze(List.of(second, first)),
                analyzeInHalves(List.of(first, second)), analyzeInHalves(List.of(second, first)));
    }

    @Test
    void aUniqueMatchIsJoinedAndSaid() throws Exception {
        Path r = noHeader(row("3/6/2009 13:30", "R", A, "m1", "", ""), row("3/6/2009 13:30", "R", B, "m2", "", ""));
        Path d = noInternalId(row("3/6/2009 13:31", "D", A, "m1", "250 OK", TLS),
                row("3/6/2009 13:32", "P", B, "m2", UNKNOWN, TLS));
        for (LogAnalysis a : everyWay(r, d)) {
            assertEquals(2, a.messages());
            assertEquals(List.of("m1@sfdc.example a@acme.example RD DELIVERED 16/A4-m1",
                    "m2@sfdc.example b@other.example RP BOUNCED 16/A4-m2"), chains(a));
            assertEquals(0L, a.verdicts().get(Verdict.RECEIVED_ONLY));
            assertEquals(Map.of("unsharedIds.joined.many",
                    "no-header.csv 2 messages 2 rows, lines 2, 3, other no-internal-id.csv"), joinWarnings(a));
            assertEquals(List.of("m1@sfdc.example a@acme.example RD JOINED",
                    "m2@sfdc.example b@other.example RP JOINED"), guesses(a));
        }
    }

    /** The R row in both files (overlapping windows): it counts once, and the message is joined. */
    /**
     * Log times are to the minute: a message received and delivered within one minute has its R beside its D in its
     * last minute, and has ended all the same; a later message to the same recipient is no candidate for it.
     */
    @Test
    void aMessageReceivedAndDeliveredInOneMinuteHasEnded() throws Exception {
        Path keyed = noInternalId(row("3/6/2009 13:30", "R", A, "m1", "", ""),
                row("3/6/2009 13:30", "D", A, "m1", "250 OK", TLS), row("3/6/2009 13:40", "R", A, "m2", "", ""));
        Path unkeyed = noHeader(row("3/6/2009 13:45", "D", A, "m2", "250 OK", TLS));
        for (LogAnalysis a : everyWay(keyed, unkeyed)) {
            assertEquals(List.of("m1@sfdc.example a@acme.example RD DELIVERED ",
                    "m2@sfdc.example a@acme.example RD DELIVERED 16/A4-m2"), chains(a));
            assertEquals(List.of("m2@sfdc.example a@acme.example RD JOINED"), guesses(a));
        }
        // the same with the ended message in the file without the Message ID Header
        Path ended = noHeader(row("3/6/2009 13:30", "R", A, "m1", "", ""),
                row("3/6/2009 13:30", "D", A, "m1", "250 OK", TLS), row("3/6/2009 13:45", "D", A, "m2", "250 OK", TLS));
        Path received = noInternalId(row("3/6/2009 13:40", "R", A, "m2", "", ""));
        for (LogAnalysis a : everyWay(ended, received)) {
            assertEquals(List.of(" a@acme.example RD DELIVERED 16/A4-m1",
                    "m2@sfdc.example a@acme.example RD DELIVERED 16/A4-m2"), chains(a));
        }
    }

    @Test
    void aRowInBothFilesCountsOnceAndTheMessageIsJoined() throws Exception {
        String received = row("3/6/2009 13:30", "R", A, "m1", "", "");
        Path r = noHeader(received);
        Path d = noInternalId(received, row("3/6/2009 13:31", "D", A, "m1", "250 OK", TLS));
        for (LogAnalysis a : everyWay(r, d)) {
            assertEquals(List.of("m1@sfdc.example a@acme.example RD DELIVERED 16/A4-m1"), chains(a));
            assertEquals(1, a.files().stream().mapToLong(AnalysedFile::copiesLeftOut).sum());
            // the R row of the file given later is the copy left out: no row of no-header.csv is kept then
            boolean headerFileFirst = a.files().getFirst().file().equals("no-header.csv");
            assertEquals(Map.of("unsharedIds.joined.one", "no-header.csv 1 messages " + (headerFileFirst ? 1 : 0)
                    + " rows, lines 2, other no-internal-id.csv"), joinWarnings(a));
            if (!headerFileFirst) {
                FileProblem p = a.problems().stream().filter(q -> q.messageText()
                        .filter(t -> t.key().equals("unsharedIds.joined.one")).isPresent()).findFirst().orElseThrow();
                assertTrue(p.message().startsWith("1 message of no-header.csv (line 2; every row also in"
                        + " no-internal-id.csv) was joined"), p.message());
                String sv = p.message(Locale.forLanguageTag("sv"));
                assertTrue(sv.startsWith("1 meddelande i no-header.csv (rad 2; alla rader finns också i"
                        + " no-internal-id.csv) slogs ihop"), sv);
            }
        }
    }

    /** Two messages to one recipient from one sender in one minute: which R goes with which D is not known. */
    @Test
    void twoSameRecipientSameMinuteCandidatesAreNotJoinedAndSaid() throws Exception {
        Path r = noHeader(row("3/6/2009 13:30", "R", A, "m1", "", ""), row("3/6/2009 13:30", "R", A, "m3", "", ""));
        Path d = noInternalId(row("3/6/2009 13:31", "D", A, "m1", "250 OK", TLS),
                row("3/6/2009 13:31", "P", A, "m3", UNKNOWN, TLS));
        for (LogAnalysis a : everyWay(r, d)) {
            assertEquals(4, a.messages());
            assertEquals(List.of(" a@acme.example R RECEIVED_ONLY 16/A4-m1", " a@acme.example R RECEIVED_ONLY 16/A4-m3",
                    "m1@sfdc.example a@acme.example D DELIVERED ", "m3@sfdc.example a@acme.example P BOUNCED "),
                    chains(a));
            assertEquals(Map.of("unsharedIds.notJoined.many",
                    "no-header.csv 2 messages 2 rows, lines 2, 3, other no-internal-id.csv"), joinWarnings(a));
            // the halves in both files: each may be counted twice
            assertEquals(List.of(" a@acme.example R LEFT_APART", " a@acme.example R LEFT_APART",
                    "m1@sfdc.example a@acme.example D LEFT_APART", "m3@sfdc.example a@acme.example P LEFT_APART"),
                    guesses(a));
        }
    }

    /** One R, two D's it may go with: not joined; nor when two R's may go with one D. */
    @Test
    void aMatchThatIsNotUniqueOnBothSidesIsNotJoined() throws Exception {
        Path oneR = noHeader(row("3/6/2009 13:30", "R", A, "m1", "", ""));
        Path twoD = noInternalId(row("3/6/2009 13:31", "D", A, "m1", "250 OK", TLS),
                row("3/6/2009 13:40", "D", A, "m3", "250 OK", TLS));
        for (LogAnalysis a : everyWay(oneR, twoD)) {
            assertEquals(3, a.messages());
            assertEquals(Map.of("unsharedIds.notJoined.one",
                    "no-header.csv 1 messages 1 rows, lines 2, other no-internal-id.csv"), joinWarnings(a));
            assertEquals(3, guesses(a).size(), guesses(a).toString());
            assertTrue(guesses(a).stream().allMatch(g -> g.endsWith(" LEFT_APART")), guesses(a).toString());
        }
        Path twoR = noHeader(row("3/6/2009 13:30", "R", A, "m1", "", ""), row("3/6/2009 13:29", "R", A, "m3", "", ""));
        Path oneD = noInternalId(row("3/6/2009 13:31", "D", A, "m1", "250 OK", TLS));
        for (LogAnalysis a : everyWay(twoR, oneD)) {
            assertEquals(3, a.messages());
            assertEquals(Map.of("unsharedIds.notJoined.many",
                    "no-header.csv 2 messages 2 rows, lines 2, 3, other no-internal-id.csv"), joinWarnings(a));
            assertEquals(3, guesses(a).size(), guesses(a).toString());
            assertTrue(guesses(a).stream().allMatch(g -> g.endsWith(" LEFT_APART")), guesses(a).toString());
        }
    }

    /**
     * What tells two messages apart keeps them apart, with no warning (nothing matched): another Sender, events more
     * than 48 hours apart, a delivery before the reception.
     */
    @Test
    void rowsThatCannotBeOneMessageStayApartUnsaid() throws Exception {
        String received = row("3/6/2009 13:30", "R", A, "m1", "", "");
        List<String> others = List.of(
                with(row("3/6/2009 13:31", "D", A, "m1", "250 OK", TLS), SENDER, "other@acme.example"),
                row("3/8/2009 13:31", "D", A, "m1", "250 OK", TLS),
                row("3/6/2009 13:29", "D", A, "m1", "250 OK", TLS));
        for (String other : others) {
            for (LogAnalysis a : everyWay(noHeader(received), noInternalId(other))) {
                assertEquals(2, a.messages(), other);
                assertEquals(Map.of(), joinWarnings(a), other);
                assertEquals(List.of(), guesses(a), other);
            }
        }
        // within 48 hours, as a P after a day of retries is
        for (LogAnalysis a : everyWay(noHeader(received),
                noInternalId(row("3/8/2009 13:29", "P", A, "m1", UNKNOWN, TLS)))) {
            assertEquals(1, a.messages());
        }
    }

    /**
     * Back-to-back exports: the file without the Message ID Header ends with one message to bob@ (R, then its P or D),
     * the file without the Internal Message ID starts with another from the same sender (R, then D). Each has an R of
     * its own, and the first ended before the second began: two messages, never one, with nothing guessed.
     */
    @Test
    void twoMessagesEachWithItsOwnReceptionAreNotJoined() throws Exception {
        String bob = "bob@other.example";
        for (String[] outcome : List.of(new String[] {"P", UNKNOWN}, new String[] {"D", "250 OK"})) {
            Path r = noHeader(row("11/15/2026 23:00", "R", bob, "m1", "", ""),
                    row("11/15/2026 23:00", outcome[0], bob, "m1", outcome[1], TLS));
            Path d = noInternalId(row("11/16/2026 09:00", "R", bob, "m2", "", ""),
                    row("11/16/2026 09:00", "D", bob, "m2", "250 OK", TLS));
            for (LogAnalysis a : everyWay(r, d)) {
                assertEquals(2, a.messages(), outcome[0]);
                assertEquals(outcome[0].equals("P") ? 1L : 2L, a.verdicts().get(Verdict.DELIVERED), outcome[0]);
                assertEquals(outcome[0].equals("P") ? 1L : 0L, a.verdicts().get(Verdict.BOUNCED), outcome[0]);
                assertEquals(Map.of(), joinWarnings(a), outcome[0]);
            }
        }
    }

    /**
     * A message that ended (its D or P) before the other file's rows begin is not joined to a later outcome; one that
     * has only its R there is; and two R's are one message only when they are the same row.
     */
    @Test
    void onlyPartsThatCanBeOneMessageAreJoined() throws Exception {
        String received = row("3/6/2009 13:30", "R", A, "m1", "", "");
        String bounced = row("3/6/2009 13:31", "P", A, "m1", UNKNOWN, TLS);
        String laterDelivery = row("3/6/2009 15:00", "D", A, "m1", "250 OK", TLS);
        // ended before the other file's first row: two messages
        for (LogAnalysis a : everyWay(noHeader(received, bounced), noInternalId(laterDelivery))) {
            assertEquals(2, a.messages());
            assertEquals(Map.of(), joinWarnings(a));
        }
        // only its R, and a D after it: the case the join is for
        for (LogAnalysis a : everyWay(noHeader(received), noInternalId(laterDelivery))) {
            assertEquals(List.of("m1@sfdc.example a@acme.example RD DELIVERED 16/A4-m1"), chains(a));
        }
        // the same R row in both (overlapping windows), the outcome in either: one message
        for (LogAnalysis a : everyWay(noHeader(received, bounced), noInternalId(received))) {
            assertEquals(List.of("m1@sfdc.example a@acme.example RP BOUNCED 16/A4-m1"), chains(a));
        }
        // an R of its own in each, a minute apart: two messages, whatever follows
        String otherReception = row("3/6/2009 13:31", "R", A, "m1", "", "");
        for (LogAnalysis a : everyWay(noHeader(received), noInternalId(otherReception, laterDelivery))) {
            assertEquals(2, a.messages());
            assertEquals(Map.of(), joinWarnings(a));
        }
        // an R of the same second that differs in a column both files have (Bytes Transferred): two messages
        String otherSize = with(received, 6, "2000");
        for (LogAnalysis a : everyWay(noHeader(received), noInternalId(otherSize, laterDelivery))) {
            assertEquals(2, a.messages());
        }
    }

    /**
     * A mass mailing: one recipient gets a message from one sender every 5 seconds, each with its R and D in both
     * files. Every message's R row is in both, so each is joined to its own half, and none to the thousands of others
     * within 48 hours: the count is the mailing's, and the work grows with it, not with its square.
     */
    @Test
    void aMassMailingToOneRecipientIsJoinedMessageByMessage() throws Exception {
        int n = 20_000;
        String[] rows = new String[2 * n];
        java.time.LocalDateTime start = java.time.LocalDateTime.of(2026, 11, 2, 0, 0);
        java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern("M/d/yyyy HH:mm:ss");
        for (int i = 0; i < n; i++) {
            java.time.LocalDateTime t = start.plusSeconds(5L * i);
            rows[2 * i] = row(f.format(t), "R", B, "m" + i, "", "");
            rows[2 * i + 1] = row(f.format(t.plusSeconds(1)), "D", B, "m" + i, "250 OK", TLS);
        }
        Path r = noHeader(rows);
        Path d = noInternalId(rows);
        for (LogAnalysis a : List.of(analyze(List.of(r, d)), analyze(List.of(d, r)))) {
            assertEquals(n, a.messages());
            assertEquals((long) n, a.verdicts().get(Verdict.DELIVERED));
            assertEquals(n, a.unsharedIdGuesses().size());
            assertTrue(a.unsharedIdGuesses().values().stream().allMatch(g -> g == UnsharedIdGuess.JOINED));
            assertEquals(2L * n, a.files().stream().mapToLong(AnalysedFile::copiesLeftOut).sum());
            assertEquals(Map.of("unsharedIds.joined.many", "no-header.csv " + n + " messages "
                    + (a.files().getFirst().file().equals("no-header.csv") ? 2L * n : 0L)
                    + " rows, lines 2, 4, 6, 8, 10 \u2026, other no-internal-id.csv"), joinWarnings(a));
        }
        // only the R's in the one file, only the D's in the other: each D may be any earlier message's, none is joined
        Path onlyR = noHeader(java.util.stream.IntStream.range(0, n).mapToObj(i -> rows[2 * i]).toArray(String[]::new));
        Path onlyD = noInternalId(java.util.stream.IntStream.range(0, n).mapToObj(i -> rows[2 * i + 1])
                .toArray(String[]::new));
        LogAnalysis a = analyze(List.of(onlyR, onlyD));
        assertEquals(2L * n, a.messages());
        // every R and every D, though a chain keeps only two of its matches
        assertEquals(2 * n, a.unsharedIdGuesses().size());
        assertTrue(a.unsharedIdGuesses().values().stream().allMatch(g -> g == UnsharedIdGuess.LEFT_APART));
        assertEquals(Map.of("unsharedIds.notJoined.many", "no-header.csv " + n + " messages " + n + " rows, lines 2, 3,"
                + " 4, 5, 6 \u2026, other no-internal-id.csv"), joinWarnings(a));
    }

    /**
     * Two overlapping exports without the Message ID Header hold the same message (R, D), and the file without the
     * Internal Message ID its D: the warning counts the rows of the file it names that were not left out as copies.
     */
    @Test
    void theWarningCountsOnlyTheRowsNotLeftOutAsCopies() throws Exception {
        String received = row("3/6/2009 13:30", "R", A, "m1", "", "");
        String delivered = row("3/6/2009 13:31", "D", A, "m1", "250 OK", TLS);
        Path first = log("first.csv", MESSAGE_ID_HEADER, row("3/6/2009 13:00", "R", B, "m2", "", ""),
                row("3/6/2009 13:00", "D", B, "m2", "250 OK", TLS), row("3/6/2009 13:10", "R", B, "m3", "", ""),
                received, delivered);
        Path second = log("second.csv", MESSAGE_ID_HEADER, received, delivered);
        Path d = noInternalId(delivered);
        LogAnalysis a = analyze(List.of(first, second, d));
        assertEquals(List.of("m1@sfdc.example a@acme.example RD DELIVERED 16/A4-m1"),
                chains(a).stream().filter(c -> c.contains(A)).toList());
        assertEquals(Map.of("unsharedIds.joined.one", "first.csv 1 messages 2 rows, lines 5, other no-internal-id.csv"),
                joinWarnings(a));
        // the file without the Internal Message ID first: the D of first.csv is the copy left out
        a = analyze(List.of(d, first, second));
        assertEquals(Map.of("unsharedIds.joined.one", "first.csv 1 messages 1 rows, lines 5, other no-internal-id.csv"),
                joinWarnings(a));
    }

    /**
     * The R row of a message in the file without the Message ID Header (C) and in a file without the Internal Message
     * ID (E), which has its T and D too; a third file without the Internal Message ID (D) has another T and D of it,
     * to the recipient written otherwise (a capital letter; and the other way round), its T's reply quoting it so.
     * Rows that differ in the recipient as written are not copies (as in a single log: equal in every column), so the
     * message has two T's and two D's; but its R is one row in C and E, so it is one message, joined by its one
     * match, in every order of the files, whole and in halves: the same as one file holding the rows once, the
     * recipient as written and each reply too. Before, where D came before E, the chain's values were D's first
     * row's, C's R row differed from them in the recipient, its Internal Message ID could then not be left out to
     * compare it with E's, and the message counted twice (received only, and delivered) with nothing said.
     */
    @Test
    void aRecipientWrittenOtherwiseInAThirdFileDoesNotMakeTheJoinDependOnTheOrder() throws Exception {
        List<Executable> checks = new ArrayList<>();
        checks.addAll(checksOfEveryOrder("zed@contoso.example", "Zed@contoso.example"));
        checks.addAll(checksOfEveryOrder("Zed@contoso.example", "zed@contoso.example"));
        assertAll(checks);
    }

    /**
     * The checks of {@link #aRecipientWrittenOtherwiseInAThirdFileDoesNotMakeTheJoinDependOnTheOrder}: C and E write
     * the recipient as {@code inCAndE}, D as {@code inD}.
     */
    private List<Executable> checksOfEveryOrder(String inCAndE, String inD) throws Exception {
        String received = row("3/6/2009 13:30", "R", inCAndE, "m1", "", "");
        String retried = with(row("3/6/2009 13:31", "T", inCAndE, "m1", "451 4.7.1 Try later", TLS), RETRY_COUNT,
                "1");
        String delivered = row("3/6/2009 13:35", "D", inCAndE, "m1", "250 OK", TLS);
        String retriedInD = with(with(retried, RECIPIENT, inD), 14, "451 4.2.0 <" + inD + ">: greylisted");
        String deliveredInD = with(delivered, RECIPIENT, inD);
        String to = inCAndE.substring(0, 1);
        Path c = log(to + "-C.csv", MESSAGE_ID_HEADER, received);
        Path d = log(to + "-D.csv", INTERNAL_MESSAGE_ID, retriedInD, deliveredInD);
        Path e = log(to + "-E.csv", INTERNAL_MESSAGE_ID, received, retried, delivered);
        List<String> once = summary(analyze(List.of(log(to + "-union.csv", ALL_COLUMNS, received, retried, retriedInD,
                delivered, deliveredInD))));
        List<Executable> checks = new ArrayList<>();
        checks.add(() -> assertEquals(List.of("messages 1", "m1@sfdc.example " + inCAndE
                + " RTTDD DELIVERED retries 2 16/A4-m1 [, 250 OK, 250 OK, 451 4.2.0 <" + inD + ">: greylisted, 451"
                + " 4.7.1 Try later]"), once));
        for (List<Path> order : orders(List.of(c, d, e))) {
            String names = order.stream().map(p -> p.getFileName().toString()).toList().toString();
            boolean cBeforeE = order.indexOf(c) < order.indexOf(e);
            for (LogAnalysis a : List.of(analyze(order), analyzeInHalves(order))) {
                checks.add(() -> assertEquals(once, summary(a), names));
                checks.add(() -> assertEquals(1L, a.files().stream().mapToLong(AnalysedFile::copiesLeftOut).sum(),
                        names + ": the R row of C and E counted once"));
                checks.add(() -> assertEquals(Map.of("unsharedIds.joined.one", c.getFileName() + " 1 messages "
                        + (cBeforeE ? 1 : 0) + " rows, lines 2, other " + String.join(", ", order.stream()
                        .filter(p -> p != c).map(p -> p.getFileName().toString()).toList())), joinWarnings(a), names));
            }
        }
        return checks;
    }

    /** The message count and each chain with the reply of each of its events (sorted). */
    private static List<String> summary(LogAnalysis a) {
        List<String> seen = new ArrayList<>(List.of("messages " + a.messages()));
        a.chains().stream().map(ch -> ch.messageIdHeader() + " " + ch.recipient() + " " + ch.eventLetters() + " "
                + ch.verdict() + " retries " + ch.retries() + " " + ch.internalMessageId() + " "
                + ch.events().stream().map(ChainEvent::status).sorted().toList()).sorted().forEach(seen::add);
        return seen;
    }

    /**
     * A message of the file without the Message ID Header whose Internal Message ID a file with both columns has (as
     * two messages there: which one is not known) is never joined by a guess to a third file's message.
     */
    @Test
    void aChainWhoseInternalIdIsKnownElsewhereIsNotGuessed() throws Exception {
        Path both = log("both.csv", ALL_COLUMNS, row("3/6/2009 13:30", "R", A, "m1", "", ""),
                with(row("3/6/2009 13:31", "T", A, "m1", "451 4.7.1 Try later", TLS), MESSAGE_ID_HEADER,
                        "other@sfdc.example"));
        Path r = noHeader(row("3/6/2009 13:30", "R", A, "m1", "", ""));
        Path d = noInternalId(row("3/6/2009 13:35", "D", A, "m9", "250 OK", TLS));
        for (List<Path> order : List.of(List.of(both, r, d), List.of(d, r, both), List.of(r, d, both))) {
            LogAnalysis a = analyze(order);
            assertEquals(Map.of(), joinWarnings(a), order.toString());
            assertTrue(chains(a).contains("m9@sfdc.example a@acme.example D DELIVERED "), order.toString());
            assertEquals(Map.of(), a.unsharedIdGuesses(), order.toString());
        }
    }

    /** Files that share an ID column are joined by it, as before, with no warning about guesses. */
    @Test
    void filesSharingAnIdColumnAreNotTouched() throws Exception {
        String received = row("3/6/2009 13:30", "R", A, "m1", "", "");
        String delivered = row("3/6/2009 13:31", "D", A, "m1", "250 OK", TLS);
        List<List<Path>> pairs = List.of(
                List.of(noHeader(received), log("all.csv", ALL_COLUMNS, delivered)),
                List.of(log("all-r.csv", ALL_COLUMNS, received), noInternalId(delivered)));
        for (List<Path> pair : pairs) {
            for (LogAnalysis a : everyWay(pair.get(0), pair.get(1))) {
                assertEquals(List.of("m1@sfdc.example a@acme.example RD DELIVERED 16/A4-m1"), chains(a));
                assertEquals(Map.of(), joinWarnings(a));
                assertEquals(Map.of(), a.unsharedIdGuesses());
            }
        }
    }

    /**
     * One message joined and one left apart in the same files: each chain says which it is, asked by its record (the
     * recipient as written, in capitals in one file), and the others nothing; a single log has none.
     */
    @Test
    void eachMessageSaysWhetherItRestsOnAGuess() throws Exception {
        Path r = noHeader(row("3/6/2009 13:30", "R", "A@Acme.example", "m1", "", ""),
                row("3/6/2009 13:30", "R", B, "m2", "", ""), row("3/6/2009 13:30", "R", B, "m3", "", ""),
                row("3/6/2009 13:30", "R", "c@third.example", "m4", "", ""));
        Path d = noInternalId(row("3/6/2009 13:31", "D", A, "m1", "250 OK", TLS),
                row("3/6/2009 13:31", "D", B, "m2", "250 OK", TLS));
        for (LogAnalysis a : everyWay(r, d)) {
            assertEquals(5, a.messages());
            assertEquals(List.of(" b@other.example R LEFT_APART", " b@other.example R LEFT_APART",
                    "m1@sfdc.example A@Acme.example RD JOINED", "m2@sfdc.example b@other.example D LEFT_APART"),
                    guesses(a));
            MessageChain alone = a.chains().stream().filter(c -> c.recipient().equals("c@third.example"))
                    .findFirst().orElseThrow();
            assertEquals(java.util.Optional.empty(), a.unsharedIdGuess(alone));
        }
        LogAnalysis single = analyze(List.of(r));
        assertEquals(Map.of(), single.unsharedIdGuesses());
        assertTrue(single.chains().stream().allMatch(c -> single.unsharedIdGuess(c).isEmpty()));
    }

    @Test
    void theWarningsAreInSwedishToo() throws Exception {
        Path r = noHeader(row("3/6/2009 13:30", "R", A, "m1", "", ""), row("3/6/2009 13:30", "R", B, "m2", "", ""),
                row("3/6/2009 13:30", "R", B, "m3", "", ""));
        Path d = noInternalId(row("3/6/2009 13:31", "D", A, "m1", "250 OK", TLS),
                row("3/6/2009 13:31", "D", B, "m2", "250 OK", TLS));
        LogAnalysis a = analyze(List.of(r, d));
        List<String> sv = a.problems().stream().map(p -> p.message(Locale.forLanguageTag("sv"))).toList();
        assertEquals(List.of("2 meddelanden i no-header.csv (rad 3, 4; 2 rader) kunde inte slås ihop med sina rader i"
                        + " no-internal-id.csv: no-header.csv har ingen kolumn Message ID Header och no-internal-id.csv"
                        + " ingen kolumn Internal Message ID, så de har inget ID gemensamt, och på mottagare, Sender"
                        + " och User ID inom 48 timmar matchar vart och ett mer än ett meddelande där, eller ett som"
                        + " ett annat meddelande i no-header.csv också matchar. Deras rader räknas som egna"
                        + " meddelanden, så de kan räknas två gånger (till exempel en gång som endast mottagna och en"
                        + " gång som levererade eller studsade). Begär Email Log igen med både kolumnen Message ID"
                        + " Header och kolumnen Internal Message ID.",
                "1 meddelande i no-header.csv (rad 2; 1 rad) slogs ihop med sina rader i no-internal-id.csv efter en"
                        + " bästa gissning, inte efter ett ID: no-header.csv har ingen kolumn Message ID Header och"
                        + " no-internal-id.csv ingen kolumn Internal Message ID, så de har inget ID gemensamt. Raderna"
                        + " matchades på mottagare, Sender och User ID inom 48 timmar, och bara för att inget annat"
                        + " meddelande i någon av filerna matchade. Begär Email Log igen med både kolumnen Message ID"
                        + " Header och kolumnen Internal Message ID för säkra resultat."), sv);
        assertTrue(a.problems().get(1).message().startsWith("1 message of no-header.csv (line 2; 1 row) was joined"),
                a.problems().get(1).message());
    }
}
