package org.mailpath.report.pdf;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.AbstractList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.report.Appendix;
import org.mailpath.engine.report.DomainFindings;
import org.mailpath.engine.report.MessageEntry;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.TitleBlock;
import org.mailpath.report.Paper;
import org.mailpath.report.ReportRenderer;
import org.mailpath.report.ReportWording;
import org.mailpath.report.pdf.PdfTable.Column;
import org.mailpath.report.pdf.PdfTable.Para;
import org.mailpath.report.pdf.PdfTable.Row;

/**
 * The PDF report: A4 or Letter, embedded DejaVu fonts, a title block with the conclusion and a linked table of
 * contents, the summary with a bar chart, one part per recipient domain for its mail team, our own side, and the raw
 * rows.
 * The pages' content goes to a temporary file while the document is built ({@link SpillingStreamCache}), so that
 * what a big report holds in memory per page is a few small objects, not its content.
 * Text from logs and servers is only ever drawn as text: nothing in it is interpreted.
 */
public final class PdfReportRenderer implements ReportRenderer {

    /** Told of each message as it is wrapped into rows: a test's count that each is laid out once. */
    private final Consumer<MessageEntry> laidOut;
    private final Paper paper;
    private final PdfFontCache fonts;

    /** A report on {@code paper}, its fonts from {@code fonts} (the renderers' owner's, parsed once for all). */
    public PdfReportRenderer(Paper paper, PdfFontCache fonts) {
        this(paper, fonts, m -> { });
    }

    PdfReportRenderer(PdfFontCache fonts, Consumer<MessageEntry> laidOut) {
        this(Paper.A4, fonts, laidOut);
    }

    private PdfReportRenderer(Paper paper, PdfFontCache fonts, Consumer<MessageEntry> laidOut) {
        this.paper = paper;
        this.fonts = fonts;
        this.laidOut = laidOut;
    }

    @Override
    public void render(ReportModel model, OutputStream out) throws IOException {
        // the fonts are this document's until it is saved (the subsets are made then); the document's streams go to
        // a temporary file beyond a few MB: memory stays bounded for big reports
        try (PdfFontCache.Loan lent = fonts.lend(); SpillingStreamCache streams = new SpillingStreamCache();
             PDDocument doc = new PDDocument(() -> streams)) {
            new Layout(doc, lent.fonts, model, paper, laidOut).run();
            doc.save(out);
        }
    }

    /** One rendering: the document being built and where its sections landed. */
    private static final class Layout {
        private final PDDocument doc;
        private final ReportModel model;
        private final Consumer<MessageEntry> laidOut;
        private final ReportWording words;
        private final PdfFonts fonts;
        private final PdfCanvas c;
        private final ReportDrawing drawing;
        private final Contents contents;
        private final Headings headings;
        private final FindingCards findings;
        private final TextStyle title;
        private final TextStyle subtitle;
        private final TextStyle h1;
        private final TextStyle h2;
        private final TextStyle h3;
        private final TextStyle body;
        private final TextStyle bodyBold;
        private final TextStyle small;
        private final TextStyle cell;
        private final TextStyle cellBold;
        private final TextStyle cellMono;
        private final TextStyle cellMonoBold;
        private final TextStyle cellMuted;
        private final TextStyle heading;
        private final TextStyle raw;

        Layout(PDDocument doc, ParsedFonts files, ReportModel model, Paper paper, Consumer<MessageEntry> laidOut)
                throws IOException {
            this.doc = doc;
            this.model = model;
            this.laidOut = laidOut;
            this.words = ReportWording.of(model);
            this.fonts = new PdfFonts(doc, files);
            this.c = new PdfCanvas(doc, fonts, paper, PdfTags.forListing(model.listedMessages()));
            ReportStyles styles = ReportStyles.of(fonts);
            this.drawing = new ReportDrawing(c, model, words, styles);
            this.contents = new Contents(drawing);
            this.headings = new Headings(drawing, contents);
            this.findings = new FindingCards(drawing);
            title = styles.title();
            subtitle = styles.subtitle();
            h1 = styles.h1();
            h2 = styles.h2();
            h3 = styles.h3();
            body = styles.body();
            bodyBold = styles.bodyBold();
            small = styles.small();
            cell = styles.cell();
            cellBold = styles.cellBold();
            cellMono = styles.cellMono();
            cellMonoBold = styles.cellMonoBold();
            cellMuted = styles.cellMuted();
            heading = styles.heading();
            raw = styles.raw();
        }

        void run() throws IOException {
            c.newPage();
            titleBlock();
            new SummaryChapter(drawing, headings).draw();
            if (!model.recipientDomains().isEmpty()) {
                new MailTeamChapter(drawing, headings, findings, laidOut).draw();
            }
            if (!model.ownSide().isEmpty()) {
                ownSide();
            }
            if (Contents.hasAppendix(model)) {
                appendix();
            }
            c.close();
            contents.draw();
            PageFurniture.draw(drawing);
            contents.outline();
            DocumentMetadata.write(drawing);
            c.tags.finish(doc);
        }

        // ---- title block, conclusion, contents

