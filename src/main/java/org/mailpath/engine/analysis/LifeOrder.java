package org.mailpath.engine.analysis;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.mailpath.engine.log.MailEvent;

/**
 * The order of a chain's events of one second (Email Log times are to the minute) that come from several files: the
 * order of a message's life, not of the files. Sorting by time, then file, then line made a message whose R and T rows
 * are in one file and its D in another, in one minute, RTD given one way and DRT the other (no retry before the
 * delivery, and a verdict that could change, the last outcome deciding). Here each file's events of the second keep
 * their line order (the contract: one file, line order), and the files' sequences are merged by what comes first in
 * a message's life: a hop opens with an R, its T rows follow, and it ends with a D or P; an internal hand-off (a D
 * with TLS_Cipher {@code None}, or in a file without that column a D to a private relay address:
 * {@link ChainEvents#internalHandoff}) ends a hop and is followed by the next MTA's R
 * (R, D(None), R, D). So while a hop is open (the last event an R or T) a hand-off, then T rows, then an outcome
 * come before another R; while none is open an R comes first, and of two R's the one whose file hands off next
 * (after its T rows) opens the first hop. Only where that leaves a tie (two rows of the same kind), the file given
 * first comes first. A row with an exact copy in another file ({@link ChainEvents#sameRow}) is one event in both
 * files' sequences: it takes its place once both files reach it, the row of the file given first ahead of its
 * copies, so that {@link RowCopies} keeps the same row as before and the copy cannot pull the order towards one file.
 * Not a comparator: a rule "same file by line, else by life" is not transitive, so the sequences are merged, step by
 * step. A file not in time order (a row dated earlier than the row before it: newest first, or sorted by another
 * column; {@link ChainTexts#notInTimeOrder}) has a line order that says nothing about a second's order: each of its
 * rows is a sequence of its own, so its events of a second are put in a message's life order too, ties by line.
 * Only for seconds with events of two files or more, or of a file not in time order: a single log in time order
 * never gets here.
 */
final class LifeOrder {

    private LifeOrder() {
    }

    /**
     * Orders each second of {@code ev} (sorted by time, file and line) that holds events of several files, or of a
     * file not in time order, as a message's life; true if any event moved.
     */
    static boolean apply(ChainEvents ev) {
        int n = ev.size();
        boolean moved = false;
        int start = 0;
        while (start < n) {
            int end = start + 1;
            boolean files = false;
            while (end < n && ev.time(end) == ev.time(start)) {
                files |= ev.file(end) != ev.file(start) || ev.notInTimeOrder(ev.file(end));
                end++;
            }
            if (files) {
                // most such seconds of a log not in time order hold two events of it: ordered without the merge's
                // arrays and sets
                moved |= end - start == 2 && ev.file(start) == ev.file(start + 1) ? orderPair(ev, start)
                        : mergeSecond(ev, start, end);
            }
            start = end;
        }
        return moved;
    }

    /**
     * {@link #mergeSecond} for a second of exactly two events {@code from} and {@code from + 1} of one file not in
     * time order: each row is a run of its own, so neither hands off next, and the second goes first only if it comes
     * strictly earlier in a message's life ({@link Ranked#first}: ties to the lower index). A copy of the first (which
     * the merge places with it, in index order) has its event and texts, so its rank, and never goes first: no
     * {@link ChainEvents#sameRow} needed. True if they swapped.
     */
    static boolean orderPair(ChainEvents ev, int from) {
        MailEvent before = from > 0 ? ev.event(from - 1) : null;
        boolean open = before == MailEvent.RECEIVED || before == MailEvent.TRANSIENT_FAILURE;
        if (pairRank(ev, from + 1, open) >= pairRank(ev, from, open)) {
            return false;
        }
        ev.swap(from, from + 1);
        return true;
    }

