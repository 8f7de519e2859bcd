package org.mailpath.cli;

import java.text.BreakIterator;

/**
 * How many cells of a terminal a text takes: the columns of the text output are counted in cells, not in characters.
 * A CJK ideograph, a Hangul syllable, a fullwidth form or an emoji is drawn two cells wide, a combining mark on the
 * cell of the character before it: counted as one character each, a domain {@code 例え.テスト} put every column after
 * it five cells to the right, and a {@code café.example} written with a combining acute (U+0301) one to the left.
 *
 * <p>A text is measured by what a reader sees as one character, the extended grapheme cluster of UAX #29, as the
 * JDK's {@link BreakIterator#getCharacterInstance()} finds it (its default implementation conforms to those breaks
 * since JDK 20). An emoji sequence is drawn as one picture: the woman and the laptop joined by a zero-width joiner
 * (👩‍💻), the two regional indicators of a flag (🇸🇪), a digit with the emoji selector and the keycap (1️⃣), a hand
 * with its skin tone (👍🏽) are two cells each, not the four to six their code points add up to. Any other cluster
 * is the sum of its code points: a letter and its accents one, a Hangul syllable of leading, vowel and trailing jamo
 * two, a Devanagari conjunct one a consonant, as a terminal that counts code points draws it.
 *
 * <p>The JDK has no {@code wcwidth}, and ICU4J (14 MB) would be there for this table alone, so the wide characters
 * are a range table derived from the Unicode Character Database's {@code EastAsianWidth-16.0.0.txt} (UAX #11): the
 * code points of East_Asian_Width W (wide) and F (fullwidth), and the unassigned ones its header says default to W
 * (the CJK ideograph blocks, planes 2 and 3). A (ambiguous) is one cell, as terminals draw it outside CJK locales.
 * Which code points are emoji, and which of them are drawn as emoji by default, is the JDK's ({@link
 * Character#isEmoji}, {@link Character#isEmojiPresentation}, {@link Character#isExtendedPictographic}).
 */
final class TerminalWidth {

    /** The cells of one cluster, {@code text} from {@code start} to {@code end}, in the form a caller shows it. */
    @FunctionalInterface
    interface ClusterWidth {
        int of(String text, int start, int end);
    }

    private static final int ZERO_WIDTH_JOINER = 0x200D;
    private static final int EMOJI_PRESENTATION_SELECTOR = 0xFE0F; // VARIATION SELECTOR-16