        private void titleBlock() throws IOException {
            TitleBlock t = model.title();
            c.moveDown(6);
            c.paragraph(small.color(Rgb.ACCENT), words.capitals(words.get("kicker"))
                    .replace(" · ", "  ·  "), c.left(), c.width());
            c.moveDown(4);
            headings.heading(StandardStructureTypes.H1, title, t.title());
            c.moveDown(2);
            c.paragraph(subtitle, words.subtitle(model), c.left(), c.width());
            c.moveDown(10);
            c.rule(c.left(), c.right(), c.y(), 0.8f, Rgb.ACCENT);
            c.moveDown(10);
            for (ReportWording.Fact f : words.titleFacts(model)) {
                keyValue(f.label(), f.value());
            }
            c.moveDown(12);
            conclusion();
            contents.placeholder();
        }

        private void keyValue(String key, String value) throws IOException {
            float keyWidth = 108;
            List<String> lines = c.wrap(body, drawing.clip(value), c.width() - keyWidth);
            c.ensure(body.leading() * lines.size());
            c.tags.open(StandardStructureTypes.P);
            c.text(c.left(), c.y() - body.size(), body.color(Rgb.MUTED), key);
            for (String line : lines) {
                c.text(c.left() + keyWidth, c.y() - body.size(), body, line);
                c.moveDown(body.leading());
            }
            c.tags.close();
            c.moveDown(1.5f);
        }

        private void conclusion() throws IOException {
            TextStyle text = body.size(9.8f);
            float pad = 10;
            float width = c.width() - 2 * pad - 3;
            List<String> lines = c.wrap(text, model.conclusion(), width);
            float h = lines.size() * text.leading() + 2 * pad + 14;
            c.ensure(Math.min(h, c.pageBody()));
            float top = c.y();
            c.fill(c.left(), top - h, c.width(), h, Rgb.BOX_BG);
            c.fill(c.left(), top - h, 3, h, Rgb.ACCENT);
            c.tags.open(StandardStructureTypes.H2);
            c.text(c.left() + pad + 3, top - pad - 8.5f, h3.color(Rgb.ACCENT), words.get("heading.conclusion"));
            c.tags.close();
            float y = top - pad - 14;
            c.tags.open(StandardStructureTypes.P);
            for (String line : lines) {
                c.text(c.left() + pad + 3, y - text.size(), text, line);
                y -= text.leading();
            }
            c.tags.close();
            c.moveDown(h + 16);
        }

        // ---- our own side

        private void ownSide() throws IOException {
            headings.chapter(words.get("heading.ownSide"), true);
            drawing.text(body, words.get("intro.ownSide"));
            c.moveDown(4);
            for (DomainFindings d : model.ownSide().domains()) {
                headings.section(d.domain(), d.domain(), false);
                if (!d.recordsToPublish().isEmpty()) {
                    headings.subsection(words.get("heading.publish"));
                    drawing.text(body, words.get("intro.publish"));
                    c.moveDown(3);
                    findings.monoBox(d.recordsToPublish(), c.left(), c.width());
                    c.moveDown(6);
                }
                headings.subsection(words.get("heading.findings"));
                for (Finding f : d.findings()) {
                    findings.finding(f);
                }
            }
            if (!model.ownSide().otherFindings().isEmpty()) {
                headings.section(words.get("heading.otherFindings"), words.get("heading.otherFindings"), false);
                for (Finding f : model.ownSide().otherFindings()) {
                    findings.finding(f);
                }
            }
        }

        // ---- appendix

        private void appendix() throws IOException {
            Appendix a = model.appendix();
            headings.chapter(words.get("heading.appendix"), true);
            drawing.text(body, words.appendixIntro(model.title()));
            a.note().ifPresent(n -> {
                try {
                    drawing.text(body.color(Rgb.WARNING), n);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            c.moveDown(4);
            if (!a.header().isEmpty()) {
                drawing.text(small, words.format("appendix.columns", String.join(", ", a.header())));
                c.moveDown(6);
            }
            if (a.rows().isEmpty()) {
                return;
            }
            if (a.files().isEmpty()) {
                rawRows(a.rows(), true);
                return;
            }
            // several logs: each file's rows in a table of their own, under its name and its own columns
            for (Appendix.FileColumns f : a.files()) {
                drawing.text(small, words.format("appendix.fileColumns", f.file(), String.join(", ", f.header())));
                c.moveDown(6);
                rawRows(a.rowsOf(f), f == a.files().getLast());
                c.moveDown(8);
            }
        }

        /** One log's raw rows; the {@code last} table of the appendix ends the document, as a part. */
        private void rawRows(List<Appendix.RawRow> rows, boolean last) throws IOException {
            float line = drawing.fit("col.line", 38);
            PdfTable t = new PdfTable(c, heading, List.of(Column.right(words.get("col.line"), line),
                    Column.left(words.get("col.row"), c.width() - line)));
            // made and wrapped row by row as the table draws them: a big log's rows are not held twice
            List<Row> cells = new AbstractList<>() {
                @Override
                public Row get(int i) {
                    Appendix.RawRow r = rows.get(i);
                    return t.wrap(List.of(List.of(new Para(cellMuted, words.count(r.line()))),
                            List.of(Para.csvRow(raw, drawing.clip(ReportWording.csv(r.cells()))))));
                }

                @Override
                public int size() {
                    return rows.size();
                }
            };
            t.begin();
            if (last) {
                t.lastRows(cells, headings.partTail());
            } else {
                for (Row row : cells) {
                    t.row(row);
                }
            }
            t.end();
        }

    }
}