    /** An event's {@link #rank} without a hand-off next; while a hop is open an R after every other kind. */
    private static int pairRank(ChainEvents ev, int i, boolean open) {
        MailEvent e = ev.event(i);
        return open && e == MailEvent.RECEIVED ? Integer.MAX_VALUE : rank(e, ev.internalHandoff(i), false);
    }

    /**
     * Merges the events {@code from} (inclusive) to {@code to} of one second, each file's in line order. Each step
     * takes, of the groups (a row and its copies) whose rows are all at the heads of their files' sequences, the one
     * first in a message's life ({@link #rank}), the file given first on a tie. The groups that are ready, and the
     * heads themselves for the rare step where none is ({@link Ranked}), are kept ordered as the heads move, so a step
     * costs the logarithm of the files' number rather than a look at every file and every row of the second: a zip of
     * thousands of logs, each with a row of one message in one second, would otherwise take time in the cube of their
     * number.
     */
    static boolean mergeSecond(ChainEvents ev, int from, int to) {
        int m = to - from;
        // the files' runs (sorted by file, so each file's events are together), and each event's run
        int[] run = new int[m];
        int[] runEnd = new int[m];
        int runs = 0;
        for (int k = 0; k < m; k++) {
            // a file not in time order gives each of its rows a run of its own: its line order tells nothing
            if (k > 0 && (ev.file(from + k) != ev.file(from + k - 1) || ev.notInTimeOrder(ev.file(from + k)))) {
                runEnd[runs++] = k;
            }
            run[k] = runs;
        }
        runEnd[runs++] = m;
        int[] group = copiesOfEarlierFiles(ev, from, m, run);
        // each group's rows in index order (rows of later files): the next of each, -1 after the last
        int[] next = new int[m];
        int[] last = new int[m];
        Arrays.fill(next, -1);
        int[] pending = new int[m];
        for (int k = 0; k < m; k++) {
            int g = group[k];
            if (g != k) {
                next[last[g]] = k;
            }
            last[g] = k;
            pending[g]++;
        }
        // per row: a hand-off, and whether its file's next event but T's is one; per group: of any of its rows
        boolean[] handoff = new boolean[m];
        boolean[] handsOffNext = new boolean[m];
        for (int k = m - 1; k >= 0; k--) {
            handoff[k] = ev.internalHandoff(from + k);
            if (k + 1 < runEnd[run[k]]) {
                handsOffNext[k] = ev.event(from + k + 1) == MailEvent.TRANSIENT_FAILURE ? handsOffNext[k + 1]
                        : handoff[k + 1];
            }
        }
        boolean[] groupHandoff = handoff.clone();
        boolean[] groupHandsOffNext = handsOffNext.clone();
        for (int k = 0; k < m; k++) {
            groupHandoff[group[k]] |= handoff[k];
            groupHandsOffNext[group[k]] |= handsOffNext[k];
        }
        // each row's rank as a head, and each group's (by its first row) as ready, worked out once: a set's element
        // is found for removal by the rank it was added with, so both read the same number
        int[] rowRank = new int[m];
        int[] groupRank = new int[m];
        for (int k = 0; k < m; k++) {
            MailEvent e = ev.event(from + k);
            rowRank[k] = rank(e, handoff[k], handsOffNext[k]);
            groupRank[k] = rank(e, groupHandoff[k], groupHandsOffNext[k]);
        }
        Ranked ready = new Ranked();
        Ranked heads = new Ranked();
        int[] head = new int[runs];
        for (int r = 0; r < runs; r++) {
            head[r] = r == 0 ? 0 : runEnd[r - 1];
            int h = head[r];
            heads.add(h, rowRank[h]);
            if (--pending[group[h]] == 0) {
                ready.add(group[h], groupRank[group[h]]);
            }
        }
        int[] order = new int[m];
        int placed = 0;
        MailEvent before = from > 0 ? ev.event(from - 1) : null;
        boolean open = before == MailEvent.RECEIVED || before == MailEvent.TRANSIENT_FAILURE;
        while (placed < m) {
            int best = ready.first(open);
            if (best >= 0) {
                ready.remove(best, groupRank[best]);
            } else {
                // the files put copies in contrary orders (never in a real log): the best head is taken on its own,
                // its group dissolved so its copies are taken as plain rows later, each ranked as its row (ready is
                // empty here, so no group changes rank while in it)
                best = heads.first(open);
                for (int k = group[best], after; k >= 0; k = after) {
                    after = next[k];
                    group[k] = k;
                    next[k] = -1;
                    groupRank[k] = rowRank[k];
                    pending[k] = head[run[k]] == k ? 0 : 1;
                    if (pending[k] == 0 && k != best) {
                        ready.add(k, groupRank[k]);
                    }
                }
            }
            for (int k = best; k >= 0; k = next[k]) {
                order[placed++] = k;
                int r = run[k];
                heads.remove(k, rowRank[k]);
                int h = ++head[r];
                if (h < runEnd[r]) {
                    heads.add(h, rowRank[h]);
                    int g = group[h];
                    if (--pending[g] == 0) {
                        ready.add(g, groupRank[g]);
                    }
                }
            }
            MailEvent e = ev.event(from + best);
            open = e == MailEvent.RECEIVED || e == MailEvent.TRANSIENT_FAILURE;
        }
        return write(ev, from, order);
    }

