package org.mailpath.engine.analysis;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer that packs chain keys and events, read back by {@link PackedReader}. */
final class PackedWriter {
    byte[] buf;
    int length;

    PackedWriter(int capacity) {
        buf = new byte[capacity];
    }

    void int4(int v) {
        ensure(4);
        buf[length++] = (byte) (v >>> 24);
        buf[length++] = (byte) (v >>> 16);
        buf[length++] = (byte) (v >>> 8);
        buf[length++] = (byte) v;
    }

    void varint(int v) {
        ensure(5);
        int x = v;
        while ((x & ~0x7F) != 0) {
            buf[length++] = (byte) ((x & 0x7F) | 0x80);
            x >>>= 7;
        }
        buf[length++] = (byte) x;
    }

    /** The UTF-8 of {@code s} from char {@code from} to {@code to} (ASCII byte by byte, no copy). */
    void utf8(String s, int from, int to) {
        ensure(to - from);
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                byte[] rest = s.substring(i, to).getBytes(StandardCharsets.UTF_8);
                bytes(rest, 0, rest.length);
                return;
            }
            buf[length++] = (byte) c;
        }
    }

    /** {@code s} as its UTF-8 length, then the bytes. */
    void string(String s) {
        if (isAscii(s)) {
            varint(s.length());
            utf8(s, 0, s.length());
        } else {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            varint(b.length);
            bytes(b, 0, b.length);
        }
    }

    void bytes(byte[] b, int from, int count) {
        ensure(count);
        System.arraycopy(b, from, buf, length, count);
        length += count;
    }

    private void ensure(int more) {
        if (length + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + more));
        }
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
