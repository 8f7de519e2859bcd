package org.mailpath.engine.log;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Decodes UTF-8, reading each byte that is no part of a well-formed UTF-8 character as Windows-1252: a UTF-8 log
 * edited in a Western program (a name retyped, a row pasted) holds a few such bytes ({@code é} as the one byte 0xE9),
 * and read as UTF-8 alone they are lost ({@code U+FFFD}), read as Windows-1252 the whole file's accented names are
 * garbled. The JDK has no decoder that falls back per sequence. Well-formed text goes through the JDK's UTF-8
 * decoder untouched (its fast loop); only a malformed sequence costs more. Counts the bytes so read, the offset of
 * the first, and the lines holding them, for the warning ({@link LogInput#strayBytesWarning}).
 *
 * <p>The lines are counted from the first stray byte's line on: only from there are the bytes decoded looked at for
 * line breaks (CR, LF and CR LF each end one, as {@link LogSplit} counts them), so a file that is all UTF-8 costs
 * nothing more. Of those lines only a count and the first {@link #LINES_KEPT} are kept.
 */
final class Utf8WithStrayBytes extends CharsetDecoder {

    /** Lines holding stray bytes that are kept to be named; the others are counted. */
    static final int LINES_KEPT = 5;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long HIGH_BITS = 0x8080_8080_8080_8080L;
    private static final long LF = 0x0A0A_0A0A_0A0A_0A0AL;
    private static final long CR = 0x0D0D_0D0D_0D0D_0D0DL;
    /** Each byte from 0x80 on as Windows-1252 reads it (its five unassigned bytes: U+FFFD). */
    private static final char[] HIGH = new String(highBytes(), WINDOWS_1252).toCharArray();

    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    /** Bytes decoded before the current call's buffer position (of earlier calls). */
    private long consumedBefore;
    private long strayBytes;
    private long firstStray = -1;
    /** Line breaks decoded since the first stray byte: the line of a stray byte after the first one's. */
    private long breaksAfterFirst;
    /** Whether the last byte looked at for line breaks was a CR (a LF right after it ends no other line). */
    private boolean previousCr;
    private long strayLines;
    /** {@link #breaksAfterFirst} at the last stray byte; -1 before the first. */
    private long lastStrayLine = -1;
    /** The first lines holding stray bytes, as lines after the first one's (the first is 0). */
    private final long[] keptLines = new long[LINES_KEPT];

    Utf8WithStrayBytes() {
        super(StandardCharsets.UTF_8, 1.0f, 1.0f);
    }

    private static byte[] highBytes() {
        byte[] b = new byte[128];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (0x80 + i);
        }
        return b;
    }

    /** Bytes read as Windows-1252 so far. */
    long strayBytes() {
        return strayBytes;
    }

    /** The offset of the first of them among the bytes decoded, or -1. */
    long firstStray() {
        return firstStray;
    }

    /** The lines holding them so far. */
    long strayLines() {
        return strayLines;
    }

    /**
     * The first {@link #LINES_KEPT} (at most) of those lines, each as the count of lines after the first one's: the
     * caller, who can find that one's line, adds it.
     */
    long[] linesAfterFirst() {
        return Arrays.copyOf(keptLines, (int) Math.min(strayLines, LINES_KEPT));
    }

    @Override
    protected CoderResult decodeLoop(ByteBuffer in, CharBuffer out) {
        int start = in.position();
        // where the bytes of this call not yet looked at for line breaks begin (used from the first stray byte on)
        int unscanned = start;
        try {
            while (true) {
                CoderResult r = utf8.decode(in, out, false);
                if (!r.isError()) {
                    return r;
                }
                int n = r.length();
                if (out.remaining() < n) {
                    return CoderResult.OVERFLOW;
                }
                int at = in.position();
                if (firstStray < 0) {
                    firstStray = consumedBefore + at - start;
                } else {
                    countBreaks(in, unscanned, at);
                }
                unscanned = at;
                if (breaksAfterFirst != lastStrayLine) {
                    if (strayLines < LINES_KEPT) {
                        keptLines[(int) strayLines] = breaksAfterFirst;
                    }
                    strayLines++;
                    lastStrayLine = breaksAfterFirst;
                }
                strayBytes += n;
                for (int i = 0; i < n; i++) {
                    int b = in.get() & 0xFF;
                    // a malformed sequence is of bytes from 0x80 on: a byte below ends it and is never in it
                    out.put(b < 0x80 ? (char) b : HIGH[b - 0x80]);
                }
            }
        } finally {
            if (firstStray >= 0) {
                countBreaks(in, unscanned, in.position());
            }
            consumedBefore += in.position() - start;
        }
    }

    /** Adds the line breaks of {@code in}'s bytes {@code from} to {@code to} to {@link #breaksAfterFirst}. */
    private void countBreaks(ByteBuffer in, int from, int to) {
        long breaks = 0;
        boolean cr = previousCr;
        byte[] array = in.hasArray() ? in.array() : null;
        int base = in.hasArray() ? in.arrayOffset() : 0;
        int i = from;
        while (i < to) {
            // eight bytes at a time past those holding no line break: most of a line
            if (array != null) {
                boolean skipped = false;
                while (i + 8 <= to && !holdsLineBreak((long) LONGS.get(array, base + i))) {
                    i += 8;
                    skipped = true;
                }
                if (skipped) {
                    cr = false;
                }
            }
            for (int end = Math.min(to, i + 8); i < end; i++) {
                byte b = array != null ? array[base + i] : in.get(i);
                if (b == '\r' || (b == '\n' && !cr)) {
                    breaks++;
                }
                cr = b == '\r';
            }
        }
        if (to > from) {
            previousCr = cr;
        }
        breaksAfterFirst += breaks;
    }

    /** Whether one of the eight bytes of {@code word} is a CR or a LF (the test for a zero byte is exact). */
    private static boolean holdsLineBreak(long word) {
        long lf = word ^ LF;
        long cr = word ^ CR;
        return ((lf - ONES) & ~lf & HIGH_BITS) != 0 || ((cr - ONES) & ~cr & HIGH_BITS) != 0;
    }

    @Override
    protected void implReset() {
        utf8.reset();
        consumedBefore = 0;
    }
}
