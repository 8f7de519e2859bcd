package org.mailpath.engine.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.engine.log.LogFixtures.HEADER;
import static org.mailpath.engine.log.LogFixtures.TLS;
import static org.mailpath.engine.log.LogFixtures.row;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A text's buffers, sample and pool of values are made for the size it is expected to have (a zip of 20,000 two-row
 * CSVs allocated 64 KB samples and 16,384-slot pools for each): a text larger than expected still has its whole
 * sample looked at, so what is detected is the same.
 */
class SmallTextBuffersTest {

    @TempDir
    Path dir;

    @Test
    void aPoolHasSlotsForWhatItsTextCanHold() {
        assertEquals(256, RowInterpreter.poolSlots(600));
        assertEquals(64, RowInterpreter.poolSlots(10));
        assertEquals(1 << 14, RowInterpreter.poolSlots(0), "unknown");
        assertEquals(1 << 14, RowInterpreter.poolSlots(60_000));
        assertEquals(1 << 14, RowInterpreter.poolSlots(5_000_000_000L));
        for (long bytes = 1; bytes < 200_000; bytes = bytes * 3 + 1) {
            int slots = RowInterpreter.poolSlots(bytes);
            assertEquals(1, Integer.bitCount(slots), "a power of two for " + bytes);
        }
    }

    /**
     * The sample is checked for UTF-8 a few thousand characters at a time (not into a buffer of its size, made per
     * CSV of a zip): bytes that are no UTF-8 far into it still make the text Windows-1252, and UTF-8 characters
     * across the pieces' ends are still UTF-8.
     */
    @Test
    void theWholeSampleDecidesTheEncodingThoughCheckedPieceByPiece() throws Exception {
        StringBuilder text = new StringBuilder(HEADER).append("\r\n");
        int i = appendAsciiRows(text, 12_000);
        int ascii = i;
        for (int k = 0; k < 20; k++, i++) {
            text.append(row(LogFixtures.date(i), "D", "caf\u00e9" + k + "@b.example", "m" + i, "250 ok", TLS))
                    .append("\r\n");
        }
        LogFixtures.Result windows = LogFixtures.read(LogFixtures.write(dir, "windows.csv",
                text.toString().getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(i, windows.summary().rows());
        assertEquals("windows-1252", windows.summary().charset().toLowerCase(java.util.Locale.ROOT));
        assertEquals("caf\u00e90@b.example", windows.rows().get(ascii).recipient());

        // two-byte characters on every offset around the pieces' ends
        StringBuilder utf8 = new StringBuilder(HEADER).append("\r\n");
        for (int k = 0; i < 200 + ascii; k++, i++) {
            utf8.append(row(LogFixtures.date(i), "D", "\u00e9".repeat(1 + k % 7) + "@b.example", "m" + i, "250 ok",
                    TLS)).append("\r\n");
        }
        byte[] bytes = utf8.toString().getBytes(StandardCharsets.UTF_8);
        assertTrue(bytes.length > 3 * 4096, "bytes: " + bytes.length);
        LogFixtures.Result read = LogFixtures.read(LogFixtures.write(dir, "utf8.csv", bytes));
        assertEquals("utf-8", read.summary().charset().toLowerCase(java.util.Locale.ROOT));
        assertTrue(read.summary().problems().stream().flatMap(p -> p.messageText().stream())
                .noneMatch(t -> t.key().contains("Utf8")), read.summary().problems().toString());
        assertEquals("\u00e9\u00e9@b.example", read.rows().get(1).recipient());
    }

    @Test
    void aGzipFarLargerThanItsFileStillHasItsWholeSampleReadBeforeTheEncodingIsDecided() throws Exception {
        // 80 KB of ASCII rows compressed to a few KB, then a Windows-1252 é: decided after the 64 KB sample, as before
        StringBuilder text = new StringBuilder(HEADER).append("\r\n");
        int i = appendAsciiRows(text, 80_000);
        text.append(row(LogFixtures.date(i), "D", "caf\u00e9@b.example", "m" + i, "250 ok", TLS)).append("\r\n");
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
        }
        Path file = LogFixtures.write(dir, "log.csv.gz", gz.toByteArray());
        assertTrue(Files.size(file) < LogInput.SAMPLE / 4, "compressed: " + Files.size(file));
        LogFixtures.Result read = LogFixtures.read(file);
        assertEquals(i + 1, read.summary().rows());
        assertTrue(read.summary().problems().stream().flatMap(p -> p.messageText().stream())
                .anyMatch(t -> t.key().equals("file.notUtf8Later")), read.summary().problems().toString());
        assertEquals("windows-1252", read.summary().charset().toLowerCase(java.util.Locale.ROOT));
    }

    /** Delivered rows of ASCII alone appended to {@code text} until it holds {@code minChars}; how many. */
    private static int appendAsciiRows(StringBuilder text, int minChars) {
        int i = 0;
        while (text.length() < minChars) {
            text.append(row(LogFixtures.date(i), "D", "a@b.example", "m" + i, "250 ok", TLS)).append("\r\n");
            i++;
        }
        return i;
    }
}
