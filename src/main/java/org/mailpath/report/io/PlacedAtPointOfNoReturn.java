package org.mailpath.report.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Storage that puts a report in place only once the work has passed its {@link PointOfNoReturn}: the writer's last
 * look at the cancel flag came before the rename, and a cancel between the two (the CLI's signal, the app's Cancel)
 * was reported as such for a report that was in place. Passing it and the cancel now exclude each other; a cancel that
 * comes first keeps the report out ({@link org.mailpath.engine.common.CancelledException}, the temporary file deleted
 * by the writer), one that comes after no longer counts.
 */
public final class PlacedAtPointOfNoReturn implements ReportStorage {

    private final ReportStorage storage;
    private final PointOfNoReturn end;

    public PlacedAtPointOfNoReturn(ReportStorage storage, PointOfNoReturn end) {
        this.storage = storage;
        this.end = end;
    }

    @Override
    public Path createTemp(Path dir, String prefix) throws IOException {
        return storage.createTemp(dir, prefix);
    }

    @Override
    public OutputStream open(Path temp) throws IOException {
        return storage.open(temp);
    }

    @Override
    public void replace(Path temp, Path target) throws IOException {
        end.pass();
        storage.replace(temp, target);
    }

    @Override
    public void placeNew(Path temp, Path target) throws IOException {
        end.pass();
        storage.placeNew(temp, target);
    }

    @Override
    public void deleteIfExists(Path file) throws IOException {
        storage.deleteIfExists(file);
    }

    @Override
    public boolean exists(Path file) {
        return storage.exists(file);
    }

    @Override
    public boolean isDirectory(Path file) {
        return storage.isDirectory(file);
    }
}
