package org.mailpath.engine.analysis;

/**
 * One of the Email Log files of an analysis, in the order they were given: its name, the data rows read from it
 * (rejected ones and copies included), the rows rejected, and the rows left out as exact copies of a row of it or of
 * an earlier file (overlapping request windows). {@code usable} is false for a file that could not be analysed at all
 * among several that could; its reason is one of the analysis's problems, and its counts are 0.
 */
public record AnalysedFile(String file, long rows, long rejectedRows, long copiesLeftOut, boolean usable) {

    public AnalysedFile {
        file = file == null ? "" : file;
    }
}
