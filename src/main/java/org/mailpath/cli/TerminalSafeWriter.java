package org.mailpath.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Text output for a terminal: control characters (but line breaks and tabs) and invisible format characters taken
 * from a log or a DNS answer are written as {@code [U+XXXX]}, as the PDF report shows them, so that an escape
 * sequence in a reply cannot clear the screen or a right-to-left override reverse what follows. JSON output does
 * not go through it: it must keep the data exactly.
 */
final class TerminalSafeWriter extends FilterWriter {

    private TerminalSafeWriter(Writer out) {
        super(out);
    }

    /** {@code out} with unsafe characters escaped; flush the result when done. */
    static PrintWriter wrap(PrintWriter out) {
        return new PrintWriter(new TerminalSafeWriter(out));
    }

    static boolean unsafe(char c) {
        if (c == '\n' || c == '\r' || c == '\t') {
            return false;
        }
        int type = Character.getType(c);
        // U+200D (zero-width joiner) stays: emoji and several scripts need it, and it moves nothing
        return type == Character.CONTROL || (type == Character.FORMAT && c != '\u200D');
    }

    @Override
    public void write(int c) throws IOException {
        if (unsafe((char) c)) {
            out.write(String.format("[U+%04X]", c));
        } else {
            out.write(c);
        }
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        int start = off;
        for (int i = off; i < off + len; i++) {
            if (unsafe(buf[i])) {
                out.write(buf, start, i - start);
                write(buf[i]);
                start = i + 1;
            }
        }
        out.write(buf, start, off + len - start);
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        write(s.toCharArray(), off, len);
    }
}
