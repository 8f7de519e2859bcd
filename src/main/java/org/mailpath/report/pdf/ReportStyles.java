package org.mailpath.report.pdf;

/** The PDF report's text styles: title, headings, body text, table cells and raw log rows. */
record ReportStyles(TextStyle title, TextStyle subtitle, TextStyle h1, TextStyle h2, TextStyle h3, TextStyle body,
                    TextStyle bodyBold, TextStyle small, TextStyle cell, TextStyle cellBold, TextStyle cellMono,
                    TextStyle cellMonoBold, TextStyle cellMuted, TextStyle heading, TextStyle raw) {

    /** The styles drawn in {@code fonts}; {@code heading} is a table's heading row, {@code raw} a log's raw row. */
    static ReportStyles of(PdfFonts fonts) {
        return new ReportStyles(
                new TextStyle(fonts.bold, 21, Rgb.ACCENT),
                new TextStyle(fonts.regular, 10.5f, Rgb.MUTED),
                new TextStyle(fonts.bold, 15, Rgb.ACCENT),
                new TextStyle(fonts.bold, 12, Rgb.TEXT),
                new TextStyle(fonts.bold, 9.8f, Rgb.TEXT),
                new TextStyle(fonts.regular, 9.2f, Rgb.TEXT),
                new TextStyle(fonts.bold, 9.2f, Rgb.TEXT),
                new TextStyle(fonts.regular, 7.8f, Rgb.MUTED),
                new TextStyle(fonts.regular, 7.8f, Rgb.TEXT),
                new TextStyle(fonts.bold, 7.8f, Rgb.TEXT),
                new TextStyle(fonts.mono, 7.4f, Rgb.TEXT),
                new TextStyle(fonts.mono, 7.6f, Rgb.ACCENT),
                new TextStyle(fonts.regular, 7.4f, Rgb.MUTED),
                new TextStyle(fonts.bold, 7.4f, Rgb.TEXT),
                new TextStyle(fonts.mono, 6.6f, Rgb.TEXT));
    }
}
