package org.mailpath.engine.log;

/**
 * Raw CSV records handed from the parse thread to the analysis thread; {@code lines[i]} is the physical line where
 * record {@code i} starts. The last batch of a file has {@code end} set, if parsing failed {@code error}, and in
 * {@code linesRead} the line breaks consumed up to the end of the last record (to check where a next part starts).
 */
record RecordBatch(long[] lines, String[][] values, int size, boolean end, Throwable error, long linesRead) {

    static RecordBatch last(Throwable error, long linesRead) {
        return new RecordBatch(new long[0], new String[0][], 0, true, error, linesRead);
    }
}
