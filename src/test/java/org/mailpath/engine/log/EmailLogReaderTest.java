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
import static org.mailpath.engine.log.LogFixtures.zip;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.LongStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mailpath.engine.analysis.UnusableLogException;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.CancelledException;
import org.mailpath.engine.finding.LocalText;

class EmailLogReaderTest {

    @TempDir
    Path dir;

    private static final String R1 = row("3/06/2009 13:37", "R", "admin@acme.example", "m1", "", "");
    private static final String D1 = row("3/06/2009 13:42", "D", "admin@acme.example", "m1", "250 2.0.0 OK", TLS);

    @ParameterizedTest
    @ValueSource(strings = {"sample-email-log.csv", "synthetic-semicolon.csv", "synthetic-bom-lf.csv",
        "synthetic-email-log.csv.gz", "synthetic-email-log.zip", "synthetic-iso-dates.csv",
        "synthetic-japanese-header-reordered.csv", "synthetic-windows-1252.csv", "synthetic-lowercase-events.csv",
        "synthetic-no-header.csv", "synthetic-no-tls-columns.csv"})
    void everySampleQuirkReadsAllRows(String name) throws Exception {
        LogFixtures.Result r = read(LogFixtures.sample(name));
        assertEquals(99, r.summary().rows(), name);
        assertEquals(0, r.summary().rejectedRows(), name);
        assertEquals(99, r.rows().size());
        LogRow first = r.rows().get(0);
        assertEquals(Instant.parse("2026-11-16T08:00:00Z"), first.time());
        assertEquals("alice@contoso.example", first.recipient());
        assertEquals(MailEvent.RECEIVED, first.event());
        assertTrue(first.messageIdHeader().endsWith("@synthetic-sample.example"), first.messageIdHeader());
    }

    @Test
    void quirkWarningsAreReported() throws Exception {
        assertTrue(read(LogFixtures.sample("synthetic-semicolon.csv")).hasProblem("separated by ';'"));
        assertTrue(read(LogFixtures.sample("synthetic-windows-1252.csv")).hasProblem("Windows-1252"));
        assertTrue(read(LogFixtures.sample("synthetic-lowercase-events.csv")).hasProblem("lower-case Mail Event"));
        assertTrue(read(LogFixtures.sample("synthetic-no-header.csv")).hasProblem("documented order"));
        assertTrue(read(LogFixtures.sample("synthetic-no-tls-columns.csv")).hasProblem("no TLS_Cipher column"));
        assertTrue(read(LogFixtures.sample("sample-email-log.csv")).summary().problems().isEmpty());
    }

    @Test
    void windows1252TextIsDecoded() throws Exception {
        LogFixtures.Result r = read(LogFixtures.sample("synthetic-windows-1252.csv"));
        assertTrue(r.rows().stream().anyMatch(x -> x.sender().equals("soporte.mañana@acme.example")));
    }

    @Test
    void windows1252AfterSixtyFourKilobytesOfAsciiIsStillDecoded() throws Exception {
        StringBuilder ascii = new StringBuilder(HEADER).append("\r\n");
        for (int i = 0; ascii.length() < 3 * 64 * 1024; i++) {
            ascii.append(row("3/06/2009 13:37", "R", "a" + i + "@acme.example", "m" + i, "", "")).append("\r\n");
        }
        byte[] head = ascii.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] tail = (row("3/06/2009 13:38", "P", "jos\u00e9@acme.example", "mj", "550 5.1.1 \u00bfqui\u00e9n?", "")
                + "\r\n" + D1 + "\r\n").getBytes(cp1252());
        LogFixtures.Result r = read(LogFixtures.write(dir, "late-1252.csv", concat(head, tail)));
        assertTrue(r.rows().stream().anyMatch(x -> x.recipient().equals("jos\u00e9@acme.example")
                && x.deliveryStatus().equals("550 5.1.1 \u00bfqui\u00e9n?")), "decoded as Windows-1252");
        int firstAccent = head.length + new String(tail, cp1252()).indexOf('\u00e9');
        assertTrue(r.hasProblem("its first " + String.format(Locale.ROOT, "%,d", firstAccent) + " bytes are plain ASCII"),
                r.summary().problems().toString());
        assertTrue(r.summary().problems().stream().noneMatch(p -> p.message().contains("mixes encodings")));
        assertEquals("windows-1252", r.summary().charset());
        assertEquals("16/A4-m1", r.rows().getLast().internalMessageId(), "the rows after it are read too");

        byte[] utf8Tail = new String(tail, cp1252()).getBytes(StandardCharsets.UTF_8);
        LogFixtures.Result u = read(LogFixtures.write(dir, "late-utf8.csv", concat(head, utf8Tail)));
        assertTrue(u.rows().stream().anyMatch(x -> x.recipient().equals("jos\u00e9@acme.example")));
        assertEquals("UTF-8", u.summary().charset());
        assertTrue(u.summary().problems().isEmpty(), u.summary().problems().toString());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void twoDigitYearsAsExcelSavesThemAreReadAs20yyWithOneWarning() throws Exception {
        Path f = write(dir, "yy.csv", lines(HEADER,
                row("11/16/26 8:00", "R", "a@acme.example", "m1", "", ""),
                row("11/16/26 8:01", "D", "a@acme.example", "m1", "250 ok", TLS)));
        LogFixtures.Result r = read(f);
        assertEquals(Instant.parse("2026-11-16T08:01:00Z"), r.rows().get(1).time());
        assertEquals(List.of("2 rows have a date with a two-digit year (first on line 2, M/d/yy as Excel saves it);"
                + " read as 20yy."), r.summary().problems().stream().map(FileProblem::message).toList());
    }

