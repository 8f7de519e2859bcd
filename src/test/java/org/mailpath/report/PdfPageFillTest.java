package org.mailpath.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.analysis.EmailLogAnalyzer;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.ProgressListener;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.report.CsvRawRows;
import org.mailpath.engine.report.DomainRow;
import org.mailpath.engine.report.ReportBuilder;
import org.mailpath.engine.report.ReportFixture;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.ReportOptions;
import org.mailpath.engine.report.SampleReportData;
import org.mailpath.engine.status.Category;

/**
 * No page of the PDF is a stray: the last page before the mail teams' part (which starts a new page of its own) used
 * to hold only the last rows of the recipient-domains table, 6 rows in the Swedish sample, one in English reports of
 * 5 or 35 domains. Measured on the produced PDF, from where its text lines are.
 */
class PdfPageFillTest {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");
    /** A4 with the renderer's margins: the running header sits above {@code TOP}, the footer below {@code BOTTOM}. */
    private static final float PAGE = 842;
    private static final float TOP = 66;
    private static final float BOTTOM = 62;
    /** Below this share of its body a page looks empty; a part-ending table keeps a quarter for its last page. */
    private static final float NEAR_EMPTY = 0.2f;

    /** A page's text lines between its running header and footer, top to bottom, and how far down they reach. */
    record Page(int number, List<String> lines, float fill) {
    }

    @Test
    void theSamplesPagesBeforeTheMailTeamsPartAreFilledInSwedishAndEnglish() throws Exception {
        Path log = Path.of(System.getProperty("mailpath.projectDir", "."), "assets", "samples",
                "sample-email-log.csv");
        LogAnalysis analysis = new EmailLogAnalyzer().analyze(log, ProgressListener.NONE, Cancellation.none());
        for (Locale language : List.of(SWEDISH, Locale.ENGLISH)) {
            ReportModel model = new ReportBuilder(analysis, ReportOptions.defaults()
                    .withGeneratedAt(SampleReportData.GENERATED).withLanguage(language))
                    .rawRows(new CsvRawRows(log)).build();
            List<Page> pages = pages(model, "sample-fill-" + language);
            assertFirstPartFilled(model, pages);
            assertNoStrayPage(pages);
        }
    }

    /**
     * A report for one recipient domain's mail team is theirs from its first page: their part follows the summary on
     * the same page rather than leaving a page that holds only the summary's last table (three quarters empty in the
     * fabrikam.example report, found by a postmaster's review).
     */
    @Test
    void aReportForOneMailTeamLeavesNoNearEmptyPageBeforeTheirPart() throws Exception {
        Path log = Path.of(System.getProperty("mailpath.projectDir", "."), "assets", "samples",
                "sample-email-log.csv");
        LogAnalysis analysis = new EmailLogAnalyzer().analyze(log, ProgressListener.NONE, Cancellation.none());
        Set<String> domains = new TreeSet<>();
        analysis.chains().forEach(c -> domains.add(c.recipientDomain()));
        for (Locale language : List.of(Locale.ENGLISH, SWEDISH)) {
            for (String domain : domains) {
                ReportModel model = new ReportBuilder(analysis, ReportOptions.defaults()
                        .withGeneratedAt(SampleReportData.GENERATED).withLanguage(language)
                        .withDomains(Set.of(domain))).rawRows(new CsvRawRows(log)).build();
                assertTrue(model.addressedToMailTeam(), domain);
                List<Page> pages = pages(model, "one-team-" + domain + "-" + language);
                String heading = ReportWording.of(model).mailTeamHeading(model);
                int theirs = pages.stream().filter(p -> p.lines().contains(heading)).findFirst().orElseThrow()
                        .number();
                for (Page p : pages.subList(0, theirs - 1)) {
                    assertTrue(p.fill() >= 0.5f, domain + " " + describe(model, p));
                }
                // the title names the one domain: the causes table's rows do not repeat it
                String to = ReportWording.of(model).format("cause.to", domain);
                assertTrue(pages.subList(0, theirs).stream().noneMatch(p -> p.lines().contains(to)), to);
                assertNoStrayPage(pages);
            }
        }
    }

    @Test
    void noNumberOfRecipientDomainsLeavesANearEmptyPageBeforeTheMailTeamsPart() throws IOException {
        // the recipient-domains table ends the first part; as it grows, its end crosses every point of a page
        for (Locale language : List.of(Locale.ENGLISH, SWEDISH)) {
            for (int n = 2; n <= 40; n++) {
                ReportModel model = domains(n, language);
                List<Page> pages = pages(model, "fill");
                assertFirstPartFilled(model, pages);
                assertNoStrayPage(pages);
            }
        }
    }

