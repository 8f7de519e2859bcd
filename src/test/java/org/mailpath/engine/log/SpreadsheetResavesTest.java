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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.analysis.UnusableLogException;

/**
 * A log opened in Excel or LibreOffice, changed and saved again: a column deleted or added, the file saved as a
 * workbook, every line put in one cell, quotes lost around a field with commas, dates and numbers re-formatted. Each
 * is read where it can be, or refused with what happened and how to save the file instead.
 */
class SpreadsheetResavesTest {

    private static final Locale SWEDISH = Locale.of("sv");
    private static final String R1 = row("11/16/2026 8:00", "R", "a@contoso.example", "m1", "", "");
    private static final String B1 = row("11/16/2026 8:01", "P", "a@contoso.example", "m1",
            "550 5.1.1 User unknown", TLS);

    @TempDir
    Path dir;

    @Test
    void aDeletedDeliveryStatusColumnIsSaidOnceNamingTheFile() throws Exception {
        LogFixtures.Result r = read(LogFixtures.writeWithout(dir, "nostatus.csv", List.of(14), R1, B1));
        assertEquals(2, r.rows().size());
        List<FileProblem> said = r.summary().problems().stream()
                .filter(p -> p.message().contains("no Delivery Status column")).toList();
        assertEquals(1, said.size(), r.summary().problems().toString());
        assertTrue(said.getFirst().message().startsWith("nostatus.csv has no Delivery Status column"),
                said.getFirst().message());
        assertTrue(said.getFirst().message().contains("every bounce and deferral counts as Unknown"));
        assertTrue(said.getFirst().messageText().orElseThrow().in(SWEDISH).startsWith(
                "nostatus.csv har ingen kolumn Delivery Status"));
        // a log with the column says nothing of the kind
        assertFalse(read(write(dir, "full.csv", lines(HEADER, R1, B1))).hasProblem("Delivery Status column"));
    }

    @Test
    void theDocumentedColumnNameWinsOverAnotherNameOfIt() throws Exception {
        // a notes column "Status" added before the log's own columns, then after them
        String before = lines("\"Status\"," + HEADER, "\"called them\"," + R1, "\"called them\"," + B1);
        String after = lines(HEADER + ",\"Status\"", R1 + ",\"called them\"", B1 + ",\"called them\"");
        for (String text : List.of(before, after)) {
            LogFixtures.Result r = read(write(dir, "notes.csv", text));
            assertEquals(2, r.rows().size());
            assertEquals("550 5.1.1 User unknown", r.rows().get(1).deliveryStatus());
            assertTrue(r.hasProblem("The column Status was not read as Delivery Status: the header also has a column"
                    + " named Delivery Status, which was used"), r.summary().problems().toString());
            assertFalse(r.hasProblem("more than once"), r.summary().problems().toString());
        }
        // without the documented name, the other name is the column, as before
        LogFixtures.Result alone = read(write(dir, "alone.csv", lines(HEADER.replace("\"Delivery Status\"",
                "\"Status\""), R1, B1)));
        assertEquals("550 5.1.1 User unknown", alone.rows().get(1).deliveryStatus());
    }

    @Test
    void aLogWithNeitherIdColumnIsRefusedOnceNamingBoth() {
        UnusableLogException e = assertThrows(UnusableLogException.class,
                () -> read(LogFixtures.writeWithout(dir, "noids.csv", List.of(1, 8), R1, B1)));
        assertTrue(e.getMessage().startsWith("noids.csv has a header row, but neither a Message ID Header nor an"
                + " Internal Message ID column (it has: Date, Mail Event, Recipient"), e.getMessage());
        assertFalse(e.getMessage().contains("are empty"), e.getMessage());
        assertTrue(e.messageText().orElseThrow().in(SWEDISH).startsWith("noids.csv har en rubrikrad men varken"));
    }