    @Test
    void aTwoDigitYearReadDayFirstIsCalledSo() throws Exception {
        LogFixtures.Result r = read(write(dir, "yy.csv", lines(HEADER,
                row("16/11/26 8:00", "R", "a@acme.example", "m1", "", ""),
                row("1/2/26 8:01", "D", "a@acme.example", "m1", "250 ok", TLS),
                row("17/11/2026 8:02", "D", "b@acme.example", "m2", "250 ok", TLS))));
        assertEquals(Instant.parse("2026-02-01T08:01:00Z"), r.rows().get(1).time());
        FileProblem twoDigit = r.summary().problems().stream().filter(p -> p.message().contains("two-digit year"))
                .findFirst().orElseThrow();
        assertEquals("2 rows have a date with a two-digit year (first on line 2, d/M/yy as Excel saves it in a"
                + " language that writes the day first); read as 20yy.", twoDigit.message());
        assertEquals("2 rader har ett datum med tvåsiffrigt år (först på rad 2, d/M/yy som Excel sparar det när det"
                + " är inställt på ett språk som skriver dagen först); året lästes som 20yy.", twoDigit.message(Locale.of("sv")));
        assertTrue(ReadAssumptions.isOne(twoDigit));
    }

    @Test
    void aHeaderlessFileWhoseFirstRowHasABadDateRejectsThatRowInsteadOfSkippingIt() throws Exception {
        Path f = write(dir, "nohdr.csv", lines(row("yesterday", "R", "a@acme.example", "m1", "", ""),
                R1, D1));
        LogFixtures.Result r = read(f);
        assertEquals(3, r.summary().rows());
        assertEquals(1, r.summary().rejectedRows());
        assertTrue(r.summary().problems().stream().anyMatch(p -> p.line() == 1 && p.rejected()
                && p.message().contains("'yesterday' is not a date")), r.summary().problems().toString());
        assertEquals(2, r.rows().size());
    }

    @Test
    void headerNamesAreCaseAndSpaceInsensitiveAndSynonymsWork() throws Exception {
        String header = "\"DATE\",\"recipient\",\"Mail  Event\",\"Salesforce.com User\",\"message-id header\","
                + "\"delivery_status\",\"TLS Cipher\"";
        Path f = write(dir, "h.csv", lines(header,
                "\"3/6/2009 13:37:05\",\"a@b.example\",\"D\",\"005x\",\"m@x\",\"250 ok\",\"" + TLS + "\""));
        LogRow row = read(f).rows().get(0);
        assertEquals(Instant.parse("2009-03-06T13:37:05Z"), row.time());
        assertEquals("005x", row.userId());
        assertEquals("m@x", row.messageIdHeader());
        assertEquals("250 ok", row.deliveryStatus());
        assertEquals(TLS, row.tlsCipher());
    }

    @Test
    void lineNumbersArePhysicalLinesAlsoWithMultiLineFieldsAndBlankLines() throws Exception {
        String multi = row("3/06/2009 13:40", "P", "x@acme.example", "m2", "550 first line\nsecond line", "");
        Path f = write(dir, "lines.csv", HEADER + "\n" + R1 + "\n\n" + multi + "\n" + "\"bad\",\"x\"\n" + D1 + "\n");
        LogFixtures.Result r = read(f);
        assertEquals(List.of(2L, 4L, 7L), r.rows().stream().map(LogRow::line).toList());
        FileProblem rejected = r.summary().problems().stream().filter(FileProblem::rejected).findFirst().orElseThrow();
        assertEquals(6, rejected.line());
        assertEquals("Date", rejected.field());
    }

    @Test
    void crlfAndLfGiveTheSameRows() throws Exception {
        LogFixtures.Result crlf = read(write(dir, "crlf.csv", HEADER + "\r\n" + R1 + "\r\n" + D1 + "\r\n"));
        LogFixtures.Result lf = read(write(dir, "lf.csv", HEADER + "\n" + R1 + "\n" + D1));
        assertEquals(crlf.rows(), lf.rows());
    }

    @Test
    void rejectedRowsNameLineFieldAndReason() throws Exception {
        Path f = write(dir, "rej.csv", lines(HEADER, R1,
                row("13/45/2009 13:37", "R", "a@acme.example", "m3", "", ""),
                row("3/06/2009 13:37", "X", "a@acme.example", "m3", "", ""),
                row("3/06/2009 13:37", "D", "", "m3", "", ""),
                row("3/06/2009 13:37", "", "a@acme.example", "m3", "", ""),
                row("3/06/2009 13:37", "D", "a@acme.example", "", "", "").replace("\"16/A4-\"", "\"\""),
                D1));
        LogFixtures.Result r = read(f);
        assertEquals(7, r.summary().rows());
        assertEquals(5, r.summary().rejectedRows());
        assertEquals(2, r.rows().size());
        List<FileProblem> rej = r.summary().problems().stream().filter(FileProblem::rejected).toList();
        assertEquals(List.of(3L, 4L, 5L, 6L, 7L), rej.stream().map(FileProblem::line).toList());
        assertEquals(List.of("Date", "Mail Event", "Recipient", "Mail Event", "Message ID Header"),
                rej.stream().map(FileProblem::field).toList());
        assertTrue(rej.get(1).message().contains("'X' is not a known Mail Event"));
    }

