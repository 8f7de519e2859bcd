package org.mailpath.engine.log;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The rows of a file that hold only separators (and blanks), such as {@code ,,,,,,,,,,,,,,,}: Excel writes one for
 * every row whose contents were deleted but not the row itself. They hold no data, so they are skipped, but never
 * without a word: they are counted and their lines kept as runs ({@code 1002–1010}), the first {@link #KEPT} of them
 * only, so that a file of a million such lines costs a count. A line with no separator at all (an empty line) is no
 * row of any shape and is not one of these. The same runs name the rows of another kind said once with their lines
 * (rows with more fields than the header), worded by the texts of another key ({@link #SeparatorOnlyRows(String)}).
 */
final class SeparatorOnlyRows {

    /** Runs of lines kept for the warning; the others are counted. */
    static final int KEPT = 10;

    /** A run of consecutive lines, {@code first} to {@code last}. */
    private record Run(long first, long last) {

        @Override
        public String toString() {
            return first == last ? String.valueOf(first) : first + "\u2013" + last;
        }
    }

    /** The key of the warning's texts, before {@code .one} and {@code .many}. */
    private final String key;
    private final List<Run> kept = new ArrayList<>(0);
    private long rows;
    private long runs;
    /** The last line counted (0 before the first): a next line right after it extends its run. */
    private long lastLine;

    SeparatorOnlyRows() {
        this("separatorOnly");
    }

    /** Rows of another kind, said in the texts {@code key.one} and {@code key.many} with the same arguments. */
    SeparatorOnlyRows(String key) {
        this.key = key;
    }

    /** A separator-only row on {@code line}; lines come in increasing order. */
    void add(long line) {
        add(new Run(line, line));
        rows++;
    }

    /**
     * Appends {@code run} (after every line counted so far), joined to the last run if it follows it directly. A
     * run beyond the kept ones is counted; the last kept one still grows while its lines go on.
     */
    private void add(Run run) {
        if (runs > 0 && run.first() == lastLine + 1) {
            if (runs <= KEPT) {
                kept.set(kept.size() - 1, new Run(kept.getLast().first(), run.last()));
            }
        } else {
            runs++;
            if (runs <= KEPT) {
                kept.add(run);
            }
        }
        lastLine = run.last();
    }

    /**
     * Adds the rows of {@code later}, read from the next part of the same file: the result is what one pass over
     * both parts gives, a run across the cut joined into one. {@code later} kept its first runs whole, so those are
     * the ones that may still fit here.
     */
    void absorb(SeparatorOnlyRows later) {
        for (Run r : later.kept) {
            add(r);
        }
        long unkept = later.runs - later.kept.size();
        if (unkept > 0) {
            runs += unkept;
            lastLine = later.lastLine;
        }
        rows += later.rows;
    }

    long rows() {
        return rows;
    }

    /**
     * The warning that says how many rows were skipped and on which lines; none if there were none. {@code more} are
     * the text's further arguments, after how many, the first line and the lines.
     */
    Optional<FileProblem> warning(Object... more) {
        if (rows == 0) {
            return Optional.empty();
        }
        String lines = kept.stream().map(Run::toString).collect(Collectors.joining(", "))
                + (runs > kept.size() ? " \u2026" : "");
        long first = kept.getFirst().first();
        List<Object> args = new ArrayList<>(List.of(rows, first, lines));
        args.addAll(List.of(more));
        return Optional.of(new FileProblem(first, "", LogTexts.text(rows == 1 ? key + ".one" : key + ".many",
                args.toArray()), false));
    }
}
