package org.mailpath.report.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.mailpath.report.pdf.PdfTable.Column;
import org.mailpath.report.pdf.PdfTable.Para;

/** Where the canvas and tables break pages: never leaving a line or a row or two alone on either side. */
class PageBreakRulesTest {

    /** Something the test draws on a fresh canvas. */
    private interface Drawing {
        void on(PdfCanvas canvas, TextStyle style) throws IOException;
    }

    @Test
    void aParagraphDoesNotStartWithItsFirstLineAloneAtAPageFoot() throws IOException {
        List<String> pages = draw((c, style) -> {
            c.moveDown(c.remaining() - style.leading() * 1.5f); // room for one line
            c.paragraph(style, lines(5), PdfCanvas.LEFT, PdfCanvas.WIDTH);
        });
        assertEquals(List.of(0, 5), counts(pages));
    }

    @Test
    void aParagraphDoesNotLeaveItsLastLineAloneOnTheNextPage() throws IOException {
        List<String> pages = draw((c, style) -> {
            c.moveDown(c.remaining() - style.leading() * 4.5f); // room for four lines
            c.paragraph(style, lines(5), PdfCanvas.LEFT, PdfCanvas.WIDTH);
        });
        assertEquals(List.of(3, 2), counts(pages));
    }

    @Test
    void aParagraphThatFitsIsNotMoved() throws IOException {
        List<String> pages = draw((c, style) -> {
            c.moveDown(c.remaining() - style.leading() * 5.5f);
            c.paragraph(style, lines(5), PdfCanvas.LEFT, PdfCanvas.WIDTH);
        });
        assertEquals(List.of(5), counts(pages));
    }

    @Test
    void theLastRowsOfATableThatEndsAPartGoOnTogetherSoItsLastPageIsNotARowOrTwo() throws IOException {
        // one-line rows from the top of a page: 40 fit under the heading, so 43 plainly leave 3 for page 2
        List<Integer> plain = counts(draw((c, style) -> table(c, style, 43, false)));
        List<Integer> kept = counts(draw((c, style) -> table(c, style, 43, true)));
        assertEquals(List.of(40, 3), plain);
        // a row is a line and its padding; page 2 holds the heading again and a quarter of a page of rows
        float row = new TextStyle(null, 7.8f, Rgb.TEXT).leading() + 6.4f;
        int quarter = (int) Math.ceil(PdfCanvas.pageBody() / 4 / row) - 1;
        assertEquals(List.of(43 - quarter, quarter), kept);
    }

    @Test
    void theLastRowsOfATableAreEachWrappedOnceThoughMeasuredAndDrawn() throws IOException {
        // a big log's raw rows are wrapped as the table asks for them: the tail is measured, kept and drawn from one
        int[] asked = new int[43];
        List<String> pages = draw((c, style) -> {
            PdfTable t = new PdfTable(c, style, List.of(Column.left("Head", PdfCanvas.WIDTH)));
            List<PdfTable.Row> rows = new AbstractList<>() {
                @Override
                public PdfTable.Row get(int i) {
                    asked[i]++;
                    return t.wrap(List.of(List.of(new Para(style, "row" + (i + 1)))));
                }

                @Override
                public int size() {
                    return asked.length;
                }
            };
            t.begin();
            t.lastRows(rows, PdfCanvas.pageBody() / 4);
            t.end();
        });
        int[] once = new int[asked.length];
        Arrays.fill(once, 1);
        assertArrayEquals(once, asked);
        assertEquals(counts(draw((c, style) -> table(c, style, 43, true))), counts(pages));
    }

    private static void table(PdfCanvas c, TextStyle style, int n, boolean endsPart) throws IOException {
        PdfTable t = new PdfTable(c, style, List.of(Column.left("Head", PdfCanvas.WIDTH)));
        List<List<List<Para>>> rows = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            rows.add(List.of(List.of(new Para(style, "row" + i))));
        }
        t.begin();
        if (endsPart) {
            t.lastRows(rows.stream().map(t::wrap).toList(), PdfCanvas.pageBody() / 4);
        } else {
            for (List<List<Para>> row : rows) {
                t.row(row);
            }
        }
        t.end();
    }

    private static String lines(int n) {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            lines.add("line" + i);
        }
        return String.join("\n", lines);
    }

    /** How many lines (or rows) numbered by the test each page holds. */
    private static List<Integer> counts(List<String> pages) {
        List<Integer> counts = new ArrayList<>();
        for (String page : pages) {
            counts.add((int) page.lines().filter(l -> l.matches("(line|row)\\d+")).count());
        }
        return counts;
    }

    private static List<String> draw(Drawing drawing) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfFonts.LOCK.lock();
        try (PDDocument doc = new PDDocument()) {
            PdfFonts fonts = new PdfFonts(doc);
            try (PdfCanvas c = new PdfCanvas(doc, fonts)) {
                c.newPage();
                drawing.on(c, new TextStyle(fonts.regular, 7.8f, Rgb.TEXT));
            }
            doc.save(out);
        } finally {
            PdfFonts.LOCK.unlock();
        }
        List<String> pages = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                pages.add(stripper.getText(doc));
            }
        }
        return pages;
    }
}
