package org.mailpath.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.Queue;

/**
 * A settings store whose writes wait in a queue until a test runs them, as the background thread would: when the
 * store writes, and how often, can be seen.
 */
final class QueuedWritesStore {

    final Path file;
    final Queue<Runnable> queued = new ArrayDeque<>();
    final SettingsStore store;

    /** The store of {@code settings.properties} in {@code dir}. */
    QueuedWritesStore(Path dir) {
        file = dir.resolve("settings.properties");
        store = SettingsStore.open(file, queued::add);
    }

    /** Runs the write that has waited longest. */
    void runWrite() {
        queued.poll().run();
    }

    /** Puts {@code value}: one write waits ({@code why} says why one), and once run the file holds the value. */
    void putAndWriteOnce(String key, String value, String why) {
        store.put(key, value);
        assertEquals(1, queued.size(), why);
        runWrite();
        assertEquals(Optional.of(value), SettingsStore.open(file).get(key));
    }
}
