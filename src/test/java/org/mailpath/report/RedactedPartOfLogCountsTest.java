package org.mailpath.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.report.ReportBuilder;
import org.mailpath.engine.report.ReportFixture;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.ReportOptions;
import org.mailpath.engine.status.Category;

/**
 * A redacted report limited to one recipient domain, for that domain's mail team, said "Messages: 3 in this report
 * (of 7 in the file)" and "Rows read: 15": together they told the team how much of our mail went to other
 * organisations. Where a redacted report leaves some of the log's recipient domains out, its PDF, HTML and text give
 * no count of the whole log, and its scope line says so; its JSON keeps {@code rows} and {@code messagesInFile}, whose
 * meaning scripts rely on. A report that is not redacted, or that covers every domain of the log, keeps them.
 */
class RedactedPartOfLogCountsTest {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");

    /** 3 messages to contoso.example, 4 to two other domains: 7 messages in 14 rows. */
    private static ReportFixture log() {
        ReportFixture f = new ReportFixture("EmailLog.csv");
        int n = 0;
        for (String domain : List.of("contoso.example", "contoso.example", "contoso.example", "fabrikam.example",
                "fabrikam.example", "northwind.example", "northwind.example")) {
            n++;
            f.message("<" + n + "@acme.example>", "user" + n + "@" + domain).received()
                    .permanentFailure("mx." + domain, "192.0.2.1", "550 5.1.1 User unknown")
                    .bounced(Category.RECIPIENT, Actor.SENDER_ADMIN, "The address does not exist.",
                            "Remove the address.");
        }
        return f;
    }

    private static ReportModel report(ReportOptions options) {
        ReportFixture f = log();
        return new ReportBuilder(f.analysis(), options).rawRows(f.rawRows()).build();
    }

    private static String pdf(ReportModel m, String name) throws IOException {
        try (PDDocument d = Loader.loadPDF(ReportTestSupport.render(ReportFormat.PDF, m, name))) {
            return new PDFTextStripper().getText(d).replaceAll("\\s+", " ");
        }
    }

    private static String html(ReportModel m, String name) throws IOException {
        return new String(ReportTestSupport.render(ReportFormat.HTML, m, name), StandardCharsets.UTF_8);
    }

    @Test
    void aRedactedReportOnOneDomainGivesNoCountOfTheWholeLog() throws IOException {
        for (Locale language : List.of(Locale.ENGLISH, SWEDISH)) {
            boolean en = language.equals(Locale.ENGLISH);
            ReportModel m = report(ReportOptions.defaults().withLanguage(language).withRedaction(true)
                    .withDomains(Set.of("contoso.example")));
            assertTrue(m.title().fileCountsWithheld());
            ReportWording words = ReportWording.of(m);
            List<ReportWording.Fact> facts = words.titleFacts(m);
            String rowsLabel = words.get("fact.rows");
            assertTrue(facts.stream().noneMatch(f -> f.label().equals(rowsLabel)), facts.toString());
            assertTrue(facts.contains(new ReportWording.Fact(words.get("fact.messages"),
                    words.format("fact.messages.value", 3L))), facts.toString());
            String scope = words.get("scope.redacted.value.partOfLog");
            assertTrue(scope.contains(en ? "no counts given of the rest of the log" : "inga antal angivna"), scope);
            assertTrue(facts.contains(new ReportWording.Fact(words.get("scope.redacted"), scope)), facts.toString());

            String name = "redacted-part-of-log-" + language;
            String of7 = en ? "of 7 in the file" : "av 7 i filen";
            for (String text : List.of(html(m, name), pdf(m, name), new String(ReportTestSupport.render(
                    ReportFormat.TEXT, m, name), StandardCharsets.UTF_8).replaceAll("\\s+", " "))) {
                assertFalse(text.contains(of7), text);
                assertFalse(text.contains(rowsLabel), text);
            }
            assertTrue(html(m, name).contains(scope), "the scope line says so");

            // the JSON's fields keep what they mean
            JsonNode title = new ObjectMapper().readTree(ReportTestSupport.render(ReportFormat.JSON, m, name))
                    .get("title");
            assertEquals(7, title.get("messagesInFile").asLong());
            assertEquals(14, title.get("rows").asLong());
            assertFalse(title.has("fileCountsWithheld"), title.toString());
        }
    }

    @Test
    void aReportNotRedactedOrOnTheWholeLogKeepsTheCountsOfTheLog() {
        ReportModel open = report(ReportOptions.defaults().withDomains(Set.of("contoso.example")));
        ReportModel whole = report(ReportOptions.defaults().withRedaction(true));
        for (ReportModel m : List.of(open, whole)) {
            assertFalse(m.title().fileCountsWithheld());
            List<ReportWording.Fact> facts = ReportWording.of(m).titleFacts(m);
            assertTrue(facts.contains(new ReportWording.Fact("Rows read", "14")), facts.toString());
        }
        assertTrue(ReportWording.of(open).titleFacts(open)
                .contains(new ReportWording.Fact("Messages", "3 in this report (of 7 in the file)")));
        assertTrue(ReportWording.of(whole).titleFacts(whole).contains(new ReportWording.Fact("Redacted",
                ReportWording.of(whole).get("scope.redacted.value"))));
    }
}
