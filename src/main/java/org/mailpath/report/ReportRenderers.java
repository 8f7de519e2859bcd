package org.mailpath.report;

import org.mailpath.report.csv.CsvReportRenderer;
import org.mailpath.report.html.HtmlReportRenderer;
import org.mailpath.report.json.JsonReportRenderer;
import org.mailpath.report.pdf.PdfReportRenderer;
import org.mailpath.report.text.TextReportRenderer;

/** The entry point for previews and exports: {@code ReportRenderers.forFormat(PDF).render(model, out)}. */
public final class ReportRenderers {

    private ReportRenderers() {
    }

    /** The renderer for {@code format}, a PDF on A4. */
    public static ReportRenderer forFormat(ReportFormat format) {
        return forFormat(format, Paper.A4);
    }

    /** The renderer for {@code format}, a PDF laid out on {@code paper} (the other formats have no paper size). */
    public static ReportRenderer forFormat(ReportFormat format, Paper paper) {
        return switch (format) {
            case PDF -> new PdfReportRenderer(paper);
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
    public static ReportRenderer textPreview() {
        return TextReportRenderer.unwrapped();
    }
}
