package org.mailpath.engine.common;

/**
 * A fixed-size, lossy intern table: repeated values (senders, relay hosts, reply texts) share one String, while
 * unique values do not make it grow. Not thread-safe. Used by the log reader for row values and by the report
 * builder for the texts of its entries (a large log's report holds hundreds of thousands).
 */
public final class StringPool {

    private final String[] slots;
    private final int mask;

    public StringPool(int sizePowerOfTwo) {
        slots = new String[sizePowerOfTwo];
        mask = sizePowerOfTwo - 1;
    }

    public String intern(String value) {
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
