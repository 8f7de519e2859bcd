package org.mailpath.engine.report;

import java.util.List;
import java.util.Optional;

/**
 * The raw log rows of the included messages, in file order, with the file's header. {@code note} says why rows
 * are missing when the file could not be read again.
 */
public record Appendix(List<String> header, List<RawRow> rows, Optional<String> note) {

    public Appendix {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /** One row as it was in the file, by physical line number. */
    public record RawRow(long line, List<String> cells) {
        public RawRow {
            cells = List.copyOf(cells);
        }
    }
}
