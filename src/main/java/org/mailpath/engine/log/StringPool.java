package org.mailpath.engine.log;

/**
 * A fixed-size, lossy intern table: repeated values (senders, relay hosts, reply texts) share one String, while
 * unique values do not make it grow. Not thread-safe.
 */
final class StringPool {

    private final String[] slots;
    private final int mask;

    StringPool(int sizePowerOfTwo) {
        slots = new String[sizePowerOfTwo];
        mask = sizePowerOfTwo - 1;
    }

    String intern(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        int h = value.hashCode();
        int slot = (h ^ (h >>> 16)) & mask;
        String existing = slots[slot];
        if (value.equals(existing)) {
            return existing;
        }
        slots[slot] = value;
        return value;
    }
}
