package org.mailpath.engine.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.engine.log.LogFixtures.HEADER;
import static org.mailpath.engine.log.LogFixtures.TLS;
import static org.mailpath.engine.log.LogFixtures.lines;
import static org.mailpath.engine.log.LogFixtures.read;
import static org.mailpath.engine.log.LogFixtures.row;
import static org.mailpath.engine.log.LogFixtures.write;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.analysis.UnusableLogException;

/**
 * Rows that hold only separators (Excel's leftovers of rows whose contents were deleted) are no data rows, but they
 * are never skipped without a word: counted, their lines said in runs, in one warning.
 */
class SeparatorOnlyRowsTest {

    private static final Locale SWEDISH = Locale.of("sv");
    /** What Excel writes for an emptied row of a 17-column log. */
    private static final String EMPTIED = ",".repeat(16);
    private static final String R1 = row("3/06/2009 13:37", "R", "admin@acme.example", "m1", "", "");
    private static final String D1 = row("3/06/2009 13:42", "D", "admin@acme.example", "m1", "250 2.0.0 OK", TLS);

    @TempDir
    Path dir;

    private static List<FileProblem> separatorWarnings(LogFixtures.Result r) {
        return r.summary().problems().stream().filter(p -> p.messageText()
                .filter(t -> t.key().startsWith("separatorOnly.")).isPresent()).toList();
    }

    @Test
    void trailingRowsOfSeparatorsAreCountedAndSaidInOneWarning() throws Exception {
        List<String> all = new ArrayList<>(List.of(HEADER, R1, D1));
        all.addAll(Collections.nCopies(9, EMPTIED));
        LogFixtures.Result r = read(write(dir, "trailing.csv", lines(all.toArray(String[]::new))));

        assertEquals(2, r.rows().size());
        assertEquals(2, r.summary().rows(), "not data rows: not in rows");
        assertEquals(0, r.summary().rejectedRows());
        assertEquals(9, r.summary().separatorOnlyRows());
        FileProblem warning = separatorWarnings(r).getFirst();
        assertEquals(1, r.summary().problems().size(), "the one warning: " + r.summary().problems());
        assertEquals(4, warning.line());
        assertEquals("", warning.field());
        assertEquals(false, warning.rejected());
        assertEquals("trailing.csv", warning.file());
        assertEquals("9 rows hold only separators (lines 4\u201312), probably rows Excel left behind after their"
                + " contents were deleted; they were skipped.", warning.message());
        assertEquals("9 rader innehåller bara avgränsare (rad 4\u201312), troligen rader som Excel lämnade kvar när"
                + " deras innehåll raderades; de hoppades över.", warning.message(SWEDISH));
    }

    @Test
    void separatorRowsInTheMiddleKeepTheirLinesAndTheRowsAroundThem() throws Exception {
        // blanks between separators are no data either; an empty line has no separator: no row of any shape
        LogFixtures.Result r = read(write(dir, "middle.csv",
                lines(HEADER, R1, " , ,\t,", "", D1, EMPTIED, EMPTIED, row("3/06/2009 13:50", "R", "b@acme.example",
                        "m2", "", ""))));
        assertEquals(List.of(2L, 5L, 8L), r.rows().stream().map(LogRow::line).toList());
        assertEquals(3, r.summary().separatorOnlyRows());
        FileProblem warning = separatorWarnings(r).getFirst();
        assertEquals(3, warning.line());
        assertTrue(warning.message().startsWith("3 rows hold only separators (lines 3, 6\u20137), "),
                warning.message());
    }

    @Test
    void oneRowOfSeparatorsIsSaidInTheSingular() throws Exception {
        LogFixtures.Result r = read(write(dir, "one.csv", lines(HEADER, R1, EMPTIED, D1)));
        assertEquals("1 row holds only separators (line 3), probably a row Excel left behind after its contents were"
                + " deleted; it was skipped.", separatorWarnings(r).getFirst().message());
        assertEquals("1 rad innehåller bara avgränsare (rad 3), troligen en rad som Excel lämnade kvar när dess"
                + " innehåll raderades; den hoppades över.", separatorWarnings(r).getFirst().message(SWEDISH));
    }

    @Test
    void emptyLinesAloneStaySilent() throws Exception {
        LogFixtures.Result r = read(write(dir, "empty-lines.csv", lines(HEADER, "", R1, "", "", D1, "")));
        assertEquals(2, r.rows().size());
        assertEquals(0, r.summary().separatorOnlyRows());
        assertEquals(List.of(), r.summary().problems());
    }

    @Test
    void aSemicolonFileCountsItsRowsOfSemicolons() throws Exception {
        String semicolons = lines(HEADER, R1, D1).replace(',', ';') + ";".repeat(16) + "\r\n;;;;;;;;;;;;;;;;\r\n";
        LogFixtures.Result r = read(write(dir, "semi.csv", semicolons));
        assertEquals(2, r.rows().size());
        assertEquals(2, r.summary().separatorOnlyRows());
        assertTrue(r.hasProblem("separated by ';'"), "the delimiter warning is still there");
        assertTrue(separatorWarnings(r).getFirst().message().startsWith("2 rows hold only separators (lines 4\u20135)"),
                separatorWarnings(r).getFirst().message());
    }

