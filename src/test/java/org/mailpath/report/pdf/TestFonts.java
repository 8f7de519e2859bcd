package org.mailpath.report.pdf;

/** The pdf package's tests' font cache: each font parsed once for all of them, lent to one document at a time. */
final class TestFonts {

    static final PdfFontCache CACHE = new PdfFontCache();

    private TestFonts() {
    }
}
