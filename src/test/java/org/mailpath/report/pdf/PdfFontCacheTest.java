package org.mailpath.report.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.report.MessageEntry;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.SampleReportData;

/**
 * The fonts are parsed once per cache, not once per report, and a set is never read by two documents at once: two
 * reports rendered at the same time (the app's two exports) each have their own, and neither waits for the other.
 */
class PdfFontCacheTest {

    private static final String REGULAR = "DejaVuSans.ttf";
    private static final Pattern FILE_ID = Pattern.compile("/ID \\[<[0-9A-F]+> <[0-9A-F]+>\\]");

    @Test
    void aReportAfterAnotherReusesItsParsedFonts() throws IOException {
        PdfFontCache cache = new PdfFontCache();
        ParsedFonts first;
        Object font;
        try (PdfFontCache.Loan lent = cache.lend()) {
            first = lent.fonts;
            font = lent.fonts.get(REGULAR);
        }
        try (PdfFontCache.Loan lent = cache.lend()) {
            assertSame(first, lent.fonts);
            assertSame(font, lent.fonts.get(REGULAR));
        }
    }

    @Test
    void reportsAtTheSameTimeGetSetsOfTheirOwnThenKeepThem() throws IOException {
        PdfFontCache cache = new PdfFontCache();
        PdfFontCache.Loan a = cache.lend();
        PdfFontCache.Loan b = cache.lend();
        assertNotSame(a.fonts, b.fonts);
        assertNotSame(a.fonts.get(REGULAR), b.fonts.get(REGULAR));
        a.close();
        b.close();
        // both kept: two more at once parse nothing again
        try (PdfFontCache.Loan c = cache.lend(); PdfFontCache.Loan d = cache.lend()) {
            assertTrue(c.fonts == a.fonts && d.fonts == b.fonts || c.fonts == b.fonts && d.fonts == a.fonts);
        }
    }

    @Test
    void twoReportsRenderAtOnceAsEachDoesAlone() throws Exception {
        ReportModel model = SampleReportData.create().model(false);
        PdfFontCache cache = new PdfFontCache();
        String alone = render(new PdfReportRenderer(cache, m -> { }), model);

        // each waits, inside its layout, for the other to be inside its own: with one lock for all PDFs (as before)
        // the second could not start until the first was done, and neither would finish
        CountDownLatch firstIn = new CountDownLatch(1);
        CountDownLatch secondIn = new CountDownLatch(1);
        AtomicBoolean overlapped = new AtomicBoolean(true);
        try (ExecutorService two = Executors.newFixedThreadPool(2)) {
            Future<String> first = two.submit(() -> render(
                    new PdfReportRenderer(cache, meeting(firstIn, secondIn, overlapped)), model));
            Future<String> second = two.submit(() -> render(
                    new PdfReportRenderer(cache, meeting(secondIn, firstIn, overlapped)), model));
            for (String pdf : List.of(first.get(), second.get())) {
                assertEquals(alone, pdf);
            }
        }
        assertTrue(overlapped.get(), "one report waited for the other");
    }

    /** On the first message laid out: says it is in, and waits for the other report to be in too. */
    private static Consumer<MessageEntry> meeting(CountDownLatch in, CountDownLatch other, AtomicBoolean overlapped) {
        return m -> {
            if (in.getCount() > 0) {
                in.countDown();
                try {
                    // only a guard against a hang: both arrive at once when rendering is not serialised
                    if (!other.await(60, TimeUnit.SECONDS)) {
                        overlapped.set(false);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    overlapped.set(false);
                }
            }
        };
    }

    /**
     * The PDF's bytes as Latin-1 text, but for its file identifier: PDFBox makes that of the time it is saved (and
     * an MD5 of it), so no two saves share it.
     */
    private static String render(PdfReportRenderer renderer, ReportModel model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.render(model, out);
        String pdf = out.toString(StandardCharsets.ISO_8859_1);
        String withoutId = FILE_ID.matcher(pdf).replaceAll("/ID [<> <>]");
        assertEquals(1, FILE_ID.matcher(pdf).results().count(), "one file identifier");
        return withoutId;
    }
}
