package org.mailpath.report.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules the app and the command line share for the file a report goes to. */
class ReportDestinationTest {

    @TempDir
    Path dir;

    @Test
    void aLinkStandsForTheFileItPointsToAndALinkToNothingForNoFile() throws IOException {
        Path plain = dir.resolve("plain.pdf");
        assertEquals(Optional.of(plain), ReportDestination.of(plain), "a file yet to be made");
        assertEquals(Optional.of(plain), ReportDestination.of(dir.resolve("sub/../plain.pdf")));
        Path real = Files.writeString(Files.createDirectory(dir.resolve("shared")).resolve("r.pdf"), "x");
        Path link = Files.createSymbolicLink(dir.resolve("link.pdf"), Path.of("shared", "r.pdf"));
        assertEquals(Optional.of(real.toRealPath()), ReportDestination.of(link), "a relative link, from its folder");
        Path dangling = Files.createSymbolicLink(dir.resolve("gone.pdf"), dir.resolve("nowhere.pdf"));
        assertEquals(Optional.empty(), ReportDestination.of(dangling));
        Path loopA = dir.resolve("a.pdf");
        Path loopB = Files.createSymbolicLink(dir.resolve("b.pdf"), loopA);
        Files.createSymbolicLink(loopA, loopB);
        assertEquals(Optional.empty(), ReportDestination.of(loopA), "a loop of links is no file either");
    }

    /** By the mode, not by trying: root (these tests) may write a read-only file, and must be refused too. */
    @Test
    void readOnlyIsTheOwnersWritePermissionWhateverTheUser() throws IOException {
        Path file = Files.writeString(dir.resolve("r.pdf"), "x");
        Assumptions.assumeTrue(Files.getFileStore(file).supportsFileAttributeView("posix"), "POSIX modes");
        assertFalse(ReportDestination.readOnly(file));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        assertTrue(ReportDestination.readOnly(file));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--rw-rw-"));
        assertTrue(ReportDestination.readOnly(file), "the owner's bit decides, as cp's");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertFalse(ReportDestination.readOnly(file));
        assertFalse(ReportDestination.readOnly(dir.resolve("missing.pdf")), "nothing to replace");
        assertFalse(ReportDestination.readOnly(dir), "a folder is refused for being one");
    }
}
