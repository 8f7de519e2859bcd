package org.mailpath.engine.log;

import java.time.Instant;

/**
 * A date {@link LogDates#parse} read: its time (GMT), the forms it was written in that the reader warns about, and
 * what it tells of the order of day and month. A value, so that what a row's date was is read from the row's own
 * result, whatever was parsed since. {@link LogDates} remembers each one with its text: a row whose date text was seen
 * before gets the same instance back, so the result costs no allocation beyond the {@link Instant} a new text needs.
 *
 * @param time  the time the text stands for, in GMT
 * @param forms the forms the reader warns about, one bit each ({@link #TWO_DIGIT_YEAR}, {@link #DOTTED},
 *              {@link #TWELVE_HOUR}, {@link #OFFSET}, {@link #DASHED}): 0 for a date of the usual form, so that such a
 *              row costs one test ({@link #plain})
 * @param order what a slashed date tells of the order of day and month: {@link LogDates#ORDER_UNKNOWN} (not slashed,
 *              or read day first: the order was decided before), {@link LogDates#ORDER_MONTH_FIRST},
 *              {@link LogDates#ORDER_EITHER} or {@link LogDates#ORDER_SAME}
 */
public record ParsedDate(Instant time, byte forms, byte order) {

    /** A bit of {@link #forms}: the date had a two-digit year. */
    static final byte TWO_DIGIT_YEAR = 1;
    /** A bit of {@link #forms}: the date was dotted ({@code d.M.yyyy}). */
    static final byte DOTTED = 2;
    /** A bit of {@link #forms}: the time was written with AM or PM. */
    static final byte TWELVE_HOUR = 4;
    /** A bit of {@link #forms}: the time had an offset from GMT other than zero, and was converted to GMT. */
    static final byte OFFSET = 8;
    /** A bit of {@link #forms}: the date was dashed with the year last ({@code d-M-yyyy}), read day first. */
    static final byte DASHED = 16;

    /** Whether the date had a two-digit year (the reader warns about those). */
    boolean twoDigitYear() {
        return (forms & TWO_DIGIT_YEAR) != 0;
    }

    /** Whether the date was dotted ({@code d.M.yyyy}: the reader says so once). */
    boolean dotted() {
        return (forms & DOTTED) != 0;
    }

    /** Whether the time was written with AM or PM (the reader says so once). */
    boolean twelveHour() {
        return (forms & TWELVE_HOUR) != 0;
    }

    /**
     * Whether the time had an offset from GMT other than zero ({@code +01:00}), converted to GMT: the reader says so
     * once, since Salesforce writes GMT.
     */
    boolean withOffset() {
        return (forms & OFFSET) != 0;
    }

    /** Whether the date was dashed with the year last ({@code d-M-yyyy}). */
    boolean dashed() {
        return (forms & DASHED) != 0;
    }

    /** Whether the date was in none of the forms the reader warns about: a row of the usual form costs one test. */
    boolean plain() {
        return forms == 0;
    }
}
