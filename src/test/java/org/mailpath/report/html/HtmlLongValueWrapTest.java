package org.mailpath.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A name from the log (a valid 52- or 108-character domain, an address, a message id, a host) may break anywhere in
 * every box it lands in. The review found the Contents links left out of the list of boxes that may: a long
 * recipient domain made the page scroll sideways at 375 px and Chrome shrank every printed page to about 65 %;
 * with one domain the mail team's heading and the conclusion that name it did the same.
 */
class HtmlLongValueWrapTest {

    @Test
    void everyValueFromOutsideMayBreakAnywhereOnScreenOnAPhoneAndInPrint() throws IOException {
        for (HtmlSamples.Sample s : HtmlSamples.all()) {
            RenderedHtml page = s.rendered();
            List<RenderedHtml.Element> values = page.elements().stream()
                    .filter(e -> e.name().equals("bdi") || "ltr".equals(e.attributes().get("dir"))
                            || e.name().equals("code") || e.name().equals("pre"))
                    .toList();
            assertTrue(values.size() > 10, s.name());
            for (Set<String> media : List.of(RenderedHtml.SCREEN, RenderedHtml.PHONE, RenderedHtml.PRINT)) {
                for (RenderedHtml.Element e : values) {
                    assertEquals("anywhere", page.style(e, "overflow-wrap", media),
                            s.name() + " " + media + ": " + e.path().reversed().stream().map(RenderedHtml.Element::name)
                                    .toList() + " " + e);
                }
            }
        }
    }

    @Test
    void theContentsLinkToALongDomainIsAmongThem() throws IOException {
        HtmlSamples.Sample s = HtmlSamples.all().stream().filter(x -> x.name().equals("layout-long-domain"))
                .findFirst().orElseThrow();
        RenderedHtml page = s.rendered();
        RenderedHtml.Element link = page.elements("a").stream()
                .filter(a -> a.text().equals(HtmlSamples.LONG_DOMAIN)).findFirst().orElseThrow();
        assertTrue(link.path().stream().anyMatch(e -> e.name().equals("nav")), "a Contents entry");
        for (Set<String> media : List.of(RenderedHtml.SCREEN, RenderedHtml.PRINT)) {
            assertEquals("anywhere", page.style(link, "overflow-wrap", media));
        }
    }

    @Test
    void ourOwnHeadersAndCausesStillBreakOnlyBetweenWords() throws IOException {
        // a table gives a column the width of its longest word rather than breaking "Salesforce" into "Salesfo / rce"
        RenderedHtml page = HtmlSamples.all().getFirst().rendered();
        for (RenderedHtml.Element e : page.elements().stream().filter(e -> e.name().equals("th")
                || e.is("td", "ours")).toList()) {
            assertEquals("normal", page.style(e, "overflow-wrap", RenderedHtml.PRINT), e.toString());
        }
    }
}
