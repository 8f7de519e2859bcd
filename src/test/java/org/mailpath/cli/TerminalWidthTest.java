package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cells a terminal draws a text in. A character alone: at the edges of the runs taken from
 * {@code EastAsianWidth-16.0.0.txt} (each value below is that file's East_Asian_Width of the code point, or its
 * General_Category for the zeros). A text: cluster by cluster, an emoji sequence two cells whatever its code points.
 */
class TerminalWidthTest {

    private static final String TECHNOLOGIST = "\uD83D\uDC69\u200D\uD83D\uDCBB"; // 👩‍💻: WOMAN, ZWJ, PERSONAL COMPUTER
    private static final String SWEDEN = "\uD83C\uDDF8\uD83C\uDDEA"; // 🇸🇪: REGIONAL INDICATOR S, E
    private static final String FINLAND = "\uD83C\uDDEB\uD83C\uDDEE"; // 🇫🇮
    private static final String KEYCAP_ONE = "1\uFE0F\u20E3"; // 1️⃣: DIGIT ONE, VS16, COMBINING ENCLOSING KEYCAP
    private static final String THUMBS_UP_MEDIUM = "\uD83D\uDC4D\uD83C\uDFFD"; // 👍🏽: THUMBS UP, FITZPATRICK TYPE-4

    @Test
    void wideAndFullwidthCharactersTakeTwoCells() {
        assertEquals(2, TerminalWidth.of(0x4E00), "CJK UNIFIED IDEOGRAPH-4E00: W");
        assertEquals(2, TerminalWidth.of(0x3042), "HIRAGANA LETTER A: W");
        assertEquals(2, TerminalWidth.of(0xAC00), "HANGUL SYLLABLE GA, first of its run: W");
        assertEquals(2, TerminalWidth.of(0xD7A3), "HANGUL SYLLABLE HIH, last of its run: W");
        assertEquals(2, TerminalWidth.of(0x3000), "IDEOGRAPHIC SPACE: F");
        assertEquals(2, TerminalWidth.of(0xFF01), "FULLWIDTH EXCLAMATION MARK: F");
        assertEquals(2, TerminalWidth.of(0xFF21), "FULLWIDTH LATIN CAPITAL LETTER A: F");
        assertEquals(2, TerminalWidth.of(0x1100), "HANGUL CHOSEONG KIYEOK, the table's first: W");
        assertEquals(2, TerminalWidth.of(0x1F600), "GRINNING FACE, outside the basic plane: W");
        assertEquals(2, TerminalWidth.of(0x20000), "CJK UNIFIED IDEOGRAPH-20000: W");
        assertEquals(2, TerminalWidth.of(0x2FFFD), "unassigned in plane 2: W by the file's header");
    }

    /** Made wide, or added wide, by Unicode 15.1 and 16.0: one cell each in the table of 15.0. */
    @Test
    void charactersWideSinceUnicode15AreTwoCells() {
        assertEquals(2, TerminalWidth.of(0x2FFC), "IDEOGRAPHIC DESCRIPTION CHARACTER SURROUND FROM RIGHT: W, 15.1");
        assertEquals(2, TerminalWidth.of(0x31EF), "IDEOGRAPHIC DESCRIPTION CHARACTER SUBTRACTION: W, 15.1");
        assertEquals(2, TerminalWidth.of(0x2630), "TRIGRAM FOR HEAVEN: N until 15.1, W in 16.0");
        assertEquals(2, TerminalWidth.of(0x268A), "MONOGRAM FOR YANG: W in 16.0");
        assertEquals(2, TerminalWidth.of(0x4DC0), "HEXAGRAM FOR THE CREATIVE HEAVEN: W in 16.0");
        assertEquals(2, TerminalWidth.of(0x1D300), "MONOGRAM FOR EARTH: W in 16.0");
        assertEquals(2, TerminalWidth.of(0x1D376), "the last counting rod numeral: W in 16.0");
        assertEquals(2, TerminalWidth.of(0x1FAE9), "FACE WITH BAGS UNDER EYES, an emoji of 16.0: W");
        assertEquals(2, TerminalWidth.of(0x18CFF), "KHITAN SMALL SCRIPT CHARACTER-18CFF, of 16.0: W");
        assertEquals(1, TerminalWidth.of(0x2638), "WHEEL OF DHARMA, after the trigrams: N");
        assertEquals(1, TerminalWidth.of(0x2689), "BLACK CIRCLE WITH TWO WHITE DOTS, before the monograms: N");
    }

