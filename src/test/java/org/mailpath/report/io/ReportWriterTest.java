package org.mailpath.report.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import java.util.ArrayList;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.CancelledException;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.SampleReportData;
import org.mailpath.report.ReportFormat;
import org.mailpath.report.ReportRenderer;
import org.mailpath.report.ReportRenderers;

/**
 * Atomic writing. Tests run as root, where chmod stops nothing, so full disks and read-only folders are
 * simulated honestly through {@link ReportStorage}: the real file system with one step made to fail as the
 * operating system would.
 */
class ReportWriterTest {

    private static final byte[] OLD = "the earlier report".getBytes(StandardCharsets.UTF_8);
    private final ReportModel model = SampleReportData.create().model(false);
    private final ReportRenderer json = new ReportRenderers().forFormat(ReportFormat.JSON);

    @TempDir
    Path dir;

    @Test
    void writesANewFileAndLeavesNoTemporaryFile() throws IOException {
        Path out = dir.resolve("report.json");
        WriteResult r = ReportWriter.write(out, ReportFormat.JSON, model, false);
        WriteResult.Written w = assertInstanceOf(WriteResult.Written.class, r);
        assertEquals(Files.size(out), w.bytes());
        assertTrue(Files.readString(out).contains("\"conclusion\""));
        assertEquals(List.of(out), files());
    }

    @Test
    void refusesToOverwriteWithoutForceAndReplacesWithForce() throws IOException {
        Path out = dir.resolve("report.json");
        Files.write(out, OLD);
        WriteResult.Refused refused = assertInstanceOf(WriteResult.Refused.class,
                ReportWriter.write(out, ReportFormat.JSON, model, false));
        assertTrue(refused.message().contains("already exists"), refused.message());
        assertEquals(WriteResult.Refusal.EXISTS, refused.reason());
        assertArrayEquals(OLD, Files.readAllBytes(out));

        assertInstanceOf(WriteResult.Written.class, ReportWriter.write(out, ReportFormat.JSON, model, true));
        assertTrue(Files.readString(out).contains("\"conclusion\""));
        assertEquals(List.of(out), files());
    }

    @Test
    void withoutForceAFileThatAppearsWhileTheReportIsRenderedIsNotOverwritten() throws IOException {
        // the check for an existing file came before rendering; the rename after it replaced whatever had appeared
        Path out = dir.resolve("report.json");
        ReportRenderer slow = (m, o) -> {
            Files.write(out, OLD); // another export, or the user saving something else under that name
            json.render(m, o);
        };
        WriteResult.Refused r = assertInstanceOf(WriteResult.Refused.class,
                new ReportWriter(ReportStorage.local()).write(out, model, slow, false, Cancellation.none()));
        assertTrue(r.message().contains("already exists"), r.message());
        assertArrayEquals(OLD, Files.readAllBytes(out));
        assertEquals(List.of(out), files(), "no temporary file left behind");

        Path fresh = dir.resolve("fresh.json");
        assertInstanceOf(WriteResult.Written.class, ReportWriter.write(fresh, ReportFormat.JSON, model, false));
        assertTrue(Files.readString(fresh).contains("\"conclusion\""));
        assertEquals(List.of(fresh, out), files(), "no temporary file left behind");
    }

    @Test
    void aReportNameAsLongAsTheFileSystemAllowsCanBeWritten() throws IOException {
        // the temporary file was "." + the name + "." + 13 random characters + ".tmp": too long for such a name
        Path out = dir.resolve("r".repeat(250) + ".json");
        WriteResult r = ReportWriter.write(out, ReportFormat.JSON, model, false);
        assertInstanceOf(WriteResult.Written.class, r, r.toString());
        assertEquals(List.of(out), files());
        assertEquals("ab😀", ReportWriter.tempStem("ab😀"));
        assertEquals(40, ReportWriter.tempStem("😀".repeat(50)).codePointCount(0, 80), "cut between characters");
    }

