package org.mailpath.engine.log;

/**
 * What a file's slashed dates told of the order of day and month, counted over all its rows once read:
 * {@code readDayFirst} whether it was read day first (then the counts are not kept: 0); else the rows whose date reads
 * only month first ({@code monthFirstOnly}) or either way ({@code eitherWay}), the rows rejected whose date reads only
 * day first ({@code dayFirstOnly}), and the rows whose date has the same day and month ({@code sameEitherWay},
 * 11/11/2026: read alike in both orders, so neither in {@code eitherWay} nor telling anything). A row whose date read
 * but that was rejected for another cell (an empty Mail Event) counts too: its date is one of the file's, and may
 * contradict the others.
 */
public record DatesTold(boolean readDayFirst, long monthFirstOnly, long eitherWay, long dayFirstOnly,
                        long sameEitherWay) {

    /** Nothing counted (no slashed date, or not known). */
    public static final DatesTold NOTHING = new DatesTold(false, 0, 0, 0, 0);

    /**
     * Read month first while its dates say day first: some read only day first and none only month first, the rule
     * {@link DateOrderSniff} decides the first rows by.
     */
    public boolean saysDayFirst() {
        return !readDayFirst && dayFirstOnly > 0 && monthFirstOnly == 0;
    }

    /** Read month first with slashed dates that all read either way: nothing in the file tells the order. */
    public boolean tellsNothing() {
        return !readDayFirst && monthFirstOnly == 0 && dayFirstOnly == 0 && eitherWay > 0;
    }

    /** The slashed dates counted (read, or rejected as only day first), those of the same day and month too. */
    public long dates() {
        return monthFirstOnly + eitherWay + dayFirstOnly + sameEitherWay;
    }
}
