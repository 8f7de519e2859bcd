package org.mailpath.engine.log;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8, reading each byte that is no part of a well-formed UTF-8 character as Windows-1252: a UTF-8 log
 * edited in a Western program (a name retyped, a row pasted) holds a few such bytes ({@code é} as the one byte 0xE9),
 * and read as UTF-8 alone they are lost ({@code U+FFFD}), read as Windows-1252 the whole file's accented names are
 * garbled. The JDK has no decoder that falls back per sequence. Well-formed text goes through the JDK's UTF-8
 * decoder untouched (its fast loop); only a malformed sequence costs more. Counts the bytes so read and the offset of
 * the first, for the warning ({@link LogInput#strayBytesWarning}).
 */
final class Utf8WithStrayBytes extends CharsetDecoder {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** Each byte from 0x80 on as Windows-1252 reads it (its five unassigned bytes: U+FFFD). */
    private static final char[] HIGH = new String(highBytes(), WINDOWS_1252).toCharArray();

    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    /** Bytes decoded before the current call's buffer position (of earlier calls). */
    private long consumedBefore;
    private long strayBytes;
    private long firstStray = -1;

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

    @Override
    protected CoderResult decodeLoop(ByteBuffer in, CharBuffer out) {
        int start = in.position();
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
                if (firstStray < 0) {
                    firstStray = consumedBefore + in.position() - start;
                }
                strayBytes += n;
                for (int i = 0; i < n; i++) {
                    int b = in.get() & 0xFF;
                    // a malformed sequence is of bytes from 0x80 on: a byte below ends it and is never in it
                    out.put(b < 0x80 ? (char) b : HIGH[b - 0x80]);
                }
            }
        } finally {
            consumedBefore += in.position() - start;
        }
    }

    @Override
    protected void implReset() {
        utf8.reset();
        consumedBefore = 0;
    }
}