    @Test
    void anExcelWorkbookIsSaidToBeOneAsItselfRenamedOrInsideAZip() throws Exception {
        byte[] xlsx = zip("[Content_Types].xml", "<Types/>", "_rels/.rels", "<Relationships/>",
                "xl/workbook.xml", "<workbook/>", "xl/worksheets/sheet1.xml", "<worksheet/>");
        for (String name : List.of("log.xlsx", "log.csv", "log.zip")) {
            UnusableLogException e = assertThrows(UnusableLogException.class, () -> read(write(dir, name, xlsx)));
            assertEquals(name + " is an Excel workbook (.xlsx), not a CSV file: open it in Excel and use Save As > CSV"
                    + " UTF-8 (Comma delimited), then analyse that file. Better still, use the CSV file exported from"
                    + " Salesforce as it is.", e.getMessage());
        }
        UnusableLogException inZip = assertThrows(UnusableLogException.class,
                () -> read(write(dir, "sent.zip", zip(List.of("log.xlsx"), List.of(xlsx)))));
        assertTrue(inZip.getMessage().startsWith("sent.zip contains log.xlsx, a spreadsheet workbook, not a CSV file"),
                inZip.getMessage());
        byte[] ods = zip("mimetype", "application/vnd.oasis.opendocument.spreadsheet", "content.xml", "<x/>",
                "META-INF/manifest.xml", "<m/>");
        UnusableLogException calc = assertThrows(UnusableLogException.class, () -> read(write(dir, "log.ods", ods)));
        assertTrue(calc.getMessage().startsWith("log.ods is an OpenDocument spreadsheet (.ods), not a CSV file"),
                calc.getMessage());
        // another zip of XML files is still one to unzip
        UnusableLogException other = assertThrows(UnusableLogException.class,
                () -> read(write(dir, "xml.zip", zip("a.xml", "<a/>", "b.xml", "<b/>"))));
        assertTrue(other.getMessage().contains("none of them is a CSV file"), other.getMessage());
    }

    @Test
    void eachLineInOneCellHoldingTheCommasIsSaidSo() {
        // German Excel opened the comma file (everything in column A) and saved it: each line one quoted field
        String text = lines(quoted(HEADER), quoted(R1), quoted(B1));
        UnusableLogException e = assertThrows(UnusableLogException.class,
                () -> read(write(dir, "colA.csv", text)));
        assertTrue(e.getMessage().contains("Each line is one field that holds the commas: the comma-separated log was"
                + " opened in a spreadsheet that separates fields by semicolons"), e.getMessage());
        assertFalse(e.getMessage().contains("not separated by commas"), e.getMessage());
        // one column without commas in it is still the plain single-column refusal
        UnusableLogException plain = assertThrows(UnusableLogException.class,
                () -> read(write(dir, "one.csv", lines("hello", "world", "again"))));
        assertFalse(plain.getMessage().contains("holds the commas"), plain.getMessage());
    }

    @Test
    void rowsWithMoreFieldsThanTheHeaderAreNamedWithTheColumnsTheyMayHaveCut() throws Exception {
        String unquoted = B1.replace("\"550 5.1.1 User unknown\"", "550 5.1.1 User unknown, try later");
        String other = row("11/16/2026 8:02", "P", "b@contoso.example", "m2", "x", TLS)
                .replace("\"x\"", "554 Denied, see, the page");
        LogFixtures.Result r = read(write(dir, "unquoted.csv", lines(HEADER, R1, unquoted, R1.replace("m1", "m3"),
                other)));
        assertEquals(4, r.rows().size());
        assertEquals("550 5.1.1 User unknown", r.rows().get(1).deliveryStatus(), "read as it stands, not repaired");
        assertTrue(r.hasProblem("2 rows have more fields than the header (lines 3, 5): a field holding a comma was"
                + " probably saved without its quotes"), r.summary().problems().toString());
        assertTrue(r.hasProblem("their Delivery Status, TLS_Cipher, TLS_Verified may be cut short"));
        assertFalse(r.hasProblem("different number of columns"), r.summary().problems().toString());
        // a row with fewer fields is still said as before
        LogFixtures.Result shorter = read(write(dir, "short.csv", lines(HEADER, R1, B1.substring(0,
                B1.lastIndexOf(',')))));
        assertTrue(shorter.hasProblem("1 row has a different number of columns than the header (line 3)"),
                shorter.summary().problems().toString());
    }

