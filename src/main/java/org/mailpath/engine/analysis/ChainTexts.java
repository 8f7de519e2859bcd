package org.mailpath.engine.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The values shared by the chains of one analysis (pooled event texts, reply texts seen more than once), each stored
 * once and referred to by a small number in the chains' bytes. Filled by the reading thread; read-only afterwards,
 * when several threads may read it.
 */
final class ChainTexts {

    private final List<Object> values = new ArrayList<>();
    private final Map<Object, Integer> ids = new HashMap<>();

    int id(Object value) {
        Integer id = ids.get(value);
        if (id == null) {
            id = values.size();
            values.add(value);
            ids.put(value, id);
        }
        return id;
    }

    Object get(int id) {
        return values.get(id);
    }
}
