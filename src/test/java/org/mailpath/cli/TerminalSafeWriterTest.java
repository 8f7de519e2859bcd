package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Text output escapes what could move or hide text on a terminal, and keeps every other character. */
class TerminalSafeWriterTest {

    static String through(String... parts) {
        StringWriter sink = new StringWriter();
        PrintWriter out = TerminalSafeWriter.wrap(new PrintWriter(sink));
        for (String p : parts) {
            out.print(p);
        }
        out.flush();
        return sink.toString();
    }

    @Test
    void controlAndFormatCharactersOfTheBasicPlaneAreShownAsCodes() {
        assertEquals("a[U+001B][2J[U+202E]b\tc\n", through("a\u001b[2J\u202eb\tc\n"));
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
