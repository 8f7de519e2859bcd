package org.mailpath.cli;

import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.Map;
import org.mailpath.report.VisibleText;

/**
 * Text for a stream in the locale's encoding ({@code stdout.encoding}, {@code stderr.encoding}): a character that
 * encoding cannot hold is written as {@code [U+XXXX]} (the reports' notation), not as the {@code ?} the JDK puts
 * in its place, which turned {@code alice@bücher.example} into {@code alice@b?cher.example}, another name, with no
 * word that anything was lost. The first such character calls {@code onFirstLoss} (a warning on stderr). Dashes,
 * quotes, arrows and the like are written as their ASCII stand-ins instead. A surrogate
 * pair split over two writes is judged as the one character it makes ({@link CodePointWriter}).
 */
final class LocaleWriter extends CodePointWriter {

    /**
     * ASCII for the typography of MailPath's own words ({@code 08:00 – 08:01}, {@code …}, {@code →},
     * {@code RFC 7208 §4.6.4}), which said nothing the stand-in does not: with codes for them every run under LANG=C
     * warned, and the warning that data was lost would mean nothing. None of them can be part of a domain name.
     */
    private static final Map<Integer, String> STAND_INS = Map.ofEntries(Map.entry(0x2013, "-"),
            Map.entry(0x2014, "--"), Map.entry(0x2026, "..."), Map.entry(0x2192, "->"), Map.entry(0x2018, "'"),
            Map.entry(0x2019, "'"), Map.entry(0x201C, "\""), Map.entry(0x201D, "\""), Map.entry(0x00B7, "*"),
            Map.entry(0x2264, "<="), Map.entry(0x2265, ">="), Map.entry(0x00A7, "section "), Map.entry(0x00A0, " "),
            Map.entry(0x00D7, "x"));

    private final CharsetEncoder encoder;
    private final Runnable onFirstLoss;
    private boolean lost;

    LocaleWriter(Writer out, Charset charset, Runnable onFirstLoss) {
        super(out);
        this.encoder = charset.newEncoder();
        this.onFirstLoss = onFirstLoss;
    }

    /** Every encoding a JDK runs under holds ASCII. */
    @Override
    protected boolean passes(char c) {
        return c < 0x80;
    }

    /**
     * {@code text} as this writer writes it, a code for each character the encoding cannot hold: what a column must
     * count ({@link ShownText}). Written, it passes as it is; the first code in it warns as written ones do.
     */
    String shown(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> append(sb, c));
        return sb.toString();
    }

    /** The character {@code codePoint} as this writer writes it, without the warning: for measuring. */
    String shownForm(int codePoint) {
        String character = Character.toString(codePoint);
        if (codePoint < 0x80 || encoder.canEncode(character)) {
            return character;
        }
        return STAND_INS.getOrDefault(codePoint, VisibleText.escape(codePoint));
    }

    @Override
    protected void append(StringBuilder sb, int codePoint) {
        // a character of the basic plane the encoding holds is appended as it is, without a String of its own
        if (codePoint < 0x80 || !Character.isSupplementaryCodePoint(codePoint)
                && encoder.canEncode((char) codePoint)) {
            sb.append((char) codePoint);
            return;
        }
        String shown = shownForm(codePoint);
        sb.append(shown);
        if (!lost && !shown.equals(Character.toString(codePoint)) && !STAND_INS.containsKey(codePoint)) {
            lost = true;
            onFirstLoss.run();
        }
    }
}
