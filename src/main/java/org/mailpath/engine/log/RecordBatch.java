package org.mailpath.engine.log;

/**
 * Raw CSV records handed from the parse thread to the analysis thread; {@code lines[i]} is the physical line where
 * record {@code i} starts. The last batch of a file has {@code end} set and, if parsing failed, {@code error}.
 */
record RecordBatch(long[] lines, String[][] values, int size, boolean end, Throwable error) {

    static RecordBatch last(Throwable error) {
        return new RecordBatch(new long[0], new String[0][], 0, true, error);
    }
}
