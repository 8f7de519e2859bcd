package org.mailpath.ui.common;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The only things MailPath keeps between runs: settings (theme, window, resolvers) and the recent-files list,
 * in one small properties file under the user's configuration folder. The user can clear both. Writes are
 * atomic (temporary file, then move) so a crash never leaves half a file. The app writes on a background thread
 * ({@link #backgroundWrites()}), so a slow or network home folder never stalls the window; changes made while a
 * write is queued join that write.
 */
public final class SettingsStore {

    public static final int MAX_RECENT = 8;
    private static final String RECENT = "recent.";
    private static final System.Logger LOG = System.getLogger(SettingsStore.class.getName());

    private static final long FLUSH_WAIT_SECONDS = 2;

    private final Path file;
    private final Executor writes;
    private final Properties values = new Properties();
    /** The last write queued; each runs after the one before, so an older state never overwrites a newer one. */
    private CompletableFuture<Void> lastWrite = CompletableFuture.completedFuture(null);
    private boolean writeQueued;
    /**
     * Whether the last write failed: a home folder that cannot be written (read-only, full) fails every write the same
     * way, and the user is told once, not at each change.
     */
    private boolean failing;

    private SettingsStore(Path file, Executor writes) {
        this.file = file;
        this.writes = writes;
    }

    /** Loads {@code file}; changes are written at once, on the caller's thread. */
    public static SettingsStore open(Path file) {
        return open(file, Runnable::run);
    }

    /**
     * Loads {@code file}; a missing or unreadable file gives empty settings (and is logged). Changes are written
     * through {@code writes}.
     */
    public static SettingsStore open(Path file, Executor writes) {
        SettingsStore store = new SettingsStore(file, writes);
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                store.values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.log(System.Logger.Level.WARNING, "settings file " + file + " unreadable (" + e.getMessage() + "); starting fresh");
                store.values.clear();
            }
        }
        return store;
    }

    /** {@code $XDG_CONFIG_HOME/mailpath} or {@code ~/.config/mailpath}; {@code %APPDATA%\MailPath} on Windows. */
    public static Path defaultFile() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        String home = System.getProperty("user.home");
        Path dir;
        if (os.contains("win") && System.getenv("APPDATA") != null) {
            dir = Path.of(System.getenv("APPDATA"), "MailPath");
        } else if (os.contains("mac")) {
            dir = Path.of(home, "Library", "Application Support", "MailPath");
        } else if (System.getenv("XDG_CONFIG_HOME") != null && !System.getenv("XDG_CONFIG_HOME").isBlank()) {
            dir = Path.of(System.getenv("XDG_CONFIG_HOME"), "mailpath");
        } else {
            dir = Path.of(home, ".config", "mailpath");
        }
        return dir.resolve("settings.properties");
    }

    /** Writes on a short-lived thread named "mailpath-settings" (the app's choice). */
    public static Executor backgroundWrites() {
        return task -> Thread.ofVirtual().name("mailpath-settings").start(task);
    }

    public Path file() {
        return file;
    }

    public synchronized Optional<String> get(String key) {
        return Optional.ofNullable(values.getProperty(key));
    }

    public synchronized void put(String key, String value) {
        values.setProperty(key, value);
        save();
    }

    /**
     * The logs opened lately, most recent first: each entry the file opened, or the files opened together (read
     * together again). Files that no longer exist are kept (the list shows them as missing). Stored as
     * {@code recent.N} (the first file: all an entry had before files could be opened together, and all an older
     * MailPath reads of one) and {@code recent.N.K} for the further files of entry N.
     */
    public synchronized List<List<Path>> recentLogs() {
        List<List<Path>> list = new ArrayList<>();
        for (int i = 0; i < MAX_RECENT; i++) {
            String v = values.getProperty(RECENT + i);
            if (v == null) {
                break;
            }
            List<String> entry = new ArrayList<>(List.of(v));
            for (int k = 1; values.getProperty(RECENT + i + "." + k) != null; k++) {
                entry.add(values.getProperty(RECENT + i + "." + k));
            }
            try {
                list.add(entry.stream().map(Path::of).toList());
            } catch (InvalidPathException e) {
                LOG.log(System.Logger.Level.DEBUG, "skipping recent entry " + entry);
            }
        }
        return list;
    }

    /**
     * Remembers {@code files}, opened together (or one file alone), as the latest entry; the same files opened before
     * in the same order move up instead of being listed twice.
     */
    public synchronized void addRecentLogs(List<Path> files) {
        if (files.isEmpty()) {
            return;
        }
        List<List<Path>> list = recentLogs();
        List<Path> entry = files.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        list.remove(entry);
        list.addFirst(entry);
        writeRecent(list.subList(0, Math.min(MAX_RECENT, list.size())));
        save();
    }

    public synchronized void clearRecentFiles() {
        writeRecent(List.of());
        save();
    }

    /** Forgets everything: recent files and settings. */
    public synchronized void clearAll() {
        values.clear();
        save();
    }

    private void writeRecent(List<List<Path>> list) {
        values.stringPropertyNames().stream().filter(k -> k.startsWith(RECENT)).forEach(values::remove);
        for (int i = 0; i < list.size(); i++) {
            List<Path> entry = list.get(i);
            values.setProperty(RECENT + i, entry.getFirst().toString());
            for (int k = 1; k < entry.size(); k++) {
                values.setProperty(RECENT + i + "." + k, entry.get(k).toString());
            }
        }
    }

    /** Queues a write of the current settings, unless one is queued already (it will take this change too). */
    private void save() {
        if (writeQueued) {
            return;
        }
        writeQueued = true;
        lastWrite = lastWrite.exceptionally(e -> null).thenRunAsync(this::writeCurrent, writes);
    }

    /** Waits (at most 2 s) until queued changes are in the file; the app calls it as its window closes. */
    public void flush() {
        CompletableFuture<Void> last;
        synchronized (this) {
            last = lastWrite;
        }
        try {
            last.get(FLUSH_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(System.Logger.Level.WARNING, "settings not saved to " + file + " before closing (" + described(e)
                    + ")");
            LOG.log(System.Logger.Level.DEBUG, "settings not saved before closing", e);
        }
    }

    private void writeCurrent() {
        Properties snapshot = new Properties();
        synchronized (this) {
            writeQueued = false;
            snapshot.putAll(values);
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                snapshot.store(out, "MailPath settings");
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            synchronized (this) {
                failing = false;
            }
        } catch (IOException | RuntimeException e) {
            // Settings are a convenience: losing them must never stop the user's work, nor fill the terminal with
            // stack traces (a read-only home failed each write with one). One line says what failed; the trace is
            // for debugging.
            boolean first;
            synchronized (this) {
                first = !failing;
                failing = true;
            }
            if (first) {
                LOG.log(System.Logger.Level.WARNING, "could not save settings to " + file + " (" + described(e)
                        + "); changes are kept until MailPath closes");
            }
            LOG.log(System.Logger.Level.DEBUG, "could not save settings to " + file, e);
        }
    }

    /** The exception in a few words: its kind and message ({@code AccessDeniedException: /home/u/.config/mailpath}). */
    private static String described(Exception e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
