package org.mailpath.engine.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mailpath.engine.log.LogColumn;
import org.mailpath.engine.log.MailEvent;

/**
 * Rows that are exact copies of an earlier row (every column equal but the line; between two files, every column both
 * have: {@link ChainEvents#sameRow}), as a log joined from exports whose
 * time windows overlap has them, and so do several logs analysed together whose request windows overlap: found in
 * each chain as it is judged and left out of it, so no event or retry counts twice. Counts them per file (the file of
 * the copy, the later one in file order) and keeps each file's first few (by line) for its one warning. Also counts,
 * per file without the TLS_Cipher column, its D rows that were also in a file with it ({@link #tlsFound}): their
 * verdicts did not depend on the missing column, which the file's warning then says or leaves out
 * ({@link EmailLogAnalyzer}). Only copies between two files are looked at for that: a single log does no more work. One
 * per judging thread; added up afterwards ({@link #addAll}), with a result that does not depend on which thread found
 * which copy.
 */
final class RowCopies {

    /** Copies listed in the warning. */
    static final int LISTED = 5;
    /**
     * How many earlier events of the same second an event is compared with, copies not counted (a run of them is
     * passed in one step): a copy is next to its row, or to the row's other copies, once the events are sorted by
     * time and line ({@link LifeOrder} puts a copy of another file right after its row), so a row repeated any number
     * of times is found; only a chain with hundreds of different events in one second between a row and its copy
     * would miss it, which would otherwise cost time in the square of their number.
     */
    static final int LOOK_BACK = 256;

    /**
     * A copy's file (its index among the files analysed together) and line, and the file and line of the row it
     * repeats (the same file, or an earlier one).
     */
    record Copy(int file, long line, int originalFile, long original) {
    }

    /**
     * The copies of one file: how many, and those with the lowest lines found so far, at most {@link #LISTED}. For a
     * file without the TLS_Cipher column also its D rows also in a file with it ({@link #tlsFound}), those of them
     * kept with the other file's TLS_Cipher ({@link #tlsFilled}), the files they were in, and its D rows left out as
     * copies of another file's row when no file of theirs has the column ({@link #tlsNowhere}).
     */
    private static final class InFile {
        private long count;
        /** Of {@link #count}, the copies to the minute of a row with seconds ({@link ChainEvents#secondsDropped}). */
        private long secondsDropped;
        private final List<Copy> first = new ArrayList<>(LISTED + 1);
        private long tlsFound;
        private long tlsFilled;
        private long tlsNowhere;
        private final Set<Integer> tlsFrom = new TreeSet<>();
    }

    /** Per file index, in file order; files without copies (nor D rows also in a file with TLS_Cipher) have none. */
    private final Map<Integer, InFile> files = new TreeMap<>();
    /** What is read for a file that has no entry: nothing is ever added to it. */
    private static final InFile NONE = new InFile();
    /**
     * While {@link #leaveOut} looks at one chain: per event, the kept row of a D row copied between two files, -1
     * elsewhere; null when there is none (most chains). A field rather than a second result, so that a chain without
     * such a copy allocates nothing for it (one RowCopies per judging thread).
     */
    private int[] tlsKeptOf;

    /**
     * Leaves the copies out of {@code chain}, whose events {@code ev} are sorted by time and line: an event equal to
     * an earlier one of the same second ({@link ChainEvents#sameRow}) is the later row's copy. Returns the events
     * left ({@code ev} itself when there was no copy).
     */
    ChainEvents leaveOut(ChainBuilder chain, ChainEvents ev) {
        tlsKeptOf = null;
        boolean[] copy = markCopies(ev, this);
        if (tlsKeptOf != null) {
            noteTlsCover(chain.texts(), ev, tlsKeptOf);
        }
        return copy == null ? ev : chain.without(ev, copy);
    }

    /**
     * How many of the events of the file with index {@code file} {@link #leaveOut} would keep in a chain with the
     * events {@code ev} (sorted here, as the judge sorts them): the rows of that file that are not copies of an earlier
     * one. Only for the warnings on messages joined by a guess ({@link UnsharedIdJoin}), before the chains are judged;
     * {@code ev} is changed, not the chain.
     */
    static int keptOf(ChainEvents ev, int file) {
        ev.sort();
        boolean[] copy = markCopies(ev, null);
        int kept = 0;
        for (int j = 0; j < ev.size(); j++) {
            if ((copy == null || !copy[j]) && ev.file(j) == file) {
                kept++;
            }
        }
        return kept;
    }

    /**
     * Finds the copies among {@code ev}, sorted by time and line (an event equal to an earlier one of the same second
     * that is no copy itself), and fills each kept row from its copy ({@link ChainEvents#fillFrom}); notes each in
     * {@code found} when it is given (the judge's; {@link #keptOf} only counts). Returns which events are copies, or
     * null when none is: most chains have none, and allocate nothing here.
     */
    private static boolean[] markCopies(ChainEvents ev, RowCopies found) {
        int n = ev.size();
        boolean[] copy = null;
        // per copy, the nearest event before it that is no copy: a run of copies is passed in one step
        int[] skip = null;
        int secondStart = 0;
        for (int j = 1; j < n; j++) {
            if (ev.time(j) != ev.time(j - 1)) {
                secondStart = j;
                continue;
            }
            int looked = 0;
            for (int i = j - 1; i >= secondStart && looked < LOOK_BACK; ) {
                if (copy != null && copy[i]) {
                    // a copy's own skip leads to an event that is no copy: the steps are at most twice those counted
                    i = skip[i];
                    continue;
                }
                looked++;
                if (ev.sameRow(i, j)) {
                    if (ev.keptRather(j, i)) {
                        // the file given first keeps its row, whatever order the second's events came in (a file
                        // not in time order), and a row with seconds is kept over its copy to the minute
                        ev.swap(i, j);
                    }
                    if (copy == null) {
                        copy = new boolean[n];
                        skip = new int[n];
                    }
                    copy[j] = true;
                    skip[j] = copy[j - 1] ? skip[j - 1] : j - 1;
                    ev.fillFrom(j, i);
                    if (found != null) {
                        found.noteCopy(ev, j, i);
                    }
                    break;
                }
                i--;
            }
        }
        return copy;
    }