    @Test
    void emptyFieldsBeyondTheHeaderLostNoQuotes() throws Exception {
        // a trailing comma on every data row (an empty column a spreadsheet kept) splits no field
        LogFixtures.Result r = read(write(dir, "trailing.csv", lines(HEADER, R1 + ",", B1 + ",")));
        assertEquals("550 5.1.1 User unknown", r.rows().get(1).deliveryStatus());
        assertFalse(r.hasProblem("more fields than the header"), r.summary().problems().toString());
        assertTrue(r.hasProblem("2 rows have a different number of columns than the header"),
                r.summary().problems().toString());
    }

    /** The import step's warning sign: each of these changes what the analysis reads, so it is an assumption. */
    @Test
    void lostQuotesAMissingStatusColumnAndDottedShortYearsAreAssumptions() throws Exception {
        String unquoted = B1.replace("\"550 5.1.1 User unknown\"", "550 5.1.1 User unknown, try later");
        List<LogFixtures.Result> reads = List.of(read(write(dir, "quotes.csv", lines(HEADER, R1, unquoted))),
                read(LogFixtures.writeWithout(dir, "nostatus2.csv", List.of(14), R1, B1)),
                read(write(dir, "yy2.csv", lines(HEADER, R1.replace("11/16/2026 8:00", "16.11.26 08:00")))));
        for (LogFixtures.Result r : reads) {
            assertTrue(r.summary().problems().stream().anyMatch(ReadAssumptions::isOne),
                    r.summary().problems().toString());
        }
        // a thousands separator is read exactly: no assumption, and its warning quotes no made-up value
        LogFixtures.Result bytes = read(write(dir, "bytes2.csv", lines(HEADER, R1.replace("\"1000\"", "\"1,000\""))));
        assertTrue(bytes.summary().problems().stream().noneMatch(ReadAssumptions::isOne));
        assertFalse(bytes.hasProblem("11,856"), bytes.summary().problems().toString());
    }

    @Test
    void spreadsheetDateFormsAreReadOrRefusedByName() throws Exception {
        LogDates dates = new LogDates();
        Instant eight = Instant.parse("2026-11-16T08:00:00Z");
        assertEquals(eight, dates.parse("11/16/26 08:00 AM").orElseThrow().time());
        assertEquals(eight, dates.parse("11/16/2026 8:00:00 AM").orElseThrow().time());
        assertEquals(Instant.parse("2026-11-16T20:30:00Z"), dates.parse("11/16/2026 8:30 PM").orElseThrow().time());
        assertEquals(Instant.parse("2026-11-16T00:05:00Z"), dates.parse("11/16/2026 12:05 AM").orElseThrow().time());
        ParsedDate noon = dates.parse("11/16/2026 12:05 pm").orElseThrow();
        assertEquals(Instant.parse("2026-11-16T12:05:00Z"), noon.time());
        assertTrue(noon.twelveHour());
        assertTrue(dates.parse("11/16/2026 13:05 PM").isEmpty(), "no 24-hour time with PM");
        assertTrue(dates.parse("11/16/2026 0:05 AM").isEmpty());
        ParsedDate dottedShort = dates.parse("16.11.26 08:00").orElseThrow();
        assertEquals(eight, dottedShort.time());
        assertTrue(dottedShort.dotted() && dottedShort.twoDigitYear());

        LogFixtures.Result ampm = read(write(dir, "ampm.csv", lines(HEADER, R1.replace("11/16/2026 8:00",
                "11/16/2026 8:00:00 AM"), B1.replace("11/16/2026 8:01", "11/16/2026 8:01 PM"))));
        assertEquals(Instant.parse("2026-11-16T20:01:00Z"), ampm.rows().get(1).time());
        assertTrue(ampm.hasProblem("2 rows have a time with AM or PM (first on line 2"));
        LogFixtures.Result dotted = read(write(dir, "yy.csv", lines(HEADER, R1.replace("11/16/2026 8:00",
                "16.11.26 08:00"))));
        assertEquals(eight, dotted.rows().getFirst().time());
        assertTrue(dotted.hasProblem("1 row has a dotted date with a two-digit year (line 2, d.M.yy"));

        UnusableLogException serial = assertThrows(UnusableLogException.class, () -> read(write(dir, "serial.csv",
                lines(HEADER, R1.replace("11/16/2026 8:00", "46342.33333333")))));
        assertTrue(serial.getMessage().contains("'46342.33333333' is an Excel serial number (days since 1900), not a"
                + " date"), serial.getMessage());
        UnusableLogException dateOnly = assertThrows(UnusableLogException.class, () -> read(write(dir, "day.csv",
                lines(HEADER, R1.replace("11/16/2026 8:00", "11/16/2026")))));
        assertTrue(dateOnly.getMessage().contains("'11/16/2026' is a date without a time"), dateOnly.getMessage());
        assertTrue(dateOnly.messageText().orElseThrow().in(SWEDISH).contains("är ett datum utan tid"));
        // other cells that are no date are still named with the forms the reader takes
        assertTrue(LogDates.spreadsheetForm("yesterday").isEmpty());
        assertTrue(LogDates.spreadsheetForm("12345").isEmpty(), "a number far from this century's dates");
    }

