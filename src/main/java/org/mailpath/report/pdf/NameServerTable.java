package org.mailpath.report.pdf;

import java.io.IOException;
import java.util.List;
import org.mailpath.engine.check.NameServerResult;
import org.mailpath.report.ReportWording;
import org.mailpath.report.pdf.PdfTable.Column;
import org.mailpath.report.pdf.PdfTable.Para;

/** A recipient domain's name servers: a row each with its address, test results and verdict, and their legend. */
final class NameServerTable {

    private NameServerTable() {
    }

    static void draw(ReportDrawing d, List<NameServerResult> servers) throws IOException {
        PdfCanvas c = d.c();
        ReportStyles s = d.styles();
        ReportWording words = d.words();
        float address = d.fit("col.address", 96);
        // a verdict ("Fungerar med brister") reads badly broken over two lines: its column holds the longest
        float judged = PdfTable.holding(c, s.cellBold(), words.nameServerVerdicts(), d.fit("col.verdict", 60));
        PdfTable t = new PdfTable(c, s.heading(), List.of(Column.left(words.get("col.nameServer"), 130),
                Column.left(words.get("col.address"), address),
                Column.left(words.get("col.tests"), c.width() - 130 - address - judged),
                Column.left(words.get("col.verdict"), judged)));
        t.begin();
        String legend = words.nameServerLegend();
        float legendHeight = d.height(s.small(), legend);
        for (int i = 0; i < servers.size(); i++) {
            NameServerResult ns = servers.get(i);
            StringBuilder tests = new StringBuilder();
            ns.tests().forEach((k, v) -> tests.append(tests.isEmpty() ? "" : "  ").append(k).append('=')
                    .append(v));
            TextStyle verdict = switch (ns.verdict()) {
                case "ok" -> s.cellBold().color(Rgb.OK);
                case "dead" -> s.cellBold().color(Rgb.ERROR);
                default -> s.cellBold().color(Rgb.WARNING);
            };
            // the legend under the table (8 pt below it) stays with its last row: alone atop a page it explains
            // nothing
            t.row(List.of(List.of(new Para(s.cell(), ns.name())), List.of(new Para(s.cellMono(), ns.address())),
                    List.of(new Para(s.cellMono(), tests.toString())),
                    List.of(new Para(verdict, words.nameServerVerdict(ns.verdict())))),
                    i == servers.size() - 1 ? legendHeight + 8 : 0);
        }
        t.end();
        d.text(s.small(), legend);
    }
}
