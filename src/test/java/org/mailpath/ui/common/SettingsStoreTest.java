package org.mailpath.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
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
            store.addRecentLogs(List.of(dir.resolve("log" + i + ".csv")));
        }
        store.addRecentLogs(List.of(dir.resolve("log5.csv")));
        List<List<Path>> recent = SettingsStore.open(file).recentLogs();
        assertEquals(SettingsStore.MAX_RECENT, recent.size());
        assertEquals(List.of(dir.resolve("log5.csv")), recent.get(0));
        assertEquals(List.of(dir.resolve("log9.csv")), recent.get(1));
        assertEquals(1, recent.stream().filter(e -> e.getFirst().endsWith("log5.csv")).count());
    }

    @Test
    void logsOpenedTogetherAreOneEntryBesideTheFilesOpenedAlone() {
        Path file = dir.resolve("settings.properties");
        SettingsStore store = SettingsStore.open(file);
        List<Path> month = List.of(dir.resolve("jan/EmailLog.csv"), dir.resolve("feb/EmailLog.csv"),
                dir.resolve("mar/EmailLog.csv"));
        store.addRecentLogs(List.of(dir.resolve("jan/EmailLog.csv")));
        store.addRecentLogs(month);
        store.addRecentLogs(List.of(dir.resolve("other.csv")));
        store.addRecentLogs(month);
        assertEquals(List.of(month, List.of(dir.resolve("other.csv")), List.of(dir.resolve("jan/EmailLog.csv"))),
                SettingsStore.open(file).recentLogs(), "the same files opened together again move up, once");
    }

    /** Preferences written before files could be opened together: one file per entry, recent.0, recent.1, … */
    @Test
    void entriesStoredBeforeStillLoadAsSingleFiles() throws Exception {
        Path file = Files.writeString(dir.resolve("settings.properties"), "theme=dark\nrecent.0="
                + dir.resolve("b.csv").toString().replace("\\", "\\\\") + "\nrecent.1="
                + dir.resolve("a.csv").toString().replace("\\", "\\\\") + "\n");
        SettingsStore store = SettingsStore.open(file);
        assertEquals(List.of(List.of(dir.resolve("b.csv")), List.of(dir.resolve("a.csv"))), store.recentLogs());
        // and an entry of several files leaves recent.N as its first file, all an older MailPath reads
        store.addRecentLogs(List.of(dir.resolve("c.csv"), dir.resolve("d.csv")));
        java.util.Properties written = new java.util.Properties();
        store.flush();
        try (var in = Files.newInputStream(file)) {
            written.load(in);
        }
        assertEquals(dir.resolve("c.csv").toString(), written.getProperty("recent.0"));
        assertEquals(dir.resolve("d.csv").toString(), written.getProperty("recent.0.1"));
        assertEquals(dir.resolve("b.csv").toString(), written.getProperty("recent.1"));
    }

    @Test
    void theUserCanClearRecentFilesAndEverything() {
        Path file = dir.resolve("settings.properties");
        SettingsStore store = SettingsStore.open(file);
        store.put("theme", "dark");
        store.addRecentLogs(List.of(dir.resolve("a.csv")));
        store.clearRecentFiles();
        assertTrue(SettingsStore.open(file).recentLogs().isEmpty());
        assertEquals(Optional.of("dark"), SettingsStore.open(file).get("theme"));
        store.clearAll();
        assertEquals(Optional.empty(), SettingsStore.open(file).get("theme"));
    }

    @Test
    void aDamagedFileGivesEmptySettingsAndAnUnwritableOneDoesNotStopWork() throws Exception {
        Path file = Files.write(dir.resolve("settings.properties"), new byte[] {'\\', 'u', 'Z', 'Z'});
        SettingsStore store = SettingsStore.open(file);
        assertTrue(store.recentLogs().isEmpty());
        Path blocked = Files.writeString(dir.resolve("not-a-dir"), "x").resolve("settings.properties");
        SettingsStore unwritable = SettingsStore.open(blocked);
        unwritable.put("theme", "dark");
        assertEquals(Optional.of("dark"), unwritable.get("theme"), "kept in memory for this run");
    }

    /**
     * A home folder that cannot be written (read-only) fails every write: one line says so, once, without a stack
     * trace, which stays at debugging level; a write that works again lets the next failure be told.
     */
    @Test
    void anUnwritableFolderIsToldInOneLineOnceWithTheTraceOnlyForDebugging() throws Exception {
        java.util.logging.Logger jul = java.util.logging.Logger.getLogger(SettingsStore.class.getName());
        List<java.util.logging.LogRecord> records = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Level level = jul.getLevel();
        jul.setLevel(java.util.logging.Level.ALL);
        jul.addHandler(handler);
        try {
            Path notADir = Files.writeString(dir.resolve("not-a-dir"), "x");
            SettingsStore store = SettingsStore.open(notADir.resolve("settings.properties"));
            store.put("theme", "dark");
            store.put("window.width", "900");
            store.addRecentLogs(List.of(dir.resolve("log.csv")));
            List<java.util.logging.LogRecord> warnings = records.stream()
                    .filter(r -> r.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()).toList();
            assertEquals(1, warnings.size(), "one line for three failed writes");
            assertEquals(null, warnings.getFirst().getThrown(), "no stack trace at WARNING");
            assertTrue(warnings.getFirst().getMessage().startsWith("could not save settings to "
                    + notADir.resolve("settings.properties") + " (FileAlreadyExistsException: " + notADir + ");"),
                    warnings.getFirst().getMessage());
            assertEquals(3, records.stream().filter(r -> r.getThrown() != null
                    && r.getLevel().intValue() < java.util.logging.Level.INFO.intValue()).count(),
                    "each trace at debugging level");

            Files.delete(notADir);
            store.put("theme", "light");
            assertEquals(Optional.of("light"), SettingsStore.open(notADir.resolve("settings.properties")).get("theme"));
            Files.walk(notADir).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            Files.writeString(notADir, "x");
            store.put("theme", "dark");
            assertEquals(2, records.stream()
                    .filter(r -> r.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()).count(),
                    "failing again after a write that worked is told again");
        } finally {
            jul.removeHandler(handler);
            jul.setLevel(level);
        }
    }

    @Test
    void backgroundWritesLeaveTheCallersThreadAndChangesMadeMeanwhileJoinTheQueuedWrite() {
        Path file = dir.resolve("settings.properties");
        Queue<Runnable> queued = new ArrayDeque<>();
        SettingsStore store = SettingsStore.open(file, queued::add);
        store.put("theme", "dark");
        store.put("resolvers", "192.0.2.53");
        store.addRecentLogs(List.of(dir.resolve("a.csv")));
        assertFalse(Files.exists(file), "nothing written on the caller's thread");
        assertEquals(1, queued.size(), "one write for three changes");
        assertEquals(Optional.of("dark"), store.get("theme"), "the change is seen at once");
        queued.poll().run();
        SettingsStore reread = SettingsStore.open(file);
        assertEquals(Optional.of("dark"), reread.get("theme"));
        assertEquals(Optional.of("192.0.2.53"), reread.get("resolvers"));
        assertEquals(List.of(List.of(dir.resolve("a.csv"))), reread.recentLogs());
        store.put("theme", "light");
        assertEquals(1, queued.size(), "a change after the write queues a new one");
        queued.poll().run();
        assertEquals(Optional.of("light"), SettingsStore.open(file).get("theme"));
    }

    @Test
    void flushWaitsUntilTheBackgroundWriteIsInTheFile() {
        Path file = dir.resolve("settings.properties");
        SettingsStore store = SettingsStore.open(file, SettingsStore.backgroundWrites());
        store.put("window", "1,2,3,4");
        store.flush();
        assertEquals(Optional.of("1,2,3,4"), SettingsStore.open(file).get("window"));
        assertFalse(Files.exists(dir.resolve("settings.properties.tmp")));
    }
}
