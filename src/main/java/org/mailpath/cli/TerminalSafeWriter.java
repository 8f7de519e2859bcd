package org.mailpath.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import org.mailpath.report.VisibleText;

/**
 * Text output for a terminal: control characters (but line breaks and tabs) and invisible format characters taken
 * from a log or a DNS answer are written as {@code [U+XXXX]}, by the reports' rule ({@link VisibleText}), so that an
 * escape sequence in a reply cannot clear the screen, a right-to-left override reverse what follows, or invisible
 * tag characters (U+E0000–U+E007F, outside the basic plane) hide text. Surrogate pairs are judged as the one
 * character they make, also when a pair is split over two writes; a lone surrogate is shown as a code. JSON output
 * does not go through it: it must keep the data exactly.
 */
final class TerminalSafeWriter extends FilterWriter {

    /** A high surrogate whose low half has not been written yet; 0 when none. */
    private char pendingHigh;

    private TerminalSafeWriter(Writer out) {
        super(out);
    }

    /** {@code out} with unsafe characters escaped; flush the result when done. */
    static PrintWriter wrap(PrintWriter out) {
        return new PrintWriter(new TerminalSafeWriter(out));
    }

    /** {@code out} with unsafe characters escaped, flushed at every line (for messages on stderr). */
    static PrintWriter wrapAutoFlush(PrintWriter out) {
        return new PrintWriter(new TerminalSafeWriter(out), true);
    }

    /** {@code text} as this writer writes it. */
    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> append(sb, c));
        return sb.toString();
    }

    /** The reports' rule ({@link VisibleText}), but line breaks and tabs, which a terminal needs. */
    static boolean unsafe(int codePoint) {
        return codePoint != '\n' && codePoint != '\r' && codePoint != '\t' && VisibleText.hidden(codePoint);
    }

    @Override
    public void write(int c) throws IOException {
        write(new char[] {(char) c}, 0, 1);
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
            } else {
                append(sb, c);
            }
        }
        out.write(sb.toString());
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        write(s.toCharArray(), off, len);
    }

    @Override
    public void flush() throws IOException {
        // a high surrogate held back stays pending: its low half may still come
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (pendingHigh != 0) {
            out.write(VisibleText.escape(pendingHigh));
            pendingHigh = 0;
        }
        out.close();
    }

    private static void append(StringBuilder sb, int codePoint) {
        if (unsafe(codePoint)) {
            sb.append(VisibleText.escape(codePoint));
        } else {
            sb.appendCodePoint(codePoint);
        }
    }
}
