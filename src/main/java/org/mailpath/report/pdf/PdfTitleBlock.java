package org.mailpath.report.pdf;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.TitleBlock;
import org.mailpath.report.ReportWording;

/** The title block atop the first page: title, the log's facts, the conclusion, room for the contents. */
final class PdfTitleBlock {

    private final ReportDrawing d;
    private final PdfCanvas c;
    private final ReportStyles s;
    private final ReportModel model;
    private final ReportWording words;
    private final Headings headings;
    private final Contents contents;

    PdfTitleBlock(ReportDrawing d, Headings headings, Contents contents) {
        this.d = d;
        this.c = d.c();
        this.s = d.styles();
        this.model = d.model();
        this.words = d.words();
        this.headings = headings;
        this.contents = contents;
    }

    void draw() throws IOException {
        TitleBlock t = model.title();
        c.moveDown(6);
        c.paragraph(s.small().color(Rgb.ACCENT), words.capitals(words.get("kicker"))
                .replace(" · ", "  ·  "), c.left(), c.width());
        c.moveDown(4);
        headings.heading(StandardStructureTypes.H1, s.title(), t.title());
        c.moveDown(2);
        c.paragraph(s.subtitle(), words.subtitle(model), c.left(), c.width());
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
        TextStyle body = s.body();
        float keyWidth = 108;
        List<String> lines = c.wrap(body, d.clip(value), c.width() - keyWidth);
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
        TextStyle text = s.body().size(9.8f);
        float pad = 10;
        float width = c.width() - 2 * pad - 3;
        List<String> lines = c.wrap(text, model.conclusion(), width);
        float h = lines.size() * text.leading() + 2 * pad + 14;
        c.ensure(Math.min(h, c.pageBody()));
        float top = c.y();
        c.fill(c.left(), top - h, c.width(), h, Rgb.BOX_BG);
        c.fill(c.left(), top - h, 3, h, Rgb.ACCENT);
        c.tags.open(StandardStructureTypes.H2);
        c.text(c.left() + pad + 3, top - pad - 8.5f, s.h3().color(Rgb.ACCENT), words.get("heading.conclusion"));
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
}
