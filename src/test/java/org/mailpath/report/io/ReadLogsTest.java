package org.mailpath.report.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one rule, for the app and the command line, that a report never replaces a log it is made from. */
class ReadLogsTest {

    @TempDir
    Path dir;

    @Test
    void aReportOverALogByAnyPathIsTheLogAndAnotherFileIsNone() throws Exception {
        Path log = Files.writeString(dir.resolve("log.csv"), "rows");
        Path copy = Files.writeString(dir.resolve("copy.csv"), "rows");
        ReadLogs logs = new ReadLogs(List.of(copy, log));
        assertEquals(Optional.of(log), logs.replacedBy(log));
        assertEquals(Optional.of(log), logs.replacedBy(dir.resolve("sub/../log.csv")));
        assertEquals(Optional.of(log), logs.replacedBy(Files.createSymbolicLink(dir.resolve("l.csv"), log)));
        assertEquals(Optional.of(log), logs.replacedBy(Files.createLink(dir.resolve("hard.csv"), log)));
        assertEquals(Optional.empty(), logs.replacedBy(dir.resolve("new.csv")), "not there yet: no log");
        assertEquals(Optional.empty(), new ReadLogs(List.of(log)).replacedBy(copy), "same content, another file");
        assertEquals(Optional.of(new WriteResult.Refused(log, WriteResult.Refusal.IS_A_LOG)),
                logs.refusal(dir.resolve("l.csv")), "the file as followed");
    }
}
