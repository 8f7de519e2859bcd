package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.log.LogFixtures;

/** The review: a report of 3 copies of one message was "written … (3 messages …)"; it says copies, as its title. */
class CopiesReportWrittenLineTest {

    @Test
    void theReportWrittenLineCountsCopies(@TempDir Path dir) throws Exception {
        Path log = LogFixtures.writeLog(dir, "copies.csv",
                LogFixtures.row("3/7/2009 8:00", "D", "a@multi.example", "copy1", "250 ok", ""),
                LogFixtures.row("3/7/2009 8:01", "D", "b@multi.example", "copy1", "250 ok", ""),
                LogFixtures.row("3/7/2009 8:02", "D", "c@other.example", "copy1", "250 ok", ""),
                LogFixtures.row("3/7/2009 9:00", "D", "d@multi.example", "other", "250 ok", ""));
        CliRun copies = CliRun.of("analyze", log.toString(), "--report", dir.resolve("c.html").toString(),
                "--message-id", "copy1@sfdc.example");
        assertEquals(0, copies.code(), copies.err());
        assertTrue(copies.err().contains("(3 copies of one message, "), copies.err());
        CliRun all = CliRun.of("analyze", log.toString(), "--report", dir.resolve("a.html").toString());
        assertTrue(all.err().contains("(4 messages, "), all.err());
    }
}
