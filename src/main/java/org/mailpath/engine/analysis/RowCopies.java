package org.mailpath.engine.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Rows that are exact copies of an earlier row (every column equal but the line), as a log joined from exports whose
 * time windows overlap has them: found in each chain as it is judged and left out of it, so no event or retry counts
 * twice. Counts them and keeps the first few (by line) for the file's one warning. One per judging thread; added up
 * afterwards ({@link #addAll}), with a result that does not depend on which thread found which copy.
 */
final class RowCopies {

    /** Copies listed in the warning. */
    static final int LISTED = 5;
    /**
     * How many earlier events of the same second an event is compared with: a copy is next to its row once the
     * events are sorted by time and line unless a chain has hundreds of events in one second, which would
     * otherwise cost time in the square of their number.
     */
    private static final int LOOK_BACK = 256;

    /** A copy's line and the line of the row it repeats. */
    record Copy(long line, long original) {
    }

    private long count;
    /** The copies with the lowest lines found so far, at most {@link #LISTED}, in line order. */
    private final List<Copy> first = new ArrayList<>(LISTED + 1);

    /**
     * Leaves the copies out of {@code chain}, whose events {@code ev} are sorted by time and line: an event equal to
     * an earlier one of the same second ({@link ChainEvents#sameRow}) is the later row's copy. Returns the events
     * left ({@code ev} itself when there was no copy).
     */
    ChainEvents leaveOut(ChainBuilder chain, ChainEvents ev) {
        int n = ev.size();
        boolean[] copy = null;
        int secondStart = 0;
        for (int j = 1; j < n; j++) {
            if (ev.time(j) != ev.time(j - 1)) {
                secondStart = j;
                continue;
            }
            for (int i = j - 1; i >= Math.max(secondStart, j - LOOK_BACK); i--) {
                if ((copy == null || !copy[i]) && ev.sameRow(i, j)) {
                    if (copy == null) {
                        copy = new boolean[n];
                    }
                    copy[j] = true;
                    note(new Copy(ev.line(j), ev.line(i)));
                    break;
                }
            }
        }
        return copy == null ? ev : chain.without(ev, copy);
    }

    private void note(Copy c) {
        count++;
        if (first.size() < LISTED || c.line() < first.getLast().line()) {
            first.add(c);
            first.sort(Comparator.comparingLong(Copy::line));
            if (first.size() > LISTED) {
                first.removeLast();
            }
        }
    }

    void addAll(RowCopies other) {
        long before = count;
        other.first.forEach(this::note);
        count = before + other.count;
    }

    long count() {
        return count;
    }

    /** The copies with the lowest lines, in line order (at most {@link #LISTED}). */
    List<Copy> first() {
        return List.copyOf(first);
    }
}
