package org.mailpath.engine.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where a large plain log is cut into two parts read in parallel (just after a line feed near the middle), and how
 * many line breaks come before the cut, so that the second part knows its absolute line numbers. Both are cheap:
 * the cut reads one block, the count scans bytes eight at a time.
 */
final class LogSplit {

    /** Below this size, starting a second part costs more than it saves. */
    static final long MIN_BYTES = 8L << 20;
    /** How far past the middle a line feed is looked for (one record is much shorter in a real log). */
    private static final int SEARCH = 1 << 20;
    private static final int BLOCK = 1 << 20;
    private static final long LOW7 = 0x7F7F_7F7F_7F7F_7F7FL;
    private static final long LF = 0x0A0A_0A0A_0A0A_0A0AL;
    private static final long CR = 0x0D0D_0D0D_0D0D_0D0DL;
    private static final long QUOTE = 0x2222_2222_2222_2222L;

    private LogSplit() {
    }

    /** The offset just after the first line feed at or after {@code from}, if one is within reach before the end. */
    static OptionalLong cutAfter(Path file, long from, long size) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate((int) Math.min(SEARCH, Math.max(0, size - from)));
            while (buf.hasRemaining() && ch.read(buf, from + buf.position()) > 0) {
                // read the whole block
            }
            for (int i = 0; i < buf.position(); i++) {
                if (buf.get(i) == '\n') {
                    long cut = from + i + 1;
                    return cut < size ? OptionalLong.of(cut) : OptionalLong.empty();
                }
            }
            return OptionalLong.empty();
        }
    }

    /**
     * The line breaks in the first {@code cut} bytes as Commons CSV counts them (CR, LF and CR LF each one), or
     * empty when those bytes hold an odd number of quote characters (the cut would then fall inside a quoted field).
     */
    static OptionalLong linesBefore(Path file, long cut) throws IOException {
        Optional<Counted> counted = count(file, cut);
        return counted.isPresent() && counted.get().quotes() % 2 == 0 ? OptionalLong.of(counted.get().lineBreaks())
                : OptionalLong.empty();
    }

    /**
     * The line breaks in the first {@code end} bytes as Commons CSV counts them (CR, LF and CR LF each one), quotes
     * or not; empty if the file is shorter. For a line number beside a byte offset, where a quoted field does not
     * matter.
     */
    static OptionalLong lineBreaksBefore(Path file, long end) throws IOException {
        Optional<Counted> counted = count(file, end);
        return counted.isPresent() ? OptionalLong.of(counted.get().lineBreaks()) : OptionalLong.empty();
    }

    /** What {@link #count} found: the line breaks, and the quote characters. */
    private record Counted(long lineBreaks, long quotes) {
    }

    /** Counts the line breaks and the quote characters in the first {@code end} bytes; empty if the file is shorter. */
    private static Optional<Counted> count(Path file, long end) throws IOException {
        long lf = 0;
        long cr = 0;
        long crlf = 0;
        long quotes = 0;
        boolean previousCr = false;
        ByteBuffer buf = ByteBuffer.allocate(BLOCK).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long position = 0;
            while (position < end) {
                buf.clear();
                buf.limit((int) Math.min(BLOCK, end - position));
                while (buf.hasRemaining()) {
                    if (ch.read(buf, position + buf.position()) < 0) {
                        return Optional.empty();
                    }
                }
                int n = buf.position();
                int i = 0;
                for (; i + 8 <= n; i += 8) {
                    long w = buf.getLong(i);
                    long lfs = zeroBytes(w ^ LF);
                    long crs = zeroBytes(w ^ CR);
                    lf += Long.bitCount(lfs);
                    cr += Long.bitCount(crs);
                    quotes += Long.bitCount(zeroBytes(w ^ QUOTE));
                    // a CR in byte k followed by a LF in byte k + 1 (little-endian: the next higher byte)
                    crlf += Long.bitCount((crs << 8) & lfs) + (previousCr && (lfs & 0x80) != 0 ? 1 : 0);
                    previousCr = crs < 0;
                }
                for (; i < n; i++) {
                    byte b = buf.get(i);
                    if (b == '\n') {
                        lf++;
                        if (previousCr) {
                            crlf++;
                        }
                    } else if (b == '"') {
                        quotes++;
                    }
                    previousCr = b == '\r';
                    if (previousCr) {
                        cr++;
                    }
                }
                position += n;
            }
        }
        return Optional.of(new Counted(cr + lf - crlf, quotes));
    }

    /** The high bit of each byte of {@code x} that is zero, exactly (no false hits after a borrow). */
    private static long zeroBytes(long x) {
        return ~(((x & LOW7) + LOW7) | x | LOW7);
    }
}