    /**
     * The first and last code point of each run of W and F in {@code EastAsianWidth-16.0.0.txt}, the unassigned ones
     * its header makes W included, in order, adjacent runs joined. Regenerated, not edited, for a later Unicode
     * version: 16.0 is the version of the JDK's own character data ({@link Character}), so that a character the table
     * calls wide is one the JDK knows, and one the JDK knows is not missing from the table.
     */
    private static final int[] WIDE = {
        0x1100, 0x115F, 0x231A, 0x231B, 0x2329, 0x232A, 0x23E9, 0x23EC, 0x23F0, 0x23F0, 0x23F3, 0x23F3, 0x25FD,
        0x25FE, 0x2614, 0x2615, 0x2630, 0x2637, 0x2648, 0x2653, 0x267F, 0x267F, 0x268A, 0x268F, 0x2693, 0x2693,
        0x26A1, 0x26A1, 0x26AA, 0x26AB, 0x26BD, 0x26BE, 0x26C4, 0x26C5, 0x26CE, 0x26CE, 0x26D4, 0x26D4, 0x26EA,
        0x26EA, 0x26F2, 0x26F3, 0x26F5, 0x26F5, 0x26FA, 0x26FA, 0x26FD, 0x26FD, 0x2705, 0x2705, 0x270A, 0x270B,
        0x2728, 0x2728, 0x274C, 0x274C, 0x274E, 0x274E, 0x2753, 0x2755, 0x2757, 0x2757, 0x2795, 0x2797, 0x27B0,
        0x27B0, 0x27BF, 0x27BF, 0x2B1B, 0x2B1C, 0x2B50, 0x2B50, 0x2B55, 0x2B55, 0x2E80, 0x2E99, 0x2E9B, 0x2EF3,
        0x2F00, 0x2FD5, 0x2FF0, 0x303E, 0x3041, 0x3096, 0x3099, 0x30FF, 0x3105, 0x312F, 0x3131, 0x318E, 0x3190,
        0x31E5, 0x31EF, 0x321E, 0x3220, 0x3247, 0x3250, 0xA48C, 0xA490, 0xA4C6, 0xA960, 0xA97C, 0xAC00, 0xD7A3,
        0xF900, 0xFAFF, 0xFE10, 0xFE19, 0xFE30, 0xFE52, 0xFE54, 0xFE66, 0xFE68, 0xFE6B, 0xFF01, 0xFF60, 0xFFE0,
        0xFFE6, 0x16FE0, 0x16FE4, 0x16FF0, 0x16FF1, 0x17000, 0x187F7, 0x18800, 0x18CD5, 0x18CFF, 0x18D08, 0x1AFF0,
        0x1AFF3, 0x1AFF5, 0x1AFFB, 0x1AFFD, 0x1AFFE, 0x1B000, 0x1B122, 0x1B132, 0x1B132, 0x1B150, 0x1B152, 0x1B155,
        0x1B155, 0x1B164, 0x1B167, 0x1B170, 0x1B2FB, 0x1D300, 0x1D356, 0x1D360, 0x1D376, 0x1F004, 0x1F004, 0x1F0CF,
        0x1F0CF, 0x1F18E, 0x1F18E, 0x1F191, 0x1F19A, 0x1F200, 0x1F202, 0x1F210, 0x1F23B, 0x1F240, 0x1F248, 0x1F250,
        0x1F251, 0x1F260, 0x1F265, 0x1F300, 0x1F320, 0x1F32D, 0x1F335, 0x1F337, 0x1F37C, 0x1F37E, 0x1F393, 0x1F3A0,
        0x1F3CA, 0x1F3CF, 0x1F3D3, 0x1F3E0, 0x1F3F0, 0x1F3F4, 0x1F3F4, 0x1F3F8, 0x1F43E, 0x1F440, 0x1F440, 0x1F442,
        0x1F4FC, 0x1F4FF, 0x1F53D, 0x1F54B, 0x1F54E, 0x1F550, 0x1F567, 0x1F57A, 0x1F57A, 0x1F595, 0x1F596, 0x1F5A4,
        0x1F5A4, 0x1F5FB, 0x1F64F, 0x1F680, 0x1F6C5, 0x1F6CC, 0x1F6CC, 0x1F6D0, 0x1F6D2, 0x1F6D5, 0x1F6D7, 0x1F6DC,
        0x1F6DF, 0x1F6EB, 0x1F6EC, 0x1F6F4, 0x1F6FC, 0x1F7E0, 0x1F7EB, 0x1F7F0, 0x1F7F0, 0x1F90C, 0x1F93A, 0x1F93C,
        0x1F945, 0x1F947, 0x1F9FF, 0x1FA70, 0x1FA7C, 0x1FA80, 0x1FA89, 0x1FA8F, 0x1FAC6, 0x1FACE, 0x1FADC, 0x1FADF,
        0x1FAE9, 0x1FAF0, 0x1FAF8, 0x20000, 0x2FFFD, 0x30000, 0x3FFFD
    };

    private TerminalWidth() {
    }

    /** The cells {@code text} takes, cluster by cluster ({@link #ofCluster}). */
    static int of(CharSequence text) {
        if (ascii(text)) {
            return text.length(); // one cell a character: the usual domain, address or status line, no BreakIterator
        }
        String s = text.toString();
        BreakIterator clusters = clusters(s);
        int cells = 0;
        for (int start = clusters.first(), end = clusters.next(); end != BreakIterator.DONE;
                start = end, end = clusters.next()) {
            cells += ofCluster(s, start, end);
        }
        return cells;
    }

