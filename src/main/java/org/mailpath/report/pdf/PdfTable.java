package org.mailpath.report.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDTableAttributeObject;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;

/**
 * A table that wraps long values inside its cells and splits across pages, repeating its heading row on every
 * page it continues on. A row that does not fit moves to the next page whole; a row taller than a page is split
 * line by line. Group rows span all columns (one message's heading above its events).
 */
final class PdfTable {

    private static final float PAD_X = 4;
    private static final float PAD_Y = 3.2f;
    /**
     * Rows of a table kept on either side of a break between its rows, as a paragraph keeps {@link
     * PdfCanvas#KEEP_LINES} lines (widow and orphan control for table rows, as XSL-FO's widows and orphans, 2 by
     * default, apply to table rows in Apache FOP): a row alone under the heading at a page foot, or alone under the
     * repeated heading, reads as a stray.
     */
    static final int KEEP_ROWS = PdfCanvas.KEEP_LINES;

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

    /** One wrapped line of a cell. */
    record Line(TextStyle style, String text) {
    }

    /**
     * A row wrapped to its table's columns, with its height: made once by {@link #wrap} or {@link #wrapGroup}, and
     * then measured (a message's keep-with, a table's height and tail) and drawn without wrapping its cells again:
     * a long report has tens of thousands of rows. {@code spanning}: one cell across all columns (a group row).
     */
    record Row(List<List<Line>> cells, float height, boolean spanning) {
        Row {
            cells = List.copyOf(cells);
        }
    }

    private final PdfCanvas canvas;
    private final List<Column> columns;
    private final TextStyle headingStyle;
    private final Runnable repeatHeading;
    private final float x;
    private float headingHeight = -1;
    /** Between {@link #begin} and the first row: the heading row is drawn with that row. */
    private boolean headingPending;
    /** The heading's lines per column, wrapped once: drawn again on every page the table goes on to. */
    private List<List<String>> headingLines;
    /**
     * The open group's short form, repeated under the heading when its rows go on to a new page: wrapped only then
     * (most groups never go on), and once.
     */
    private List<Para> continuedGroup = List.of();
    private Row continuedRow;

