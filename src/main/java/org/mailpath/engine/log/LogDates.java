package org.mailpath.engine.log;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mailpath.engine.finding.LocalText;

/**
 * Parses Email Log dates (all GMT): {@code M/d/yyyy H:mm} with or without seconds, and ISO-8601 (with or without
 * offset, {@code T} or a space between date and time, the hour in one digit or two: a form is read the same whatever
 * the hour). Forms a spreadsheet re-saves a log in are read where their reading is unambiguous: {@code yyyy/M/d}
 * (Japanese, Chinese), {@code d-M-yyyy} (Dutch, Danish: day first, as dotted dates), a dotted time after a dotted date
 * (Finnish), a fraction of a second, AM/PM after any of them, and a time zone after the time (GMT, UTC, Z, or an
 * offset, converted to GMT). A two-digit year ({@code M/d/yy}, what Excel writes when it
 * re-saves a log with its default date format) is 20yy: an Email Log holds recent mail. A log re-saved by a
 * spreadsheet set to a day-first locale has {@code d/M/yyyy} dates: such a file is read with a day-first instance
 * ({@link DateOrderSniff} decides which). A dotted date, {@code d.M.yyyy H:mm} with or without seconds, is what such a
 * spreadsheet writes in a German, Nordic or Russian locale (DIN 5008's numeric date is day first): the day always comes
 * first in a dotted date, so it is read so whatever the order of the file's slashed dates. Not thread-safe: it remembers recent values (a small lossy table by text),
 * because nearby rows mostly share a handful of timestamps and this makes parsing nearly free. What a date was (its
 * time, forms and order) is the {@link ParsedDate} {@link #parse} returns: nothing of one call is read by another,
 * but for the span of the dates parsed ({@link #readSpan}), which is of them all.
 */
public final class LogDates {

    /**
     * Every form of date {@link #parse} takes, month first or day first, as a rejected row names them: the one list,
     * so that the message for a cell that is no date names them all whichever order its file was read in.
     */
    static final LocalText FORMS = LogTexts.text("date.forms");

    /** What a slashed date tells of the order it was written in ({@link #reading}). */
    enum Reading {
        /** Not a slashed date read either way (ISO, empty, not a date). */
        NONE,
        /** Its second number is over 12 (or its day exists only so): only month first reads it. */
        MONTH_FIRST_ONLY,
        /** Its first number is over 12 (or its day exists only so): only day first reads it. */
        DAY_FIRST_ONLY,
        /** Both orders read it (as the same date when day and month are equal). */
        BOTH
    }

    /**
     * The forms {@link #spreadsheetForm} knows a rejected date cell by, compiled once: String.matches compiles its
     * pattern at every call, and it is asked of every rejected cell.
     */
    private static final Pattern EXCEL_SERIAL = Pattern.compile("[0-9]{5}([.,][0-9]+)?");
    private static final Pattern DATE_ONLY = Pattern.compile("[0-9]{1,2}([/.])[0-9]{1,2}\\1([0-9]{2}|[0-9]{4})");
    private static final Pattern ISO_DATE_ONLY = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private static final int SLOTS = 256;

    private final String[] recentTexts = new String[SLOTS];
    /** The date each remembered text read as: returned again as it is, so that a text seen before allocates nothing. */
    private final ParsedDate[] recentDates = new ParsedDate[SLOTS];
    private final boolean dayFirst;
    /**
     * The earliest and latest date parsed (epoch seconds), as read ({@link #readSpan}) and, read month first, with the
     * day and month of each date that reads either way swapped ({@link #swappedSpan}). Kept on a new text only: a
     * text the table remembers was counted when it was new, and the earliest and latest stay the same however often
     * a date is seen again, so a row whose date was seen before does nothing more.
     */
    private long readEarliest = Long.MAX_VALUE;
    private long readLatest = Long.MIN_VALUE;
    private long swappedEarliest = Long.MAX_VALUE;
    private long swappedLatest = Long.MIN_VALUE;

