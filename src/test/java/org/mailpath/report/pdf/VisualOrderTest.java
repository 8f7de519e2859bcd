package org.mailpath.report.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

class VisualOrderTest {

    // Hebrew letters by name, so the expected strings below say what is drawn left to right
    private static final String ALEF = "\u05D0";
    private static final String BET = "\u05D1";
    private static final String GIMEL = "\u05D2";
    private static final String SHALOM = "\u05E9\u05DC\u05D5\u05DD"; // שלום
    private static final String MOLAHS = "\u05DD\u05D5\u05DC\u05E9"; // שלום drawn left to right

    @Test
    void aHebrewWordInAnEnglishSentenceIsReversedAndStaysInItsPlace() {
        assertEquals("User " + MOLAHS + " was not found", VisualOrder.of("User " + SHALOM + " was not found"));
    }

    @Test
    void aHebrewLocalPartInAStatusLineIsReversedAndTheRestOfTheAddressIsNot() {
        assertEquals("550 5.1.1 <" + GIMEL + BET + ALEF + "@example.com>: rejected",
                VisualOrder.of("550 5.1.1 <" + ALEF + BET + GIMEL + "@example.com>: rejected"));
    }

    @Test
    void bracketsInsideRightToLeftTextAreMirrored() {
        // logically "( x )" read from the right; drawn left to right the opening bracket must face the other way
        assertEquals(BET + " (" + GIMEL + ") [" + ALEF + "] <" + BET + "> «" + GIMEL + "» " + ALEF,
                VisualOrder.of(ALEF + " «" + GIMEL + "» <" + BET + "> [" + ALEF + "] (" + GIMEL + ") " + BET));
        // the pair follows Hebrew, so it belongs to the right-to-left text: read from the right, שלום then (אב)
        assertEquals("User (" + BET + ALEF + ") " + MOLAHS,
                VisualOrder.of("User " + SHALOM + " (" + ALEF + BET + ")"));
        // brackets between English words stay as they are
        assertEquals("rejected (" + BET + ALEF + ")", VisualOrder.of("rejected (" + ALEF + BET + ")"));
    }

    @Test
    void numbersInsideRightToLeftTextKeepTheirDigitOrder() {
        assertEquals(BET + ALEF + " 5.1.1 123 " + GIMEL,
                VisualOrder.of(GIMEL + " 123 5.1.1 " + ALEF + BET));
        // Arabic: letters reversed (isolated forms, not joined), Arabic-Indic digits in their order
        assertEquals("١٢٣ مقر", VisualOrder.of("رقم ١٢٣"));
    }

    @Test
    void combiningMarksStayWithTheirBaseAndAreDrawnFromItsOrigin() {
        // שָׁלוֹם: shin + qamats + shin dot, lamed, vav + holam, final mem
        String pointed = "\u05E9\u05B8\u05C1\u05DC\u05D5\u05B9\u05DD";
        assertEquals("\u05DD" + "\u05B9\u05D5" + "\u05DC" + "\u05B8\u05C1\u05E9", VisualOrder.of(pointed));
        assertEquals("x " + "\u064E\u0628" + "\u0627" + " y", VisualOrder.of("x " + "\u0627" + "\u0628\u064E" + " y"),
                "Arabic fatha on beh");
        // a surrogate pair in a right-to-left run is not split
        assertEquals(BET + " \uD83D\uDE00 " + ALEF, VisualOrder.of(ALEF + " \uD83D\uDE00 " + BET));
    }

    @Test
    void dejaVuDrawsHebrewAndArabicMarksFromTheOriginOfTheirBase() throws IOException {
        // why marks come first: zero advance and an outline centred right of the pen, i.e. over the glyph drawn next
        for (String name : List.of("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")) {
            try (InputStream in = getClass().getResourceAsStream("/org/mailpath/report/fonts/" + name)) {
                TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
                for (int mark : new int[] {0x05B8, 0x05BC, 0x05B9, 0x05C1, 0x064E}) {
                    int gid = font.getUnicodeCmapLookup().getGlyphId(mark);
                    GlyphData glyph = font.getGlyph().getGlyph(gid);
                    assertEquals(0, font.getAdvanceWidth(gid), name + " U+" + Integer.toHexString(mark));
                    assertTrue(glyph.getXMinimum() + glyph.getXMaximum() > 0, name + " U+" + Integer.toHexString(mark));
                }
                // unlike a Latin mark, which is drawn back over the glyph before it
                int acute = font.getUnicodeCmapLookup().getGlyphId(0x0301);
                assertTrue(font.getGlyph().getGlyph(acute).getXMaximum() < 0, name + " U+0301");
                font.close();
            }
        }
    }

    @Test
    void textWithoutRightToLeftCharactersIsReturnedAsItIs() {
        String ascii = "550 5.1.1 <bob@example.com>: Recipient address rejected (unknown)";
        assertSame(ascii, VisualOrder.of(ascii));
        String other = "müller@bücher.example 张伟@例子.example Привет";
        assertSame(other, VisualOrder.of(other));
        // a bidi override alone: nothing to reorder, PdfFonts shows it as [U+202E]
        String override = "x\u202Egnp.exe";
        assertSame(override, VisualOrder.of(override));
    }

    @Test
    void bidiControlsFromTheLogAreShownAndNeverObeyed() {
        String drawn = VisualOrder.of("abc \u202E" + ALEF + BET + "\u2067" + GIMEL);
        assertEquals("abc [U+202E]" + BET + ALEF + "[U+2067]" + GIMEL, drawn);
        assertFalse(drawn.contains("\u202E"));
        assertEquals(BET + " " + ALEF, VisualOrder.of(ALEF + "\t" + BET), "a tab is drawn as a space");
    }

    @Test
    void theMirrorTableHoldsOnlyMirroredCharacters() {
        String pairs = "()[]{}<>«»‹›≤≥⁅⁆⁽⁾₍₎⟨⟩⟪⟫〈〉《》「」『』【】";
        pairs.codePoints().forEach(cp -> assertTrue(Character.isMirrored(cp), Integer.toHexString(cp)));
        // reversed, each pair would face the wrong way; mirrored, every pair reads as it did
        assertEquals("【】『』「」《》〈〉⟪⟫⟨⟩₍₎⁽⁾⁅⁆≤≥‹›«»<>{}[]()", VisualOrder.rightToLeft(pairs));
    }

    @Test
    void aLineIsAsWideInVisualOrderAsInLogicalOrder() throws IOException {
        List<String> lines = List.of(
                "550 5.1.1 <" + ALEF + BET + GIMEL + "@example.com>: rejected",
                ALEF + " ()[]{}<>«»‹›≤≥⁅⁆⁽⁾₍₎⟨⟩⟪⟫〈〉《》「」『』【】 " + BET,
                "\u05E9\u05B8\u05C1\u05DC\u05D5\u05B9\u05DD \u202E\u0000\t" + SHALOM + " 123 张伟 \uD83D\uDE00",
                "رقم ١٢٣ (بريد) mx.example");
        try (PdfFontCache.Loan lent = TestFonts.CACHE.lend();
             PDDocument doc = new PDDocument()) {
            PdfFonts fonts = new PdfFonts(doc, lent.fonts);
            for (var font : List.of(fonts.regular, fonts.bold, fonts.mono)) {
                for (String line : lines) {
                    String visual = VisualOrder.of(line);
                    assertFalse(visual.equals(line), line);
                    assertEquals(fonts.width(font, 10, line), fonts.width(font, 10, visual), 1e-3,
                            font.getName() + ": " + line);
                }
            }
        }
    }
}
