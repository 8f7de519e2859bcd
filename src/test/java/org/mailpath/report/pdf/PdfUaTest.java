package org.mailpath.report.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.report.ReportBuilder;
import org.mailpath.engine.report.ReportFixture;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.ReportOptions;
import org.mailpath.engine.report.SampleReportData;
import org.mailpath.engine.status.Category;
import org.mailpath.report.ReportFormat;
import org.mailpath.report.ReportTestSupport;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * The tagged report meets PDF/UA-1 (ISO 14289-1) as veraPDF checks it, offline (what veraPDF cannot judge, such as
 * whether a heading's words are a good heading, is left to a person); the untagged large one does not claim it.
 */
class PdfUaTest {

    private final SampleReportData data = SampleReportData.create();

    @Test
    void theSampleReportPassesVeraPdfsPdfUa1Rules() throws Exception {
        assertEquals(List.of(), failedRules(render(data.model(false))));
    }

    @Test
    void theSwedishSampleReportPassesToo() throws Exception {
        assertEquals(List.of(), failedRules(render(data.model(false, Locale.forLanguageTag("sv")))));
    }

    @Test
    void aReportForOneMailTeamPassesToo() throws Exception {
        // no domain headings: the findings' subsections sit right under the chapter, tagged H2 (H3 skipped a level)
        ReportModel model = new ReportBuilder(data.analysis(), ReportOptions.defaults()
                .withGeneratedAt(SampleReportData.GENERATED).withDomains(Set.of("contoso.example"))
                .withLanguage(Locale.forLanguageTag("sv"))).checks(data.checks()).rawRows(data.rawRows()).build();
        assertEquals(List.of(), failedRules(render(model)));
    }

    @Test
    void theTaggedReportSaysSoInItsMetadataAndLabelsItsLinks() throws IOException {
        try (PDDocument doc = Loader.loadPDF(render(data.model(false)))) {
            String xmp = xmp(doc);
            assertTrue(xmp.contains("<pdfuaid:part>1</pdfuaid:part>"), xmp);
            assertTrue(xmp.contains("<rdf:li xml:lang=\"x-default\">" + doc.getDocumentInformation().getTitle()
                    + "</rdf:li>"), xmp);
            assertTrue(doc.getDocumentCatalog().getViewerPreferences().displayDocTitle());
            assertEquals("en", doc.getDocumentCatalog().getLanguage());
            int links = 0;
            for (PDPage page : doc.getPages()) {
                List<PDAnnotation> annotations = page.getAnnotations();
                if (!annotations.isEmpty()) {
                    assertEquals("S", page.getCOSObject().getNameAsString(COSName.getPDFName("Tabs")));
                }
                for (PDAnnotation a : annotations) {
                    assertFalse(a.getContents() == null || a.getContents().isBlank(), "a link without Contents");
                    links++;
                }
            }
            assertTrue(links > 0, "the contents' entries are links");
        }
    }

    @Test
    void aReportTooLargeToTagClaimsNoPdfUa() throws IOException {
        ReportFixture f = new ReportFixture("large.csv");
        Instant t0 = Instant.parse("2026-11-01T00:00:00Z");
        for (int i = 0; i <= ReportFormat.DEFAULT_LIST_LIMIT; i++) {
            f.message("<" + i + "@example.com>", "user" + i + "@contoso.example").at(t0.plusSeconds(i)).received()
                    .permanentFailure("mx1.contoso.example", "192.0.2.9", "550 5.1.1 User unknown")
                    .bounced(Category.RECIPIENT, Actor.SENDER_ADMIN, "The mailbox does not exist.",
                            "Correct or remove the address.");
        }
        ReportModel model = new ReportBuilder(f.analysis(), ReportOptions.defaults()).build();
        assertTrue(model.listedMessages() > ReportFormat.DEFAULT_LIST_LIMIT);
        try (PDDocument doc = Loader.loadPDF(render(model))) {
            assertNull(doc.getDocumentCatalog().getStructureTreeRoot());
            String xmp = xmp(doc);
            assertFalse(xmp.contains("pdfuaid"), xmp);
            assertTrue(xmp.contains("<dc:title>"), xmp);
        }
    }

    private static String xmp(PDDocument doc) throws IOException {
        try (InputStream in = doc.getDocumentCatalog().getMetadata().exportXMPMetadata()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static byte[] render(ReportModel model) throws IOException {
        return ReportTestSupport.render(ReportFormat.PDF, model, "pdf-ua");
    }

    /** Each failed rule once, as "clause-test: description". */
    static List<String> failedRules(byte[] pdf) throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf),
                PDFAFlavour.PDFUA_1);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFUA_1, false)) {
            ValidationResult result = validator.validate(parser);
            TreeSet<String> failed = new TreeSet<>();
            for (TestAssertion a : result.getTestAssertions()) {
                if (a.getStatus() == TestAssertion.Status.FAILED) {
                    failed.add(a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": "
                            + a.getMessage());
                }
            }
            return List.copyOf(failed);
        }
    }
}
