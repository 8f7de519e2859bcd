package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The cells a terminal draws a character in, at the edges of the runs taken from {@code EastAsianWidth-15.0.0.txt}
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

    @Test
    void narrowHalfwidthAndAmbiguousCharactersTakeOne() {
        assertEquals(1, TerminalWidth.of('a'));
        assertEquals(1, TerminalWidth.of(0x00FC), "LATIN SMALL LETTER U WITH DIAERESIS: A");
        assertEquals(1, TerminalWidth.of(0x2026), "HORIZONTAL ELLIPSIS: A, one cell outside CJK locales");
        assertEquals(1, TerminalWidth.of(0x10FF), "just before the table's first run");
        assertEquals(1, TerminalWidth.of(0xFF61), "HALFWIDTH IDEOGRAPHIC FULL STOP: H");
        assertEquals(1, TerminalWidth.of(0x303F), "IDEOGRAPHIC HALF FILL SPACE: N, between two W runs");
        assertEquals(1, TerminalWidth.of(0x4DC0), "HEXAGRAM FOR THE CREATIVE HEAVEN: N, between the ideographs");
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

    @Test
    void aTextIsTheSumOfItsCharacters() {
        assertEquals(11, TerminalWidth.of("\u4f8b\u3048.\u30c6\u30b9\u30c8"), "例え.テスト");
        assertEquals(12, TerminalWidth.of("cafe\u0301.example"));
        assertEquals(3, TerminalWidth.of("\uD83D\uDE00a"), "a surrogate pair is one character");
        assertEquals(0, TerminalWidth.of(""));
    }
}
