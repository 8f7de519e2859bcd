package org.mailpath.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.check.CheckReport;
import org.mailpath.engine.check.DomainCheckResult;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.engine.report.ReportBuilder;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.ReportOptions;
import org.mailpath.engine.report.SampleReportData;
import org.mailpath.report.html.HtmlReportRenderer;

/**
 * Every format shows a check this computer's network kept from being made as "not checked", never as a problem
 * of the domain, and says for each message what must be done and by whom.
 */
class NotCheckedAndFixesRenderingTest {

    /**
     * What the message's block said to its recipient domain's mail team before the review: the fixture's diagnosis has
     * no words for them and its fix is our admin's, so the block gave only the general words of our side, which say
     * nothing of what will be done. The line is left out (our admin's "Correct or remove the address in Salesforce."
     * is not theirs to read either).
     */
    private static final String MESSAGE_FIX = "On our side (our Salesforce admin): This lies on our side, for us to"
            + " correct; nothing is needed from your mail team.";

    private final ReportModel model = model();

    @Test
    void pdf() throws IOException {
        try (PDDocument doc = Loader.loadPDF(ReportTestSupport.render(ReportFormat.PDF, model, "not-checked"))) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("NOT CHECKED"), text);
            assertFalse(text.contains("PROBLEM"), "no check found a problem");
            assertTrue(text.contains("What could not be checked about contoso.example"));
            String squeezed = PdfReportRendererTest.squeeze(text);
            assertFalse(squeezed.contains(PdfReportRendererTest.squeeze(MESSAGE_FIX)), "no filler for the message");
            assertTrue(squeezed.contains("Tocontoso.example"), "the causes table names each row's domains");
        }
    }

    @Test
    void html() throws IOException {
        String html = new String(ReportTestSupport.render(ReportFormat.HTML, model, "not-checked"),
                StandardCharsets.UTF_8);
        assertTrue(html.contains("<div class=\"badge NOT_CHECKED\">NOT CHECKED</div>"));
        assertFalse(html.contains("badge ERROR"), "no check found a problem");
        assertFalse(html.contains(HtmlReportRenderer.esc(MESSAGE_FIX)));
        assertTrue(html.contains("To <bdi dir=\"ltr\">contoso.example</bdi>"), "the causes table's domains");
    }

    @Test
    void text() throws IOException {
        String text = new String(ReportTestSupport.render(ReportFormat.TEXT, model, "not-checked"),
                StandardCharsets.UTF_8);
        // the mail team reads that the check says nothing, not our resolver's failures with our network's addresses
        assertTrue(text.contains("\n[NOT CHECKED] Our network could not make this check of contoso.example, so it"
                + " says nothing either way."), text);
        assertFalse(text.contains("10.255.255.53"), text);
        assertFalse(text.contains("Check this computer's network"), text);
        assertFalse(text.contains("[PROBLEM]"));
        assertFalse(text.replaceAll("\\s+", " ").contains(MESSAGE_FIX), text);
    }

    private static ReportModel model() {
        SampleReportData data = SampleReportData.create();
        Finding resolver = new Finding("DNS_LOOKUP_FAILED", Severity.ERROR, "contoso.example",
                "The resolver asked does not work, so this says nothing about contoso.example.",
                List.of(";; contoso.example SOA @10.255.255.53:53 -> ERROR (NXDOMAIN)"),
                "Check this computer's network connection and DNS settings.", Actor.LOCAL_NETWORK);
        return new ReportBuilder(data.analysis(), ReportOptions.defaults().withGeneratedAt(SampleReportData.GENERATED))
                .checks(new CheckReport(List.of(new DomainCheckResult("contoso.example", List.of(resolver),
                        List.of())))).rawRows(data.rawRows()).build();
    }
}
