package org.mailpath.engine.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.analysis.EmailLogAnalyzer;
import org.mailpath.engine.analysis.UnusableLogException;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.ProgressListener;

class EmailLogRawRowsTest {

    @TempDir
    Path dir;

    @Test
    void rowsOfAChainComeBackAsTheyAreInTheFile() throws Exception {
        Path sample = LogFixtures.sample("synthetic-email-log.csv.gz");
        LogAnalysis a = new EmailLogAnalyzer().analyze(sample, ProgressListener.NONE, Cancellation.none());
        MessageChain bounced = a.chains().stream().filter(c -> c.recipient().equals("user@oldcorp.example"))
                .findFirst().orElseThrow();
        Set<Long> lines = new java.util.HashSet<>();
        bounced.events().forEach(e -> lines.add(e.line()));
        EmailLogRawRows raw = EmailLogRawRows.read(new LogSource.WholeFile(sample), lines, Cancellation.none());
        assertTrue(raw.headerFromFile());
        assertEquals("Date", raw.header().get(0));
        assertEquals(bounced.events().size(), raw.rows().size());
        for (var e : bounced.events()) {
            List<String> values = raw.rows().get(e.line());
            assertEquals("user@oldcorp.example", values.get(3));
            assertEquals(String.valueOf(e.event().letter()), values.get(2));
            assertEquals(e.status(), values.get(14));
        }
    }

    @Test
    void multiLineFieldAndHeaderlessFile() throws Exception {
        String multi = LogFixtures.row("3/06/2009 13:40", "P", "x@acme.example", "m2", "550 first\nsecond", "");
        Path f = LogFixtures.write(dir, "m.csv", multi + "\n" + multi + "\n");
        EmailLogRawRows raw = EmailLogRawRows.read(new LogSource.WholeFile(f), Set.of(3L, 2L, 99L),
                Cancellation.none());
        assertFalse(raw.headerFromFile());
        assertEquals("Date/Time", raw.header().get(0));
        assertEquals(Set.of(3L), raw.rows().keySet());
        assertEquals("550 first\nsecond", raw.rows().get(3L).get(14));
    }

    @Test
    void aRecordBeyondTheLimitIsLeftOutAndTheRowsAfterItFoundOnTheirLines() throws Exception {
        String row = LogFixtures.row("3/06/2009 13:40", "D", "x@acme.example", "m1", "250 OK", "TLSv1.3");
        // on lines of its own: a quoted field of more lines than a log's field spans is taken to be a quote left open
        String huge = LogFixtures.row("3/06/2009 13:41", "P", "y@acme.example", "m2",
                "x".repeat(LogLimits.DEFAULT.maxRecordChars() + 10_000), "");
        Path f = LogFixtures.write(dir, "huge.csv", row + "\n\n" + huge + "\n" + row + "\n");
        EmailLogRawRows raw = EmailLogRawRows.read(new LogSource.WholeFile(f), Set.of(1L, 3L, 4L),
                Cancellation.none());
        assertEquals(Set.of(1L, 4L), raw.rows().keySet(), "the cut record is not a raw row");
        assertEquals("x@acme.example", raw.rows().get(4L).get(3));
    }
}
