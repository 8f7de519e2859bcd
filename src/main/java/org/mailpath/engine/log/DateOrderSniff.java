package org.mailpath.engine.log;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a file's slashed dates are read day first, from its first rows, before any row is handed on: a log
 * re-saved by a spreadsheet set to a day-first locale writes {@code d/M/yyyy}, and once its rows have streamed on
 * into the analysis they cannot be read again. The records after the header are held (as Commons CSV parsed them)
 * until a date reads only month first — the file is then read month first, as Salesforce writes it, at once — or
 * until {@link #MAX_ROWS} records (blank lines not counted) or {@link #MAX_CHARS} characters are held, or the records end. The file is read
 * day first when some held dates read only day first and none only month first; when all read either way, nothing
 * tells, and it is read month first. Memory stays bounded: at most the held records, once per file. A later part of
 * a file read in two parts whose first part ended before this decided goes on counting from its {@link Tally},
 * holding nothing, to check the order one pass would have decided on.
 */
final class DateOrderSniff {

    /** Records held at most: a few hundred kilobytes of a real log, its first hours or days. */
    static final int MAX_ROWS = 4096;
    /** Characters held at most, for records far longer than a real log's. */
    static final long MAX_CHARS = 2L << 20;
    /** Blank records held at most besides the others, so that memory stays bounded for a file of blank lines. */
    static final int MAX_BLANKS = 16 * MAX_ROWS;

    /**
     * A record held: its line, its values, and whether it is a data row whose record was already counted (the first
     * record of a file without a header, which decided the columns).
     */
    record Held(long line, String[] values, boolean counted) {
    }

    /**
     * What a sniff had seen when the records of a first part ended before it decided: {@code records} held,
     * {@code chars} in them, {@code dates} that read in at least one order, {@code dayFirstOnly} of them.
     */
    record Tally(int records, long chars, long dates, long dayFirstOnly) {
    }

    private final List<Held> held = new ArrayList<>();
    /** Whether the records are held (false: only counted, continuing a first part's {@link Tally}). */
    private final boolean holds;
    private int records;
    /** Records held that are not blank and whose rows are not yet counted: rows read, reported as such (progress). */
    private int uncounted;
    /** Blank records held, not counted in {@link #records}: bounded apart ({@link #MAX_BLANKS}). */
    private int blanks;
    private long chars;
    private long dates;
    private long dayFirstOnly;
    private boolean monthFirstOnly;

    /** A sniff that holds the records it is given. */
    DateOrderSniff() {
        this.holds = true;
    }

    private DateOrderSniff(Tally from) {
        this.holds = false;
        this.records = from.records();
        this.chars = from.chars();
        this.dates = from.dates();
        this.dayFirstOnly = from.dayFirstOnly();
    }

    /** A sniff that only counts, going on from what a first part's sniff had seen. */
    static DateOrderSniff continuing(Tally from) {
        return new DateOrderSniff(from);
    }

    /** What this has seen (with nothing that reads only month first: it would have decided). */
    Tally tally() {
        return new Tally(records, chars, dates, dayFirstOnly);
    }

    /** Holds (or only counts) a record whose date cell reads {@code date} (empty for a record without one). */
    void hold(long line, String[] values, boolean counted, String date) {
        // a blank line (an empty one, or a row emptied in a spreadsheet; not a record cut for its length, which has
        // no values) tells nothing: it is held, to be said in
        // its place, but not counted, or a file spaced by blank lines would be decided on half the rows
        if (values.length > 0 && RowInterpreter.isBlank(values)) {
            blanks++;
        } else {
            records++;
            if (holds && !counted) {
                uncounted++;
            }
        }
        if (holds) {
            held.add(new Held(line, values, counted));
        }
        for (String v : values) {
            chars += v == null ? 0 : v.length();
        }
        switch (LogDates.reading(date)) {
            case MONTH_FIRST_ONLY -> {
                dates++;
                monthFirstOnly = true;
            }
            case DAY_FIRST_ONLY -> {
                dates++;
                dayFirstOnly++;
            }
            case BOTH -> dates++;
            case NONE -> {
                // an ISO date or no date tells nothing of the order
            }
        }
    }

    /** Whether the order is decided without more records: a date read only month first, or enough held. */
    boolean decided() {
        return monthFirstOnly || records >= MAX_ROWS || chars >= MAX_CHARS || blanks >= MAX_BLANKS;
    }

    /** Whether the file is read day first, judged on what is held. */
    boolean dayFirst() {
        return dayFirstOnly > 0 && !monthFirstOnly;
    }

    /** The records held that are data rows not yet counted by the reader (blank lines left out). */
    int uncountedRows() {
        return uncounted;
    }

    /** The slashed dates held that read in at least one order. */
    long dates() {
        return dates;
    }

    /** The dates held that read only day first. */
    long dayFirstOnly() {
        return dayFirstOnly;
    }

    /** The records held, in file order. */
    List<Held> held() {
        return held;
    }
}
