package org.mailpath.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.report.ReportFixture;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.status.Category;

/** Hebrew in a recipient and a status line is drawn right to left: checked on the glyphs' positions on the page. */
class PdfRightToLeftTest {

    private static final String ALEF = "\u05D0";
    private static final String BET = "\u05D1";
    private static final String GIMEL = "\u05D2";
    private static final String LOCAL = ALEF + BET + GIMEL; // אבג
    private static final String BLOCKED = "\u05D7\u05E1\u05D5\u05DD"; // חסום, "blocked"

    @Test
    void hebrewLettersAreDrawnFromRightToLeftInsideEnglishText() throws IOException {
        ReportFixture f = new ReportFixture("hebrew.csv");
        f.message("<m1@host.example>", LOCAL + "@shop.example").received()
                .permanentFailure("mx.shop.example", "192.0.2.7",
                        "550 5.1.1 <" + LOCAL + "@shop.example>: " + BLOCKED + " (" + ALEF + BET + ")")
                .bounced(Category.RECIPIENT, Actor.SENDER_ADMIN, "", "");
        ReportModel model = f.model();
        try (PDDocument doc = Loader.loadPDF(ReportTestSupport.render(ReportFormat.PDF, model, "hebrew"))) {
            List<List<TextPosition>> lines = lines(doc);
            int addresses = 0;
            for (List<TextPosition> line : lines) {
                String text = glyphs(line);
                int at = text.indexOf("@shop.example");
                if (at < 3 || !isHebrew(text.charAt(at - 1))) {
                    continue;
                }
                addresses++;
                // left to right on the page: gimel, bet, alef, then "@shop.example"
                assertEquals(GIMEL + BET + ALEF, text.substring(at - 3, at), text);
                float gimel = line.get(at - 3).getXDirAdj();
                float alef = line.get(at - 1).getXDirAdj();
                float atSign = line.get(at).getXDirAdj();
                assertTrue(gimel < alef && alef < atSign, text + ": " + gimel + " " + alef + " " + atSign);
            }
            assertTrue(addresses >= 2, "the recipient and the status line: " + addresses);

            // the status line's Hebrew words: "חסום (אב)" read from the right, so drawn "(בא) םוסח" with the
            // bracket pair mirrored (it belongs to the Hebrew text it follows)
            boolean reply = false;
            for (List<TextPosition> line : lines) {
                String text = glyphs(line);
                int start = text.indexOf("(" + BET + ALEF + ")");
                if (start >= 0 && text.startsWith(" " + new StringBuilder(BLOCKED).reverse(), start + 4)) {
                    reply = true;
                    assertTrue(line.get(start).getXDirAdj() < line.get(start + 5).getXDirAdj());
                }
            }
            assertTrue(reply, "status line drawn in visual order");

            // PDFBox's text extraction turns visual order back into reading order, as a viewer's copy and search do
            String extracted = new PDFTextStripper().getText(doc);
            assertTrue(extracted.contains(LOCAL + "@shop.example"), extracted);
        }
    }

    private static boolean isHebrew(char c) {
        return c >= '\u05D0' && c <= '\u05EA';
    }

    /** The glyphs of each line of text, sorted left to right by their position on the page. */
    private static List<List<TextPosition>> lines(PDDocument doc) throws IOException {
        List<List<TextPosition>> lines = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                List<TextPosition> line = new ArrayList<>(positions);
                line.sort((a, b) -> Float.compare(a.getXDirAdj(), b.getXDirAdj()));
                lines.add(line);
            }
        };
        stripper.getText(doc);
        return lines;
    }

    private static String glyphs(List<TextPosition> line) {
        StringBuilder sb = new StringBuilder();
        for (TextPosition p : line) {
            sb.append(p.getUnicode());
        }
        return sb.toString();
    }
}
