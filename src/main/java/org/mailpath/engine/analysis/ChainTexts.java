package org.mailpath.engine.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The values shared by the chains of one analysis (pooled event texts, reply texts seen more than once), each stored
 * once and referred to by a small number in the chains' bytes. While a log is read, the parts' reading threads add
 * to it through their own {@link ChainTextCache}s (adding is synchronized; most rows hit a cache and never get here);
 * afterwards it is read-only, and {@link #get} may be called from several threads.
 */
final class ChainTexts {

    private final List<Object> values = new ArrayList<>();
    private final Map<Object, Integer> ids = new HashMap<>();

    synchronized int id(Object value) {
        Integer id = ids.get(value);
        if (id == null) {
            id = values.size();
            values.add(value);
            ids.put(value, id);
        }
        return id;
    }

    /** Only once reading is over (the threads that added have been joined). */
    Object get(int id) {
        return values.get(id);
    }
}
