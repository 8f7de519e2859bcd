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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.analysis.UnusableLogException;

/**
 * Rows a quote in the wrong place joined or split, a log separated by '|', and byte order marks of files joined
 * with cat (the inputs a bad-input review found read wrongly, made small).
 */
class QuotesAndJoinsTest {

    private static final String R1 = row("11/16/2026 8:00", "R", "alice@contoso.example", "m1", "", "");
    private static final String D1 = row("11/16/2026 8:01", "D", "alice@contoso.example", "m1", "250 2.0.0 Ok", TLS);
    private static final String R2 = row("11/16/2026 8:02", "R", "bob@contoso.example", "m2", "", "");

    @TempDir
    Path dir;

    @Test
    void aRowAQuoteJoinedTwoFieldsOfIsRejectedNotReadShifted() throws Exception {
        // Remote Host lost its closing quote: the quote opening Bytes Transferred closed it, one field short
        String joined = D1.replace("\"10.0.0.1\",", "\"10.0.0.1,");
        LogFixtures.Result r = read(write(dir, "joined.csv", lines(HEADER, R1, joined, R2)));
        assertEquals(3, r.summary().rows());
        assertEquals(List.of(2L, 4L), r.rows().stream().map(LogRow::line).toList());
        List<FileProblem> problems = r.summary().problems();
        assertEquals(1, problems.size(), problems.toString());
        FileProblem p = problems.getFirst();
        assertTrue(p.rejected());
        assertEquals(3, p.line());
        assertEquals("Remote Host", p.field());
        assertEquals("The row has 16 columns instead of 17: its Remote Host field holds a separator and a quote"
                + " ('10.0.0.1,1000\"'), the mark of a quote closed in the wrong place that joined two fields into"
                + " one, so its fields are out of place; it was not analysed.", p.message());
        assertTrue(p.message(Locale.of("sv")).contains("slagit ihop två fält"), p.message(Locale.of("sv")));
    }

    @Test
    void aRowJoinedAtItsMailEventGetsOneMessage() throws Exception {
        String joined = D1.replace("\"D\",", "\"D,");
        LogFixtures.Result r = read(write(dir, "joined-event.csv", lines(HEADER, R1, joined, R2)));
        List<FileProblem> problems = r.summary().problems();
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("Mail Event", problems.getFirst().field());
        assertTrue(problems.getFirst().rejected());
        assertFalse(r.hasProblem("missing ones read as empty"));
    }

    @Test
    void anHonestShortRowIsStillRead() throws Exception {
        // trailing empty cells left out, a quote inside a cell's text: neither joins fields
        String shortRow = row("11/16/2026 8:03", "D", "carol@contoso.example", "m2", "550 \"no\" such user", "");
        shortRow = shortRow.substring(0, shortRow.lastIndexOf(",\"\",\"\""));
        LogFixtures.Result r = read(write(dir, "short.csv", lines(HEADER, R1, D1, R2, shortRow)));
        assertEquals(List.of(2L, 3L, 4L, 5L), r.rows().stream().map(LogRow::line).toList());
        assertEquals("550 \"no\" such user", r.rows().getLast().deliveryStatus());
        assertTrue(r.hasProblem("different number of columns"), r.summary().problems().toString());
    }

    @Test
    void aLogSeparatedByPipesWithCommasInItsStatusesSaysItsSeparator() throws Exception {
        String header = HEADER.replace("\"", "").replace(',', '|');
        String r1 = "11/16/2026 8:00|16/A4-m1|R|a@contoso.example|s@acme.example|10.0.0.1|1|u|m1@x|0|0||||||";
        String d1 = "11/16/2026 8:01|16/A4-m1|D|a@contoso.example|s@acme.example|10.0.0.1|1|u|m1@x|0|0||192.0.2.1"
                + "|mx.example|250 2.0.0 Ok, queued as 4F1|" + TLS + "|";
        UnusableLogException e = assertThrows(UnusableLogException.class,
                () -> read(write(dir, "pipe.csv", lines(header, r1, d1))));
        // the review: it came after the first row's "is not a date" and ninety words of date formats; now alone
        assertEquals("pipe.csv has no usable row: its first line is a header whose columns are separated by '|', a"
                + " separator MailPath does not read (it reads commas, semicolons and tabs). Export the log from"
                + " Salesforce again, or save it as CSV (comma-separated).", e.getMessage());
        assertEquals("pipe.csv har ingen användbar rad: dess första rad är en rubrikrad vars kolumner skiljs åt med"
                + " '|', en avgränsare som MailPath inte läser (den läser kommatecken, semikolon och tabbar)."
                + " Exportera loggen från Salesforce igen, eller spara den som CSV (kommaavgränsad).",
                e.messageText().orElseThrow().in(Locale.of("sv")));
    }

    @Test
    void aByteOrderMarkBeforeARowMidFileIsLeftOut() throws Exception {
        // two exports joined with cat, the second's header removed by hand: its mark stays before its first row
        Path f = dir.resolve("joined.csv");
        Files.writeString(f, "\uFEFF" + lines(HEADER, R1, D1) + "\uFEFF" + lines(R2)
                + "\uFEFF" + R2.replace("\"", "").replace("m2", "m3") + "\n", StandardCharsets.UTF_8);
        LogFixtures.Result r = read(f);
        assertEquals(List.of(2L, 3L, 4L, 5L), r.rows().stream().map(LogRow::line).toList(),
                r.summary().problems().toString());
        assertEquals(0, r.summary().rejectedRows());
    }
}
