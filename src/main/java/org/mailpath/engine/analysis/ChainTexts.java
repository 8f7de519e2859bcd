package org.mailpath.engine.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mailpath.engine.log.LogRow;

/**
 * The values shared by the chains of one analysis (pooled event texts, reply texts seen more than once), each stored
 * once and referred to by a small number in the chains' bytes. Filled by the reading thread; read-only afterwards,
 * when several threads may read it.
 */
final class ChainTexts {

    private static final int SLOTS = 1 << 14;

    private final List<Object> values = new ArrayList<>();
    private final Map<Object, Integer> ids = new HashMap<>();
    /** Lossy caches in front of the map (most rows repeat a recent value): value and its id, -1 if none yet. */
    private final EventText[] recentTexts = new EventText[SLOTS];
    private final int[] recentTextIds = new int[SLOTS];
    private final String[] recentReplies = new String[SLOTS];
    private final int[] recentReplyIds = new int[SLOTS];
    private final String[] recentParts = new String[SLOTS];
    private final int[] recentPartIds = new int[SLOTS];

    /** The id of a row's event texts (remote host, stage, relay, TLS). */
    int eventTextId(LogRow row) {
        EventText t = new EventText(row.remoteHost(), row.deliveryStage(), row.relayAddress(), row.relayHost(),
                row.tlsCipher(), row.tlsVerified());
        int slot = slot(t.hashCode());
        if (t.equals(recentTexts[slot])) {
            return recentTextIds[slot];
        }
        recentTexts[slot] = t;
        recentTextIds[slot] = id(t);
        return recentTextIds[slot];
    }

    /**
     * The id of a reply text seen recently (replies repeat a lot: those are kept once), or -1 the first time (the
     * chain then keeps the text itself, which is usually unique). Empty replies always have an id.
     */
    int sharedReplyId(String reply) {
        if (reply.isEmpty()) {
            return id(reply);
        }
        int slot = slot(reply.hashCode());
        if (reply.equals(recentReplies[slot])) {
            if (recentReplyIds[slot] < 0) {
                recentReplyIds[slot] = id(reply);
            }
            return recentReplyIds[slot];
        }
        recentReplies[slot] = reply;
        recentReplyIds[slot] = -1;
        return -1;
    }

    /** {@link #id} with a cache: for the host names and domains of chain keys. */
    int partId(String part) {
        int slot = slot(part.hashCode());
        if (part.equals(recentParts[slot])) {
            return recentPartIds[slot];
        }
        recentParts[slot] = part;
        recentPartIds[slot] = id(part);
        return recentPartIds[slot];
    }

    private static int slot(int h) {
        return (h ^ (h >>> 16)) & (SLOTS - 1);
    }

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
