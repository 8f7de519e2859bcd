package org.mailpath.report.pdf;

import org.mailpath.report.Paper;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.mailpath.report.pdf.PdfTable.Column;
import org.mailpath.report.pdf.PdfTable.Para;

/** Where the canvas and tables break pages: never leaving a line or a row or two alone on either side. */
class PageBreakRulesTest {

    /** A fresh A4 page's height for text, which these tests' canvas draws on. */
    private static final float A4_BODY = PDRectangle.A4.getHeight() - PdfCanvas.ABOVE - PdfCanvas.BOTTOM;


    /** Something the test draws on a fresh canvas. */
    private interface Drawing {
        void on(PdfCanvas canvas, TextStyle style) throws IOException;
    }

    @Test
    void aParagraphDoesNotStartWithItsFirstLineAloneAtAPageFoot() throws IOException {
        List<String> pages = draw((c, style) -> {
            c.moveDown(c.remaining() - style.leading() * 1.5f); // room for one line
            c.paragraph(style, lines(5), c.left(), c.width());
        });
        assertEquals(List.of(0, 5), counts(pages));
    }

    @Test
    void aParagraphDoesNotLeaveItsLastLineAloneOnTheNextPage() throws IOException {
        List<String> pages = draw((c, style) -> {
            c.moveDown(c.remaining() - style.leading() * 4.5f); // room for four lines
            c.paragraph(style, lines(5), c.left(), c.width());
        });
        assertEquals(List.of(3, 2), counts(pages));
    }

    @Test
    void aParagraphThatFitsIsNotMoved() throws IOException {
        List<String> pages = draw((c, style) -> {
            c.moveDown(c.remaining() - style.leading() * 5.5f);
            c.paragraph(style, lines(5), c.left(), c.width());
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
        int quarter = (int) Math.ceil(A4_BODY / 4 / row) - 1;
        assertEquals(List.of(43 - quarter, quarter), kept);
    }

    @Test
    void theLastRowsOfATableAreEachWrappedOnceThoughMeasuredAndDrawn() throws IOException {
        // a big log's raw rows are wrapped as the table asks for them: the tail is measured, kept and drawn from one
        int[] asked = new int[43];
        List<String> pages = draw((c, style) -> {
            PdfTable t = new PdfTable(c, style, List.of(Column.left("Head", c.width())));
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
            t.lastRows(rows, A4_BODY / 4);
            t.end();
        });
        int[] once = new int[asked.length];
        Arrays.fill(once, 1);
        assertArrayEquals(once, asked);
        assertEquals(counts(draw((c, style) -> table(c, style, 43, true))), counts(pages));
    }

    @Test
    void aTableEndingAPartIsSplitRatherThanMovedWholeToANextPageItLeavesMostlyEmpty() throws IOException {
        // 15 rows, 10 fit: moved whole they would leave this page's foot empty and fill 38 % of the next, the part's
        // last (the next part starts a new page); split, this page is full and the next holds a quarter page of rows
        List<Integer> pages = counts(draw((c, style) -> partTable(c, style, oneLineRows(15), rowsRoom(10))));
        int quarter = quarter();
        assertEquals(List.of(15 - quarter, quarter), pages);
    }

    @Test
    void aTableEndingAPartThatWouldLeaveOneRowBehindMovesWhole() throws IOException {
        // one row fits under the heading: alone at the page foot it is a stray, so the table goes on whole
        assertEquals(List.of(0, 20), counts(draw((c, style) -> partTable(c, style, oneLineRows(20), rowsRoom(1)))));
        // the same for a two-row table, which no break can leave two rows on each side of
        assertEquals(List.of(0, 2), counts(draw((c, style) -> partTable(c, style, oneLineRows(2), rowsRoom(1)))));
    }

    @Test
    void aTableEndingAPartMovesWholeWhenNeitherPageIsLeftMostlyEmpty() throws IOException {
        // 25 rows fill 62 % of a page: moved whole below a page more than half full, no page is mostly empty
        assertEquals(List.of(0, 25), counts(draw((c, style) -> partTable(c, style, oneLineRows(25), rowsRoom(16)))));
        // below a page less than half full, moving it whole would leave that one mostly empty: it is split
        int quarter = quarter();
        assertEquals(List.of(25 - quarter, quarter),
                counts(draw((c, style) -> partTable(c, style, oneLineRows(25), rowsRoom(22)))));
    }

    @Test
    void theLastPageOfAPartNeverHoldsATablesLastRowAloneEvenOneFillingAQuarterPage() throws IOException {
        // the last of 5 rows is taller than a quarter page: it would fill the part's last page enough, but alone
        List<Integer> lines = List.of(1, 1, 1, 1, 18);
        assertEquals(List.of(3, 2), counts(draw((c, style) -> partTable(c, style, lines, rowsRoom(4)))));
    }

    @Test
    void aTablesLastRowDoesNotGoOnAloneUnderItsRepeatedHeading() throws IOException {
        // room for 9 of 10 rows: the ninth goes on with the tenth, as a paragraph's last two lines do
        List<Integer> pages = counts(draw((c, style) -> {
            c.moveDown(c.remaining() - rowsRoom(9));
            PdfTable t = new PdfTable(c, style, List.of(Column.left("Head", c.width())));
            List<PdfTable.Row> rows = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                rows.add(t.wrap(List.of(List.of(new Para(style, "row" + i)))));
            }
            t.begin();
            t.rows(rows, rows.size() - PdfTable.KEEP_ROWS);
            t.end();
        }));
        assertEquals(List.of(8, 2), pages);
    }

    @Test
    void theHeadingOfTheDomainsNoneListedKeepsTheTableHeadingRowOnceAndTwoRowsWithIt() throws IOException {
        // room below the heading for the table's heading row, two rows and half a row: the heading stays on this page
        // with them (counting the heading row twice, it moved to the next page though it all fit)
        List<Integer> pages = counts(draw((c, style) -> {
            PdfTable t = new PdfTable(c, style, List.of(Column.left("Head", c.width())));
            List<PdfTable.Row> rows = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                rows.add(t.wrap(List.of(List.of(new Para(style, "row" + i)))));
            }
            float keep = t.opening(rows);
            assertEquals(t.height(rows.subList(0, PdfTable.KEEP_ROWS)), keep, 0.001f);
            c.moveDown(c.remaining() - (style.leading() + rowsRoom(PdfTable.KEEP_ROWS)));
            // as a section heading does: a new page unless the heading line and what it keeps fit here
            c.ensure(style.leading() + keep);
            c.paragraph(style, "line1", c.left(), c.width());
            t.begin();
            t.rows(rows, rows.size() - PdfTable.KEEP_ROWS);
            t.end();
        }));
        assertEquals(1 + PdfTable.KEEP_ROWS, pages.getFirst());
    }

