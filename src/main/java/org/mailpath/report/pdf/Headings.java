package org.mailpath.report.pdf;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.mailpath.report.pdf.PdfTable.Para;
import org.mailpath.report.pdf.PdfTable.Row;

/** The report's chapter, section and subsection headings, each kept on its page with enough of what follows. */
final class Headings {

    /** Space above and below a section heading, and how much of what follows it must fit on its page. */
    private static final float SECTION_ABOVE = 4;
    private static final float SECTION_BELOW = 3;
    private static final float SECTION_KEEP_WITH = 103;
    /** Below a chapter heading: its rule and the space under it. */
    private static final float CHAPTER_BELOW = 12;
    /** What a chapter heading keeps with it by default (with its rule 120 points, as it always had). */
    private static final float CHAPTER_KEEP_WITH = 108;
    /** Space above and below a subsection heading, and how much room (with those) it needs below it at least. */
    private static final float SUBSECTION_ABOVE = 6;
    private static final float SUBSECTION_BELOW = 3;
    private static final float SUBSECTION_KEEP_WITH = 60;
    /**
     * How much of a part-ending table (one the next part's new page follows) its last page holds at least, repeated
     * heading included: the Swedish sample's recipient domains left their last 6 rows alone on a page.
     */
    private static final float PART_TAIL_SHARE = 1 / 4f;

    private final ReportDrawing d;
    private final PdfCanvas c;
    private final ReportStyles s;
    private final Contents contents;
    /** {@link #PART_TAIL_SHARE} of this paper's page. */
    private final float partTail;
    /**
     * The tagged level of the last chapter or section heading (1 or 2): a subsection is tagged one below it, H2
     * under a chapter without sections (the summary's tables), so that no level is skipped (PDF/UA-1, 7.4.2),
     * whatever size it is drawn in.
     */
    private int headingLevel = 1;

    Headings(ReportDrawing d, Contents contents) {
        this.d = d;
        this.c = d.c();
        this.s = d.styles();
        this.contents = contents;
        this.partTail = c.pageBody() * PART_TAIL_SHARE;
    }

    /** How much of a part-ending table its last page holds at least ({@link #PART_TAIL_SHARE} of a page). */
    float partTail() {
        return partTail;
    }

    void chapter(String text, boolean newPage) throws IOException {
        chapter(text, newPage, CHAPTER_KEEP_WITH);
    }

    /**
     * A chapter heading, on a page of its own ({@code newPage}) or on one page with at least {@code keepWith}
     * points of what follows it: its lines are measured, a long one (a domain's name in it) may take three.
     */
    void chapter(String text, boolean newPage, float keepWith) throws IOException {
        if (newPage) {
            c.newPage();
        } else {
            c.ensure(Math.min(d.height(s.h1(), text) + CHAPTER_BELOW + keepWith, c.pageBody()));
        }
        contents.mark(text, 0, true);
        headingLevel = 1;
        heading(StandardStructureTypes.H1, s.h1(), text);
        c.moveDown(2);
        c.rule(c.left(), c.right(), c.y(), 0.6f, Rgb.ACCENT);
        c.moveDown(CHAPTER_BELOW - 2);
    }

    /** A heading of {@code type} (H1 to H3), wrapped to the text's width. */
    void heading(String type, TextStyle style, String text) throws IOException {
        c.tags.open(type);
        c.paragraph(style, text, c.left(), c.width());
        c.tags.close();
    }

    void section(String text, String tocLabel, boolean inToc) throws IOException {
        section(text, tocLabel, inToc, SECTION_KEEP_WITH);
    }

    /** A section heading, on one page with at least {@code keepWith} points of what follows it. */
    void section(String text, String tocLabel, boolean inToc, float keepWith) throws IOException {
        c.ensure(Math.min(sectionHeight(text, keepWith), c.pageBody()));
        c.moveDown(SECTION_ABOVE);
        contents.mark(tocLabel, 1, inToc);
        headingLevel = 2;
        heading(StandardStructureTypes.H2, s.h2(), text);
        c.moveDown(SECTION_BELOW);
    }

    /** The height a {@link #section} heading keeps on one page: itself with {@code keepWith} of what follows. */
    float sectionHeight(String text, float keepWith) {
        return SECTION_ABOVE + d.height(s.h2(), text) + SECTION_BELOW + Math.max(keepWith, SECTION_KEEP_WITH);
    }

    void subsection(String text) throws IOException {
        subsection(text, 0);
    }

    /** A subsection heading, on one page with at least {@code keepWith} points of what follows it. */
    void subsection(String text, float keepWith) throws IOException {
        c.ensure(Math.min(s.h3().leading() + Math.max(SUBSECTION_ABOVE + SUBSECTION_BELOW + keepWith,
                SUBSECTION_KEEP_WITH), c.pageBody()));
        c.moveDown(SUBSECTION_ABOVE);
        heading(headingLevel == 1 ? StandardStructureTypes.H2 : StandardStructureTypes.H3, s.h3(), text);
        c.moveDown(SUBSECTION_BELOW);
    }

    /**
     * A table under its subsection heading. It breaks between its rows only where at least
     * {@link PdfTable#KEEP_ROWS} rows stay on each side, as a paragraph keeps two lines. When it ends a part, a new
     * page follows it anyway, and the part's last page holds at least {@link #PART_TAIL_SHARE} of a page of it,
     * or all of it: a table that fits on one page but not here is split there, filling this page, unless no break
     * leaves that much on both sides (it then moves whole, which costs no page) or moving it whole leaves neither
     * page mostly empty ({@link PdfTable#movesWhole}); a longer one leaves its last {@link #PART_TAIL_SHARE} of a
     * page together.
     */
    void table(String heading, PdfTable t, List<List<List<Para>>> cells, boolean endsPart) throws IOException {
        // wrapped once: measured whole, first and at the tail, then drawn
        List<Row> rows = cells.stream().map(t::wrap).toList();
        float above = SUBSECTION_ABOVE + s.h3().leading() + SUBSECTION_BELOW;
        boolean keepWhole = endsPart && t.movesWhole(rows, above, partTail);
        // the heading is never last on its page: it stays with the table's opening at least
        subsection(heading, keepWhole ? t.height(rows) : t.opening(rows));
        t.begin();
        if (endsPart) {
            t.partRows(rows, partTail);
        } else {
            // its last rows go on together, as its first stay with the heading
            t.rows(rows, Math.max(0, rows.size() - PdfTable.KEEP_ROWS));
        }
        t.end();
    }
}
