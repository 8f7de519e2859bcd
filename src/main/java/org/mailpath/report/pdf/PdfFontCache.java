package org.mailpath.report.pdf;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The parsed fonts of the PDF reports one owner renders (the app makes one, the command line one), so that each font
 * is parsed once, not once per report. A document borrows a whole set ({@link ParsedFonts}) for as long as it is
 * built and saved, and gives it back: reports rendered one after another reuse one set, and two rendered at once each
 * get their own (the second is parsed then), as FontBox's fonts must not be read by two threads at once. Sets are
 * kept once made; there are never more than the most reports rendered at the same time.
 */
public final class PdfFontCache {

    /** Sets no document holds now; guarded by {@code this}. */
    private final Deque<ParsedFonts> idle = new ArrayDeque<>();

    /** A set of fonts lent to one document; closing it gives the set back. */
    final class Loan implements AutoCloseable {
        final ParsedFonts fonts;

        private Loan(ParsedFonts fonts) {
            this.fonts = fonts;
        }

        @Override
        public void close() {
            giveBack(fonts);
        }
    }

    /** A set no other document holds: the one given back last (its fonts parsed already), else a new one. */
    Loan lend() {
        ParsedFonts fonts;
        synchronized (this) {
            fonts = idle.pollFirst();
        }
        return new Loan(fonts == null ? new ParsedFonts() : fonts);
    }

    private synchronized void giveBack(ParsedFonts fonts) {
        idle.addFirst(fonts);
    }
}
