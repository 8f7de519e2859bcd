package org.mailpath.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.report.RecipientDomainSection;
import org.mailpath.engine.report.ReportBuilder;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.ReportOptions;
import org.mailpath.engine.report.SampleReportData;

/** A report that lists only its most important messages says so, in its intro and in each domain it cuts. */
class ListLimitReportTest {

    private final SampleReportData data = SampleReportData.create();

    private ReportModel limited(int listLimit, Locale language) {
        ReportOptions options = ReportOptions.defaults().withGeneratedAt(SampleReportData.GENERATED)
                .withLanguage(language);
        return new ReportBuilder(data.analysis(), options).checks(data.checks()).rawRows(data.rawRows())
                .listLimit(listLimit).build();
    }

    private static String text(ReportFormat format, ReportModel model) throws IOException {
        return new String(ReportTestSupport.render(format, model, "limit"), StandardCharsets.UTF_8);
    }

    @Test
    void theReadFormatsSayHowManyOfTheMessagesTheyList() throws IOException {
        ReportModel model = limited(3, Locale.ENGLISH);
        String note = "Of its 7 messages, this report lists the 3 most important with their events and log rows:"
                + " bounced first, then deferred, delivered and received only. The summary, the causes and each"
                + " domain's counts include all 7.";
        String text = text(ReportFormat.TEXT, model).replaceAll("\\s+", " ");
        assertTrue(text.contains(note), text);
        String html = text(ReportFormat.HTML, model);
        assertTrue(html.contains(note.replace("'", "&#39;")) || html.contains(note), html);
        try (PDDocument pdf = Loader.loadPDF(ReportTestSupport.render(ReportFormat.PDF, model, "limit"))) {
            String pdfText = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertTrue(pdfText.contains("this report lists the 3 most important"), pdfText);
            // a domain cut short says how many of its messages are there
            RecipientDomainSection cut = model.recipientDomains().stream()
                    .filter(s -> s.messages().size() < s.counts().messages()).findFirst().orElseThrow();
            String counts = ReportWording.of(model).domainCounts(cut);
            assertTrue(counts.endsWith("; " + cut.messages().size() + " of them listed here"), counts);
            assertTrue(pdfText.contains(counts.replaceAll("\\s+", " ")), pdfText);
            assertTrue(html.contains(counts), html);
        }
    }

    @Test
    void aDomainWithNoneListedHasNoEmptyTable() throws IOException {
        ReportModel model = limited(1, Locale.ENGLISH);
        long empty = model.recipientDomains().stream().filter(s -> s.messages().isEmpty()).count();
        assertTrue(empty > 0, "the sample has domains without a bounced message");
        String html = text(ReportFormat.HTML, model);
        // one table of messages, the one domain's with its listed message
        assertEquals(model.recipientDomains().size() - empty,
                html.split("<th style=\"width:12%\">", -1).length / 2, html);
    }

    @Test
    void inSwedishToo() throws IOException {
        String text = text(ReportFormat.TEXT, limited(3, Locale.forLanguageTag("sv"))).replaceAll("\\s+", " ");
        assertTrue(text.contains("Av sina 7 meddelanden listar den här rapporten de 3 viktigaste"), text);
        assertFalse(text.contains("intro.mailTeam.notListed"), text);
    }
}
