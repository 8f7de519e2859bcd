package org.mailpath.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.analysis.EmailLogAnalyzer;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.ProgressListener;
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.engine.report.ReportBuilder;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.ReportOptions;
import org.mailpath.engine.report.ReportTexts;
import org.mailpath.report.json.JsonReportRenderer;

/**
 * The review: hr@woodgrove.example bounced with "552 5.3.4 Message size exceeds fixed limit", yet its size (the log's
 * Bytes Transferred, 12,633) was only in the appendix's raw rows. The block of a message refused for its size shows
 * it; the JSON has every message's size.
 */
class MessageSizeTest {

    private static final String SIZE = "12.3 KB (12,633 bytes)";

    private static ReportModel woodgrove(Locale language) throws Exception {
        LogAnalysis a = new EmailLogAnalyzer().analyze(LogFixtures.sample("sample-email-log.csv"),
                ProgressListener.NONE, Cancellation.none());
        return new ReportBuilder(a, ReportOptions.defaults().withDomains(Set.of("woodgrove.example"))
                .withLanguage(language)).build();
    }

    @Test
    void sizesAreWrittenInTheReportsWords() {
        ReportTexts en = ReportTexts.english();
        assertEquals("1 byte", en.size(1));
        assertEquals("512 bytes", en.size(512));
        assertEquals(SIZE, en.size(12_633));
        assertEquals("1.5 MB (1,572,864 bytes)", en.size(1_572_864));
        assertEquals("12,3 kB (12\u00a0633 byte)", ReportTexts.of(Locale.forLanguageTag("sv")).size(12_633));
    }

    @Test
    void theMessageRefusedForItsSizeShowsItsSizeInEveryFormat() throws Exception {
        ReportModel model = woodgrove(Locale.ENGLISH);
        String text = new String(ReportTestSupport.render(ReportFormat.TEXT, model, "size"), StandardCharsets.UTF_8);
        assertTrue(text.contains("\n  Size: " + SIZE + "\n"), text);
        assertEquals(1, text.split("Size: ", -1).length - 1, "the delivered message's size is left out: " + text);
        String html = new String(ReportTestSupport.render(ReportFormat.HTML, model, "size"), StandardCharsets.UTF_8);
        assertTrue(html.contains("Size " + SIZE), html);
        try (PDDocument doc = Loader.loadPDF(ReportTestSupport.render(ReportFormat.PDF, model, "size"))) {
            String pdf = new PDFTextStripper().getText(doc);
            assertTrue(pdf.contains("Size " + SIZE), pdf);
        }
        ReportModel swedish = woodgrove(Locale.forLanguageTag("sv"));
        String sv = new String(ReportTestSupport.render(ReportFormat.TEXT, swedish, "size-sv"), StandardCharsets.UTF_8);
        assertTrue(sv.contains("  Storlek: 12,3 kB (12\u00a0633 byte)\n"), sv);
    }

    @Test
    void theJsonHasEveryMessagesSizeAfterItsEarlierFields() throws Exception {
        JsonNode root = JsonReportRenderer.mapper().readTree(ReportTestSupport.render(ReportFormat.JSON,
                woodgrove(Locale.ENGLISH), "size"));
        JsonNode messages = root.at("/recipientDomains/0/messages");
        assertEquals(2, messages.size());
        assertEquals(List.of(12_633L, 12_189L), List.of(messages.get(0).get("sizeBytes").asLong(),
                messages.get(1).get("sizeBytes").asLong()), "the bounce first, then the delivery");
        List<String> names = new java.util.ArrayList<>();
        messages.get(0).fieldNames().forEachRemaining(names::add);
        // added after the others; only staleReceived and basicCodeOnly, added later still, follow it
        assertEquals(List.of("sizeBytes", "staleReceived", "basicCodeOnly"),
                names.subList(names.size() - 3, names.size()));
        assertFalse(messages.get(0).get("sizeBytes").isNull());
    }
}
