package org.mailpath.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.mailpath.engine.report.ReportBuilder;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.ReportOptions;
import org.mailpath.report.json.JsonReportRenderer;

/**
 * The review: a report on a log whose dates were read day first (a spreadsheet's re-save) said nothing of it in any
 * format, while it gives the mail team times to search by. Its title block says so (the text note after its first
 * sentence), naming the log when several were analysed; the JSON's title lists them.
 */
class DayFirstReportTest {

    private static final String FACT = "Read day first (d/M/yyyy), as a spreadsheet re-saves them, not month first as"
            + " Salesforce writes them: the times in this report are as read.";

    @TempDir
    Path dir;

    /** The sample with every date re-saved day first, {@code shift} days later. */
    private Path dayFirst(String name, int shift) throws IOException {
        String text = Files.readString(LogFixtures.sample("sample-email-log.csv"));
        Matcher m = Pattern.compile("\"(\\d{1,2})/(\\d{1,2})/(\\d{4}) ").matcher(text);
        return LogFixtures.write(dir, name, m.replaceAll(r -> "\"" + (Integer.parseInt(r.group(2)) + shift) + "/"
                + r.group(1) + "/" + r.group(3) + " "));
    }

    private static ReportModel report(Locale language, Path... files) throws Exception {
        LogAnalysis a = new EmailLogAnalyzer().analyze(List.of(files), ProgressListener.NONE, Cancellation.none());
        return new ReportBuilder(a, ReportOptions.defaults().withLanguage(language)
                .withDomains(java.util.Set.of("contoso.example"))).build();
    }

    @Test
    void everyFormatSaysTheDatesWereReadDayFirst() throws Exception {
        ReportModel model = report(Locale.ENGLISH, dayFirst("dayfirst.csv", 0));
        assertEquals(List.of("dayfirst.csv"), model.title().readDayFirst());
        assertTrue(ReportWording.of(model).titleFacts(model).contains(new ReportWording.Fact("Dates", FACT)),
                ReportWording.of(model).titleFacts(model).toString());

        String html = new String(ReportTestSupport.render(ReportFormat.HTML, model, "dayfirst"),
                StandardCharsets.UTF_8);
        assertTrue(html.contains(">Dates</dt><dd>" + FACT + "</dd>"), html);
        try (PDDocument doc = Loader.loadPDF(ReportTestSupport.render(ReportFormat.PDF, model, "dayfirst"))) {
            String pdf = PdfReportRendererTest.squeeze(new PDFTextStripper().getText(doc));
            assertTrue(pdf.contains(PdfReportRendererTest.squeeze("Dates " + FACT)), pdf);
        }
        String text = new String(ReportTestSupport.render(ReportFormat.TEXT, model, "dayfirst"),
                StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        // the log's period, also in a report on contoso.example's messages only (theirs end on 16 November, 10:21)
        assertTrue(text.contains("have looked at the delivery log (dayfirst.csv, 16 November 2026, 08:00 UTC – 17"
                + " November 2026, 09:55 UTC). The log's dates were read day first (d/M/yyyy), as a spreadsheet"
                + " re-saves them, not month first as Salesforce writes them: the times below are as read."), text);
        JsonNode root = JsonReportRenderer.mapper().readTree(ReportTestSupport.render(ReportFormat.JSON, model,
                "dayfirst"));
        assertEquals("[\"dayfirst.csv\"]", root.at("/title/readDayFirst").toString());
        List<String> names = new java.util.ArrayList<>();
        root.get("title").fieldNames().forEachRemaining(names::add);
        assertEquals("readDayFirst", names.getLast(), "added last: " + names);
    }

    /** Of several logs, the one read day first is named; one none of whose rows was kept (all copies) is not. */
    @Test
    void ofSeveralLogsTheOneReadDayFirstIsNamed() throws Exception {
        Path sample = LogFixtures.sample("sample-email-log.csv");
        for (Locale language : List.of(Locale.ENGLISH, Locale.forLanguageTag("sv"))) {
            ReportModel model = report(language, sample, dayFirst("week2.csv", 4), dayFirst("copy.csv", 0));
            boolean en = language.equals(Locale.ENGLISH);
            assertEquals(List.of("week2.csv"), model.title().readDayFirst());
            ReportWording words = ReportWording.of(model);
            assertTrue(words.titleFacts(model).contains(new ReportWording.Fact(en ? "Dates" : "Datum", en
                    ? "week2.csv: read day first (d/M/yyyy), as a spreadsheet re-saves them, not month first as"
                    + " Salesforce writes them: the times in this report are as read."
                    : "week2.csv: lästa med dagen först (d/M/yyyy), som ett kalkylprogram sparar om dem, inte med"
                    + " månaden först som Salesforce skriver dem: tiderna i rapporten är som de lästes.")),
                    words.titleFacts(model).toString());
            String text = new String(ReportTestSupport.render(ReportFormat.TEXT, model, "dayfirst-several"),
                    StandardCharsets.UTF_8).replaceAll("\\s+", " ");
            assertTrue(text.contains(en ? " The dates of week2.csv were read day first (d/M/yyyy)"
                    : " Datumen i week2.csv lästes med dagen först (d/M/yyyy)"), text);
        }
    }

    /**
     * The reviewer's uk-ambig.csv: the sample re-saved day first on 6 and 7 November, every date reading either way.
     * Read month first it spanned 11 June to 11 July, and the title said so; one Email Log covers at most 7 days, so
     * it is read day first, and the title says so as of any log read day first.
     */
    @Test
    void aLogReadDayFirstByItsSpanSaysSo() throws Exception {
        ReportModel model = report(Locale.ENGLISH, dayFirst("uk-ambig.csv", -10));
        assertEquals(List.of("uk-ambig.csv"), model.title().readDayFirst());
        String text = new String(ReportTestSupport.render(ReportFormat.TEXT, model, "uk-ambig"),
                StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        // the log's period (month first: 11 June to 11 July)
        assertTrue(text.contains("(uk-ambig.csv, 6 November 2026, 08:00 UTC – 7 November 2026, 09:55 UTC). The log's"
                + " dates were read day first (d/M/yyyy)"), text);
    }

    @Test
    void aLogReadMonthFirstSaysNothingOfIt() throws Exception {
        ReportModel model = report(Locale.ENGLISH, LogFixtures.sample("sample-email-log.csv"));
        assertEquals(List.of(), model.title().readDayFirst());
        ReportWording words = ReportWording.of(model);
        assertFalse(words.titleFacts(model).stream().anyMatch(f -> f.label().equals("Dates")));
        assertTrue(words.dayFirstCaveat(model.title()).isEmpty());
    }
}
