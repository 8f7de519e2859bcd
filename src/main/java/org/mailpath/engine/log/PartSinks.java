package org.mailpath.engine.log;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Makes the sinks for a log read in parts ({@link EmailLogReader#readInParts}): the rows of part {@code i} go, in
 * file order, to the sink at index {@code i}, each part on its own thread.
 */
@FunctionalInterface
public interface PartSinks<P extends Consumer<LogRow>> {

    /**
     * Fresh sinks for an attempt to read the file in {@code parts} parts. May be called again (with 1) when an
     * attempt in two parts is given up; the sinks of the earlier attempt are then dropped.
     */
    List<P> create(int parts);

    /**
     * Called on a part's thread once its rows are all read cleanly while another part is still being read: work on
     * {@code part} that need not wait for the other parts may start here, and should stop soon after
     * {@code othersDone} turns true. The default does nothing.
     */
    default void whileOthersRead(P part, BooleanSupplier othersDone) {
    }

    /**
     * Called, when the file is read in several parts, once its columns are known ({@code columns}) and before
     * {@link #whileOthersRead} is called for any part: work done there may depend on them (a D row is judged by
     * whether the file has the TLS_Cipher column). The default does nothing.
     */
    default void columnsKnown(ColumnMapping columns) {
    }
}
