package org.mailpath.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.mailpath.engine.log.LogFixtures.TLS;
import static org.mailpath.engine.log.LogFixtures.row;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.log.FileProblem;
import org.mailpath.engine.log.LogFixtures;

/**
 * A log joined from exports that overlap holds rows twice: an exact copy of an earlier row (every column equal) is
 * left out with one warning for the file, and a row that differs from another in any column is kept.
 */
class RowCopiesTest {

    private static final String A = "a@acme.example";
    private static final String GREYLISTED = "451 4.7.1 Greylisted, try again later";

    @TempDir
    Path dir;

    private LogAnalysis analyze(List<String> rows) throws UnusableLogException {
        return LogFixtures.analyze(LogFixtures.writeLog(dir, "log.csv", rows));
    }

    @Test
    void everyRowTwiceCountsOnceWithOneWarning() throws Exception {
        List<String> rows = new ArrayList<>();
        for (String r : List.of(row("3/6/2009 13:37", "R", A, "m", "", ""),
                row("3/6/2009 13:37", "T", A, "m", GREYLISTED, ""),
                row("3/6/2009 13:42", "T", A, "m", GREYLISTED, ""),
                row("3/6/2009 14:00", "P", A, "m", "550 5.1.1 user unknown", ""))) {
            rows.add(r);
            rows.add(r);
        }
        LogAnalysis a = analyze(rows);

        MessageChain c = a.chains().getFirst();
        assertEquals("RTTP", c.eventLetters());
        assertEquals(2, c.retries());
        assertEquals(List.of(2L, 4L, 6L, 8L), c.events().stream().map(ChainEvent::line).toList(),
                "the first of each pair is kept");
        assertEquals(8, a.rows(), "rows read, copies included");
        FileProblem warning = a.problems().getFirst();
        assertEquals(1, a.problems().size());
        assertEquals(3, warning.line());
        assertFalse(warning.rejected());
        assertEquals("4 rows are exact copies of an earlier row, every column the same (lines 3, 5, 7, 9; line 3"
                + " repeats line 2): the log was probably joined from exports whose time windows overlap. The copies"
                + " were left out, so no event or retry counts twice.", warning.message());
        assertEquals("4 rader är exakta kopior av en tidigare rad, med alla kolumner lika (rad 3, 5, 7, 9; rad 3"
                + " upprepar rad 2): loggen är troligen ihopsatt av exporter vars tidsfönster överlappar. Kopiorna"
                + " lämnades utanför, så ingen händelse och inget nytt försök räknas två gånger.",
                warning.message(Locale.of("sv")));
    }

    @Test
    void joinedExportsLoseOnlyTheOverlapAndTheWarningListsTheFirstCopies() throws Exception {
        List<String> first = new ArrayList<>();
        for (int m = 0; m < 10; m++) {
            first.add(row(LogFixtures.date(60 * m), "R", "u" + m + "@acme.example", "m" + m, "", ""));
            first.add(row(LogFixtures.date(60 * m + 1), "T", "u" + m + "@acme.example", "m" + m, GREYLISTED, ""));
        }
        List<String> rows = new ArrayList<>(first);
        // the second export starts at the first one's fourth message
        rows.addAll(first.subList(6, first.size()));
        rows.add(row(LogFixtures.date(900), "D", "u9@acme.example", "m9", "250 OK", TLS));
        LogAnalysis a = analyze(rows);

        assertEquals(10, a.messages());
        assertEquals(10, a.count(Verdict.DEFERRED) + a.count(Verdict.DELIVERED));
        assertEquals(1, a.count(Verdict.DELIVERED));
        assertEquals("RTD", a.chains().get(9).eventLetters());
        a.chains().forEach(c -> assertEquals(1, c.retries(), c.recipient()));
        assertEquals("14 rows are exact copies of an earlier row, every column the same (lines 22, 23, 24, 25, 26"
                + " \u2026; line 22 repeats line 8): the log was probably joined from exports whose time windows"
                + " overlap. The copies were left out, so no event or retry counts twice.",
                a.problems().getFirst().message());
    }

    @Test
    void oneCopyIsNamedWithItsOriginal() throws Exception {
        String r = row("3/6/2009 13:37", "R", A, "m", "", "");
        LogAnalysis a = analyze(List.of(r, row("3/6/2009 13:38", "D", A, "m", "250 OK", TLS), r));
        assertEquals("RD", a.chains().getFirst().eventLetters());
        assertEquals(List.of("Line 4 is an exact copy of line 2 (every column the same): the log was probably joined"
                + " from exports that overlap. The copy was left out, so nothing counts twice."),
                a.problems().stream().map(FileProblem::message).toList());
    }

