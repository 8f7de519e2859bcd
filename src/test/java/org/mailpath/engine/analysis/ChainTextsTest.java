package org.mailpath.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.log.ColumnMapping;
import org.mailpath.engine.log.LogColumn;
import org.mailpath.engine.log.LogFixtures;

/**
 * The columns each of many files lacks, noted file by file into a table that grows by doubling ({@link
 * ChainTexts#noteColumns}), and the reading threads' caches kept from one file to the next ({@link ChainTextCaches}).
 */
class ChainTextsTest {

    private static final int TLS = ChainTexts.bit(LogColumn.TLS_CIPHER);

    private static ColumnMapping columnsWithout(String left) {
        return ColumnMapping.fromHeader(Arrays.stream(LogFixtures.HEADER.split(","))
                .map(h -> h.substring(1, h.length() - 1)).filter(h -> !h.equals(left)).toArray(String[]::new));
    }

    @Test
    void eachOfThousandsOfFilesLacksTheColumnsItWasNotedToLack() {
        ChainTexts texts = new ChainTexts();
        ColumnMapping all = columnsWithout("");
        ColumnMapping noCipher = columnsWithout("TLS_Cipher");
        int files = 3_000;
        for (int k = 0; k < files; k++) {
            texts.noteColumns(k, k % 1000 == 999 ? noCipher : all);
            assertEquals(k >= 999, texts.someFileLacks(LogColumn.TLS_CIPHER), "after file " + k);
        }
        for (int k = 0; k < files; k++) {
            assertEquals(k % 1000 == 999 ? TLS : 0, texts.lacking(k), "file " + k);
        }
        // files not noted (yet) lack nothing, also past the room made for those noted
        assertEquals(0, texts.lacking(files));
        assertEquals(0, texts.lacking(10 * files));
        assertFalse(texts.someFileLacks(LogColumn.MESSAGE_ID_HEADER));
    }

    @Test
    void aFileNotedOutOfOrderOrAgainLacksWhatItWasLastNotedToLack() {
        ChainTexts texts = new ChainTexts();
        texts.noteColumns(5, columnsWithout("TLS_Cipher"));
        assertEquals(TLS, texts.lacking(5));
        assertEquals(0, texts.lacking(0));
        texts.noteColumns(0, columnsWithout("Message ID Header"));
        texts.noteColumns(5, columnsWithout(""));
        assertEquals(ChainTexts.bit(LogColumn.MESSAGE_ID_HEADER), texts.lacking(0));
        assertEquals(0, texts.lacking(5));
        assertTrue(texts.someFileLacks(LogColumn.MESSAGE_ID_HEADER));
        assertFalse(texts.someFileLacks(LogColumn.TLS_CIPHER));
    }

    @Test
    void eachPartKeepsItsCacheFromFileToFileOfTheSameTexts() {
        ChainTexts texts = new ChainTexts();
        ChainTextCaches caches = new ChainTextCaches(texts);
        ChainTextCache first = caches.forPart(0);
        ChainTextCache second = caches.forPart(1);
        assertNotSame(first, second);
        assertSame(first, caches.forPart(0));
        assertSame(second, caches.forPart(1));
        assertSame(texts, first.texts());
        assertSame(texts, caches.texts());
        // a text made shared in one file keeps its id in the next
        int id = first.partId("@acme.example", 0);
        assertEquals(id, caches.forPart(0).partId("x@acme.example", 1));
        assertEquals("@acme.example", texts.get(id));
    }
}