    /**
     * A time zone after the time: {@code GMT}, {@code UTC} or {@code Z} (GMT, as the Email Log's times are), or an
     * offset ({@code +01:00}, {@code +0100}, {@code +01}, after a space or not, also after GMT or UTC). Asked only of
     * a text that did not read without it.
     */
    private static final Pattern ZONE = Pattern.compile(
            "(.*?[0-9Mm])\\s*(?:(?:GMT|UTC|Z)|(?:GMT|UTC)?([+\u2212-])([0-9]{2})(?::?([0-9]{2}))?)",
            Pattern.CASE_INSENSITIVE);

    /** Reads slashed dates month first ({@code M/d/yyyy}), as Salesforce writes them. */
    public LogDates() {
        this(false);
    }

    /** Reads slashed dates day first ({@code d/M/yyyy}) if {@code dayFirst}, else month first. */
    LogDates(boolean dayFirst) {
        this.dayFirst = dayFirst;
    }

    /** What an M/d/yyyy date tells of the order of day and month ({@link ParsedDate#order}). */
    static final byte ORDER_UNKNOWN = 0;
    /** Its second number is over 12: only month first reads it. */
    static final byte ORDER_MONTH_FIRST = 1;
    /** Both numbers are 12 or less and differ: month first and day first read it as different dates. */
    static final byte ORDER_EITHER = 2;
    /** Day and month are the same number (11/11/2026): both orders read the same date. */
    static final byte ORDER_SAME = 3;

    /**
     * The time {@code text}, not a date month first, gives read day first (d/M/yyyy, as a spreadsheet set to such a
     * locale re-saves a log), if it reads so: for the reason a row is rejected, and what it would have been.
     */
    Optional<Instant> readDayFirst(String text) {
        return readSlashed(text, true);
    }

    /**
     * The time {@code text}, not a date day first, gives read month first (M/d/yyyy), if it reads so: for the reason
     * a row of a file read day first is rejected, and what it would have been.
     */
    Optional<Instant> readMonthFirst(String text) {
        return readSlashed(text, false);
    }

    /** What {@code text} tells of the order its day and month are written in. */
    static Reading reading(String text) {
        String s = slashedDate(text);
        if (s.isEmpty()) {
            return Reading.NONE;
        }
        ParsedDate monthFirst = parseSlashed(s, false);
        if (monthFirst != null) {
            // its order is the one the reader tells: a day and month both 12 or less read day first too (such a day
            // is in every month), a day over 12 never does
            return monthFirst.order() == ORDER_MONTH_FIRST ? Reading.MONTH_FIRST_ONLY : Reading.BOTH;
        }
        return parseSlashed(s, true) != null ? Reading.DAY_FIRST_ONLY : Reading.NONE;
    }

    /** A slashed date read in the order {@code dayFirst} says, as {@link #parse} reads it in that order (uncached). */
    private static Optional<Instant> readSlashed(String text, boolean dayFirst) {
        String s = slashedDate(text);
        ParsedDate read = s.isEmpty() ? null : parseSlashed(s, dayFirst);
        return read == null ? Optional.empty() : Optional.of(read.time());
    }

    /**
     * {@code text} stripped and without a time zone of no offset after it ({@link #withoutZone}), if it starts as a
     * slashed date ({@code d/} or {@code dd/}) no longer than a date is; else empty.
     */
    private static String slashedDate(String text) {
        String s = withoutZone(text == null ? "" : text.strip());
        int slash = s.indexOf('/');
        return s.length() <= 40 && (slash == 1 || slash == 2) ? s : "";
    }

    /**
     * {@code s} without a time zone of no offset after it (GMT, UTC, Z: what a slashed date tells of its order is the
     * same with it).
     */
    private static String withoutZone(String s) {
        if (s.isEmpty() || s.length() > 40 || Character.isDigit(s.charAt(s.length() - 1))) {
            return s;
        }
        Matcher m = ZONE.matcher(s);
        return m.matches() && m.group(2) == null ? m.group(1) : s;
    }

