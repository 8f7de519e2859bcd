package org.mailpath.report.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * The file-system steps of an atomic write, behind an interface so tests can make each step fail the way a full
 * disk, a read-only folder or a vanished directory would (tests run as root, where permissions stop nothing).
 */
public interface ReportStorage {

    /** Creates an empty temporary file in {@code dir} (the target's folder, so the final move is a rename). */
    Path createTemp(Path dir, String prefix) throws IOException;

    /** Opens the temporary file for writing; closing the stream flushes the data to the disk. */
    OutputStream open(Path temp) throws IOException;

    /** Replaces {@code target} by {@code temp} in one step. */
    void replace(Path temp, Path target) throws IOException;

    /**
     * Puts {@code temp} in place as {@code target} only if no such file exists at that moment (a rename would
     * replace one that appeared meanwhile); {@link java.nio.file.FileAlreadyExistsException} otherwise. The
     * temporary name may remain (as a second link to the file): the caller deletes it.
     */
    void placeNew(Path temp, Path target) throws IOException;

    void deleteIfExists(Path file) throws IOException;

    boolean exists(Path file);

    boolean isDirectory(Path file);

    /** The real file system. */
    static ReportStorage local() {
        return LocalReportStorage.INSTANCE;
    }
}