    @Test
    void narrowHalfwidthAndAmbiguousCharactersTakeOne() {
        assertEquals(1, TerminalWidth.of('a'));
        assertEquals(1, TerminalWidth.of(0x00FC), "LATIN SMALL LETTER U WITH DIAERESIS: A");
        assertEquals(1, TerminalWidth.of(0x2026), "HORIZONTAL ELLIPSIS: A, one cell outside CJK locales");
        assertEquals(1, TerminalWidth.of(0x10FF), "just before the table's first run");
        assertEquals(1, TerminalWidth.of(0xFF61), "HALFWIDTH IDEOGRAPHIC FULL STOP: H");
        assertEquals(1, TerminalWidth.of(0x303F), "IDEOGRAPHIC HALF FILL SPACE: N, between two W runs");
        assertEquals(1, TerminalWidth.of(0xA4D0), "LISU LETTER BA: N, after the Yi radicals");
        assertEquals(1, TerminalWidth.of(0x2FFFE), "a noncharacter of plane 2: N");
        assertEquals(1, TerminalWidth.of(0x0627), "ARABIC LETTER ALEF: N");
        assertEquals(1, TerminalWidth.of(0x2764), "HEAVY BLACK HEART: N, drawn as text unless selected as emoji");
    }

    @Test
    void combiningMarksAndZeroWidthCharactersTakeNone() {
        assertEquals(0, TerminalWidth.of(0x0301), "COMBINING ACUTE ACCENT: Mn");
        assertEquals(0, TerminalWidth.of(0x20DD), "COMBINING ENCLOSING CIRCLE: Me");
        assertEquals(0, TerminalWidth.of(0xFE0F), "VARIATION SELECTOR-16: Mn");
        assertEquals(0, TerminalWidth.of(0x3099), "COMBINING KATAKANA-HIRAGANA VOICED SOUND MARK: Mn in a W run");
        assertEquals(0, TerminalWidth.of(0x200D), "ZERO WIDTH JOINER");
        assertEquals(0, TerminalWidth.of(0x1160), "HANGUL JUNGSEONG FILLER: completes a syllable");
    }

