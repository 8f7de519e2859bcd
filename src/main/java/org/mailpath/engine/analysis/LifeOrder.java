package org.mailpath.engine.analysis;

import java.util.Arrays;
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
 * step. Only for seconds with events of two files or more: a single log never gets here.
 */
final class LifeOrder {

    private LifeOrder() {
    }

    /**
     * Orders each second of {@code ev} (sorted by time, file and line) that holds events of several files as a
     * message's life; true if any event moved.
     */
    static boolean apply(ChainEvents ev) {
        int n = ev.size();
        boolean moved = false;
        int start = 0;
        while (start < n) {
            int end = start + 1;
            boolean files = false;
            while (end < n && ev.time(end) == ev.time(start)) {
                files |= ev.file(end) != ev.file(start);
                end++;
            }
            if (files) {
                moved |= mergeSecond(ev, start, end);
            }
            start = end;
        }
        return moved;
    }

    /** Merges the events {@code from} (inclusive) to {@code to} of one second, each file's in line order. */
    private static boolean mergeSecond(ChainEvents ev, int from, int to) {
        int m = to - from;
        // the files' runs (sorted by file, so each file's events are together), and each event's run
        int[] run = new int[m];
        int[] runEnd = new int[m];
        int runs = 0;
        for (int k = 0; k < m; k++) {
            if (k > 0 && ev.file(from + k) != ev.file(from + k - 1)) {
                runEnd[runs++] = k;
            }
            run[k] = runs;
        }
        runEnd[runs++] = m;
        int[] head = new int[runs];
        for (int k = m - 1; k >= 0; k--) {
            head[run[k]] = k;
        }
        int[] group = copiesOfEarlierFiles(ev, from, m, run);
        int[] order = new int[m];
        int placed = 0;
        MailEvent before = from > 0 ? ev.event(from - 1) : null;
        boolean open = before == MailEvent.RECEIVED || before == MailEvent.TRANSIENT_FAILURE;
        while (placed < m) {
            int best = -1;
            int bestRank = Integer.MAX_VALUE;
            for (int r = 0; r < runs; r++) {
                if (head[r] >= runEnd[r]) {
                    continue;
                }
                int rep = group[head[r]];
                if (!allAtHeads(group, rep, head, run, m)) {
                    continue;
                }
                int rank = rank(ev, from, rep, group, run, runEnd, m, open);
                // runs are in file order and a group's first row is in its earliest file: ties go to it
                if (rank < bestRank) {
                    best = rep;
                    bestRank = rank;
                }
            }
            if (best < 0) {
                // the files put copies in contrary orders: the rows are taken one by one, copies apart
                best = firstAlone(ev, from, head, runEnd, runs, group, run, m, open);
            }
            for (int k = best; k < m; k++) {
                if (k == best || group[k] == best && k == head[run[k]]) {
                    order[placed++] = k;
                    head[run[k]]++;
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
     * two copies of a row cannot both be at the head of that file's sequence together.
     */
    private static int[] copiesOfEarlierFiles(ChainEvents ev, int from, int m, int[] run) {
        int[] group = new int[m];
        // the run of each group's last row: rows are taken in file order, so a group grows file by file
        int[] lastRun = new int[m];
        for (int k = 0; k < m; k++) {
            group[k] = k;
            lastRun[k] = run[k];
            for (int i = Math.max(0, k - RowCopies.LOOK_BACK); i < k; i++) {
                if (group[i] == i && lastRun[i] != run[k] && ev.sameRow(from + i, from + k)) {
                    group[k] = i;
                    lastRun[i] = run[k];
                    break;
                }
            }
        }
        return group;
    }

    /** Whether every row of {@code rep}'s group is at the head of its file's sequence. */
    private static boolean allAtHeads(int[] group, int rep, int[] head, int[] run, int m) {
        for (int k = rep; k < m; k++) {
            if ((k == rep || group[k] == rep) && head[run[k]] != k) {
                return false;
            }
        }
        return true;
    }

    /**
     * Where no group has all its rows at the heads (two files hold two copied rows in contrary orders, never in a
     * real log): the best head on its own, its group dissolved so its copies are taken as plain rows later.
     */
    private static int firstAlone(ChainEvents ev, int from, int[] head, int[] runEnd, int runs, int[] group,
                                  int[] run, int m, boolean open) {
        int best = -1;
        int bestRank = Integer.MAX_VALUE;
        // each head judged alone: a group of one row each
        int[] alone = new int[m];
        Arrays.setAll(alone, i -> i);
        for (int r = 0; r < runs; r++) {
            if (head[r] < runEnd[r]) {
                int rank = rank(ev, from, head[r], alone, run, runEnd, m, open);
                if (rank < bestRank) {
                    best = head[r];
                    bestRank = rank;
                }
            }
        }
        int rep = group[best];
        for (int k = 0; k < m; k++) {
            if (group[k] == rep || group[k] == best) {
                group[k] = k;
            }
        }
        return best;
    }

    /**
     * The place in a message's life of the group of {@code rep} (a row and its copies): while no hop is open an R
     * (0 if its file hands off next, else 1), then a hand-off 2, T 3, D 4, P 5; while one is open an R is last (6). A
     * T of another file than a hand-off of the same minute may be a retry of either hop: it is put in the next, since a
     * hop between Salesforce's own servers is rarely retried and a delivery to the recipient's server often is
     * (greylisting). A D is a hand-off if any of its copies says so (the kept row takes the column its file lacks from
     * them). D before P only so that a tie of the two does not fall to the file order.
     */
    private static int rank(ChainEvents ev, int from, int rep, int[] group, int[] run, int[] runEnd, int m,
                            boolean open) {
        return switch (ev.event(from + rep)) {
            case RECEIVED -> open ? 6 : handsOffNext(ev, from, rep, group, run, runEnd, m) ? 0 : 1;
            case DELIVERED -> anyHandoff(ev, from, rep, group, m) ? 2 : 4;
            case TRANSIENT_FAILURE -> 3;
            case PERMANENT_FAILURE -> 5;
        };
    }

    private static boolean anyHandoff(ChainEvents ev, int from, int rep, int[] group, int m) {
        for (int k = rep; k < m; k++) {
            if ((k == rep || group[k] == rep) && ev.internalHandoff(from + k)) {
                return true;
            }
        }
        return false;
    }

    /** Whether, in the file of a row of {@code rep}'s group, the next event of the second but T's is a hand-off. */
    private static boolean handsOffNext(ChainEvents ev, int from, int rep, int[] group, int[] run, int[] runEnd,
                                        int m) {
        for (int k = rep; k < m; k++) {
            if (k != rep && group[k] != rep) {
                continue;
            }
            for (int j = k + 1; j < runEnd[run[k]]; j++) {
                MailEvent e = ev.event(from + j);
                if (e != MailEvent.TRANSIENT_FAILURE) {
                    if (e == MailEvent.DELIVERED && ev.internalHandoff(from + j)) {
                        return true;
                    }
                    break;
                }
            }
        }
        return false;
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
