package org.mailpath.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.report.ReportBuilder;
import org.mailpath.engine.report.ReportFixture;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.ReportOptions;
import org.mailpath.engine.report.SampleReportData;
import org.mailpath.engine.status.Category;
import org.mailpath.report.html.HtmlReportRenderer;
import org.mailpath.report.json.JsonReportRenderer;

class HtmlJsonTextRendererTest {

    private final SampleReportData data = SampleReportData.create();

    @Test
    void htmlIsSelfContainedAndEscapesHostileText() throws IOException {
        String html = sampleHtml();
        assertFalse(html.contains("<script"), "no script element, hostile or not");
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &quot;quoted&quot; &amp; rejected"));
        assertFalse(html.contains("http://") || html.contains("src="), "no external resources");
        assertTrue(html.contains("@media print"));
        for (MessageChain c : data.analysis().chains()) {
            assertTrue(html.contains(org.mailpath.report.html.HtmlReportRenderer.esc(c.messageIdHeader())));
        }
        assertTrue(html.contains("müller@bücher.example"));
    }

    @Test
    void htmlContentSecurityPolicyAllowsOnlyInlineStylesAndComesBeforeAnyContent() throws IOException {
        String html = sampleHtml();
        java.util.regex.Matcher csp = java.util.regex.Pattern.compile(
                "<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">").matcher(html);
        assertTrue(csp.find(), "a CSP meta element");
        assertTrue(csp.start() < html.indexOf("<title>"), "before the title and any log text");
        List<String> directives = java.util.Arrays.stream(csp.group(1).split(";")).map(String::strip).toList();
        // default-src does not cover base-uri and form-action: each must be closed by name
        assertEquals(List.of("default-src 'none'", "style-src 'unsafe-inline'", "base-uri 'none'",
                "form-action 'none'"), directives);
    }

    @Test
    void htmlDrawsEachSummaryBarAsLongAsItsShareOfAllMessages() throws IOException {
        // the review: bars were scaled to the largest count, so "Bounced (22 %)" was drawn at 40 % of the track
        String html = sampleHtml();
        java.util.regex.Matcher bar = java.util.regex.Pattern.compile(
                "style=\"width:([0-9.]+)%;[^\"]*\"></div></div><b>([0-9]+) \\(([0-9]+) %\\)</b>").matcher(html);
        long total = 0;
        List<double[]> bars = new java.util.ArrayList<>();
        while (bar.find()) {
            long n = Long.parseLong(bar.group(2));
            total += n;
            bars.add(new double[] {Double.parseDouble(bar.group(1)), n, Long.parseLong(bar.group(3))});
        }
        assertEquals(4, bars.size(), html);
        for (double[] b : bars) {
            assertEquals(100.0 * b[1] / total, b[0], 0.051, "the width is the count's share of " + total);
            assertEquals(b[2], b[0], 0.5 + 1e-9, "the width agrees with the percentage beside it");
        }
    }

    @Test
    void htmlCountsADomainsSingleMessageInTheSingular() throws IOException {
        // the HTML said "1 messages:" where the PDF said "1 message:"
        String html = sampleHtml();
        assertTrue(html.contains(">1 message: 1 delivered, 0 bounced, 0 deferred, 0 received only</p>"), html);
        assertTrue(html.contains(">3 messages: 1 delivered, 2 bounced, 0 deferred, 0 received only</p>"), html);
        assertFalse(html.contains(">1 messages"), html);
    }

    @Test
    void htmlLetsLongTokensFromTheLogBreakInEveryBoxTheyLandIn() throws IOException {
        // a 300-character relay host, recipient or domain widened its table past the page; only code and pre broke
        String html = sampleHtml();
        String css = html.substring(html.indexOf("<style>"), html.indexOf("</style>"));
        // every box inherits it from the body (a list of boxes left out the Contents links; HtmlLongValueWrapTest)
        assertTrue(java.util.regex.Pattern.compile("\\bbody\\{[^}]*overflow-wrap:anywhere[;}]").matcher(css).find(),
                css);
        assertTrue(css.contains(".finding>div{min-width:0}"), "a grid column may shrink below its longest token");
    }

    @Test
    void everyFormatSaysTlsOnceBeforeACipherAndNotBeforeAnInternalHandOff() throws IOException {
        ReportFixture f = new ReportFixture("tls.csv");
        f.message("<m1@host.example>", "anna@shop.example").received().internalHandoff()
                .delivery("mx.shop.example", "192.0.2.7", "250 2.0.0 Ok", "TLSv1.3:TLS_AES_256_GCM_SHA384").delivered();
        f.message("<m2@host.example>", "bo@shop.example").received()
                .delivery("mx.shop.example", "192.0.2.7", "250 2.0.0 Ok", "ECDHE-RSA-AES256-GCM-SHA384").delivered();
        ReportModel model = f.model();
        String text = new String(ReportTestSupport.render(ReportFormat.TEXT, model, "tls"), StandardCharsets.UTF_8);
        String html = new String(ReportTestSupport.render(ReportFormat.HTML, model, "tls"), StandardCharsets.UTF_8);
        for (String out : List.of(text, html)) {
            assertTrue(out.contains("TLSv1.3:TLS_AES_256_GCM_SHA384"), out);
            assertFalse(out.contains("TLS TLSv1.3"), out);
            assertTrue(out.contains("TLS ECDHE-RSA-AES256-GCM-SHA384"), out);
            assertFalse(out.contains("TLS internal"), out);
        }
    }

    @Test
    void htmlTablesScrollOnANarrowScreenAndOurWordsBreakOnlyBetweenWords() throws IOException {
        // on a phone every column was squeezed until words broke letter by letter ("Salesfo / rce")
        String html = sampleHtml();
        int tables = html.split("<table>", -1).length - 1;
        assertTrue(tables >= 3, "tables: " + tables);
        assertEquals(tables, html.split("<div class=\"wide\"><table>", -1).length - 1, "each table in its scroller");
        assertEquals(tables, html.split("</table></div>", -1).length - 1);
        String css = html.substring(html.indexOf("<style>"), html.indexOf("</style>"));
        assertTrue(css.contains("@media screen{.wide{overflow-x:auto}}"), "scrolls on screen, prints whole");
        assertTrue(css.contains(".wide table{min-width:680px}"), css);
        assertTrue(css.contains("th,td.ours{overflow-wrap:normal}"), css);
        assertTrue(html.contains("</td><td class=\"ours\">Recipient&#39;s mail team</td>"), "the causes' actor cell");
    }

    @Test
    void htmlContentsListTheAppendixWhenItHoldsOnlyTheNoteOnUnreadableRows() throws IOException {
        // the section was there, saying why the rows are missing, but the contents did not lead to it
        ReportModel model = new ReportBuilder(data.analysis(), ReportOptions.defaults())
                .rawRows(new org.mailpath.engine.report.LogFileRawRows(java.nio.file.Path.of("no-such-dir", "x.csv")))
                .build();
        assertTrue(model.appendix().rows().isEmpty() && model.appendix().note().isPresent());
        String html = new String(ReportTestSupport.render(ReportFormat.HTML, model, "appendix-note"),
                StandardCharsets.UTF_8);
        assertTrue(html.contains("<h2 id=\"appendix\">"), "the section");
        assertTrue(html.contains("<a href=\"#appendix\">"), "its contents entry");
    }

    @Test
    void htmlEscapingCoversQuotesAndControlCharacters() {
        assertEquals("&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;[U+001B]",
                org.mailpath.report.html.HtmlReportRenderer.esc("<a href=\"x\" onclick='y'>\u001b"));
    }

    @Test
    void htmlShowsBidiInvisibleAndSeparatorCharactersInsteadOfObeyingThem() throws IOException {
        // U+202E made "gnp.exe" read as "exe.png"; U+2028, U+200B, U+FEFF and a lone surrogate were written as they are
        assertEquals("[U+202E]gnp.exe[U+202C] [U+2028][U+2029][U+200B][U+FEFF][U+2066]x[U+2069] [U+D800] 👨\u200D👩",
                HtmlReportRenderer.esc("\u202Egnp.exe\u202C \u2028\u2029\u200B\uFEFF\u2066x\u2069 \uD800 👨\u200D👩"));
        ReportFixture f = new ReportFixture("bidi.csv");
        f.message("<m1@host.example>", "bob@\u202Eelpmaxe.moc").received()
                .permanentFailure("mx.x.example", "192.0.2.1", "550 \u202Egnp.exe\u2028\u200Bbob\uD800")
                .bounced(Category.RECIPIENT, Actor.SENDER_ADMIN, "", "");
        ReportModel model = f.model();
        String html = new String(ReportTestSupport.render(ReportFormat.HTML, model, "bidi"), StandardCharsets.UTF_8);
        for (String hidden : new String[] {"\u202E", "\u2028", "\u200B"}) {
            assertFalse(html.contains(hidden), () -> "raw U+" + Integer.toHexString(hidden.charAt(0)));
        }
        assertFalse(html.contains("bob?"), "a lone surrogate is not turned into '?' by the encoder");
        assertTrue(html.contains("<title>Email delivery report — [U+202E]elpmaxe.moc</title>"), html);
        assertTrue(html.contains("550 [U+202E]gnp.exe[U+2028][U+200B]bob[U+D800]"), html);
    }

    @Test
    void textNoteShowsLineSeparatorsAndLoneSurrogatesInsteadOfBreakingOnThem() throws IOException {
        // U+2028 broke the pasted note's line in some mail clients; a lone surrogate became '?'
        ReportFixture f = new ReportFixture("sep.csv");
        f.message("<m1@host.example>", "bob@x.example").received()
                .permanentFailure("mx.x.example", "192.0.2.1", "550 5.1.1\u2028forged line\u2029 bob\uD800 \u202Ex")
                .bounced(Category.RECIPIENT, Actor.SENDER_ADMIN, "", "");
        ReportModel model = f.model();
        String text = new String(ReportTestSupport.render(ReportFormat.TEXT, model, "sep"), StandardCharsets.UTF_8);
        assertTrue(text.contains("      550 5.1.1[U+2028]forged line[U+2029] bob[U+D800] [U+202E]x\n"), text);
        assertFalse(text.contains("\u2028") || text.contains("\u2029") || text.contains("bob?"), text);
    }

    @Test
    void redactedHtmlJsonAndTextShowNoLocalParts() throws IOException {
        for (ReportFormat f : new ReportFormat[] {ReportFormat.HTML, ReportFormat.JSON, ReportFormat.TEXT}) {
            String out = new String(ReportTestSupport.render(f, data.model(true), "sample-redacted"),
                    StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            for (String local : SampleReportData.LOCAL_PARTS) {
                assertFalse(out.contains(local + "@"), f + ": " + local);
            }
            assertFalse(out.contains("0055g00000abcde"), f + ": user ID");
            assertTrue(out.contains("j***@contoso.example"), f.name());
            if (f == ReportFormat.HTML) {
                assertTrue(out.contains("except that the local parts of addresses are masked"),
                        "the appendix does not claim its masked rows are exactly as in the file");
                assertTrue(out.contains("status line as logged, addresses masked"), "nor that its replies are");
            }
        }
    }

    @Test
    void jsonIsTheModel() throws IOException {
        byte[] json = ReportTestSupport.render(ReportFormat.JSON, data.model(false), "sample");
        JsonNode root = JsonReportRenderer.mapper().readTree(json);
        assertEquals("EmailLog_2026-11-20.csv", root.at("/title/fileName").asText());
        assertEquals("2026-11-23T16:00:00Z", root.at("/title/generatedAt").asText());
        assertEquals(3, root.at("/summary/verdicts/BOUNCED").asInt());
        assertEquals("contoso.example", root.at("/recipientDomains/0/domain").asText());
        assertTrue(root.at("/recipientDomains/0/messages/0/messageIdHeader").asText().startsWith("<2026"));
        assertEquals(17, root.at("/appendix/rows").size());
        assertTrue(root.at("/ownSide/empty").isMissingNode());
        assertEquals("en", root.get("language").asText(), "the language of its texts, as a tag");
    }

    @Test
    void jsonFieldNamesAndOrderAreStable() throws IOException {
        // scripts read these names: a renamed or reordered record component must fail here, not in a user's script
        JsonNode root = JsonReportRenderer.mapper().readTree(
                ReportTestSupport.render(ReportFormat.JSON, data.model(false), "sample"));
        assertEquals(List.of("title", "conclusion", "summary", "recipientDomains", "ownSide", "appendix",
                "language", "addressedToMailTeam"), names(root));
        assertEquals(List.of("title", "fileName", "periodStart", "periodEnd", "rows", "rejectedRows",
                "messagesInFile", "messagesIncluded", "generatedAt", "version", "redacted", "scope", "fileNames",
                "joinedByGuess", "maybeCountedTwice", "withoutTlsColumn", "deliveriesMaybeHandoffs", "copiesLeftOut",
                "readDayFirst"),
                names(root.get("title")));
        assertEquals(List.of("verdicts", "deliveredAfterRetry", "causes", "domains", "staleDeferrals",
                "staleReceived"),
                names(root.get("summary")));
        assertEquals(List.of("domain", "counts", "messages", "findings", "nameServers", "notChecked"),
                names(root.at("/recipientDomains/0")));
        assertEquals(List.of("category", "label", "bounced", "deferred", "actor", "explanation", "remediation",
                "meaning", "domains", "rules", "mailTeamMeaning", "mailTeamRemediation"),
                names(root.at("/summary/causes/0")));
        assertEquals(List.of("messageIdHeader", "internalMessageId", "recipient", "sender", "userId", "verdict",
                "retries", "category", "explanation", "remediation", "actor", "received", "lastTransient",
                "delivered", "failed", "relayHost", "relayAddress", "tls", "events", "addressProblem",
                "retriesBeforeDelivery", "mailTeamRemediation", "mailTeamExplanation", "stale", "joinedByGuess",
                "maybeCountedTwice", "sizeBytes", "staleReceived", "basicCodeOnly"),
                names(root.at("/recipientDomains/0/messages/0")));
        assertEquals(List.of("line", "time", "event", "internalHandoff", "stage", "relayHost", "relayAddress", "tls",
                "status", "file"), names(root.at("/recipientDomains/0/messages/0/events/0")));
        assertEquals(List.of("code", "severity", "subject", "message", "evidence", "remediation", "actor",
                "mailTeamRemediation"), names(root.at("/recipientDomains/0/findings/0")));
        assertEquals(List.of("domains", "otherFindings"), names(root.get("ownSide")));
        assertEquals(List.of("header", "rows", "note", "files"), names(root.get("appendix")));
    }

    @Test
    void jsonStaysValidForControlCharactersAndLoneSurrogates() throws IOException {
        String hostile = "550 \u0000\u001b[31m \u2028 \uD800 \uDFFF \u202E\"quoted\\";
        ReportFixture f = new ReportFixture("hostile.csv");
        f.message("<m1@host.example>", "bob@x.example").received()
                .permanentFailure("mx.x.example", "192.0.2.1", hostile)
                .bounced(Category.RECIPIENT, Actor.SENDER_ADMIN, "", "");
        ReportModel model = f.model();
        byte[] json = ReportTestSupport.render(ReportFormat.JSON, model, "hostile");
        java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(json)); // strict UTF-8
        JsonNode root = JsonReportRenderer.mapper().readTree(json);
        assertEquals(hostile, root.at("/recipientDomains/0/messages/0/events/1/status").asText(), "kept whole");
    }

    @Test
    void jsonEscapesC1BidiTagAndInvisibleCharactersAndKeepsThemExactly() throws IOException {
        // a C1 CSI (U+009B) and NEL, bidi embeddings, overrides and isolates, tag characters, a soft hyphen, a ZWSP:
        // written as they were, they reached the terminal of whoever looked at the report with cat
        String hostile = "550 \u009B2J\u0085 \u202Auser\u202E \u2066x\u2069 \uDB40\uDC41\uDB40\uDC7F \u00AD\u200B"
                + " Grüße 日本 😀";
        ReportFixture f = new ReportFixture("hostile.csv");
        f.message("<m1@host.example>", "bob@x.example").received()
                .permanentFailure("mx.x.example", "192.0.2.1", hostile)
                .bounced(Category.RECIPIENT, Actor.SENDER_ADMIN, "", "");
        byte[] json = ReportTestSupport.render(ReportFormat.JSON, f.model(), "hostile");
        String written = new String(json, java.nio.charset.StandardCharsets.UTF_8);
        written.codePoints().filter(c -> c != '\n' && c != '\r').filter(VisibleText::hidden).findFirst()
                .ifPresent(c -> fail(String.format("raw U+%04X in %s", c, written)));
        assertTrue(written.contains("550 \\u009B2J\\u0085 \\u202Auser\\u202E \\u2066x\\u2069 \\uDB40\\uDC41"), written);
        assertTrue(written.contains(" Grüße 日本 \\uD83D\\uDE00"), "only what is hidden is escaped: " + written);
        JsonNode root = JsonReportRenderer.mapper().readTree(json);
        assertEquals(hostile, root.at("/recipientDomains/0/messages/0/events/1/status").asText(), "kept whole");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void textNoteIsForTheMailTeam() throws IOException {
        String text = new String(ReportTestSupport.render(ReportFormat.TEXT, data.model(false), "sample"),
                StandardCharsets.UTF_8);
        assertTrue(text.startsWith("Hello,"));
        for (MessageChain c : data.analysis().chains()) {
            assertTrue(text.contains("Message ID Header: " + c.messageIdHeader()), c.messageIdHeader());
        }
        assertTrue(text.contains("554 5.4.4 [internal] Domain Lookup Failed"));
    }

    /**
     * The review: the note (and the app's preview of it) left out our own side, which the PDF and HTML have, while its
     * conclusion counted our problems ("… and 2 on ours"). It is in, where the PDF has it: after the recipients'
     * domains, before the raw rows; its records to publish and findings with their fixes, a passed check alone.
     */
    @Test
    void textNoteHasOurOwnSideAsThePdfAndHtmlDo() throws IOException {
        ReportModel model = data.model(false);
        String text = new String(ReportTestSupport.render(ReportFormat.TEXT, model, "sample"),
                StandardCharsets.UTF_8);
        assertTrue(model.conclusion().contains(" and 2 on ours."), model.conclusion());
        int own = text.indexOf("\nFor our own side: SPF, DKIM and DMARC\n=====");
        assertTrue(own > text.lastIndexOf("Message ID Header: ") && own < text.indexOf("Log rows of these messages"),
                text);
        String part = text.substring(own, text.indexOf("Log rows of these messages"));
        assertTrue(part.contains("\nacme.example\n------------\nPublish these records in our DNS exactly as shown:\n"
                + "    sfdc1._domainkey.acme.example. CNAME sfdc1.k3x9p2.custdkim.salesforce.com.\n"), part);
        assertTrue(part.contains("\n[PROBLEM] The DKIM key sfdc1 is not published: sfdc1._domainkey.acme.example does"
                + " not exist. (DKIM_CNAME_MISSING)\n    sfdc1._domainkey.acme.example. IN CNAME ? → NXDOMAIN from"
                + " 192.0.2.1\n  Fix: "), part);
        assertTrue(part.contains("(DMARC_POLICY_NONE)"), part);
        assertTrue(part.contains("(SPF_OK)\n"), part);
        // the HTML has the same findings in the same part
        String html = sampleHtml();
        assertTrue(html.contains("DKIM_CNAME_MISSING") && html.contains("DMARC_POLICY_NONE"));
    }

    private String sampleHtml() throws IOException {
        return new String(ReportTestSupport.render(ReportFormat.HTML, data.model(false), "sample"),
                StandardCharsets.UTF_8);
    }
}
