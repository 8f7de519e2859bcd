package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * Text output escapes what could move or hide text on a terminal, and keeps every other character: here the printer
 * of the messages on stderr ({@link TerminalSafeWriter#wrapAutoFlush}); standard output's text is laid out by the
 * same printer ({@link WholeText}, {@link ShownTextTest}).
 */
class TerminalSafeWriterTest {

    static String through(String... parts) {
        StringWriter sink = new StringWriter();
        PrintWriter out = TerminalSafeWriter.wrapAutoFlush(new PrintWriter(sink));
        for (String p : parts) {
            out.print(p);
        }
        out.flush();
        return sink.toString();
    }

    @Test
    void controlAndFormatCharactersOfTheBasicPlaneAreShownAsCodes() {
        assertEquals("a[U+001B][2J[U+202E]b[U+0009]c[U+000A]", through("a\u001b[2J\u202eb\tc\n"));
    }

    /**
     * A tab in a value moved the columns after it to the terminal's next tab stop: shown as a code, as a CR is, in
     * printed text and in a format's argument, whose width counts the code.
     */
    @Test
    void aTabOfTheDataIsShownAsACode() {
        StringWriter sink = new StringWriter();
        PrintWriter out = TerminalSafeWriter.wrapAutoFlush(new PrintWriter(sink));
        out.println("550 5.1.1 no such\tuser");
        out.printf("%-12s|%n", "a\tb");
        out.flush();
        String nl = System.lineSeparator();
        assertEquals("550 5.1.1 no such[U+0009]user" + nl + "a[U+0009]b  |" + nl, sink.toString());
        assertEquals(10, ShownText.forWriter(out).width("a\tb"));
    }

    /**
     * The review: a Delivery Status {@code 550 5.1.1 no such user\rXXXX} printed raw, and the X's overwrote the
     * status. A CR or LF of the data is shown as a code; the printer's own line ends stay, CRLF on Windows too.
     */
    @Test
    void lineBreaksOfTheDataAreShownAsCodesAndTheWritersOwnLineEndsStay() {
        StringWriter sink = new StringWriter();
        PrintWriter out = TerminalSafeWriter.wrapAutoFlush(new PrintWriter(sink));
        out.println("550 5.1.1 no such user\rXXXX");
        out.print("a\r\nb");
        out.println();
        out.printf("  %-6s|%s%n", "x\ry", "z\n");
        out.format("%s%n", new StringBuilder("q\r"));
        out.flush();
        String nl = System.lineSeparator();
        assertEquals("550 5.1.1 no such user[U+000D]XXXX" + nl + "a[U+000D][U+000A]b" + nl
                + "  x[U+000D]y|z[U+000A]" + nl + "q[U+000D]" + nl, sink.toString());
    }

    @Test
    void theEscapeOfOneTextShowsLineBreaksToo() {
        assertEquals("a[U+000D]b[U+000A]", TerminalSafeWriter.escape("a\rb\n"));
    }

    @Test
    void invisibleTagCharactersOutsideTheBasicPlaneAreShownAsCodes() {
        // U+E0041 TAG LATIN CAPITAL LETTER A: invisible, used to hide text ("ASCII smuggling")
        assertEquals("ok[U+E0041][U+E0042]!", through("ok\uDB40\uDC41\uDB40\uDC42!"));
    }

    @Test
    void aPairSplitAcrossTwoWritesIsStillOneCharacter() {
        assertEquals("x[U+E0041]y", through("x\uDB40", "\uDC41y"));
        assertEquals("\uD83D\uDE00 and \uD83D\uDE00", through("\uD83D", "\uDE00 and \uD83D\uDE00"));
    }

    @Test
    void emojiWithJoinersAndOtherScriptsStay() {
        String text = "\uD83D\uDC69\u200D\uD83D\uDCBB M\u00fcller \u65e5\u672c \u0627\u0644\u0639\u0631\u0628\u064a\u0629";
        assertEquals(text, through(text));
    }

    @Test
    void lineAndParagraphSeparatorsAreShownAsCodes() {
        assertEquals("a[U+2028]b[U+2029]c", through("a\u2028b\u2029c"));
    }

    @Test
    void aLoneSurrogateIsShownAsACode() {
        assertEquals("a[U+D800]b", through("a\uD800b"));
        assertEquals("a[U+DC00]", through("a\uDC00"));
    }
}
