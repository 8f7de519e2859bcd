package org.mailpath.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    @TempDir
    Path dir;

    @Test
    void recentFilesAreMostRecentFirstWithoutDuplicatesAndCapped() {
        Path file = dir.resolve("sub/settings.properties");
        SettingsStore store = SettingsStore.open(file);
        for (int i = 0; i < 10; i++) {
            store.addRecentFile(dir.resolve("log" + i + ".csv"));
        }
        store.addRecentFile(dir.resolve("log5.csv"));
        List<Path> recent = SettingsStore.open(file).recentFiles();
        assertEquals(SettingsStore.MAX_RECENT, recent.size());
        assertEquals(dir.resolve("log5.csv"), recent.get(0));
        assertEquals(dir.resolve("log9.csv"), recent.get(1));
        assertEquals(1, recent.stream().filter(p -> p.endsWith("log5.csv")).count());
    }

    @Test
    void theUserCanClearRecentFilesAndEverything() {
        Path file = dir.resolve("settings.properties");
        SettingsStore store = SettingsStore.open(file);
        store.put("theme", "dark");
        store.addRecentFile(dir.resolve("a.csv"));
        store.clearRecentFiles();
        assertTrue(SettingsStore.open(file).recentFiles().isEmpty());
        assertEquals(Optional.of("dark"), SettingsStore.open(file).get("theme"));
        store.clearAll();
        assertEquals(Optional.empty(), SettingsStore.open(file).get("theme"));
    }

    @Test
    void aDamagedFileGivesEmptySettingsAndAnUnwritableOneDoesNotStopWork() throws Exception {
        Path file = Files.write(dir.resolve("settings.properties"), new byte[] {'\\', 'u', 'Z', 'Z'});
        SettingsStore store = SettingsStore.open(file);
        assertTrue(store.recentFiles().isEmpty());
        Path blocked = Files.writeString(dir.resolve("not-a-dir"), "x").resolve("settings.properties");
        SettingsStore unwritable = SettingsStore.open(blocked);
        unwritable.put("theme", "dark");
        assertEquals(Optional.of("dark"), unwritable.get("theme"), "kept in memory for this run");
    }
}
