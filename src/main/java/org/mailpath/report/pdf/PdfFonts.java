package org.mailpath.report.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.mailpath.report.VisibleText;

/**
 * The shipped fonts, embedded as subsets: DejaVu Sans (regular, bold) and DejaVu Sans Mono for all text, and for
 * characters DejaVu lacks one fallback per script ({@link Fallback}: Korean, Thai, Devanagari, else Droid Sans
 * Fallback for CJK), each loaded on first need; the mono font borrows what it lacks (Hebrew) from DejaVu Sans. Text
 * is split into runs per font; characters no font has, and control, bidi and invisible characters from hostile
 * input ({@link VisibleText}), are shown as {@code [U+XXXX]} instead of failing the report. Runs are made from a
 * line already put in visual order ({@link VisualOrder}).
 */
final class PdfFonts {

    /**
     * The font for characters DejaVu lacks, chosen by the character's script so that only the font a report needs
     * is parsed (the CJK and Korean fonts are 4-5 MB each). Regular weight only; shaping is not applied (GSUB is
     * off), which Hangul syllables and Thai do not need and which leaves Devanagari's conjuncts and vowel signs in
     * typing order: readable, unlike an escape. PDFBox's Devanagari GSUB was tried: its conjunct glyphs lost their
     * letters in text extraction, so an address copied from the PDF came out wrong ("रा ल" for "राहुल").
     */
    private enum Fallback {
        HANGUL("NanumGothic.ttf"),
        THAI("NotoSansThai-Regular.ttf"),
        DEVANAGARI("NotoSansDevanagari-Regular.ttf"),
        CJK("DroidSansFallbackFull.ttf");

        final String file;

        Fallback(String file) {
            this.file = file;
        }

        static Fallback of(int cp) {
            return switch (Character.UnicodeScript.of(cp)) {
                case HANGUL -> HANGUL;
                case THAI -> THAI;
                case DEVANAGARI -> DEVANAGARI;
                default -> CJK;
            };
        }
    }

    /** A piece of a line drawn with one font. */
    record Run(PDFont font, String text) {
    }

    final PDType0Font regular;
    final PDType0Font bold;
    final PDType0Font mono;
    private final PDDocument doc;
    private final ParsedFonts files;
    private final Map<Fallback, PDType0Font> fallbacks = new EnumMap<>(Fallback.class);
    // Identity maps: PDFont.hashCode walks its dictionary, far too slow for a per-character lookup.
    private final Map<PDFont, float[]> bmpWidths = new IdentityHashMap<>();
    private final Map<PDFont, Map<Integer, Float>> otherWidths = new IdentityHashMap<>();

    /** The fonts of {@code doc}, from {@code files}, which no other document may use until this one is saved. */
    PdfFonts(PDDocument doc, ParsedFonts files) throws IOException {
        this.doc = doc;
        this.files = files;
        regular = load("DejaVuSans.ttf");
        bold = load("DejaVuSans-Bold.ttf");
        mono = load("DejaVuSansMono.ttf");
    }

    private PDType0Font load(String name) throws IOException {
        return PDType0Font.load(doc, files.get(name), true);
    }

    /** Splits text into runs of the preferred font and the fallback, replacing what neither can show. */
    List<Run> runs(PDFont preferred, String text) {
        if (plain(preferred, text)) {
            return List.of(new Run(preferred, text));
        }
        List<Run> runs = new ArrayList<>(2);
        StringBuilder current = new StringBuilder();
        PDFont currentFont = preferred;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            String piece;
            PDFont font;
            Optional<String> standIn = standIn(cp);
            if (standIn.isPresent()) {
                piece = standIn.get();
                font = preferred;
            } else {
                PDFont drawing = drawing(preferred, cp);
                piece = drawing == null ? VisibleText.escape(cp) : new String(Character.toChars(cp));
                font = drawing == null ? preferred : drawing;
            }
            if (font != currentFont && !current.isEmpty()) {
                runs.add(new Run(currentFont, current.toString()));
                current.setLength(0);
            }
            currentFont = font;
            current.append(piece);
        }
        if (!current.isEmpty()) {
            runs.add(new Run(currentFont, current.toString()));
        }
        return runs;
    }

    /** True when the preferred font can draw every character as it is (the usual case, checked without copying). */
    private boolean plain(PDFont preferred, String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (VisibleText.hidden(cp) || width(preferred, cp) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Width in points of text as it will be drawn (with fallback and escapes); no strings are built. */
    float width(PDFont preferred, float size, String text) {
        float w = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            w += units(preferred, cp);
        }
        return w * size / 1000f;
    }

    /** Width of one code point in font units as {@link #runs} will draw it. */
    float units(PDFont preferred, int cp) {
        Optional<String> standIn = standIn(cp);
        if (standIn.isEmpty()) {
            PDFont drawing = drawing(preferred, cp);
            if (drawing != null) {
                return width(drawing, cp);
            }
        }
        float w = 0;
        for (char ch : standIn.orElseGet(() -> VisibleText.escape(cp)).toCharArray()) {
            w += Math.max(0, width(preferred, ch));
        }
        return w;
    }

    /**
     * What is drawn instead of a code point whatever the font: a space for a tab or line break, the {@code [U+XXXX]}
     * escape of a control, bidi or invisible character ({@link VisibleText}); empty for any other.
     */
    static Optional<String> standIn(int cp) {
        if (cp == '\t' || cp == '\n' || cp == '\r') {
            return Optional.of(" ");
        }
        return VisibleText.hidden(cp) ? Optional.of(VisibleText.escape(cp)) : Optional.empty();
    }

    /**
     * The font that draws a visible code point: the preferred one, else DejaVu Sans for the mono font (which lacks
     * Hebrew, and a status line from an Israeli server is set in mono), else the fallback for its script; null when
     * none has it.
     */
    private PDFont drawing(PDFont preferred, int cp) {
        if (width(preferred, cp) >= 0) {
            return preferred;
        }
        if (preferred == mono && width(regular, cp) >= 0) {
            return regular;
        }
        PDFont fallback = fallback(Fallback.of(cp));
        return width(fallback, cp) >= 0 ? fallback : null;
    }

    /** Glyph width in font units, or -1 if the font has no glyph for the code point (cached per font). */
    private float width(PDFont font, int cp) {
        if (cp < 0x10000) {
            float[] cache = bmpWidths.computeIfAbsent(font, f -> {
                float[] a = new float[0x10000];
                Arrays.fill(a, Float.NaN);
                return a;
            });
            float w = cache[cp];
            if (Float.isNaN(w)) {
                w = measure(font, cp);
                cache[cp] = w;
            }
            return w;
        }
        return otherWidths.computeIfAbsent(font, f -> new HashMap<>()).computeIfAbsent(cp, c -> measure(font, c));
    }

    private static float measure(PDFont font, int cp) {
        try {
            return font.getStringWidth(new String(Character.toChars(cp)));
        } catch (IllegalArgumentException | IOException noGlyph) {
            return -1f;
        }
    }

    private PDFont fallback(Fallback which) {
        return fallbacks.computeIfAbsent(which, f -> {
            try {
                return load(f.file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
