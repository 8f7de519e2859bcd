package org.mailpath.report.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.mailpath.engine.analysis.Verdict;
import org.mailpath.engine.report.CauseRow;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.report.ReportWording;
import org.mailpath.report.pdf.PdfTable.Column;
import org.mailpath.report.pdf.PdfTable.Para;

/** The summary chapter: a bar chart of the verdicts, the causes table and the table of recipient domains. */
final class SummaryChapter {

    private final ReportDrawing d;
    private final PdfCanvas c;
    private final ReportStyles s;
    private final ReportModel model;
    private final ReportWording words;
    private final Headings headings;

    SummaryChapter(ReportDrawing d, Headings headings) {
        this.d = d;
        this.c = d.c();
        this.s = d.styles();
        this.model = d.model();
        this.words = d.words();
        this.headings = headings;
    }

    void draw() throws IOException {
        headings.chapter(words.get("heading.summary"), false);
        chart();
        Optional<String> retried = words.summaryRetried(model);
        if (retried.isPresent()) {
            d.text(s.small(), retried.get());
        }
        // the summary is the last of the first part: the mail teams' part (or the next one) starts a new page
        boolean domainTable = model.summary().domains().size() > 1;
        if (!model.summary().causes().isEmpty()) {
            float bounced = d.fit("col.bounced", 44);
            float deferred = d.fit("col.deferred", 46);
            float actor = d.fit("col.actor", 78);
            PdfTable t = new PdfTable(c, s.heading(), List.of(Column.left(words.get("col.cause"), 134),
                    Column.right(words.get("col.bounced"), bounced),
                    Column.right(words.get("col.deferred"), deferred), Column.left(words.get("col.actor"), actor),
                    Column.left(words.get("col.todo"), c.width() - 134 - bounced - deferred - actor)));
            List<List<List<Para>>> rows = new ArrayList<>();
            for (CauseRow r : model.summary().causes()) {
                List<Para> cause = new ArrayList<>(List.of(new Para(s.cellBold(), r.label()),
                        new Para(s.cellMuted(), d.clip(words.causeMeaning(r)))));
                if (ReportWording.namesCauseDomains(model, r)) {
                    cause.add(new Para(s.cellMuted(), words.format("cause.to", words.domains(r))));
                }
                rows.add(List.of(cause,
                        List.of(new Para(s.cell(), words.count(r.bounced()))),
                        List.of(new Para(s.cell(), words.count(r.deferred()))),
                        List.of(new Para(s.cell(), words.causeActor(model, r))),
                        List.of(new Para(s.cell(), d.clip(words.causeTableFix(model, r))))));
            }
            headings.table(words.get("heading.causes"), t, rows, !domainTable);
        }
        if (domainTable) {
            headings.table(words.get("heading.domains"), DomainCountsTable.of(d),
                    model.summary().domains().stream().map(r -> DomainCountsTable.cells(d, r)).toList(), true);
        }
    }

    /** Horizontal bars, one per verdict, with count and share. */
    private void chart() throws IOException {
        List<Verdict> order = List.of(Verdict.DELIVERED, Verdict.BOUNCED, Verdict.DEFERRED,
                Verdict.RECEIVED_ONLY);
        long[] percent = ReportWording.percentages(order.stream().mapToLong(v -> model.summary().count(v))
                .toArray());
        double[] share = ReportWording.shares(order.stream().mapToLong(v -> model.summary().count(v)).toArray());
        float labelWidth = 92;
        List<String> labels = order.stream().map(v -> words.summaryCount(model, model.summary().count(v))
                + "  (" + percent[order.indexOf(v)] + " %)").toList();
        // the counts right of the bars keep their 110 points, more where "12 exemplar  (100 %)" needs it
        float countsWidth = 110;
        for (String label : labels) {
            countsWidth = Math.max(countsWidth, c.width(s.bodyBold(), label) + 10);
        }
        float barMax = c.width() - labelWidth - countsWidth;
        float rowH = 17;
        c.ensure(rowH * order.size() + 10);
        c.moveDown(2);
        // a figure, read as its text: each verdict with its count and share (the bars show the same)
        List<String> alt = new ArrayList<>();
        for (Verdict v : order) {
            alt.add(words.verdict(v) + ": " + labels.get(order.indexOf(v)));
        }
        c.tags.open(StandardStructureTypes.Figure).setAlternateDescription(String.join("; ", alt));
        for (Verdict v : order) {
            long n = model.summary().count(v);
            float top = c.y();
            float mid = top - rowH / 2;
            c.text(c.left(), mid - 3.2f, s.body(), words.verdict(v));
            float x = c.left() + labelWidth;
            c.fill(x, mid - 5, barMax, 10, Rgb.GROUP_BG);
            float w = n == 0 ? 0 : Math.max(1.5f, (float) (barMax * share[order.indexOf(v)]));
            c.fill(x, mid - 5, w, 10, colour(v));
            String label = labels.get(order.indexOf(v));
            c.text(x + barMax + 8, mid - 3.2f, n == 0 ? s.body().color(Rgb.MUTED) : s.bodyBold(), label);
            c.moveDown(rowH);
        }
        c.tags.close();
        c.moveDown(6);
    }

    private static Rgb colour(Verdict v) {
        return switch (v) {
            case DELIVERED -> Rgb.OK;
            case BOUNCED -> Rgb.ERROR;
            case DEFERRED -> Rgb.WARNING;
            case RECEIVED_ONLY -> Rgb.NEUTRAL;
        };
    }
}
