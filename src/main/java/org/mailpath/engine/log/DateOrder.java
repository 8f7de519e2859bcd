package org.mailpath.engine.log;

/**
 * The order of day and month a file's slashed dates are read in, given before it is read: decided from its own first
 * rows ({@link DateOrderSniff}), as a file read on its own always is, or day first because a first read of it, or of
 * the files analysed with it, showed so once its first rows had streamed on (they cannot be read again, so the file is),
 * or the other order than its first rows decided when no row of it could be used in theirs.
 */
public sealed interface DateOrder {

    /** Decided from the file's first rows. */
    DateOrder FROM_FIRST_ROWS = new FromFirstRows();

    /** Decided from the file's first rows ({@link DateOrderSniff}). */
    record FromFirstRows() implements DateOrder {
    }

    /**
     * Day first, as all the file's dates said on a first read ({@link DatesTold#saysDayFirst}): {@code dates} slashed
     * dates, {@code dayFirstOnly} of them read only day first, none only month first; its first rows could not tell.
     */
    record DayFirstByAllDates(long dates, long dayFirstOnly) implements DateOrder {
    }

    /**
     * Day first because no date told the order and, read month first, the dates lie {@code monthFirstDays} apart, more
     * than one Email Log export covers, while read day first they lie {@code dayFirstDays} apart, within one
     * ({@link DatesTold#spanSaysDayFirst}).
     */
    record DayFirstBySpan(long monthFirstDays, long dayFirstDays) implements DateOrder {
    }

    /**
     * Day first like {@code file}, analysed with it and read day first by its own dates, while none of this file's
     * dates tells the order ({@link DatesTold#tellsNothing}): logs exported together are re-saved by one spreadsheet.
     */
    record DayFirstLike(String file) implements DateOrder {
    }

    /**
     * Day first if {@code dayFirst}, else month first: the other order than the file's first rows decided, in which
     * none of its rows could be used and {@code rejected} were rejected only for a date that reads in this order alone
     * ({@link DatesTold#usableInTheOtherOrder}).
     */
    record OtherOrderThanFirstRows(boolean dayFirst, long rejected) implements DateOrder {
    }
}
