package org.mailpath.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.engine.analysis.TogetherAnalyses.analyzeInHalves;
import static org.mailpath.engine.log.LogFixtures.INTERNAL_MESSAGE_ID;
import static org.mailpath.engine.log.LogFixtures.MESSAGE_ID_HEADER;
import static org.mailpath.engine.log.LogFixtures.RELAY_ADDRESS;
import static org.mailpath.engine.log.LogFixtures.RELAY_HOST;
import static org.mailpath.engine.log.LogFixtures.REMOTE_HOST;
import static org.mailpath.engine.log.LogFixtures.RETRY_COUNT;
import static org.mailpath.engine.log.LogFixtures.TLS;
import static org.mailpath.engine.log.LogFixtures.analyze;
import static org.mailpath.engine.log.LogFixtures.line;
import static org.mailpath.engine.log.LogFixtures.row;
import static org.mailpath.engine.log.LogFixtures.with;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.log.LogFixtures;

/**
 * Email Log times are to the minute: a message's rows of one minute from several files were ordered by file, so R and
 * T in one file and the D in the other gave RTD one way round and DRT the other (no retry before the delivery). The
 * rows of one minute from several files are now in the order of a message's life ({@link LifeOrder}), each file's in
 * line order: the files' order changes nothing, whether they share the ID columns or are joined by a guess
 * ({@link UnsharedIdJoin}), read whole or in halves.
 */
class MinuteOrderAcrossFilesTest {

    private static final String A = "a@acme.example";
    private static final String MINUTE = "3/6/2009 13:30";
    private static final String GREYLISTED = "451 4.7.1 Greylisted, try again later";
    private static final int NONE_LACKING = -1;

    @TempDir
    Path dir;

    private Path log(String name, int lacking, List<String> rows) {
        return LogFixtures.writeWithout(dir, name, List.of(lacking), rows.toArray(String[]::new));
    }

    private Path log(String name, List<String> rows) {
        return log(name, NONE_LACKING, rows);
    }

    private static String r() {
        return row(MINUTE, "R", A, "m1", "", "");
    }

    private static String t() {
        return with(row(MINUTE, "T", A, "m1", GREYLISTED, TLS), RETRY_COUNT, "1");
    }

    private static String d() {
        return row(MINUTE, "D", A, "m1", "250 2.0.0 OK", TLS);
    }

    /** The hand-off to Salesforce's second MTA: TLS_Cipher None (KB 000383894), to an internal relay. */
    private static String handoff() {
        return with(with(row(MINUTE, "D", A, "m1", "250 2.0.0 Ok: queued as internal", "None"), RELAY_ADDRESS,
                "10.0.0.12"), RELAY_HOST, "mta-internal-2.sfdc.example");
    }

    /** The second MTA's R of the handed-off message: its own Internal Message ID, from the first MTA. */
    private static String secondR() {
        return with(with(r(), INTERNAL_MESSAGE_ID, "16/A4-m1-hop2"), REMOTE_HOST, "10.0.0.11");
    }

    /** Each chain's letters, events (file name, line, letter), verdict, retries and retries before the delivery. */
    private static List<String> described(LogAnalysis a) {
        return a.chains().stream().map(c -> c.eventLetters() + " " + c.events().stream()
                .map(e -> a.files().get(e.file()).file() + ":" + e.line() + ":" + e.event().letter())
                .collect(Collectors.joining(" ")) + " " + c.verdict() + " retries " + c.retries() + " before "
                + c.retriesBeforeDelivery() + " afterRetry " + c.deliveredAfterRetry()).sorted().toList();
    }

    /** What the analyses of the two files in both orders, each whole and in halves, say; all must say the same. */
    private static List<String> sameEveryWay(Path one, Path other) throws Exception {
        List<LogAnalysis> all = List.of(analyze(List.of(one, other)), analyze(List.of(other, one)),
                analyzeInHalves(List.of(one, other)), analyzeInHalves(List.of(other, one)));
        List<String> first = described(all.getFirst());
        for (LogAnalysis a : all) {
            assertEquals(first, described(a), a.files().toString());
        }
        assertEquals(all.get(0).deliveredAfterRetry(), all.get(1).deliveredAfterRetry());
        assertEquals(all.get(0).verdicts(), all.get(1).verdicts());
        return first;
    }

    @Test
    void receptionAndRetryInOneFileAndTheDeliveryInTheOtherInOneMinuteAreRtdEitherWay() throws Exception {
        Path rt = log("rt.csv", List.of(r(), t()));
        Path delivered = log("d.csv", List.of(d()));
        assertEquals(List.of("RTD rt.csv:2:R rt.csv:3:T d.csv:2:D DELIVERED retries 1 before 1 afterRetry true"),
                sameEveryWay(rt, delivered));
        // the retry alone in the other file: still before the delivery
        Path rd = log("rd.csv", List.of(r(), d()));
        Path retried = log("t.csv", List.of(t()));
        assertEquals(List.of("RTD rd.csv:2:R t.csv:2:T rd.csv:3:D DELIVERED retries 1 before 1 afterRetry true"),
                sameEveryWay(rd, retried));
    }

