package org.mailpath.report.pdf;

import org.mailpath.report.Paper;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccess;
import org.apache.pdfbox.io.RandomAccessReadView;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The PDF's stream data stays within a bounded amount of memory however many pages there are, and comes back whole. */
class SpillingStreamCacheTest {

    @Test
    void movedStreamsReadByteByByteInTurnComeBackWhole() throws IOException {
        // a small budget, so that both streams are moved to the file; read in turn, each takes the read-back slot
        try (SpillingStreamCache cache = new SpillingStreamCache(1000)) {
            byte[] a = new byte[900];
            byte[] b = new byte[900];
            new Random(3).nextBytes(a);
            new Random(4).nextBytes(b);
            RandomAccess first = cache.createBuffer();
            first.write(a);
            RandomAccess second = cache.createBuffer();
            second.write(b);
            RandomAccess third = cache.createBuffer();
            third.write(new byte[900]);
            assertTrue(cache.fileBytes() >= 1800, "" + cache.fileBytes());
            first.seek(0);
            second.seek(0);
            for (int i = 0; i < 900; i++) {
                assertEquals(a[i] & 0xff, first.read(), "first at " + i);
                assertEquals(b[i] & 0xff, second.read(), "second at " + i);
            }
            assertEquals(-1, first.read());
            first.seek(10);
            first.write(new byte[] {1, 2});
            first.seek(9);
            assertEquals(a[9] & 0xff, first.read());
            assertEquals(1, first.read());
            assertEquals(2, first.read());
            assertEquals(a[12] & 0xff, first.read());
        }
    }

    @Test
    void streamsBeyondTheMemoryBudgetGoToTheFileAndReadBackWhole() throws IOException {
        Random random = new Random(7);
        try (SpillingStreamCache cache = new SpillingStreamCache()) {
            List<RandomAccess> buffers = new ArrayList<>();
            List<byte[]> written = new ArrayList<>();
            // three times the budget, in streams of 3 KB, each about what a page's content takes
            for (int i = 0; i < 3 * SpillingStreamCache.IN_MEMORY / 3000; i++) {
                byte[] bytes = new byte[3000];
                random.nextBytes(bytes);
                RandomAccess buffer = cache.createBuffer();
                buffer.write(bytes, 0, 1000);
                buffer.write(bytes, 1000, 2000);
                buffers.add(buffer);
                written.add(bytes);
                assertTrue(cache.memoryBytes() <= SpillingStreamCache.IN_MEMORY + 8192, "" + cache.memoryBytes());
            }
            assertTrue(cache.fileBytes() >= 2L * SpillingStreamCache.IN_MEMORY - 3000, "" + cache.fileBytes());
            for (int i = 0; i < buffers.size(); i++) {
                RandomAccess buffer = buffers.get(i);
                assertEquals(3000, buffer.length());
                byte[] back = new byte[3000];
                buffer.seek(0);
                assertEquals(3000, buffer.read(back, 0, 3000));
                assertArrayEquals(written.get(i), back, "stream " + i);
                assertEquals(-1, buffer.read());
                buffer.seek(2999);
                assertEquals(written.get(i)[2999] & 0xff, buffer.read());
            }
        }
    }

    @Test
    void aStreamMovedToTheFileCanBeWrittenAgainViewedAndCleared() throws IOException {
        try (SpillingStreamCache cache = new SpillingStreamCache()) {
            RandomAccess first = cache.createBuffer();
            first.write("hello".getBytes());
            // push it out with other streams' bytes
            RandomAccess big = cache.createBuffer();
            big.write(new byte[SpillingStreamCache.IN_MEMORY + 1]);
            assertTrue(cache.fileBytes() >= 5);
            first.write(" world".getBytes());
            first.seek(0);
            byte[] all = new byte[11];
            first.readFully(all);
            assertEquals("hello world", new String(all));
            try (RandomAccessReadView view = first.createView(6, 5)) {
                byte[] part = new byte[5];
                view.readFully(part);
                assertEquals("world", new String(part));
            }
            first.clear();
            assertEquals(0, first.length());
            assertEquals(-1, first.read());
            first.close();
            assertThrows(IOException.class, first::read);
        }
    }

    @Test
    void aDocumentOfManyPagesIsSavedWholeFromIt() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // a small budget, for a test's few pages to pass it
        try (PdfFontCache.Loan lent = TestFonts.CACHE.lend();
             SpillingStreamCache cache = new SpillingStreamCache(64 << 10);
             PDDocument doc = new PDDocument(() -> cache)) {
            PdfFonts fonts = new PdfFonts(doc, lent.fonts);
            TextStyle style = new TextStyle(fonts.regular, 9, Rgb.TEXT);
            try (PdfCanvas c = new PdfCanvas(doc, fonts, Paper.A4, new PdfTags(true))) {
                // enough pages for their streams to pass the memory budget: most of them are read back from the file
                for (int p = 1; p <= 300; p++) {
                    c.newPage();
                    for (int line = 0; line < 60; line++) {
                        c.text(c.left(), c.top() - line * 11, style, "page " + p + " line " + line
                                + " " + Long.toHexString(new Random(p * 100L + line).nextLong()).repeat(4));
                    }
                }
            }
            for (PDPage page : doc.getPages()) {
                try (PDPageContentStream cs = new PDPageContentStream(doc, page,
                        PDPageContentStream.AppendMode.APPEND, true, true)) {
                    // a second stream on every page, written when the first ones have left memory
                    cs.setFont(fonts.regular, 7);
                }
            }
            assertTrue(cache.fileBytes() > 0, "nothing was moved to the file");
            doc.save(out);
        }
        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            assertEquals(300, doc.getNumberOfPages());
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(217);
            stripper.setEndPage(217);
            String text = stripper.getText(doc);
            assertTrue(text.contains("page 217 line 59 " + Long.toHexString(new Random(217 * 100L + 59).nextLong())),
                    text);
        }
    }

    @Test
    void theTemporaryFileIsGoneWhenTheCacheCloses() throws IOException {
        SpillingStreamCache cache = new SpillingStreamCache();
        RandomAccess buffer = cache.createBuffer();
        buffer.write(new byte[SpillingStreamCache.IN_MEMORY]);
        cache.createBuffer().write(new byte[SpillingStreamCache.IN_MEMORY]);
        assertTrue(cache.fileBytes() > 0);
        Path file = cache.temporaryFile().orElseThrow();
        cache.close();
        assertFalse(Files.exists(file));
        assertTrue(buffer.isClosed());
        assertThrows(IOException.class, cache::createBuffer);
    }
}
