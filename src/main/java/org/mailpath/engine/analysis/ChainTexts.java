package org.mailpath.engine.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The values shared by the chains of one analysis (pooled event texts, reply texts seen more than once), each stored
 * once and referred to by a small number in the chains' bytes. While a log is read, the parts' reading threads add
 * to it through their own {@link ChainTextCache}s (adding is synchronized; most rows hit a cache and never get here);
 * afterwards it is read-only, and {@link #get} may be called from several threads. Its size is bounded (a log in
 * which every row has a different relay host must not grow it row by row): once full, new values get no id and the
 * chains keep them in their own bytes.
 */
final class ChainTexts {

    static final int MAX_TEXTS = 65_536;
    static final long MAX_CHARS = 4L << 20;

    private final int maxTexts;
    private final long maxChars;
    private final List<Object> values = new ArrayList<>();
    private final Map<Object, Integer> ids = new HashMap<>();
    private long chars;
    private boolean full;

    ChainTexts() {
        this(MAX_TEXTS, MAX_CHARS);
    }

    ChainTexts(int maxTexts, long maxChars) {
        this.maxTexts = maxTexts;
        this.maxChars = maxChars;
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
        if (full || values.size() >= maxTexts || chars + length > maxChars) {
            // full from now on, even for a shorter value: whether a value has an id must not depend on timing
            full = true;
            return -1;
        }
        chars += length;
        id = values.size();
        values.add(value);
        ids.put(value, id);
        return id;
    }

    /** How many values are stored. */
    synchronized int size() {
        return values.size();
    }

    /** Only once reading is over (the threads that added have been joined). */
    Object get(int id) {
        return values.get(id);
    }
}
