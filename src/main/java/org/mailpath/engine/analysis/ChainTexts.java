package org.mailpath.engine.analysis;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.mailpath.engine.log.ColumnMapping;
import org.mailpath.engine.log.LogColumn;

/**
 * The values shared by the chains of one analysis (pooled event texts, reply texts seen more than once), each stored
 * once and referred to by a small number in the chains' bytes. While a log is read, the parts' reading threads add
 * to it through their own {@link ChainTextCache}s (adding is synchronized; most rows hit a cache and never get here).
 * {@link #get} takes no lock: a value's slot is written once, under the lock, before its id is handed out, and never
 * moves (values are kept in fixed-size blocks, not in a growing array), so a thread may read the values of the ids it
 * was given while another thread still adds (a part judged while the other is still read). Its size is bounded (a
 * log in which every row has a different relay host must not grow it row by row): once full, new values get no id
 * and the chains keep them in their own bytes.
 */
final class ChainTexts {

    static final int MAX_TEXTS = 65_536;
    static final long MAX_CHARS = 4L << 20;

    private static final int BLOCK_BITS = 10;
    private static final int BLOCK_MASK = (1 << BLOCK_BITS) - 1;
    /** The columns, once: {@link LogColumn#values} copies them per call. */
    private static final LogColumn[] COLUMNS = LogColumn.values();

    private final int maxTexts;
    private final long maxChars;
    /** The values by id, in blocks of 1,024 made when first needed. */
    private final Object[][] blocks;
    private int size;
    private final Map<Object, Integer> ids = new HashMap<>();
    private long chars;
    private boolean full;
    /**
     * Per file index: the columns the file lacks (an older export, a column removed in a spreadsheet), one bit per
     * {@link LogColumn} ({@link #bit}); 0 past the files noted. Judging threads read it without a lock: a file's
     * slot is written before the array is published again ({@link #noteColumns}), and a grown array replaces it
     * whole. It grows by doubling: copied for every file noted, a zip of 20,000 CSVs copied 200 million slots.
     */
    private volatile int[] lacking = new int[0];
    /**
     * Per file index, what its rows' times told as they were read ({@link #NOT_IN_TIME_ORDER}, {@link #SECONDS}):
     * published as {@link #lacking} is. Set by the reading threads, one call per file and kind at most.
     */
    private volatile int[] timeNotes = new int[0];
    /** Whether any file is {@link #notInTimeOrder}: a single log in time order reads this alone per chain sorted. */
    private volatile boolean someNotInTimeOrder;
    private volatile boolean minutesBesideSeconds;
    private static final int NOT_IN_TIME_ORDER = 1;
    private static final int SECONDS = 2;

    ChainTexts() {
        this(MAX_TEXTS, MAX_CHARS);
    }

    ChainTexts(int maxTexts, long maxChars) {
        this.maxTexts = maxTexts;
        this.maxChars = maxChars;
        this.blocks = new Object[(maxTexts + BLOCK_MASK) >>> BLOCK_BITS][];
    }

    /**
     * The id of {@code value} (a String or an {@link EventText}), added if there is room; -1 if it is not here and
     * the table is full. Once full it stays full, so a value either always has an id or never has.
     */
    synchronized int id(Object value) {
        Integer id = ids.get(value);
        if (id != null) {
            return id;
        }
        long length = value instanceof EventText t ? t.chars() : value.toString().length();
        if (full || size >= maxTexts || chars + length > maxChars) {
            // full from now on, even for a shorter value: whether a value has an id must not depend on timing
            full = true;
            return -1;
        }
        chars += length;
        id = size;
        Object[] block = blocks[id >>> BLOCK_BITS];
        if (block == null) {
            block = new Object[1 << BLOCK_BITS];
            blocks[id >>> BLOCK_BITS] = block;
        }
        block[id & BLOCK_MASK] = value;
        size++;
        ids.put(value, id);
        return id;
    }

    /** How many values are stored. */
    synchronized int size() {
        return size;
    }

