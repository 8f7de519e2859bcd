package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cells a terminal draws a character in, at the edges of the runs taken from {@code EastAsianWidth-16.0.0.txt}
 * (each value below is that file's East_Asian_Width of the code point, or its General_Category for the zeros).
 */
class TerminalWidthTest {

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
     * regional indicators, N, drawn as a flag in pairs), and it has no character the JDK does not know, but the
     * unassigned ones its header makes W. A JDK of a later Unicode fails here: regenerate the table from that
     * version's file.
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
    void aTextIsTheSumOfItsCharacters() {
        assertEquals(11, TerminalWidth.of("\u4f8b\u3048.\u30c6\u30b9\u30c8"), "例え.テスト");
        assertEquals(12, TerminalWidth.of("cafe\u0301.example"));
        assertEquals(3, TerminalWidth.of("\uD83D\uDE00a"), "a surrogate pair is one character");
        assertEquals(0, TerminalWidth.of(""));
    }
}