    @Test
    void aDeliveryAndABounceOfOneMinuteInTwoFilesGiveOneVerdictEitherWay() throws Exception {
        Path rd = log("rd.csv", List.of(r(), d()));
        Path bounced = log("p.csv", List.of(row(MINUTE, "P", A, "m1", "550 5.1.1 User unknown", TLS)));
        assertEquals(List.of("RDP rd.csv:2:R rd.csv:3:D p.csv:2:P BOUNCED retries 0 before 0 afterRetry false"),
                sameEveryWay(rd, bounced));
    }

    /** The same across two files that share no ID column: joined by the guess, and ordered the same either way. */
    @Test
    void filesSharingNoIdColumnGiveTheSameOrderEitherWay() throws Exception {
        Path rtNoHeader = log("no-header.csv", MESSAGE_ID_HEADER, List.of(r(), t()));
        Path dNoInternalId = log("no-internal-id.csv", INTERNAL_MESSAGE_ID, List.of(d()));
        assertEquals(List.of("RTD no-header.csv:2:R no-header.csv:3:T no-internal-id.csv:2:D DELIVERED retries 1"
                + " before 1 afterRetry true"), sameEveryWay(rtNoHeader, dNoInternalId));
        Path rtNoInternalId = log("no-internal-id.csv", INTERNAL_MESSAGE_ID, List.of(r(), t()));
        Path dNoHeader = log("no-header.csv", MESSAGE_ID_HEADER, List.of(d()));
        assertEquals(List.of("RTD no-internal-id.csv:2:R no-internal-id.csv:3:T no-header.csv:2:D DELIVERED retries 1"
                + " before 1 afterRetry true"), sameEveryWay(rtNoInternalId, dNoHeader));
    }

    /**
     * A hand-off chain of one minute (R, D None, the second MTA's R, T, D) split over two files in every way that
     * keeps each file's rows in the chain's order: the same events, verdict and retries whichever file is given
     * first. Where the split is by time (the first rows in one file, the rest in the other, as two requests' windows
     * cut it), the events are the chain's own order.
     */
    @Test
    void aHandoffChainSplitOverTwoFilesIsTheSameEitherWay() throws Exception {
        List<String> chain = List.of(r(), handoff(), secondR(), t(), d());
        for (int mask = 1; mask < (1 << chain.size()) - 1; mask++) {
            List<String> first = new ArrayList<>();
            List<String> second = new ArrayList<>();
            for (int i = 0; i < chain.size(); i++) {
                ((mask & (1 << i)) != 0 ? first : second).add(chain.get(i));
            }
            List<String> said = sameEveryWay(log("one-" + mask + ".csv", first), log("two-" + mask + ".csv", second));
            assertEquals(1, said.size(), said.toString());
            String[] words = said.getFirst().split(" ");
            String outcome = said.getFirst().substring(said.getFirst().indexOf(" DELIVERED") + 1);
            String split = Integer.toBinaryString(mask) + ": " + said;
            int full = (1 << chain.size()) - 1;
            if (isPrefix(mask) || isPrefix(~mask & full)) {
                assertEquals("RDRTD", words[0], split);
            }
            assertEquals("DELIVERED retries 1 before 1 afterRetry true", outcome, split);
        }
    }

    /** Whether {@code mask} holds the first rows of the chain only. */
    private static boolean isPrefix(int mask) {
        return Integer.bitCount(mask + 1) == 1;
    }

    /** Three files, in all six orders: the hand-off chain in its own order each time. */
    @Test
    void aHandoffChainOverThreeFilesIsInItsOwnOrderWhateverTheFilesOrder() throws Exception {
        Path first = log("first.csv", List.of(r()));
        Path second = log("second.csv", List.of(handoff(), secondR()));
        Path third = log("third.csv", List.of(t(), d()));
        for (List<Path> files : TogetherAnalyses.orders(List.of(first, second, third))) {
            for (LogAnalysis a : List.of(analyze(files), analyzeInHalves(files))) {
                assertEquals(List.of("RDRTD first.csv:2:R second.csv:2:D second.csv:3:R third.csv:2:T third.csv:3:D"
                        + " DELIVERED retries 1 before 1 afterRetry true"), described(a), files.toString());
            }
        }
    }

    /** Within one file the rows keep their line order (the contract), even where it is not a message's life. */
    @Test
    void theRowsOfOneFileKeepTheirLineOrder() throws Exception {
        Path dr = log("dr.csv", List.of(d(), r()));
        Path retried = log("t.csv", List.of(t()));
        List<String> said = sameEveryWay(dr, retried);
        assertEquals(1, said.size(), said.toString());
        String events = said.getFirst();
        assertTrue(events.indexOf("dr.csv:2:D") < events.indexOf("dr.csv:3:R"), events);
    }

    /** A row in both files (overlapping windows) is still left out once, and the copy does not change the order. */
    @Test
    void aRowInBothFilesCountsOnceAndKeepsTheOrder() throws Exception {
        Path rt = log("rt.csv", List.of(r(), t()));
        Path rd = log("rd.csv", List.of(r(), d()));
        for (List<Path> files : List.of(List.of(rt, rd), List.of(rd, rt))) {
            LogAnalysis a = analyze(files);
            assertEquals(List.of(0L, 1L), a.files().stream().map(AnalysedFile::copiesLeftOut).toList(),
                    "the R of the file given later is the copy");
            MessageChain c = a.chains().getFirst();
            assertEquals("RTD", c.eventLetters());
            assertEquals(1, c.retriesBeforeDelivery());
        }
    }
}
