package org.mailpath.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.report.RecipientDomainSection;
import org.mailpath.report.ReportWording;

/**
 * Printing keeps what belongs together on one page. The review found, in Chromium's print to PDF, a domain's heading
 * and its count line stranded at the bottom of a page with its table on the next, and a message's header row at
 * the bottom of a page with its events on the next, which then opened with bare event rows.
 */
class HtmlPrintBreaksTest {

    @Test
    void aDomainsHeadingAndCountLineAreOneBlockKeptWithTheTableAfterIt() throws IOException {
        for (HtmlSamples.Sample s : HtmlSamples.all()) {
            RenderedHtml page = s.rendered();
            ReportWording words = ReportWording.of(s.model());
            List<RecipientDomainSection> listed = ReportWording.domainsListed(s.model());
            Set<String> countLines = listed.stream().map(d -> HtmlReportRenderer.esc(words.domainCounts(d)))
                    .collect(Collectors.toSet());
            List<RenderedHtml.Element> counts = page.elements("p").stream()
                    .filter(p -> countLines.contains(p.text())).toList();
            assertEquals(listed.size(), counts.size(), s.name());
            for (RenderedHtml.Element p : counts) {
                RenderedHtml.Element block = p.parent().orElseThrow();
                assertEquals("div", block.name(), s.name() + ": " + p);
                assertEquals("avoid", page.style(block, "break-inside", RenderedHtml.PRINT), block.toString());
                assertEquals("avoid", page.style(block, "break-after", RenderedHtml.PRINT), block.toString());
                // with several domains each has its heading, in the block before its count line
                List<RenderedHtml.Element> inside = block.elements();
                assertEquals(s.model().addressedToMailTeam() ? List.of(p) : List.of(inside.getFirst(), p), inside);
                assertTrue(s.model().addressedToMailTeam() || inside.getFirst().name().equals("h3"), block.toString());
            }
        }
    }

    @Test
    void eachMessagesRowsAreARowGroupThatKeepsItsHeaderRowWithItsEvents() throws IOException {
        boolean short_ = false;
        boolean long_ = false;
        for (HtmlSamples.Sample s : HtmlSamples.all()) {
            RenderedHtml page = s.rendered();
            List<RenderedHtml.Element> groups = page.elements("tr", "group");
            assertEquals(s.model().recipientDomains().stream().mapToInt(d -> d.messages().size()).sum(),
                    groups.size(), s.name());
            for (RenderedHtml.Element tr : groups) {
                RenderedHtml.Element body = tr.parent().orElseThrow();
                assertEquals("tbody", body.name(), tr.toString());
                assertSame(tr, body.elements().getFirst(), "the header row opens its group");
                assertEquals(1, body.elements().stream().filter(r -> r.is("tr", "group")).count(),
                        "one message a group: " + body);
                assertEquals("avoid", page.style(tr, "break-after", RenderedHtml.PRINT), tr.toString());
                int rows = body.elements().size() - 1;
                boolean whole = rows <= HtmlReportRenderer.SHORT_MESSAGE_ROWS;
                assertEquals(whole ? "avoid" : "auto", page.style(body, "break-inside", RenderedHtml.PRINT),
                        rows + " rows: " + body);
                short_ |= whole;
                long_ |= !whole;
            }
        }
        assertTrue(short_ && long_, "both kinds of message were printed");
    }
}
