package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mailpath.report.io.PointOfNoReturn;

/** Columns count a value as the terminal gets it: with the codes for what the locale or a terminal cannot take. */
class ShownTextTest {

    /** Standard output in {@code encoding} as the text commands write it, counting the warnings of lost characters. */
    private static final class Output {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final AtomicInteger warnings = new AtomicInteger();
        final Charset encoding;
        final WholeText whole;
        final PrintWriter text;

        Output(Charset encoding) {
            this.encoding = encoding;
            this.whole = new WholeText(new StandardOutput(bytes, encoding, warnings::incrementAndGet));
            this.text = whole.writer();
        }

        ShownText shown() {
            return ShownText.forWriter(text);
        }

        String written() {
            whole.writeAfter(PointOfNoReturn.NONE);
            return bytes.toString(encoding);
        }
    }

    @Test
    void underAnAsciiLocaleACellCountsTheCodesOfWhatTheLocaleCannotHold() {
        Output out = new Output(StandardCharsets.US_ASCII);
        assertEquals("b[U+00FC]cher.example   |", out.shown().cell("b\u00fccher.example", 24) + "|");
        assertEquals(1, out.warnings.get(), "a cell is meant to be written: its code is lost data, said once");
        out.text.printf("%s|%n", out.shown().cell("b\u00fccher.example", 24));
        assertEquals("b[U+00FC]cher.example   |" + System.lineSeparator(), out.written());
        assertEquals(1, out.warnings.get());
    }

    @Test
    void aWidthOfAFormatCountsTheShownFormToo() {
        Output out = new Output(StandardCharsets.US_ASCII);
        out.text.printf("%-12s|%-6s|%n", "b\u00fc", "x\ry");
        assertEquals("b[U+00FC]   |x[U+000D]y|" + System.lineSeparator(), out.written());
    }

    /** Not only text: a list's (or an enum's, a path's) words were formatted while the printer let line ends pass. */
    @Test
    void aFormatArgumentThatIsNoTextIsShownSafeToo() {
        Output out = new Output(StandardCharsets.US_ASCII);
        out.text.printf("%s|%d|%n", List.of("x\ry"), 7);
        assertEquals("[x[U+000D]y]|7|" + System.lineSeparator(), out.written());
    }

    @Test
    void aLineBreakOfTheDataIsCountedAsItsCodeUnderEveryLocale() {
        StringWriter sink = new StringWriter();
        ShownText shown = ShownText.forWriter(new WholeText(new PrintWriter(sink)).writer());
        assertEquals("a[U+000D]b  |", shown.cell("a\rb", 12) + "|");
        assertEquals(10, shown.width("a\rb"));
    }

    @Test
    void aClipNeverCutsACodeAndCountsItsEllipsisAsShown() {
        Output ascii = new Output(StandardCharsets.US_ASCII);
        // "abcd" and the 8 of [U+00FC] are 12: the code does not fit beside the ellipsis, which is "..." here
        assertEquals("abcd...", ascii.shown().clip("abcd\u00fc", 10));
        assertEquals("abcd[U+00FC]", ascii.shown().clip("abcd\u00fc", 12));
        assertEquals(7, ascii.shown().width("a\u2026\u2026"));
    }

    @Test
    void measuringWarnsOfNothingThatIsNotWritten() {
        Output ascii = new Output(StandardCharsets.US_ASCII);
        assertEquals("abcde...", ascii.shown().clip("abcdefghij\u00fc", 8));
        assertEquals(0, ascii.warnings.get(), "the \u00fc was clipped away, not shown as a code");
    }

    /** Under a UTF-8 locale a cell is what {@code %-40s} and the clip to 40 made before: the output stays as it was. */
    @Test
    void underUtf8ACellIsAsBefore() {
        Output utf8 = new Output(StandardCharsets.UTF_8);
        ShownText shown = utf8.shown();
        assertEquals(String.format("%-40s", "b\u00fccher.example"), shown.cell("b\u00fccher.example", 40));
        String longName = "a".repeat(41) + ".example";
        assertEquals("a".repeat(39) + "\u2026", shown.cell(longName, 40));
        assertEquals(0, utf8.warnings.get());
    }

    /**
     * The old clip cut {@code s.substring(0, 39)}: within a pair it left a lone surrogate, written as a code. U+1D400
     * (MATHEMATICAL BOLD CAPITAL A) is one cell wide.
     */
    @Test
    void aCharacterOutsideTheBasicPlaneIsOneAndIsNotSplit() {
        ShownText shown = new Output(StandardCharsets.UTF_8).shown();
        String name = "a".repeat(38) + "\uD835\uDC00\uD835\uDC00x";
        assertEquals("a".repeat(38) + "\uD835\uDC00\u2026", shown.clip(name, 40));
        assertEquals("a".repeat(38) + "\uD835\uDC00x", shown.cell(name.substring(0, 40) + "x", 40));
    }

    /** An emoji is a surrogate pair and two cells: one that does not fit is left out whole, its cell padded. */
    @Test
    void aWideCharacterOutsideTheBasicPlaneIsNotSplit() {
        ShownText shown = new Output(StandardCharsets.UTF_8).shown();
        String name = "a".repeat(38) + "\uD83D\uDE00\uD83D\uDE00x";
        assertEquals("a".repeat(38) + "\u2026", shown.clip(name, 40));
        assertEquals("a".repeat(38) + "\u2026 ", shown.cell(name, 40));
        assertEquals("a".repeat(37) + "\uD83D\uDE00", shown.cell("a".repeat(37) + "\uD83D\uDE00", 40).strip());
    }

