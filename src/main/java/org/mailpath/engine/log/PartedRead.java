package org.mailpath.engine.log;

import java.util.List;

/** A log read in parts: the summary of the whole file and the sinks that received the parts' rows, in file order. */
public record PartedRead<P>(ReadSummary summary, List<P> parts) {

    public PartedRead {
        parts = List.copyOf(parts);
    }
}
