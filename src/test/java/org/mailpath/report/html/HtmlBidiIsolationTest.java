package org.mailpath.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.report.html.HtmlReportRenderer.esc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.check.CheckReport;
import org.mailpath.engine.check.DomainCheckResult;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.engine.report.ReportBuilder;
import org.mailpath.engine.report.ReportFixture;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.ReportOptions;
import org.mailpath.engine.report.ReportTexts;
import org.mailpath.engine.report.SampleReportData;
import org.mailpath.engine.status.Category;
import org.mailpath.report.ReportFormat;
import org.mailpath.report.ReportTestSupport;
import org.mailpath.report.ReportWording;

/**
 * Values from the log and DNS in Hebrew or Arabic must not pull our punctuation and numbers into their bidi run:
 * each is isolated ({@code <bdi dir="ltr">} in a sentence, {@code dir="ltr"} on an element that holds only it).
 */
class HtmlBidiIsolationTest {

    private static final String DOMAIN = "דוגמה.example";
    private static final String RECIPIENT = "אבג@" + DOMAIN;
    private static final String REPLY = "550 5.1.1 <" + RECIPIENT + ">: Recipient address rejected";
    private static final String EVIDENCE_1 = DOMAIN + ". 3600 IN MX 10 mx.דוגמה.example.";
    private static final String EVIDENCE_2 = "dig @192.0.2.53 " + DOMAIN + " MX → SERVFAIL";

    private static String html() throws IOException {
        ReportFixture f = new ReportFixture("דוח-יומן.csv");
        f.message("<m1@host.example>", RECIPIENT).sender("שולח@acme.example").received()
                .permanentFailure("mx.דוגמה.example", "192.0.2.7", REPLY)
                .bounced(Category.RECIPIENT, Actor.SENDER_ADMIN, "The mailbox does not exist.",
                        "Correct or remove the address in Salesforce.");
        CheckReport checks = new CheckReport(List.of(new DomainCheckResult(DOMAIN, List.of(
                new Finding("MX_LOOKUP_FAILED", Severity.ERROR, DOMAIN,
                        "The MX records of " + DOMAIN + " could not be looked up.",
                        List.of(EVIDENCE_1, EVIDENCE_2), "Fix the zone.", Actor.RECIPIENT_MAIL_TEAM)), List.of())));
        ReportModel model = new ReportBuilder(f.analysis(), ReportOptions.defaults()
                .withGeneratedAt(SampleReportData.GENERATED)).checks(checks).rawRows(f.rawRows()).build();
        return new String(ReportTestSupport.render(ReportFormat.HTML, model, "bidi-rtl"), StandardCharsets.UTF_8);
    }

    @Test
    void recipientsSendersAndTheDomainHeadingAreIsolated() throws IOException {
        String html = html();
        assertTrue(html.contains("To <bdi dir=\"ltr\">" + RECIPIENT + "</bdi> &nbsp; </span>Bounced"), html);
        assertTrue(html.contains("Envelope sender <bdi dir=\"ltr\">שולח@acme.example</bdi></div>"), html);
        // one domain: the part's heading and its contents entry name it, isolated; it has no heading of its own
        assertTrue(html.contains("<h2 id=\"mail-team\">For the mail team of <bdi dir=\"ltr\">" + DOMAIN
                + "</bdi></h2>"), html);
        assertTrue(html.contains("<a href=\"#mail-team\">For the mail team of <bdi dir=\"ltr\">" + DOMAIN
                + "</bdi></a>"), html);
        assertTrue(html.contains("<h1>Email delivery report — <bdi dir=\"ltr\">" + DOMAIN + "</bdi></h1>"), html);
        assertTrue(html.contains("<dt>File</dt><dd><bdi dir=\"ltr\">דוח-יומן.csv</bdi></dd>"), html);
        // right under the part's h2, as the domain has no h3 of its own
        assertTrue(html.contains("<h3 class=\"minor\">What we found about <bdi dir=\"ltr\">" + DOMAIN + "</bdi></h3>"),
                html);
    }

