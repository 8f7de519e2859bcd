package org.mailpath.engine.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A title line (or a few) above a real header: the header is looked for within the first lines, the lines above it
 * are skipped with a warning, and the columns (TLS ones included) are those the header names.
 */
class TitleAboveHeaderTest {

    @TempDir
    Path dir;

    private static final String TITLE = "Salesforce Email Log - requested 11/17/2026";

    private Path withTitle(String sample, String... above) throws Exception {
        String content = Files.readString(LogFixtures.sample(sample), StandardCharsets.UTF_8);
        return LogFixtures.write(dir, "titled-" + sample, String.join("\r\n", above) + "\r\n" + content);
    }

    private static boolean hasProblem(LogFixtures.Result r, String text) {
        return r.summary().problems().stream().anyMatch(p -> p.message().contains(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"synthetic-japanese-header-reordered.csv", "sample-email-log.csv",
        "synthetic-semicolon.csv"})
    void aTitleAboveTheHeaderIsSkippedAndTheHeaderRead(String sample) throws Exception {
        LogFixtures.Result r = LogFixtures.read(withTitle(sample, TITLE));
        assertEquals(99, r.summary().rows());
        assertEquals(0, r.summary().rejectedRows());
        assertEquals(Instant.parse("2026-11-16T08:00:00Z"), r.rows().getFirst().time());
        assertEquals("alice@contoso.example", r.rows().getFirst().recipient());
        assertEquals(3, r.rows().getFirst().line(), "lines counted from the file's first");
        assertTrue(hasProblem(r, "Line 1 was skipped: it is above the header (line 2)"), r.summary().problems()
                .toString());
        assertFalse(hasProblem(r, "no TLS_Cipher column"), "the TLS columns are decided from the header");
        assertFalse(hasProblem(r, "documented order"), "the columns were read by name");
        assertFalse(r.summary().mapping().positional());
    }

    @Test
    void aTitleHoldingACommaDoesNotDecideTheSeparatorOfASemicolonFile() throws Exception {
        // a BOM, ';' and dotted dates, as a European spreadsheet saves it, under a title with commas in it
        String content = Files.readString(LogFixtures.sample("synthetic-semicolon.csv"), StandardCharsets.UTF_8)
                .replaceAll("\"11/16/2026 ", "\"16.11.2026 ");
        Path file = LogFixtures.write(dir, "titled-comma.csv", "\uFEFFSalesforce Email Log, requested 16.11.2026, "
                + "by J. Smith\r\n" + content);
        LogFixtures.Result r = LogFixtures.read(file);
        assertEquals(99, r.summary().rows());
        assertEquals(0, r.summary().rejectedRows(), r.summary().problems().toString());
        assertEquals(Instant.parse("2026-11-16T08:00:00Z"), r.rows().getFirst().time());
        assertTrue(hasProblem(r, "Line 1 was skipped: it is above the header (line 2)"), r.summary().problems()
                .toString());
    }

    @Test
    void aTitleHoldingASemicolonDoesNotDecideTheSeparatorOfATabFile() throws Exception {
        String content = Files.readString(LogFixtures.sample("synthetic-semicolon.csv"), StandardCharsets.UTF_8)
                .replace("\";\"", "\"\t\"");
        Path file = LogFixtures.write(dir, "titled-tab.csv", "Email Log; export\r\n" + content);
        LogFixtures.Result r = LogFixtures.read(file);
        assertEquals(99, r.summary().rows());
        assertEquals(0, r.summary().rejectedRows(), r.summary().problems().toString());
        assertEquals("alice@contoso.example", r.rows().getFirst().recipient());
    }

    @Test
    void withoutAHeaderTheFirstLineHoldingASeparatorDecides() {
        assertEquals(';', DelimiterSniff.of("\r\n\"11/16/2026 8:00:00\";\"a,b\";\"R\"\r\nx,y,z,w"));
        assertEquals(',', DelimiterSniff.of("Salesforce Email Log - requested 11/17/2026\r\na,b;c,d"));
        assertEquals('\t', DelimiterSniff.of("Title, with comma\r\n\"Date\"\t\"Mail Event\"\tRecipient"));
    }

    @Test
    void eachCellNamingAColumnCountsForTheSeparatorAColumnNamedTwiceToo() {
        // split by ',' two cells name Date, the second once more, and by ';' two name Recipient and Mail Event: as
        // many, and ',' comes first; with one Date cell fewer, ';' has the most
        assertEquals(',', DelimiterSniff.of("Date,Date,Date;Recipient;Event\r\n"));
        assertEquals(';', DelimiterSniff.of("Date,Date;Recipient;Event\r\n"));
    }

    /**
     * A column named by its label and by another name ("Delivery Status" beside a "Status" notes column): the other
     * name is overruled, not a duplicate, yet both cells name the column, as they did before the label won.
     */
    @Test
    void aCellOverruledByTheLabelCountsForTheSeparatorToo() {
        assertEquals(2, ColumnMapping.fromHeader(new String[] {"Status", "Delivery Status"}).namingCells());
        // split by ',' Status and Delivery Status, by ';' Recipient and Mail Event: as many, and ',' comes first
        assertEquals(',', DelimiterSniff.of("Status,Delivery Status,Date;Recipient;Event\r\n"));
    }

    @Test
    void aTitleAboveARepeatedHeaderIsSaidAsOne() throws Exception {
        // two titled exports joined with cat: the second title is no row "not a date" with too few columns
        String content = Files.readString(LogFixtures.sample("sample-email-log.csv"), StandardCharsets.UTF_8);
        String titled = TITLE + "\r\n" + content + (content.endsWith("\n") ? "" : "\r\n");
        long secondTitle = titled.lines().count() + 1;
        Path file = LogFixtures.write(dir, "joined.csv", titled + titled);
        LogFixtures.Result r = LogFixtures.read(file);
        assertEquals(198, r.summary().rows());
        assertEquals(0, r.summary().rejectedRows(), r.summary().problems().toString());
        assertTrue(hasProblem(r, "Line " + secondTitle + " looks like a title above a repeated header"),
                r.summary().problems().toString());
        assertTrue(hasProblem(r, "The header row is repeated once inside the file (on line " + (secondTitle + 1)),
                r.summary().problems().toString());
        assertFalse(hasProblem(r, "different number of columns"), r.summary().problems().toString());
        // a short row that is followed by data is still read as a row, and rejected for its date
        Path notTitle = LogFixtures.write(dir, "short.csv", content + (content.endsWith("\n") ? "" : "\r\n")
                + "\"no date\",\"x\"\r\n" + content.lines().skip(1).findFirst().orElseThrow() + "\r\n");
        LogFixtures.Result shortRow = LogFixtures.read(notTitle);
        assertEquals(1, shortRow.summary().rejectedRows());
        assertFalse(hasProblem(shortRow, "looks like a title"));
        // in two halves as in one pass, wherever the cut falls
        for (Path f : new Path[] {file, LogFixtures.write(dir, "three.csv", titled + titled + titled)}) {
            PartedRead<PartRows> single = PartRows.readInParts(f, Long.MAX_VALUE);
            PartedRead<PartRows> halves = PartRows.readInParts(f, 0);
            assertEquals(single.summary(), halves.summary());
            assertEquals(PartRows.rows(single), PartRows.rows(halves));
        }
    }

    @Test
    void severalLinesAboveTheHeaderAreNamed() throws Exception {
        LogFixtures.Result r = LogFixtures.read(withTitle("sample-email-log.csv", TITLE, "", "Filter: all users,",
                "\"Exported by\",\"admin\""));
        assertEquals(99, r.summary().rows());
        assertEquals(0, r.summary().rejectedRows());
        assertTrue(hasProblem(r, "Lines 1 to 4 were skipped (4 lines): they are above the header (line 5)"),
                r.summary().problems().toString());
    }

    @Test
    void aBlankLineBetweenTheTitleAndTheHeaderIsAmongTheLinesSkipped() throws Exception {
        // a title block as a report tool writes it: each line followed by a blank one, the header on line 5
        LogFixtures.Result r = LogFixtures.read(withTitle("sample-email-log.csv", "\"Email Log Report\"", "",
                "\"Generated 11/17/2026\"", ""));
        assertEquals(99, r.summary().rows());
        assertTrue(hasProblem(r, "Lines 1 to 4 were skipped (4 lines): they are above the header (line 5)"),
                r.summary().problems().toString());
    }

    @Test
    void noHeaderWithinTheFirstLinesKeepsTheOldReading() throws Exception {
        // a first line neither header nor data, then data rows: skipped as an unknown header, as before
        String rows = Files.readString(LogFixtures.sample("synthetic-no-header.csv"), StandardCharsets.UTF_8);
        LogFixtures.Result r = LogFixtures.read(LogFixtures.write(dir, "t.csv", TITLE + "\r\n" + rows));
        assertEquals(99, r.summary().rows());
        assertEquals(0, r.summary().rejectedRows());
        assertTrue(hasProblem(r, "Line 1 does not look like a known header"), r.summary().problems().toString());
        assertFalse(hasProblem(r, "above the header"));
    }

    @Test
    void aHeaderBeyondTheLinesLookedAtIsNotSearchedFor() throws Exception {
        String[] above = new String[HeaderLines.HEADER_SEARCH_LINES];
        for (int i = 0; i < above.length; i++) {
            above[i] = "note " + i + ",x";
        }
        LogFixtures.Result r;
        try {
            r = LogFixtures.read(withTitle("sample-email-log.csv", above));
        } catch (org.mailpath.engine.analysis.UnusableLogException e) {
            return; // refused: every row rejected against the documented order is also not a silent misreading
        }
        assertFalse(hasProblem(r, "above the header"));
    }

    @Test
    void twoPartReadOfATitledFileEqualsOnePass() throws Exception {
        StringBuilder log = new StringBuilder(TITLE).append("\r\n");
        log.append(LogFixtures.quirkyLog(3000, "\r\n", false));
        Path file = LogFixtures.write(dir, "titled-big.csv", log.toString());
        PartedRead<PartRows> single = PartRows.readInParts(file, Long.MAX_VALUE);
        PartedRead<PartRows> halves = PartRows.readInParts(file, 0);
        assertEquals(2, halves.parts().size(), "read in two halves");
        assertEquals(single.summary(), halves.summary());
        assertEquals(PartRows.rows(single), PartRows.rows(halves));
        assertTrue(single.summary().problems().stream().anyMatch(p -> p.message().contains("above the header")));
    }
}