    @Test
    void aRowThatDiffersInAnyColumnIsKept() throws Exception {
        String original = "\"2009-03-06T13:37:00Z\",\"16/A4-m\",\"T\",\"a@acme.example\",\"user@acme.example\","
                + "\"10.0.0.1\",\"1000\",\"005000000000001\",\"m@sfdc.example\",\"1\",\"300\",\"during RCPT TO\","
                + "\"192.0.2.1\",\"mx.example\",\"451 4.7.1 Greylisted\",\"TLSv1.2\",\"Verified\"";
        List<String> rows = new ArrayList<>(List.of(original));
        for (String[] change : new String[][] {
            {"13:37:00Z", "13:37:00.5Z"}, {"16/A4-m", "16/A4-n"}, {"user@acme", "other@acme"},
            {"\"a@acme.example\"", "\"A@acme.example\""}, {"10.0.0.1", "10.0.0.2"}, {"\"1000\"", "\"1001\""},
            {"005000000000001", "005000000000002"}, {"\"1\",\"300\"", "\"2\",\"300\""}, {"\"300\"", "\"301\""},
            {"during RCPT TO", "during DATA"}, {"192.0.2.1", "192.0.2.2"}, {"mx.example", "mx2.example"},
            {"Greylisted", "Greylisted again"}, {"TLSv1.2", "TLSv1.3"}, {"Verified", "Unverified"}}) {
            String variant = original.replace(change[0], change[1]);
            assertFalse(variant.equals(original), change[0]);
            rows.add(variant);
        }
        LogAnalysis a = analyze(rows);

        assertEquals(1, a.messages());
        assertEquals(rows.size(), a.chains().getFirst().events().size());
        assertEquals(rows.size(), a.chains().getFirst().retries());
        assertEquals(List.of(), a.problems());
    }

    @Test
    void rowsThatDifferFromTheFirstRowAreStillToldApartFromEachOther() throws Exception {
        // rows of a second hop, with their own Internal Message ID: compared by their hash, not as "the first row's"
        String hop = row("3/6/2009 13:40", "T", A, "m", GREYLISTED, "").replace("16/A4-m", "16/B7-m");
        LogAnalysis a = analyze(List.of(row("3/6/2009 13:37", "R", A, "m", "", ""), hop,
                hop.replace("16/B7-m", "16/C9-m"), hop));
        assertEquals("RTT", a.chains().getFirst().eventLetters());
        assertEquals(List.of(2L, 3L, 4L), a.chains().getFirst().events().stream().map(ChainEvent::line).toList());
        assertEquals(5, a.problems().getFirst().line());
    }

    @Test
    void theSampleWithEveryRowTwiceGivesTheSampleResult() throws Exception {
        List<String> lines = Files.readAllLines(LogFixtures.sample("sample-email-log.csv"));
        List<String> doubled = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            doubled.add(line);
            doubled.add(line);
        }
        LogAnalysis once = LogFixtures.analyze(LogFixtures.sample("sample-email-log.csv"));
        LogAnalysis twice = analyze(doubled);

        assertEquals(once.verdicts(), twice.verdicts());
        assertEquals(once.deliveredAfterRetry(), twice.deliveredAfterRetry());
        assertEquals(once.domains(), twice.domains());
        assertEquals(once.chains().stream().map(c -> c.eventLetters() + c.retries() + c.status()).toList(),
                twice.chains().stream().map(c -> c.eventLetters() + c.retries() + c.status()).toList());
        assertEquals(lines.size() - 1, twice.problems().size() == 1
                ? Long.parseLong(twice.problems().getFirst().message().split(" ")[0]) : -1);
    }

    /**
     * A thousand identical rows of one message in one second: one event, 999 copies. Copies were looked for among the
     * 256 events before a row, copies included but never matched, so every 257th row was kept again (996 copies
     * said, three retries counted).
     */
    @Test
    void aRowRepeatedAThousandTimesInOneSecondCountsOnce() throws Exception {
        List<String> rows = new ArrayList<>();
        rows.add(row("3/6/2009 13:37", "R", A, "m", "", ""));
        for (int i = 0; i < 1000; i++) {
            rows.add(row("3/6/2009 13:37", "T", A, "m", GREYLISTED, ""));
        }
        LogAnalysis a = analyze(rows);

        MessageChain c = a.chains().getFirst();
        assertEquals("RT", c.eventLetters());
        assertEquals(1, c.retries());
        assertEquals(1, a.problems().size());
        assertEquals("999 rows are exact copies of an earlier row, every column the same (lines 4, 5, 6, 7, 8 …; line 4"
                + " repeats line 3): the log was probably joined from exports whose time windows overlap. The copies"
                + " were left out, so no event or retry counts twice.", a.problems().getFirst().message());
    }
}