    @Test
    void withSeveralDomainsEachDomainHeadingAndContentsEntryIsIsolated() throws IOException {
        ReportFixture f = new ReportFixture("דוח-יומן.csv");
        f.message("<m1@host.example>", RECIPIENT).received().permanentFailure("mx.דוגמה.example", "192.0.2.7", REPLY)
                .bounced(Category.RECIPIENT, Actor.SENDER_ADMIN, "", "");
        f.message("<m2@host.example>", "bob@contoso.example").received()
                .permanentFailure("mx.contoso.example", "192.0.2.8", "550 5.1.1 unknown")
                .bounced(Category.RECIPIENT, Actor.SENDER_ADMIN, "", "");
        ReportModel model = new ReportBuilder(f.analysis(), ReportOptions.defaults()
                .withGeneratedAt(SampleReportData.GENERATED)).rawRows(f.rawRows()).build();
        String html = new String(ReportTestSupport.render(ReportFormat.HTML, model, "bidi-rtl-two"),
                StandardCharsets.UTF_8);
        int n = model.recipientDomains().stream().map(s -> s.domain()).toList().indexOf(DOMAIN);
        assertTrue(n >= 0, html);
        assertTrue(html.contains("<h3 id=\"domain-" + n + "\" dir=\"ltr\">" + DOMAIN + "</h3>"), html);
        assertTrue(html.contains("<a href=\"#domain-" + n + "\" dir=\"ltr\">" + DOMAIN + "</a>"), html);
    }

    @Test
    void repliesRelaysAndEvidenceLinesAreIsolatedEachOnTheirOwn() throws IOException {
        String html = html();
        assertTrue(html.contains("<td><code dir=\"ltr\">" + esc(REPLY) + "</code></td>"), html);
        // the relay host may break after each dot
        assertTrue(html.contains("<bdi dir=\"ltr\">mx.<wbr>דוגמה.<wbr>example</bdi> "
                + "[<bdi dir=\"ltr\">192.0.2.7</bdi>]"), html);
        // one run per line: a line of the pre must not run on into the next
        assertTrue(html.contains("<pre><bdi dir=\"ltr\">" + EVIDENCE_1 + "</bdi>\n<bdi dir=\"ltr\">"
                + esc(EVIDENCE_2) + "</bdi></pre>"), html);
        assertTrue(html.contains("MX_LOOKUP_FAILED · <bdi dir=\"ltr\">" + DOMAIN + "</bdi> · "), html);
        assertTrue(html.contains("<td class=\"n muted\">3</td><td><code dir=\"ltr\">"), "raw rows: " + html);
        assertTrue(html.contains("Columns: <bdi dir=\"ltr\">Date/Time</bdi>, <bdi dir=\"ltr\">Internal Message ID"
                + "</bdi>"), html);
    }

    @Test
    void everyRightToLeftValueIsInsideAnIsolateButTheTitleElementWhichHoldsNoMarkup() throws IOException {
        String html = html();
        assertEquals(List.of("title:Email delivery report — " + DOMAIN), looseRightToLeftText(html));
        // sentences of ours that quote a value: the value is a run of its own, a longer name holding it is left whole
        assertTrue(html.contains("<b>The MX records of <bdi dir=\"ltr\">" + DOMAIN + "</bdi> could not be looked "
                + "up.</b>"), html);
        assertTrue(html.contains("The one message to <bdi dir=\"ltr\">" + DOMAIN + "</bdi> bounced"), html);
    }

