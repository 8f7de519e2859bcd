package org.mailpath.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * An event's time stays readable in a narrow column: the date and the time each unbroken, on two lines at most.
 * The review found "2026-11-" / "16" / "09:04:07" in print and at 375 px.
 */
class HtmlTimeCellTest {

    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");

    @Test
    void theDateAndTheTimeEachStayWholeAndMayGoOnTwoLines() throws IOException {
        for (HtmlSamples.Sample s : HtmlSamples.all()) {
            RenderedHtml page = s.rendered();
            List<RenderedHtml.Element> cells = page.elements("td").stream()
                    .filter(td -> DATE_TIME.matcher(td.text()).matches()).toList();
            assertTrue(cells.size() >= 3, s.name());
            for (RenderedHtml.Element td : cells) {
                List<RenderedHtml.Element> parts = td.elements();
                assertEquals(2, parts.size(), "a date and a time: " + td);
                String[] dateAndTime = td.text().split(" ");
                for (int i = 0; i < 2; i++) {
                    assertEquals("span", parts.get(i).name(), td.toString());
                    assertEquals(dateAndTime[i], parts.get(i).text(), td.toString());
                }
                for (Set<String> media : List.of(RenderedHtml.SCREEN, RenderedHtml.PHONE, RenderedHtml.PRINT)) {
                    for (RenderedHtml.Element part : parts) {
                        assertEquals("nowrap", page.style(part, "white-space", media), media + " " + td);
                    }
                    assertNotEquals("nowrap", page.style(td, "white-space", media), "the two may go on two lines");
                }
            }
        }
    }

    @Test
    void theDateAndTheTimeAreEscapedAndSplitAtTheirSpace() {
        assertEquals("<span>2026-11-16</span> <span>09:04:07</span>", HtmlReportRenderer.time("2026-11-16 09:04:07"));
        assertEquals("<span>&lt;b&gt;</span>", HtmlReportRenderer.time("<b>"));
    }
}
