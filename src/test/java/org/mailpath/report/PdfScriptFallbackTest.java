package org.mailpath.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.report.ReportFixture;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.status.Category;

/** Korean, Thai and Devanagari, which DejaVu and the CJK fallback lack, print with their own embedded fonts. */
class PdfScriptFallbackTest {

    private static final String KOREAN = "\uAE40\uBBFC\uC900"; // 김민준
    private static final String THAI = "\u0E2A\u0E21\u0E0A\u0E32\u0E22"; // สมชาย
    private static final String HINDI = "\u0930\u093E\u0939\u0941\u0932"; // राहुल

    @Test
    void eachScriptIsDrawnByItsFallbackFontNotEscaped() throws IOException {
        ReportFixture f = new ReportFixture("scripts.csv");
        for (String local : new String[] {KOREAN, THAI, HINDI}) {
            f.message("<" + local.length() + local.hashCode() + "@host.example>", local + "@shop.example").received()
                    .permanentFailure("mx.shop.example", "192.0.2.7", "550 5.1.1 <" + local + "@shop.example>: unknown")
                    .bounced(Category.RECIPIENT, Actor.SENDER_ADMIN, "", "");
        }
        ReportModel model = f.model();
        try (PDDocument doc = Loader.loadPDF(ReportTestSupport.render(ReportFormat.PDF, model, "scripts"))) {
            String text = new PDFTextStripper().getText(doc);
            for (String local : new String[] {KOREAN, THAI, HINDI}) {
                assertTrue(text.contains(local + "@shop.example"), local);
            }
            assertFalse(text.contains("[U+"), "no character escaped");
            Set<String> fonts = fontNames(doc);
            assertTrue(fonts.contains("NanumGothic"), fonts::toString);
            assertTrue(fonts.contains("NotoSansThai-Regular"), fonts::toString);
            assertTrue(fonts.contains("NotoSansDevanagari-Regular"), fonts::toString);
            assertFalse(fonts.contains("DroidSansFallback"), "the CJK fallback is not loaded for these: " + fonts);
        }
    }

    @Test
    void aReportWithoutSuchCharactersEmbedsOnlyDejaVu() throws IOException {
        ReportFixture f = new ReportFixture("latin.csv");
        f.message("<m1@host.example>", "anna@shop.example").received()
                .permanentFailure("mx.shop.example", "192.0.2.7", "550 5.1.1 <anna@shop.example>: unknown")
                .bounced(Category.RECIPIENT, Actor.SENDER_ADMIN, "", "");
        ReportModel model = f.model();
        try (PDDocument doc = Loader.loadPDF(ReportTestSupport.render(ReportFormat.PDF, model, "latin"))) {
            assertEquals(Set.of("DejaVuSans", "DejaVuSans-Bold", "DejaVuSansMono"), fontNames(doc));
        }
    }

    /** The embedded fonts' names without their subset prefix ({@code ABCDEF+}). */
    private static Set<String> fontNames(PDDocument doc) throws IOException {
        Set<String> names = new TreeSet<>();
        for (PDFont font : ReportTestSupport.fonts(doc)) {
            names.add(font.getName().substring(font.getName().indexOf('+') + 1));
        }
        return names;
    }
}
