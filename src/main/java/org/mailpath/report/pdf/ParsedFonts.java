package org.mailpath.report.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * One set of the shipped font files, each parsed on first need and kept: parsing a 4-5 MB fallback takes seconds.
 * FontBox's TrueTypeFont is not thread-safe (its glyph table and cmap fill in as they are read), so a set serves one
 * document at a time: {@link PdfFontCache} lends it out and takes it back.
 */
final class ParsedFonts {

    private static final String DIR = "/org/mailpath/report/fonts/";

    private final Map<String, TrueTypeFont> parsed = new HashMap<>();

    /** The font file {@code name} (under the application's fonts), parsed the first time it is asked for. */
    TrueTypeFont get(String name) throws IOException {
        TrueTypeFont font = parsed.get(name);
        if (font == null) {
            try (InputStream in = ParsedFonts.class.getResourceAsStream(DIR + name)) {
                if (in == null) {
                    throw new IOException("font " + name + " is missing from the application");
                }
                font = new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
            }
            // Glyph substitution (ligatures, shaping) is not needed for what reports print, and PDFBox's GSUB pass
            // costs more than all the rest of the drawing.
            font.setEnableGsub(false);
            parsed.put(name, font);
        }
        return font;
    }
}
