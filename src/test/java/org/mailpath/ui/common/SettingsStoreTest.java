package org.mailpath.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
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
        QueuedWritesStore writes = new QueuedWritesStore(dir);
        SettingsStore store = writes.store;
        store.put("theme", "dark");
        store.put("resolvers", "192.0.2.53");
        store.addRecentLogs(List.of(dir.resolve("a.csv")));
        assertFalse(Files.exists(writes.file), "nothing written on the caller's thread");
        assertEquals(1, writes.queued.size(), "one write for three changes");
        assertEquals(Optional.of("dark"), store.get("theme"), "the change is seen at once");
        writes.runWrite();
        SettingsStore reread = SettingsStore.open(writes.file);
        assertEquals(Optional.of("dark"), reread.get("theme"));
        assertEquals(Optional.of("192.0.2.53"), reread.get("resolvers"));
        assertEquals(List.of(List.of(dir.resolve("a.csv"))), reread.recentLogs());
        writes.putAndWriteOnce("theme", "light", "a change after the write queues a new one");
    }

    @Test
    void aValuePutAgainAsItIsWritesNothing() {
        QueuedWritesStore writes = new QueuedWritesStore(dir);
        writes.store.put("analysis.relayHosts", "smtp-relay.acme.example");
        writes.runWrite();
        writes.store.put("analysis.relayHosts", "smtp-relay.acme.example");
        assertTrue(writes.queued.isEmpty(), "the setting holds that value already: no write");
        writes.putAndWriteOnce("analysis.relayHosts", "relay2.acme.example", "a different value is written");
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

    /**
     * One byte that is not UTF-8 (a Latin-1 "é" in a path) or a cut escape lost every setting, and the next write put
     * only the window's place in the file. Now each bad line costs that line only, and the file as it was is kept
     * beside it before anything replaces it.
     */
    @Test
    void aBadByteOrACutEscapeCostsThatLineOnlyAndTheFileIsKeptAsItWas() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.writeBytes("theme=dark\ndkim.selectors=sf1, sf2\nrecent.0=/logs/caf".getBytes(
                java.nio.charset.StandardCharsets.US_ASCII));
        bytes.write(0xE9);
        bytes.writeBytes("/a.csv\nrecent.1=/logs/b.csv\nwindow=\\u00\ndns.timeoutSeconds=7\n".getBytes(
                java.nio.charset.StandardCharsets.US_ASCII));
        Path file = Files.write(dir.resolve("settings.properties"), bytes.toByteArray());
        SettingsStore store = SettingsStore.open(file);
        assertEquals(Optional.of("dark"), store.get("theme"));
        assertEquals(Optional.of("sf1, sf2"), store.get("dkim.selectors"));
        assertEquals(Optional.of("7"), store.get("dns.timeoutSeconds"));
        assertEquals(Optional.empty(), store.get("window"));
        assertEquals(List.of(List.of(Path.of("/logs/café/a.csv")), List.of(Path.of("/logs/b.csv"))),
                store.recentLogs(), "the Latin-1 byte read as Latin-1");
        Path backup = dir.resolve("settings.properties.bad");
        assertEquals(List.of(new SettingsProblem.LinesSkipped(file,
                List.of(new SettingsProblem.SkippedLine(5, "window")), Optional.of(backup))), store.problems());

        store.put("window", "1,2,3,4");
        assertTrue(java.util.Arrays.equals(bytes.toByteArray(), Files.readAllBytes(backup)), "kept as it was");
        SettingsStore reread = SettingsStore.open(file);
        assertEquals(Optional.of("dark"), reread.get("theme"));
        assertEquals(Optional.of("1,2,3,4"), reread.get("window"));
        assertEquals(2, reread.recentLogs().size());
        assertEquals(List.of(), reread.problems(), "written cleanly");
    }

    /** A settings file of 300 MB was read whole at start and written whole at each change. */
    @Test
    void aFileFarLargerThanSettingsIsNotReadButMovedAside() throws Exception {
        Path file = dir.resolve("settings.properties");
        Files.write(file, ("theme=dark\nx=" + "y".repeat((int) SettingsFileReader.MAX_BYTES)).getBytes(
                java.nio.charset.StandardCharsets.US_ASCII));
        long size = Files.size(file);
        SettingsStore store = SettingsStore.open(file);
        assertEquals(Optional.empty(), store.get("theme"));
        Path backup = dir.resolve("settings.properties.bad");
        assertEquals(List.of(new SettingsProblem.TooLarge(file, size, SettingsFileReader.MAX_BYTES,
                Optional.of(backup))), store.problems());
        assertEquals(size, Files.size(backup));
        assertFalse(Files.exists(file));
    }

    /**
     * Two MailPaths on the same settings: the one closing last wrote the settings it had read at its start, and the
     * recent files and settings the other saved were lost.
     */
    @Test
    void twoRunsOnTheSameFileKeepEachOthersRecentFilesAndSettings() {
        Path file = dir.resolve("settings.properties");
        SettingsStore.open(file).addRecentLogs(List.of(dir.resolve("old.csv")));
        SettingsStore first = SettingsStore.open(file);
        SettingsStore second = SettingsStore.open(file);
        first.addRecentLogs(List.of(dir.resolve("sample.csv")));
        second.addRecentLogs(List.of(dir.resolve("mylog.csv")));
        second.put("theme", "dark");
        first.put("window", "1,2,3,4");
        SettingsStore after = SettingsStore.open(file);
        assertEquals(List.of(List.of(dir.resolve("mylog.csv")), List.of(dir.resolve("sample.csv")),
                List.of(dir.resolve("old.csv"))), after.recentLogs());
        assertEquals(Optional.of("dark"), after.get("theme"));
        assertEquals(Optional.of("1,2,3,4"), after.get("window"));
        assertEquals(after.recentLogs(), first.recentLogs(), "the other run's entries are this one's now too");
        first.clearRecentFiles();
        assertEquals(List.of(), SettingsStore.open(file).recentLogs(), "clearing clears what the file holds");
    }

    /** "recent.1=" was listed as a file named "null"; a gap in the numbers ended the list. */
    @Test
    void emptyRecentEntriesAreSkipped() throws Exception {
        Path file = Files.writeString(dir.resolve("settings.properties"),
                "recent.0=/logs/a.csv\nrecent.1=\nrecent.3=/logs/moved.csv\nrecent.4=\nrecent.4.1=/logs/c.csv\n");
        assertEquals(List.of(List.of(Path.of("/logs/a.csv")), List.of(Path.of("/logs/moved.csv")),
                List.of(Path.of("/logs/c.csv"))), SettingsStore.open(file).recentLogs());
    }

    @Test
    void aFailedWriteIsToldToTheAppOnceAndItsChangesAreWrittenWithTheNextThatWorks() throws Exception {
        Path notADir = Files.writeString(dir.resolve("not-a-dir"), "x");
        Path file = notADir.resolve("settings.properties");
        SettingsStore store = SettingsStore.open(file);
        List<SettingsProblem> told = new java.util.ArrayList<>();
        store.onProblem(told::add);
        store.put("theme", "dark");
        store.addRecentLogs(List.of(dir.resolve("a.csv")));
        assertEquals(1, told.size(), told.toString());
        SettingsProblem.NotSaved notSaved = (SettingsProblem.NotSaved) told.getFirst();
        assertEquals(file, notSaved.file());
        // the reason in the user's words, not an exception's class name
        assertEquals("a file of that name is in the way (where a folder is needed, or the file itself)",
                notSaved.reason().in(Locale.ENGLISH));
        Files.delete(notADir);
        store.put("window", "1,2,3,4");
        SettingsStore reread = SettingsStore.open(file);
        assertEquals(Optional.of("dark"), reread.get("theme"));
        assertEquals(List.of(List.of(dir.resolve("a.csv"))), reread.recentLogs());
    }

    /** A close that did not wait for a slow write left settings.properties.tmp (260 MB) behind. */
    @Test
    void temporaryFilesOfWritesCutShortAreRemovedAndAWriteGivenUpLeavesNone() throws Exception {
        Path older = Files.writeString(dir.resolve("settings.properties.tmp"), "half");
        Path gone = Files.writeString(dir.resolve("settings.properties.4194305999.tmp"), "half");
        Path running = Files.writeString(dir.resolve("settings.properties." + ProcessHandle.current().pid() + ".tmp"),
                "another store's write");
        QueuedWritesStore writes = new QueuedWritesStore(dir);
        assertFalse(Files.exists(older), "MailPath before wrote this name");
        assertFalse(Files.exists(gone), "no such process");
        assertTrue(Files.exists(running), "a write of a process still running");
        Files.delete(running);

        writes.store.put("theme", "dark");
        writes.store.flush(java.time.Duration.ZERO);
        writes.runWrite();
        try (var left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "the write given up wrote nothing");
        }
    }

    /**
     * Two MailPaths saving at the same moment each read the file, merged their change and moved their file in: the
     * one moving last had read the file without the other's change, and it was lost. A write now holds the lock beside
     * the file from its read to its move: this one waits while "the other" (the test, holding the lock) saves, and
     * merges into what that one saved.
     */
    @Test
    void aSaveWaitsForTheLockAnotherWriterHoldsAndKeepsWhatThatOneSaved() throws Exception {
        Path file = Files.writeString(dir.resolve("settings.properties"), "theme=dark\n");
        List<String> pauses = new java.util.ArrayList<>();
        try (FileChannel other = lockChannel()) {
            FileLock held = other.lock();
            SettingsStore store = SettingsStore.open(file, Runnable::run, () -> {
                pauses.add("waited");
                if (held.isValid()) { // the other MailPath saves its change and lets go, while this one waits
                    write(file, "theme=dark\nresolvers=192.0.2.53\n");
                    release(held);
                }
            });
            store.put("window", "1,2,3,4");
            assertEquals(List.of("waited"), pauses, "the save waited for the lock once");
        }
        SettingsStore reread = SettingsStore.open(file);
        assertEquals(Optional.of("192.0.2.53"), reread.get("resolvers"), "the other's change is kept");
        assertEquals(Optional.of("1,2,3,4"), reread.get("window"));
        assertEquals(Optional.of("dark"), reread.get("theme"));
        try (FileChannel again = lockChannel()) {
            assertNotNull(again.tryLock(), "the save let the lock go");
        }
    }

    /** A MailPath that hangs holding the lock must not keep this one's settings from being saved, nor hang it. */
    @Test
    void aLockHeldThroughEveryTryDoesNotStopTheSave() throws Exception {
        Path file = dir.resolve("settings.properties");
        List<String> pauses = new java.util.ArrayList<>();
        try (FileChannel other = lockChannel()) {
            other.lock();
            SettingsStore store = SettingsStore.open(file, Runnable::run, () -> pauses.add("waited"));
            store.put("theme", "dark");
            assertEquals(SettingsLock.TRIES - 1, pauses.size(), "tried a bounded number of times");
            assertEquals(Optional.of("dark"), SettingsStore.open(file).get("theme"), "saved without the lock");
            assertEquals(List.of(), store.problems(), "nothing to tell the user");
        }
    }

    /** A folder where the lock file cannot be created (here a folder is in its way) saves as before there was a lock. */
    @Test
    void aFolderWhereTheLockFileCannotBeCreatedStillSaves() throws Exception {
        Path file = dir.resolve("settings.properties");
        Files.createDirectories(dir.resolve("settings.properties.lock"));
        List<String> pauses = new java.util.ArrayList<>();
        SettingsStore store = SettingsStore.open(file, Runnable::run, () -> pauses.add("waited"));
        store.put("theme", "dark");
        assertEquals(Optional.of("dark"), SettingsStore.open(file).get("theme"));
        assertEquals(List.of(), store.problems());
        assertEquals(List.of(), pauses, "no lock to wait for");
    }

    /** Closing gave up on a write while it waited for the lock: it does not replace the file, nor is it told. */
    @Test
    void aWriteGivenUpWhileWaitingForTheLockLeavesTheFileAsItWas() throws Exception {
        Path file = Files.writeString(dir.resolve("settings.properties"), "theme=dark\n");
        Queue<Runnable> queued = new ArrayDeque<>();
        SettingsStore[] store = new SettingsStore[1];
        try (FileChannel other = lockChannel()) {
            FileLock held = other.lock();
            store[0] = SettingsStore.open(file, queued::add, () -> {
                store[0].flush(java.time.Duration.ZERO); // the window closes and does not wait
                release(held);
            });
            List<SettingsProblem> told = new java.util.ArrayList<>();
            store[0].onProblem(told::add);
            store[0].put("theme", "light");
            queued.poll().run();
            assertEquals(List.of(), told);
        }
        assertEquals("theme=dark\n", Files.readString(file));
        try (var left = Files.list(dir)) {
            assertEquals(List.of(file.getFileName().toString(), "settings.properties.lock"),
                    left.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary file");
        }
    }

    /** Another writer's lock, as another MailPath would hold it (the same file, opened apart from the store). */
    private FileChannel lockChannel() throws IOException {
        return FileChannel.open(dir.resolve("settings.properties.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void release(FileLock lock) {
        try {
            lock.release();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theFolderFollowsXdgConfigHomeThenHomeThenUserHome() {
        java.util.Map<String, String> env = new java.util.HashMap<>();
        String userHome = "/root";
        assertEquals(Path.of("/root/.config/mailpath/settings.properties"),
                SettingsStore.defaultFile(env::get, "Linux", userHome));
        env.put("HOME", "/tmp/sandbox");
        assertEquals(Path.of("/tmp/sandbox/.config/mailpath/settings.properties"),
                SettingsStore.defaultFile(env::get, "Linux", userHome), "$HOME, not the password database's");
        assertEquals(Path.of("/tmp/sandbox/Library/Application Support/MailPath/settings.properties"),
                SettingsStore.defaultFile(env::get, "Mac OS X", userHome));
        env.put("XDG_CONFIG_HOME", "relative/config");
        assertEquals(Path.of("/tmp/sandbox/.config/mailpath/settings.properties"),
                SettingsStore.defaultFile(env::get, "Linux", userHome), "a relative XDG_CONFIG_HOME is ignored");
        env.put("XDG_CONFIG_HOME", "/tmp/xdg");
        assertEquals(Path.of("/tmp/xdg/mailpath/settings.properties"),
                SettingsStore.defaultFile(env::get, "Linux", userHome));
        env.put("HOME", " ");
        env.remove("XDG_CONFIG_HOME");
        assertEquals(Path.of("/root/.config/mailpath/settings.properties"),
                SettingsStore.defaultFile(env::get, "Linux", userHome));
    }
}