    /**
     * The end of {@code text}'s longest start that fits in {@code cells}, each cluster measured by {@code width}:
     * never within a cluster, so never within a surrogate pair, between a letter and its accent nor within an emoji
     * sequence; a cluster that does not fit is left out whole.
     */
    static int fittingEnd(String text, int cells, ClusterWidth width) {
        // ASCII breaks between every two characters but CR and LF (UAX #29 GB3): no BreakIterator needed
        BreakIterator clusters = ascii(text) && text.indexOf('\r') < 0 ? null : clusters(text);
        int start = 0;
        int used = 0;
        while (start < text.length()) {
            int end = clusters == null ? start + 1 : clusters.next();
            used += width.of(text, start, end);
            if (used > cells) {
                break;
            }
            start = end;
        }
        return start;
    }

    /**
     * The cells of the cluster {@code text} from {@code start} to {@code end}: two for an emoji sequence (a
     * pictograph drawn as emoji by default, or made one by the emoji selector U+FE0F, or joined to another by a
     * zero-width joiner), else the sum of its code points' cells ({@link #of(int)}).
     */
    static int ofCluster(CharSequence text, int start, int end) {
        int base = Character.codePointAt(text, start);
        int next = start + Character.charCount(base);
        if (next >= end) {
            return of(base);
        }
        if (Character.isEmojiPresentation(base)) {
            return 2; // 👍🏽, 👩‍💻, 🇸🇪: the skin tone, the joined pictograph, the second indicator add no cell
        }
        boolean emoji = Character.isEmoji(base);
        boolean pictographic = Character.isExtendedPictographic(base);
        int cells = of(base);
        for (int i = next; i < end; ) {
            int c = Character.codePointAt(text, i);
            if (c == EMOJI_PRESENTATION_SELECTOR && emoji || c == ZERO_WIDTH_JOINER && pictographic) {
                return 2; // 1️⃣, ❤️, 🏳️‍🌈: a text-style character drawn as emoji
            }
            cells += of(c);
            i += Character.charCount(c);
        }
        return cells;
    }

    /**
     * The cells of one code point alone. 2 for a wide or fullwidth character and for one drawn as emoji by default
     * (the regional indicators, N in {@code EastAsianWidth.txt}, are such); 0 for what is drawn on the cell before it
     * or not at all: combining marks (Mn, Me: accents, the variation selector of an emoji), the zero-width space,
     * joiners and word joiner, and the medial and final jamo that complete a Hangul syllable its initial consonant
     * began (two cells); else 1. The text output shows controls and the other invisible characters as codes ({@link
     * TerminalSafeWriter}) before they are measured; counted here they are one cell, as every other character.
     */
    static int of(int codePoint) {
        int type = Character.getType(codePoint);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || zeroWidth(codePoint)) {
            return 0;
        }
        return wide(codePoint) || Character.isEmojiPresentation(codePoint) ? 2 : 1;
    }

    /** A cluster break iterator over {@code text}: the JDK's extended grapheme clusters. */
    private static BreakIterator clusters(String text) {
        BreakIterator clusters = BreakIterator.getCharacterInstance();
        clusters.setText(text);
        return clusters;
    }

    /** Whether every character of {@code text} is ASCII: one cell each, as {@link #of(int)} counts them. */
    private static boolean ascii(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static boolean zeroWidth(int codePoint) {
        return codePoint >= 0x200B && codePoint <= 0x200D || codePoint == 0x2060 || codePoint == 0xFEFF
                || codePoint >= 0x1160 && codePoint <= 0x11FF || codePoint >= 0xD7B0 && codePoint <= 0xD7FF;
    }

    /** Whether {@code codePoint} is W or F in the table ({@link #WIDE}); the tests hold it to the JDK's data. */
    static boolean wide(int codePoint) {
        if (codePoint < WIDE[0]) {
            return false; // Latin, Greek, Cyrillic, Arabic, Hebrew…: no search
        }
        // the run that starts at or before codePoint: its first is at an even index
        int lo = 0;
        int hi = WIDE.length / 2 - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (WIDE[2 * mid] <= codePoint) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return hi >= 0 && codePoint <= WIDE[2 * hi + 1];
    }
}
