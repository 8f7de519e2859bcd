package org.mailpath.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.analysis.EmailLogAnalyzer;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.ProgressListener;
import org.mailpath.engine.report.CsvRawRows;
import org.mailpath.engine.report.RecipientDomainSection;
import org.mailpath.engine.report.ReportBuilder;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.ReportOptions;
import org.mailpath.engine.report.SampleReportData;
import org.mailpath.report.ReportFormat;
import org.mailpath.report.ReportTestSupport;
import org.mailpath.report.ReportWording;

/**
 * The contents and headings of the mail teams' part, as the PDF has them: with one recipient domain the part's
 * heading names it ("For the mail team of fabrikam.example"), so neither the contents nor a heading of its own repeat
 * it (the review found "fabrikam.example" listed again under that entry, and an h3 of it under the h2); with several,
 * each domain has its heading and its entry.
 */
class HtmlMailTeamContentsTest {

    private static final Path LOG = Path.of(System.getProperty("mailpath.projectDir", "."), "assets", "samples",
            "sample-email-log.csv");
    private static final Pattern NAV = Pattern.compile("<nav>.*?</nav>", Pattern.DOTALL);

    @Test
    void withOneDomainTheContentsAndThePartDoNotRepeatWhatTheHeadingSays() throws Exception {
        for (Locale language : List.of(Locale.ENGLISH, Locale.forLanguageTag("sv"))) {
            for (boolean redacted : List.of(false, true)) {
                ReportModel model = sample(language, Set.of("fabrikam.example"), redacted);
                assertEquals(1, model.recipientDomains().size());
                String html = html(model);
                String nav = nav(html);
                String entry = "<a href=\"#mail-team\">" + HtmlReportRenderer.phrase(
                        words(model).mailTeamHeadingPattern(model), HtmlReportRenderer.value("fabrikam.example"))
                        + "</a>";
                assertTrue(nav.contains("<li>" + entry + "</li>"), nav);
                assertEquals(1, count(nav, "fabrikam.example"), nav);
                assertFalse(nav.contains("#domain-"), nav);
                assertFalse(html.contains("<h3 id=\"domain-"), "no domain heading under the part's: " + html);
                assertEquals(1, count(html, "<h2 id=\"mail-team\">"), html);
            }
        }
    }

    @Test
    void withSeveralDomainsEachHasItsEntryAndItsHeading() throws Exception {
        ReportModel model = sample(Locale.ENGLISH, Set.of(), false);
        assertTrue(model.recipientDomains().size() > 1);
        String html = html(model);
        String nav = nav(html);
        int n = 0;
        for (RecipientDomainSection s : model.recipientDomains()) {
            String id = "domain-" + n++;
            assertTrue(nav.contains("<li><a href=\"#" + id + "\" dir=\"ltr\">" + HtmlReportRenderer.esc(s.domain())
                    + "</a></li>"), s.domain() + " in " + nav);
            assertTrue(html.contains("<h3 id=\"" + id + "\" dir=\"ltr\">" + HtmlReportRenderer.esc(s.domain())
                    + "</h3>"), s.domain());
        }
        assertTrue(nav.contains("<a href=\"#mail-team\">" + HtmlReportRenderer.phrase(
                words(model).mailTeamHeadingPattern(model)) + "</a><ol>"), nav);
    }

    private static ReportModel sample(Locale language, Set<String> domains, boolean redacted) throws Exception {
        LogAnalysis analysis = new EmailLogAnalyzer().analyze(LOG, ProgressListener.NONE, Cancellation.none());
        return new ReportBuilder(analysis, ReportOptions.defaults().withGeneratedAt(SampleReportData.GENERATED)
                .withLanguage(language).withDomains(domains).withRedaction(redacted))
                .rawRows(new CsvRawRows(LOG)).build();
    }

    private static ReportWording words(ReportModel model) {
        return ReportWording.of(model);
    }

    private static String html(ReportModel model) throws IOException {
        return new String(ReportTestSupport.render(ReportFormat.HTML, model, "mail-team-contents"),
                StandardCharsets.UTF_8);
    }

    private static String nav(String html) {
        Matcher m = NAV.matcher(html);
        assertTrue(m.find(), html);
        return m.group();
    }

    private static int count(String text, String of) {
        int n = 0;
        for (int at = text.indexOf(of); at >= 0; at = text.indexOf(of, at + of.length())) {
            n++;
        }
        return n;
    }
}
