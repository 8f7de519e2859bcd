package org.mailpath.report.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.engine.report.ReportFindings;
import org.mailpath.report.ReportWording;

/** The findings drawn as cards (badge, message, code, evidence, fix), and the box evidence and records go in. */
final class FindingCards {

    private final ReportDrawing d;
    private final PdfCanvas c;
    private final ReportStyles s;
    private final ReportWording words;

    FindingCards(ReportDrawing d) {
        this.d = d;
        this.c = d.c();
        this.s = d.styles();
        this.words = d.words();
    }

    void finding(Finding f) throws IOException {
        String label = words.badge(f);
        TextStyle badgeText = new TextStyle(c.fonts.bold, 6.6f, Rgb.hex(0xFFFFFF));
        // one width for every badge, so that the findings' texts line up whatever their badges say
        float badge = Math.max(50,
                c.width(badgeText, words.capitals(words.get("notChecked"))) + 8);
        float x = c.left() + badge + 6;
        float width = c.right() - x;
        List<String> message = c.wrap(s.bodyBold(), d.clip(f.message()), width);
        c.ensure(s.bodyBold().leading() * Math.min(message.size(), 3) + s.small().leading() * 2);
        c.moveDown(3);
        float top = c.y();
        Rgb colour = ReportFindings.notChecked(f) ? Rgb.MUTED : colour(f.severity());
        c.fill(c.left(), top - 11, badge, 11, colour);
        // the badge is read with the message it marks
        c.tags.open(StandardStructureTypes.P);
        c.text(c.left() + (badge - c.width(badgeText, label)) / 2, top - 8.2f, badgeText, label);
        c.paragraph(f.severity() == Severity.OK ? s.body() : s.bodyBold(), d.clip(f.message()), x, width);
        c.tags.close();
        String meta = f.code() + (f.subject().isEmpty() ? "" : "  ·  " + f.subject())
                + (f.severity() == Severity.OK ? "" : "  ·  " + words.findingActor(d.model(), f.actor()));
        c.paragraph(s.small(), meta, x, width);
        if (f.severity() != Severity.OK) {
            if (!f.evidence().isEmpty()) {
                c.moveDown(2);
                monoBox(f.evidence(), x, width);
            }
            if (!f.remediation().isEmpty()) {
                c.moveDown(2);
                c.paragraph(s.body(), words.format("fix", d.clip(ReportWording.fix(f))), x, width, true);
            }
        }
        c.moveDown(5);
    }

    /** Lines of evidence or records in a light box, drawn line by line so it can cross a page break. */
    void monoBox(List<String> lines, float x, float width) throws IOException {
        TextStyle style = s.cellMono();
        float pad = 5;
        List<String> wrapped = new ArrayList<>();
        for (String l : lines) {
            wrapped.addAll(c.wrap(style, d.clip(l), width - 2 * pad - 2));
        }
        c.tags.open(StandardStructureTypes.P);
        for (int i = 0; i < wrapped.size(); i++) {
            float extraTop = i == 0 ? 3 : 0;
            float extraBottom = i == wrapped.size() - 1 ? 3 : 0;
            float h = style.leading() + extraTop + extraBottom;
            c.ensure(h);
            float top = c.y();
            c.fill(x, top - h, width, h, Rgb.BOX_BG);
            c.fill(x, top - h, 2, h, Rgb.RULE);
            c.text(x + pad + 2, top - extraTop - style.size(), style, wrapped.get(i));
            c.moveDown(h);
        }
        c.tags.close();
    }

    private static Rgb colour(Severity s) {
        return switch (s) {
            case ERROR -> Rgb.ERROR;
            case WARNING -> Rgb.WARNING;
            case INFO -> Rgb.INFO;
            case OK -> Rgb.OK;
        };
    }
}
