package org.mailpath.engine.log;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Which CSV column holds which log field. Built from a header row (by name) or positionally (documented order).
 * {@code duplicates} lists header names that occurred more than once (the first occurrence is used);
 * {@code overruled} the columns named by another name of a column the header also names by its documented label
 * ("Status", a note column added by hand, beside "Delivery Status"): the labelled one is used.
 */
public record ColumnMapping(int[] index, boolean positional, List<String> header, List<String> duplicates,
                            List<String> unknownHeaders, List<Overruled> overruled) {

    /** The columns, once: {@link LogColumn#values} copies them per call, and a header is mapped per CSV of a zip. */
    private static final LogColumn[] COLUMNS = LogColumn.values();

    /** A header cell, {@code name}, left unused because the header also names {@code column} by its label. */
    public record Overruled(String name, LogColumn column) {
    }

    public ColumnMapping {
        index = index.clone();
        header = List.copyOf(header);
        duplicates = List.copyOf(duplicates);
        unknownHeaders = List.copyOf(unknownHeaders);
        overruled = List.copyOf(overruled);
    }

    /** The documented order A–O followed by TLS_Cipher and TLS_Verified. */
    public static ColumnMapping documentedOrder() {
        int[] idx = new int[COLUMNS.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        return new ColumnMapping(idx, true, List.of(), List.of(), List.of(), List.of());
    }

    /**
     * The documented order for a file without a header whose widest row has {@code columns} cells: the columns
     * beyond them (the TLS ones, in an older export) are missing.
     */
    public static ColumnMapping documentedOrder(int columns) {
        int[] idx = documentedOrder().index;
        for (int i = Math.max(0, columns); i < idx.length; i++) {
            idx[i] = -1;
        }
        return new ColumnMapping(idx, true, List.of(), List.of(), List.of(), List.of());
    }

    /**
     * Maps a header row by name; columns that are not found get index -1. A column's documented label ("Delivery
     * Status") wins over another name of it ("Status") wherever the two stand: a person may add a column of that
     * other name for notes, and Salesforce writes the label.
     */
    public static ColumnMapping fromHeader(String[] headerRow) {
        int[] idx = new int[COLUMNS.length];
        Arrays.fill(idx, -1);
        LogColumn[] matched = new LogColumn[headerRow.length];
        for (int col = 0; col < headerRow.length; col++) {
            String norm = LogColumn.normalize(headerRow[col]);
            for (LogColumn c : COLUMNS) {
                if (!norm.isEmpty() && c.matches(norm)) {
                    matched[col] = c;
                    if (c.isLabel(norm) && idx[c.ordinal()] < 0) {
                        idx[c.ordinal()] = col;
                    }
                    break;
                }
            }
        }
        List<String> duplicates = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<Overruled> overruled = new ArrayList<>();
        for (int col = 0; col < headerRow.length; col++) {
            LogColumn match = matched[col];
            if (match == null) {
                if (!LogColumn.normalize(headerRow[col]).isEmpty()) {
                    unknown.add(headerRow[col].strip());
                }
            } else if (idx[match.ordinal()] < 0) {
                idx[match.ordinal()] = col;
            } else if (idx[match.ordinal()] != col) {
                boolean byLabel = match.isLabel(LogColumn.normalize(headerRow[idx[match.ordinal()]]));
                if (byLabel && !match.isLabel(LogColumn.normalize(headerRow[col]))) {
                    overruled.add(new Overruled(headerRow[col].strip(), match));
                } else {
                    duplicates.add(headerRow[col].strip());
                }
            }
        }
        return new ColumnMapping(idx, false, Arrays.asList(headerRow), duplicates, unknown, overruled);
    }

    /**
     * Each column's cell by {@link LogColumn#ordinal}, -1 where missing: a copy, for the record to stay as built. Code
     * here reads the field ({@link #indexOf}), never this, once per row.
     */
    @Override
    public int[] index() {
        return index.clone();
    }

    public int indexOf(LogColumn column) {
        return index[column.ordinal()];
    }

    /** Whether neither ID column (Message ID Header, Internal Message ID) is mapped: no row ties to a message. */
    public boolean lacksIdColumns() {
        return !has(LogColumn.MESSAGE_ID_HEADER) && !has(LogColumn.INTERNAL_MESSAGE_ID);
    }

    public boolean has(LogColumn column) {
        return index[column.ordinal()] >= 0;
    }

    /**
     * The column's name as the file's header spells it ("Date" for {@link LogColumn#DATE}), so that a problem names
     * the column the admin sees in the file; the documented label ({@link LogColumn#label()}) where the columns were
     * read by position, or the header does not name it.
     */
    public String name(LogColumn column) {
        int i = indexOf(column);
        if (positional || i < 0 || i >= header.size() || header.get(i) == null) {
            return column.label();
        }
        // a BOM the reader left on the first cell is no part of the name
        String spelled = header.get(i).replace("\uFEFF", "").strip();
        return spelled.isEmpty() ? column.label() : spelled;
    }

    /** How many known columns the header names. */
    public int recognised() {
        int n = 0;
        for (int i : index) {
            if (i >= 0) {
                n++;
            }
        }
        return n;
    }

    /**
     * How many of the header's cells name a known column, a column named twice counted twice (one is mapped, the
     * others are {@code duplicates} or {@code overruled} by its label): how much a line reads as a header when split
     * one way or another.
     */
    public int namingCells() {
        return recognised() + duplicates.size() + overruled.size();
    }

    public List<LogColumn> missingRequired() {
        List<LogColumn> missing = new ArrayList<>();
        for (LogColumn c : LogColumn.values()) {
            if (c.required() && !has(c)) {
                missing.add(c);
            }
        }
        return missing;
    }

    /**
     * Whether a row below the header may be a header again (two exports joined, the second's columns perhaps in
     * another order or fewer): the cheap test for the million data rows, whose date cell starts with a digit. A
     * row passing it is a header only if {@link #fromHeader} names the required columns in it.
     */
    public boolean mayBeHeaderAgain(String[] row) {
        if (positional || row.length == 0) {
            return false;
        }
        int date = indexOf(LogColumn.DATE);
        return date >= row.length || row[date].isEmpty() || !Character.isDigit(row[date].charAt(0));
    }

    /** Whether {@code other} reads every column from the same cell as this mapping (names may be spelled otherwise). */
    public boolean sameColumns(ColumnMapping other) {
        return Arrays.equals(index, other.index) && positional == other.positional;
    }

    /**
     * This mapping with the columns {@code other} lacks taken out: what a file whose header changed mid-way has
     * for every one of its rows (a column one of its headers lacks is not there for the rows below that header).
     */
    public ColumnMapping withoutColumnsLackedBy(ColumnMapping other) {
        int[] idx = index.clone();
        for (int i = 0; i < idx.length; i++) {
            if (other.index[i] < 0) {
                idx[i] = -1;
            }
        }
        return new ColumnMapping(idx, positional, header, duplicates, unknownHeaders, overruled);
    }

    Map<LogColumn, Integer> asMap() {
        Map<LogColumn, Integer> m = new EnumMap<>(LogColumn.class);
        for (LogColumn c : LogColumn.values()) {
            m.put(c, index[c.ordinal()]);
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColumnMapping m && Arrays.equals(index, m.index) && positional == m.positional
                && header.equals(m.header);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(index) * 31 + header.hashCode();
    }

    @Override
    public String toString() {
        return "ColumnMapping" + asMap() + (positional ? " (positional)" : "");
    }
}
