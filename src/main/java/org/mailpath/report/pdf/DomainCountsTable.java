package org.mailpath.report.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.mailpath.engine.report.DomainRow;
import org.mailpath.report.ReportWording;
import org.mailpath.report.pdf.PdfTable.Column;
import org.mailpath.report.pdf.PdfTable.Para;

/** The table of recipient domains and their counts: the summary's, and that of the domains none listed. */
final class DomainCountsTable {

    private DomainCountsTable() {
    }

    /** The table, its columns fitted to their headings: the domain, then its counts. */
    static PdfTable of(ReportDrawing d) {
        PdfCanvas c = d.c();
        ReportWording words = d.words();
        List<Column> counts = Stream.of(ReportWording.domainCountColumn(d.model()),
                "col.delivered", "col.bounced", "col.deferred",
                "col.receivedOnly").map(k -> Column.right(words.get(k), d.fit(k, 54))).toList();
        List<Column> columns = new ArrayList<>();
        columns.add(Column.left(words.get("col.domain"),
                c.width() - (float) counts.stream().mapToDouble(Column::width).sum()));
        columns.addAll(counts);
        return new PdfTable(c, d.styles().heading(), columns);
    }

    /** The cells of the row of {@code row}'s domain; a count of none greyed. */
    static List<List<Para>> cells(ReportDrawing d, DomainRow row) {
        TextStyle cell = d.styles().cell();
        return List.of(List.of(new Para(cell, ReportWording.shown(row.domain()))), num(d, row.messages()),
                num(d, row.delivered()), num(d, row.bounced()), num(d, row.deferred()), num(d, row.receivedOnly()));
    }

    private static List<Para> num(ReportDrawing d, long n) {
        TextStyle cell = d.styles().cell();
        return List.of(new Para(n == 0 ? cell.color(Rgb.NEUTRAL) : cell, d.words().count(n)));
    }
}
