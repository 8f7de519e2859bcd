package org.mailpath.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.analysis.EmailLogAnalyzer;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.ProgressListener;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.FindingTexts;
import org.mailpath.engine.finding.Severity;
import org.mailpath.engine.report.CsvRawRows;
import org.mailpath.engine.report.ReportBuilder;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.ReportOptions;
import org.mailpath.engine.report.SampleReportData;
import org.mailpath.report.json.JsonReportRenderer;
import org.mailpath.testing.TestLanguages;

/** A report in Swedish says everything in Swedish; in English (the default) it says what it always said. */
class ReportLanguageTest {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");
    private final SampleReportData data = SampleReportData.create();

    /** The sample report, with a finding worded from a resource bundle (as the checks word theirs). */
    private ReportModel model(ReportOptions options) {
        Finding dead = FindingTexts.of("org.mailpath.engine.edns.findings").finding("EDNS_DEAD", Severity.ERROR,
                "ns1.contoso.example", List.of("dig @192.0.2.53 contoso.example SOA +edns=0 → timeout"),
                Actor.RECIPIENT_MAIL_TEAM, "EDNS_DEAD", "ns1.contoso.example", "edns=timeout");
        return new ReportBuilder(data.analysis(), options).checks(data.checks())
                .extraFindings("contoso.example", List.of(dead)).rawRows(data.rawRows()).build();
    }

    private ReportModel model(Locale language) {
        return model(ReportOptions.defaults().withGeneratedAt(SampleReportData.GENERATED).withLanguage(language));
    }

    @Test
    void theTextNoteIsSwedish() throws IOException {
        String text = new String(ReportTestSupport.render(ReportFormat.TEXT, model(SWEDISH), "sample-sv"),
                StandardCharsets.UTF_8);
        // the sample's 4 recipient domains each have their own mail team: none is spoken to as "er" alone
        assertTrue(text.startsWith("Hej,\n\nVi skickar e-post från Salesforce till de 4 mottagardomänerna nedan"),
                text);
        // the longer first sentence may wrap the date
        assertTrue(squeeze(text).contains(squeeze("20 november 2026 kl. 08:00 UTC")), "a Swedish date");
        assertTrue(text.contains("Av de 7 meddelandena till 4 mottagardomäner: "),
                "the conclusion");
        assertTrue(text.contains("Studsat – Mottagarens DNS (efter 2 misslyckade försök)"),
                "a verdict, a label and the failed attempts");
        assertTrue(text.contains("Vad vi hittade om contoso.example"), text);
        assertTrue(squeeze(text).contains(squeeze("Namnservern ns1.contoso.example fallerar DNS Flag Day-testerna")),
                "the finding's text from findings_sv");
        assertTrue(text.contains("Åtgärd: Uppdatera namnserverprogramvaran"), "its remediation");
        assertFalse(text.contains("What we found") || text.contains("Hello"), text);
    }

    @Test
    void theHtmlIsSwedish() throws IOException {
        String html = new String(ReportTestSupport.render(ReportFormat.HTML, model(SWEDISH), "sample-sv"),
                StandardCharsets.UTF_8);
        assertTrue(html.contains("<html lang=\"sv\">"), "the document says its language");
        assertTrue(html.contains("<strong>Slutsats</strong>"));
        assertTrue(html.contains("<h2 id=\"summary\" class=\"first\">Sammanfattning</h2>"));
        assertTrue(html.contains("<th>Orsak</th><th class=\"n\">Studsade</th>"), "the causes table's columns");
        assertTrue(html.contains("Namnservern <bdi dir=\"ltr\">ns1.contoso.example</bdi> fallerar"), html);
        assertTrue(html.contains("studsade av 3 olika skäl. 1 av dem eftersom"), "the conclusion gives the causes");
    }

