package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.log.LogFixtures;

/**
 * A header-only log is a valid export with no mail in it. {@code analyze} keeps the contract for a file with no
 * usable row (exit code 2, one line on standard error), and words that line for what it most likely is, with what to
 * check: it said only "has a header row but no data rows".
 */
class HeaderOnlyLogTest {

    @Test
    void aHeaderOnlyLogSaysNoEmailWasLoggedAndWhatToCheckOnOneLineWithExitCode2(@TempDir Path dir) throws Exception {
        Path log = Files.writeString(dir.resolve("header-only.csv"), LogFixtures.HEADER + "\n");
        CliRun run = CliRun.of("analyze", log.toString());
        assertEquals(2, run.code(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("has a header row but no data rows: Salesforce logged no email in the time"
                + " window of this log, or none that matches the filters of the log request."), run.err());
        assertTrue(run.err().contains("Deliverability access level"), run.err());
        assertEquals("", run.out());
    }
}
