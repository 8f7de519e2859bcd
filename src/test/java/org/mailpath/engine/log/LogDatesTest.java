package org.mailpath.engine.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.engine.log.LogDateAssertions.assertReads;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Email Log dates: the hand-written M/d/yyyy H:mm[:ss] parser must accept and reject exactly as java.time would. */
class LogDatesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "11/10/2026 9:05|2026-11-10T09:05:00Z",
        "11/10/2026 09:05:07|2026-11-10T09:05:07Z",
        "1/2/2026 0:00:00|2026-01-02T00:00:00Z",
        "01/02/2026 23:59:59|2026-01-02T23:59:59Z",
        "2/29/2024 12:00|2024-02-29T12:00:00Z",
        "2/29/2000 12:00|2000-02-29T12:00:00Z",
        "12/31/1999 23:59|1999-12-31T23:59:00Z",
        "3/1/1900 1:02:03|1900-03-01T01:02:03Z",
        "'  11/10/2026 9:05  '|2026-11-10T09:05:00Z",
        "11/10/2026   9:05|2026-11-10T09:05:00Z",
        "2026-11-10T09:05:07Z|2026-11-10T09:05:07Z",
        "2026-11-10 09:05:07|2026-11-10T09:05:07Z",
        "2026-11-10T09:05:07+01:00|2026-11-10T08:05:07Z",
        "2026-11-10T09:05:07.250|2026-11-10T09:05:07.250Z",
        "11/16/26 8:00|2026-11-16T08:00:00Z",
        "2/29/24 12:00:30|2024-02-29T12:00:30Z",
        "1/1/2026 1:00 PM|2026-01-01T13:00:00Z"})
    void accepts(String text, String expected) {
        assertReads(new LogDates(), text, expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "2/29/2023 12:00", "2/29/1900 12:00", "4/31/2026 1:00", "13/1/2026 1:00",
        "0/1/2026 1:00", "1/0/2026 1:00", "1/1/2026 24:00", "1/1/2026 1:60", "1/1/2026 1:00:60", "1/1/2026 1:00:",
        "1/1/2026", "1/1/2026 1", "1/1/26026 1:00", "111/1/2026 1:00", "1/1/2026 1:00:00:00", "1/1/2026 13:00 PM",
        "a/1/2026 1:00", "1/1/2026 -1:00", "1//2026 1:00", "１/1/2026 1:00", "not a date", "2026-13-01T00:00:00",
        "2026-11-10T25:00:00", "1/1/202 1:00", "1/1/6 1:00", "2/29/23 12:00"})
    void rejects(String text) {
        assertEquals(Optional.empty(), new LogDates().parse(text));
    }

    @Test
    void saysWhetherADateHadATwoDigitYearAlsoWhenRemembered() {
        LogDates dates = new LogDates();
        for (int round = 0; round < 2; round++) {
            assertTrue(dates.parse("11/16/26 8:00").orElseThrow().twoDigitYear());
            assertFalse(dates.parse("11/16/2026 8:00").orElseThrow().twoDigitYear());
            assertFalse(dates.parse("2026-11-16T08:00:00Z").orElseThrow().twoDigitYear());
        }
    }

    /**
     * What a date was is its own result: another date parsed after it, or a text that is no date, changes nothing of
     * it (the forms were once fields of the parser, read after the call, and a later call overwrote them).
     */
    @Test
    void aResultKeepsItsFormsAndOrderWhateverIsParsedAfterIt() {
        LogDates dates = new LogDates();
        ParsedDate twoDigit = dates.parse("11/5/26 8:00").orElseThrow();
        ParsedDate twelveHour = dates.parse("11/17/2026 8:00 PM").orElseThrow();
        assertTrue(dates.parse("not a date").isEmpty());
        dates.parse("2026-11-16T08:00:00+01:00");
        assertTrue(twoDigit.twoDigitYear());
        assertFalse(twoDigit.twelveHour());
        assertEquals(LogDates.ORDER_EITHER, twoDigit.order());
        assertTrue(twelveHour.twelveHour());
        assertFalse(twelveHour.twoDigitYear() || twelveHour.withOffset());
        assertEquals(LogDates.ORDER_MONTH_FIRST, twelveHour.order());
        assertEquals(Instant.parse("2026-11-17T20:00:00Z"), twelveHour.time());
        // a remembered text gives the same value again: no allocation for a date seen before
        assertSame(twoDigit, dates.parse("11/5/26 8:00").orElseThrow());
    }

    @Test
    void epochDayMatchesJavaTimeForEveryDayOfYears0To9999() {
        for (LocalDate d = LocalDate.of(0, 1, 1); d.getYear() < 10_000; d = d.plusDays(1)) {
            if (LogDates.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth()) != d.toEpochDay()) {
                assertEquals(d.toEpochDay(), LogDates.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth()),
                        d.toString());
            }
        }
    }

    @Test
    void randomSlashedDatesAgreeWithJavaTime() {
        Random random = new Random(11);
        LogDates dates = new LogDates();
        for (int i = 0; i < 20_000; i++) {
            int year = random.nextInt(10_000);
            int month = random.nextInt(14);
            int day = random.nextInt(33);
            int hour = random.nextInt(26);
            int minute = random.nextInt(62);
            int second = random.nextInt(62);
            boolean seconds = random.nextBoolean();
            String text = month + "/" + day + "/" + String.format("%04d", year) + " " + hour + ":"
                    + String.format("%02d", minute) + (seconds ? String.format(":%02d", second) : "");
            Optional<Instant> expected;
            try {
                expected = Optional.of(LocalDateTime.of(year, month, day, hour, minute, seconds ? second : 0)
                        .toInstant(ZoneOffset.UTC));
            } catch (DateTimeException e) {
                expected = Optional.empty();
            }
            assertEquals(expected, dates.parse(text).map(ParsedDate::time), text);
        }
    }

    @Test
    void theOrderOfDayAndMonthIsToldAlsoForARememberedDate() {
        LogDates dates = new LogDates();
        for (int round = 0; round < 2; round++) {
            assertEquals(LogDates.ORDER_MONTH_FIRST, dates.parse("11/17/2026 8:00").orElseThrow().order());
            assertEquals(LogDates.ORDER_EITHER, dates.parse("11/5/2026 8:00").orElseThrow().order());
            assertEquals(LogDates.ORDER_SAME, dates.parse("3/3/2026 8:00").orElseThrow().order());
            assertEquals(LogDates.ORDER_UNKNOWN, dates.parse("2026-11-05T08:00:00Z").orElseThrow().order());
        }
    }

    @Test
    void aDateThatReadsOnlyDayFirstIsTold() {
        LogDates dates = new LogDates();
        assertEquals(Optional.of(Instant.parse("2026-11-16T08:00:00Z")), dates.readDayFirst("16/11/2026 8:00"));
        assertEquals(Optional.of(Instant.parse("2024-02-29T08:00:05Z")), dates.readDayFirst("29/2/24 8:00:05"));
        assertEquals(Optional.of(Instant.parse("2026-11-16T20:00:00Z")), dates.readDayFirst("16/11/2026 8:00 PM"));
        assertFalse(dates.readDayFirst("29/2/2025 8:00").isPresent(), "no 29 February in 2025");
        assertFalse(dates.readDayFirst("13/45/2026 8:00").isPresent());
        assertFalse(dates.readDayFirst("2026-16-11T08:00:00Z").isPresent());
        assertFalse(dates.readDayFirst("not a date").isPresent());
        // as a file read day first reads it
        assertEquals(new LogDates(true).parse("16/11/2026 8:00").map(ParsedDate::time),
                dates.readDayFirst("16/11/2026 8:00"));
        assertEquals(Optional.of(Instant.parse("2026-11-16T08:00:00Z")),
                new LogDates(true).readMonthFirst("11/16/2026 8:00"));
        assertFalse(new LogDates(true).readMonthFirst("16/11/2026 8:00").isPresent());
    }

    @Test
    void spansOfTheDatesAsReadAndSwapped() {
        LogDates monthFirst = new LogDates();
        assertEquals(0, monthFirst.readSpan());
        // a UK spreadsheet's 6 and 7 November: 11 June and 11 July read month first
        monthFirst.parse("06/11/2026 08:00:00");
        monthFirst.parse("07/11/2026 09:55:00");
        monthFirst.parse("06/11/2026 08:00:00");
        long dayFirstSpan = 86_400L + 3600 + 55 * 60;
        assertEquals(30 * 86_400L + 3600 + 55 * 60, monthFirst.readSpan());
        assertEquals(dayFirstSpan, monthFirst.swappedSpan());
        // an ISO date and one of the same day and month read alike either way: swapped, the dates run 1 to 11 November
        monthFirst.parse("2026-11-01T08:00:00Z");
        monthFirst.parse("11/11/2026 8:00");
        assertEquals(Instant.parse("2026-11-11T08:00:00Z").getEpochSecond()
                - Instant.parse("2026-06-11T08:00:00Z").getEpochSecond(), monthFirst.readSpan());
        assertEquals(10 * 86_400L, monthFirst.swappedSpan());
        // read day first, nothing is swapped; a two-digit year is 20yy
        LogDates dayFirst = new LogDates(true);
        dayFirst.parse("06/11/26 08:00");
        dayFirst.parse("07/11/26 08:00");
        assertEquals(86_400L, dayFirst.readSpan());
        assertEquals(86_400L, dayFirst.swappedSpan());
        LogDates twoDigits = new LogDates();
        twoDigits.parse("06/11/26 08:00");
        twoDigits.parse("07/11/26 08:00");
        assertEquals(30 * 86_400L, twoDigits.readSpan());
        assertEquals(86_400L, twoDigits.swappedSpan());
        // a 12-hour time keeps its time of day when swapped: 6 November 8 PM to 7 November 9 AM read day first
        LogDates twelveHour = new LogDates();
        twelveHour.parse("06/11/2026 8:00 PM");
        twelveHour.parse("07/11/2026 9:00 AM");
        assertEquals(30 * 86_400L - 11 * 3600L, twelveHour.readSpan());
        assertEquals(13 * 3600L, twelveHour.swappedSpan());
        // the next part of the file adds its dates
        LogDates later = new LogDates();
        later.parse("12/11/2026 08:00");
        twoDigits.absorbSpans(later);
        assertEquals(6 * 86_400L, twoDigits.swappedSpan());
    }
}