    @Test
    void quotedValuesAreFoundOnlyAsWholeNames() {
        assertEquals("Host <bdi dir=\"ltr\">mx.a.example</bdi> of <bdi dir=\"ltr\">a.example</bdi>.",
                HtmlReportRenderer.quoting("Host mx.a.example of a.example.", List.of("a.example", "mx.a.example")));
        assertEquals("Host mx.a.example, <bdi dir=\"ltr\">a.example</bdi>&#39;s",
                HtmlReportRenderer.quoting("Host mx.a.example, a.example's", List.of("a.example")));
        assertEquals("x.a.example.org &lt;b&gt;",
                HtmlReportRenderer.quoting("x.a.example.org <b>", List.of("a.example")));
    }

    @Test
    void ourOwnWordingIsUnchangedAndCarriesNoDirection() throws IOException {
        String html = html();
        assertTrue(html.contains("<html lang=\"en\">"), "the document stays English, left to right");
        assertFalse(html.contains("dir=\"rtl\"") || html.contains("dir=\"auto\""), html);
        // one domain: its team is named as in the PDF, the domain a left-to-right run of its own
        assertTrue(html.contains("<h2 id=\"mail-team\">For the mail team of <bdi dir=\"ltr\">דוגמה.example</bdi></h2>\n<p>"
                + esc(ReportWording.of(ReportTexts.english()).get("intro.mailTeam") + " "
                + ReportWording.of(ReportTexts.english()).get("intro.mailTeam.refusedBeforeContent")) + "</p>"), html);
        assertTrue(html.contains("<p class=\"small muted\">1 message: 0 delivered, 1 bounced, 0 deferred, "
                + "0 received only</p>"), html);
        assertTrue(html.contains("<th>Status line, exactly as logged</th>"), html);
        assertTrue(html.contains("<div>Fix: Fix the zone.</div>"), html);
        assertTrue(html.contains("<dt>Rows read</dt><dd>2</dd>"), html);
    }

    @Test
    void scopeValuesAreIsolatedOneByOne() throws IOException {
        ReportFixture f = new ReportFixture("log.csv");
        f.message("<m1@host.example>", RECIPIENT).received().receivedOnly();
        ReportModel model = new ReportBuilder(f.analysis(), ReportOptions.defaults()
                .withDomains(Set.of(DOMAIN, "b.example"))).rawRows(f.rawRows()).build();
        String html = new String(ReportTestSupport.render(ReportFormat.HTML, model, "bidi-scope"),
                StandardCharsets.UTF_8);
        assertTrue(html.contains("<dt>Recipient domains</dt><dd><bdi dir=\"ltr\">b.example</bdi>, <bdi dir=\"ltr\">"
                + DOMAIN + "</bdi></dd>"), html);
    }

    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z0-9]+)([^>]*)>");
    private static final Set<String> VOID = Set.of("br", "wbr", "meta", "hr", "img", "link", "input");

    /**
     * Each run of text holding a Hebrew letter that has no {@code bdi} or {@code dir} element around it, as
     * "innermost-element:text".
     */
    private static List<String> looseRightToLeftText(String html) {
        List<String> loose = new ArrayList<>();
        Deque<String> open = new ArrayDeque<>();
        Deque<Boolean> isolating = new ArrayDeque<>();
        int isolates = 0;
        int last = 0;
        Matcher tag = TAG.matcher(html);
        while (tag.find()) {
            String text = html.substring(last, tag.start());
            if (isolates == 0 && text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                    == Character.UnicodeScript.HEBREW)) {
                loose.add(open.peek() + ":" + text);
            }
            last = tag.end();
            String name = tag.group(2).toLowerCase(java.util.Locale.ROOT);
            if (VOID.contains(name)) {
                continue;
            }
            if (tag.group(1).isEmpty()) {
                boolean iso = name.equals("bdi") || tag.group(3).contains(" dir=");
                open.push(name);
                isolating.push(iso);
                isolates += iso ? 1 : 0;
                if (name.equals("style")) {
                    last = html.indexOf("</style>", last);
                    tag.region(last, html.length());
                }
            } else {
                assertEquals(name, open.pop(), "well nested at " + tag.start());
                isolates -= isolating.pop() ? 1 : 0;
            }
        }
        return loose;
    }
}