    /** One-line rows, {@code n} of them. */
    private static List<Integer> oneLineRows(int n) {
        return Collections.nCopies(n, 1);
    }

    /** A one-line row's height: a line and its padding. */
    private static float oneLineRow() {
        return new TextStyle(null, 7.8f, Rgb.TEXT).leading() + 6.4f;
    }

    /** Room on the page for the heading row and {@code n} one-line rows, and half a row more. */
    private static float rowsRoom(int n) {
        return (n + 1.5f) * oneLineRow();
    }

    /** How many one-line rows fill a quarter page with the repeated heading: what a part's last page holds. */
    private static int quarter() {
        return (int) Math.ceil(A4_BODY / 4 / oneLineRow()) - 1;
    }

    /**
     * A table that ends a part, as the report lays out the summary's last table: moved whole, or begun here with
     * {@code room} points left, its rows of so many lines each numbered.
     */
    private static void partTable(PdfCanvas c, TextStyle style, List<Integer> lines, float room) throws IOException {
        c.moveDown(c.remaining() - room);
        PdfTable t = new PdfTable(c, style, List.of(Column.left("Head", c.width())));
        List<PdfTable.Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            rows.add(t.wrap(List.of(List.of(new Para(style, "row" + (i + 1) + "\n-".repeat(lines.get(i) - 1))))));
        }
        float tail = A4_BODY / 4;
        if (t.movesWhole(rows, 0, tail)) {
            c.newPage();
        }
        t.begin();
        t.partRows(rows, tail);
        t.end();
    }

    private static void table(PdfCanvas c, TextStyle style, int n, boolean endsPart) throws IOException {
        PdfTable t = new PdfTable(c, style, List.of(Column.left("Head", c.width())));
        List<List<List<Para>>> rows = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            rows.add(List.of(List.of(new Para(style, "row" + i))));
        }
        t.begin();
        if (endsPart) {
            t.lastRows(rows.stream().map(t::wrap).toList(), A4_BODY / 4);
        } else {
            for (List<List<Para>> row : rows) {
                t.row(t.wrap(row));
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
        try (PdfFontCache.Loan lent = TestFonts.CACHE.lend();
             PDDocument doc = new PDDocument()) {
            PdfFonts fonts = new PdfFonts(doc, lent.fonts);
            try (PdfCanvas c = new PdfCanvas(doc, fonts, Paper.A4, new PdfTags(true))) {
                c.newPage();
                drawing.on(c, new TextStyle(fonts.regular, 7.8f, Rgb.TEXT));
            }
            doc.save(out);
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