    /**
     * The review: the app's export onto a symbolic link replaced the link with a plain file (the file it pointed to
     * kept its old report), while the command line wrote through it. One rule for both, here: the report replaces the
     * file the link points to, and the link stays; a link to nothing is refused, and nothing is created.
     */
    @Test
    void aReportOntoALinkReplacesTheFileItPointsToAndTheLinkStays() throws IOException {
        Path shared = Files.createDirectory(dir.resolve("shared"));
        Path real = Files.write(shared.resolve("latest.json"), OLD);
        Path link = Files.createSymbolicLink(dir.resolve("latest.json"), real);
        Path linkToLink = Files.createSymbolicLink(dir.resolve("again.json"), link);
        for (Path given : List.of(link, linkToLink)) {
            Files.write(real, OLD);
            WriteResult.Written w = assertInstanceOf(WriteResult.Written.class,
                    ReportWriter.write(given, ReportFormat.JSON, model, true));
            assertEquals(real, w.file(), "the file the link points to is said to be written");
            assertTrue(Files.isSymbolicLink(given), "the link is not replaced by a plain file");
            assertTrue(Files.readString(real).contains("\"conclusion\""), "the report went where the link points");
            assertEquals(List.of(real), listed(shared), "no temporary file left beside it");
        }
        WriteResult.Refused notForced = assertInstanceOf(WriteResult.Refused.class,
                ReportWriter.write(link, ReportFormat.JSON, model, false));
        assertEquals(WriteResult.Refusal.EXISTS, notForced.reason());
        assertEquals(real, notForced.file());

        Path dangling = Files.createSymbolicLink(dir.resolve("gone.json"), dir.resolve("nowhere").resolve("x.json"));
        for (boolean force : List.of(false, true)) {
            WriteResult.Refused r = assertInstanceOf(WriteResult.Refused.class,
                    ReportWriter.write(dangling, ReportFormat.JSON, model, force));
            assertEquals(WriteResult.Refusal.LINK_TO_NOTHING, r.reason());
            assertEquals(dangling + " is a symbolic link to a file that does not exist; give the report's own path.",
                    r.message());
            assertTrue(Files.isSymbolicLink(dangling));
            assertFalse(Files.exists(dir.resolve("nowhere")));
        }
    }

    /**
     * The review: the app replaced a read-only (r--r--r--) report after the file dialog's "replace?", while the
     * command line refused it even with --force, as cp without -f does. The rule is the file's mode, not whether the
     * write would succeed: tests run as root, whom the mode stops not, and the app as root must refuse as well.
     */
    @Test
    void aReadOnlyFileIsNotReplacedEvenWhenForced() throws IOException {
        Path out = Files.write(dir.resolve("kept.pdf"), OLD);
        Assumptions.assumeTrue(Files.getFileStore(out).supportsFileAttributeView("posix"), "POSIX modes");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("r--r--r--"));
        for (boolean force : List.of(false, true)) {
            WriteResult.Refused r = assertInstanceOf(WriteResult.Refused.class,
                    ReportWriter.write(out, ReportFormat.PDF, model, force));
            assertEquals(WriteResult.Refusal.READ_ONLY, r.reason(), "even when forced: " + force);
            assertTrue(r.message().contains("is read-only"), r.message());
            assertArrayEquals(OLD, Files.readAllBytes(out));
            assertEquals("r--r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
            assertEquals(List.of(out), files(), "nothing rendered, no temporary file");
        }
        // through a link, the file it points to is the one judged
        Path link = Files.createSymbolicLink(dir.resolve("link.pdf"), out);
        assertInstanceOf(WriteResult.Refused.class, ReportWriter.write(link, ReportFormat.PDF, model, true));
        assertArrayEquals(OLD, Files.readAllBytes(out));
        // writable for its owner only is not read-only
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-r--r--"));
        assertInstanceOf(WriteResult.Written.class, ReportWriter.write(out, ReportFormat.PDF, model, true));
    }

