package org.mailpath.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Heading levels nest without gaps, for a screen reader's outline (WCAG 2.2, technique G141): the review found
 * {@code <h1>} then {@code <h4>Contents}, and {@code <h2>Summary} then {@code <h4>}. The headings that moved up a
 * level keep the look they had.
 */
class HtmlHeadingLevelsTest {

    @Test
    void eachHeadingIsAtMostOneLevelBelowTheOneBeforeIt() throws IOException {
        for (HtmlSamples.Sample s : HtmlSamples.all()) {
            List<RenderedHtml.Element> headings = s.rendered().elements().stream()
                    .filter(e -> e.name().matches("h[1-6]")).toList();
            assertEquals("h1", headings.getFirst().name(), s.name());
            int level = 1;
            for (RenderedHtml.Element h : headings.subList(1, headings.size())) {
                int next = h.name().charAt(1) - '0';
                assertTrue(next >= 2 && next <= level + 1, s.name() + ": h" + level + " then " + h);
                level = next;
            }
        }
    }

    @Test
    void theContentsAndTheMinorHeadingsLookAsTheyDidAsH4() throws IOException {
        for (HtmlSamples.Sample s : HtmlSamples.all()) {
            RenderedHtml page = s.rendered();
            RenderedHtml.Element contents = page.elements("nav").getFirst().elements().getFirst();
            assertEquals("h2", contents.name(), contents.toString());
            // the headings that were h4 (the Contents, the summary's and a lone domain's parts) and the h4 left
            List<RenderedHtml.Element> minor = page.elements().stream()
                    .filter(e -> e.classes().contains("minor") || e.name().equals("h4")).toList();
            assertTrue(minor.contains(contents) && minor.size() >= 2, s.name() + " " + minor);
            for (RenderedHtml.Element h : minor) {
                assertEquals("13.5px", page.style(h, "font-size", RenderedHtml.SCREEN), h.toString());
                assertEquals("18px 0 6px", page.style(h, "margin", RenderedHtml.SCREEN), h.toString());
                assertNotEquals("page", page.style(h, "break-before", RenderedHtml.PRINT), h.toString());
            }
            assertEquals(page.style(page.elements("body").getFirst(), "color", RenderedHtml.SCREEN),
                    page.style(contents, "color", RenderedHtml.SCREEN), "the Contents heading in the text's colour");
        }
    }
}
