package org.mailpath.report.pdf;

import java.io.IOException;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.report.ReportWording;

/** One PDF report being drawn: its canvas, model, words and styles, and the measures all its parts share. */
record ReportDrawing(PdfCanvas c, ReportModel model, ReportWording words, ReportStyles styles) {

    /** Longer cell values (a hostile 50 MB status line) are cut; the JSON and HTML keep them whole. */
    static final int MAX_CELL = 2000;

    /** {@code s}, cut after {@link #MAX_CELL} characters with a note of how many more there are. */
    String clip(String s) {
        if (s.length() <= MAX_CELL) {
            return s;
        }
        // not between the two halves of a surrogate pair, which would print as a lone [U+D83D]
        int end = Character.isHighSurrogate(s.charAt(MAX_CELL - 1)) ? MAX_CELL - 1 : MAX_CELL;
        return words.format("clipped", s.substring(0, end), (long) s.codePointCount(end, s.length()));
    }

    /** The width of the column headed by the phrase {@code key}: {@code width}, or more for a long word. */
    float fit(String key, float width) {
        return PdfTable.fitting(c, styles.heading(), words.get(key), width);
    }

    /** {@code text} in {@code style}, wrapped to the text's width. */
    void text(TextStyle style, String text) throws IOException {
        c.paragraph(style, text, c.left(), c.width());
    }

    /** The height {@code text} takes drawn by {@link #text} (or a heading) in {@code style}, all its lines. */
    float height(TextStyle style, String text) {
        return c.wrap(style, text, c.width()).size() * style.leading();
    }
}
