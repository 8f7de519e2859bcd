package org.mailpath.cli;

import java.io.PrintWriter;
import java.util.Optional;

/**
 * A value as the text output shows it: the one place that turns data into its shown form, for the columns and clips
 * that must count it. The terminal's codes for control and invisible characters ({@link TerminalSafeWriter}), then
 * the locale's for characters its encoding cannot hold ({@link LocaleWriter}): under LANG=C {@code bücher.example}
 * is shown as {@code b[U+00FC]cher.example}, 7 characters wider, and a column padded to the name's own length
 * before the writer widened it put every column after it 7 characters to the right. A shown form is written as it
 * is: none of its characters is escaped again.
 *
 * <p>Width is counted in the cells of a terminal the shown form takes ({@link TerminalWidth}), by what a reader sees
 * as one character: two for a CJK ideograph, a fullwidth form or an emoji sequence, none for a combining mark, one for
 * the characters of a code.
 */
final class ShownText {

    /** Text for a writer that holds every character and escapes none (a test's writer): shown as it is. */
    private static final ShownText AS_IS = new ShownText(false, Optional.empty());

    private final boolean terminalSafe;
    private final Optional<LocaleWriter> locale;

    private ShownText(boolean terminalSafe, Optional<LocaleWriter> locale) {
        this.terminalSafe = terminalSafe;
        this.locale = locale;
    }

    /** How {@code out} shows text: as the terminal-safe printer ({@link TerminalSafeWriter.Printer}) does, or as is. */
    static ShownText forWriter(PrintWriter out) {
        return out instanceof TerminalSafeWriter.Printer p ? p.shownText() : AS_IS;
    }

    /** Text shown safe for a terminal, written to {@code target}: in the locale's encoding if it is standard output. */
    static ShownText terminalSafe(PrintWriter target) {
        return new ShownText(true, target instanceof StandardOutput s ? Optional.of(s.localeWriter())
                : Optional.empty());
    }

    /**
     * {@code text} as it is shown. The first code for a character the locale cannot hold warns that one was
     * written: the shown form is meant to be written.
     */
    String of(String text) {
        String safe = terminalSafe ? TerminalSafeWriter.escape(text) : text;
        return locale.map(l -> l.shown(safe)).orElse(safe);
    }

    /** How many cells {@code text} is wide when shown. */
    int width(String text) {
        if (printableAscii(text)) {
            return text.length(); // shown as it is under every locale, one cell a character
        }
        return TerminalWidth.of(measured(text, 0, text.length()));
    }

    /**
     * {@code text} as shown, at most {@code max} cells wide: cut where it would be wider, with an ellipsis
     * (itself as shown: {@code ...} under LANG=C), never within a character's code nor within what a reader sees as
     * one character, a surrogate pair, a letter and its combining marks, an emoji sequence or a wide character: one
     * that does not fit is left out whole, and the cell it leaves is padded by {@link #cell}.
     */
    String clip(String text, int max) {
        if (width(text) <= max) {
            return of(text);
        }
        return of(text.substring(0, TerminalWidth.fittingEnd(text, max - width("…"), this::clusterWidth)) + "…");
    }

    /** A cell of a table's column {@code width} cells wide: {@code text} as shown, clipped, padded with spaces. */
    String cell(String text, int width) {
        String shown = clip(text, width);
        int shownWidth = TerminalWidth.of(shown);
        return shownWidth < width ? shown + " ".repeat(width - shownWidth) : shown;
    }

    /** The cells of one cluster of {@code text} as shown. */
    private int clusterWidth(String text, int start, int end) {
        return TerminalWidth.of(measured(text, start, end));
    }

    /**
     * {@code text} from {@code start} to {@code end} as shown, character by character, with no warning, as nothing is
     * written: measured as a whole, the clusters of what the terminal gets are counted, not those of the data.
     */
    private String measured(String text, int start, int end) {
        StringBuilder sb = new StringBuilder(end - start + 16);
        for (int i = start; i < end; ) {
            int codePoint = text.codePointAt(i);
            if (terminalSafe && TerminalSafeWriter.unsafe(codePoint)) {
                sb.append(TerminalSafeWriter.escape(Character.toString(codePoint))); // ASCII, which every locale holds
            } else if (locale.isPresent()) {
                sb.append(locale.get().shownForm(codePoint));
            } else {
                sb.appendCodePoint(codePoint);
            }
            i += Character.charCount(codePoint);
        }
        return sb.toString();
    }

    private static boolean printableAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }
}
