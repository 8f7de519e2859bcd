package org.mailpath.report.pdf;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.mailpath.report.Paper;

/**
 * A canvas on a new document and the monospaced style of the CSV appendix, for tests of how text is wrapped and
 * drawn. Holds a loan of the fonts from set-up to tear-down, as rendering does.
 */
abstract class MonoCanvasFixture {

    private PdfFontCache.Loan lent;
    PDDocument doc;
    PdfCanvas canvas;
    TextStyle mono;

    @BeforeEach
    void canvas() throws IOException {
        lent = TestFonts.CACHE.lend();
        doc = new PDDocument();
        PdfFonts fonts = new PdfFonts(doc, lent.fonts);
        canvas = new PdfCanvas(doc, fonts, Paper.A4, new PdfTags(true));
        mono = new TextStyle(fonts.mono, 6.6f, Rgb.TEXT);
    }

    @AfterEach
    void close() throws IOException {
        try {
            canvas.close();
            doc.close();
        } finally {
            lent.close();
        }
    }
}
