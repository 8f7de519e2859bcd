package org.mailpath.report.html;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.SampleReportData;
import org.mailpath.report.ReportFormat;
import org.mailpath.report.ReportTestSupport;

/**
 * The HTML report prints on the paper the reader's browser is set to (A4 was forced, which a US printer shrinks),
 * and reads right without its style sheet: the review's "ConclusionOf the 40 messages".
 */
class HtmlPaperAndConclusionTest {

    private static String html() throws IOException {
        ReportModel model = SampleReportData.create().model(false);
        return new String(ReportTestSupport.render(ReportFormat.HTML, model, "paper-conclusion"),
                StandardCharsets.UTF_8);
    }

    @Test
    void thePrintStyleKeepsItsMarginsButSetsNoPaperSize() throws IOException {
        String html = html();
        assertTrue(html.contains("@page{margin:16mm 14mm}"), "the margins stay");
        assertFalse(html.matches("(?s).*@page\\s*\\{[^}]*size.*"), "no paper size");
    }

    @Test
    void theConclusionsLabelIsSetOffFromItsTextWithoutTheStyleSheet() throws IOException {
        String html = html();
        int label = html.indexOf("<section class=\"conclusion\"><strong>Conclusion</strong>");
        assertTrue(label >= 0, html);
        String after = html.substring(html.indexOf("</strong>", label) + "</strong>".length());
        assertTrue(after.startsWith(" "), after.substring(0, 40));
        // as a text browser or reader view shows it
        String text = html.substring(label, html.indexOf("</section>", label)).replaceAll("<[^>]+>", "");
        assertTrue(text.startsWith("Conclusion "), text);
    }
}