    @Test
    void aThousandsSeparatorIsReadAsTheNumberItGroups() throws Exception {
        LogFixtures.Result r = read(write(dir, "bytes.csv", lines(HEADER, R1.replace("\"1000\"", "\"11,856\""),
                B1.replace("\"1000\"", "\"1,234,567\""), R1.replace("m1", "m2").replace("\"1000\"", "\"1,23\""))));
        assertEquals(11_856, r.rows().get(0).bytes());
        assertEquals(1_234_567, r.rows().get(1).bytes());
        assertEquals(0, r.rows().get(2).bytes(), "not groups of three: no number");
        assertTrue(r.hasProblem("2 numbers have a thousands separator (first on line 2, Bytes Transferred"),
                r.summary().problems().toString());
        assertTrue(r.hasProblem("1 cell that should hold a number does not (line 4, Bytes Transferred)"));
    }

    /**
     * The reviewer's byte counts: grouped by dots (German), by spaces, no-break or narrow no-break spaces (French,
     * Swedish), or with a fraction of zeros after a decimal comma, were read as 0 with a warning; a byte count is a
     * whole number, so they read unambiguously. A fraction that is not zero, or groups that are not of three, do not.
     */
    @Test
    void bytesGroupedOrWithAZeroFractionAreReadAsTheirNumber() throws Exception {
        List<String> cells = List.of("12.633", "1 263 300", "1\u00A0263\u00A0300", "1\u202F263\u202F300", "11856,0",
                "11856.00", "1.263.300,0", "1,263,300.0", "11856,5", "1,263.300", "1,263,300,0", "12.63");
        List<Long> expected = List.of(12_633L, 1_263_300L, 1_263_300L, 1_263_300L, 11_856L, 11_856L, 1_263_300L,
                1_263_300L, 0L, 0L, 0L, 0L);
        StringBuilder text = new StringBuilder(HEADER).append("\r\n");
        for (int i = 0; i < cells.size(); i++) {
            text.append(R1.replace("m1", "m" + i).replace("\"1000\"", "\"" + cells.get(i) + "\"")).append("\r\n");
        }
        LogFixtures.Result r = read(write(dir, "bytes3.csv", text.toString()));
        for (int i = 0; i < cells.size(); i++) {
            assertEquals(expected.get(i), r.rows().get(i).bytes(), cells.get(i));
        }
        assertTrue(r.hasProblem("6 numbers have a thousands separator (first on line 2, Bytes Transferred"),
                r.summary().problems().toString());
        assertTrue(r.hasProblem("4 numbers have a decimal fraction of zero (first on line 6, Bytes Transferred"),
                r.summary().problems().toString());
        assertTrue(r.hasProblem("4 cells that should hold a number do not (first on line 10, Bytes Transferred)"),
                r.summary().problems().toString());
    }

    /** {@code line} as one CSV field: quoted, its quotes doubled. */
    private static String quoted(String line) {
        return "\"" + line.replace("\"", "\"\"") + "\"";
    }

    /** A zip of entries given as name, text, name, text, ... */
    private static byte[] zip(String... namesAndTexts) throws IOException {
        List<String> names = new java.util.ArrayList<>();
        List<byte[]> contents = new java.util.ArrayList<>();
        for (int i = 0; i < namesAndTexts.length; i += 2) {
            names.add(namesAndTexts[i]);
            contents.add(namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return zip(names, contents);
    }

    private static byte[] zip(List<String> names, List<byte[]> contents) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (int i = 0; i < names.size(); i++) {
                z.putNextEntry(new ZipEntry(names.get(i)));
                z.write(contents.get(i));
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