    @Test
    void theFullSampleWithChecksHasNoPageOfALineOrTwo() throws IOException {
        SampleReportData data = SampleReportData.create();
        for (Locale language : List.of(Locale.ENGLISH, SWEDISH)) {
            ReportModel model = new ReportBuilder(data.analysis(), ReportOptions.defaults()
                    .withGeneratedAt(SampleReportData.GENERATED).withLanguage(language)).checks(data.checks())
                    .rawRows(data.rawRows()).build();
            List<Page> pages = pages(model, "sample-checks-fill-" + language);
            assertFirstPartFilled(model, pages);
            assertNoStrayPage(pages);
        }
    }

    /**
     * The pages before the mail teams' part: all but its last full as text flows, its last one filled at least to
     * {@link #NEAR_EMPTY} unless it holds a short recipient-domains table whole, its heading at the top (the first
     * part is then genuinely that short, and the table was not split for it).
     */
    private static void assertFirstPartFilled(ReportModel model, List<Page> pages) {
        ReportWording words = ReportWording.of(model);
        String heading = words.mailTeamHeading(model);
        int mailTeams = pages.stream().filter(p -> p.lines().contains(heading)).findFirst().orElseThrow().number();
        assertTrue(mailTeams >= 2, "the mail teams' part starts on a page of its own");
        assertEquals(heading, pages.get(mailTeams - 1).lines().getFirst(), "at its top");
        for (Page p : pages.subList(0, mailTeams - 2)) {
            assertTrue(p.fill() >= 0.5f, describe(model, p));
        }
        Page last = pages.get(mailTeams - 2);
        assertTrue(last.lines().size() >= 3, describe(model, last));
        if (last.fill() < NEAR_EMPTY) {
            assertEquals(words.get("heading.domains"), last.lines().getFirst(), describe(model, last));
            String text = String.join("\n", last.lines());
            for (DomainRow d : model.summary().domains()) {
                assertTrue(text.contains(d.domain()), d.domain() + " " + describe(model, last));
            }
        }
    }

    /** No page but the document's last holds a line or two, or a lone heading. */
    private static void assertNoStrayPage(List<Page> pages) {
        for (Page p : pages.subList(0, pages.size() - 1)) {
            assertTrue(p.lines().size() >= 3, "page " + p.number() + ": " + p.lines());
        }
    }

    private static String describe(ReportModel model, Page p) {
        return model.language() + ", " + model.summary().domains().size() + " domains, page " + p.number()
                + String.format(Locale.ROOT, " filled to %.2f: ", p.fill()) + p.lines();
    }

    /** {@code n} recipient domains of one bounced message each. */
    private static ReportModel domains(int n, Locale language) {
        ReportFixture f = new ReportFixture("domains.csv");
        for (int i = 1; i <= n; i++) {
            f.message("<m" + i + "@sender.example>", "user@d" + i + ".example").received()
                    .permanentFailure("mx.d" + i + ".example", "192.0.2.1", "550 5.1.1 User unknown")
                    .bounced(Category.RECIPIENT, Actor.SENDER_ADMIN, "No such user.", "Correct the address.");
        }
        return new ReportBuilder(f.analysis(), ReportOptions.defaults().withGeneratedAt(SampleReportData.GENERATED)
                .withLanguage(language)).rawRows(f.rawRows()).build();
    }

    private static List<Page> pages(ReportModel model, String name) throws IOException {
        try (PDDocument doc = Loader.loadPDF(ReportTestSupport.render(ReportFormat.PDF, model, name))) {
            List<Page> pages = new ArrayList<>();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                pages.add(page(doc, p));
            }
            return pages;
        }
    }

    /** The text of page {@code p} line by line: glyphs grouped by baseline, in order across. */
    private static Page page(PDDocument doc, int p) throws IOException {
        Map<Integer, TreeMap<Float, String>> byBaseline = new TreeMap<>();
        for (TextPosition t : ReportTestSupport.glyphs(doc, p, p)) {
            float y = t.getYDirAdj();
            // the running header's baseline is 38 pt below the page top, the footer's 34 pt above its foot
            if (y > TOP - 16 && y < PAGE - BOTTOM + 16) {
                // glyphs of one line share a baseline; round to whole points, and a neighbouring point is it too
                int key = Math.round(y);
                int line = byBaseline.containsKey(key - 1) ? key - 1 : byBaseline.containsKey(key + 1) ? key + 1
                        : key;
                byBaseline.computeIfAbsent(line, k -> new TreeMap<>()).merge(t.getXDirAdj(), t.getUnicode(),
                        String::concat);
            }
        }
        List<String> lines = new ArrayList<>();
        int lowest = 0;
        for (Map.Entry<Integer, TreeMap<Float, String>> line : byBaseline.entrySet()) {
            String text = String.join("", line.getValue().values()).strip();
            if (!text.isEmpty()) {
                lines.add(text);
                lowest = line.getKey();
            }
        }
        float fill = lines.isEmpty() ? 0 : (lowest - TOP) / (PAGE - TOP - BOTTOM);
        return new Page(p, lines, fill);
    }
}