    @Test
    void thePdfIsSwedish() throws IOException {
        byte[] pdf = ReportTestSupport.render(ReportFormat.PDF, model(SWEDISH), "sample-sv");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            String squeezed = squeeze(text);
            for (String swedish : List.of("Slutsats", "Sammanfattning", "Orsaker till studsar och fördröjningar",
                    "Mottagarens DNS", "Vad vi hittade om contoso.example", "20 november 2026 kl. 08:00 UTC",
                    "Namnservern ns1.contoso.example fallerar DNS Flag Day-testerna", "Sida 1 av",
                    "Bilaga: loggens rader som de är")) {
                assertTrue(squeezed.contains(squeeze(swedish)), swedish + " in\n" + text);
            }
            assertFalse(text.contains("Conclusion") || text.contains("Page 1 of"), text);
            assertTrue(doc.getDocumentInformation().getSubject().startsWith("Analys av e-postloggen"));
        }
    }

    @Test
    void theJsonKeepsItsFieldsAndIdsAndSaysItsTextsInSwedish() throws IOException {
        JsonNode sv = JsonReportRenderer.mapper().readTree(
                ReportTestSupport.render(ReportFormat.JSON, model(SWEDISH), "sample-sv"));
        JsonNode en = JsonReportRenderer.mapper().readTree(
                ReportTestSupport.render(ReportFormat.JSON, model(Locale.ENGLISH), "sample-en"));
        assertEquals(fields(en, "", new TreeSet<>()), fields(sv, "", new TreeSet<>()), "the same field names");
        for (String id : List.of("/recipientDomains/0/messages/0/verdict", "/recipientDomains/0/messages/0/category",
                "/recipientDomains/0/messages/0/actor", "/summary/causes/0/category")) {
            assertEquals(en.at(id), sv.at(id), "enum ids stay: " + id);
            assertTrue(sv.at(id).asText().matches("[A-Z_]+"), id);
        }
        assertTrue(sv.get("conclusion").asText().startsWith("Av de 7 meddelandena"), sv.get("conclusion").asText());
        assertEquals("Mottagaren okänd eller avvisad", sv.at("/summary/causes/0/label").asText());
        assertTrue(sv.toString().contains("Namnservern ns1.contoso.example fallerar"), "the finding in Swedish");
        assertTrue(en.toString().contains("The name server ns1.contoso.example fails"), "and in English");
        assertEquals("sv", sv.get("language").asText(), "the JSON says its language");
        assertEquals("en", en.get("language").asText());
    }

    @Test
    void englishIsTheDefaultAndChoosingItChangesNothing() throws IOException {
        ReportOptions defaults = ReportOptions.defaults().withGeneratedAt(SampleReportData.GENERATED);
        assertEquals(Locale.ENGLISH, defaults.language());
        for (ReportFormat format : List.of(ReportFormat.TEXT, ReportFormat.HTML, ReportFormat.JSON)) {
            assertArrayEquals(ReportTestSupport.render(format, model(defaults), "sample-default"),
                    ReportTestSupport.render(format, model(defaults.withLanguage(Locale.ENGLISH)), "sample-en"),
                    format.name());
        }
    }

    @Test
    void aLanguageWithoutTextsGivesAWhollyEnglishReport() throws IOException {
        ReportModel untranslated = model(TestLanguages.UNTRANSLATED);
        assertEquals(Locale.ENGLISH, untranslated.language(), "the language the report is written in");
        for (ReportFormat format : List.of(ReportFormat.TEXT, ReportFormat.HTML, ReportFormat.JSON)) {
            assertArrayEquals(ReportTestSupport.render(format, model(Locale.ENGLISH), "sample-en"),
                    ReportTestSupport.render(format, untranslated, "sample-qaa"),
                    format.name() + ": no months, number grouping or html lang of the language asked for");
        }
    }

    @Test
    void aRegionalLanguageIsWrittenInItsLanguage() throws IOException {
        ReportModel sweden = model(Locale.forLanguageTag("sv-SE"));
        assertEquals(SWEDISH, sweden.language());
        assertArrayEquals(ReportTestSupport.render(ReportFormat.HTML, model(SWEDISH), "sample-sv"),
                ReportTestSupport.render(ReportFormat.HTML, sweden, "sample-sv-SE"),
                "<html lang=\"sv\">, and the findings and diagnoses in Swedish as for sv");
    }

    @Test
    void statusExplanationsOfTheSampleLogAreSwedish() throws Exception {
        Path log = Path.of("assets/samples/sample-email-log.csv");
        LogAnalysis analysis = new EmailLogAnalyzer().analyze(log, ProgressListener.NONE, Cancellation.none());
        ReportModel model = new ReportBuilder(analysis, ReportOptions.defaults()
                .withGeneratedAt(SampleReportData.GENERATED).withLanguage(SWEDISH)).rawRows(new CsvRawRows(log)).build();
        String text = squeeze(new String(ReportTestSupport.render(ReportFormat.TEXT, model, "sample-log-sv"),
                StandardCharsets.UTF_8));
        // status-knowledge_sv.properties, salesforce.domain-lookup-failed: the domain's part is its mail team's, in
        // the words for them (mailTeamExplanation)
        assertTrue(text.contains(squeeze("Salesforces e-postservrar kunde inte slå upp er domän i DNS")), text);
        assertTrue(text.contains(squeeze("Salesforce nådde ingen e-postserver för mottagardomänen")),
                "a rule's own cause in the conclusion");
    }

    /** Why a recipient address is invalid comes from the address checker's bundle, in the report's language. */
    @Test
    void anInvalidAddressIsExplainedInTheReportsLanguage() throws Exception {
        Path log = Path.of("assets/samples/sample-email-log.csv");
        LogAnalysis analysis = new EmailLogAnalyzer().analyze(log, ProgressListener.NONE, Cancellation.none());
        for (Locale language : List.of(SWEDISH, Locale.ENGLISH)) {
            boolean swedish = language.equals(SWEDISH);
            String reason = swedish ? "delen före @ innehåller ett mellanslag" : "the part before the @ contains a space";
            ReportModel model = new ReportBuilder(analysis, ReportOptions.defaults()
                    .withGeneratedAt(SampleReportData.GENERATED).withLanguage(language)).build();
            assertEquals(List.of(reason), model.recipientDomains().stream().flatMap(d -> d.messages().stream())
                    .flatMap(m -> m.addressProblem().stream()).toList(), language.toString());
            try (PDDocument doc = Loader.loadPDF(ReportTestSupport.render(ReportFormat.PDF, model, "address"))) {
                String text = squeeze(new PDFTextStripper().getText(doc));
                assertTrue(text.contains(squeeze((swedish ? "Adress: " : "Address: ") + reason)), text);
            }
            String html = new String(ReportTestSupport.render(ReportFormat.HTML, model, "address"),
                    StandardCharsets.UTF_8);
            assertTrue(html.contains(reason), language + " html");
        }
    }

    private static Set<String> fields(JsonNode node, String path, Set<String> out) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                out.add(path + "/" + e.getKey());
                fields(e.getValue(), path + "/" + e.getKey(), out);
            });
        } else if (node.isArray()) {
            node.forEach(n -> fields(n, path + "[]", out));
        }
        return out;
    }

    private static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }
}
