package org.mailpath.engine.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mailpath.engine.common.ProgressPhase;
import org.mailpath.engine.log.DateOrder;
import org.mailpath.engine.log.DatesTold;
import org.mailpath.engine.log.ReadSummary;

/**
 * Which files of an analysis are read again day first once all were read. A file's order is decided on its first
 * rows (they must stream on into the chains), so a file re-saved day first whose first rows read either way is read
 * month first though its later dates read only day first ({@link DatesTold#saysDayFirst}): it is read again day first.
 * A file none of whose dates tells the order ({@link DatesTold#tellsNothing}) follows the files of the same analysis
 * read day first by their own dates (exports of one request re-saved by one spreadsheet, in one language), rather
 * than be read month first beside them; a file whose dates told month first keeps it.
 */
final class DayFirstFiles {

    private DayFirstFiles() {
    }

    /**
     * The order of each file (by index, as {@code summaries}, empty for a file left out; named by {@code labels}) for
     * a second read, or empty when the first read stands: no file read month first is to be read day first.
     */
    static Optional<List<DateOrder>> readAgainIn(List<Optional<ReadSummary>> summaries, List<String> labels) {
        List<DateOrder> orders = new ArrayList<>(summaries.size());
        Optional<String> leader = Optional.empty();
        boolean again = false;
        for (int k = 0; k < summaries.size(); k++) {
            DatesTold told = summaries.get(k).map(ReadSummary::dates).orElse(DatesTold.NOTHING);
            if (told.saysDayFirst()) {
                orders.add(new DateOrder.DayFirstByAllDates(told.dates(), told.dayFirstOnly()));
                again = true;
            } else {
                orders.add(DateOrder.FROM_FIRST_ROWS);
            }
            if (leader.isEmpty() && (told.readDayFirst() || told.saysDayFirst())) {
                leader = Optional.of(labels.get(k));
            }
        }
        if (leader.isPresent()) {
            for (int k = 0; k < summaries.size(); k++) {
                if (summaries.get(k).map(s -> s.dates().tellsNothing()).orElse(false)) {
                    orders.set(k, new DateOrder.DayFirstLike(leader.get()));
                    again = true;
                }
            }
        }
        return again ? Optional.of(List.copyOf(orders)) : Optional.empty();
    }

    /**
     * The progress phase of a second read in {@code orders} ({@link #readAgainIn}), naming the files whose dates
     * caused it: those read day first by all their dates, and the files that those whose dates tell nothing follow.
     */
    static ProgressPhase.ReadAgainDayFirst phase(List<DateOrder> orders, List<String> labels) {
        Set<String> because = new LinkedHashSet<>();
        for (int k = 0; k < orders.size(); k++) {
            switch (orders.get(k)) {
                case DateOrder.DayFirstByAllDates d -> because.add(labels.get(k));
                case DateOrder.DayFirstLike like -> because.add(like.file());
                case DateOrder.FromFirstRows f -> { }
            }
        }
        return new ProgressPhase.ReadAgainDayFirst(List.copyOf(because));
    }
}