    /**
     * Per event of the second (from {@code from}, {@code m} of them), the earlier event of another file it is an
     * exact copy of ({@link ChainEvents#sameRow}), itself if none: at most one copy per file and row, since one file's
     * two copies of a row cannot both be at the head of that file's sequence together. Rows are compared only with
     * the rows of their bucket ({@link ChainEvents#copyKey} on the columns every file of the second has, equal for
     * any two copies), and there with at most {@link RowCopies#LOOK_BACK} of them: a row of a thousand files is
     * found in the first it looks at.
     */
    private static int[] copiesOfEarlierFiles(ChainEvents ev, int from, int m, int[] run) {
        if (m <= RowCopies.LOOK_BACK) {
            return copiesAmongFew(ev, from, m, run);
        }
        int lacking = 0;
        for (int k = 0; k < m; k++) {
            lacking |= ev.lacking(from + k);
        }
        int[] group = new int[m];
        // the run of each group's last row: rows are taken in file order, so a group grows file by file
        int[] lastRun = new int[m];
        Map<Integer, Bucket> buckets = new HashMap<>();
        for (int k = 0; k < m; k++) {
            group[k] = k;
            lastRun[k] = run[k];
            Bucket b = buckets.computeIfAbsent(ev.copyKey(from + k, lacking), key -> new Bucket());
            if (b.run != run[k]) {
                b.run = run[k];
                b.free = 0;
            }
            // the groups this file's earlier rows joined, in order as its rows repeat an earlier file's, are skipped
            while (b.free < b.size && lastRun[b.rows[b.free]] == run[k]) {
                b.free++;
            }
            int found = -1;
            for (int x = b.free, looked = 0; x < b.size && looked < RowCopies.LOOK_BACK; x++, looked++) {
                int i = b.rows[x];
                if (lastRun[i] != run[k] && ev.sameRow(from + i, from + k)) {
                    found = i;
                    break;
                }
            }
            if (found >= 0) {
                group[k] = found;
                lastRun[found] = run[k];
            } else {
                b.add(k);
            }
        }
        return group;
    }

    /**
     * {@link #copiesOfEarlierFiles} for a second of a few events (two overlapping logs: a row and its copy), each
     * compared with those before it: the same groups as the buckets give, without hashing each event's texts.
     */
    private static int[] copiesAmongFew(ChainEvents ev, int from, int m, int[] run) {
        int[] group = new int[m];
        int[] lastRun = new int[m];
        for (int k = 0; k < m; k++) {
            group[k] = k;
            lastRun[k] = run[k];
            for (int i = 0; i < k; i++) {
                if (group[i] == i && lastRun[i] != run[k] && ev.sameRow(from + i, from + k)) {
                    group[k] = i;
                    lastRun[i] = run[k];
                    break;
                }
            }
        }
        return group;
    }

