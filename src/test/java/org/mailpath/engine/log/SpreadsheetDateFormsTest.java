package org.mailpath.engine.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.engine.log.LogDateAssertions.assertReads;
import static org.mailpath.engine.log.LogFixtures.HEADER;
import static org.mailpath.engine.log.LogFixtures.TLS;
import static org.mailpath.engine.log.LogFixtures.row;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mailpath.engine.analysis.UnusableLogException;

/**
 * Date forms a spreadsheet re-saves an Email Log in (the reviewer's files, /tmp/rv-dates-files): ISO dates with the
 * hour in one digit (sv-SE, en-CA), year first with slashes (ja, zh), d-M-yyyy (nl, da), a dotted time (fi), a fraction
 * of a second, and a time zone after the time. Each is read the same whatever the hour, GMT/UTC/Z as GMT, an offset
 * converted to GMT with one warning for the file.
 */
class SpreadsheetDateFormsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2026-11-16 8:00|2026-11-16T08:00:00Z",
        "2026-11-16 08:00|2026-11-16T08:00:00Z",
        "2026-11-16T8:00:00|2026-11-16T08:00:00Z",
        "2026-11-16 8:05:09|2026-11-16T08:05:09Z",
        "2026-11-16 0:00|2026-11-16T00:00:00Z",
        "2026-11-16 8:00 AM|2026-11-16T08:00:00Z",
        "2026-11-16 12:30 AM|2026-11-16T00:30:00Z",
        "2026-11-16 8:00 PM|2026-11-16T20:00:00Z",
        "2026/11/16 8:00|2026-11-16T08:00:00Z",
        "2026/11/16 08:00:00|2026-11-16T08:00:00Z",
        "11/16/2026 8:00 GMT|2026-11-16T08:00:00Z",
        "11/16/2026 8:00 AM GMT|2026-11-16T08:00:00Z",
        "2026-11-16 08:00:00 UTC|2026-11-16T08:00:00Z",
        "2026-11-16 08:00:00 GMT|2026-11-16T08:00:00Z",
        "2026-11-16 08:00:00 +00:00|2026-11-16T08:00:00Z",
        "2026-11-16 08:00:00Z|2026-11-16T08:00:00Z",
        "2026-11-16T08:00:00+0000|2026-11-16T08:00:00Z",
        "2026-11-16T09:00:00+01|2026-11-16T08:00:00Z",
        "2026-11-16T09:00:00 +01:00|2026-11-16T08:00:00Z",
        "11/16/2026 3:00 -0500|2026-11-16T08:00:00Z",
        "16-11-2026 08:00|2026-11-16T08:00:00Z",
        "5-3-2026 8:00|2026-03-05T08:00:00Z",
        "16.11.2026 8.00|2026-11-16T08:00:00Z",
        "16.11.2026 8.00.07|2026-11-16T08:00:07Z",
        "11/16/2026 8:00:00.000|2026-11-16T08:00:00Z",
        "11/16/2026 8:00:01.250|2026-11-16T08:00:01.250Z",
        "2026-11-16T08:00:00.000Z|2026-11-16T08:00:00Z",
        "2026-11-16 8:00:00.5|2026-11-16T08:00:00.500Z"})
    void readsASpreadsheetsForm(String text, String expected) {
        assertReads(new LogDates(), text, expected);
        assertReads(new LogDates(true), text.startsWith("11/16") ? text.replace("11/16/", "16/11/") : text, expected,
                "read the same in a file read day first");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-16 24:00", "2026-11-16 8:60", "2026-11-16 8", "2026-11-16 8:00:", "2026-11-16",
        "2026-11-16 8:00 PST", "2026-11-16 8:00 +19:00", "2026-11-16 8:00 +01:60", "11-16-2026 8:00",
        "16-11-26 8:00", "16.11.2026 8:00 PM", "16.11.2026 8.00:00", "11/16/2026 8:00:00.", "2026-1116 8:00",
        "11/16/2026 8:00 GMT GMT", "2026-11-16 8:00:00.000.0", "20261-11-16 8:00", "2026/13/16 8:00"})
    void rejectsWhatIsNoDateOrCouldReadTwoWays(String text) {
        assertEquals(Optional.empty(), new LogDates().parse(text).map(ParsedDate::time), text);
    }

    @Test
    void oneFormReadsTheSameWhateverTheHour() {
        // the reviewer's defect: 2026-11-16 8:00 was rejected while 10:00 was read, so a file was read on its
        // afternoons only
        LogDates dates = new LogDates();
        for (int hour = 0; hour < 24; hour++) {
            assertEquals(Optional.of(Instant.parse(String.format("2026-11-16T%02d:30:00Z", hour))),
                    dates.parse("2026-11-16 " + hour + ":30").map(ParsedDate::time), "hour " + hour);
            assertEquals(Optional.of(Instant.parse(String.format("2026-11-16T%02d:30:05Z", hour))),
                    dates.parse("2026-11-16T" + hour + ":30:05").map(ParsedDate::time), "hour " + hour);
        }
    }

    @Test
    void anOffsetIsToldAndADashedDateToo() {
        LogDates dates = new LogDates();
        for (int round = 0; round < 2; round++) {
            assertTrue(dates.parse("2026-11-16T09:00:00+01:00").orElseThrow().withOffset());
            ParsedDate zero = dates.parse("2026-11-16 08:00:00 +00:00").orElseThrow();
            assertFalse(zero.withOffset(), "no offset from GMT");
            assertTrue(zero.plain());
            ParsedDate utc = dates.parse("11/16/2026 8:00 UTC").orElseThrow();
            assertTrue(utc.plain());
            assertEquals(LogDates.ORDER_MONTH_FIRST, utc.order());
            ParsedDate dashed = dates.parse("16-11-2026 08:00").orElseThrow();
            assertTrue(dashed.dashed());
            assertFalse(dashed.withOffset());
        }
        // what a slashed date with a zone tells of its order is what it tells without
        assertEquals(LogDates.Reading.DAY_FIRST_ONLY, LogDates.reading("16/11/2026 8:00 GMT"));
        assertEquals(LogDates.Reading.BOTH, LogDates.reading("6/11/2026 8:00:00.000 UTC"));
        assertEquals(Optional.of(Instant.parse("2026-11-16T08:00:00Z")), dates.readDayFirst("16/11/2026 8:00 GMT"));
    }

    /** A log of {@code n} rows whose dates {@code date} writes from the row's minute after 0:00 on 16 November. */
    private Path log(String name, int n, IntFunction<String> date) {
        StringBuilder sb = new StringBuilder(HEADER).append("\r\n");
        for (int i = 0; i < n; i++) {
            sb.append(row(date.apply(i * 30), i % 2 == 0 ? "R" : "D", "u" + i / 2 + "@example.com", "m" + i / 2,
                    i % 2 == 0 ? "" : "250 2.0.0 OK", i % 2 == 0 ? "" : TLS)).append("\r\n");
        }
        return LogFixtures.write(dir, name, sb.toString());
    }

    @Test
    void aFileOfIsoDatesWithOneDigitHoursIsReadWhole() throws Exception {
        LogFixtures.Result r = LogFixtures.read(log("sv.csv", 48, m -> "2026-11-16 " + m / 60 + ":"
                + String.format("%02d", m % 60)));
        assertEquals(48, r.rows().size(), r.summary().problems().toString());
        assertEquals(Instant.parse("2026-11-16T00:00:00Z"), r.rows().getFirst().time());
        assertEquals(Instant.parse("2026-11-16T23:30:00Z"), r.rows().getLast().time());
        assertTrue(r.summary().problems().isEmpty(), r.summary().problems().toString());
    }

    @Test
    void aFileWithAnOffsetIsConvertedToGmtSayingSoOnce() throws Exception {
        LogFixtures.Result r = LogFixtures.read(log("plus1.csv", 10, m -> String.format("2026-11-16T%02d:%02d:00+01:00",
                m / 60 + 1, m % 60)));
        assertEquals(10, r.rows().size());
        assertEquals(Instant.parse("2026-11-16T00:00:00Z"), r.rows().getFirst().time());
        List<FileProblem> said = r.summary().problems().stream()
                .filter(p -> p.message().contains("offset from GMT")).toList();
        assertEquals(1, said.size(), r.summary().problems().toString());
        assertEquals("10 rows have times with an offset from GMT (first on line 2, such as +01:00), while Salesforce"
                + " writes the Email Log in GMT: the times were re-written after export. They were converted to GMT.",
                said.getFirst().message());
        // GMT, UTC, Z and +00:00 are the Email Log's own time: nothing to say
        LogFixtures.Result gmt = LogFixtures.read(log("gmt.csv", 10, m -> "11/16/2026 " + m / 60 + ":"
                + String.format("%02d", m % 60) + " GMT"));
        assertEquals(10, gmt.rows().size());
        assertTrue(gmt.summary().problems().isEmpty(), gmt.summary().problems().toString());
    }

    @Test
    void aDashedFileIsReadDayFirstSayingSo() throws Exception {
        LogFixtures.Result r = LogFixtures.read(log("nl.csv", 6, m -> "5-3-2026 " + m / 60 + ":"
                + String.format("%02d", m % 60)));
        assertEquals(6, r.rows().size());
        assertEquals(Instant.parse("2026-03-05T00:00:00Z"), r.rows().getFirst().time());
        assertTrue(r.hasProblem("6 rows have dates with dashes and the year last (first on line 2, d-M-yyyy"),
                r.summary().problems().toString());
    }

    @Test
    void aFileOfUnreadableDatesIsRefusedShowingAValueAndTheForms() {
        Path file = log("pst.csv", 4, m -> "11/16/2026 " + m / 60 + ":" + String.format("%02d", m % 60) + " PST");
        UnusableLogException e = assertThrows(UnusableLogException.class, () -> LogFixtures.read(file));
        assertTrue(e.getMessage().contains("line 2, Date: '11/16/2026 0:00 PST' is not a date (expected M/d/yyyy"
                + " H:mm"), e.getMessage());
        assertTrue(e.getMessage().contains("yyyy/M/d H:mm") && e.getMessage().contains("GMT, UTC, Z or an offset"),
                e.getMessage());
    }
}
