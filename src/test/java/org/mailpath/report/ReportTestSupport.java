package org.mailpath.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.mailpath.engine.report.ReportModel;

/** Renders models for tests and keeps a copy under target/report-samples to look at. */
public final class ReportTestSupport {

    /** The tests' renderers: a PDF's fonts are parsed once for all of them, as in the app. */
    public static final ReportRenderers RENDERERS = new ReportRenderers();

    private ReportTestSupport() {
    }

    public static byte[] render(ReportFormat format, ReportModel model, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RENDERERS.forFormat(format).render(model, out);
        Path dir = Path.of(System.getProperty("mailpath.projectDir", "."), "target", "report-samples");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + "." + format.extension()), out.toByteArray());
        return out.toByteArray();
    }

    /** The fonts of every page of {@code doc}, page by page (a font used on several pages once per page). */
    public static List<PDFont> fonts(PDDocument doc) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        for (PDPage page : doc.getPages()) {
            for (COSName name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
        }
        return fonts;
    }

    /** Every glyph of {@code doc}, in the order PDFBox's text stripper reads them. */
    public static List<TextPosition> glyphs(PDDocument doc) throws IOException {
        return glyphs(doc, 1, Integer.MAX_VALUE);
    }

    /** The glyphs of pages {@code first} to {@code last} (from 1), in the order PDFBox's text stripper reads them. */
    public static List<TextPosition> glyphs(PDDocument doc, int first, int last) throws IOException {
        List<TextPosition> all = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
                all.add(text);
            }
        };
        stripper.setStartPage(first);
        stripper.setEndPage(last);
        stripper.getText(doc);
        return all;
    }
}
