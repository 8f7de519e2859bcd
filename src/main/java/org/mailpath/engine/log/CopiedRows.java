package org.mailpath.engine.log;

import java.util.List;
import java.util.stream.Collectors;
import org.mailpath.engine.finding.LocalText;

/**
 * The one warning of a file whose rows are partly copies of other rows (a log joined from overlapping exports), worded
 * with the reader's texts: exact copies, or copies that differ in the seconds (a file dated to the minute beside one
 * with seconds). The analysis finds the copies, since only its chains can tell them.
 */
public final class CopiedRows {

    private CopiedRows() {
    }

    /**
     * The warning of {@code file}: {@code count} copies left out; {@code lines} the first copies' lines in order,
     * {@code firstOriginal} the line of the row the first of them repeats, in {@code originalFile} (named in the
     * warning when it is another file, one of several logs analysed together). The warning is about the first copy's
     * line. {@code secondsDropped} of the copies are not exact: rows of a file dated to the minute (a spreadsheet
     * re-saved it without the seconds) equal to a row of another file with seconds but for them. They are worded as
     * such: a mail admin told "exact copies" would compare the rows and find the times differ.
     */
    public static FileProblem warning(String file, long count, long secondsDropped, List<Long> lines,
                                      String originalFile, long firstOriginal) {
        long first = lines.getFirst();
        String listed = lines.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + (count > lines.size() ? " \u2026" : "");
        String key = count == 1 ? "copies.one" : "copies.many";
        LocalText text;
        if (originalFile.equals(file)) {
            text = LogTexts.text(key, count, first, firstOriginal, listed);
        } else if (secondsDropped == 0) {
            text = LogTexts.text(key + ".otherFile", count, first, firstOriginal, listed, originalFile);
        } else {
            String kind = secondsDropped == count ? ".seconds" : ".someSeconds";
            text = LogTexts.text(key + ".otherFile" + kind, count, first, firstOriginal, listed, originalFile,
                    secondsDropped);
        }
        return new FileProblem(first, "", text, false).inFile(file);
    }
}
