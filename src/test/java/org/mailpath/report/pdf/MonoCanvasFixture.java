package org.mailpath.report.pdf;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.mailpath.report.Paper;

/**
 * A canvas on a new document and the monospaced style of the CSV appendix, for tests of how text is wrapped and
 * drawn. Holds {@link PdfFonts#LOCK} from set-up to tear-down, as rendering does.
 */
abstract class MonoCanvasFixture {

    PDDocument doc;
    PdfCanvas canvas;
    TextStyle mono;

    @BeforeEach
    void canvas() throws IOException {
        PdfFonts.LOCK.lock();
        doc = new PDDocument();
        PdfFonts fonts = new PdfFonts(doc);
        canvas = new PdfCanvas(doc, fonts, Paper.A4, new PdfTags(true));
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
}
