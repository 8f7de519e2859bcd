package org.mailpath.engine.log;

import java.util.EnumMap;
import java.util.Map;

/**
 * A rejected row kept with its problem ({@link ReadSummary#rejectedRowsKept}): its line, the key of the reason it was
 * rejected for, and its cells by column, stripped, for the columns its file has. Several logs analysed together whose
 * request windows overlap hold the same rows, bad ones included: {@link #sameRowAs} tells the copies, so that one bad
 * row is one problem, not one per file.
 */
public record RejectedRow(long line, String reason, Map<LogColumn, String> cells) {

    public RejectedRow {
        cells = cells.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(cells));
    }

    /**
     * A rejected record's cells by column as {@code mapping} places them, stripped: every column of the header, a cell
     * the record lacks as empty; without a header, the columns the record reaches (an older export has no TLS
     * columns).
     */
    static Map<LogColumn, String> cells(ColumnMapping mapping, String[] values) {
        Map<LogColumn, String> cells = new EnumMap<>(LogColumn.class);
        for (LogColumn c : LogColumn.values()) {
            int i = mapping.indexOf(c);
            if (i >= 0 && (!mapping.positional() || i < values.length)) {
                cells.put(c, RowInterpreter.cell(values, mapping, c).strip());
            }
        }
        return cells;
    }

    /**
     * Whether {@code other} (of another file) is the same row: rejected for the same reason, and equal on every
     * column both files have, as the analysis tells copies of good rows between files (a column one file lacks, an
     * older export without the TLS columns, does not tell them apart). Cells are compared as text, not as read: a
     * rejected row's values may not read at all, and overlapping exports give a row the same text.
     */
    public boolean sameRowAs(RejectedRow other) {
        if (!reason.equals(other.reason)) {
            return false;
        }
        boolean shared = false;
        for (Map.Entry<LogColumn, String> cell : cells.entrySet()) {
            String theirs = other.cells.get(cell.getKey());
            if (theirs != null) {
                if (!theirs.equals(cell.getValue())) {
                    return false;
                }
                shared = true;
            }
        }
        return shared;
    }
}
