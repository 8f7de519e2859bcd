package org.mailpath.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
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

/** A report that lists only some of its messages says so and how it chose them, in its intro and each domain cut. */
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
        // the rule by which they were chosen, said where the count is
        String note = "Of its 7 messages, this report lists 3 with their events and log rows, chosen so that a short"
                + " list shows every kind of trouble: first one message of each outcome, of each cause and of each"
                + " recipient domain, then the most important of the rest (bounced first, then deferred, delivered and"
                + " received only, each the earliest first). The summary, the causes and each domain's counts include"
                + " all 7; a JSON or CSV report of the same log lists every message.";
        String text = text(ReportFormat.TEXT, model).replaceAll("\\s+", " ");
        assertTrue(text.contains(note), text);
        String html = text(ReportFormat.HTML, model);
        assertTrue(html.contains(note.replace("'", "&#39;")) || html.contains(note), html);
        try (PDDocument pdf = Loader.loadPDF(ReportTestSupport.render(ReportFormat.PDF, model, "limit"))) {
            String pdfText = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertTrue(pdfText.contains("this report lists 3 with their events"), pdfText);
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

    /**
     * The review: the title block said "Messages 40 in this report" and never how few were listed. Every format with
     * a title block adds it; without a limit the line is as it was.
     */
    @Test
    void theTitleBlockSaysHowManyAreListed() throws IOException {
        ReportModel model = limited(3, Locale.ENGLISH);
        ReportWording words = ReportWording.of(model);
        assertTrue(words.titleFacts(model).contains(new ReportWording.Fact("Messages", "7 in this report; 3 listed")),
                words.titleFacts(model).toString());
        ReportModel all = limited(0, Locale.ENGLISH);
        assertEquals(words.titleFacts(all.title()), ReportWording.of(all).titleFacts(all));
        ReportModel swedish = limited(3, Locale.forLanguageTag("sv"));
        assertTrue(ReportWording.of(swedish).titleFacts(swedish).contains(new ReportWording.Fact("Meddelanden",
                "7 i den här rapporten; 3 listas")), ReportWording.of(swedish).titleFacts(swedish).toString());
        assertTrue(text(ReportFormat.HTML, model).contains("7 in this report; 3 listed"));
        try (PDDocument pdf = Loader.loadPDF(ReportTestSupport.render(ReportFormat.PDF, model, "limit"))) {
            assertTrue(new PDFTextStripper().getText(pdf).contains("7 in this report; 3 listed"));
        }
    }

    /**
     * The review: with a limit of 5, 13 domains had a heading each, with "0 of them listed here" below it and an entry
     * in the contents. Such domains are one table (one list in the text note) under one heading, after the others.
     */
    @Test
    void domainsWithNoneListedAreOneTableNotAHeadingEach() throws IOException {
        ReportModel model = limited(1, Locale.ENGLISH);
        List<RecipientDomainSection> none = ReportWording.domainsNotListed(model);
        assertFalse(none.isEmpty(), "the sample has domains none of whose messages one message can list");
        assertEquals(model.recipientDomains().size(), none.size() + ReportWording.domainsListed(model).size());
        String html = text(ReportFormat.HTML, model);
        for (RecipientDomainSection s : none) {
            assertFalse(html.contains(">" + s.domain() + "</h3>"), html);
            assertFalse(html.contains(">" + s.domain() + "</a></li>"), html);
            assertTrue(html.contains("<tr><td dir=\"ltr\">" + s.domain() + "</td>")
                    || html.contains(">" + s.domain() + "</td>"), html);
        }
        assertEquals(1, html.split("Domains with no message listed here", -1).length - 2, "heading and contents");
        String text = text(ReportFormat.TEXT, model);
        assertTrue(text.contains("Domains with no message listed here\n==="), text);
        String prose = text.replaceAll("\\s+", " ");
        for (RecipientDomainSection s : none) {
            assertTrue(prose.contains(s.domain() + ": " + ReportWording.of(model).domainCounts(s.counts())), text);
            assertFalse(text.contains(s.domain() + "\n==="), text);
        }
        try (PDDocument pdf = Loader.loadPDF(ReportTestSupport.render(ReportFormat.PDF, model, "limit"))) {
            String pdfText = new PDFTextStripper().getText(pdf);
            assertFalse(pdfText.contains("0 of them listed here"), pdfText);
            assertTrue(pdfText.contains("Domains with no message listed here"), pdfText);
        }
        // without a limit, every domain has its heading as before
        assertTrue(ReportWording.domainsNotListed(limited(0, Locale.ENGLISH)).isEmpty());
        String swedish = text(ReportFormat.TEXT, limited(1, Locale.forLanguageTag("sv")));
        assertTrue(swedish.contains("Domäner utan något listat meddelande här"), swedish);
    }

    @Test
    void inSwedishToo() throws IOException {
        String text = text(ReportFormat.TEXT, limited(3, Locale.forLanguageTag("sv"))).replaceAll("\\s+", " ");
        assertTrue(text.contains("Av sina 7 meddelanden listar den här rapporten 3 med sina händelser och loggrader,"
                + " valda så att en kort lista visar alla slags problem"), text);
        assertFalse(text.contains("intro.mailTeam.notListed"), text);
    }
}
