package org.mailpath.report.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.security.SecureRandom;

/** {@link ReportStorage} on the real file system: data forced to disk before the rename. */
final class LocalReportStorage implements ReportStorage {

    static final LocalReportStorage INSTANCE = new LocalReportStorage();
    private static final System.Logger LOG = System.getLogger(LocalReportStorage.class.getName());

    private LocalReportStorage() {
    }

    @Override
    public Path createTemp(Path dir, String prefix) throws IOException {
        // Not Files.createTempFile: its owner-only mode would stick to the report after the rename, while a report
        // is a document to share and should get the user's usual permissions (umask), like any saved file.
        for (int attempt = 0; ; attempt++) {
            Path temp = dir.resolve(prefix + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
            try {
                Files.createFile(temp);
                deletedAtExit(temp);
                return temp;
            } catch (FileAlreadyExistsException e) {
                if (attempt == 10) {
                    throw e;
                }
            }
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Has the JDK delete {@code temp} when the JVM exits, if it is still there: a report cut off by Ctrl-C, SIGTERM or
     * the window's close (whose workers are daemon threads, stopped where they are) never reaches the writer's own
     * clean-up, and its hidden, empty or half-written temporary file stayed beside the report. The JDK deletes after
     * the shutdown hooks, which give the writer its chance first; a report finished meanwhile was renamed away, and
     * the name is then free. Costs one path in memory per report written until the JVM exits.
     */
    private static void deletedAtExit(Path temp) {
        try {
            temp.toFile().deleteOnExit();
        } catch (IllegalStateException e) {
            // the JVM's last moments, after the JDK deleted its list: nothing will stop this write now
        } catch (UnsupportedOperationException e) {
            // a file system other than the default has no java.io.File: it is not the user's folder either
        }
    }

    @Override
    public OutputStream open(Path temp) throws IOException {
        FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        return new FilterOutputStream(Channels.newOutputStream(channel)) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                try (channel) {
                    out.flush();
                    channel.force(true);
                }
            }
        };
    }

    @Override
    public void replace(Path temp, Path target) throws IOException {
        keepAccessOf(target, temp);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Some network file systems cannot rename atomically; a plain replace is the best they offer.
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Gives {@code temp}, about to replace {@code target}, the permissions of {@code target}, and its owner and group
     * where this user may set them (root; a user may give a file a group of their own): the new file otherwise took
     * the folder's default mode (umask), and a private 0600 report became readable by everyone. Best effort: what
     * cannot be kept is only logged, and never fails the report. Hard links to the old file cannot survive the rename
     * (they keep the old report); ACLs and extended attributes are not copied either.
     */
    private static void keepAccessOf(Path target, Path temp) {
        PosixFileAttributes old;
        try {
            old = Files.readAttributes(target, PosixFileAttributes.class);
        } catch (NoSuchFileException e) {
            return; // nothing replaced: a new report gets the usual mode
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(System.Logger.Level.DEBUG, "permissions of " + target + " not read", e);
            return;
        }
        PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        try {
            PosixFileAttributes now = view.readAttributes();
            // group and owner first: changing them may clear mode bits, which are set last
            if (!now.group().equals(old.group())) {
                view.setGroup(old.group());
            }
            if (!now.owner().equals(old.owner())) {
                view.setOwner(old.owner());
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            LOG.log(System.Logger.Level.DEBUG, "owner or group of " + target + " not kept", e);
        }
        try {
            view.setPermissions(old.permissions());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            LOG.log(System.Logger.Level.DEBUG, "permissions of " + target + " not kept", e);
        }
    }

    @Override
    public void placeNew(Path temp, Path target) throws IOException {
        try {
            // link(2) fails if the name exists, in one step; rename(2) would silently replace the file
            Files.createLink(target, temp);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException | FileSystemException e) {
            // no hard links here (FAT, some network shares): a move that refuses an existing file is the next best
            Files.move(temp, target);
        }
    }

    @Override
    public void deleteIfExists(Path file) throws IOException {
        Files.deleteIfExists(file);
    }

    @Override
    public boolean exists(Path file) {
        return Files.exists(file);
    }

    @Override
    public boolean isDirectory(Path file) {
        return Files.isDirectory(file);
    }
}
