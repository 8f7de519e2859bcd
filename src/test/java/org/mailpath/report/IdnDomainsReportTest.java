package org.mailpath.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.analysis.EmailLogAnalyzer;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.ProgressListener;
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.engine.report.RecipientDomainSection;
import org.mailpath.engine.report.ReportBuilder;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.ReportOptions;

/**
 * The spellings of one internationalised domain are one recipient domain in a report (one section, one count), and
 * a look-alike domain (Latin and Cyrillic in one label) is shown with its ASCII form and a warning.
 */
class IdnDomainsReportTest {

    @TempDir
    Path dir;

    private LogAnalysis analysis() throws Exception {
        List<String> recipients = List.of("user@bücher.de", "a@xn--bcher-kva.de", "b@BÜCHER.DE", "c@bücher\uFF0Ede",
                "user@раypal.com", "user@paypal.com");
        return new EmailLogAnalyzer().analyze(LogFixtures.write(dir, "idn.csv", LogFixtures.bouncedToEach(recipients)),
                ProgressListener.NONE, Cancellation.none());
    }

    @Test
    void oneSectionPerDomainWhateverItsSpelling() throws Exception {
        ReportModel model = new ReportBuilder(analysis(), ReportOptions.defaults()).build();
        assertEquals(List.of("bücher.de", "paypal.com", "раypal.com"), model.recipientDomains().stream()
                .map(RecipientDomainSection::domain).sorted().toList());
        ReportModel one = new ReportBuilder(analysis(), ReportOptions.defaults()
                .withDomains(Set.of("bücher.de"))).build();
        assertEquals(List.of("bücher.de"), one.recipientDomains().stream().map(RecipientDomainSection::domain)
                .toList(), "--domain bücher.de: one section");
        assertEquals(4, one.recipientDomains().getFirst().messages().size());

        String text = new String(ReportTestSupport.render(ReportFormat.TEXT, model, "idn"), StandardCharsets.UTF_8);
        assertTrue(text.contains("to the 3 recipient domains"), text);
        assertFalse(text.contains("\nxn--bcher-kva.de\n"), text);
        assertTrue(text.contains("\nраypal.com (xn--ypal-43d9g.com)\n"), text);
        assertTrue(text.contains("To: user@раypal.com (xn--ypal-43d9g.com)"), text);
        assertTrue(text.replaceAll("\\s+", " ").contains("Address: the label 'раypal' of the domain 'раypal.com'"
                + " mixes letters of different scripts"), text);
        assertTrue(text.replaceAll("\\s+", " ").contains("separates its labels with U+FF0E"), text);

        String html = new String(ReportTestSupport.render(ReportFormat.HTML, model, "idn"), StandardCharsets.UTF_8);
        assertTrue(html.contains(">раypal.com (xn--ypal-43d9g.com)</h3>"), html);
        assertTrue(html.contains("user@раypal.com (xn--ypal-43d9g.com)"), html);
        assertFalse(html.contains(">xn--bcher-kva.de</h3>"), html);
    }

    @Test
    void thePdfShowsTheAsciiFormWhereTheOtherReportsDoAndOnlyThere() throws Exception {
        ReportModel model = new ReportBuilder(analysis(), ReportOptions.defaults()).build();
        String pdf;
        try (PDDocument d = Loader.loadPDF(ReportTestSupport.render(ReportFormat.PDF, model, "idn"))) {
            pdf = new PDFTextStripper().getText(d);
        }
        // a look-alike with its ASCII form wherever it is named: domain table, contents, heading
        assertEquals(List.of(), pdf.lines().filter(l -> l.startsWith("раypal.com") && !l.replace("  (", " (")
                .startsWith("раypal.com (xn--ypal-43d9g.com)")).toList(), pdf);
        assertTrue(pdf.contains("\nраypal.com (xn--ypal-43d9g.com) 1 0 1 0 0\n"), pdf);
        // an ordinary internationalised name as the HTML and text reports show it: without its A-label
        assertFalse(pdf.contains("bücher.de  (xn--bcher-kva.de)"), pdf);
        assertTrue(pdf.contains("\nbücher.de\n"), pdf);
    }
}
