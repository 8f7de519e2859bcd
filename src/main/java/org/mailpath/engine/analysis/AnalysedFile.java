package org.mailpath.engine.analysis;

/**
 * One of the Email Log files of an analysis, in the order they were given: its name, the data rows read from it
 * (rejected ones and copies included), the rows rejected, and the rows left out as copies of a row of it or of
 * another file (overlapping request windows). {@code usable} is false for a file that could not be analysed at all
 * among several that could; its reason is one of the analysis's problems, and its counts are 0. {@code label} is how
 * a person is told which file it is: its name, or, when another file analysed with it has the same name, its name
 * after the folders that tell them apart ({@link org.mailpath.engine.common.FileNames#labelsOf}); problems name
 * their file by it ({@link org.mailpath.engine.log.FileProblem#file}). {@code separatorOnlyRows}: the rows that
 * hold only separators, skipped (not data rows, so not in {@code rows};
 * {@link org.mailpath.engine.log.ReadSummary#separatorOnlyRows}). The JSON keeps its name "blankRows".
 */
public record AnalysedFile(String file, long rows, long rejectedRows, long copiesLeftOut, boolean usable,
                           String label, long separatorOnlyRows) {

    public AnalysedFile {
        file = file == null ? "" : file;
        label = label == null || label.isEmpty() ? file : label;
    }

    /** A file with no row that holds only separators. */
    public AnalysedFile(String file, long rows, long rejectedRows, long copiesLeftOut, boolean usable,
                        String label) {
        this(file, rows, rejectedRows, copiesLeftOut, usable, label, 0);
    }

    /** A file whose name alone tells it from the others. */
    public AnalysedFile(String file, long rows, long rejectedRows, long copiesLeftOut, boolean usable) {
        this(file, rows, rejectedRows, copiesLeftOut, usable, file);
    }
}
