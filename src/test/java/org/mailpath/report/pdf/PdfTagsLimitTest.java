package org.mailpath.report.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.junit.jupiter.api.Test;
import org.mailpath.report.Paper;
import org.mailpath.report.ReportFormat;

/**
 * A report listing more messages in full than the default list limit is written untagged (its structure tree would
 * need several times the heap of the untagged report); one within it is tagged. Both draw the same text.
 */
class PdfTagsLimitTest {

    @Test
    void aReportWithinTheDefaultLimitIsTagged() throws IOException {
        try (PDDocument doc = Loader.loadPDF(draw(PdfTags.forListing(ReportFormat.DEFAULT_LIST_LIMIT)))) {
            assertNotNull(doc.getDocumentCatalog().getStructureTreeRoot());
            assertNotNull(doc.getDocumentCatalog().getMarkInfo());
            assertEquals(1, count(doc, "/MCID"));
        }
    }

    @Test
    void aLargerReportIsWrittenUntagged() throws IOException {
        try (PDDocument doc = Loader.loadPDF(draw(PdfTags.forListing(ReportFormat.DEFAULT_LIST_LIMIT + 1)))) {
            assertNull(doc.getDocumentCatalog().getStructureTreeRoot());
            assertNull(doc.getDocumentCatalog().getMarkInfo());
            assertEquals(0, count(doc, "/MCID"));
            assertEquals(0, count(doc, "BDC"));
        }
    }

    private static int count(PDDocument doc, String token) throws IOException {
        String content = new String(doc.getPage(0).getContents().readAllBytes(), StandardCharsets.ISO_8859_1);
        return content.split(java.util.regex.Pattern.quote(token), -1).length - 1;
    }

    private static byte[] draw(PdfTags tags) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PdfFontCache.Loan lent = TestFonts.CACHE.lend();
             PDDocument doc = new PDDocument()) {
            PdfFonts fonts = new PdfFonts(doc, lent.fonts);
            try (PdfCanvas c = new PdfCanvas(doc, fonts, Paper.A4, tags)) {
                c.newPage();
                tags.open(StandardStructureTypes.P);
                c.paragraph(new TextStyle(fonts.regular, 10, Rgb.TEXT), "One paragraph of the report.", c.left(), c.width());
                tags.close();
            }
            tags.finish(doc);
            doc.save(out);
        }
        return out.toByteArray();
    }
}
