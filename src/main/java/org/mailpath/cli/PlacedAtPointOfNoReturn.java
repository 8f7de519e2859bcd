package org.mailpath.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.mailpath.report.io.ReportStorage;

/**
 * Storage that puts a report in place only once the run has passed its {@link PointOfNoReturn}: the writer's last look
 * at the cancel flag came before the rename, and a signal between the two ended a run whose report was in place with
 * "mailpath: cancelled". Passing it and the signal's cancel now exclude each other; one that comes first keeps the
 * report out ({@link org.mailpath.engine.common.CancelledException}, the temporary file deleted by the writer).
 */
final class PlacedAtPointOfNoReturn implements ReportStorage {

    private final ReportStorage storage;
    private final PointOfNoReturn end;

    PlacedAtPointOfNoReturn(ReportStorage storage, PointOfNoReturn end) {
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
