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
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/** {@link ReportStorage} on the real file system: data forced to disk before the rename. */
final class LocalReportStorage implements ReportStorage {

    static final LocalReportStorage INSTANCE = new LocalReportStorage();

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
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Some network file systems cannot rename atomically; a plain replace is the best they offer.
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
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
