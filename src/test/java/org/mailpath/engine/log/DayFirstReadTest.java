package org.mailpath.engine.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.engine.log.LogFixtures.HEADER;
import static org.mailpath.engine.log.LogFixtures.TLS;
import static org.mailpath.engine.log.LogFixtures.lines;
import static org.mailpath.engine.log.LogFixtures.read;
import static org.mailpath.engine.log.LogFixtures.row;
import static org.mailpath.engine.log.LogFixtures.write;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A log re-saved by a spreadsheet set to a day-first locale (d/M/yyyy) is read day first when its first rows tell so,
 * and then reads exactly as the same log written month first; when they cannot tell, it is read month first and
 * named as before.
 */
class DayFirstReadTest {

    @TempDir
    Path dir;

    private static String log(int n, boolean dayFirst, boolean header) {
        return LogFixtures.slashedLog(n, dayFirst, header);
    }

    private static List<Long> problemLines(ReadSummary s) {
        return s.problems().stream().map(FileProblem::line).toList();
    }

    private static List<FileProblem> readDayFirstWarnings(ReadSummary s) {
        return s.problems().stream().filter(p -> p.message().startsWith("The dates were read day first")).toList();
    }

    /** The same rows (times, lines, fields), counts and problem lines as the month-first log, and one warning more. */
    private static void assertReadAsMonthFirst(LogFixtures.Result monthFirst, LogFixtures.Result dayFirst) {
        assertEquals(monthFirst.rows(), dayFirst.rows());
        assertEquals(monthFirst.summary().rows(), dayFirst.summary().rows());
        assertEquals(monthFirst.summary().rejectedRows(), dayFirst.summary().rejectedRows());
        List<FileProblem> said = readDayFirstWarnings(dayFirst.summary());
        assertEquals(1, said.size(), dayFirst.summary().problems().toString());
        assertEquals(0, said.get(0).line());
        List<Long> lines = new ArrayList<>(problemLines(dayFirst.summary()));
        lines.remove(0L);
        assertEquals(problemLines(monthFirst.summary()), lines);
        assertTrue(readDayFirstWarnings(monthFirst.summary()).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(ints = {6000, 3500})
    void aDayFirstLogReadsAsTheSameLogWrittenMonthFirst(int n) throws Exception {
        LogFixtures.Result monthFirst = read(write(dir, "m.csv", log(n, false, true)));
        LogFixtures.Result dayFirst = read(write(dir, "d.csv", log(n, true, true)));
        assertReadAsMonthFirst(monthFirst, dayFirst);
        assertEquals(Instant.parse("2026-11-13T00:00:00Z"), dayFirst.rows().stream().map(LogRow::time)
                .filter(t -> t.isAfter(Instant.parse("2026-11-12T23:59:00Z"))).findFirst().orElseThrow());
        assertEquals(n / 500, dayFirst.summary().rejectedRows());
        assertFalse(dayFirst.hasProblem("The dates look day first"), dayFirst.summary().problems().toString());
        assertTrue(dayFirst.hasProblem("is not a date (expected M/d/yyyy H:mm or M/d/yy H:mm, "
                + "d/M/yyyy H:mm or d/M/yy H:mm in a file re-saved day"
                + " first, d.M.yyyy H:mm or d.M.yy H:mm, d-M-yyyy H:mm, yyyy/M/d H:mm, any of these with a 12-hour time and AM or PM,"
                + " or ISO-8601, each with or without seconds and with or without GMT, UTC, Z or an offset such as +01:00 after the time; this file's dates were read day first)."),
                dayFirst.summary().problems().toString());
    }

    @Test
    void theWarningSaysWhyInEnglishAndSwedish() throws Exception {
        LogFixtures.Result r = read(write(dir, "dayfirst.csv", lines(HEADER,
                row("16/11/2026 8:00", "R", "a@acme.example", "m1", "", ""),
                row("5/11/2026 8:01", "R", "b@acme.example", "m2", "", ""),
                row("17/11/2026 8:02", "R", "c@acme.example", "m3", "", ""),
                row("2026-11-18T08:03:00Z", "R", "d@acme.example", "m4", "", ""),
                row("3/3/2026 8:04", "R", "e@acme.example", "m5", "", ""))));
        assertEquals(List.of(Instant.parse("2026-11-16T08:00:00Z"), Instant.parse("2026-11-05T08:01:00Z"),
                Instant.parse("2026-11-17T08:02:00Z"), Instant.parse("2026-11-18T08:03:00Z"),
                Instant.parse("2026-03-03T08:04:00Z")), r.rows().stream().map(LogRow::time).toList());
        assertEquals(0, r.summary().rejectedRows());
        List<FileProblem> said = readDayFirstWarnings(r.summary());
        assertEquals(1, said.size(), r.summary().problems().toString());
        assertEquals("The dates were read day first (d/M/yyyy, as a spreadsheet set to a language that writes the day"
                + " first re-saves a log), not month first as Salesforce writes them: 2 dates of the first 4 have their"
                + " first number over 12, which reads only day first, and none has its second number over 12. If the"
                + " file was not re-saved that way, export the log again from Salesforce.", said.get(0).message());
        assertEquals("Datumen lästes med dagen först (d/M/yyyy, som ett kalkylprogram inställt på ett språk som skriver"
                + " dagen först sparar om en logg), inte med månaden först som Salesforce skriver dem: 2 datum av de"
                + " första 4 har ett första tal över 12, vilket bara går att läsa med dagen först, och inget har ett"
                + " andra tal över 12. Om filen inte har sparats om på det sättet, exportera loggen igen från"
                + " Salesforce.",
                said.get(0).message(Locale.of("sv")));
    }

    @Test
    void aLaterDateThatReadsOnlyMonthFirstIsRejectedNamingThat() throws Exception {
        String log = log(5000, true, true);
        String late = row("11/20/2026 8:00", "R", "late@acme.example", "late", "", "");
        LogFixtures.Result r = read(write(dir, "late.csv", log + late + "\r\n"));
        List<FileProblem> rejected = r.summary().problems().stream().filter(FileProblem::rejected)
                .filter(p -> p.line() == 5002).toList();
        assertEquals(1, rejected.size(), r.summary().problems().toString());
        assertEquals("'11/20/2026 8:00' is not a date read day first (d/M/yyyy), as this file's dates were read, but"
                + " it is one read month first (M/d/yyyy, as Salesforce writes dates): the file may mix rows saved in"
                + " both orders; this row was not analysed.", rejected.get(0).message());
        assertTrue(rejected.get(0).message(Locale.of("sv")).startsWith("”11/20/2026 8:00” är inget datum med dagen"));
        assertTrue(r.rows().stream().noneMatch(x -> x.recipient().equals("late@acme.example")));
    }

    /** All dates of the first rows read either way: nothing tells, so the file is read month first, as before. */
    @Test
    void whenTheFirstRowsCannotTellTheFileIsReadMonthFirstAndNamedAsBefore() throws Exception {
        List<String> rows = new ArrayList<>(List.of(HEADER));
        for (int i = 0; i < DateOrderSniff.MAX_ROWS; i++) {
            rows.add(row("5/11/2026 8:00", "R", "a" + i + "@acme.example", "m" + i, "", ""));
        }
        rows.add(row("16/11/2026 8:00", "R", "late@acme.example", "late", "", ""));
        LogFixtures.Result r = read(write(dir, "undecided.csv", lines(rows.toArray(String[]::new))));
        assertEquals(Instant.parse("2026-05-11T08:00:00Z"), r.rows().get(0).time());
        assertEquals(1, r.summary().rejectedRows());
        assertTrue(r.hasProblem("is not a date read month first"), r.summary().problems().toString());
        assertTrue(r.hasProblem("The dates look day first"), r.summary().problems().toString());
        assertTrue(readDayFirstWarnings(r.summary()).isEmpty());
    }

    /** A date that reads only month first among the first rows: month first, as before, however many read day first. */
    @Test
    void aMixOfBothOrdersInTheFirstRowsIsReadMonthFirst() throws Exception {
        LogFixtures.Result r = read(write(dir, "mixed.csv", lines(HEADER,
                row("16/11/2026 8:00", "R", "a@acme.example", "m1", "", ""),
                row("17/11/2026 8:00", "R", "b@acme.example", "m2", "", ""),
                row("5/11/2026 8:01", "R", "c@acme.example", "m3", "", ""),
                row("11/18/2026 8:02", "R", "d@acme.example", "m4", "", ""))));
        assertEquals(List.of(Instant.parse("2026-05-11T08:01:00Z"), Instant.parse("2026-11-18T08:02:00Z")),
                r.rows().stream().map(LogRow::time).toList());
        assertTrue(readDayFirstWarnings(r.summary()).isEmpty());
        assertTrue(r.hasProblem("may be swapped too"), r.summary().problems().toString());
    }

    @Test
    void aDayFirstLogWithoutHeaderReadsAsTheSameLogWrittenMonthFirst() throws Exception {
        assertReadAsMonthFirst(read(write(dir, "m.csv", log(3500, false, false))),
                read(write(dir, "d.csv", log(3500, true, false))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gz", "zip"})
    void compressedDayFirstLogsReadAsTheSameLogWrittenMonthFirst(String kind) throws Exception {
        LogFixtures.Result monthFirst = read(write(dir, "m.csv", log(6000, false, true)));
        byte[] text = log(6000, true, true).getBytes(StandardCharsets.UTF_8);
        byte[] compressed;
        if (kind.equals("gz")) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
                gz.write(text);
            }
            compressed = bytes.toByteArray();
        } else {
            compressed = LogFixtures.zip("d.csv", text);
        }
        assertReadAsMonthFirst(monthFirst, read(write(dir, "d.csv." + kind, compressed)));
    }

    /**
     * Read in two halves, both halves read day first, as one pass reads it, when the order is decided on rows within
     * the first half (9000 rows); when the first half ends before (3500 rows: fewer than are held, its dates that
     * read only day first all in the second half), the second half's rows tell that one pass decides otherwise, and
     * the file is read in one pass.
     */
    @ParameterizedTest
    @CsvSource({"9000, 2", "3500, 1"})
    void bothHalvesOfADayFirstLogAreReadDayFirst(int n, int parts) throws Exception {
        Path file = write(dir, "d.csv", log(n, true, true));
        PartedRead<PartRows> single = PartRows.readInParts(file, Long.MAX_VALUE);
        PartedRead<PartRows> halves = PartRows.readInParts(file, 0);
        assertEquals(parts, halves.parts().size(), "parts read");
        assertEquals(single.summary(), halves.summary());
        List<LogRow> halvesRows = PartRows.rows(halves);
        assertEquals(single.parts().get(0).rows, halvesRows);
        assertEquals(read(write(dir, "m.csv", log(n, false, true))).rows(), halvesRows);
        assertEquals(1, readDayFirstWarnings(halves.summary()).size());
    }
}
