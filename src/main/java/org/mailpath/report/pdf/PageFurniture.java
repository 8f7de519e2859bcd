package org.mailpath.report.pdf;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.report.ReportWording;

/** The page header and footer, drawn on every page once the pages are counted: title, file name, page number. */
final class PageFurniture {

    /**
     * The least distance from the paper's edges to the page header's and footer's text: half an inch, within what
     * office printers can print (a quarter of an inch or less at the edge is often cut off).
     */
    static final float EDGE = 36;

    private PageFurniture() {
    }

    /** The header (not on the first page, which has the title block) and the footer of each page of {@code d}. */
    static void draw(ReportDrawing d) throws IOException {
        PdfCanvas c = d.c();
        PDDocument doc = c.doc;
        ReportModel model = d.model();
        ReportWording words = d.words();
        int total = doc.getNumberOfPages();
        String left = model.title().title();
        String right = model.title().fileName();
        String footer = words.generatedBy(model.title())
                + (model.title().redacted() ? "  ·  " + words.get("redacted") : "");
        TextStyle furniture = new TextStyle(c.fonts.regular, 7.2f, Rgb.MUTED);
        String l = shortened(c, furniture, left, c.width() * 0.6f);
        String r = shortened(c, furniture, right, c.width() * 0.35f);
        int i = 0;
        // page furniture: the title, file name and page number are artifacts, as in PDF 32000-1, 14.8.2.2.2
        c.tags.beginArtifact();
        for (PDPage page : doc.getPages()) {
            try (PDPageContentStream cs = new PDPageContentStream(doc, page,
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                // the glyphs' tops at most their size above the baseline, their feet at most a third below it
                float headerY = c.size().getHeight() - EDGE - furniture.size();
                if (i > 0) {
                    c.text(page, cs, c.left(), headerY, furniture, l);
                    c.text(page, cs, c.right() - c.width(furniture, r), headerY, furniture, r);
                    PdfCanvas.rule(cs, c.left(), c.right(), headerY - 6, 0.4f, Rgb.RULE);
                }
                float footerY = EDGE + furniture.size() / 3;
                PdfCanvas.rule(cs, c.left(), c.right(), footerY + 11, 0.4f, Rgb.RULE);
                c.text(page, cs, c.left(), footerY, furniture, footer);
                String pageNo = words.format("page", String.valueOf(i + 1), String.valueOf(total));
                c.text(page, cs, c.right() - c.width(furniture, pageNo), footerY, furniture, pageNo);
            }
            i++;
        }
        c.tags.endArtifact();
    }

    /**
     * {@code text} on one line of {@code width}: cut with "…" when longer (wrapping it and keeping the first line
     * lost a long domain after "report —" entirely, and cut a file name without a mark).
     */
    private static String shortened(PdfCanvas c, TextStyle style, String text, float width) {
        if (c.width(style, text) <= width) {
            return text;
        }
        int end = text.length();
        while (end > 0 && c.width(style, text.substring(0, end) + "…") > width) {
            end = text.offsetByCodePoints(end, -1);
        }
        return text.substring(0, end) + "…";
    }
}
