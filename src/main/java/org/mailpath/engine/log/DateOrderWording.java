package org.mailpath.engine.log;

import java.util.Optional;
import org.mailpath.engine.finding.LocalText;

/** What is said of the order of day and month a file's dates were read in: why it was taken, what contradicts it. */
final class DateOrderWording {

    private DateOrderWording() {
    }

    /** Why the dates are read in {@code order}, given before the read; empty for the order of the first rows. */
    static Optional<LocalText> given(DateOrder order) {
        return Optional.ofNullable(switch (order) {
            case DateOrder.FromFirstRows f -> null;
            case DateOrder.DayFirstByAllDates d -> LogTexts.text("file.readDayFirst.allDates", d.dates(),
                    d.dayFirstOnly());
            case DateOrder.DayFirstBySpan b -> LogTexts.text("file.readDayFirst.span", b.monthFirstDays(),
                    b.dayFirstDays());
            case DateOrder.DayFirstLike l -> LogTexts.text("file.readDayFirst.like", l.file());
            case DateOrder.OtherOrderThanFirstRows o -> LogTexts.text(o.dayFirst() ? "file.readDayFirst.refused"
                    : "file.readMonthFirst.refused", o.rejected());
        });
    }

    /**
     * That the file's dates contradict each other, where some read only day first and others only month first: the
     * {@code otherOrderOnly} rows whose date reads only in the order the file was not read in are rejected, and named
     * (their count and first line, {@code firstOtherOrderOnlyLine}). A file read month first is so as soon as one
     * date among its first rows reads only month first ({@link DateOrderSniff}), and rejects the dates that read only
     * day first; one read day first ({@code dayFirst}) rejects those that read only month first. Either way, the dates
     * whose first two numbers are both 12 or less may be misread. A file read again in the other order, none of its
     * rows usable in the first ({@code againstFirstRows}), says so too: read day first, not as its first rows
     * decided. {@code monthFirstDates}: the rows whose date reads only month first.
     */
    static Optional<LocalText> contradiction(boolean dayFirst, boolean againstFirstRows, long otherOrderOnly,
                                             long firstOtherOrderOnlyLine, long monthFirstDates) {
        if (dayFirst && otherOrderOnly > 0) {
            return Optional.of(LogTexts.text(againstFirstRows ? "file.datesContradict.readDayFirstAgain"
                    : "file.datesContradict.readDayFirst", otherOrderOnly, firstOtherOrderOnlyLine));
        }
        if (!dayFirst && otherOrderOnly > 0 && monthFirstDates > 0) {
            return Optional.of(LogTexts.text("file.datesContradict.readMonthFirst", otherOrderOnly,
                    firstOtherOrderOnlyLine));
        }
        return Optional.empty();
    }

    /**
     * A file read month first ({@code dayFirst} false) some of whose dates read only day first ({@code dayFirstOnly}
     * rows rejected) and none only month first ({@code monthFirstDates}): its {@code eitherWayDates} accepted rows
     * whose date reads either way may be misdated. MailPath cannot go back to the rows it has handed on, so it says
     * which of them; empty where it is not so.
     */
    static Optional<LocalText> mayBeMisdated(boolean dayFirst, long dayFirstOnly, long monthFirstDates,
                                             long eitherWayDates) {
        return !dayFirst && dayFirstOnly > 0 && monthFirstDates == 0 && eitherWayDates > 0
                ? Optional.of(LogTexts.text("file.dayFirst", dayFirstOnly, eitherWayDates)) : Optional.empty();
    }
}
