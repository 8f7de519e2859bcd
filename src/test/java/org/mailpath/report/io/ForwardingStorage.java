package org.mailpath.report.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * The real file system, every step forwarded to it: a test overrides the one step it makes fail (a full disk, a
 * read-only folder) or watches. The move of the temporary file to the report's name is watched with
 * {@link PlacedAtPointOfNoReturn} instead, whose point is passed just before it; this is for the steps before.
 */
public class ForwardingStorage implements ReportStorage {

    private final ReportStorage real = ReportStorage.local();

    /**
     * The real file system, {@code atClose} run as a report's temporary file is closed: the report complete on the
     * disk, before the writer's last look at the cancel flag and the move (the moment a renderer, which does not look
     * at the flag, has just ended).
     */
    public static ReportStorage closedThen(Runnable atClose) {
        return new ForwardingStorage() {
            @Override
            public OutputStream open(Path temp) throws IOException {
                return new FilterOutputStream(super.open(temp)) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        super.close();
                        atClose.run();
                    }
                };
            }
        };
    }

    @Override
    public Path createTemp(Path dir, String prefix) throws IOException {
        return real.createTemp(dir, prefix);
    }

    @Override
    public OutputStream open(Path temp) throws IOException {
        return real.open(temp);
    }

    @Override
    public void replace(Path temp, Path target) throws IOException {
        real.replace(temp, target);
    }

    @Override
    public void placeNew(Path temp, Path target) throws IOException {
        real.placeNew(temp, target);
    }

    @Override
    public void deleteIfExists(Path file) throws IOException {
        real.deleteIfExists(file);
    }

    @Override
    public boolean exists(Path file) {
        return real.exists(file);
    }

    @Override
    public boolean isDirectory(Path file) {
        return real.isDirectory(file);
    }
}
