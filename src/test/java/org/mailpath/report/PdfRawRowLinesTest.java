package org.mailpath.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.analysis.EmailLogAnalyzer;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.ProgressListener;
import org.mailpath.engine.report.Appendix;
import org.mailpath.engine.report.CsvRawRows;
import org.mailpath.engine.report.ReportBuilder;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.ReportOptions;
import org.mailpath.engine.report.SampleReportData;

/**
 * The lines of the PDF as a reader copies them: the review found the appendix's raw rows cut inside a Message ID
 * ("…,2" and "1749391.…"), lines starting with a space (" delivery,…") and a row's last "," alone on a line (the
 * report on contoso.example). Checked on every line of the document, so the message blocks, the causes table and
 * the Swedish text are held to the same.
 */
class PdfRawRowLinesTest {

    private static final Path LOG = Path.of(System.getProperty("mailpath.projectDir", "."), "assets", "samples",
            "sample-email-log.csv");

    @Test
    void noLineOfTheSampleReportsStartsWithASpaceOrIsALoneSeparator() throws Exception {
        for (ReportModel model : sampleReports()) {
            for (String line : lines(model)) {
                assertFalse(line.startsWith(" "), describe(model) + ": [" + line + "]");
                assertFalse(line.matches("[,; ]+"), describe(model) + ": [" + line + "]");
            }
        }
    }

    @Test
    void aMessageIdOfTheAppendixThatFitsOnALineIsOnOneLine() throws Exception {
        for (ReportModel model : sampleReports()) {
            Appendix a = model.appendix();
            int column = a.header().indexOf("Message ID Header");
            assertTrue(column >= 0, a.header().toString());
            // how often the rows name each Message ID (a reply may quote it too): as often the appendix's lines
            Map<String, Integer> named = new LinkedHashMap<>();
            for (Appendix.RawRow r : a.rows()) {
                named.put(r.cells().get(column), 0);
            }
            for (Appendix.RawRow r : a.rows()) {
                String row = ReportWording.csv(r.cells());
                named.replaceAll((id, n) -> n + occurrences(row, id));
            }
            assertFalse(named.isEmpty(), describe(model));
            List<String> appendix = appendixLines(model);
            for (Map.Entry<String, Integer> id : named.entrySet()) {
                int whole = appendix.stream().mapToInt(l -> occurrences(l, id.getKey())).sum();
                assertEquals(id.getValue(), whole, describe(model) + ": " + id.getKey());
            }
        }
    }

    private static int occurrences(String text, String of) {
        int n = 0;
        for (int at = text.indexOf(of); at >= 0; at = text.indexOf(of, at + of.length())) {
            n++;
        }
        return n;
    }

    /** The sample log's reports as the review made them: on all, on contoso.example, on fabrikam.example redacted. */
    private static List<ReportModel> sampleReports() throws Exception {
        LogAnalysis analysis = new EmailLogAnalyzer().analyze(LOG, ProgressListener.NONE, Cancellation.none());
        List<ReportModel> models = new ArrayList<>();
        for (Locale language : List.of(Locale.ENGLISH, Locale.forLanguageTag("sv"))) {
            ReportOptions options = ReportOptions.defaults().withGeneratedAt(SampleReportData.GENERATED)
                    .withLanguage(language);
            for (ReportOptions o : List.of(options, options.withDomains(Set.of("contoso.example")),
                    options.withDomains(Set.of("fabrikam.example")).withRedaction(true))) {
                models.add(new ReportBuilder(analysis, o).rawRows(new CsvRawRows(LOG)).build());
            }
        }
        SampleReportData data = SampleReportData.create();
        models.add(new ReportBuilder(data.analysis(), ReportOptions.defaults()
                .withGeneratedAt(SampleReportData.GENERATED)).checks(data.checks()).rawRows(data.rawRows()).build());
        return models;
    }

    private static String describe(ReportModel model) {
        return model.language() + " " + model.title().title() + (model.title().redacted() ? " (redacted)" : "");
    }

    /** The document's text lines, top to bottom, as they are drawn. */
    private static List<String> lines(ReportModel model) throws IOException {
        byte[] pdf = ReportTestSupport.render(ReportFormat.PDF, model, "raw-row-lines");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(doc).lines().toList();
        }
    }

    /** The lines from the appendix's heading (its last mention: the contents name it first) to the end. */
    private static List<String> appendixLines(ReportModel model) throws IOException {
        List<String> lines = lines(model);
        return lines.subList(lines.lastIndexOf(ReportWording.of(model).get("heading.appendix")), lines.size());
    }
}