    /**
     * The review: a replaced report took the mode of a new file (0644 by the umask), so a private 0600 report became
     * readable by everyone. The new file gets the old one's permissions, and its owner and group where the writer
     * may set them (root here); the rename then puts it in place.
     */
    @Test
    void aReplacedReportKeepsThePermissionsOwnerAndGroupOfTheFileItReplaces() throws IOException {
        Path out = Files.write(dir.resolve("private.json"), OLD);
        Assumptions.assumeTrue(Files.getFileStore(out).supportsFileAttributeView("posix"), "POSIX modes");
        for (String mode : List.of("rw-------", "rw-rw-r--", "rwxr-x---")) {
            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString(mode));
            assertInstanceOf(WriteResult.Written.class, ReportWriter.write(out, ReportFormat.JSON, model, true));
            assertTrue(Files.readString(out).contains("\"conclusion\""));
            assertEquals(mode, PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        }
        // a new file still gets the usual mode: nothing to keep
        Path fresh = dir.resolve("fresh.json");
        assertInstanceOf(WriteResult.Written.class, ReportWriter.write(fresh, ReportFormat.JSON, model, false));
        assertTrue(Files.getPosixFilePermissions(fresh).contains(PosixFilePermission.OWNER_WRITE));

        // owner and group: only a privileged writer may give a file away (root in these tests)
        UserPrincipalLookupService users = out.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal nobody;
        GroupPrincipal group;
        try {
            nobody = users.lookupPrincipalByName("nobody");
            group = users.lookupPrincipalByGroupName(Files.readAttributes(out, PosixFileAttributes.class).group()
                    .getName().equals("nogroup") ? "daemon" : "nogroup");
            Files.setOwner(out, nobody);
            Files.getFileAttributeView(out, PosixFileAttributeView.class).setGroup(group);
        } catch (IOException | UnsupportedOperationException e) {
            Assumptions.abort("cannot give a file to another user here (not root): " + e);
            return;
        }
        assertInstanceOf(WriteResult.Written.class, ReportWriter.write(out, ReportFormat.JSON, model, true));
        PosixFileAttributes after = Files.readAttributes(out, PosixFileAttributes.class);
        assertEquals(nobody, after.owner());
        assertEquals(group, after.group());
        assertEquals("rwxr-x---", PosixFilePermissions.toString(after.permissions()));
    }

    @Test
    void refusesAFolderAsTarget() {
        WriteResult.Refused r = assertInstanceOf(WriteResult.Refused.class,
                ReportWriter.write(dir, ReportFormat.PDF, model, true));
        assertTrue(r.message().contains("is a folder"), r.message());
        assertEquals(WriteResult.Refusal.IS_FOLDER, r.reason());
    }

    @Test
    void diskFullKeepsTheEarlierFileAndCleansUp() throws IOException {
        Path out = dir.resolve("report.json");
        Files.write(out, OLD);
        ReportStorage full = new ForwardingStorage() {
            @Override
            public OutputStream open(Path temp) throws IOException {
                return new DiskFullAfter(super.open(temp), 4096);
            }
        };
        WriteResult.Failed f = assertInstanceOf(WriteResult.Failed.class,
                new ReportWriter(full).write(out, model, json, true, Cancellation.none()));
        assertTrue(f.message().contains("the disk is full"), f.message());
        assertEquals(WriteResult.Failure.DISK_FULL, f.reason(), "for the app to word in its language");
        assertEquals("No space left on device", f.detail(), "the system's words, as given");
        assertEquals(out, f.file());
        assertEquals(dir, f.folder());
        assertTrue(f.earlierUnchanged());
        assertFalse(f.internalError(), "the destination's fault, not a bug");
        assertTrue(f.message().contains("earlier file is unchanged"), f.message());
        assertArrayEquals(OLD, Files.readAllBytes(out));
        assertEquals(List.of(out), files(), "no temporary file left behind");
    }