    /**
     * The date {@code text} reads as, with its forms and order; empty if it is no date. The same instance for a text
     * read lately: a row whose date was seen before allocates nothing here.
     */
    public Optional<ParsedDate> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int h = text.hashCode();
        int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
        if (text.equals(recentTexts[slot])) {
            return Optional.of(recentDates[slot]);
        }
        String s = text.strip();
        ParsedDate parsed = null;
        if (!s.isEmpty() && s.length() <= 40) {
            parsed = readWithoutZone(s);
            if (parsed == null) {
                // only once the usual forms failed: the hot path stays as it was
                parsed = readWithZone(s);
            }
        }
        if (parsed == null) {
            return Optional.empty();
        }
        long at = parsed.time().getEpochSecond();
        long swapped = parsed.order() == ORDER_EITHER ? swapped(at) : at;
        readEarliest = Math.min(readEarliest, at);
        readLatest = Math.max(readLatest, at);
        swappedEarliest = Math.min(swappedEarliest, swapped);
        swappedLatest = Math.max(swappedLatest, swapped);
        recentTexts[slot] = text;
        recentDates[slot] = parsed;
        return Optional.of(parsed);
    }

    /**
     * {@code s} read in whichever form it is written without a time zone after it (slashed, dotted, dashed day first,
     * year first), with its forms and order; null if it is no date so.
     */
    private ParsedDate readWithoutZone(String s) {
        int slash = s.indexOf('/');
        if (slash == 1 || slash == 2) {
            return parseSlashed(s, dayFirst);
        }
        if (isDotted(s)) {
            // d.M.yy as well as d.M.yyyy: the day comes first in either, the two-digit year is 20yy as in M/d/yy
            int yearDigits = yearDigits(s, '.');
            if (yearDigits != 4 && yearDigits != 2) {
                return null;
            }
            // no AM/PM: the locales that write dotted dates write 24-hour times
            Instant parsed = parseDate(s, '.', yearDigits, true);
            return parsed == null ? null : new ParsedDate(parsed,
                    (byte) (ParsedDate.DOTTED | (yearDigits == 2 ? ParsedDate.TWO_DIGIT_YEAR : 0)), ORDER_UNKNOWN);
        }
        if (slash == 4 || s.indexOf('-') == 4) {
            return orTwelveHour(s, LogDates::parseYearFirst, (byte) 0);
        }
        int dash = s.indexOf('-');
        if ((dash == 1 || dash == 2) && yearDigits(s, '-') == 4) {
            // d-M-yyyy (a Dutch or Danish spreadsheet): the day first, as in a dotted date; only a four-digit year,
            // since yy-MM-dd is written too
            return orTwelveHour(s, t -> parseDate(t, '-', 4, true), ParsedDate.DASHED);
        }
        return null;
    }

    /**
     * {@code s} read by {@code form}, or with AM or PM after a time {@code form} reads ({@link #parseTwelveHour}), of
     * the {@code forms} given (and {@link ParsedDate#TWELVE_HOUR} if so); null if neither reads it.
     */
    private static ParsedDate orTwelveHour(String s, Function<String, Instant> form, byte forms) {
        Instant parsed = form.apply(s);
        if (parsed != null) {
            return new ParsedDate(parsed, forms, ORDER_UNKNOWN);
        }
        parsed = parseTwelveHour(s, form);
        return parsed == null ? null
                : new ParsedDate(parsed, (byte) (forms | ParsedDate.TWELVE_HOUR), ORDER_UNKNOWN);
    }

    /**
     * {@code s} read with a time zone after its time ({@link #ZONE}): GMT, UTC and Z as written, an offset converted
     * to GMT ({@link ParsedDate#OFFSET} if not zero). Null if it is no date so; an ISO-8601 text java.time reads
     * otherwise is read so, as before the hand-written forms.
     */
    private ParsedDate readWithZone(String s) {
        Matcher m = ZONE.matcher(s);
        if (m.matches()) {
            int offset = 0;
            if (m.group(2) != null) {
                int hours = Integer.parseInt(m.group(3));
                int minutes = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
                if (hours > 18 || minutes > 59) {
                    return null;
                }
                offset = (m.group(2).equals("+") ? 1 : -1) * (hours * 3600 + minutes * 60);
            }
            ParsedDate local = readWithoutZone(m.group(1));
            if (local != null) {
                return offset == 0 ? local : new ParsedDate(local.time().minusSeconds(offset),
                        (byte) (local.forms() | ParsedDate.OFFSET), local.order());
            }
        }
        if (s.length() > 4 && s.charAt(4) == '-') {
            return parseIso(s);
        }
        return null;
    }

    /**
     * How far the dates parsed lie apart, in seconds: from the earliest to the latest as read (0 with fewer than two
     * dates, or none).
     */
    long readSpan() {
        return span(readEarliest, readLatest);
    }

    /**
     * {@link #readSpan} of the same dates with the day and month of each that reads either way swapped ({@link
     * #ORDER_EITHER}): read month first, how far apart they would lie read day first (the others read alike, or only
     * month first: then the order is decided anyway). Read day first, the same as {@link #readSpan}.
     */
    long swappedSpan() {
        return span(swappedEarliest, swappedLatest);
    }

    /** Takes in the dates {@code later} parsed, in the next part of the same file ({@link #readSpan}). */
    void absorbSpans(LogDates later) {
        readEarliest = Math.min(readEarliest, later.readEarliest);
        readLatest = Math.max(readLatest, later.readLatest);
        swappedEarliest = Math.min(swappedEarliest, later.swappedEarliest);
        swappedLatest = Math.max(swappedLatest, later.swappedLatest);
    }

    private static long span(long earliest, long latest) {
        return latest >= earliest ? latest - earliest : 0;
    }

    /**
     * The epoch second {@code at} of an M/d/yyyy date read month first whose day and month both are 12 or less, read
     * d/M/yyyy instead (the same time of day): derived from {@code at}, which holds the year, month and day as read,
     * rather than from the text parsed a second time; both 12 or less, each is a month and a day of any month. Run
     * once per new timestamp that reads either way.
     */
    private static long swapped(long at) {
        LocalDate read = LocalDate.ofEpochDay(Math.floorDiv(at, 86_400L));
        return epochDay(read.getYear(), read.getDayOfMonth(), read.getMonthValue()) * 86_400L
                + Math.floorMod(at, 86_400L);
    }

    /** The order a valid M/d/yyyy date {@code s} tells ({@link ParsedDate#order}): run once per new timestamp. */
    private static byte order(String s) {
        int[] pos = {0};
        int month = number(s, pos, '/', 2);
        int day = number(s, pos, '/', 2);
        return day > 12 ? ORDER_MONTH_FIRST : day != month ? ORDER_EITHER : ORDER_SAME;
    }

    /**
     * M/d/yyyy H:mm[:ss] (or M/d/yy), or d/M/yyyy if {@code dayFirst}, AM or PM after it or not, with its forms and
     * order (unknown read day first: the order was decided before); null if {@code s} is no date so. Hand-written
     * because it is the hot path of a million-row file; also what tells a date's order ({@link #reading}) and reads it
     * in the other order ({@link #readSlashed}), so that those read a date as the rows are read.
     */
    private static ParsedDate parseSlashed(String s, boolean dayFirst) {
        int yearDigits = yearDigits(s, '/');
        byte forms = yearDigits == 2 ? ParsedDate.TWO_DIGIT_YEAR : 0;
        Instant parsed = parseDate(s, '/', yearDigits, dayFirst);
        if (parsed == null) {
            parsed = parseTwelveHour(s, t -> parseDate(t, '/', yearDigits, dayFirst));
            forms |= ParsedDate.TWELVE_HOUR;
        }
        return parsed == null ? null : new ParsedDate(parsed, forms, dayFirst ? ORDER_UNKNOWN : order(s));
    }

    /**
     * A date as {@code form} reads it but with a 12-hour time and AM or PM after it ({@code 11/16/2026 8:00:00
     * AM}, what a spreadsheet set to US English writes): unambiguous, 12 AM being midnight and 12 PM noon. Null if
     * {@code s} is not one.
     */
    private static Instant parseTwelveHour(String s, Function<String, Instant> form) {
        int n = s.length();
        if (n < 3 || (s.charAt(n - 1) != 'M' && s.charAt(n - 1) != 'm')) {
            return null;
        }
        char half = Character.toUpperCase(s.charAt(n - 2));
        if (half != 'A' && half != 'P') {
            return null;
        }
        String time = s.substring(0, n - 2);
        if (time.isEmpty() || time.charAt(time.length() - 1) != ' ') {
            return null;
        }
        Instant read = form.apply(time.stripTrailing());
        if (read == null) {
            return null;
        }
        long secondOfDay = Math.floorMod(read.getEpochSecond(), 86_400L);
        // the hour, whatever the fraction of a second
        long hour = secondOfDay / 3600;
        if (hour < 1 || hour > 12) {
            return null;
        }
        long shift = half == 'A' ? (hour == 12 ? -12 : 0) : (hour == 12 ? 0 : 12);
        return read.plusSeconds(shift * 3600);
    }

    /**
     * The key of the reason a date cell that is no date was most likely written by a spreadsheet in a form the reader
     * cannot take ({@code row.notADate.excelSerial}, {@code row.notADate.noTime}); empty for any other cell. Only
     * asked of a cell already rejected.
     */
    static Optional<String> spreadsheetForm(String text) {
        String s = text == null ? "" : text.strip();
        if (EXCEL_SERIAL.matcher(s).matches()) {
            // Excel's serial days: 36526 is 1/1/2000, 73050 is 1/1/2100
            double days = Double.parseDouble(s.replace(',', '.'));
            return days >= 36_526 && days < 73_050 ? Optional.of("row.notADate.excelSerial") : Optional.empty();
        }
        if (DATE_ONLY.matcher(s).matches() || ISO_DATE_ONLY.matcher(s).matches()) {
            return Optional.of("row.notADate.noTime");
        }
        return Optional.empty();
    }

    /** Whether {@code s} starts as a dotted date ({@code d.} or {@code dd.}); an ISO date's first dot is far later. */
    private static boolean isDotted(String s) {
        int dot = s.indexOf('.');
        return dot == 1 || dot == 2;
    }

    /**
     * A date whose day, month and year are separated by {@code separator}, then H:mm[:ss[.f]], as {@link
     * #parseSlashed}; a dotted date's time may be dotted too ({@code 16.11.2026 8.00}, as a Finnish spreadsheet writes
     * it).
     */
    private static Instant parseDate(String s, char separator, int yearDigits, boolean dayFirst) {
        int[] pos = {0};
        int a = number(s, pos, separator, 2);
        int b = number(s, pos, separator, 2);
        int month = dayFirst ? b : a;
        int day = dayFirst ? a : b;
        int year = number(s, pos, ' ', 4);
        if (yearDigits == 2) {
            year += 2000;
        } else if (yearDigits != 4) {
            return null;
        }
        return atTime(s, pos[0], year, month, day, separator == '.');
    }

    /**
     * A date written year first, {@code yyyy-M-d} (ISO-8601, with the hour in one digit or two, as a spreadsheet set
     * to Swedish or Canadian English writes it) or {@code yyyy/M/d} (a Japanese or Chinese spreadsheet), then {@code T}
     * or a space and H:mm[:ss[.f]]. Null if {@code s} is not one.
     */
    private static Instant parseYearFirst(String s) {
        char separator = s.charAt(4);
        int[] pos = {0};
        int year = number(s, pos, separator, 4);
        if (pos[0] != 5) {
            return null;
        }
        int month = number(s, pos, separator, 2);
        int i = pos[0];
        int day = 0;
        int digits = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9' && digits < 3) {
            day = day * 10 + (s.charAt(i++) - '0');
            digits++;
        }
        if (month < 0 || digits == 0 || digits > 2 || i >= s.length()
                || (s.charAt(i) != 'T' && s.charAt(i) != 't' && s.charAt(i) != ' ')) {
            return null;
        }
        return atTime(s, i + 1, year, month, day, false);
    }

    /**
     * The date {@code year}, {@code month}, {@code day} at the time {@code s} holds from {@code start} on (spaces
     * first): H:mm, H:mm:ss, and a fraction of a second after a dot or comma; the time is dotted if
     * {@code dottedTime} allows and its first separator is a dot. Null if it is no valid date and time.
     */
    private static Instant atTime(String s, int start, int year, int month, int day, boolean dottedTime) {
        int[] pos = {start};
        while (pos[0] < s.length() && s.charAt(pos[0]) == ' ') {
            pos[0]++;
        }
        int hourEnd = pos[0];
        while (hourEnd < s.length() && s.charAt(hourEnd) >= '0' && s.charAt(hourEnd) <= '9') {
            hourEnd++;
        }
        char timeSeparator = dottedTime && hourEnd < s.length() && s.charAt(hourEnd) == '.' ? '.' : ':';
        int hour = number(s, pos, timeSeparator, 2);
        int minute = number(s, pos, timeSeparator, 2);
        int second = 0;
        int nanos = 0;
        if (pos[0] < s.length()) {
            char fraction = timeSeparator == '.' ? ',' : '.';
            second = number(s, pos, fraction, 2);
            if (second >= 0 && s.charAt(pos[0] - 1) == fraction) {
                nanos = fraction(s, pos);
            }
        } else if (s.charAt(s.length() - 1) == timeSeparator) {
            return null;
        }
        if (month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month) || year < 0 || hour < 0
                || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || nanos < 0
                || pos[0] != s.length()) {
            return null;
        }
        return Instant.ofEpochSecond(epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second,
                nanos);
    }

    /** The fraction of a second (in nanoseconds) whose digits start at {@code pos}, up to the end; -1 if none. */
    private static int fraction(String s, int[] pos) {
        int i = pos[0];
        int nanos = 0;
        int digits = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            if (digits < 9) {
                nanos = nanos * 10 + (s.charAt(i) - '0');
            }
            digits++;
            i++;
        }
        pos[0] = i;
        if (digits == 0) {
            return -1;
        }
        for (int d = digits; d < 9; d++) {
            nanos *= 10;
        }
        return nanos;
    }

    /** The number of digits of the year in an {@code M/d/y…} date (after its second {@code separator}). */
    private static int yearDigits(String s, char separator) {
        int start = s.indexOf(separator, s.indexOf(separator) + 1) + 1;
        int i = start;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return start == 0 ? 0 : i - start;
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /**
     * Days from 1970-01-01 to a valid proleptic Gregorian date (the civil-from-days inverse: years start in March,
     * so the leap day is the last day of a year). Arithmetic instead of LocalDateTime: this runs once per new
     * timestamp of a million-row file.
     */
    static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468L;
    }

    /** Reads up to {@code maxDigits} digits then skips one {@code separator}; -1 on a malformed part. */
    private static int number(String s, int[] pos, char separator, int maxDigits) {
        int i = pos[0];
        int value = 0;
        int digits = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
            if (++digits > maxDigits) {
                return -1;
            }
            value = value * 10 + (s.charAt(i) - '0');
            i++;
        }
        if (digits == 0) {
            return -1;
        }
        if (i < s.length()) {
            if (s.charAt(i) != separator) {
                return -1;
            }
            i++;
        }
        pos[0] = i;
        return value;
    }

    /**
     * ISO-8601 as java.time reads it (an offset with seconds, say), an offset other than zero said
     * ({@link ParsedDate#OFFSET}); null if it does not read so.
     */
    private static ParsedDate parseIso(String s) {
        String t = s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + 'T' + s.substring(11) : s;
        try {
            OffsetDateTime at = OffsetDateTime.parse(t);
            return new ParsedDate(at.toInstant(), at.getOffset().getTotalSeconds() != 0 ? ParsedDate.OFFSET : 0,
                    ORDER_UNKNOWN);
        } catch (DateTimeParseException e) {
            // no offset: GMT
        }
        try {
            return new ParsedDate(LocalDateTime.parse(t).toInstant(ZoneOffset.UTC), (byte) 0, ORDER_UNKNOWN);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
