package org.mailpath.engine.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The record guard's fast path (whole runs of quoted text, and {@code ","} between quoted fields, at once) must end
 * in the same state as following the text one character at a time: the same unclosed-quote line, the same length
 * limit hit on the same record.
 */
class RecordGuardReaderTest {

    /** What reading {@code text} through a guard left: unclosed-quote line, record start, or the limit message. */
    private static String outcome(String text, int chunk, int maxRecordChars) {
        RecordGuardReader guard = new RecordGuardReader(new StringReader(text), ',', maxRecordChars);
        char[] buf = new char[chunk];
        try {
            while (guard.read(buf, 0, chunk) >= 0) {
                // read to the end
            }
        } catch (LogLimitException e) {
            return "limit: " + e.getMessage();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return "unclosed " + guard.unclosedQuoteLine() + ", at record start " + guard.atRecordStart();
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
    void quotedFieldsWithDelimitersBetweenAreFollowed() {
        String log = LogFixtures.lines(LogFixtures.HEADER, LogFixtures.row("1/2/2026 1:00", "R", "a@b.example",
                "m1", "line one\nline two", "")) + "\"open";
        assertEquals("unclosed 4, at record start false", outcome(log, 8192, 1 << 20));
        assertEquals("unclosed 4, at record start false", outcome(log, 1, 1 << 20));
    }
}
