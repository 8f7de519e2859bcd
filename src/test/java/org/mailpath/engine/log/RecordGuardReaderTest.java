package org.mailpath.engine.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The record guard's fast path (whole runs of quoted text, and {@code ","} between quoted fields, at once) must end
 * in the same state as following the text one character at a time: the same text handed over, the same record cut,
 * the same unclosed-quote line.
 */
class RecordGuardReaderTest {

    /** What reading {@code text} through a guard gave: the text handed over, then the state it ended in. */
    private static String outcome(String text, int chunk, int maxRecordChars) {
        RecordGuardReader guard = new RecordGuardReader(new StringReader(text), ',', maxRecordChars);
        char[] buf = new char[chunk];
        StringBuilder out = new StringBuilder();
        try {
            int n;
            while ((n = guard.read(buf, 0, chunk)) >= 0) {
                out.append(buf, 0, n);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out + " | unclosed " + guard.unclosedQuoteLine() + ", at record start " + guard.atRecordStart()
                + ", cut " + guard.cutAny();
    }

    @Test
    void chunkedReadingEndsAsCharacterByCharacter() {
        Random random = new Random(5);
        String[] pieces = {"\"", ",", "\",\"", "\"\"", "\n", "\r\n", "ab", "x,y", "\",", ",\""};
        for (int round = 0; round < 3_000; round++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(60);
            for (int i = 0; i < n; i++) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = sb.toString();
            int limit = 5 + random.nextInt(40);
            String expected = outcome(text, 1, limit);
            for (int chunk : new int[] {2, 3, 7, 64, 8192}) {
                assertEquals(expected, outcome(text, chunk, limit), "'" + text + "' in chunks of " + chunk);
            }
        }
    }

    @Test
    void aCutRecordKeepsItsStartAndOnlyWhatEndsIt() {
        // inside a quote: the text read so far, a closing quote, the line feed; the next record as it was
        assertEquals("a,\"012\"\nnext\n | unclosed 0, at record start true, cut true",
                outcome("a,\"0123456789\n\"\"x\"\r\nnext\n", 8192, 5));
        // outside quotes: the text read so far and the line feed
        assertEquals("012345\nnext | unclosed 0, at record start false, cut true",
                outcome("0123456789\nnext", 8192, 5));
        // a quote never closed: cut to the end
        assertEquals("\"abcd\" | unclosed 1, at record start false, cut true", outcome("\"abcdefgh\nij", 8192, 4));
        // exactly at the limit: kept whole
        assertEquals("\"abc\"\nx | unclosed 0, at record start false, cut false", outcome("\"abc\"\nx", 8192, 5));
    }

    @Test
    void quotedFieldsWithDelimitersBetweenAreFollowed() {
        String log = LogFixtures.lines(LogFixtures.HEADER, LogFixtures.row("1/2/2026 1:00", "R", "a@b.example",
                "m1", "line one\nline two", "")) + "\"open";
        assertTrue(outcome(log, 8192, 1 << 20).endsWith("| unclosed 4, at record start false, cut false"));
        assertEquals(outcome(log, 8192, 1 << 20), outcome(log, 1, 1 << 20));
    }
}
