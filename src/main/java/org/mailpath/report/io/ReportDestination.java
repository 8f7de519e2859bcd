package org.mailpath.report.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.DosFileAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;

/**
 * The rules for the file a report goes to, shared by the app and the command line (which checks them before its
 * long work, and again through {@link ReportWriter}): they disagreed on links and on read-only files.
 */
public final class ReportDestination {

    private ReportDestination() {
    }

    /**
     * The file a report given as {@code target} replaces or creates: {@code target} itself, or, where that is a
     * symbolic link, the file it points to. A link is written through, as the shell's {@code >}, {@code cp} and most
     * tools do: whoever made it means the name to stand for that file (a report kept in a shared folder), and
     * replacing the link with a plain file left the file it points to unchanged while the report seemed written.
     * Empty for a link to nothing (or a loop of links): where it points may be no place for a report.
     */
    public static Optional<Path> of(Path target) {
        Path file = target.toAbsolutePath().normalize();
        if (!Files.isSymbolicLink(file)) {
            return Optional.of(file);
        }
        try {
            return Optional.of(file.toRealPath());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether {@code file} exists and is marked read-only: no write permission for its owner, or DOS's flag. Such a
     * file is never replaced, even when forced or after the file dialog's "replace?", as {@code cp} without -f
     * refuses it: read-only says "do not replace" more plainly than the force says "replace even that", and the
     * replacement, a new file, would come back writable, the protection gone without a word. Judged by the mode, not
     * by trying: root may write whatever the mode says.
     */
    public static boolean readOnly(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try {
            PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (posix != null) {
                return !posix.readAttributes().permissions().contains(PosixFilePermission.OWNER_WRITE);
            }
            DosFileAttributeView dos = Files.getFileAttributeView(file, DosFileAttributeView.class);
            return dos != null && dos.readAttributes().isReadOnly();
        } catch (IOException e) {
            return false; // unreadable attributes: the write itself will say what is wrong
        }
    }
}
