package org.mailpath.report;

import org.mailpath.report.csv.CsvReportRenderer;
import org.mailpath.report.html.HtmlReportRenderer;
import org.mailpath.report.json.JsonReportRenderer;
import org.mailpath.report.pdf.PdfFontCache;
import org.mailpath.report.pdf.PdfReportRenderer;
import org.mailpath.report.text.TextReportRenderer;

/**
 * The entry point for previews and exports: {@code renderers.forFormat(PDF).render(model, out)}. The app and the
 * command line each make one and keep it: its PDFs share one {@link PdfFontCache}, so the fonts are parsed once per
 * owner, not per report.
 */
public final class ReportRenderers {

    private final PdfFontCache fonts = new PdfFontCache();

    /** The renderer for {@code format}, a PDF on A4. */
    public ReportRenderer forFormat(ReportFormat format) {
        return forFormat(format, Paper.A4);
    }

    /** The renderer for {@code format}, a PDF laid out on {@code paper} (the other formats have no paper size). */
    public ReportRenderer forFormat(ReportFormat format, Paper paper) {
        return switch (format) {
            case PDF -> new PdfReportRenderer(paper, fonts);
            case HTML -> new HtmlReportRenderer();
            case JSON -> new JsonReportRenderer();
            case TEXT -> new TextReportRenderer();
            case CSV -> new CsvReportRenderer();
        };
    }

    /**
     * The text report for the app's preview: prose one line per paragraph ({@link TextReportRenderer#unwrapped()}),
     * as the preview wraps text to its own width. An exported {@code .txt} stays wrapped for e-mail.
     */
    public ReportRenderer textPreview() {
        return TextReportRenderer.unwrapped();
    }
}
