package org.mailpath.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.report.ReportBuilder;
import org.mailpath.engine.report.ReportFixture;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.ReportOptions;
import org.mailpath.engine.report.SampleReportData;
import org.mailpath.engine.status.Category;

/**
 * What a review of the PDF found missing or wrong: no document language, author or title shown by the viewer;
 * long values broken after a hyphen, which pdftotext and copying drop; A4 only; and a page header 32 points from
 * the paper's top edge.
 */
class PdfPaperAndMetadataTest {

    private static final String ADDRESS = "a.very.long.local.part.for.testing.wrapping.of.addresses.in.tables"
            + "@sub.subdomain.really-long-recipient-domain.example";
    private static final String MESSAGE_ID = "<20261116-0904-long-hyphenated-message-id-with-many-parts-1234567890"
            + "@mail-relay-01.really-long-recipient-domain.example>";
    private static final String STATUS = "550 5.1.1 <" + ADDRESS + ">: Recipient address rejected: user-unknown-in"
            + "-virtual-mailbox-table-of-really-long-recipient-domain";

    private static ReportModel model(Locale language) {
        ReportFixture f = new ReportFixture("edge-log.csv");
        f.message(MESSAGE_ID, ADDRESS).received()
                .permanentFailure("mx-01.sub.subdomain.really-long-recipient-domain.example", "192.0.2.1", STATUS)
                .bounced(Category.RECIPIENT, Actor.SENDER_ADMIN, "No such user.", "Correct the address.");
        return new ReportBuilder(f.analysis(), ReportOptions.defaults().withGeneratedAt(SampleReportData.GENERATED)
                .withLanguage(language)).rawRows(f.rawRows()).build();
    }

    private static byte[] render(ReportModel model, Paper paper, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportTestSupport.RENDERERS.forFormat(ReportFormat.PDF, paper).render(model, out);
        Path dir = Path.of(System.getProperty("mailpath.projectDir", "."), "target", "report-samples");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".pdf"), out.toByteArray());
        return out.toByteArray();
    }

    @Test
    void theDocumentHasItsLanguageAuthorShownTitleAndTags() throws IOException {
        for (Locale language : List.of(Locale.ENGLISH, Locale.of("sv"))) {
            try (PDDocument doc = Loader.loadPDF(render(model(language), Paper.A4, "meta-" + language))) {
                PDDocumentCatalog catalog = doc.getDocumentCatalog();
                assertEquals(language.getLanguage(), catalog.getLanguage());
                assertEquals("MailPath", doc.getDocumentInformation().getAuthor());
                assertTrue(catalog.getViewerPreferences().displayDocTitle(), "the viewer shows the title");
                // tagged: a structure tree, and MarkInfo saying so (PdfTaggedStructureTest reads the structure)
                assertTrue(catalog.getMarkInfo().isMarked());
                assertNotNull(catalog.getStructureTreeRoot());
                // XMP, which PDF/UA-1 reads (PdfUaTest validates it), written by the JDK's XML serializer
                assertNotNull(catalog.getMetadata());
            }
        }
    }

    @Test
    void longValuesSurviveExtractionWholeAndNoLineEndsInAHyphenInsideOne() throws IOException {
        try (PDDocument doc = Loader.loadPDF(render(model(Locale.ENGLISH), Paper.A4, "hyphens"))) {
            String text = new PDFTextStripper().getText(doc);
            String joined = text.replaceAll("\\R", "");
            for (String value : List.of(ADDRESS, MESSAGE_ID, STATUS)) {
                assertTrue(joined.contains(value), value);
            }
            // pdftotext and copying drop such a hyphen: "really-long" came out "really-longrecipient"
            List<String> broken = text.lines().filter(l -> l.matches(".*\\w-")).toList();
            assertEquals(List.of(), broken);
            assertTrue(text.lines().anyMatch(l -> l.startsWith("-")), "values are broken before a hyphen");
        }
    }

    @Test
    void letterPagesAreLetterSizedAndTheHeaderAndFooterStayHalfAnInchFromTheEdges() throws IOException {
        ReportModel model = SampleReportData.create().model(false);
        for (Paper paper : Paper.values()) {
            PDRectangle size = paper == Paper.A4 ? PDRectangle.A4 : PDRectangle.LETTER;
            try (PDDocument doc = Loader.loadPDF(render(model, paper, "sample-" + paper.option()))) {
                assertTrue(doc.getNumberOfPages() > 2);
                for (PDPage page : doc.getPages()) {
                    assertEquals(size.getWidth(), page.getMediaBox().getWidth(), 0.01, paper.toString());
                    assertEquals(size.getHeight(), page.getMediaBox().getHeight(), 0.01, paper.toString());
                }
                List<TextPosition> glyphs = ReportTestSupport.glyphs(doc);
                float highest = 0;
                float lowest = Float.MAX_VALUE;
                float rightmost = 0;
                for (TextPosition g : glyphs) {
                    // from the top: the baseline less the font size is above every glyph's top
                    highest = Math.max(highest, size.getHeight() - g.getYDirAdj() + g.getFontSizeInPt());
                    lowest = Math.min(lowest, size.getHeight() - g.getYDirAdj() - g.getFontSizeInPt() / 3);
                    rightmost = Math.max(rightmost, g.getXDirAdj() + g.getWidthDirAdj());
                }
                assertTrue(size.getHeight() - highest >= 36, paper + ": top " + (size.getHeight() - highest));
                assertTrue(lowest >= 36, paper + ": bottom " + lowest);
                assertTrue(rightmost <= size.getWidth() - 36, paper + ": right " + rightmost);
            }
        }
    }

    @Test
    void theUsualPaperFollowsTheCountry() {
        for (String country : List.of("US", "CA", "MX", "PH")) {
            assertEquals(Paper.LETTER, Paper.usualFor(Locale.of("en", country)), country);
        }
        for (Locale l : List.of(Locale.of("sv", "SE"), Locale.UK, Locale.ENGLISH, Locale.ROOT, Locale.GERMANY)) {
            assertEquals(Paper.A4, Paper.usualFor(l), l.toString());
        }
        assertEquals(Paper.LETTER, Paper.of(" LETTER").orElseThrow());
        assertFalse(Paper.of("legal").isPresent());
    }
}
