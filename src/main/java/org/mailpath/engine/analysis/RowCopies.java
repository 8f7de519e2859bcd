package org.mailpath.engine.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rows that are exact copies of an earlier row (every column equal but the line; between two files, every column both
 * have: {@link ChainEvents#sameRow}), as a log joined from exports whose
 * time windows overlap has them, and so do several logs analysed together whose request windows overlap: found in
 * each chain as it is judged and left out of it, so no event or retry counts twice. Counts them per file (the file of
 * the copy, the later one in file order) and keeps each file's first few (by line) for its one warning. One per judging
 * thread; added up afterwards ({@link #addAll}), with a result that does not depend on which thread found which copy.
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

    /**
     * A copy's file (its index among the files analysed together) and line, and the file and line of the row it
     * repeats (the same file, or an earlier one).
     */
    record Copy(int file, long line, int originalFile, long original) {
    }

    /** The copies of one file: how many, and those with the lowest lines found so far, at most {@link #LISTED}. */
    private static final class InFile {
        private long count;
        private final List<Copy> first = new ArrayList<>(LISTED + 1);
    }

    /** Per file index, in file order; files without copies have no entry. */
    private final Map<Integer, InFile> files = new TreeMap<>();

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
                    ev.fillFrom(j, i);
                    note(new Copy(ev.file(j), ev.line(j), ev.file(i), ev.line(i)));
                    break;
                }
            }
        }
        return copy == null ? ev : chain.without(ev, copy);
    }

    private void note(Copy c) {
        InFile f = files.computeIfAbsent(c.file(), k -> new InFile());
        f.count++;
        keepIfFirst(f, c);
    }

    private static void keepIfFirst(InFile f, Copy c) {
        if (f.first.size() < LISTED || c.line() < f.first.getLast().line()) {
            f.first.add(c);
            f.first.sort(Comparator.comparingLong(Copy::line));
            if (f.first.size() > LISTED) {
                f.first.removeLast();
            }
        }
    }

    void addAll(RowCopies other) {
        other.files.forEach((file, theirs) -> {
            InFile mine = files.computeIfAbsent(file, k -> new InFile());
            mine.count += theirs.count;
            theirs.first.forEach(c -> keepIfFirst(mine, c));
        });
    }

    /** The copies in the file with index {@code file}. */
    long count(int file) {
        InFile f = files.get(file);
        return f == null ? 0 : f.count;
    }

    /** The copies with the lowest lines in the file with index {@code file}, in line order (at most {@link #LISTED}). */
    List<Copy> first(int file) {
        InFile f = files.get(file);
        return f == null ? List.of() : List.copyOf(f.first);
    }
}
