package org.mailpath.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.check.CheckReport;
import org.mailpath.engine.check.DomainCheckResult;
import org.mailpath.engine.check.NameServerResult;
import org.mailpath.engine.report.ReportBuilder;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.ReportOptions;
import org.mailpath.engine.report.SampleReportData;
import org.mailpath.report.json.JsonReportRenderer;

/**
 * A name server's DNS Flag Day verdict is said in the report's words, with a line that explains the verdicts, in
 * the PDF and HTML ("compatible" tells a mail admin nothing); the JSON keeps ok, compatible and dead.
 */
class NameServerVerdictRenderingTest {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");
    private static final List<String> ENGLISH_WORDS = List.of("OK", "Works with faults", "Fails");
    private static final String ENGLISH_LEGEND = "Works with faults: resolvers still get answers today, but some"
            + " tests fail";
    private static final List<String> SWEDISH_WORDS = List.of("OK", "Fungerar med brister", "Fungerar inte");
    private static final String SWEDISH_LEGEND = "Fungerar med brister: resolvrar får fortfarande svar i dag, men"
            + " vissa tester misslyckas";

    private final SampleReportData data = SampleReportData.create();

    /** The sample report with one name server of contoso.example per verdict. */
    private ReportModel model(Locale language) {
        CheckReport checks = new CheckReport(List.of(new DomainCheckResult("contoso.example", List.of(), List.of(
                new NameServerResult("ns1.contoso.example", "192.0.2.53", tests("edns", "ok"), "ok"),
                new NameServerResult("ns2.contoso.example", "192.0.2.54", tests("edns", "noopt"), "compatible"),
                new NameServerResult("ns3.contoso.example", "192.0.2.55", tests("edns", "timeout"), "dead")))));
        ReportOptions options = ReportOptions.defaults().withGeneratedAt(SampleReportData.GENERATED)
                .withLanguage(language);
        return new ReportBuilder(data.analysis(), options).checks(checks).rawRows(data.rawRows()).build();
    }

    private static Map<String, String> tests(String test, String result) {
        Map<String, String> tests = new LinkedHashMap<>();
        tests.put("dns", "ok");
        tests.put(test, result);
        return tests;
    }

    @Test
    void thePdfSaysTheVerdictsInEnglishAndExplainsThem() throws IOException {
        String text = pdfText(model(Locale.ENGLISH), "verdicts-en");
        assertVerdictsInOrder(text, ENGLISH_WORDS);
        assertTrue(squeeze(text).contains(squeeze(ENGLISH_LEGEND)), text);
        assertTrue(squeeze(text).contains(squeeze("Fails: resolvers have given up on this server")), text);
        assertFalse(text.contains("compatible") || text.contains("dead"), "no raw verdict in\n" + text);
    }

    @Test
    void thePdfSaysTheVerdictsInSwedishAndExplainsThem() throws IOException {
        String text = pdfText(model(SWEDISH), "verdicts-sv");
        assertVerdictsInOrder(text, SWEDISH_WORDS);
        assertTrue(squeeze(text).contains(squeeze(SWEDISH_LEGEND)), text);
        assertFalse(text.contains("compatible") || text.contains("dead") || text.contains("Works"), text);
    }

    @Test
    void eachVerdictStandsOnOneLineOfItsColumn() throws IOException {
        // the column holds its longest verdict: a verdict broken over two lines ("Fungerar med | brister") is cut
        for (Locale language : List.of(Locale.ENGLISH, SWEDISH)) {
            List<String> rows = pdfText(model(language), "verdicts-" + language).lines().map(String::strip)
                    .filter(l -> l.startsWith("ns")).toList();
            List<String> words = language == SWEDISH ? SWEDISH_WORDS : ENGLISH_WORDS;
            for (int i = 0; i < words.size(); i++) {
                assertTrue(rows.get(i).endsWith(words.get(i)), words.get(i) + " on one line in " + rows);
            }
        }
    }

    @Test
    void theHtmlSaysTheVerdictsInTheReportsLanguageAndExplainsThem() throws IOException {
        String en = html(model(Locale.ENGLISH), "verdicts-en");
        for (String word : ENGLISH_WORDS) {
            assertTrue(en.contains("<td><b>" + word + "</b></td>"), word + " in\n" + en);
        }
        assertTrue(en.contains("<b>Works with faults</b>: resolvers still get answers today"), en);
        assertFalse(en.contains("<b>compatible</b>") || en.contains("<b>dead</b>"), en);
        String sv = html(model(SWEDISH), "verdicts-sv");
        for (String word : SWEDISH_WORDS) {
            assertTrue(sv.contains("<td><b>" + word + "</b></td>"), word + " in\n" + sv);
        }
        assertTrue(sv.contains("<b>Fungerar inte</b>: resolvrar har slutat fråga den här servern"), sv);
    }

    @Test
    void theJsonKeepsTheVerdictsAsTheyAre() throws IOException {
        for (Locale language : List.of(Locale.ENGLISH, SWEDISH)) {
            JsonNode json = JsonReportRenderer.mapper().readTree(
                    ReportTestSupport.render(ReportFormat.JSON, model(language), "verdicts-" + language));
            List<String> verdicts = new ArrayList<>();
            json.at("/recipientDomains/0/nameServers").forEach(n -> verdicts.add(n.get("verdict").asText()));
            assertEquals(List.of("ok", "compatible", "dead"), verdicts, language.toString());
        }
    }

    @Test
    void aVerdictWithoutWordsIsShownAsItIs() {
        // a verdict the checks may give one day is shown, not a missing key
        assertEquals("lame", ReportWording.of(model(SWEDISH)).nameServerVerdict("lame"));
        assertEquals(SWEDISH_WORDS, ReportWording.of(model(SWEDISH)).nameServerVerdicts());
    }

    private static void assertVerdictsInOrder(String text, List<String> words) {
        int at = text.indexOf("ns1.contoso.example");
        assertTrue(at >= 0, text);
        for (String word : words) {
            int found = text.indexOf(word, at);
            assertTrue(found > at, word + " after the one before in\n" + text);
            at = found;
        }
    }

    private static String pdfText(ReportModel model, String name) throws IOException {
        try (PDDocument doc = Loader.loadPDF(ReportTestSupport.render(ReportFormat.PDF, model, name))) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private static String html(ReportModel model, String name) throws IOException {
        return new String(ReportTestSupport.render(ReportFormat.HTML, model, name), StandardCharsets.UTF_8);
    }

    private static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }
}