    /**
     * Notes that event {@code copy} of {@code ev} repeats event {@code kept}; a D row copied between two files also
     * in {@link #tlsKeptOf}, for {@link #noteTlsCover} once the chain's copies are all found.
     */
    private void noteCopy(ChainEvents ev, int copy, int kept) {
        InFile in = note(new Copy(ev.file(copy), ev.line(copy), ev.file(kept), ev.line(kept)));
        if (ev.secondsDropped(copy, kept)) {
            in.secondsDropped++;
        }
        if (ev.file(kept) != ev.file(copy) && ev.event(copy) == MailEvent.DELIVERED) {
            if (tlsKeptOf == null) {
                tlsKeptOf = new int[ev.size()];
                Arrays.fill(tlsKeptOf, -1);
            }
            tlsKeptOf[copy] = kept;
        }
    }

    /**
     * Notes the D rows of files without the TLS_Cipher column that are in a group of equal rows (a kept row and its
     * copies in other files; {@code keptOf} gives a copy's kept row, -1 elsewhere) with a row of a file that has the
     * column: such a row was judged by that file's TLS_Cipher, whether it was left out as a copy or kept
     * ({@link ChainEvents#fillFrom} filled the column in). Each file of a group counts once, and every file of the
     * group with the column is named, whichever file came first. A group without such a row was judged without the
     * column: its copies count for their files ({@link #tlsNowhere}; the kept row counts in the chains).
     */
    private void noteTlsCover(ChainTexts texts, ChainEvents ev, int[] keptOf) {
        Map<Integer, Set<Integer>> groups = new TreeMap<>();
        for (int x = 0; x < keptOf.length; x++) {
            if (keptOf[x] >= 0) {
                groups.computeIfAbsent(keptOf[x], g -> new TreeSet<>(List.of(ev.file(g)))).add(ev.file(x));
            }
        }
        int tls = ChainTexts.bit(LogColumn.TLS_CIPHER);
        groups.forEach((kept, inFiles) -> {
            List<Integer> withColumn = inFiles.stream().filter(f -> (texts.lacking(f) & tls) == 0).toList();
            if (withColumn.isEmpty()) {
                inFiles.stream().filter(f -> f != ev.file(kept))
                        .forEach(f -> files.computeIfAbsent(f, k -> new InFile()).tlsNowhere++);
                return;
            }
            for (int f : inFiles) {
                if ((texts.lacking(f) & tls) != 0) {
                    InFile in = files.computeIfAbsent(f, k -> new InFile());
                    in.tlsFound++;
                    if (f == ev.file(kept)) {
                        in.tlsFilled++;
                    }
                    in.tlsFrom.addAll(withColumn);
                }
            }
        });
    }

    private InFile note(Copy c) {
        InFile f = files.computeIfAbsent(c.file(), k -> new InFile());
        f.count++;
        keepIfFirst(f, c);
        return f;
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
            mine.secondsDropped += theirs.secondsDropped;
            theirs.first.forEach(c -> keepIfFirst(mine, c));
            mine.tlsFound += theirs.tlsFound;
            mine.tlsFilled += theirs.tlsFilled;
            mine.tlsNowhere += theirs.tlsNowhere;
            mine.tlsFrom.addAll(theirs.tlsFrom);
        });
    }

    /** The copies in the file with index {@code file}. */
    long count(int file) {
        return files.getOrDefault(file, NONE).count;
    }

    /**
     * Of {@link #count}, the copies in the file with index {@code file}, dated to the minute, of a row with seconds of
     * another file: equal to it but for the seconds a spreadsheet dropped.
     */
    long secondsDropped(int file) {
        return files.getOrDefault(file, NONE).secondsDropped;
    }

    /** The copies with the lowest lines in the file with index {@code file}, in line order (at most {@link #LISTED}). */
    List<Copy> first(int file) {
        return List.copyOf(files.getOrDefault(file, NONE).first);
    }

    /**
     * The D rows of the file with index {@code file}, which lacks the TLS_Cipher column, that were also in a file
     * analysed with it that has the column: each counted once, whether it was left out as a copy or kept.
     */
    long tlsFound(int file) {
        return files.getOrDefault(file, NONE).tlsFound;
    }

    /**
     * Of {@link #tlsFound}, the rows kept in the chains (their file was given before the other), which took the other
     * file's TLS_Cipher.
     */
    long tlsFilled(int file) {
        return files.getOrDefault(file, NONE).tlsFilled;
    }

    /**
     * The D rows of the file with index {@code file}, which lacks the TLS_Cipher column, left out as copies of a row of
     * another file also without it, when none of that row's copies was in a file with the column: judged without it,
     * as the kept row is, which counts for its own file.
     */
    long tlsNowhere(int file) {
        return files.getOrDefault(file, NONE).tlsNowhere;
    }

    /** The indexes of the files with the TLS_Cipher column that the {@link #tlsFound} rows were also in, in order. */
    List<Integer> tlsFrom(int file) {
        return List.copyOf(files.getOrDefault(file, NONE).tlsFrom);
    }
}
