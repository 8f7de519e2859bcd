package org.mailpath.report.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.AbstractList;
import java.util.List;
import org.mailpath.engine.report.Appendix;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.report.ReportWording;
import org.mailpath.report.pdf.PdfTable.Column;
import org.mailpath.report.pdf.PdfTable.Para;
import org.mailpath.report.pdf.PdfTable.Row;

/** The appendix: the log's raw rows with their line numbers, a table per file when there are several. */
final class AppendixChapter {

    private final ReportDrawing d;
    private final PdfCanvas c;
    private final ReportStyles s;
    private final ReportWording words;
    private final Headings headings;

    AppendixChapter(ReportDrawing d, Headings headings) {
        this.d = d;
        this.c = d.c();
        this.s = d.styles();
        this.words = d.words();
        this.headings = headings;
    }

    /** Whether the report has an appendix: raw rows, or a note of why it has none. */
    static boolean present(ReportModel model) {
        return !model.appendix().rows().isEmpty() || model.appendix().note().isPresent();
    }

    void draw() throws IOException {
        Appendix a = d.model().appendix();
        headings.chapter(words.get("heading.appendix"), true);
        d.text(s.body(), words.appendixIntro(d.model().title()));
        a.note().ifPresent(n -> {
            try {
                d.text(s.body().color(Rgb.WARNING), n);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        c.moveDown(4);
        if (!a.header().isEmpty()) {
            d.text(s.small(), words.format("appendix.columns", String.join(", ", a.header())));
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
            d.text(s.small(), words.format("appendix.fileColumns", f.file(), String.join(", ", f.header())));
            c.moveDown(6);
            rawRows(a.rowsOf(f), f == a.files().getLast());
            c.moveDown(8);
        }
    }

    /** One log's raw rows; the {@code last} table of the appendix ends the document, as a part. */
    private void rawRows(List<Appendix.RawRow> rows, boolean last) throws IOException {
        float line = d.fit("col.line", 38);
        PdfTable t = new PdfTable(c, s.heading(), List.of(Column.right(words.get("col.line"), line),
                Column.left(words.get("col.row"), c.width() - line)));
        // made and wrapped row by row as the table draws them: a big log's rows are not held twice
        List<Row> cells = new AbstractList<>() {
            @Override
            public Row get(int i) {
                Appendix.RawRow r = rows.get(i);
                return t.wrap(List.of(List.of(new Para(s.cellMuted(), words.count(r.line()))),
                        List.of(Para.csvRow(s.raw(), d.clip(ReportWording.csv(r.cells()))))));
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
