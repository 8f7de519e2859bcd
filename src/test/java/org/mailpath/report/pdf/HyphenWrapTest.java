package org.mailpath.report.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A long value is never broken just after a hyphen: pdftotext, and viewers' copy, take a hyphen at a line's end for
 * hyphenation and drop it ("really-long-recipient-domain.example" came out "really-longrecipient-domain.example").
 * It is broken before the hyphen instead, or after other punctuation (a '.' at a line's end is kept).
 */
class HyphenWrapTest extends MonoCanvasFixture {

    private float widthOf(String text) {
        return canvas.width(mono, text);
    }

    @Test
    void aBreakThatWouldFollowAHyphenComesBeforeIt() {
        assertEquals(List.of("sub.really", "-long-domain", "-x.example"),
                canvas.wrap(mono, "sub.really-long-domain-x.example", widthOf("sub.really-l")));
    }

    @Test
    void aCutAnywhereJustAfterAHyphenMovesBeforeIt() {
        // no punctuation in the line's second half: the cut falls where the width ends, here just after a hyphen
        assertEquals(List.of("abcdefghij", "-klmno"), canvas.wrap(mono, "abcdefghij-klmno", widthOf("abcdefghij-")));
    }

    @Test
    void aRunOfHyphensIsNotEndedOnALine() {
        assertEquals(List.of("abcdefgh", "--ijklmno"), canvas.wrap(mono, "abcdefgh--ijklmno", widthOf("abcdefgh--")));
    }

    @Test
    void otherPunctuationStillBreaksAfterItself() {
        assertEquals(List.of("mail.relay.", "example.org"), canvas.wrap(mono, "mail.relay.example.org",
                widthOf("mail.relay.e")));
        assertEquals(List.of("user@", "example.", "org"), canvas.wrap(mono, "user@example.org", widthOf("user@exa")));
    }

    @Test
    void aCsvFieldWiderThanALineIsNotCutAfterAHyphenEither() {
        List<String> lines = canvas.wrapCsvRow(mono, "2026,really-long-recipient-domain-name.example,0",
                widthOf("really-long-rec"));
        for (String line : lines) {
            assertEquals(false, line.endsWith("-"), lines.toString());
        }
        assertEquals("2026,really-long-recipient-domain-name.example,0", String.join("", lines));
    }
}
