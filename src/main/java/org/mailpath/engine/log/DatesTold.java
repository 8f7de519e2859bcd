package org.mailpath.engine.log;

/**
 * What a file's slashed dates told of the order of day and month, counted over all its rows once read:
 * {@code readDayFirst} whether it was read day first (then only {@code monthFirstOnly} is kept, the rows rejected whose
 * date reads only month first; the other counts are 0); else the rows whose date reads only month first
 * ({@code monthFirstOnly}) or either way ({@code eitherWay}), the rows rejected whose date reads only day first
 * ({@code dayFirstOnly}), and the rows whose date has the same day and month ({@code sameEitherWay}, 11/11/2026: read
 * alike in both orders, so neither in {@code eitherWay} nor telling anything). A row whose date read but that was
 * rejected for another cell (an empty Mail Event) counts too: its date is one of the file's, and may contradict the
 * others. {@code noRowUsable}: told by the refusal of a file none of whose rows could be used. Read month first,
 * {@code monthFirstSpan} is how far (in seconds) its earliest and latest dates lie apart, and {@code dayFirstSpan} how
 * far the same dates would read day first (0 read day first).
 */
public record DatesTold(boolean readDayFirst, long monthFirstOnly, long eitherWay, long dayFirstOnly,
                        long sameEitherWay, boolean noRowUsable, long monthFirstSpan, long dayFirstSpan) {

    /**
     * The longest time one Email Log export covers: a request is for at most 7 days (secondary sources only, see
     * ../shared/reference/salesforce-email-log-and-codes.md §1.6; the app's texts say so too). A file whose dates,
     * read month first, lie further apart than this while read day first they do not is read day first
     * ({@link #spanSaysDayFirst}).
     */
    public static final long EXPORT_SECONDS = 7 * 86_400L;

    /** Nothing counted (no slashed date, or not known). */
    public static final DatesTold NOTHING = new DatesTold(false, 0, 0, 0, 0, false, 0, 0);

    /**
     * Read month first while its dates say day first: some read only day first and none only month first, the rule
     * {@link DateOrderSniff} decides the first rows by.
     */
    public boolean saysDayFirst() {
        return !readDayFirst && dayFirstOnly > 0 && monthFirstOnly == 0;
    }

    /**
     * Read month first with slashed dates that all read either way, whose spans do not decide the order
     * ({@link #spanSaysDayFirst}): nothing in the file tells the order.
     */
    public boolean tellsNothing() {
        return noDateTells() && !spanSaysDayFirst();
    }

    /**
     * Read month first with slashed dates that all read either way, some of its rows usable, whose dates read month
     * first lie more than {@link #EXPORT_SECONDS} apart while read day first they lie no more than that: one Email Log
     * export cannot hold the month-first reading (a UK spreadsheet's re-save of 6 and 7 November, 06/11/2026 and
     * 07/11/2026, reads 11 June to 11 July), while the day-first reading is one export's. Only when no date decides:
     * one date that reads only month first (as Salesforce writes them) keeps the file month first, whatever its span.
     */
    public boolean spanSaysDayFirst() {
        return noDateTells() && !noRowUsable && monthFirstSpan > EXPORT_SECONDS && dayFirstSpan <= EXPORT_SECONDS;
    }

    /** The whole days the dates lie apart read month first, a part of a day counted as one ({@link #monthFirstSpan}). */
    public long monthFirstDays() {
        return ceilDays(monthFirstSpan);
    }

    /** The whole days the dates would lie apart read day first, a part of a day counted as one. */
    public long dayFirstDays() {
        return ceilDays(dayFirstSpan);
    }

    private static long ceilDays(long seconds) {
        return (seconds + 86_399L) / 86_400L;
    }

    private boolean noDateTells() {
        return !readDayFirst && monthFirstOnly == 0 && dayFirstOnly == 0 && eitherWay > 0;
    }

    /** The rows rejected for a date that reads only in the order the file was not read in. */
    public long otherOrderOnly() {
        return readDayFirst ? monthFirstOnly : dayFirstOnly;
    }

    /**
     * A file none of whose rows could be used, whose dates contradict each other: read in the order its first rows
     * decided ({@link DateOrderSniff}), some rows were rejected only for a date that reads in the other order alone.
     * Read in the other order, those may be usable, and no row is lost that was not lost already: a row whose date
     * read was rejected for another cell, which the order does not change. (One whose dates do not contradict says
     * day first: {@link #saysDayFirst}.)
     */
    public boolean usableInTheOtherOrder() {
        return noRowUsable && otherOrderOnly() > 0 && !saysDayFirst();
    }

    /** The slashed dates counted (read, or rejected as only day first), those of the same day and month too. */
    public long dates() {
        return monthFirstOnly + eitherWay + dayFirstOnly + sameEitherWay;
    }
}
