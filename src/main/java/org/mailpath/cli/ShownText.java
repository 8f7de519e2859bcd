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
 * <p>Width is counted in the cells of a terminal the shown form takes ({@link TerminalWidth}): two for a CJK
 * ideograph or a fullwidth form, none for a combining mark, one for the characters of a code.
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

    /** How {@code out} shows text: as the terminal-safe printer of {@link TerminalSafeWriter#wrap} does, or as is. */
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
        return text.codePoints().map(this::width).sum();
    }

    /**
     * {@code text} as shown, at most {@code max} cells wide: cut where it would be wider, with an ellipsis
     * (itself as shown: {@code ...} under LANG=C), never within a character's code nor within a character, a
     * surrogate pair or a wide one: a character that does not fit is left out whole, with the combining marks after
     * it, and the cell it leaves is padded by {@link #cell}.
     */
    String clip(String text, int max) {
        if (width(text) <= max) {
            return of(text);
        }
        return of(text.substring(0, TerminalWidth.fittingEnd(text, max - width("…"), this::width)) + "…");
    }

    /** A cell of a table's column {@code width} cells wide: {@code text} as shown, clipped, padded with spaces. */
    String cell(String text, int width) {
        String shown = clip(text, width);
        int shownWidth = TerminalWidth.of(shown);
        return shownWidth < width ? shown + " ".repeat(width - shownWidth) : shown;
    }

    /** The cells of one character as shown; measuring gives no warning, as nothing is written. */
    private int width(int codePoint) {
        String character = Character.toString(codePoint);
        if (terminalSafe && TerminalSafeWriter.unsafe(codePoint)) {
            return TerminalWidth.of(TerminalSafeWriter.escape(character)); // ASCII, which every locale holds
        }
        return locale.map(l -> TerminalWidth.of(l.shownForm(codePoint))).orElseGet(() -> TerminalWidth.of(codePoint));
    }
}
