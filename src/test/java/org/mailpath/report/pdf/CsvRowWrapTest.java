package org.mailpath.report.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How a raw CSV row of the appendix is broken into lines: after its commas and spaces, a field moved whole to the
 * next line, only a field wider than a line cut. The review found Message IDs cut inside ("…,2" and "1749391.…"),
 * lines starting with a space and a row's last "," alone on a line.
 */
class CsvRowWrapTest {

    private PDDocument doc;
    private PdfCanvas canvas;
    private TextStyle mono;

    @BeforeEach
    void canvas() throws IOException {
        PdfFonts.LOCK.lock();
        doc = new PDDocument();
        PdfFonts fonts = new PdfFonts(doc);
        canvas = new PdfCanvas(doc, fonts);
        mono = new TextStyle(fonts.mono, 6.6f, Rgb.TEXT);
    }

    @AfterEach
    void close() throws IOException {
        try {
            canvas.close();
            doc.close();
        } finally {
            PdfFonts.LOCK.unlock();
        }
    }

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
    void aFieldCutJustBeforeItsCommaTakesItsLastCharacterOnWithTheComma() {
        assertEquals(List.of("aaaaaaaaaaa", "a,"), wrap("aaaaaaaaaaaa,", "x".repeat(12)));
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
