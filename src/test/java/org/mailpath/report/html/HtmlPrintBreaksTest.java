package org.mailpath.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.report.MessageEntry;
import org.mailpath.engine.report.RecipientDomainSection;
import org.mailpath.report.ReportWording;

/**
 * Printing keeps what belongs together on one page. The review found, in Chromium's print to PDF, a domain's heading
 * and its count line stranded at the bottom of a page with its table on the next, and a message's header row at
 * the bottom of a page with its events on the next, which then opened with bare event rows. And a message of
 * more rows than fit on a page (40 T events) went on, page after page, with bare event rows: no column heads and
 * nothing saying whose rows they were.
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

    /**
     * A long message's rows are a table of their own: the header that printing repeats on each page of it holds,
     * under the column heads, its Message ID Header and recipient as its header row gives them (masked in a
     * redacted report). On screen that line is not shown (the header row says it), and in print the header row
     * leaves out what the line above it says; a short message, kept on one page, is as it was.
     */
    @Test
    void aLongMessagesTableHeaderNamesItOnEveryPageItRunsOnto() throws IOException {
        int longOnes = 0;
        int redactedLongOnes = 0;
        for (HtmlSamples.Sample s : HtmlSamples.all()) {
            RenderedHtml page = s.rendered();
            List<MessageEntry> messages = s.model().recipientDomains().stream()
                    .flatMap(d -> d.messages().stream()).toList();
            List<RenderedHtml.Element> bodies = page.elements("tbody", "message");
            assertEquals(messages.size(), bodies.size(), s.name());
            for (int i = 0; i < bodies.size(); i++) {
                MessageEntry m = messages.get(i);
                RenderedHtml.Element body = bodies.get(i);
                RenderedHtml.Element table = body.parent().orElseThrow();
                RenderedHtml.Element head = table.elements().getFirst();
                assertEquals("thead", head.name(), table.toString());
                assertEquals("table-header-group", page.style(head, "display", RenderedHtml.PRINT));
                RenderedHtml.Element group = body.elements().getFirst();
                RenderedHtml.Element mid = group.elements().getFirst().elements().getFirst();
                assertTrue(mid.is("div", "mid"), group.toString());
                List<RenderedHtml.Element> to = group.elements().getFirst().elements().stream()
                        .filter(e -> e.is("span", "to")).toList();
                assertEquals(1, to.size(), group.toString());
                assertTrue(to.getFirst().text().contains(HtmlReportRenderer.esc(m.recipient())), to.toString());
                boolean isLong = body.elements().size() - 1 > HtmlReportRenderer.SHORT_MESSAGE_ROWS;
                List<RenderedHtml.Element> continued = head.elements().stream()
                        .filter(r -> r.is("tr", "continued")).toList();
                if (!isLong) {
                    assertTrue(continued.isEmpty(), "a short message is not named above the column heads");
                    assertTrue(shown(page, mid, RenderedHtml.PRINT) && shown(page, to.getFirst(), RenderedHtml.PRINT));
                    continue;
                }
                longOnes++;
                redactedLongOnes += s.model().title().redacted() ? 1 : 0;
                assertEquals(List.of(body), table.elements().stream().filter(e -> e.name().equals("tbody")).toList(),
                        "a table of its own: " + s.name());
                assertEquals(2, head.elements().size(), head.toString());
                assertEquals(continued, List.of(head.elements().get(1)), "under the column heads");
                RenderedHtml.Element line = continued.getFirst();
                assertEquals(mid.text() + to.getFirst().text().replace(" &nbsp; ", ""), line.text());
                assertTrue(line.text().contains(HtmlReportRenderer.esc(m.messageIdHeader())), line.toString());
                assertTrue(shown(page, line, RenderedHtml.PRINT), "printed on every page of it");
                assertFalse(shown(page, line, RenderedHtml.SCREEN), "on screen the header row names it");
                assertFalse(shown(page, mid, RenderedHtml.PRINT) || shown(page, to.getFirst(), RenderedHtml.PRINT),
                        "printed once on its first page");
                assertTrue(shown(page, mid, RenderedHtml.SCREEN) && shown(page, to.getFirst(), RenderedHtml.SCREEN));
            }
        }
        assertTrue(longOnes > 0 && redactedLongOnes > 0, "long messages were printed, also redacted");
    }

    /** Neither {@code e} nor a box it is in is left out ({@code display:none}) in {@code media}. */
    private static boolean shown(RenderedHtml page, RenderedHtml.Element e, java.util.Set<String> media) {
        return e.path().stream().noneMatch(x -> page.style(x, "display", media).equals("none"));
    }
}
