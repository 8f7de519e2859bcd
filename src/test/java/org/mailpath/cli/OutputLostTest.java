package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.log.LogFixtures;

/**
 * Output that cannot be written (a full disk, a reader that stopped) is said on stderr with a non-zero exit: a
 * script must not take cut-off JSON for the whole of it. A PrintWriter swallows the failure, so it is asked.
 */
class OutputLostTest {

    /** Takes the first {@code room} bytes, then fails as a full disk does. */
    private static final class FullDisk extends OutputStream {
        private int room;

        FullDisk(int room) {
            this.room = room;
        }

        @Override
        public void write(int b) throws IOException {
            if (room-- <= 0) {
                throw new IOException("No space left on device");
            }
        }
    }

    @Test
    void jsonCutOffByAFullDiskIsAnErrorNotSuccess() {
        StringWriter err = new StringWriter();
        int code = MailPathCommand.run(new PrintWriter(new FullDisk(4096)), new PrintWriter(err), "analyze",
                LogFixtures.sample("sample-email-log.csv").toString(), "--format", "json");
        assertEquals(MailPathCommand.EXIT_USAGE, code);
        assertEquals("mailpath: the output could not be written in full (the disk is full, or what reads it stopped"
                + " reading)", err.toString().strip());
    }

    @Test
    void outputThatFitsIsSuccess() {
        StringWriter err = new StringWriter();
        int code = MailPathCommand.run(new PrintWriter(new FullDisk(Integer.MAX_VALUE)), new PrintWriter(err),
                "analyze", LogFixtures.sample("sample-email-log.csv").toString());
        assertEquals(0, code, err.toString());
        assertTrue(err.toString().isEmpty(), err.toString());
    }

    /** The JSON generator closed the output before analyze's closing newline, which was then lost unseen. */
    @Test
    void jsonEndsWithItsNewline() {
        CliRun r = CliRun.of("analyze", LogFixtures.sample("sample-email-log.csv").toString(), "--format", "json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().endsWith("}" + System.lineSeparator()), r.out().substring(r.out().length() - 20));
    }
}