    @Test
    void rejectedRowsNameTheColumnAsTheFilesHeaderSpellsIt() throws Exception {
        // synonyms the reader maps: the admin looks for the column the file has, not the documented label
        String header = HEADER.replace("\"Mail Event\"", "\" Event \"").replace("\"Recipient\"", "\"To\"")
                .replace("\"Message ID Header\"", "\"Message-ID Header\"")
                .replace("\"Internal Message ID\"", "\"Internal ID\"");
        Path f = write(dir, "synonyms.csv", lines(header, R1,
                row("not a date", "R", "a@acme.example", "m3", "", ""),
                row("3/06/2009 13:37", "X", "a@acme.example", "m3", "", ""),
                row("3/06/2009 13:37", "D", "", "m3", "", ""),
                row("3/06/2009 13:37", "D", "a@acme.example", "", "", "").replace("\"16/A4-\"", "\"\""),
                D1));
        List<FileProblem> rej = read(f).summary().problems().stream().filter(FileProblem::rejected).toList();
        assertEquals(List.of("Date", "Event", "To", "Message-ID Header"),
                rej.stream().map(FileProblem::field).toList());
        assertEquals("The To column is empty.", rej.get(2).message());
        assertEquals("Both Message-ID Header and Internal ID are empty: the row cannot be tied to a message.",
                rej.get(3).message());
        assertEquals("Både Message-ID Header och Internal ID är tomma: raden kan inte knytas till något meddelande.",
                rej.get(3).message(Locale.of("sv")));
    }

    @Test
    void repeatedWarningsNameTheColumnAsTheFilesHeaderSpellsIt() throws Exception {
        Path f = write(dir, "bytes.csv", lines(HEADER.replace("\"Bytes Transferred\"", "\"Size\""), R1,
                R1.replace("\"1000\"", "\"12 kB\""), D1));
        FileProblem bad = read(f).summary().problems().stream().filter(p -> p.message().contains("number"))
                .findFirst().orElseThrow();
        assertEquals("Size", bad.field());
        assertTrue(bad.message().contains("(line 3, Size)"), bad.message());
    }

    @Test
    void aFileWithoutHeaderNamesTheDocumentedColumn() throws Exception {
        Path f = write(dir, "noheader.csv", lines(R1, row("not a date", "R", "a@acme.example", "m3", "", ""), D1));
        FileProblem rejected = read(f).summary().problems().stream().filter(FileProblem::rejected).findFirst()
                .orElseThrow();
        assertEquals("Date/Time", rejected.field());
    }

    @Test
    void theMissingTlsColumnIsAWarningAboutTheWholeFileNotALineOrField() throws Exception {
        FileProblem warning = read(LogFixtures.sample("synthetic-no-tls-columns.csv")).summary().problems().stream()
                .filter(MissingTlsColumn::is).findFirst().orElseThrow();
        // line 0 and no field, as the other warnings about the whole file (its encoding, its separator)
        assertEquals(0, warning.line());
        assertEquals("", warning.field());
        assertTrue(warning.message().startsWith("The file has no TLS_Cipher column"), warning.message());
    }