    @Test
    void theSampleSavedAgainWithSemicolonsAndExcelsLeftoversReadsAllItsRows() throws Exception {
        byte[] sample = Files.readAllBytes(LogFixtures.sample("synthetic-semicolon.csv"));
        String text = new String(sample, java.nio.charset.StandardCharsets.UTF_8);
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        long lines = text.lines().count();
        Path file = write(dir, "semicolon-leftovers.csv", text + (";".repeat(16) + newline).repeat(40));
        LogFixtures.Result r = read(file);
        assertEquals(99, r.summary().rows());
        assertEquals(40, r.summary().separatorOnlyRows());
        assertTrue(separatorWarnings(r).getFirst().message().startsWith("40 rows hold only separators (lines "
                + (lines + 1) + "\u2013" + (lines + 40) + ")"), separatorWarnings(r).getFirst().message());
    }

    @Test
    void onlyTheFirstRunsAreListedWhileEveryRowIsCounted() throws Exception {
        List<String> all = new ArrayList<>(List.of(HEADER));
        for (int i = 0; i < 25; i++) {
            all.add(row("3/06/2009 13:37", "R", "a@acme.example", "m" + i, "", ""));
            all.add(EMPTIED);
            all.add(EMPTIED);
        }
        LogFixtures.Result r = read(write(dir, "runs.csv", lines(all.toArray(String[]::new))));
        assertEquals(50, r.summary().separatorOnlyRows());
        assertEquals("50 rows hold only separators (lines 3\u20134, 6\u20137, 9\u201310, 12\u201313, 15\u201316,"
                + " 18\u201319, 21\u201322, 24\u201325, 27\u201328, 30\u201331 \u2026), probably rows Excel left"
                + " behind after their contents were deleted; they were skipped.",
                separatorWarnings(r).getFirst().message());
    }

    @Test
    void aFileOfSeparatorsAloneIsUnusableAndSaysSo() {
        Path file = write(dir, "only.csv", lines(EMPTIED, EMPTIED, EMPTIED));
        UnusableLogException e = assertThrows(UnusableLogException.class, () -> read(file));
        assertEquals("only.csv contains no data: its 3 rows hold only separators (rows whose contents were deleted in"
                + " a spreadsheet).", e.getMessage());
        assertEquals("only.csv innehåller inga data: dess 3 rader innehåller bara avgränsare (rader vars innehåll"
                + " raderades i ett kalkylprogram).", e.message(SWEDISH));
        UnusableLogException one = assertThrows(UnusableLogException.class,
                () -> read(write(dir, "one-only.csv", EMPTIED + "\r\n")));
        assertEquals("one-only.csv contains no data: its one row holds only separators (rows whose contents were"
                + " deleted in a spreadsheet).", one.getMessage());
    }

    /** The regression review: a header followed by emptied rows only said "no data rows", leaving out why. */
    @Test
    void aHeaderFollowedBySeparatorsAloneSaysWhatTheRowsHold() {
        UnusableLogException e = assertThrows(UnusableLogException.class,
                () -> read(write(dir, "header.csv", lines(HEADER, EMPTIED, EMPTIED))));
        assertEquals("header.csv has a header row but no data rows: the 2 rows after it hold only separators (rows"
                + " whose contents were deleted in a spreadsheet).", e.getMessage());
        assertEquals("header.csv har en rubrikrad men inga datarader: de 2 raderna efter den innehåller bara"
                + " avgränsare (rader vars innehåll raderades i ett kalkylprogram).", e.message(SWEDISH));
        UnusableLogException plain = assertThrows(UnusableLogException.class,
                () -> read(write(dir, "plain.csv", lines(HEADER))));
        // a valid export with no mail in it: worded for what it most likely is, with what to check
        assertEquals("plain.csv has a header row but no data rows: Salesforce logged no email in the time window of"
                + " this log, or none that matches the filters of the log request. Check the time window and the"
                + " filters of the log request, the Deliverability access level of the org (Setup > Deliverability;"
                + " new sandboxes start at System email only) and the email settings of the sending user.",
                plain.getMessage());
        assertTrue(plain.message(SWEDISH).startsWith("plain.csv har en rubrikrad men inga datarader: Salesforce"
                + " loggade ingen e-post"), plain.message(SWEDISH));
        assertTrue(plain.noMailLogged());
        assertFalse(e.noMailLogged(), "emptied rows are the file's own problem");
    }

    /**
     * Whatever the lines and wherever the cut, the rows of two parts joined give what one pass gives: the runs
     * kept, a run across the cut as one, the count of runs beyond the kept ones.
     */
    @Test
    void twoPartsJoinedEqualOnePass() {
        Random random = new Random(11);
        for (int round = 0; round < 2000; round++) {
            List<Long> lines = new ArrayList<>();
            long line = 0;
            int n = random.nextInt(60);
            for (int i = 0; i < n; i++) {
                line += random.nextInt(4) == 0 ? 2 + random.nextInt(5) : 1;
                lines.add(line);
            }
            long cut = line == 0 ? 0 : random.nextLong(line + 2);
            SeparatorOnlyRows whole = new SeparatorOnlyRows();
            SeparatorOnlyRows first = new SeparatorOnlyRows();
            SeparatorOnlyRows second = new SeparatorOnlyRows();
            for (long l : lines) {
                whole.add(l);
                (l < cut ? first : second).add(l);
            }
            first.absorb(second);
            assertEquals(whole.rows(), first.rows(), "round " + round);
            assertEquals(whole.warning(), first.warning(), "round " + round + ", lines " + lines + ", cut " + cut);
        }
    }
}
