package org.mailpath.ui.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HangingWrapTest {

    private static final String EXPLANATION = "  Microsoft refused the message because the From domain's DMARC policy"
            + " (reject) failed, and so did the next try.";

    private static List<String> lines(HangingWrap w) {
        return w.shown().lines().toList();
    }

    /** An indent as wide as the preview: the first word goes on the first line whole, not cut after a letter. */
    @Test
    void anIndentThatFillsTheLineKeepsTheFirstWordWhole() {
        String report = " ".repeat(10) + "hello world again";
        HangingWrap w = HangingWrap.of(report, 8);
        assertEquals(" ".repeat(10) + "hello", lines(w).getFirst());
        assertEquals(report, w.sourceText(0, w.shown().length()));
    }

    @Test
    void anIndentedParagraphKeepsItsIndentOnEveryLine() {
        HangingWrap w = HangingWrap.of("Heading\n" + EXPLANATION + "\nAfter", 30);
        List<String> lines = lines(w);
        assertEquals("Heading", lines.getFirst());
        assertEquals("After", lines.getLast());
        List<String> paragraph = lines.subList(1, lines.size() - 1);
        assertTrue(paragraph.size() > 3, paragraph.toString());
        for (String line : paragraph) {
            assertTrue(line.length() <= 30, line);
            assertTrue(line.startsWith("  ") && line.charAt(2) != ' ', "indented as the first line: '" + line + "'");
            assertEquals(line.strip(), line.substring(2), "no space left at a break");
        }
        assertEquals("  Microsoft refused the", paragraph.getFirst(), "broken at the last space that fits");
    }

    @Test
    void everyCharacterOfTheReportIsThereAndCopiedBackWithoutTheBreaks() {
        String report = "Hello,\n\n" + EXPLANATION + "\n      550 5.7.509 Access denied, sending domain does not"
                + " pass DMARC verification\n\nMessage ID Header: 21749402.106091224027705060.JavaMail.sfdc@synthetic\n";
        for (int columns = 12; columns <= 120; columns++) {
            HangingWrap w = HangingWrap.of(report, columns);
            assertEquals(report, w.sourceText(0, w.shown().length()), "at " + columns + " columns");
            assertEquals(report, w.source());
            assertEquals(report.replaceAll("\\s+", ""), w.shown().replaceAll("\\s+", ""),
                    "only spaces and line breaks differ, at " + columns);
            for (String line : lines(w)) {
                assertTrue(line.length() <= columns, columns + ": '" + line + "'");
            }
        }
    }

    @Test
    void aRunOfSpacesAtTheBreakGoesWholeAndCopiesAsItWas() {
        String report = "  To: s***1@fabrikam.example   Bounced   Internal ID: 16/A4-20999";
        HangingWrap w = HangingWrap.of(report, 40);
        assertEquals("  To: s***1@fabrikam.example   Bounced\n  Internal ID: 16/A4-20999", w.shown());
        int inShown = w.shown().indexOf("Bounced");
        // from "Bounced" across the break to "Internal": the report's three spaces, not the line break and indent
        assertEquals("Bounced   Internal", w.sourceText(inShown, w.shown().indexOf("Internal") + "Internal".length()));
        // the break and indent alone stand for the spaces they replaced
        int end = inShown + "Bounced".length();
        assertEquals("   ", w.sourceText(end, end + 3));
    }

    @Test
    void aWordLongerThanALineIsCutAndCopiedWhole() {
        String id = "21749402.106091224027705060.JavaMail.sfdc@synthetic-sample.example";
        HangingWrap w = HangingWrap.of("    " + id, 20);
        List<String> lines = lines(w);
        assertEquals("    " + id.substring(0, 16), lines.getFirst());
        for (String line : lines) {
            assertTrue(line.length() <= 20 && line.startsWith("    "), line);
        }
        assertEquals(id, w.sourceText(4, w.shown().length()));
    }

    @Test
    void aDeepIndentLeavesRoomForWords() {
        HangingWrap w = HangingWrap.of(" ".repeat(30) + "one two three four five six seven", 40);
        for (String line : lines(w).subList(1, lines(w).size())) {
            assertTrue(line.startsWith(" ".repeat(20)) && line.charAt(20) != ' ', "half the width at most: " + line);
        }
    }

    @Test
    void shortLinesAndAnUnknownWidthAreLeftAsTheyAre() {
        String report = "a\n\n  b c\n";
        assertEquals(report, HangingWrap.of(report, 10).shown());
        HangingWrap unknown = HangingWrap.of(EXPLANATION, 0);
        assertEquals(EXPLANATION, unknown.shown());
        assertEquals(17, unknown.toSource(17));
        assertEquals("", HangingWrap.of("", 10).shown());
    }

    @Test
    void offsetsMapBothWays() {
        // single spaces between words: every break replaces one, so no report offset falls inside a replaced run
        HangingWrap w = HangingWrap.of(EXPLANATION + "\n" + EXPLANATION, 25);
        String source = w.source();
        for (int s = 0; s <= source.length(); s++) {
            assertEquals(s, w.toSource(w.toShown(s)), "report offset " + s);
            if (s < source.length() && source.charAt(s) != ' ') {
                assertEquals(source.charAt(s), w.shown().charAt(w.toShown(s)), "the same character at " + s);
            }
        }
    }
}
