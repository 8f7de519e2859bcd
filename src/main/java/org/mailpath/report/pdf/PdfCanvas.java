package org.mailpath.report.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.interactive.action.PDAction;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDBorderStyleDictionary;
import org.mailpath.report.Paper;

/**
 * A very small layout engine on top of PDFBox (which has none): A4 or Letter pages with fixed margins, a cursor that
 * moves down the page, wrapped text measured with the fonts' real widths, and page breaks when the page is full.
 * Page header and footer are drawn at the end, when the page count is known.
 */
final class PdfCanvas implements AutoCloseable {

    /** A page's tab order key (PDF 32000-1, table 30): PDFBox 3 has no name for it. */
    private static final COSName TABS = COSName.getPDFName("Tabs");
    /** The margins at either side; the text is as wide as the paper leaves (Letter's is 17 points wider). */
    static final float SIDE = 56;
    /** From the paper's top edge to the text, below the page header. */
    static final float ABOVE = 66;
    static final float BOTTOM = 62;
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"']+[^\\s<>\"'.,;:)]");
    /** Characters after which a long token (Message ID, host name) may be broken. */
    private static final String BREAK_AFTER = ".@/_=;,:>]";
    /**
     * Hyphens, before which a long token may be broken but never after: pdftotext, and viewers' copy and search,
     * take a hyphen at a line's end for a word broken by hyphenation and drop it ("really-long-recipient" copied as
     * "really-longrecipient"). A hyphen beginning a line is kept.
     */
    private static final String HYPHENS = "-\u2010\u00AD";
    /**
     * What separates the fields of a raw CSV row, and the words inside one: a line may break after them. A tab or
     * line break inside a quoted field is drawn as a space ({@link PdfFonts#standIn}), and breaks as one.
     */
    private static final String CSV_SEPARATORS = ", \t\n\r";
    /** What is drawn as a space: not seen at a line's end. */
    private static final String BLANK = " \t\n\r";
    /**
     * The narrowest a raw CSV row's line is drawn, as a share of its width, when squeezed to keep a field's
     * separators on its line ({@link #wrapCsvRow}): a comma or a few go in unnoticed, a long run would make the field
     * hard to read.
     */
    static final float MIN_SQUEEZE = 0.8f;
    /** Points by which a line measured in pieces may exceed its width (float rounding, far below a pixel). */
    private static final float ROUNDING = 0.001f;
    /** Lines of a paragraph kept together at either side of a page break. */
    static final int KEEP_LINES = 2;

    final PDDocument doc;
    final PdfFonts fonts;
    /** The structure the text drawn goes into. */
    final PdfTags tags;
    private final PDRectangle size;
    private PDPageContentStream cs;
    private PDPage page;
    private float y;
    private final List<Runnable> pageStartHooks = new ArrayList<>();

    PdfCanvas(PDDocument doc, PdfFonts fonts, Paper paper, PdfTags tags) {
        this.doc = doc;
        this.fonts = fonts;
        this.tags = tags;
        this.size = switch (paper) {
            case A4 -> PDRectangle.A4;
            case LETTER -> PDRectangle.LETTER;
        };
    }

    /** The paper's size. */
    PDRectangle size() {
        return size;
    }

    /** Where the text begins at the left. */
    float left() {
        return SIDE;
    }

    /** Where the text ends at the right. */
    float right() {
        return size.getWidth() - SIDE;
    }

    /** The text's width. */
    float width() {
        return right() - left();
    }

    /** Where the text begins at the top of a page. */
    float top() {
        return size.getHeight() - ABOVE;
    }

    PDPage page() {
        return page;
    }

    float y() {
        return y;
    }

    void moveDown(float dy) {
        y -= dy;
    }

    float remaining() {
        return y - BOTTOM;
    }

    /** Full usable height of a fresh page. */
    float pageBody() {
        return top() - BOTTOM;
    }

    void newPage() throws IOException {
        if (cs != null) {
            cs.close();
        }
        page = new PDPage(size);
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        y = top();
        for (Runnable hook : List.copyOf(pageStartHooks)) {
            hook.run();
        }
    }

    /** Runs something at the top of every new page (e.g. a table's repeated heading), until removed. */
    void onPageStart(Runnable hook) {
        pageStartHooks.add(hook);
    }

    void removePageStart(Runnable hook) {
        pageStartHooks.remove(hook);
    }

    /** Starts a new page unless {@code height} still fits on this one. */
    void ensure(float height) throws IOException {
        if (page == null || remaining() < height) {
            newPage();
        }
    }

    // ---- text

    /** Draws one line of text with its baseline at {@code baseline}; returns its width. */
    float text(float x, float baseline, TextStyle style, String text) throws IOException {
        return text(page, cs, x, baseline, style, text);
    }

    /**
     * Draws one line (already wrapped, in logical order) in visual order, so right-to-left values read right; the
     * width is the same in either order, so callers measure the logical text.
     */
    float text(PDPage on, PDPageContentStream stream, float x, float baseline, TextStyle style, String text)
            throws IOException {
        return text(on, stream, x, baseline, style, text, 1);
    }

    /**
     * Draws one line no wider than {@code room}: a line of {@link #wrapCsvRow} that keeps a field's separators with
     * it past the edge is squeezed in (PDF's horizontal scaling, so the text stays the same to copy and search); the
     * spaces at its end are not seen, and not counted. Returns the width drawn.
     */
    float text(float x, float baseline, TextStyle style, String text, float room) throws IOException {
        float seen = seenWidth(style, text);
        return text(page, cs, x, baseline, style, text, seen > room + ROUNDING ? room / seen : 1);
    }

    /** Draws a line as one marked-content sequence of the current element ({@link PdfTags#beginContent}). */
    private float text(PDPage on, PDPageContentStream stream, float x, float baseline, TextStyle style, String text,
                       float scale) throws IOException {
        tags.beginContent(on, stream);
        float cx = x;
        stream.setNonStrokingColor(style.color().r(), style.color().g(), style.color().b());
        if (scale != 1) {
            stream.setHorizontalScaling(scale * 100);
        }
        for (PdfFonts.Run run : fonts.runs(style.font(), VisualOrder.of(text))) {
            stream.beginText();
            stream.setFont(run.font(), style.size());
            stream.newLineAtOffset(cx, baseline);
            stream.showText(run.text());
            stream.endText();
            cx += fonts.width(run.font(), style.size(), run.text()) * scale;
        }
        if (scale != 1) {
            // a text state setting, kept until changed: the lines drawn after are not squeezed
            stream.setHorizontalScaling(100);
        }
        tags.endContent(stream);
        return cx - x;
    }

    /**
     * Begins one marked-content sequence for the text drawn until {@link #endContent}, on this page (no page break
     * in between): a table cell's lines.
     */
    void beginContent() throws IOException {
        tags.beginContent(page, cs);
    }

    void endContent() throws IOException {
        tags.endContent(cs);
    }

    float width(TextStyle style, String text) {
        return fonts.width(style.font(), style.size(), text);
    }

    /**
     * Breaks text into lines no wider than {@code max}: at spaces where possible, inside long tokens (Message IDs,
     * host names) after punctuation, and anywhere as a last resort. Explicit line breaks are kept.
     */
    List<String> wrap(TextStyle style, String text, float max) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\r\n|\r|\n", -1)) {
            wrapParagraph(style, paragraph, max, lines);
        }
        return lines;
    }

    /**
     * Breaks a raw CSV row into lines of {@code max}, after its separators (commas and spaces): a separator stays at
     * the end of the line it ends, so that no line starts with one or holds nothing else ("," alone on a line after a
     * row's last field), and a field moves to the next line whole when it fits there, so that a Message ID is not cut
     * ("…,2" and "1749391.…"), which would break copying it and searching for it. Only a field wider than a whole
     * line is cut, after punctuation where possible. A space at a line's end hangs past {@code max}: it is not seen.
     * A field that fits a line keeps the separators after it on its line even where they pass {@code max}, up to
     * {@code max / }{@link #MIN_SQUEEZE}: {@link #text(float, float, TextStyle, String, float)} draws such a line
     * squeezed into {@code max}. Only a run of separators longer than that (commas and spaces inside a quoted value)
     * is broken inside, never before a space (a space ending a line hangs), so that the next line starts with a comma.
     */
    List<String> wrapCsvRow(TextStyle style, String text, float max) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        float lineWidth = 0;
        for (String piece : csvPieces(text)) {
            // widths summed piece by piece differ from the whole line's in the last bits of a float
            if (lineWidth + seenWidth(style, piece) <= max + ROUNDING) {
                line.append(piece);
                lineWidth += width(style, piece);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = cutSeparators(style, cutField(style, piece, max, lines), max, lines);
            line.append(rest);
            lineWidth = width(style, rest);
        }
        lines.add(line.toString());
        return lines;
    }

    /**
     * Cuts lines off a piece (a field and the separators after it) whose field is wider than a line, until what is
     * left of the field fits; returns that rest. The field's last character goes on with its separators when they do
     * not fit after the rest but do with that character: the field is cut anyway, and squeezing is kept for fields
     * that fit. A piece whose field fits a line is returned whole: the separators after it, which begin no line, once
     * counted in, sent a 110-character Message ID that just fit to be cut ("…@x." and "example,").
     */
    private String cutField(TextStyle style, String piece, float max, List<String> lines) {
        if (width(style, piece.substring(0, fieldEnd(piece))) <= max + ROUNDING) {
            return piece;
        }
        String rest = piece;
        while (seenWidth(style, rest) > max + ROUNDING) {
            int end = fieldEnd(rest);
            int cut;
            if (width(style, rest.substring(0, end)) > max + ROUNDING) {
                cut = cutInside(style, rest, max);
            } else {
                cut = end > 0 ? beforeHyphens(rest, rest.offsetByCodePoints(end, -1)) : 0;
                if (cut == 0 || seenWidth(style, rest.substring(cut)) > max + ROUNDING) {
                    break;
                }
            }
            lines.add(rest.substring(0, cut));
            rest = rest.substring(cut);
        }
        return rest;
    }

    /**
     * Cuts lines off a piece whose field fits a line but whose separators would need it squeezed more than
     * {@link #MIN_SQUEEZE} (a quoted "550 5.7.1 , , , …"): the field stays whole on its line (it was cut "5.7." and
     * "1 , , …"), the separators broken before a comma (a space there would begin the next line: it hangs at the end
     * of this one instead). Returns the rest, which fits (squeezed, when it is the whole piece).
     */
    private String cutSeparators(TextStyle style, String piece, float max, List<String> lines) {
        if (seenWidth(style, piece) <= max / MIN_SQUEEZE + ROUNDING) {
            return piece;
        }
        // broken anyway: the lines after the field's are not squeezed, and the last goes on with the next fields
        String rest = piece;
        while (seenWidth(style, rest) > max + ROUNDING) {
            int cut = separatorCut(style, rest, max);
            if (cut < 0) {
                break;
            }
            lines.add(rest.substring(0, cut));
            rest = rest.substring(cut);
        }
        return rest;
    }

    /**
     * Where to break a run of separators after a field: before one of its commas after the first separator (never
     * before a space), the latest that fits in {@code max}, else the latest that fits squeezed, else the first; -1
     * when there is none.
     */
    private int separatorCut(TextStyle style, String rest, float max) {
        int fits = -1;
        int squeezed = -1;
        int first = -1;
        for (int cut = fieldEnd(rest) + 1; cut < rest.length(); cut++) {
            if (BLANK.indexOf(rest.charAt(cut)) >= 0) {
                continue;
            }
            first = first < 0 ? cut : first;
            float seen = seenWidth(style, rest.substring(0, cut));
            if (seen <= max + ROUNDING) {
                fits = cut;
            } else if (seen <= max / MIN_SQUEEZE + ROUNDING) {
                squeezed = cut;
            } else {
                break;
            }
        }
        return fits >= 0 ? fits : squeezed >= 0 ? squeezed : first;
    }

    /** Where the separators at the end of {@code piece} begin (its length when it has none). */
    private static int fieldEnd(String piece) {
        int end = piece.length();
        while (end > 0 && CSV_SEPARATORS.indexOf(piece.charAt(end - 1)) >= 0) {
            end--;
        }
        return end;
    }

    /** A row's fields with the separators that follow them (those at its start go with its first field). */
    private static List<String> csvPieces(String text) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        boolean field = false;
        for (int i = 0; i < text.length(); i++) {
            boolean separator = CSV_SEPARATORS.indexOf(text.charAt(i)) >= 0;
            if (!separator && field && CSV_SEPARATORS.indexOf(text.charAt(i - 1)) >= 0) {
                pieces.add(text.substring(start, i));
                start = i;
            }
            field |= !separator;
        }
        pieces.add(text.substring(start));
        return pieces;
    }

    /** The width of {@code text} without the spaces at its end, which are not seen at a line's end. */
    private float seenWidth(TextStyle style, String text) {
        int end = text.length();
        while (end > 0 && BLANK.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return width(style, text.substring(0, end));
    }

    /**
     * Where to cut a piece of a row wider than a line: as {@link #fitting}, but not just before its separators,
     * which would begin the next line: its last character then goes on with them.
     */
    private int cutInside(TextStyle style, String piece, float max) {
        int cut = fitting(style, piece, max);
        if (cut < piece.length() && CSV_SEPARATORS.indexOf(piece.charAt(cut)) >= 0) {
            int run = fieldEnd(piece.substring(0, cut));
            if (run > 0 && piece.offsetByCodePoints(run, -1) > 0) {
                return beforeHyphens(piece, piece.offsetByCodePoints(run, -1));
            }
        }
        return cut;
    }

    private void wrapParagraph(TextStyle style, String text, float max, List<String> lines) {
        if (width(style, text) <= max) {
            lines.add(text);
            return;
        }
        float space = width(style, " ");
        StringBuilder line = new StringBuilder();
        float lineWidth = 0;
        for (String word : text.split(" ", -1)) {
            float wordWidth = width(style, word);
            float candidate = line.isEmpty() ? wordWidth : lineWidth + space + wordWidth;
            if (candidate <= max) {
                if (!line.isEmpty()) {
                    line.append(' ');
                }
                line.append(word);
                lineWidth = candidate;
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            float restWidth = wordWidth;
            while (restWidth > max) {
                int cut = fitting(style, rest, max);
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
                restWidth = width(style, rest);
            }
            line.append(rest);
            lineWidth = restWidth;
        }
        lines.add(line.toString());
    }

    /**
     * How many chars of a too-long token fit on a line, preferring a cut after punctuation or before a hyphen in the
     * second half; never a cut just after a hyphen, unless the line would hold nothing but hyphens.
     */
    private int fitting(TextStyle style, String token, float max) {
        int lo = fittingAnywhere(style, token, max);
        for (int i = lo; i > lo / 2; i--) {
            boolean afterHyphen = HYPHENS.indexOf(token.charAt(i - 1)) >= 0;
            if (!afterHyphen && (BREAK_AFTER.indexOf(token.charAt(i - 1)) >= 0
                    || i < token.length() && HYPHENS.indexOf(token.charAt(i)) >= 0)) {
                return i;
            }
        }
        return beforeHyphens(token, lo);
    }

    /** {@code cut}, or where it is just after hyphens, just before them; as it is when only hyphens are before it. */
    private static int beforeHyphens(String text, int cut) {
        for (int i = cut; i > 0; i--) {
            if (HYPHENS.indexOf(text.charAt(i - 1)) < 0) {
                return i;
            }
        }
        return cut;
    }

    /** How many chars fit on a line (at least one, never splitting a surrogate pair). */
    private int fittingAnywhere(TextStyle style, String token, float max) {
        float limit = max * 1000f / style.size();
        float w = 0;
        int i = 0;
        while (i < token.length()) {
            int cp = token.codePointAt(i);
            float cw = fonts.units(style.font(), cp);
            if (w + cw > limit && i > 0) {
                break;
            }
            w += cw;
            i += Character.charCount(cp);
        }
        return Math.max(i, Character.charCount(token.codePointAt(0)));
    }

    /** Draws wrapped text at the cursor, breaking pages as needed; returns the height used. */
    void paragraph(TextStyle style, String text, float x, float width) throws IOException {
        paragraph(style, text, x, width, false);
    }

    /**
     * Draws wrapped text at the cursor, breaking pages as needed. A paragraph broken between pages leaves at least
     * {@link #KEEP_LINES} lines on either side (when it has that many): a lone first line at a page foot, or a lone
     * last line on a page of its own before a part that starts on a new page, reads as a stray.
     */
    void paragraph(TextStyle style, String text, float x, float width, boolean linkUrls) throws IOException {
        List<String> lines = wrap(style, text, width);
        // a paragraph of its own unless drawn into an element that holds text (a heading, a cell)
        boolean own = !tags.atLeaf();
        if (own) {
            tags.open(StandardStructureTypes.P);
        }
        int i = 0;
        boolean fresh = false;
        while (i < lines.size()) {
            if (page == null) {
                newPage();
                fresh = true;
            }
            int take = linesHere(style.leading(), lines.size() - i, i == 0);
            if (take == 0 && !fresh) {
                newPage();
                fresh = true;
                continue;
            }
            // on a page just begun it goes on whatever the rules say: at least a line, or it would never end
            for (int end = i + Math.max(take, 1); i < end; i++) {
                float baseline = y - style.size();
                text(x, baseline, style, lines.get(i));
                if (linkUrls) {
                    linkUrls(x, baseline, style, lines.get(i));
                }
                y -= style.leading();
            }
            fresh = false;
            if (i < lines.size()) {
                newPage();
                fresh = true;
            }
        }
        if (own) {
            tags.close();
        }
    }

    /** How many of the {@code rest} lines of a paragraph to draw on this page (0: none, begin a new page). */
    private int linesHere(float leading, int rest, boolean first) {
        int fit = 0;
        // counted as the lines are drawn, so that the count agrees with where the cursor will be
        for (float at = y; at - BOTTOM >= leading && fit < rest; at -= leading) {
            fit++;
        }
        if (fit >= rest) {
            return rest;
        }
        int take = Math.min(fit, rest - KEEP_LINES);
        return first && take < KEEP_LINES ? 0 : Math.max(take, 0);
    }

    /** Makes every http(s) URL in a drawn line clickable (only used for our own texts, never for log data). */
    void linkUrls(float x, float baseline, TextStyle style, String line) throws IOException {
        Matcher m = URL.matcher(line);
        while (m.find()) {
            float start = x + width(style, line.substring(0, m.start()));
            float w = width(style, m.group());
            PDActionURI action = new PDActionURI();
            action.setURI(m.group());
            link(page, new PDRectangle(start, baseline - 2, w, style.size() + 3), action, m.group());
        }
    }

    /**
     * A borderless clickable area on a page (contents entries, URLs), a Link in the current element, described by
     * {@code contents} (its alternate description, PDF/UA-1 7.18.5). The page's annotations are then visited in the
     * order of its structure (Tabs S, PDF/UA-1 7.18.3).
     */
    void link(PDPage page, PDRectangle area, PDAction action, String contents) throws IOException {
        PDAnnotationLink link = new PDAnnotationLink();
        link.setContents(contents);
        page.getCOSObject().setName(TABS, "S");
        link.setRectangle(area);
        PDBorderStyleDictionary border = new PDBorderStyleDictionary();
        border.setWidth(0);
        link.setBorderStyle(border);
        link.setAction(action);
        page.getAnnotations().add(link);
        tags.link(page, link);
    }

    // ---- shapes

    void fill(float x, float yBottom, float w, float h, Rgb color) throws IOException {
        fill(cs, x, yBottom, w, h, color);
    }

    static void fill(PDPageContentStream stream, float x, float yBottom, float w, float h, Rgb color)
            throws IOException {
        PdfTags.artifact(stream, () -> {
            stream.setNonStrokingColor(color.r(), color.g(), color.b());
            stream.addRect(x, yBottom, w, h);
            stream.fill();
        });
    }

    void rule(float x1, float x2, float atY, float thickness, Rgb color) throws IOException {
        rule(cs, x1, x2, atY, thickness, color);
    }

    static void rule(PDPageContentStream stream, float x1, float x2, float atY, float thickness, Rgb color)
            throws IOException {
        PdfTags.artifact(stream, () -> {
            stream.setStrokingColor(color.r(), color.g(), color.b());
            stream.setLineWidth(thickness);
            stream.moveTo(x1, atY);
            stream.lineTo(x2, atY);
            stream.stroke();
        });
    }

    @Override
    public void close() throws IOException {
        if (cs != null) {
            cs.close();
            cs = null;
        }
    }
}
