package org.mailpath.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Formattable;
import java.util.FormattableFlags;
import java.util.Formatter;
import java.util.Locale;
import java.util.Objects;
import org.mailpath.report.VisibleText;

/**
 * Text output for a terminal: control characters and invisible format characters taken from a log or a DNS answer
 * are written as {@code [U+XXXX]}, by the reports' rule ({@link VisibleText}), so that an escape sequence
 * in a reply cannot clear the screen, a right-to-left override reverse what follows, invisible tag characters
 * (U+E0000–U+E007F, outside the basic plane) hide text, or a bare CR in a Delivery Status ({@code 550 5.1.1 no such
 * user\rXXXX}) send the cursor back to overwrite the status. Line breaks too: only the writer's own line ends
 * ({@code println}, {@code %n} of {@code printf}; CRLF on Windows) are written as such, a CR or LF in the data is
 * shown as the reports show it. Tabs too: MailPath's own text has none, its columns are padded with spaces, and a
 * tab in a value moved every column after it to the terminal's next tab stop; a code, not a space, because the tab
 * may be the fault itself ({@code v=spf1<TAB>include:…} is no SPF record, RFC 7208 §4.5), as a CR is. Surrogate
 * pairs are judged as the one
 * character they make, also when a pair is split over two writes; a lone surrogate is shown as a code. JSON output
 * does not go through it: it must keep the data exactly, and has the same characters escaped as {@code \}{@code
 * uXXXX} ({@link org.mailpath.report.json.VisibleJsonEscapes}).
 */
final class TerminalSafeWriter extends CodePointWriter {

    /** Whether CR and LF are written as they are: while the printer writes its own line ends. */
    private boolean lineEnds;

    private TerminalSafeWriter(Writer out) {
        super(out);
    }

    /**
     * Text to be written to {@code target} later, escaped and shown as it is shown there, into {@code into}: output
     * prepared whole before any of it is put out ({@link WholeText}). Flush the result when done.
     */
    static PrintWriter wrapFor(PrintWriter target, Writer into) {
        return new Printer(new TerminalSafeWriter(into), false, ShownText.terminalSafe(target));
    }

    /** {@code out} with unsafe characters escaped, flushed at every line (for messages on stderr). */
    static PrintWriter wrapAutoFlush(PrintWriter out) {
        return new Printer(new TerminalSafeWriter(out), true, ShownText.terminalSafe(out));
    }

    /** {@code text} as this writer writes it. */
    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> appendShown(sb, c));
        return sb.toString();
    }

    /** The reports' rule ({@link VisibleText}). */
    static boolean unsafe(int codePoint) {
        return VisibleText.hidden(codePoint);
    }

    /** The printer's own line ends, while it writes them. */
    @Override
    protected boolean passes(char c) {
        return lineEnds && (c == '\r' || c == '\n');
    }

    /**
     * The printer {@link #wrapFor} and {@link #wrapAutoFlush} return: its line ends pass as they are, all else it
     * writes goes through the writer. A formatted line's arguments are turned into their shown form ({@link ShownText}) before they are
     * formatted, so that what remains of a line break after formatting is the format's own {@code %n}, and a width
     * ({@code %-40s}) counts the text as the terminal gets it, under LANG=C the codes for what the locale cannot hold,
     * in the terminal's cells ({@link ShownArgument}).
     */
    static final class Printer extends PrintWriter {
        private final TerminalSafeWriter safe;
        private final ShownText shownText;

        Printer(TerminalSafeWriter safe, boolean autoFlush, ShownText shownText) {
            super(safe, autoFlush);
            this.safe = safe;
            this.shownText = shownText;
        }

        /** How this printer shows text. */
        ShownText shownText() {
            return shownText;
        }

        @Override
        public void println() {
            synchronized (lock) {
                safe.lineEnds = true;
                try {
                    super.println();
                } finally {
                    safe.lineEnds = false;
                }
            }
        }

        /**
         * Formatted in English, the language of all MailPath's text output, whatever the machine's locale: under ar-EG,
         * fa-IR or mr-IN the default locale's digits put {@code ٤٥٠} (under LANG=C {@code [U+0664]…}) in the tables'
         * columns of an English text whose other numbers are written 0-9 ({@link Counts}).
         */
        @Override
        public PrintWriter format(String format, Object... args) {
            return format(Locale.ENGLISH, format, args);
        }

        @Override
        public PrintWriter format(Locale l, String format, Object... args) {
            Object[] shown = args == null ? null : args.clone();
            for (int i = 0; shown != null && i < shown.length; i++) {
                // every argument but those a format turns into digits or a word of its own: an enum's or a path's
                // text, formatted while line ends pass, let a CR or LF in it through as well
                if (shown[i] != null && !(shown[i] instanceof Number || shown[i] instanceof Character
                        || shown[i] instanceof Boolean)) {
                    shown[i] = new ShownArgument(shownText.of(shown[i].toString()));
                }
            }
            synchronized (lock) {
                safe.lineEnds = true;
                try {
                    return super.format(l, format, shown);
                } finally {
                    safe.lineEnds = false;
                }
            }
        }
    }

    /**
     * A format's argument in its shown form, padded to a width ({@code %-40s}) and cut to a precision ({@code %.8s})
     * in terminal cells ({@link TerminalWidth}): {@link java.util.Formatter} counts a text's chars, so a CJK name
     * pushed the next column one cell right per ideograph, a combining accent or a one-cell character outside the
     * basic plane (two chars) one left. A precision never cuts within a character, nor within what a reader sees as
     * one: a letter and its accent, an emoji sequence.
     */
    record ShownArgument(String shown) implements Formattable {

        @Override
        public void formatTo(Formatter formatter, int flags, int width, int precision) {
            String text = precision < 0 ? shown : head(precision);
            if ((flags & FormattableFlags.UPPERCASE) != 0) {
                text = text.toUpperCase(Objects.requireNonNullElse(formatter.locale(), Locale.ROOT));
            }
            String padding = " ".repeat(Math.max(0, width - TerminalWidth.of(text)));
            boolean left = (flags & FormattableFlags.LEFT_JUSTIFY) != 0;
            try {
                formatter.out().append(left ? text : padding).append(left ? padding : text);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a PrintWriter's Formatter writes to it, which never throws
            }
        }

        /** The first characters of the shown form that fit in {@code cells}. */
        private String head(int cells) {
            return shown.substring(0, TerminalWidth.fittingEnd(shown, cells, TerminalWidth::ofCluster));
        }

        @Override
        public String toString() {
            return shown;
        }
    }

    @Override
    protected void append(StringBuilder sb, int codePoint) {
        appendShown(sb, codePoint);
    }

    private static void appendShown(StringBuilder sb, int codePoint) {
        if (unsafe(codePoint)) {
            sb.append(VisibleText.escape(codePoint));
        } else {
            sb.appendCodePoint(codePoint);
        }
    }
}