    @Test
    void readOnlyFolderGivesAClearMessage() throws IOException {
        Path out = dir.resolve("report.pdf");
        Files.write(out, OLD);
        ReportStorage readOnly = new ForwardingStorage() {
            @Override
            public Path createTemp(Path d, String prefix) throws IOException {
                throw new AccessDeniedException(d.resolve(prefix + "123.tmp").toString());
            }
        };
        WriteResult.Failed f = assertInstanceOf(WriteResult.Failed.class,
                new ReportWriter(readOnly).write(out, model, json, true, Cancellation.none()));
        assertTrue(f.message().contains("no permission to write in the folder " + dir), f.message());
        assertEquals(WriteResult.Failure.NO_PERMISSION, f.reason());
        assertArrayEquals(OLD, Files.readAllBytes(out));

        ReportStorage roFs = new ForwardingStorage() {
            @Override
            public Path createTemp(Path d, String prefix) throws IOException {
                throw new FileSystemException(d.toString(), null, "Read-only file system");
            }
        };
        WriteResult.Failed g = assertInstanceOf(WriteResult.Failed.class,
                new ReportWriter(roFs).write(out, model, json, true, Cancellation.none()));
        assertTrue(g.message().contains("read-only file system"), g.message());
        assertEquals(WriteResult.Failure.READ_ONLY_FS, g.reason());
    }

    @Test
    void aFolderThatHasNoSuchFileForANewOneIsNotSaidToBeMissing() {
        // what /proc answers: ENOENT for a file created in a folder that is there
        ReportStorage special = new ForwardingStorage() {
            @Override
            public Path createTemp(Path d, String prefix) throws IOException {
                throw new NoSuchFileException(d.resolve(prefix + "123.tmp").toString());
            }
        };
        WriteResult.Failed f = assertInstanceOf(WriteResult.Failed.class,
                new ReportWriter(special).write(dir.resolve("report.pdf"), model, json, true,
                        Cancellation.none()));
        assertTrue(f.message().contains("the folder " + dir + " does not accept new files"), f.message());
        assertFalse(f.message().contains("does not exist"), f.message());
        assertEquals(WriteResult.Failure.NO_NEW_FILES, f.reason());
        assertFalse(f.earlierUnchanged(), "no earlier file");
        assertEquals(Optional.of("the folder " + dir + " does not accept new files (no permission, or a read-only or"
                + " special file system)."), new ReportWriter(special).whyNotWritable(dir));
    }

    @Test
    void aWritableFolderIsSaidSoAndKeepsNoTraceOfTheTry() throws IOException {
        assertEquals(Optional.empty(), new ReportWriter(ReportStorage.local()).whyNotWritable(dir));
        assertEquals(List.of(), files());
        Path file = Files.writeString(dir.resolve("plain.txt"), "x");
        assertEquals(Optional.of(file + " is not a folder (it, or a folder above it, is a file)."),
                new ReportWriter(ReportStorage.local()).whyNotWritable(file));
    }

    @Test
    void vanishedDirectoryIsReportedForReal() throws IOException {
        Path gone = dir.resolve("gone");
        Files.createDirectory(gone);
        Files.delete(gone);
        WriteResult.Failed f = assertInstanceOf(WriteResult.Failed.class,
                ReportWriter.write(gone.resolve("report.html"), ReportFormat.HTML, model, false));
        assertTrue(f.message().contains("does not exist"), f.message());
        assertEquals(WriteResult.Failure.NO_FOLDER, f.reason());
    }

