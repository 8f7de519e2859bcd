package org.mailpath.engine.analysis;

import java.nio.charset.StandardCharsets;

/** Reads what {@link PackedWriter} wrote: variable-length numbers and length-prefixed strings, by offset. */
final class PackedReader {

    private PackedReader() {
    }

    /** The offset after {@code count} strings (each its UTF-8 length, then the bytes) stored from {@code at}. */
    static int skipStrings(byte[] b, int at, int count) {
        int p = at;
        for (int i = 0; i < count; i++) {
            long len = readVarint(b, p);
            p = (int) (len >>> 32) + (int) len;
        }
        return p;
    }

    /** The string stored at {@code at} (its UTF-8 length, then the bytes; {@link PackedWriter#string}). */
    static String stringAt(byte[] b, int at) {
        long len = readVarint(b, at);
        return new String(b, (int) (len >>> 32), (int) len, StandardCharsets.UTF_8);
    }

    /** Reads an unsigned variable-length int at {@code at}: the value in the low 32 bits, the next offset above. */
    static long readVarint(byte[] b, int at) {
        int value = 0;
        int shift = 0;
        int p = at;
        while (true) {
            byte x = b[p++];
            value |= (x & 0x7F) << shift;
            if (x >= 0) {
                return ((long) p << 32) | (value & 0xFFFF_FFFFL);
            }
            shift += 7;
        }
    }
}
