package org.mailpath.report.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.mailpath.report.ReportTestSupport;

/**
 * How a raw CSV row of the appendix is broken into lines: after its commas and spaces, a field moved whole to the
 * next line, only a field wider than a line cut. The review found Message IDs cut inside ("…,2" and "1749391.…"),
 * lines starting with a space and a row's last "," alone on a line; a later review a Message ID as wide as the cell
 * cut for the comma after it ("…@x." and "example,") and a quoted "550 5.7.1 , , , …" cut inside its code.
 */
class CsvRowWrapTest extends MonoCanvasFixture {

    @Test
    void aFieldThatFitsOnTheNextLineGoesThereWholeItsCommaStayingBehindOnTheLineItEnds() {
        String row = "2026,abc,21749391.1060@x.example,0";
        assertEquals(List.of("2026,abc,", "21749391.1060@x.example,0"),
                wrap(row, "21749391.1060@x.example,0"));
    }

    @Test
    void aRowsLastCommaIsNotLeftAloneOnALine() {
        // the old rule filled the line to its edge and put the final "," on a line of its own
        assertEquals(List.of("aaaa,", "bbbb,"), wrap("aaaa,bbbb,", "aaaa,bbbb"));
        assertEquals(List.of("x,0,", "0,,,,,"), wrap("x,0,0,,,,,", "x,0,0,,,,"));
    }

    @Test
    void aLineBreaksAfterASpaceAndTheNextLineDoesNotStartWithOne() {
        // the space ending a line is not seen, so it may hang past the edge
        assertEquals(List.of("x,during RCPT ", "TO,y"), wrap("x,during RCPT TO,y", "x,during RCPT"));
    }

    @Test
    void aLineBreakInsideAQuotedFieldBreaksAsASpaceDoes() {
        assertEquals(List.of("x,\"during RCPT\n", "TO\",y"), wrap("x,\"during RCPT\nTO\",y", "x,\"during RCPT"));
    }

    @Test
    void onlyAFieldWiderThanALineIsCutAfterItsPunctuation() {
        assertEquals(List.of("0,", "aaaaaaaa.", "bbbbbbbb.", "cccc,1"),
                wrap("0,aaaaaaaa.bbbbbbbb.cccc,1", "x".repeat(12)));
    }

    @Test
    void aFieldWiderThanALineCutJustBeforeItsCommaTakesItsLastCharacterOnWithTheComma() {
        assertEquals(List.of("a".repeat(12), "a".repeat(11), "a,"), wrap("a".repeat(24) + ",", "x".repeat(12)));
    }

    @Test
    void aFieldThatFitsALineIsNotCutWhenTheSeparatorsAfterItDoNotTheyAreSqueezedIn() {
        // the review: a Message ID as wide as the cell printed "…1111@x." and "example,0,0,,,,,,"
        String id = "1".repeat(20) + "@x.example";
        List<String> lines = wrap("2026," + id + ",0,0,,,,,,", id);
        assertEquals(List.of("2026,", id + ",", "0,0,,,,,,"), lines);
        assertEquals(List.of("a".repeat(12) + ",,,"), wrap("a".repeat(12) + ",,,", "x".repeat(12)));
    }

    @Test
    void aSqueezedLineIsDrawnInsideItsRoomAndReadsTheSame() throws IOException {
        String id = "1".repeat(20) + "@x.example";
        String line = id + ",,,";
        float room = canvas.width(mono, id);
        canvas.newPage();
        assertEquals(room, canvas.text(100, 500, mono, line, room), 0.01f);
        // a line that fits is drawn as it is, its hanging space not counted
        assertEquals(canvas.width(mono, "0,0, "), canvas.text(100, 400, mono, "0,0, ", room), 0.01f);
        canvas.close();
        List<TextPosition> glyphs = ReportTestSupport.glyphs(doc);
        // measured from the page's top: the line drawn at 500 from its foot
        String drawn = glyphs.stream().filter(g -> g.getYDirAdj() < 400).map(TextPosition::getUnicode)
                .reduce("", String::concat);
        assertEquals(line, drawn);
        TextPosition last = glyphs.get(line.length() - 1);
        assertTrue(last.getXDirAdj() + last.getWidthDirAdj() <= 100 + room + 0.01f,
                last.getXDirAdj() + last.getWidthDirAdj() + " > " + (100 + room));
        assertEquals("0", glyphs.get(line.length()).getUnicode());
        assertEquals(100, glyphs.get(line.length()).getXDirAdj(), 0.01f);
        assertEquals(canvas.width(mono, "0"), glyphs.get(line.length()).getWidthDirAdj(), 0.01f,
                "the line after a squeezed one is not squeezed");
    }

    @Test
    void aStatusOfSpacesAndCommasIsNotCutInsideItsCodeAndNoLineStartsWithASpace() {
        // the review: a quoted status "550 5.7.1 , , , , …" printed "5.7." and "1 , , ,…", then lines starting " ,"
        assertEquals(List.of("x,\"550 ", "5.7.1 , , , ", "\",None"),
                wrap("x,\"550 5.7.1 , , , \",None", "x".repeat(10)));
        String row = "x,\"550 5.7.1" + " ,".repeat(30) + " \",None";
        List<String> lines = canvas.wrapCsvRow(mono, row, canvas.width(mono, "x".repeat(20)));
        assertEquals(row, String.join("", lines), "nothing is lost or added");
        assertEquals("x,\"550 ", lines.get(0));
        // the field whole with as many separators as fit, the space before the next comma hanging past the edge
        assertEquals("5.7.1" + " ,".repeat(7) + " ", lines.get(1));
        for (String line : lines.subList(1, lines.size())) {
            assertFalse(line.startsWith(" "), lines.toString());
            // broken anyway, the run is not squeezed
            assertTrue(canvas.width(mono, line.stripTrailing()) <= canvas.width(mono, "x".repeat(20)),
                    lines.stream().map(l -> "[" + l + "]").toList().toString());
        }
        // the run's last separators go on with the fields after it
        assertEquals(", , , \",None", lines.getLast());
    }

    @Test
    void aRowThatFitsIsOneLineAndAnEmptyRowIsAnEmptyLine() {
        assertEquals(List.of("a,b c,,"), wrap("a,b c,,", "a,b c,,"));
        assertEquals(List.of(""), wrap("", "x"));
    }

    /** The row wrapped to the width of {@code widthOf}; its lines put together again are the row, unchanged. */
    private List<String> wrap(String row, String widthOf) {
        List<String> lines = canvas.wrapCsvRow(mono, row, canvas.width(mono, widthOf));
        assertEquals(row, String.join("", lines), "nothing is lost or added");
        for (String line : lines.subList(1, lines.size())) {
            assertFalse(line.startsWith(" ") || line.startsWith(","), lines.toString());
        }
        return lines;
    }
}
