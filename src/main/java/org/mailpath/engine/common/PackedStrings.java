package org.mailpath.engine.common;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An immutable list of strings kept as one String of them all and the end of each, for the many short lists that
 * are held together (a report's raw log rows: hundreds of thousands of rows of about 17 fields). Kept apart, each
 * field is a String object and its own array, about 40 bytes beside its text; packed, a row costs one String and one
 * array, and its text stays one byte a character where it is Latin-1, as a String's is. Each {@link #get} returns a
 * new String cut out of the whole, so it suits lists read now and then, not in a tight loop. Like
 * {@link List#copyOf}, it refuses null elements.
 */
public final class PackedStrings extends AbstractList<String> implements RandomAccess {

    private static final PackedStrings EMPTY = new PackedStrings("", new int[0]);

    private final String all;
    /** ends[i] is where element i ends in {@code all}; it starts where element i - 1 ends (0 for the first). */
    private final int[] ends;

    private PackedStrings(String all, int[] ends) {
        this.all = all;
        this.ends = ends;
    }

    /** The strings of {@code values}, in order; {@code values} itself if it is already packed. */
    public static PackedStrings of(List<String> values) {
        if (values instanceof PackedStrings packed) {
            return packed;
        }
        return of(values.toArray(String[]::new));
    }

    /** The strings of {@code values}, in order (the array is not kept). */
    public static PackedStrings of(String... values) {
        if (values.length == 0) {
            return EMPTY;
        }
        int[] ends = new int[values.length];
        long length = 0;
        for (int i = 0; i < values.length; i++) {
            length += Objects.requireNonNull(values[i], "element").length();
            if (length > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("strings too long to pack: " + length + " characters");
            }
            ends[i] = (int) length;
        }
        StringBuilder all = new StringBuilder((int) length);
        for (String value : values) {
            all.append(value);
        }
        return new PackedStrings(all.toString(), ends);
    }

    @Override
    public String get(int index) {
        Objects.checkIndex(index, ends.length);
        return all.substring(index == 0 ? 0 : ends[index - 1], ends[index]);
    }

    @Override
    public int size() {
        return ends.length;
    }

    @Override
    public boolean equals(Object o) {
        if (o instanceof PackedStrings other) {
            return all.equals(other.all) && Arrays.equals(ends, other.ends);
        }
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