    PdfTable(PdfCanvas canvas, TextStyle headingStyle, List<Column> columns) {
        this.canvas = canvas;
        this.columns = List.copyOf(columns);
        this.headingStyle = headingStyle;
        this.x = canvas.left();
        this.repeatHeading = () -> {
            // repeated where the table goes on to a page: a pagination artifact, read once where it begins
            canvas.tags.beginArtifact();
            try {
                drawHeading(false);
                if (!continuedGroup.isEmpty()) {
                    if (continuedRow == null) {
                        continuedRow = wrapGroup(continuedGroup);
                    }
                    // paragraphs of empty text make no lines, and no row
                    if (!continuedRow.cells().getFirst().isEmpty()) {
                        draw(continuedRow, Rgb.GROUP_BG, 0);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                canvas.tags.endArtifact();
            }
        };
    }

    /**
     * Starts the table: its heading row is drawn with the first row, on that row's page (a heading row alone at a
     * page foot, its first row moved whole to the next page, heads nothing), and repeated on later pages.
     */
    void begin() throws IOException {
        canvas.ensure(headingHeight() + headingStyle.leading() * 3);
        canvas.tags.open(StandardStructureTypes.TABLE);
        headingPending = true;
    }

    private void drawPendingHeading() throws IOException {
        if (headingPending) {
            headingPending = false;
            drawHeading(true);
            canvas.onPageStart(repeatHeading);
        }
    }

    void end() throws IOException {
        // a table without rows still shows its columns
        drawPendingHeading();
        continuedGroup = List.of();
        continuedRow = null;
        canvas.removePageStart(repeatHeading);
        canvas.tags.close();
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
        for (List<String> lines : headingLines()) {
            h = Math.max(h, lines.size() * headingStyle.leading());
        }
        return h + 2 * PAD_Y;
    }

    private List<List<String>> headingLines() {
        if (headingLines == null) {
            List<List<String>> lines = new ArrayList<>();
            for (Column c : columns) {
                lines.add(canvas.wrap(headingStyle, c.heading(), c.width() - 2 * PAD_X));
            }
            headingLines = List.copyOf(lines);
        }
        return headingLines;
    }

    /** The heading row; {@code tagged}: a TR of TH cells, the first time (else an artifact, repeated). */
    private void drawHeading(boolean tagged) throws IOException {
        float h = headingHeight();
        float top = canvas.y();
        canvas.fill(x, top - h, totalWidth(), h, Rgb.HEADER_BG);
        float cx = x;
        if (tagged) {
            canvas.tags.open(StandardStructureTypes.TR);
        }
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            if (tagged) {
                PDTableAttributeObject scope = new PDTableAttributeObject();
                scope.setScope(PDTableAttributeObject.SCOPE_COLUMN);
                canvas.tags.open(StandardStructureTypes.TH).addAttribute(scope);
            }
            float ly = top - PAD_Y;
            for (String line : headingLines().get(i)) {
                float tx = c.right() ? cx + c.width() - PAD_X - canvas.width(headingStyle, line) : cx + PAD_X;
                canvas.text(tx, ly - headingStyle.size(), headingStyle, line);
                ly -= headingStyle.leading();
            }
            if (tagged) {
                canvas.tags.close();
            }
            cx += c.width();
        }
        if (tagged) {
            canvas.tags.close();
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

    /** A normal row kept on one page with {@code keepWith} points of what follows it (a note under the table). */
    void row(List<List<Para>> cells, float keepWith) throws IOException {
        row(wrap(cells), keepWith);
    }

    /** A row wrapped by {@link #wrap}. */
    void row(Row row) throws IOException {
        row(row, 0);
    }

    /** A row kept on one page with {@code keepWith} points of what follows it (more rows, a note under the table). */
    void row(Row row, float keepWith) throws IOException {
        draw(row, null, keepWith);
    }

    /**
     * The last rows of a table that is followed by a page break (the end of a part, which the next part's new page
     * follows): drawn as {@link #row} would, except that the rows at its end that fill {@code tail} points of a page
     * with the repeated heading stay together. When the table has to go on to another page, that page then holds a
     * readable piece of it instead of a row or two above an empty page. {@code rows} may wrap each row as it is asked
     * for (a big log's raw rows, not held all at once): each is asked for once, the rows at the end held from their
     * measuring to their drawing.
     */
    void lastRows(List<Row> rows, float tail) throws IOException {
        // the rows at the end that fill tail with the heading, and where they begin (0: all of them)
        List<Row> end = new ArrayList<>();
        float h = headingHeight();
        int first = rows.size();
        while (first > 0 && h < tail) {
            Row row = rows.get(--first);
            end.addFirst(row);
            h += row.height();
        }
        for (int i = 0; i < first; i++) {
            row(rows.get(i));
        }
        together(end);
    }

    /**
     * All {@code rows}, those from {@code kept} on kept together on one page (when they fit on one): the rows before
     * them flow from page to page.
     */
    void rows(List<Row> rows, int kept) throws IOException {
        for (int i = 0; i < kept; i++) {
            row(rows.get(i));
        }
        together(rows.subList(kept, rows.size()));
    }

    /** {@code rows} on one page: the first of them keeps the others with it. */
    private void together(List<Row> rows) throws IOException {
        float keep = 0;
        for (int i = 1; i < rows.size(); i++) {
            keep += rows.get(i).height();
        }
        for (int i = 0; i < rows.size(); i++) {
            row(rows.get(i), i == 0 ? keep : 0);
        }
    }

    /**
     * Where a table that ends a part (the next part's new page follows it) breaks between its rows when it begins
     * here, with {@code room} points left on this page: the index of its first row to go on to the next page, its
     * part's last, which holds at least {@link #KEEP_ROWS} rows filling {@code tail} points with the repeated
     * heading, while at least {@link #KEEP_ROWS} rows stay here under the heading; the latest such row, so that this
     * page is filled. {@code rows.size()} when the whole table fits here, -1 when no break leaves enough on both
     * sides (a table of three rows or fewer, one whose every row but one goes on, or one too short to fill
     * {@code tail}).
     */
    int partBreak(List<Row> rows, float room, float tail) {
        int n = rows.size();
        float here = headingHeight();
        int fit = 0;
        while (fit < n && here + rows.get(fit).height() <= room) {
            here += rows.get(fit).height();
            fit++;
        }
        if (fit == n) {
            return n;
        }
        // the part that goes on grows as the break moves up; it is kept together, so it must fit on a page
        float next = height(rows.subList(fit, n));
        for (int at = fit; at >= KEEP_ROWS; at--) {
            if (at < fit) {
                next += rows.get(at).height();
            }
            if (next > canvas.pageBody()) {
                return -1;
            }
            if (n - at >= KEEP_ROWS && next >= tail) {
                return at;
            }
        }
        return -1;
    }

    /**
     * Whether a table that ends a part, under {@code above} points of its own heading text, moves whole to the next
     * page: when it does not fit here but on one page, and no break between its rows leaves enough on both sides
     * ({@link #partBreak}) unless this page is nearly empty itself (less than {@code tail} used); or when such a
     * break exists but moving the table whole leaves neither page mostly empty: this page and the table each fill
     * half a page at least, and the table is read whole. Otherwise it is split there: moving it whole would leave
     * this page's foot empty while the next one, the part's last, is short anyway (the part's next page follows).
     */
    boolean movesWhole(List<Row> rows, float above, float tail) {
        float whole = above + height(rows);
        float body = canvas.pageBody();
        if (whole <= canvas.remaining() || whole > body) {
            return false;
        }
        float used = canvas.top() - canvas.y();
        if (partBreak(rows, canvas.remaining() - above, tail) < 0) {
            return used >= tail;
        }
        return whole >= body / 2 && used >= body / 2;
    }

    /**
     * The rows of a table that ends a part, begun where {@link #movesWhole} decided (on the next page when it moves
     * whole): broken at {@link #partBreak} when it fits on a page, its rows after the break together on the part's
     * last page; else (a longer table, or no such break) as {@link #lastRows}.
     */
    void partRows(List<Row> rows, float tail) throws IOException {
        int at = height(rows) <= canvas.pageBody() ? partBreak(rows, canvas.remaining(), tail) : -1;
        if (at < 0) {
            lastRows(rows, tail);
        } else {
            rows(rows, at);
        }
    }

    /**
     * The height of the table's opening, which a heading above it keeps with it on its page: its heading row and its
     * first {@link #KEEP_ROWS} rows, or all of them when too few to leave that many on both sides of a break; 0 for
     * a table without rows.
     */
    float opening(List<Row> rows) {
        int kept = rows.size() < 2 * KEEP_ROWS ? rows.size() : KEEP_ROWS;
        return rows.isEmpty() ? 0 : height(rows.subList(0, kept));
    }

    /** The height of the whole table, heading and {@code rows}, when it is not split between pages. */
    float height(List<Row> rows) {
        float h = headingHeight();
        for (Row row : rows) {
            h += row.height();
        }
        return h;
    }

    /** A normal row's cells wrapped to the columns, and the height {@link #row} will take for it unsplit. */
    Row wrap(List<List<Para>> cells) {
        List<List<Line>> lines = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            lines.add(lines(i < cells.size() ? cells.get(i) : List.of(), columns.get(i).width()));
        }
        return new Row(lines, heightOf(lines), false);
    }

    /** A group row's cell wrapped across all columns, and the height {@link #groupRow} will take for it. */
    Row wrapGroup(List<Para> cell) {
        List<List<Line>> lines = List.of(lines(cell, totalWidth()));
        return new Row(lines, heightOf(lines), true);
    }

    /** A row's whole height: its tallest cell's lines and the padding above and below. */
    private static float heightOf(List<List<Line>> cells) {
        float full = 0;
        for (List<Line> cell : cells) {
            full = Math.max(full, height(cell, 0, cell.size()));
        }
        return full + 2 * PAD_Y;
    }

    /**
     * A row spanning all columns on a light background, kept on one page with {@code keepWith} points below. Its rows
     * may go on to later pages: there {@code continued} (a short form of it) is repeated under the column heading,
     * so that no row stands on a page without saying which group it belongs to.
     */
    void groupRow(Row group, float keepWith, List<Para> continued) throws IOException {
        if (!group.spanning()) {
            throw new IllegalArgumentException("not a group row: made by wrap, not wrapGroup");
        }
        continuedGroup = List.of();
        continuedRow = null;
        draw(group, Rgb.GROUP_BG, keepWith);
        continuedGroup = List.copyOf(continued);
    }

    /** The height of the heading row. */
    float headingRowHeight() {
        return headingHeight();
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

    private void draw(Row row, Rgb background, float keepWith) throws IOException {
        List<List<Line>> cells = row.cells();
        boolean spanning = row.spanning();
        float full = row.height();
        // Keep the row whole (and a group row with what follows) when it can fit on a fresh page, and the first row
        // with the heading row above it.
        float bodyAfterHeading = canvas.pageBody() - headingHeight();
        float heading = headingPending ? headingHeight() : 0;
        if (canvas.remaining() < heading + full + keepWith && full + keepWith <= bodyAfterHeading) {
            canvas.newPage();
        }
        drawPendingHeading();
        List<PDStructureElement> cellTags = cellTags(cells.size(), spanning);
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
                if (!cellTags.isEmpty()) {
                    canvas.tags.enter(cellTags.get(c));
                }
                boolean lines = until[c] > next[c];
                if (lines) {
                    // the cell's lines on this page: one marked-content sequence
                    canvas.beginContent();
                }
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
                if (lines) {
                    canvas.endContent();
                }
                if (!cellTags.isEmpty()) {
                    canvas.tags.close();
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

    /**
     * A row's TR with its {@code count} TD cells, to mark each cell's lines into as they are drawn (on more than one
     * page when the row is split); none for a row repeated as an artifact.
     */
    private List<PDStructureElement> cellTags(int count, boolean spanning) {
        if (canvas.tags.inArtifact()) {
            return List.of();
        }
        canvas.tags.open(StandardStructureTypes.TR);
        List<PDStructureElement> tags = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            tags.add(canvas.tags.child(StandardStructureTypes.TD));
        }
        canvas.tags.close();
        if (spanning) {
            PDTableAttributeObject span = new PDTableAttributeObject();
            span.setColSpan(columns.size());
            tags.getFirst().addAttribute(span);
        }
        return tags;
    }

    private static float height(List<Line> lines, int from, int to) {
        float h = 0;
        for (int i = from; i < to; i++) {
            h += lines.get(i).style().leading();
        }
        return h;
    }
}
