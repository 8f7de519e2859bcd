package org.mailpath.report.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A table that wraps long values inside its cells and splits across pages, repeating its heading row on every
 * page it continues on. A row that does not fit moves to the next page whole; a row taller than a page is split
 * line by line. Group rows span all columns (one message's heading above its events).
 */
final class PdfTable {

    private static final float PAD_X = 4;
    private static final float PAD_Y = 3.2f;

    /** A column: heading, width in points, right-aligned (numbers) or not. */
    record Column(String heading, float width, boolean right) {
        static Column left(String heading, float width) {
            return new Column(heading, width, false);
        }

        static Column right(String heading, float width) {
            return new Column(heading, width, true);
        }
    }

    /**
     * {@code width}, or the width in which the longest word of {@code heading} fits when it is wider: a heading is
     * wrapped at spaces, and a word broken inside ("Studsad|e") is hard to read. Swedish words are longer.
     */
    static float fitting(PdfCanvas canvas, TextStyle headingStyle, String heading, float width) {
        return holding(canvas, headingStyle, List.of(heading.split(" ")), width);
    }

    /** {@code width}, or the width in which each of {@code texts} fits on one line when that is wider. */
    static float holding(PdfCanvas canvas, TextStyle style, List<String> texts, float width) {
        float widest = 0;
        for (String text : texts) {
            widest = Math.max(widest, canvas.width(style, text));
        }
        return Math.max(width, (float) Math.ceil(widest + 2 * PAD_X));
    }

    /** A piece of a cell: one styled paragraph (wrapped to the column). */
    record Para(TextStyle style, String text, boolean csvRow) {
        Para(TextStyle style, String text) {
            this(style, text, false);
        }

        /** A raw CSV row, broken after its commas and spaces ({@link PdfCanvas#wrapCsvRow}). */
        static Para csvRow(TextStyle style, String text) {
            return new Para(style, text, true);
        }
    }

    private record Line(TextStyle style, String text) {
    }

    private final PdfCanvas canvas;
    private final List<Column> columns;
    private final TextStyle headingStyle;
    private final Runnable repeatHeading;
    private final float x;
    private float headingHeight = -1;
    /** Between {@link #begin} and the first row: the heading row is drawn with that row. */
    private boolean headingPending;
    /** The open group's short form, repeated under the heading when its rows go on to a new page. */
    private List<Line> continuedGroup = List.of();

    PdfTable(PdfCanvas canvas, TextStyle headingStyle, List<Column> columns) {
        this.canvas = canvas;
        this.columns = List.copyOf(columns);
        this.headingStyle = headingStyle;
        this.x = PdfCanvas.LEFT;
        this.repeatHeading = () -> {
            try {
                drawHeading();
                if (!continuedGroup.isEmpty()) {
                    draw(List.of(continuedGroup), Rgb.GROUP_BG, 0, true);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /**
     * Starts the table: its heading row is drawn with the first row, on that row's page (a heading row alone at a
     * page foot, its first row moved whole to the next page, heads nothing), and repeated on later pages.
     */
    void begin() throws IOException {
        canvas.ensure(headingHeight() + headingStyle.leading() * 3);
        headingPending = true;
    }

    private void drawPendingHeading() throws IOException {
        if (headingPending) {
            headingPending = false;
            drawHeading();
            canvas.onPageStart(repeatHeading);
        }
    }

    void end() throws IOException {
        // a table without rows still shows its columns
        drawPendingHeading();
        continuedGroup = List.of();
        canvas.removePageStart(repeatHeading);
        canvas.moveDown(8);
    }

    private float headingHeight() {
        if (headingHeight < 0) {
            headingHeight = measureHeading();
        }
        return headingHeight;
    }

    private float measureHeading() {
        float h = 0;
        for (Column c : columns) {
            h = Math.max(h, canvas.wrap(headingStyle, c.heading(), c.width() - 2 * PAD_X).size()
                    * headingStyle.leading());
        }
        return h + 2 * PAD_Y;
    }

    private void drawHeading() throws IOException {
        float h = headingHeight();
        float top = canvas.y();
        canvas.fill(x, top - h, totalWidth(), h, Rgb.HEADER_BG);
        float cx = x;
        for (Column c : columns) {
            float ly = top - PAD_Y;
            for (String line : canvas.wrap(headingStyle, c.heading(), c.width() - 2 * PAD_X)) {
                float tx = c.right() ? cx + c.width() - PAD_X - canvas.width(headingStyle, line) : cx + PAD_X;
                canvas.text(tx, ly - headingStyle.size(), headingStyle, line);
                ly -= headingStyle.leading();
            }
            cx += c.width();
        }
        canvas.rule(x, x + totalWidth(), top - h, 0.8f, Rgb.ACCENT);
        canvas.moveDown(h);
    }

    float totalWidth() {
        float w = 0;
        for (Column c : columns) {
            w += c.width();
        }
        return w;
    }

    /** A normal row: one list of paragraphs per column. */
    void row(List<List<Para>> cells) throws IOException {
        row(cells, 0);
    }

    /** A row kept on one page with {@code keepWith} points of what follows it (more rows, a note under the table). */
    void row(List<List<Para>> cells, float keepWith) throws IOException {
        draw(rowLines(cells), null, keepWith, false);
    }

    /**
     * The last rows of a table that is followed by a page break (the end of a part, which the next part's new page
     * follows): drawn as {@link #row} would, except that the rows at its end that fill {@code tail} points of a page
     * with the repeated heading stay together. When the table has to go on to another page, that page then holds a
     * readable piece of it instead of a row or two above an empty page.
     */
    void lastRows(List<List<List<Para>>> rows, float tail) throws IOException {
        int first = tailStart(rows, tail);
        float keep = 0;
        for (int i = first + 1; i < rows.size(); i++) {
            keep += rowHeight(rows.get(i));
        }
        for (int i = 0; i < rows.size(); i++) {
            row(rows.get(i), i == first ? keep : 0);
        }
    }

    /** Where the rows at the end of {@code rows} that fill {@code tail} with the heading begin (0: all of them). */
    private int tailStart(List<List<List<Para>>> rows, float tail) {
        float h = headingHeight();
        int i = rows.size();
        while (i > 0 && h < tail) {
            h += rowHeight(rows.get(--i));
        }
        return i;
    }

    /** The height of the whole table, heading and {@code rows}, when it is not split between pages. */
    float height(List<List<List<Para>>> rows) {
        float h = headingHeight();
        for (List<List<Para>> row : rows) {
            h += rowHeight(row);
        }
        return h;
    }

    /** The height {@link #row} will take for {@code cells} when it is not split between pages. */
    float rowHeight(List<List<Para>> cells) {
        return rowHeightOf(rowLines(cells));
    }

    /** A row's whole height: its tallest cell's lines and the padding above and below. */
    private float rowHeightOf(List<List<Line>> cells) {
        float full = 0;
        for (List<Line> cell : cells) {
            full = Math.max(full, height(cell, 0, cell.size()));
        }
        return full + 2 * PAD_Y;
    }

    private List<List<Line>> rowLines(List<List<Para>> cells) {
        List<List<Line>> lines = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            lines.add(lines(i < cells.size() ? cells.get(i) : List.of(), columns.get(i).width()));
        }
        return lines;
    }

    /**
     * A row spanning all columns on a light background, kept on one page with {@code keepWith} points below. Its rows
     * may go on to later pages: there {@code continued} (a short form of it) is repeated under the column heading,
     * so that no row stands on a page without saying which group it belongs to.
     */
    void groupRow(List<Para> cell, float keepWith, List<Para> continued) throws IOException {
        continuedGroup = List.of();
        draw(List.of(lines(cell, totalWidth())), Rgb.GROUP_BG, keepWith, true);
        continuedGroup = lines(continued, totalWidth());
    }

    /** The height of the heading row. */
    float headingRowHeight() {
        return headingHeight();
    }

    /** The height {@link #groupRow} will take for {@code cell}. */
    float groupRowHeight(List<Para> cell) {
        List<Line> lines = lines(cell, totalWidth());
        return height(lines, 0, lines.size()) + 2 * PAD_Y;
    }

    /** Height a group row plus the first line of the next row need, for keep-with-next decisions. */
    float minimumRowHeight(TextStyle style) {
        return style.leading() + 2 * PAD_Y;
    }

    private List<Line> lines(List<Para> paras, float width) {
        List<Line> out = new ArrayList<>();
        for (Para p : paras) {
            if (p.text().isEmpty()) {
                continue;
            }
            List<String> wrapped = p.csvRow() ? canvas.wrapCsvRow(p.style(), p.text(), width - 2 * PAD_X)
                    : canvas.wrap(p.style(), p.text(), width - 2 * PAD_X);
            for (String l : wrapped) {
                out.add(new Line(p.style(), l));
            }
        }
        return out;
    }

    private void draw(List<List<Line>> cells, Rgb background, float keepWith, boolean spanning) throws IOException {
        float full = rowHeightOf(cells);
        // Keep the row whole (and a group row with what follows) when it can fit on a fresh page, and the first row
        // with the heading row above it.
        float bodyAfterHeading = PdfCanvas.pageBody() - headingHeight();
        float heading = headingPending ? headingHeight() : 0;
        if (canvas.remaining() < heading + full + keepWith && full + keepWith <= bodyAfterHeading) {
            canvas.newPage();
        }
        drawPendingHeading();
        int[] next = new int[cells.size()];
        while (true) {
            float avail = canvas.remaining() - 2 * PAD_Y;
            int[] until = new int[cells.size()];
            float chunk = 0;
            boolean any = false;
            for (int c = 0; c < cells.size(); c++) {
                List<Line> cell = cells.get(c);
                float h = 0;
                int i = next[c];
                while (i < cell.size() && h + cell.get(i).style().leading() <= avail) {
                    h += cell.get(i).style().leading();
                    i++;
                }
                until[c] = i;
                any |= i > next[c];
                chunk = Math.max(chunk, h);
            }
            boolean done = true;
            for (int c = 0; c < cells.size(); c++) {
                done &= until[c] >= cells.get(c).size();
            }
            if (!any && !done) {
                canvas.newPage();
                continue;
            }
            float h = chunk + 2 * PAD_Y;
            float top = canvas.y();
            if (background != null) {
                canvas.fill(x, top - h, totalWidth(), h, background);
            }
            float cx = x;
            for (int c = 0; c < cells.size(); c++) {
                Column col = spanning ? Column.left("", totalWidth()) : columns.get(c);
                float ly = top - PAD_Y;
                for (int i = next[c]; i < until[c]; i++) {
                    Line line = cells.get(c).get(i);
                    float room = col.width() - 2 * PAD_X;
                    float tx = col.right()
                            ? cx + col.width() - PAD_X - Math.min(room, canvas.width(line.style(), line.text()))
                            : cx + PAD_X;
                    // a raw row's line may keep a field's separators past the edge: drawn squeezed into the cell
                    canvas.text(tx, ly - line.style().size(), line.style(), line.text(), room);
                    ly -= line.style().leading();
                }
                cx += col.width();
                next[c] = until[c];
            }
            canvas.rule(x, x + totalWidth(), top - h, 0.4f, Rgb.RULE);
            canvas.moveDown(h);
            if (done) {
                return;
            }
            canvas.newPage();
        }
    }

    private static float height(List<Line> lines, int from, int to) {
        float h = 0;
        for (int i = from; i < to; i++) {
            h += lines.get(i).style().leading();
        }
        return h;
    }
}