    @Test
    void aRowShiftedByAQuoteInTheWrongPlaceIsRejectedForItsShapeNotItsEvent() throws Exception {
        // "16/A4-m2,"R",… : the quote opened before the Internal Message ID closes after its comma, so the row has
        // one column less and the recipient stands where the Mail Event belongs; the field that took in the comma
        // and the next quote is the one named
        String shifted = row("3/06/2009 13:37", "R", "heidi@acme.example", "m2", "", "")
                .replace("\"16/A4-m2\",", "\"16/A4-m2,");
        Path f = write(dir, "quote.csv", lines(HEADER, R1, shifted, D1));
        List<FileProblem> problems = read(f).summary().problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).rejected());
        assertEquals("Internal Message ID", problems.get(0).field());
        assertEquals("The row has 16 columns instead of 17: its Internal Message ID field holds a separator and a"
                + " quote ('16/A4-m2,R\"'), the mark of a quote closed in the wrong place that joined two fields into"
                + " one, so its fields are out of place; it was not analysed.", problems.get(0).message());
    }

    @Test
    void aPlainRowWithAFieldMissingIsRejectedForItsShapeNotItsEvent() throws Exception {
        // the Mail Event left out, no quote to blame: the recipient stands where the letter belongs
        List<String> cells = new ArrayList<>(LogFixtures.cells(
                row("3/06/2009 13:37", "R", "carol@acme.example", "m2", "", "")));
        cells.remove(2);
        FileProblem p = onlyProblem(LogFixtures.line(cells));
        assertShifted(p, "The row has 16 columns instead of 17, so its fields are out of place (a quote closed in the"
                + " wrong place or never, or a separator too many or too few): its Mail Event column holds"
                + " 'carol@acme.example'.", "carol@acme.example", 16);
    }

    @Test
    void aPlainRowWithAFieldTooManyIsRejectedForItsShapeNotItsEvent() throws Exception {
        // an Internal Message ID cut in two by a comma: what follows it stands one column to the right
        List<String> cells = new ArrayList<>(LogFixtures.cells(
                row("3/06/2009 13:37", "R", "carol@acme.example", "m2", "", "")));
        cells.add(2, "m2b");
        FileProblem p = onlyProblem(LogFixtures.line(cells));
        assertShifted(p, "The row has 18 columns instead of 17, so its fields are out of place (a quote closed in the"
                + " wrong place or never, or a separator too many or too few): its Mail Event column holds 'm2b'.",
                "m2b", 18);
    }

    private FileProblem onlyProblem(String badRow) throws Exception {
        Path f = write(dir, "shifted.csv", lines(HEADER, R1, badRow, D1));
        List<FileProblem> problems = read(f).summary().problems();
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }

    private static void assertShifted(FileProblem p, String english, String held, int columns) {
        assertTrue(p.rejected());
        assertEquals(3, p.line());
        assertEquals("Mail Event", p.field());
        assertEquals(english, p.message());
        LocalText text = p.messageText().orElseThrow();
        assertEquals("row.shiftedColumns", text.key());
        assertEquals(List.of(held, columns, 17, "Mail Event"), text.args());
        assertTrue(p.message(Locale.of("sv")).startsWith("Raden har " + columns + " kolumner i stället för 17"),
                p.message(Locale.of("sv")));
    }

    @Test
    void aQuoteLeftOpenMidFileRejectsItsRowAndReadsOnAtTheNextLine() throws Exception {
        // line 11's Delivery Status lost its closing quote and its TLS cells: RFC 4180 would let the quoted field run
        // on into line 12, up to the quote that opens line 12's first cell; line 12 is read as the row it is
        String[] rows = new String[101];
        rows[0] = HEADER;
        for (int i = 1; i <= 100; i++) {
            rows[i] = row("11/16/2026 8:09:" + String.format("%02d", i % 60), i % 2 == 1 ? "R" : "D",
                    "bob@example.com", "m" + (i + 1) / 2, i % 2 == 1 ? "" : "250 ok", TLS);
        }
        rows[10] = rows[10].substring(0, rows[10].indexOf(",\"250 ok\"")) + ",\"550 oops";
        LogFixtures.Result r = read(write(dir, "open-quote.csv", lines(rows)));
        assertEquals(100, r.summary().rows(), "every data row counted");
        assertEquals(1, r.summary().rejectedRows(), "line 11 alone");
        assertEquals(99, r.rows().size());
        assertEquals(List.of(10L, 12L, 13L), r.rows().stream().map(LogRow::line).filter(l -> l > 9 && l < 14)
                .toList());
        FileProblem p = r.summary().problems().stream().filter(FileProblem::rejected).findFirst().orElseThrow();
        assertEquals(11, p.line());
        assertEquals("Delivery Status", p.field());
        assertEquals("The quote opened in the Delivery Status field is not closed on its line (a quote too many, or"
                + " its closing quote lost), so this row was not analysed; reading went on at line 12.", p.message());
        assertFalse(r.hasProblem("different number of columns"), r.summary().problems().toString());
    }

    @Test
    void aQuoteLeftOpenInAnUnquotedFileSwallowsNoLines() throws Exception {
        // unquoted cells, as a spreadsheet saves them: RFC 4180 would run the quote on to the next quoted cell, three
        // lines down; the record has another count of fields than the rows, so it is closed at its line's end
        String plain = "3/06/2009 13:40,16/A4-m{0},D,a@acme.example,s@acme.example,10.0.0.1,1,u,m{0}@x,0,0,,"
                + "192.0.2.1,mx.example,{1}," + TLS + ",";
        Path f = write(dir, "unquoted.csv", lines(HEADER.replace("\"", ""),
                MessageFormat.format(plain, "1", "250 ok"),
                MessageFormat.format(plain, "2", "\"550 oops"),
                MessageFormat.format(plain, "3", "250 ok"),
                MessageFormat.format(plain, "4", "250 ok"),
                MessageFormat.format(plain, "5", "\"550 5.1.1 unknown, user\""),
                MessageFormat.format(plain, "6", "250 ok")));
        LogFixtures.Result r = read(f);
        assertEquals(List.of(2L, 4L, 5L, 6L, 7L), r.rows().stream().map(LogRow::line).toList());
        assertEquals(6, r.summary().rows());
        assertEquals(1, r.summary().rejectedRows());
        FileProblem p = r.summary().problems().stream().filter(FileProblem::rejected).findFirst().orElseThrow();
        assertEquals(3, p.line());
        assertTrue(p.message().contains("so this row was not analysed; reading went on at line 4."), p.message());
        assertTrue(p.message(Locale.of("sv")).contains("läsningen fortsatte på rad 4"), p.message(Locale.of("sv")));
        assertEquals("550 5.1.1 unknown, user", r.rows().stream().filter(x -> x.line() == 6).findFirst()
                .orElseThrow().deliveryStatus(), "the quoted cell three lines down is read as a cell again");
    }

    @ParameterizedTest
    @ValueSource(strings = {"11/16/2099 8:00", "1/1/0001 0:00", "6/1/1600 12:00", "2068-01-19T03:14:08Z",
        "1931-12-31T23:59:59Z"})
    void aDateTheAnalysisCannotKeepAsWrittenRejectsItsRow(String date) throws Exception {
        Path f = write(dir, "far.csv", lines(HEADER, R1, row(date, "R", "far@acme.example", "m9", "", ""), D1));
        LogFixtures.Result r = read(f);
        assertEquals(3, r.summary().rows());
        assertEquals(1, r.summary().rejectedRows());
        assertEquals(List.of(2L, 4L), r.rows().stream().map(LogRow::line).toList());
        FileProblem p = r.summary().problems().stream().filter(FileProblem::rejected).findFirst().orElseThrow();
        assertEquals(3, p.line());
        assertEquals("Date", p.field());
        assertEquals("'" + date + "' is outside the dates MailPath can analyse (1932 to 2067; an Email Log covers at"
                + " most the last 30 days): the row was not analysed.", p.message());
        assertFalse(r.hasProblem("analysed as written"), r.summary().problems().toString());
    }

    @Test
    void theEdgesOfTheDatesKeptAreReadAsWritten() throws Exception {
        Path f = write(dir, "edges.csv", lines(HEADER, row("1/1/1932 0:00", "R", "a@acme.example", "m9", "", ""),
                row("12/31/2067 23:59:59", "R", "b@acme.example", "m8", "", "")));
        LogFixtures.Result r = read(f);
        assertEquals(List.of(LogRow.EARLIEST, LogRow.LATEST), r.rows().stream().map(LogRow::time).toList());
        assertTrue(r.hasProblem("2 rows have an implausible date"), r.summary().problems().toString());
    }

    /**
     * The first rows' dates all read either way, so the file is read month first (DayFirstReadTest: a file whose
     * first rows tell is read day first); the later ones that read only day first name the swap.
     */
    @Test
    void aFileResavedDayFirstIsSaidOnceAndItsDaysOverTwelveNameTheSwap() throws Exception {
        String[] first = new String[DateOrderSniff.MAX_ROWS];
        Arrays.fill(first, row("5/11/2026 7:00", "R", "z@acme.example", "m0", "", ""));
        Path f = write(dir, "dayfirst.csv", lines(HEADER, String.join("\r\n", first),
                row("16/11/2026 8:00", "R", "a@acme.example", "m1", "", ""),
                row("5/11/2026 8:01", "R", "b@acme.example", "m2", "", ""),
                row("17/11/2026 8:02", "R", "c@acme.example", "m3", "", ""),
                row("2026-11-18T08:03:00Z", "R", "d@acme.example", "m4", "", ""),
                row("3/3/2026 8:04", "R", "e@acme.example", "m5", "", "")));
        LogFixtures.Result r = read(f);
        assertEquals(2, r.summary().rejectedRows());
        List<FileProblem> rejected = r.summary().problems().stream().filter(FileProblem::rejected).toList();
        assertEquals(List.of(2L + first.length, 4L + first.length), rejected.stream().map(FileProblem::line).toList());
        assertEquals("'16/11/2026 8:00' is not a date read month first (M/d/yyyy, as Salesforce writes dates), but it"
                + " is one read day first (d/M/yyyy): the file may have been re-saved by a spreadsheet that puts the day"
                + " first, so the day and month of its other dates may be swapped too.", rejected.get(0).message());
        List<FileProblem> said = r.summary().problems().stream().filter(p -> p.message().startsWith("The dates look"))
                .toList();
        assertEquals(1, said.size(), r.summary().problems().toString());
        assertEquals(0, said.get(0).line());
        assertEquals("The dates look day first (d/M/yyyy, as a spreadsheet may re-save them): 2 rows whose first number"
                + " is over 12 were rejected, and no date has a second number over 12. MailPath reads the month first,"
                + " as Salesforce writes it, and cannot tell the order from the other dates: 4,097 rows whose first two"
                + " numbers are both 12 or less were analysed with the day and month probably swapped. Export the log"
                + " again from Salesforce, or save it with M/d/yyyy dates.", said.get(0).message());
        assertTrue(said.get(0).message(Locale.of("sv")).startsWith("Datumen ser ut att ha dagen först"));
    }

    @Test
    void aDayOverTwelveAmongMonthFirstDatesNamesTheSwapButTheFileIsNotSaidDayFirst() throws Exception {
        Path f = write(dir, "mixed.csv", lines(HEADER,
                row("16/11/2026 8:00", "R", "a@acme.example", "m1", "", ""),
                row("11/17/2026 8:01", "R", "b@acme.example", "m2", "", ""),
                row("11/5/2026 8:02", "R", "c@acme.example", "m3", "", "")));
        LogFixtures.Result r = read(f);
        assertEquals(List.of(Instant.parse("2026-11-17T08:01:00Z"), Instant.parse("2026-11-05T08:02:00Z")),
                r.rows().stream().map(LogRow::time).toList());
        assertTrue(r.hasProblem("may be swapped too"), r.summary().problems().toString());
        assertFalse(r.hasProblem("The dates look day first"), r.summary().problems().toString());
        assertTrue(read(write(dir, "impossible.csv", lines(HEADER, R1,
                row("13/45/2026 8:00", "R", "a@acme.example", "m1", "", "")))).hasProblem("is not a date (expected"));
    }

    @Test
    void isoDatesWithOffsetAndSpaceAreAccepted() throws Exception {
        Path f = write(dir, "iso.csv", lines(HEADER,
                row("2024-03-06T13:37:00Z", "R", "a@acme.example", "m1", "", ""),
                row("2024-03-06 13:38:00", "R", "b@acme.example", "m1", "", ""),
                row("2024-03-06T15:39:00+02:00", "R", "c@acme.example", "m1", "", "")));
        List<Instant> times = read(f).rows().stream().map(LogRow::time).toList();
        assertEquals(List.of(Instant.parse("2024-03-06T13:37:00Z"), Instant.parse("2024-03-06T13:38:00Z"),
                Instant.parse("2024-03-06T13:39:00Z")), times);
    }

    @Test
    void gzipAndZipAreRecognisedByContentNotName() throws Exception {
        byte[] csv = lines(HEADER, R1, D1).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(csv);
        }
        assertEquals(2, read(write(dir, "log.csv", gz.toByteArray())).rows().size());
        assertEquals(2, read(write(dir, "log.bin", zip("inner/log.csv", csv))).rows().size());
    }

    @Test
    void aNameThatPromisesACompressedFileItIsNotIsSaid() throws Exception {
        // a plain log named .gz is read, with a warning that says so
        LogFixtures.Result plain = read(write(dir, "log.csv.gz", lines(HEADER, R1, D1)));
        assertEquals(2, plain.rows().size());
        assertTrue(plain.hasProblem("log.csv.gz is named .gz but is not gzip-compressed: it was read as plain text."),
                plain.summary().problems().toString());
        // a file that is no log and no gzip: the reason, then what was read
        UnusableLogException notGzip = assertThrows(UnusableLogException.class,
                () -> read(write(dir, "export.gz", "hello\n")));
        assertTrue(notGzip.getMessage().endsWith(" export.gz is named .gz but is not gzip-compressed: it was read as"
                + " plain text."), notGzip.getMessage());
        UnusableLogException notZip = assertThrows(UnusableLogException.class,
                () -> read(write(dir, "export.zip", "hello\n")));
        assertTrue(notZip.getMessage().endsWith(" export.zip is named .zip but is not a zip file: it was read as plain"
                + " text."), notZip.getMessage());
        // a zip whose one file is no CSV
        byte[] note = "Ask IT for the log\n".getBytes(StandardCharsets.UTF_8);
        UnusableLogException readme = assertThrows(UnusableLogException.class,
                () -> read(write(dir, "logs.zip", zip("readme.txt", note))));
        assertTrue(readme.getMessage().endsWith(" logs.zip holds one file, readme.txt, which was read as the Email"
                + " Log."), readme.getMessage());
        String swedish = readme.messageText().orElseThrow().in(Locale.of("sv"));
        assertTrue(swedish.endsWith(" logs.zip innehåller en fil, readme.txt, som lästes som e-postloggen."), swedish);
        // the normal cases say nothing of the kind
        byte[] csv = lines(HEADER, R1).getBytes(StandardCharsets.UTF_8);
        assertFalse(read(write(dir, "one.zip", zip("EmailLog.csv", csv)))
                .hasProblem("which was read as the Email Log"));
    }

    @Test
    void utf16WithBomIsRead() throws Exception {
        byte[] text = lines(HEADER, R1).getBytes(StandardCharsets.UTF_16);
        LogFixtures.Result r = read(write(dir, "u16.csv", text));
        assertEquals(1, r.rows().size());
        assertTrue(r.hasProblem("UTF-16"));
    }

    @Test
    void tabDelimiterIsDetected() throws Exception {
        String tabbed = lines(HEADER.replace(",", "\t"), R1.replace("\",\"", "\"\t\""));
        assertEquals(1, read(write(dir, "tab.csv", tabbed)).rows().size());
    }

    @Test
    void duplicatedHeaderNamesUseTheFirstColumn() throws Exception {
        Path f = write(dir, "dup.csv", lines("Date,Mail Event,Recipient,Recipient,Message ID Header",
                "3/6/2009 13:37,R,first@acme.example,second@acme.example,m1"));
        LogFixtures.Result r = read(f);
        assertEquals("first@acme.example", r.rows().get(0).recipient());
        assertTrue(r.hasProblem("more than once"));
    }

    @Test
    void headerRepeatedMidFileIsSkippedWithAWarning() throws Exception {
        LogFixtures.Result r = read(write(dir, "rep.csv", lines(HEADER, R1, HEADER, D1)));
        assertEquals(2, r.rows().size());
        assertEquals(2, r.summary().rows());
        assertTrue(r.hasProblem("repeated once"));
    }

    @Test
    void headerWithoutRequiredColumnIsUnusable() {
        Path f = write(dir, "noevent.csv", lines("Date,Recipient,Sender,Message ID Header", "3/6/2009 13:37,a@b.example,c,m"));
        UnusableLogException e = assertThrows(UnusableLogException.class, () -> read(f));
        assertTrue(e.getMessage().startsWith("noevent.csv has a header row, but no column for Mail Event"), e.getMessage());
    }

    @Test
    void noUsableRowIsUnusableNamingTheFirstReason() {
        Path f = write(dir, "allbad.csv", lines(HEADER, row("yesterday", "R", "a@b.example", "m", "", "")));
        UnusableLogException e = assertThrows(UnusableLogException.class, () -> read(f));
        // HEADER names the column "Date", as Salesforce's export does
        assertEquals("allbad.csv has no usable row: its one row, line 2, was rejected. Date: 'yesterday' is"
                + " not a date (expected M/d/yyyy H:mm or M/d/yy H:mm, "
                + "d/M/yyyy H:mm or d/M/yy H:mm in a file re-saved day first, d.M.yyyy H:mm or d.M.yy H:mm, d-M-yyyy H:mm, yyyy/M/d H:mm, any of these with a 12-hour time and AM or PM,"
                + " or"
                + " ISO-8601, each with or without seconds and with or without GMT, UTC, Z or an offset such as +01:00"
                + " after the time).", e.getMessage());
    }

    @Test
    void anotherCsvWithNoUsableRowIsSaidNotToLookLikeAnEmailLog() {
        // a contacts export: its header was skipped as unknown, then every row failed on its "date"
        Path f = write(dir, "contacts.csv", lines("First Name,Last Name,Email,Phone", "Anna,Berg,anna@x.example,123",
                "Bo,Ek,bo@x.example,456"));
        UnusableLogException e = assertThrows(UnusableLogException.class, () -> read(f));
        assertEquals("contacts.csv has no usable row: all 2 rows were rejected. The first is line 2, Date/Time: 'Anna'"
                + " is not a date (expected M/d/yyyy H:mm or M/d/yy H:mm, "
                + "d/M/yyyy H:mm or d/M/yy H:mm in a file re-saved day first, d.M.yyyy H:mm or d.M.yy H:mm, d-M-yyyy H:mm, yyyy/M/d H:mm, any of these with a 12-hour time and AM or PM,"
                + " or"
                + " ISO-8601, each with or without seconds and with or without GMT, UTC, Z or an offset such as +01:00"
                + " after the time). Its first line names none of the Email Log's"
                + " columns (it has: First Name, Last Name, Email, Phone): the file does not look like a Salesforce"
                + " Email Log.", e.getMessage());
        assertEquals("contacts.csv har ingen användbar rad: alla 2 rader utelämnades. Den första är rad 2, Date/Time:"
                + " ”Anna” är inget datum (väntat: M/d/yyyy H:mm eller M/d/yy H:mm, "
                + "d/M/yyyy H:mm eller d/M/yy H:mm i en fil som sparats om med dagen först,"
                + " d.M.yyyy H:mm eller d.M.yy H:mm, d-M-yyyy H:mm, yyyy/M/d H:mm, vilken som helst av dessa med 12-timmarstid och AM eller PM,"
                + " eller ISO-8601, alla med eller utan sekunder och med eller utan GMT, UTC, Z eller en förskjutning som +01:00 efter tiden). Dess första rad nämner ingen av"
                + " e-postloggens kolumner (den har: First Name, Last Name, Email, Phone): filen ser inte ut som en"
                + " e-postlogg från Salesforce.", e.message(Locale.forLanguageTag("sv")));
    }

    @Test
    void cancellationStopsReading() {
        Cancellation c = new Cancellation();
        c.cancel();
        Path f = write(dir, "c.csv", lines(HEADER, R1));
        assertThrows(CancelledException.class, () -> new EmailLogReader().read(f, x -> { }, p -> { }, c));
    }

    @Test
    void progressReportsBytesOfTheFileAndRowsRead() throws Exception {
        Path f = write(dir, "p.csv", lines(HEADER, R1, D1));
        long[] last = new long[3];
        new EmailLogReader().read(f, x -> { }, p -> {
            last[0] = p.done();
            last[1] = p.total();
            last[2] = p.items();
        }, Cancellation.none());
        assertEquals(Files.size(f), last[1]);
        assertEquals(last[1], last[0]);
        assertEquals(2, last[2], "the data rows read");
    }

    @Test
    void numbersThatAreNotNumbersBecomeZeroWithAWarning() throws Exception {
        String bad = R1.replace("\"1000\"", "\"12k\"");
        LogFixtures.Result r = read(write(dir, "n.csv", lines(HEADER, bad)));
        assertEquals(0, r.rows().get(0).bytes());
        assertTrue(r.hasProblem("should hold a number"));
        assertFalse(r.summary().problems().get(0).rejected());
    }

    @Test
    void anOverLongRecordIsSkippedAndEveryOtherRowReadWithItsLineWhateverTheLimit() throws Exception {
        // The guard reads ahead of the parser and cuts a record beyond the limit (here 300 characters a record, reads
        // of 8,192): the rows before it, and those after it, reach the analysis with their own physical lines, also
        // when the cut text held line breaks (inside quotes, LF and CR LF) that the parser never saw.
        for (String eol : List.of("\n", "\r\n")) {
            StringBuilder log = new StringBuilder(HEADER).append(eol);
            for (int i = 0; i < 5; i++) {
                log.append(row("11/16/2026 8:0" + i, "R", "user" + i + "@example.com", "m" + i, "", "")).append(eol);
            }
            String longReply = "550 " + ("x".repeat(90) + eol).repeat(30);
            log.append(row("11/16/2026 9:00", "P", "long@example.com", "m9", longReply, "")).append(eol);
            log.append(row("11/16/2026 9:01", "R", "after@example.com", "m10", "", "")).append(eol);
            log.append(row("11/16/2026 9:02", "D", "after@example.com", "m10", "250 ok", "TLSv1.3")).append(eol);
            LogLimits limits = new LogLimits(LogLimits.DEFAULT.maxInflatedBytes(),
                    LogLimits.DEFAULT.maxInflationRatio(), LogLimits.DEFAULT.ratioFloorBytes(), 300,
                    LogLimits.DEFAULT.maxStoredProblems());
            var result = read(write(dir, "long-record.csv", log.toString()), limits);
            assertEquals(List.of(2L, 3L, 4L, 5L, 6L, 38L, 39L), result.rows().stream().map(LogRow::line).toList(),
                    "line ends " + eol.replace("\r", "CR ").replace("\n", "LF"));
            assertTrue(result.hasProblem("The row is longer than 300 characters (a huge field, or a quote that is never"
                    + " closed); it was skipped."), result.summary().problems().toString());
            assertEquals(7L, result.summary().problems().stream().filter(FileProblem::rejected)
                    .mapToLong(FileProblem::line).findFirst().orElseThrow());
            assertEquals(8, result.summary().rows(), "rows read, the skipped one included");
            assertEquals(1, result.summary().rejectedRows());
            assertTrue(result.summary().complete());
        }
    }

    @Test
    void aQuoteNeverClosedIsClosedAtItsLineAndTheRowsAfterItAreRead() throws Exception {
        StringBuilder log = new StringBuilder(HEADER).append('\n');
        log.append(row("11/16/2026 8:00", "R", "a@example.com", "m1", "", "")).append('\n');
        log.append("\"11/16/2026 8:01\",\"x\",\"P\",\"b@example.com\",\"open");
        for (int i = 0; i < 20; i++) {
            // rows without quotes, so that none closes the open one
            log.append("\n11/16/2026 9:0").append(i % 10).append(",x,R,lost").append(i).append("@example.com,s,h,1,u,n")
                    .append(i).append(",0,0,,,,,,");
        }
        LogLimits limits = new LogLimits(LogLimits.DEFAULT.maxInflatedBytes(), LogLimits.DEFAULT.maxInflationRatio(),
                LogLimits.DEFAULT.ratioFloorBytes(), 500, LogLimits.DEFAULT.maxStoredProblems());
        var result = read(write(dir, "open-quote.csv", log.toString()), limits);
        assertEquals(LongStream.concat(LongStream.of(2), LongStream.rangeClosed(4, 23)).boxed().toList(),
                result.rows().stream().map(LogRow::line).toList());
        assertEquals(1, result.summary().rejectedRows());
        assertTrue(result.hasProblem("The quote opened in the Sender field is not closed on its line (a quote too many, or"
                + " its closing quote lost), so this row was not analysed; reading went on at line 4."),
                result.summary().problems().toString());
        assertFalse(result.hasProblem("never closed"), result.summary().problems().toString());
        assertFalse(result.hasProblem("longer than"), result.summary().problems().toString());
    }

    @Test
    void aQuoteLeftOpenIsNotRunOnForThousandsOfLinesToTheNextQuote() throws Exception {
        // the reviewer's file: unquoted rows, a stray quote in line 3, the only other quote 3,000 lines down; the
        // record would then have the rows' count of fields again, so it is the count of lines that gives it away
        StringBuilder log = new StringBuilder(HEADER.replace("\"", "")).append('\n');
        String plain = "11/16/2026 9:00,x,R,r{0}@example.com,s,h,1,u,n{0},0,0,,,,,,";
        log.append(MessageFormat.format(plain, "a")).append('\n');
        log.append(MessageFormat.format(plain, "b").replace(",R,", ",\"R,")).append('\n');
        for (int i = 0; i < 3000; i++) {
            log.append(MessageFormat.format(plain, String.valueOf(i))).append('\n');
        }
        log.append(MessageFormat.format(plain, "z").replace(",0,0,", ",0\",0,")).append('\n');
        var result = read(write(dir, "stray.csv", log.toString()));
        assertEquals(3003, result.summary().rows());
        assertEquals(1, result.summary().rejectedRows(), result.summary().problems().toString());
        assertEquals(3002, result.rows().size());
        assertTrue(result.hasProblem("The quote opened in the Mail Event field is not closed on its line (a quote"
                + " too many, or its closing quote lost), so this row was not analysed; reading went on at line 4."), result.summary().problems().toString());
        assertFalse(result.hasProblem("never closed"), result.summary().problems().toString());
    }

    static Charset cp1252() {
        return Charset.forName("windows-1252");
    }
}
