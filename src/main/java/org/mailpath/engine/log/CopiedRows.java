package org.mailpath.engine.log;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The one warning of a file whose rows are partly exact copies of earlier rows (a log joined from overlapping
 * exports), worded with the reader's texts. The analysis finds the copies, since only its chains can tell them.
 */
public final class CopiedRows {

    private CopiedRows() {
    }

    /**
     * The warning of {@code file}: {@code count} copies left out; {@code lines} the first copies' lines in order,
     * {@code firstOriginal} the line of the row the first of them repeats, in {@code originalFile} (named in the
     * warning when it is another file, one of several logs analysed together). The warning is about the first copy's
     * line.
     */
    public static FileProblem warning(String file, long count, List<Long> lines, String originalFile,
                                      long firstOriginal) {
        long first = lines.getFirst();
        String listed = lines.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + (count > lines.size() ? " \u2026" : "");
        String key = count == 1 ? "copies.one" : "copies.many";
        return new FileProblem(first, "", originalFile.equals(file)
                ? LogTexts.text(key, count, first, firstOriginal, listed)
                : LogTexts.text(key + ".otherFile", count, first, firstOriginal, listed, originalFile), false)
                .inFile(file);
    }
}
