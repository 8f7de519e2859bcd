package org.mailpath.engine.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.mailpath.engine.common.ProgressPhase;
import org.mailpath.engine.log.DateOrder;
import org.mailpath.engine.log.DateOrderDisagreement;
import org.mailpath.engine.log.DatesTold;
import org.mailpath.engine.log.FileProblem;

/**
 * Which files of an analysis are read again day first once all were read. A file's order is decided on its first
 * rows (they must stream on into the chains), so a file re-saved day first whose first rows read either way is read
 * month first though its later dates read only day first ({@link DatesTold#saysDayFirst}): it is read again day first.
 * A file none of whose dates tells the order ({@link DatesTold#tellsNothing}) follows the files of the same analysis
 * read day first by their own dates (exports of one request re-saved by one spreadsheet, in one language), rather
 * than be read month first beside them, but only when no file of the analysis told month first: when they disagree,
 * nothing says which it is like, and it stays month first, as Salesforce writes it, with a warning naming both
 * ({@link #disagreements}). A file whose dates told month first keeps it. A file left out of the first read because
 * none of its rows could be used counts by what the dates of its rejected rows told
 * ({@link org.mailpath.engine.analysis.UnusableLogException#datesTold}): when they said day first, it is read again day
 * first like a file whose later dates did (read so, its rows may be usable), and files telling nothing may follow it.
 * When its dates contradict each other, some rejected only for reading in the other order than its first rows decided
 * ({@link DatesTold#usableInTheOtherOrder}), it is read again in that order, day or month first: nothing of it was
 * used, so nothing is lost, and the rows rejected for their date may be usable. Such a file leads no other. A file
 * none of whose dates tells the order but whose dates read month first lie further apart than one Email Log export
 * covers, while read day first they do not ({@link DatesTold#spanSaysDayFirst}), is read again day first, and leads the
 * files telling nothing as one read day first by its dates: decided per file, as files analysed together may
 * rightly span weeks.
 */
final class DayFirstFiles {

    private DayFirstFiles() {
    }

    /**
     * The order of each file (by index, as {@code dates}: what its dates told in the first read, empty for a file left
     * out for another reason; named by {@code labels}) for a second read, or empty when the first read stands: no
     * file read month first is to be read day first.
     */
    static Optional<List<DateOrder>> readAgainIn(List<Optional<DatesTold>> dates, List<String> labels) {
        List<DateOrder> orders = new ArrayList<>(dates.size());
        Optional<String> leader = monthFirst(dates, labels).isEmpty() ? dayFirst(dates, labels).stream()
                .findFirst() : Optional.empty();
        boolean again = false;
        for (int k = 0; k < dates.size(); k++) {
            DatesTold told = dates.get(k).orElse(DatesTold.NOTHING);
            if (told.saysDayFirst()) {
                orders.add(new DateOrder.DayFirstByAllDates(told.dates(), told.dayFirstOnly()));
                again = true;
            } else if (told.spanSaysDayFirst()) {
                orders.add(new DateOrder.DayFirstBySpan(told.monthFirstDays(), told.dayFirstDays()));
                again = true;
            } else if (told.usableInTheOtherOrder()) {
                orders.add(new DateOrder.OtherOrderThanFirstRows(!told.readDayFirst(), told.otherOrderOnly()));
                again = true;
            } else {
                orders.add(DateOrder.FROM_FIRST_ROWS);
            }
        }
        if (leader.isPresent()) {
            for (int k = 0; k < dates.size(); k++) {
                if (dates.get(k).map(DatesTold::tellsNothing).orElse(false)) {
                    orders.set(k, new DateOrder.DayFirstLike(leader.get()));
                    again = true;
                }
            }
        }
        return again ? Optional.of(List.copyOf(orders)) : Optional.empty();
    }

    /**
     * Per file (by index, as {@code dates}), the warning of one whose dates tell nothing when the others disagree:
     * some were read day first (or are to be), others told month first; empty for every other file.
     */
    static List<Optional<FileProblem>> disagreements(List<Optional<DatesTold>> dates, List<String> labels) {
        List<String> dayFirst = dayFirst(dates, labels);
        List<String> monthFirst = monthFirst(dates, labels);
        List<Optional<FileProblem>> notes = new ArrayList<>(dates.size());
        for (int k = 0; k < dates.size(); k++) {
            boolean undecided = dates.get(k).map(DatesTold::tellsNothing).orElse(false);
            notes.add(undecided && !dayFirst.isEmpty() && !monthFirst.isEmpty()
                    ? Optional.of(DateOrderDisagreement.warning(labels.get(k), dayFirst, monthFirst))
                    : Optional.empty());
        }
        return notes;
    }

    /**
     * The files read day first, or to be read so by all their dates; not one whose dates contradict each other, read
     * again in the other order ({@link DatesTold#usableInTheOtherOrder}): it tells the others nothing.
     */
    private static List<String> dayFirst(List<Optional<DatesTold>> dates, List<String> labels) {
        return named(dates, labels, told -> !told.usableInTheOtherOrder()
                && (told.readDayFirst() || told.saysDayFirst() || told.spanSaysDayFirst()));
    }

    /** The files read month first with some date that reads only month first; as {@link #dayFirst}, not one read again. */
    private static List<String> monthFirst(List<Optional<DatesTold>> dates, List<String> labels) {
        return named(dates, labels, told -> !told.usableInTheOtherOrder() && !told.readDayFirst()
                && told.monthFirstOnly() > 0);
    }

    private static List<String> named(List<Optional<DatesTold>> dates, List<String> labels,
                                      Predicate<DatesTold> which) {
        List<String> names = new ArrayList<>();
        for (int k = 0; k < dates.size(); k++) {
            if (dates.get(k).filter(which).isPresent()) {
                names.add(labels.get(k));
            }
        }
        return names;
    }

    /**
     * The progress phase of a second read in {@code orders} ({@link #readAgainIn}), naming the files whose dates
     * caused it: those read day first by all their dates or against their first rows, and the files that those whose
     * dates tell nothing follow; a second read only of files read month first against their first rows names them.
     */
    static ProgressPhase phase(List<DateOrder> orders, List<String> labels) {
        Set<String> because = new LinkedHashSet<>();
        Set<String> monthFirst = new LinkedHashSet<>();
        for (int k = 0; k < orders.size(); k++) {
            switch (orders.get(k)) {
                case DateOrder.DayFirstByAllDates d -> because.add(labels.get(k));
                case DateOrder.DayFirstBySpan b -> because.add(labels.get(k));
                case DateOrder.DayFirstLike like -> because.add(like.file());
                case DateOrder.OtherOrderThanFirstRows o -> (o.dayFirst() ? because : monthFirst).add(labels.get(k));
                case DateOrder.FromFirstRows f -> { }
            }
        }
        // named by the files read day first where there are some: the usual second read, the other a rare one
        return because.isEmpty() ? new ProgressPhase.ReadAgain(false, List.copyOf(monthFirst))
                : new ProgressPhase.ReadAgain(true, List.copyOf(because));
    }
}
