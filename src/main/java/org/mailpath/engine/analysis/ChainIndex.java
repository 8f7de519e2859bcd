package org.mailpath.engine.analysis;

/**
 * Finds a chain by its key's UTF-8 bytes while a log is read: an open-addressing table of chains and their key
 * hashes, without a String or map entry per chain (a HashMap of String keys costs about 100 bytes per message).
 */
final class ChainIndex {

    /**
     * Small at first, grown by doubling: a part's index lives only while its file is read and joined, and a zip of
     * thousands of small CSVs made thousands of tables of 4,096 slots for a few dozen chains each.
     */
    private static final int FIRST_SLOTS = 1 << 6;

    private ChainBuilder[] slots = new ChainBuilder[FIRST_SLOTS];
    private int[] hashes = new int[FIRST_SLOTS];
    private int size;

    /** The chain of this key, or null when none is indexed yet: no Optional per log row on the 1M-row read. */
    ChainBuilder find(byte[] keyBytes, int hash) {
        int mask = slots.length - 1;
        for (int i = spread(hash) & mask; slots[i] != null; i = (i + 1) & mask) {
            if (hashes[i] == hash && slots[i].hasKey(keyBytes)) {
                return slots[i];
            }
        }
        return null;
    }

    /** Adds a chain whose key is not in the index yet. */
    void add(ChainBuilder chain, int hash) {
        if (2 * (size + 1) > slots.length) {
            grow();
        }
        insert(slots, hashes, chain, hash);
        size++;
    }

    private void grow() {
        ChainBuilder[] oldSlots = slots;
        int[] oldHashes = hashes;
        ChainBuilder[] newSlots = new ChainBuilder[oldSlots.length * 2];
        int[] newHashes = new int[oldSlots.length * 2];
        for (int i = 0; i < oldSlots.length; i++) {
            if (oldSlots[i] != null) {
                insert(newSlots, newHashes, oldSlots[i], oldHashes[i]);
            }
        }
        slots = newSlots;
        hashes = newHashes;
    }

    private static void insert(ChainBuilder[] slots, int[] hashes, ChainBuilder chain, int hash) {
        int mask = slots.length - 1;
        int i = spread(hash) & mask;
        while (slots[i] != null) {
            i = (i + 1) & mask;
        }
        slots[i] = chain;
        hashes[i] = hash;
    }

    private static int spread(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    void clear() {
        slots = new ChainBuilder[1];
        hashes = new int[1];
        size = 0;
    }
}