    /**
     * Notes which columns the file with index {@code file} has, once it is read and before its chains are joined to
     * those of other files (only rows of two files are compared on the columns both have).
     */
    synchronized void noteColumns(int file, ColumnMapping columns) {
        int mask = 0;
        for (LogColumn c : COLUMNS) {
            if (!columns.has(c)) {
                mask |= bit(c);
            }
        }
        int[] next = lacking;
        if (file >= next.length) {
            next = Arrays.copyOf(next, Math.max(file + 1, 2 * next.length));
        }
        next[file] = mask;
        // published again even when not grown: the volatile write makes the slot visible to the judging threads
        lacking = next;
    }

    /** The columns the file with index {@code file} lacks, as {@link #bit}s (0 for a file not noted). */
    int lacking(int file) {
        int[] l = lacking;
        return file < l.length ? l[file] : 0;
    }

    /**
     * Notes that a row of the file with index {@code file} is dated earlier than the row before it (newest first,
     * sorted by another column): its line order says nothing about the order of a second's events ({@link LifeOrder}).
     */
    synchronized void noteNotInTimeOrder(int file) {
        noteTime(file, NOT_IN_TIME_ORDER);
        someNotInTimeOrder = true;
    }

    /** Notes that a row of the file with index {@code file} has a time that is not to the minute. */
    synchronized void noteSeconds(int file) {
        noteTime(file, SECONDS);
    }

    private void noteTime(int file, int bit) {
        int[] next = timeNotes;
        if (file >= next.length) {
            next = Arrays.copyOf(next, Math.max(file + 1, 2 * next.length));
        }
        next[file] |= bit;
        timeNotes = next;
    }

    /** Whether the file with index {@code file} has a row dated earlier than the row before it. */
    boolean notInTimeOrder(int file) {
        return someNotInTimeOrder && (timeNote(file) & NOT_IN_TIME_ORDER) != 0;
    }

    /**
     * Notes that the files with indexes below {@code count} are all read: whether some of them are dated
     * {@link #toTheMinute} and others with seconds ({@link #minutesBesideSeconds}).
     */
    synchronized void noteFilesRead(int count) {
        boolean minutes = false;
        boolean secondsToo = false;
        for (int k = 0; k < count; k++) {
            minutes |= toTheMinute(k);
            secondsToo |= !toTheMinute(k);
        }
        minutesBesideSeconds = minutes && secondsToo;
    }

    /**
     * Whether files dated to the minute were analysed with files dated with seconds ({@link #noteFilesRead}): only then
     * may a row of one be a copy of a row of another in another second ({@link ChainEvents#sort}).
     */
    boolean minutesBesideSeconds() {
        return minutesBesideSeconds;
    }

    /** Whether some file is {@link #notInTimeOrder}. */
    boolean someNotInTimeOrder() {
        return someNotInTimeOrder;
    }

    /**
     * Whether every row of the file with index {@code file} is dated to the minute (a spreadsheet re-saved it with a
     * date format without seconds): only asked once every file is read, when rows of two files are compared.
     */
    boolean toTheMinute(int file) {
        return (timeNote(file) & SECONDS) == 0;
    }

    private int timeNote(int file) {
        int[] t = timeNotes;
        return file < t.length ? t[file] : 0;
    }

    /** Whether a file noted so far lacks {@code column}. */
    boolean someFileLacks(LogColumn column) {
        for (int l : lacking) {
            if ((l & bit(column)) != 0) {
                return true;
            }
        }
        return false;
    }

    /** The bit of {@code column} in {@link #lacking}. */
    static int bit(LogColumn column) {
        return 1 << column.ordinal();
    }

    static {
        // a file's columns are an int of bits: a 33rd column would silently share a bit with the first
        if (LogColumn.values().length > Integer.SIZE) {
            throw new ExceptionInInitializerError("more log columns than bits in an int");
        }
    }

    /** The value of an id that {@link #id} gave this thread, or gave a thread that has been joined since. */
    Object get(int id) {
        return blocks[id >>> BLOCK_BITS][id & BLOCK_MASK];
    }
}
