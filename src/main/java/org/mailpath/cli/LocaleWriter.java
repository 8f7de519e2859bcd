package org.mailpath.cli;

import java.io.FilterWriter;
import java.io.IOException;
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
 * pair split over two writes is judged as the one character it makes.
 */
final class LocaleWriter extends FilterWriter {

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
    /** A high surrogate whose low half has not been written yet; 0 when none. */
    private char pendingHigh;

    LocaleWriter(Writer out, Charset charset, Runnable onFirstLoss) {
        super(out);
        this.encoder = charset.newEncoder();
        this.onFirstLoss = onFirstLoss;
    }

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
                    append(sb, new String(new char[] {high, c}));
                    continue;
                }
                append(sb, String.valueOf(high));
            }
            if (Character.isHighSurrogate(c)) {
                pendingHigh = c;
            } else if (c < 0x80) {
                sb.append(c); // every encoding a JDK runs under holds ASCII
            } else {
                append(sb, String.valueOf(c));
            }
        }
        out.write(sb.toString());
    }

    @Override
    public void close() throws IOException {
        if (pendingHigh != 0) {
            StringBuilder sb = new StringBuilder();
            append(sb, String.valueOf(pendingHigh));
            pendingHigh = 0;
            out.write(sb.toString());
        }
        out.close();
    }

    /**
     * {@code text} as this writer writes it, a code for each character the encoding cannot hold: what a column must
     * count ({@link ShownText}). Written, it passes as it is; the first code in it warns as written ones do.
     */
    String shown(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> append(sb, Character.toString(c)));
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

    private void append(StringBuilder sb, String character) {
        int codePoint = character.codePointAt(0);
        String shown = shownForm(codePoint);
        sb.append(shown);
        if (!lost && !shown.equals(character) && !STAND_INS.containsKey(codePoint)) {
            lost = true;
            onFirstLoss.run();
        }
    }
}