    /**
     * The table is of the JDK's Unicode version: every character the JDK draws as emoji by default is in it (but the
     * regional indicators, N, which {@link TerminalWidth#of(int)} takes from the JDK), and it has no character the
     * JDK does not know, but the unassigned ones its header makes W. A JDK of a later Unicode fails here: regenerate
     * the table from that version's file.
     */
    @Test
    void theTableIsOfTheJdksUnicodeVersion() {
        List<String> notWide = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            if (Character.isEmojiPresentation(c) && !(c >= 0x1F1E6 && c <= 0x1F1FF) && !TerminalWidth.wide(c)) {
                notWide.add(Integer.toHexString(c));
            }
            if (TerminalWidth.wide(c) && Character.getType(c) == Character.UNASSIGNED
                    && !(c >= 0x3400 && c <= 0x4DBF || c >= 0x4E00 && c <= 0x9FFF || c >= 0xF900 && c <= 0xFAFF
                            || c >= 0x20000 && c <= 0x3FFFD)) {
                unknown.add(Integer.toHexString(c));
            }
        }
        assertEquals(List.of(), notWide, "emoji presentation by default, but not W in the table");
        assertEquals(List.of(), unknown, "W in the table, but unknown to the JDK");
    }

    @Test
    void aTextIsTheSumOfItsClusters() {
        assertEquals(11, TerminalWidth.of("\u4f8b\u3048.\u30c6\u30b9\u30c8"), "例え.テスト");
        assertEquals(12, TerminalWidth.of("cafe\u0301.example"));
        assertEquals(3, TerminalWidth.of("\uD83D\uDE00a"), "a surrogate pair is one character");
        assertEquals(0, TerminalWidth.of(""));
        assertEquals(4, TerminalWidth.of("a\r\nb"), "CR LF is one cluster, each a cell as every other control");
    }

    @Test
    void anEmojiZwjSequenceIsTwoCells() {
        assertEquals(2, TerminalWidth.of(TECHNOLOGIST), "not 2 + 0 + 2");
        assertEquals(4, TerminalWidth.of("a" + TECHNOLOGIST + "b"));
        // WAVING WHITE FLAG (N) made emoji by VS16, joined to RAINBOW: 🏳️‍🌈
        assertEquals(2, TerminalWidth.of("\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08"));
        // HEAVY BLACK HEART (N) joined to FIRE without the selector: ❤‍🔥 is still one picture
        assertEquals(2, TerminalWidth.of("\u2764\u200D\uD83D\uDD25"));
    }

    @Test
    void aFlagIsTwoCells() {
        assertEquals(2, TerminalWidth.of(SWEDEN), "two regional indicators, N each, one flag");
        assertEquals(4, TerminalWidth.of(SWEDEN + FINLAND), "the indicators pair up in order: two flags");
    }

    @Test
    void aKeycapIsTwoCells() {
        assertEquals(2, TerminalWidth.of(KEYCAP_ONE), "the selector makes the digit an emoji: not 1 + 0 + 0");
        assertEquals(2, TerminalWidth.of("#\uFE0F\u20E3"));
        assertEquals(1, TerminalWidth.of("1\u20E3"), "without the selector a digit in a keycap is text: one cell");
        assertEquals(2, TerminalWidth.of("\u2764\uFE0F"), "❤️: HEAVY BLACK HEART selected as emoji");
    }

    @Test
    void aSkinToneModifierAddsNoCell() {
        assertEquals(2, TerminalWidth.of(THUMBS_UP_MEDIUM), "not 2 + 2");
        assertEquals(2, TerminalWidth.of("\uD83C\uDFFD"), "a modifier alone is a swatch, W");
    }

    @Test
    void combiningMarksAddNoCellToTheirLetter() {
        assertEquals(1, TerminalWidth.of("e\u0301"));
        assertEquals(1, TerminalWidth.of("a\u0301\u0323"), "two marks on one letter");
        assertEquals(2, TerminalWidth.of("\u1100\u1161\u11A8"), "a Hangul syllable of three jamo: 각");
        assertEquals(2, TerminalWidth.of("\u304B\u3099"), "か and its voicing mark: が");
        // क्ष: KA, VIRAMA, SSA, one cluster since Unicode 15.1; a cell a consonant, as code point counting draws it
        assertEquals(2, TerminalWidth.of("\u0915\u094D\u0937"));
    }

    /** A cut of {@code cells} falls between clusters only; {@code fittingEnd} as the console output calls it. */
    private static int cut(String text, int cells) {
        return TerminalWidth.fittingEnd(text, cells, TerminalWidth::ofCluster);
    }

    private static List<Integer> boundaries(String text) {
        BreakIterator clusters = BreakIterator.getCharacterInstance();
        clusters.setText(text);
        List<Integer> all = new ArrayList<>();
        for (int b = clusters.first(); b != BreakIterator.DONE; b = clusters.next()) {
            all.add(b);
        }
        return all;
    }

    @Test
    void aCutNeverFallsWithinAZwjSequence() {
        String text = "ab" + TECHNOLOGIST + "c"; // clusters end at 2, 7 and 8
        assertEquals(2, cut(text, 3), "the sequence does not fit in the one cell left: left out whole");
        assertEquals(7, cut(text, 4), "the whole sequence, not the woman without her laptop");
        assertEquals(8, cut(text, 5));
        List<Integer> boundaries = boundaries(text);
        for (int cells = 0; cells <= 6; cells++) {
            int end = cut(text, cells);
            assertTrue(boundaries.contains(end), "cut at " + end + " for " + cells + " cells");
            assertTrue(TerminalWidth.of(text.substring(0, end)) <= cells);
        }
    }

    @Test
    void aCutNeverSplitsAFlagAKeycapOrASkinTone() {
        assertEquals(4, cut(SWEDEN + FINLAND, 3), "one flag, not a flag and a lone indicator");
        assertEquals(0, cut(KEYCAP_ONE + "2", 1));
        assertEquals(3, cut(KEYCAP_ONE + "2", 2));
        assertEquals(0, cut(THUMBS_UP_MEDIUM, 1));
        assertEquals(4, cut(THUMBS_UP_MEDIUM + "x", 2), "the hand with its tone, not a hand of the default yellow");
    }

    @Test
    void aCutKeepsCombiningMarksWithTheirLetter() {
        assertEquals(5, cut("cafe\u0301s", 4), "the accent goes with its e");
        assertEquals(3, cut("cafe\u0301s", 3), "and is left out with it");
        assertFalse(cut("a\u0301\u0323b", 1) == 2, "never between the two marks");
        assertEquals(3, cut("a\u0301\u0323b", 1));
    }

    @Test
    void aCutOfAsciiIsOneCharacterACell() {
        assertEquals(3, cut("abcdef", 3));
        assertEquals(6, cut("abcdef", 10));
        assertEquals(0, cut("abcdef", 0));
        assertEquals(1, cut("a\r\nb", 2), "CR LF is one cluster of two cells");
        assertEquals(3, cut("a\r\nb", 3));
    }
}
