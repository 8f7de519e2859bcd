package org.mailpath.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.report.SampleReportData;
import org.mailpath.report.json.JsonReportRenderer;

class HtmlJsonTextRendererTest {

    private final SampleReportData data = SampleReportData.create();

    @Test
    void htmlIsSelfContainedAndEscapesHostileText() throws IOException {
        String html = new String(ReportTestSupport.render(ReportFormat.HTML, data.model(false), "sample"),
                StandardCharsets.UTF_8);
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
    void htmlEscapingCoversQuotesAndControlCharacters() {
        assertEquals("&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;[U+001B]",
                org.mailpath.report.html.HtmlReportRenderer.esc("<a href=\"x\" onclick='y'>\u001b"));
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
        assertFalse(text.contains("DKIM_CNAME_MISSING"), "our own side is not for them");
    }
}