    /** The first rows of groups with one {@link ChainEvents#copyKey}, in index order. */
    private static final class Bucket {
        private int[] rows = new int[1];
        private int size;
        /** The run whose rows were last looked up, and how many of {@link #rows} they all joined. */
        private int run = -1;
        private int free;

        void add(int row) {
            if (size == rows.length) {
                rows = Arrays.copyOf(rows, 2 * size);
            }
            rows[size++] = row;
        }
    }

    /**
     * Rows (or groups, by their first row) ordered by their place in a message's life ({@link #rank}), then index
     * (file order): an R's place depends on whether a hop is open, so the R's are kept apart, those whose file hands
     * off next ahead of the others while none is open.
     */
    private static final class Ranked {
        private final TreeSet<Long> others = new TreeSet<>();
        private final TreeSet<Long> rFirst = new TreeSet<>();
        private final TreeSet<Long> rLater = new TreeSet<>();

        void add(int row, int rank) {
            set(rank).add((long) rank << 32 | row);
        }

        void remove(int row, int rank) {
            set(rank).remove((long) rank << 32 | row);
        }

        private TreeSet<Long> set(int rank) {
            return rank == 0 ? rFirst : rank == 1 ? rLater : others;
        }

        private static int row(TreeSet<Long> set) {
            return set.isEmpty() ? Integer.MAX_VALUE : (int) (long) set.first();
        }

        /** The first while a hop is open or not ({@code open}), -1 if none. */
        int first(boolean open) {
            int best;
            if (open) {
                best = !others.isEmpty() ? row(others) : Math.min(row(rFirst), row(rLater));
            } else {
                best = !rFirst.isEmpty() ? row(rFirst) : !rLater.isEmpty() ? row(rLater) : row(others);
            }
            return best == Integer.MAX_VALUE ? -1 : best;
        }
    }

    /**
     * The place in a message's life of an event {@code e}, or of a group of a row and its copies: while no hop is
     * open an R (0 if its file, or the file of one of its copies, hands off next: {@code handsOffNext}, the next event
     * but T's a hand-off), then a hand-off 2, T 3, D 4, P 5; while one is open an R is last (taken after every other
     * kind by {@link Ranked#first}). A T of another file than a hand-off of the same minute may be a retry of either
     * hop: it is put in the next, since a hop between Salesforce's own servers is rarely retried and a delivery to the
     * recipient's server often is (greylisting). A D is a hand-off if any of its copies says so ({@code handoff}: the
     * kept row takes the column its file lacks from them). D before P only so that a tie of the two does not fall to
     * the file order.
     */
    private static int rank(MailEvent e, boolean handoff, boolean handsOffNext) {
        return switch (e) {
            case RECEIVED -> handsOffNext ? 0 : 1;
            case DELIVERED -> handoff ? 2 : 4;
            case TRANSIENT_FAILURE -> 3;
            case PERMANENT_FAILURE -> 5;
        };
    }

    /** Puts the events of the second in {@code order} (indexes from {@code from}); true if any moved. */
    private static boolean write(ChainEvents ev, int from, int[] order) {
        boolean moved = false;
        for (int k = 0; k < order.length; k++) {
            moved |= order[k] != k;
        }
        if (!moved) {
            return false;
        }
        int w = ChainEvents.INTS;
        int[] n = ev.numbers;
        int[] copy = Arrays.copyOfRange(n, from * w, (from + order.length) * w);
        for (int k = 0; k < order.length; k++) {
            System.arraycopy(copy, order[k] * w, n, (from + k) * w, w);
        }
        return true;
    }
}
