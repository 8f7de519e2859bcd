package org.mailpath.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.report.ReportBuilder;
import org.mailpath.engine.report.ReportFixture;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.ReportOptions;

/**
 * The review: a report of one message copied to multi.example (2) and other.example (1) said "1 message to 3
 * recipients (3 copies)" and "2 copies / 1 copy" in its bars, but its "Recipient domains" table headed the counts
 * "Messages" (2 and 1). In a report of the copies of one message the column says copies; otherwise messages.
 */
class CopiesDomainTableTest {

    private static ReportFixture copies() {
        ReportFixture f = new ReportFixture("copies2.csv");
        for (String to : new String[] {"a@multi.example", "b@multi.example", "c@other.example"}) {
            f.message("<copy1@acme.example>", to).received()
                    .delivery("mx.multi.example", "192.0.2.70", "250 2.0.0 Ok", "TLSv1.3:TLS_AES_256_GCM_SHA384")
                    .delivered();
        }
        f.message("<other@acme.example>", "d@multi.example").received()
                .delivery("mx.multi.example", "192.0.2.70", "250 2.0.0 Ok", "TLSv1.3:TLS_AES_256_GCM_SHA384")
                .delivered();
        return f;
    }

    private static String html(ReportModel m) throws Exception {
        return new String(ReportTestSupport.render(ReportFormat.HTML, m, "copies-table"), StandardCharsets.UTF_8);
    }

    private static String pdf(ReportModel m) throws Exception {
        try (PDDocument d = Loader.loadPDF(ReportTestSupport.render(ReportFormat.PDF, m, "copies-table"))) {
            return new PDFTextStripper().getText(d);
        }
    }

    @Test
    void theDomainTableOfCopiesCountsCopies() throws Exception {
        ReportFixture f = copies();
        ReportModel m = new ReportBuilder(f.analysis(), ReportOptions.defaults()
                .withMessageIds(Set.of("<copy1@acme.example>"))).build();
        assertTrue(m.title().copiesOfOneMessage());
        String html = html(m);
        assertTrue(html.contains("<th class=\"n\">Copies</th>"), html);
        assertFalse(html.contains("<th class=\"n\">Messages</th>"), html);
        String pdf = pdf(m);
        assertTrue(pdf.contains("Domain Copies Delivered"), pdf);

        ReportModel sv = new ReportBuilder(f.analysis(), ReportOptions.defaults()
                .withLanguage(Locale.forLanguageTag("sv")).withMessageIds(Set.of("<copy1@acme.example>"))).build();
        assertTrue(html(sv).contains("<th class=\"n\">Exemplar</th>"), html(sv));

        // messages of several Message ID Headers are messages
        ReportModel all = new ReportBuilder(f.analysis(), ReportOptions.defaults()).build();
        String allHtml = html(all);
        assertTrue(allHtml.contains("<th class=\"n\">Messages</th>"), allHtml);
        assertFalse(allHtml.contains("<th class=\"n\">Copies</th>"), allHtml);
    }
}
