package org.mailpath.engine.log;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.OptionalLong;

/**
 * The bytes of a log whose first {@value LogInput#SAMPLE} bytes are plain ASCII, for a UTF-8 decoder. Such a
 * sample reads the same in UTF-8 and in Windows-1252, so the encoding is decided later, at the first byte that is
 * not ASCII, from it and the {@value #LOOK_AHEAD} bytes after it: text that reads as UTF-8 is passed on as it is;
 * otherwise the rest of the input is Windows-1252 and is passed on re-encoded as UTF-8 (what Excel saves in Western
 * locales, where the first accented name may come after thousands of rows).
 */
final class LateEncodingStream extends FilterInputStream {

    static final int LOOK_AHEAD = 64 * 1024;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080_8080_8080_8080L;
    /** The UTF-8 bytes of each Windows-1252 byte from 0x80 on (its five unassigned bytes: U+FFFD). */
    private static final byte[][] WINDOWS_1252_AS_UTF8 = new byte[128][];

    static {
        for (int b = 0x80; b <= 0xFF; b++) {
            String c = new String(new byte[] {(byte) b}, WINDOWS_1252);
            WINDOWS_1252_AS_UTF8[b - 0x80] = c.getBytes(StandardCharsets.UTF_8);
        }
    }

    private enum State { ASCII, UTF8, WINDOWS_1252 }

    private State state = State.ASCII;
    /** Bytes to hand out before reading more (the look-ahead, or re-encoded text). */
    private byte[] pending = new byte[0];
    private int pendingAt;
    private byte[] raw = new byte[0];
    /** Bytes taken from the input so far. */
    private long consumed;
    private long switchedAt = -1;

    LateEncodingStream(InputStream in) {
        super(in);
    }

    /** Where the input turned out to be Windows-1252: the offset of its first byte that is not ASCII. */
    OptionalLong windows1252From() {
        return switchedAt < 0 ? OptionalLong.empty() : OptionalLong.of(switchedAt);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (pendingAt < pending.length) {
            int n = Math.min(len, pending.length - pendingAt);
            System.arraycopy(pending, pendingAt, b, off, n);
            pendingAt += n;
            return n;
        }
        return switch (state) {
            case UTF8 -> counted(in.read(b, off, len));
            case WINDOWS_1252 -> readWindows1252(b, off, len);
            case ASCII -> readAscii(b, off, len);
        };
    }

    private int counted(int n) {
        if (n > 0) {
            consumed += n;
        }
        return n;
    }

    private int readAscii(byte[] b, int off, int len) throws IOException {
        int n = counted(in.read(b, off, len));
        if (n <= 0) {
            return n;
        }
        int high = firstHighByte(b, off, off + n);
        if (high < 0) {
            return n;
        }
        byte[] ahead = in.readNBytes(LOOK_AHEAD);
        consumed += ahead.length;
        byte[] window = new byte[off + n - high + ahead.length];
        System.arraycopy(b, high, window, 0, off + n - high);
        System.arraycopy(ahead, 0, window, off + n - high, ahead.length);
        if (mostlyUtf8(window)) {
            state = State.UTF8;
            pending = ahead;
            pendingAt = 0;
            return n;
        }
        state = State.WINDOWS_1252;
        switchedAt = consumed - ahead.length - (off + n - high);
        pending = toUtf8(window, window.length);
        pendingAt = 0;
        if (high > off) {
            return high - off;
        }
        return read(b, off, len);
    }

    /**
     * Whether {@code window} (from the first byte that is not ASCII) reads as UTF-8: at least as many well-formed
     * multi-byte characters as malformed bytes. Windows-1252 text almost never forms a UTF-8 sequence by chance, and
     * a UTF-8 file with a few stray bytes stays UTF-8 (those are reported as a mix of encodings).
     */
    static boolean mostlyUtf8(byte[] window) {
        CharBuffer text = CharBuffer.allocate(window.length + 1);
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                // the window may end inside a character: that is not malformed (endOfInput=false)
                .decode(ByteBuffer.wrap(window), text, false);
        text.flip();
        int wellFormed = 0;
        int malformed = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\uFFFD') {
                malformed++;
            } else if (c >= 0x80 && !Character.isLowSurrogate(c)) {
                wellFormed++;
            }
        }
        return wellFormed > 0 && wellFormed >= malformed;
    }

    private int readWindows1252(byte[] b, int off, int len) throws IOException {
        if (raw.length < len) {
            raw = new byte[Math.max(len, 8192)];
        }
        int n = counted(in.read(raw, 0, len));
        if (n <= 0) {
            return n;
        }
        pending = toUtf8(raw, n);
        pendingAt = 0;
        return read(b, off, len);
    }

    private static byte[] toUtf8(byte[] bytes, int count) {
        byte[] out = new byte[count * 3];
        int o = 0;
        for (int i = 0; i < count; i++) {
            byte x = bytes[i];
            if (x >= 0) {
                out[o++] = x;
            } else {
                byte[] utf8 = WINDOWS_1252_AS_UTF8[(x & 0xFF) - 0x80];
                System.arraycopy(utf8, 0, out, o, utf8.length);
                o += utf8.length;
            }
        }
        return Arrays.copyOf(out, o);
    }

    /** The index of the first byte of {@code b[from, to)} that is not ASCII, or -1; eight bytes at a time. */
    static int firstHighByte(byte[] b, int from, int to) {
        int i = from;
        while (i + 8 <= to && ((long) LONGS.get(b, i) & HIGH_BITS) == 0) {
            i += 8;
        }
        for (; i < to; i++) {
            if (b[i] < 0) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int available() throws IOException {
        return pendingAt < pending.length ? pending.length - pendingAt : state == State.WINDOWS_1252 ? 0
                : in.available();
    }

    @Override
    public long skip(long n) throws IOException {
        // the decoder above never skips; a skip would bypass the decision
        throw new IOException("skip is not supported");
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
