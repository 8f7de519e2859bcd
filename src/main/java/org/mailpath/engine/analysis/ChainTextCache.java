package org.mailpath.engine.analysis;

import org.mailpath.engine.log.LogRow;

/**
 * One reading thread's lossy caches in front of the shared {@link ChainTexts} (most rows repeat a recent value, so
 * they find its id here without a lock): value and its id per slot, -1 if none yet. Not thread-safe.
 */
final class ChainTextCache {

    private static final int SLOTS = 1 << 14;

    private final ChainTexts texts;
    private final EventText[] recentTexts = new EventText[SLOTS];
    private final int[] recentTextIds = new int[SLOTS];
    /**
     * Per slot, the {@link RelaySightings} its text was last noted in: a part that takes on this cache from the file
     * before (whose rows may be dropped with it) notes a text of that file's again. Only while one is looking.
     */
    private final RelaySightings[] notedIn = new RelaySightings[SLOTS];
    private final String[] recentReplies = new String[SLOTS];
    private final int[] recentReplyIds = new int[SLOTS];
    private final String[] recentParts = new String[SLOTS];
    private final int[] recentPartIds = new int[SLOTS];

    private final PackedWriter scratch = new PackedWriter(512);

    ChainTextCache(ChainTexts texts) {
        this.texts = texts;
    }

    /** This thread's buffer for encoding a key or an event. */
    PackedWriter scratch() {
        return scratch;
    }

    ChainTexts texts() {
        return texts;
    }

    /**
     * The id of a row's event texts (remote host, stage, relay, TLS) if this combination was seen recently (they
     * repeat a lot: those are kept once), or -1 the first time or when the table is full (the chain then keeps the
     * texts itself). Compared in place: no object is made for a combination already cached. Notes the row's Relay
     * Host and Address in {@code sightings} the first time a combination comes to this slot for it (once per distinct
     * text, not per row).
     */
    int eventTextId(LogRow row, RelaySightings sightings) {
        int h = row.remoteHost().hashCode();
        h = 31 * h + row.deliveryStage().hashCode();
        h = 31 * h + row.relayAddress().hashCode();
        h = 31 * h + row.relayHost().hashCode();
        h = 31 * h + row.tlsCipher().hashCode();
        h = 31 * h + row.tlsVerified().hashCode();
        int slot = slot(h);
        EventText t = recentTexts[slot];
        if (t != null && t.remoteHost().equals(row.remoteHost()) && t.deliveryStage().equals(row.deliveryStage())
                && t.relayAddress().equals(row.relayAddress()) && t.relayHost().equals(row.relayHost())
                && t.tlsCipher().equals(row.tlsCipher()) && t.tlsVerified().equals(row.tlsVerified())) {
            if (recentTextIds[slot] < 0) {
                recentTextIds[slot] = texts.id(t);
            }
            noteRelay(row, slot, sightings);
            return recentTextIds[slot];
        }
        recentTexts[slot] = new EventText(row.remoteHost(), row.deliveryStage(), row.relayAddress(), row.relayHost(),
                row.tlsCipher(), row.tlsVerified());
        recentTextIds[slot] = -1;
        notedIn[slot] = null;
        noteRelay(row, slot, sightings);
        return -1;
    }

    private void noteRelay(LogRow row, int slot, RelaySightings sightings) {
        if (sightings.looking() && notedIn[slot] != sightings) {
            sightings.note(row.relayHost(), row.relayAddress());
            notedIn[slot] = sightings;
        }
    }

    /**
     * The id of a reply text seen recently (replies repeat a lot: those are kept once), or -1 the first time (the
     * chain then keeps the text itself, which is usually unique; also when the table is full).
     */
    int sharedReplyId(String reply) {
        if (reply.isEmpty()) {
            return texts.id(reply);
        }
        int slot = slot(reply.hashCode());
        if (reply.equals(recentReplies[slot])) {
            if (recentReplyIds[slot] < 0) {
                recentReplyIds[slot] = texts.id(reply);
            }
            return recentReplyIds[slot];
        }
        recentReplies[slot] = reply;
        recentReplyIds[slot] = -1;
        return -1;
    }

    /**
     * The id of the part of {@code value} from {@code from} on (the '@' and host name or domain of a chain key), or
     * -1 when the table is full and it is not there.
     */
    int partId(String value, int from) {
        // hashed and compared in place: a substring is made only when the part is not in the cache
        int h = 0;
        for (int i = from; i < value.length(); i++) {
            h = 31 * h + value.charAt(i);
        }
        int slot = slot(h);
        String recent = recentParts[slot];
        int length = value.length() - from;
        if (recent != null && recent.length() == length && value.regionMatches(from, recent, 0, length)) {
            return recentPartIds[slot];
        }
        String part = value.substring(from);
        recentParts[slot] = part;
        recentPartIds[slot] = texts.id(part);
        return recentPartIds[slot];
    }

    private static int slot(int h) {
        return (h ^ (h >>> 16)) & (SLOTS - 1);
    }
}
