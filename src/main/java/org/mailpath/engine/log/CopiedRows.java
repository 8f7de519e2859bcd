package org.mailpath.engine.log;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one warning of a file whose rows are partly exact copies of earlier rows (a log joined from overlapping
 * exports), worded with the reader's texts. The analysis finds the copies, since only its chains can tell them.
 */
public final class CopiedRows {

    private CopiedRows() {
    }

    /**
     * {@code count} copies left out; {@code lines} the first copies' lines in order, {@code firstOriginal} the line of
     * the row the first of them repeats. The warning is about the first copy's line.
     */
    public static FileProblem warning(long count, List<Long> lines, long firstOriginal) {
        return worded(count, lines, firstOriginal, Optional.empty());
    }

    /**
     * The warning of {@code file}, one of several logs analysed together, whose first copy repeats a row of
     * {@code originalFile}: {@link #warning} when that is the same file, else worded with the other file's name.
     */
    public static FileProblem warning(String file, long count, List<Long> lines, String originalFile,
                                      long firstOriginal) {
        return worded(count, lines, firstOriginal,
                originalFile.equals(file) ? Optional.empty() : Optional.of(originalFile)).inFile(file);
    }

    /** The warning about the first copy's line; {@code otherFile}: the file the repeated row is in, if another. */
    private static FileProblem worded(long count, List<Long> lines, long firstOriginal, Optional<String> otherFile) {
        long first = lines.getFirst();
        String listed = lines.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + (count > lines.size() ? " \u2026" : "");
        String key = count == 1 ? "copies.one" : "copies.many";
        return new FileProblem(first, "", otherFile.isEmpty()
                ? LogTexts.text(key, count, first, firstOriginal, listed)
                : LogTexts.text(key + ".otherFile", count, first, firstOriginal, listed, otherFile.get()), false);
    }
}