    @Test
    void failedRenameAndRendererBugLeaveTheEarlierFile() throws IOException {
        Path out = dir.resolve("report.txt");
        Files.write(out, OLD);
        ReportStorage noRename = new ForwardingStorage() {
            @Override
            public void replace(Path temp, Path target) throws IOException {
                throw new FileSystemException(temp.toString(), target.toString(), "Device or resource busy");
            }
        };
        WriteResult.Failed busy = assertInstanceOf(WriteResult.Failed.class,
                new ReportWriter(noRename).write(out, model, json, true, Cancellation.none()));
        assertEquals(WriteResult.Failure.OTHER, busy.reason());
        assertEquals("Cannot write " + out + ": Device or resource busy. The earlier file is unchanged.",
                busy.message());
        assertArrayEquals(OLD, Files.readAllBytes(out));

        ReportRenderer broken = (m, o) -> {
            o.write("half a report".getBytes(StandardCharsets.UTF_8));
            throw new IllegalStateException("renderer bug");
        };
        WriteResult.Failed f = assertInstanceOf(WriteResult.Failed.class,
                new ReportWriter(ReportStorage.local()).write(out, model, broken, true, Cancellation.none()));
        assertTrue(f.message().contains("internal error"), f.message());
        assertEquals(WriteResult.Failure.RENDERING, f.reason());
        assertTrue(f.internalError());
        assertArrayEquals(OLD, Files.readAllBytes(out));
        assertEquals(List.of(out), files());
    }

    /**
     * Ctrl-C while the report was rendered (a renderer does not look at the cancel flag): the writer put the report in
     * place anyway, and the run said "report written" after "cancelled". Cancelled here as the temporary file is
     * closed, its report complete on the disk, the moment before the move: no report is put in place, the temporary
     * file is deleted, an earlier report is unchanged, and the caller hears of the cancel.
     */
    @Test
    void aWriteCancelledBeforeTheMovePutsNoReportInPlace() throws IOException {
        Path fresh = dir.resolve("fresh.json");
        Path earlier = dir.resolve("earlier.json");
        Files.write(earlier, OLD);
        for (boolean force : List.of(false, true)) {
            Path out = force ? earlier : fresh;
            Cancellation cancellation = new Cancellation();
            CancelledAtClose storage = new CancelledAtClose(cancellation);
            assertThrows(CancelledException.class,
                    () -> new ReportWriter(storage.storage).write(out, model, json, force, cancellation));
            assertTrue(storage.closed, "the report was rendered and its temporary file closed");
            assertEquals(0, storage.moves, "no move once cancelled");
            assertEquals(List.of(earlier), files(), "no report, no temporary file");
            assertArrayEquals(OLD, Files.readAllBytes(earlier));
        }
        // the same write not cancelled puts the report in place
        CancelledAtClose storage = new CancelledAtClose(new Cancellation());
        assertInstanceOf(WriteResult.Written.class,
                new ReportWriter(storage.storage).write(fresh, model, json, false, new Cancellation()));
        assertEquals(1, storage.moves);
        assertTrue(Files.readString(fresh).contains("\"conclusion\""));
        assertEquals(List.of(earlier, fresh), files());
    }

    /**
     * The app's Cancel (or the window's close) while the report is rendered: the renderer is stopped at its next
     * write, nothing is put in place, the earlier file the user chose to replace keeps every byte, and no temporary
     * file stays. Before, the writer went on rendering and replaced the earlier file after the user was told
     * "cancelled". A renderer that wraps the cancel in an exception of its own, and a write that fails because the
     * cancel interrupted the worker (its file channel closes), end as the cancel too, not as a failed report.
     */
    @Test
    void aCancelWhileRenderingStopsTheRendererAndLeavesTheEarlierFileIntact() throws IOException {
        Path earlier = dir.resolve("earlier.json");
        Files.write(earlier, OLD);
        List<String> failures = List.of("none", "wrapped", "interrupted");
        for (String failure : failures) {
            Cancellation cancellation = new Cancellation();
            boolean[] renderedOn = {false};
            ReportRenderer cancelling = (m, o) -> {
                o.write("{\"half\": ".getBytes(StandardCharsets.UTF_8));
                cancellation.cancel(); // the user's Cancel, mid-render
                try {
                    switch (failure) {
                        case "interrupted" -> throw new java.nio.channels.ClosedByInterruptException();
                        default -> o.write("\"a report\"}".getBytes(StandardCharsets.UTF_8));
                    }
                    renderedOn[0] = true;
                } catch (CancelledException e) {
                    if (failure.equals("wrapped")) {
                        throw new IllegalStateException("layout aborted", e);
                    }
                    throw e;
                }
            };
            assertThrows(CancelledException.class, () -> new ReportWriter(ReportStorage.local())
                    .write(earlier, model, cancelling, true, cancellation), failure);
            assertFalse(renderedOn[0], failure + ": the renderer was stopped at its next write");
            assertArrayEquals(OLD, Files.readAllBytes(earlier), failure + ": the earlier file is unchanged");
            assertEquals(List.of(earlier), files(), failure + ": no temporary file left behind");
        }
    }

