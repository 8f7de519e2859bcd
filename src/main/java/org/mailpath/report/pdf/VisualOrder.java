package org.mailpath.report.pdf;

import java.text.Bidi;
import java.text.BreakIterator;
import java.util.HashMap;
import java.util.Map;

/**
 * One line of text put from logical (memory) order into the left-to-right order in which the PDF draws its glyphs,
 * so Hebrew and Arabic in a value read right to left. PDF has no text direction of its own: whatever a content
 * stream shows is laid out left to right, so the Unicode bidi algorithm ({@link Bidi} of the JDK, never our own) must
 * be applied before drawing. The paragraph direction is left to right: the report's own text is in a left-to-right
 * language (English, Swedish) and log values are embedded in it.
 *
 * <p>The line is reordered after wrapping (wrapping works in logical order) and before it is split into font runs.
 * The visual line has exactly the width of the logical one: it holds the same characters, apart from mirrored
 * brackets (whose pairs are equally wide) and from what {@link PdfFonts#runs} would replace anyway (hidden characters
 * become their {@code [U+XXXX]} escape, tabs and line breaks a space) done here first, so that a bidi control
 * character from hostile input is shown and never obeyed.
 *
 * <p>Arabic letters stay in their isolated forms: joining them needs glyph substitution (GSUB), which the JDK cannot
 * do for PDF output and which PDFBox does not do for Arabic.
 */
final class VisualOrder {

    /** The lowest code point that can be right-to-left or change direction (Hebrew starts here). */
    private static final char FIRST_RTL = '\u0590';

    /**
     * Mirror images of the common paired characters (Unicode's Bidi_Mirroring_Glyph for them; the JDK has
     * {@link Character#isMirrored} but no public way to the mirror). Each pair is equally wide in our fonts.
     */
    private static final Map<Integer, Integer> MIRROR = mirrors("()[]{}<>«»‹›≤≥⁅⁆⁽⁾₍₎⟨⟩⟪⟫〈〉《》「」『』【】");

    private VisualOrder() {
    }

    /**
     * {@code line} in drawing order; the same instance when nothing in it is right to left (the usual case, checked
     * without copying for text below U+0590).
     */
    static String of(String line) {
        if (!mayNeedBidi(line)) {
            return line;
        }
        String prepared = prepared(line);
        char[] chars = prepared.toCharArray();
        if (!Bidi.requiresBidi(chars, 0, chars.length)) {
            return line;
        }
        Bidi bidi = new Bidi(prepared, Bidi.DIRECTION_LEFT_TO_RIGHT);
        if (bidi.isLeftToRight()) {
            return line;
        }
        int count = bidi.getRunCount();
        byte[] levels = new byte[count];
        String[] runs = new String[count];
        for (int i = 0; i < count; i++) {
            levels[i] = (byte) bidi.getRunLevel(i);
            String run = prepared.substring(bidi.getRunStart(i), bidi.getRunLimit(i));
            runs[i] = (levels[i] & 1) == 1 ? rightToLeft(run) : run;
        }
        Bidi.reorderVisually(levels, 0, runs, 0, count);
        return String.join("", runs);
    }

    private static boolean mayNeedBidi(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) >= FIRST_RTL) {
                return true;
            }
        }
        return false;
    }

    /** What {@link PdfFonts#runs} draws for hidden characters and breaks ({@link PdfFonts#standIn}), so the bidi
     * algorithm never obeys them. */
    private static String prepared(String line) {
        StringBuilder sb = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            i += Character.charCount(cp);
            PdfFonts.standIn(cp).ifPresentOrElse(sb::append, () -> sb.appendCodePoint(cp));
        }
        return sb.toString();
    }

    /**
     * A right-to-left run in drawing order: its user-perceived characters (grapheme clusters, so a surrogate pair or
     * an emoji sequence stays whole) reversed, and mirrored characters replaced by their mirror image. Inside a
     * cluster the combining marks are put before their base: DejaVu's Hebrew and Arabic marks have no advance width
     * and are drawn from the pen position where their base glyph starts (right-to-left fonts lay text out from the
     * right, a mark sharing its base's origin), so drawn left to right a mark must come first to sit on its base.
     */
    static String rightToLeft(String run) {
        StringBuilder sb = new StringBuilder(run.length());
        BreakIterator clusters = BreakIterator.getCharacterInstance();
        clusters.setText(run);
        int end = clusters.last();
        for (int start = clusters.previous(); start != BreakIterator.DONE; end = start, start = clusters.previous()) {
            appendPart(sb, run, start, end, true);
            appendPart(sb, run, start, end, false);
        }
        return sb.toString();
    }

    /** Appends the cluster's combining marks ({@code marks}) or its other code points, mirrored, in logical order. */
    private static void appendPart(StringBuilder sb, String run, int start, int end, boolean marks) {
        for (int i = start; i < end; ) {
            int cp = run.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            boolean mark = type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
            if (mark == marks) {
                sb.appendCodePoint(MIRROR.getOrDefault(cp, cp));
            }
        }
    }

    private static Map<Integer, Integer> mirrors(String pairs) {
        Map<Integer, Integer> map = new HashMap<>();
        int[] cps = pairs.codePoints().toArray();
        for (int i = 0; i < cps.length; i += 2) {
            map.put(cps[i], cps[i + 1]);
            map.put(cps[i + 1], cps[i]);
        }
        return Map.copyOf(map);
    }
}
