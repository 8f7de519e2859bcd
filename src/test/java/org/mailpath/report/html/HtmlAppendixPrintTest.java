package org.mailpath.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A log row in the appendix is some 400 characters; printed at the size of the message tables' status lines, a
 * message of 2,000 events made an HTML report of 260 printed pages at eight rows a page (163 with the appendix at 7.5 pt;
 * the PDF report, its appendix at 6.6 pt, has 161).
 * Printed, the rows are in smaller type; on screen they are as they were.
 */
class HtmlAppendixPrintTest {

    @Test
    void theAppendixRowsPrintInSmallerTypeAndShowAsBeforeOnScreen() throws IOException {
        int rows = 0;
        for (HtmlSamples.Sample s : HtmlSamples.all()) {
            RenderedHtml page = s.rendered();
            List<RenderedHtml.Element> bodies = page.elements("tbody", "raw");
            assertEquals(s.model().appendix().rows().isEmpty() ? 0
                    : Math.max(1, s.model().appendix().files().size()), bodies.size(), s.name());
            for (RenderedHtml.Element body : bodies) {
                assertEquals("table", body.parent().orElseThrow().name());
                for (RenderedHtml.Element tr : body.elements()) {
                    RenderedHtml.Element line = tr.elements().getFirst();
                    RenderedHtml.Element code = tr.elements().get(1).elements().getFirst();
                    assertEquals("code", code.name(), tr.toString());
                    assertEquals("7.5pt", page.style(code, "font-size", RenderedHtml.PRINT), tr.toString());
                    assertEquals("7.5pt", page.style(line, "font-size", RenderedHtml.PRINT), "its line number too");
                    assertEquals("12px", page.style(code, "font-size", RenderedHtml.SCREEN), tr.toString());
                    assertEquals("avoid", page.style(tr, "break-inside", RenderedHtml.PRINT), "a row is not split");
                    rows++;
                }
            }
        }
        assertTrue(rows > 0, "appendix rows were printed");
        // the message tables' status lines keep their size
        RenderedHtml page = HtmlSamples.all().getFirst().rendered();
        RenderedHtml.Element status = page.elements("tbody", "message").getFirst().elements().get(1).elements()
                .get(3).elements().getFirst();
        assertEquals("code", status.name());
        assertFalse(page.style(status, "font-size", RenderedHtml.PRINT).equals("7.5pt"), status.toString());
    }
}