    /**
     * Storage placed at a point of no return (the CLI's signal and the app's Cancel race through it): the point is
     * passed after the report is complete and the writer's last look at the cancel, just before the move; one that
     * refuses (cancelled first) puts nothing in place, deletes the temporary file and leaves an earlier file as it
     * was, and one passed puts the report in place.
     */
    @Test
    void aReportIsPutInPlaceOnlyOnceThePointOfNoReturnIsPassed() throws IOException {
        Path fresh = dir.resolve("fresh.json");
        Path earlier = dir.resolve("earlier.json");
        Files.write(earlier, OLD);
        for (boolean force : List.of(false, true)) {
            Path out = force ? earlier : fresh;
            List<Path> before = files();
            Cancellation cancellation = new Cancellation();
            CancelledAtClose steps = new CancelledAtClose(Cancellation.none());
            List<String> passes = new ArrayList<>();
            PointOfNoReturn cancelledFirst = () -> {
                passes.add(steps.closed ? "after the report was complete" : "too early");
                throw new CancelledException();
            };
            assertThrows(CancelledException.class, () -> new ReportWriter(new PlacedAtPointOfNoReturn(steps.storage,
                    cancelledFirst)).write(out, model, json, force, cancellation));
            assertEquals(List.of("after the report was complete"), passes);
            assertEquals(0, steps.moves, "no move");
            assertEquals(before, files(), "no report, no temporary file");
            assertArrayEquals(OLD, Files.readAllBytes(earlier));

            CancelledAtClose placed = new CancelledAtClose(Cancellation.none());
            passes.clear();
            assertInstanceOf(WriteResult.Written.class, new ReportWriter(new PlacedAtPointOfNoReturn(placed.storage,
                    () -> passes.add("passed"))).write(out, model, json, force, cancellation));
            assertEquals(List.of("passed"), passes);
            assertEquals(1, placed.moves);
            assertTrue(Files.readString(out).contains("\"conclusion\""));
        }
        assertEquals(List.of(earlier, fresh), files());
    }

    private List<Path> files() throws IOException {
        return listed(dir);
    }

    private static List<Path> listed(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.sorted().toList();
        }
    }

    /**
     * The real file system, with {@code cancellation} cancelled as the temporary file is closed (its report complete
     * on the disk), as Ctrl-C at that moment does; counts the moves of a temporary file to a report's name, at the
     * point of no return passed just before each.
     */
    private static final class CancelledAtClose {
        private final ReportStorage storage;
        private int moves;
        private boolean closed;

        CancelledAtClose(Cancellation cancellation) {
            storage = new PlacedAtPointOfNoReturn(ForwardingStorage.closedThen(() -> {
                closed = true;
                cancellation.cancel();
            }), () -> moves++);
        }
    }

    /** Accepts {@code limit} bytes, then fails as a full disk does (ENOSPC). */
    private static final class DiskFullAfter extends FilterOutputStream {
        private long left;

        DiskFullAfter(OutputStream out, long limit) {
            super(out);
            left = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > left) {
                throw new IOException("No space left on device");
            }
            left -= len;
            out.write(b, off, len);
        }
    }
}