    /** 例え.テスト is 6 characters and 11 cells: the column after it starts 11 cells on, not 6. */
    @Test
    void aCellCountsWideCharactersAsTwoCells() {
        ShownText shown = new Output(StandardCharsets.UTF_8).shown();
        String name = "\u4f8b\u3048.\u30c6\u30b9\u30c8";
        assertEquals(11, shown.width(name));
        assertEquals(name + " ".repeat(9) + "|", shown.cell(name, 20) + "|");
    }

    @Test
    void aCombiningMarkTakesNoCell() {
        ShownText shown = new Output(StandardCharsets.UTF_8).shown();
        assertEquals(12, shown.width("cafe\u0301.example"));
        assertEquals("cafe\u0301.example" + " ".repeat(8) + "|", shown.cell("cafe\u0301.example", 20) + "|");
        // a mark stays with the letter it is drawn on, and goes with it when the letter does not fit
        assertEquals("cafe\u0301\u2026", shown.clip("cafe\u0301.example", 5));
        assertEquals("caf\u2026", shown.clip("cafe\u0301.example", 4));
    }

    /** A wide character that would stand half in the column is left out; the cell is padded to the column. */
    @Test
    void aClipNeverCutsAWideCharacterInHalf() {
        ShownText shown = new Output(StandardCharsets.UTF_8).shown();
        String name = "\u6f22\u5b57".repeat(12); // 漢字 x 12: 48 cells
        assertEquals("\u6f22\u5b57".repeat(9) + "\u6f22\u2026", shown.clip(name, 40), "19 ideographs and the ellipsis");
        assertEquals("\u6f22\u5b57".repeat(9) + "\u6f22\u2026 ", shown.cell(name, 40));
        assertEquals(40, shown.width(shown.cell(name, 40)));
    }

    /** {@code %-6s} pads in cells too, and {@code %.3s} cuts no ideograph in half. */
    @Test
    void aWidthOrPrecisionOfAFormatCountsCells() {
        Output out = new Output(StandardCharsets.UTF_8);
        out.text.printf("%-6s|%6s|%.3s|%S|%n", "\u4f8b\u3048", "e\u0301", "\u4f8b\u3048", "\u4f8b\u3048x");
        assertEquals("\u4f8b\u3048  |     e\u0301|\u4f8b|\u4f8b\u3048X|" + System.lineSeparator(), out.written());
    }

    /**
     * An emoji sequence is one picture of two cells: a ZWJ sequence, a flag, a keycap are padded as two and clipped
     * whole, never to a woman without her laptop or to a lone regional indicator.
     */
    @Test
    void anEmojiSequenceIsTwoCellsAndIsNotSplit() {
        ShownText shown = new Output(StandardCharsets.UTF_8).shown();
        String technologist = "\uD83D\uDC69\u200D\uD83D\uDCBB"; // 👩‍💻
        String sweden = "\uD83C\uDDF8\uD83C\uDDEA"; // 🇸🇪
        String keycap = "1\uFE0F\u20E3"; // 1️⃣
        assertEquals(technologist + "x" + " ".repeat(7) + "|", shown.cell(technologist + "x", 10) + "|");
        assertEquals(sweden + keycap + " ".repeat(6) + "|", shown.cell(sweden + keycap, 10) + "|");
        assertEquals("ab\u2026 |", shown.cell("ab" + technologist + "cd", 4) + "|", "no room for both cells");
        assertEquals("ab" + technologist + "\u2026|", shown.cell("ab" + technologist + "cd", 5) + "|");
        assertEquals("a" + sweden + "\u2026|", shown.cell("a" + sweden + sweden, 4) + "|");
    }

    /** {@code %.3s} cuts no emoji sequence, {@code %-4s} pads one as its two cells. */
    @Test
    void aPrecisionOfAFormatCutsNoEmojiSequence() {
        Output out = new Output(StandardCharsets.UTF_8);
        String technologist = "\uD83D\uDC69\u200D\uD83D\uDCBB";
        out.text.printf("%.2s|%.3s|%-4s|%n", "a" + technologist, "a" + technologist + "b", technologist);
        assertEquals("a|a" + technologist + "|" + technologist + "  |" + System.lineSeparator(), out.written());
    }

    /** Under LANG=C the accent is a code beside its letter: the letter and its code are cut as one, and counted. */
    @Test
    void underAnAsciiLocaleALetterAndItsAccentsCodeAreOne() {
        ShownText shown = new Output(StandardCharsets.US_ASCII).shown();
        assertEquals(9, shown.width("e\u0301"), "e[U+0301]");
        assertEquals("caf...", shown.clip("cafe\u0301s", 12), "e[U+0301] does not fit beside the ellipsis");
        assertEquals("cafe[U+0301]s", shown.clip("cafe\u0301s", 13));
    }

    @Test
    void aWriterThatHoldsEveryCharacterShowsTextAsItIs() {
        ShownText shown = ShownText.forWriter(new PrintWriter(new StringWriter()));
        assertEquals("a\rb\u00fc  ", shown.cell("a\rb\u00fc", 6));
    }
}
