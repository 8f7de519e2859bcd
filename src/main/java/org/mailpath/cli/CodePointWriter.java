package org.mailpath.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * A writer that judges what it writes a character (code point) at a time: a surrogate pair is the one character it
 * makes, also when it is split over two writes (the high half is held back until the next write); a lone surrogate is
 * judged on its own. The one place {@link LocaleWriter} and {@link TerminalSafeWriter} keep that bookkeeping.
 */
abstract class CodePointWriter extends FilterWriter {

    /** A high surrogate whose low half has not been written yet; 0 when none. */
    private char pendingHigh;

    CodePointWriter(Writer out) {
        super(out);
    }

    /** Appends {@code codePoint} to {@code sb} as this writer writes it. */
    protected abstract void append(StringBuilder sb, int codePoint);

    /** Whether {@code c} (no surrogate) is written as it is, without {@link #append}: a fast or a special path. */
    protected abstract boolean passes(char c);

    @Override
    public void write(int c) throws IOException {
        write(new char[] {(char) c}, 0, 1);
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        write(s.toCharArray(), off, len);
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        StringBuilder sb = new StringBuilder(len + 16);
        for (int i = off; i < off + len; i++) {
            char c = buf[i];
            if (pendingHigh != 0) {
                char high = pendingHigh;
                pendingHigh = 0;
                if (Character.isLowSurrogate(c)) {
                    append(sb, Character.toCodePoint(high, c));
                    continue;
                }
                append(sb, high);
            }
            if (Character.isHighSurrogate(c)) {
                pendingHigh = c;
            } else if (passes(c)) {
                sb.append(c);
            } else {
                append(sb, c);
            }
        }
        out.write(sb.toString());
    }

    @Override
    public void flush() throws IOException {
        // a high surrogate held back stays pending: its low half may still come
        out.flush();
    }

    /** Writes a high surrogate still held back as the lone character it is, then closes. */
    @Override
    public void close() throws IOException {
        if (pendingHigh != 0) {
            StringBuilder sb = new StringBuilder();
            append(sb, pendingHigh);
            pendingHigh = 0;
            out.write(sb.toString());
        }
        out.close();
    }
}
