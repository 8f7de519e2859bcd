package org.mailpath.ui.common;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.mailpath.engine.common.UserFolders;
import org.mailpath.engine.log.FileErrorReason;

/**
 * The only things MailPath keeps between runs: settings (theme, window, resolvers) and the recent-files list,
 * in one small properties file under the user's configuration folder. The user can clear both. Writes are
 * atomic (temporary file, then move) so a crash never leaves half a file. The app writes on a background thread
 * ({@link #backgroundWrites()}), so a slow or network home folder never stalls the window; changes made while a
 * write is queued join that write.
 *
 * <p>A file read partly (a bad line) or not at all (too large, no permission) is kept beside it as
 * {@code settings.properties.bad} before anything replaces it, and the app is told ({@link #onProblem}) so that it can
 * say what was reset. A write starts from the file as it is then and applies only this run's changes to it: a second
 * MailPath on the same settings no longer loses the recent files and settings the other one saved. It does so holding
 * a lock ({@link SettingsLock}), so that two saving at the same moment do not both start from the file as it was.
 */
public final class SettingsStore {

    public static final int MAX_RECENT = 8;
    private static final String RECENT = "recent.";
    private static final String BACKUP_SUFFIX = ".bad";
    private static final String TMP_SUFFIX = ".tmp";
    private static final System.Logger LOG = System.getLogger(SettingsStore.class.getName());

    private static final Duration FLUSH_WAIT = Duration.ofSeconds(2);

    private final Path file;
    private final Executor writes;
    private final SettingsLock lock;
    /** This run's view: the file as read, with this run's changes (and another run's, once a write merged them). */
    private final Properties values = new Properties();
    /** This run's changes not yet in the file, in order: a write applies them to the file as it is then. */
    private final List<Change> pending = new ArrayList<>();
    private final List<SettingsProblem> problems = new ArrayList<>();
    private final List<Consumer<SettingsProblem>> listeners = new ArrayList<>();
    /** The last write queued; each runs after the one before, so an older state never overwrites a newer one. */
    private CompletableFuture<Void> lastWrite = CompletableFuture.completedFuture(null);
    private boolean writeQueued;
    /**
     * Whether the last write failed: a home folder that cannot be written (read-only, full) fails every write the same
     * way, and the user is told once, not at each change.
     */
    private boolean failing;
    /** Closing did not wait for a slow write: it does not replace the file, nor is it told as a failure. */
    private volatile boolean abandoned;

    private SettingsStore(Path file, Executor writes, SettingsLock lock) {
        this.file = file;
        this.writes = writes;
        this.lock = lock;
    }

    /** Loads {@code file}; changes are written at once, on the caller's thread. */
    public static SettingsStore open(Path file) {
        return open(file, Runnable::run);
    }

    /**
     * Loads {@code file}; what cannot be read gives default settings (and a {@link SettingsProblem}). Changes are
     * written through {@code writes}.
     */
    public static SettingsStore open(Path file, Executor writes) {
        return open(file, writes, SettingsLock.Pause.SLEEP);
    }

    /** As {@link #open(Path, Executor)}, with what a write does while another holds the lock between its tries. */
    static SettingsStore open(Path file, Executor writes, SettingsLock.Pause lockPause) {
        SettingsStore store = new SettingsStore(file, writes, SettingsLock.beside(file, lockPause));
        store.removeStaleTemporaryFiles();
        store.load();
        return store;
    }

    private void load() {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            long size = Files.size(file);
            if (size > SettingsFileReader.MAX_BYTES) {
                LOG.log(System.Logger.Level.WARNING, "settings file " + file + " is " + size + " bytes; not read");
                problems.add(new SettingsProblem.TooLarge(file, size, SettingsFileReader.MAX_BYTES, keepAside(true)));
                return;
            }
            SettingsFileReader.Result read = SettingsFileReader.read(file);
            values.putAll(read.values());
            if (!read.clean()) {
                Optional<Path> backup = keepAside(false);
                if (!read.skipped().isEmpty()) {
                    LOG.log(System.Logger.Level.WARNING, "settings file " + file + ": skipped " + read.skipped());
                    problems.add(new SettingsProblem.LinesSkipped(file, read.skipped(), backup));
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "settings file " + file + " unreadable (" + described(e)
                    + "); starting with default settings");
            values.clear();
            problems.add(new SettingsProblem.Unreadable(file, FileErrorReason.reasonOf(e), keepAside(true)));
        }
    }

    /**
     * Keeps the file as it is beside it ({@code settings.properties.bad}), before a write replaces it: moved when it
     * is not read at all (no copy of 300 MB, and one that cannot be read cannot be copied), copied otherwise.
     */
    private Optional<Path> keepAside(boolean move) {
        Path backup = file.resolveSibling(file.getFileName() + BACKUP_SUFFIX);
        try {
            if (move) {
                Files.move(file, backup, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.copy(file, backup, StandardCopyOption.REPLACE_EXISTING);
            }
            return Optional.of(backup);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not keep " + file + " as " + backup + " (" + described(e) + ")");
            return Optional.empty();
        }
    }

    /**
     * A write cut short (a close that did not wait for it, a crash) leaves its temporary file: this run's name and
     * that of MailPath before it are known, and a file of a process still running is another MailPath's write.
     */
    private void removeStaleTemporaryFiles() {
        Path dir = file.toAbsolutePath().getParent();
        String prefix = file.getFileName() + ".";
        if (dir == null || !Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> tmps = Files.newDirectoryStream(dir, p -> {
            String name = p.getFileName().toString();
            return name.startsWith(prefix) && name.endsWith(TMP_SUFFIX);
        })) {
            for (Path tmp : tmps) {
                String name = tmp.getFileName().toString();
                String writer = name.substring(prefix.length() - 1, name.length() - TMP_SUFFIX.length());
                boolean stale = writer.isEmpty() || !writer.matches("\\.\\d{1,19}")
                        || ProcessHandle.of(Long.parseLong(writer.substring(1))).isEmpty();
                if (stale) {
                    Files.deleteIfExists(tmp);
                    LOG.log(System.Logger.Level.INFO, "removed " + tmp + ", left by a write cut short");
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "looking for stale temporary settings files", e);
        }
    }

    /**
     * Tells {@code listener} of each problem with the file: those met while loading it, at once, and later ones (a
     * failed write) on the thread that met them.
     */
    public void onProblem(Consumer<SettingsProblem> listener) {
        List<SettingsProblem> known;
        synchronized (this) {
            listeners.add(listener);
            known = List.copyOf(problems);
        }
        known.forEach(listener);
    }

    /** The problems met so far, oldest first. */
    public synchronized List<SettingsProblem> problems() {
        return List.copyOf(problems);
    }

    /**
     * {@code $XDG_CONFIG_HOME/mailpath}, or {@code $HOME/.config/mailpath} ({@code ~/Library/Application Support/MailPath}
     * on macOS); {@code %APPDATA%\MailPath} on Windows.
     */
    public static Path defaultFile() {
        return defaultFile(System::getenv, System.getProperty("os.name", ""), System.getProperty("user.home"));
    }

    /** As {@link #defaultFile()}, with the environment and system given ({@link UserFolders#configFolder}). */
    static Path defaultFile(UnaryOperator<String> env, String osName, String userHome) {
        return UserFolders.configFolder(env, osName, userHome).resolve("settings.properties");
    }

    /**
     * Writes on a short-lived thread named "mailpath-settings" (the app's choice). Not the app's TaskRunner: the store
     * is opened before it (its language picks the app's texts), and the app closes the runner before it saves the
     * window's place and waits for that write ({@code AppContext.shutdown}).
     */
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
        // a value put again as it is (the Email Relay at each read) is no change: each write takes the lock and
        // replaces the whole file
        if (value.equals(values.getProperty(key))) {
            return;
        }
        change(new Put(key, value));
    }

    /**
     * The logs opened lately, most recent first: each entry the file opened, or the files opened together (read
     * together again). Files that no longer exist are kept (the list shows them as missing); empty entries are
     * skipped. Stored as {@code recent.N} (the first file: all an entry had before files could be opened together,
     * and all an older MailPath reads of one) and {@code recent.N.K} for the further files of entry N.
     */
    public synchronized List<List<Path>> recentLogs() {
        return recentOf(values);
    }

    private static List<List<Path>> recentOf(Properties values) {
        List<Integer> numbers = values.stringPropertyNames().stream().filter(k -> k.startsWith(RECENT))
                .map(k -> k.substring(RECENT.length())).filter(n -> n.matches("\\d{1,6}")).map(Integer::parseInt)
                .distinct().sorted().toList();
        List<List<Path>> list = new ArrayList<>();
        for (int i : numbers) {
            List<String> entry = new ArrayList<>(List.of(values.getProperty(RECENT + i)));
            for (int k = 1; values.getProperty(RECENT + i + "." + k) != null; k++) {
                entry.add(values.getProperty(RECENT + i + "." + k));
            }
            entry.removeIf(String::isBlank); // "recent.1=" was listed as a file named "null"
            try {
                List<Path> files = entry.stream().map(Path::of).toList();
                if (!files.isEmpty() && !list.contains(files) && list.size() < MAX_RECENT) {
                    list.add(files);
                }
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
        change(new AddRecent(files.stream().map(p -> p.toAbsolutePath().normalize()).toList()));
    }

    public synchronized void clearRecentFiles() {
        change(new ClearRecent());
    }

    /** Forgets everything: recent files and settings. */
    public synchronized void clearAll() {
        change(new ClearAll());
    }

    private void change(Change c) {
        c.apply(values);
        pending.add(c);
        save();
    }

    private static void writeRecent(Properties values, List<List<Path>> list) {
        values.stringPropertyNames().stream().filter(k -> k.startsWith(RECENT)).forEach(values::remove);
        for (int i = 0; i < list.size(); i++) {
            List<Path> entry = list.get(i);
            values.setProperty(RECENT + i, entry.getFirst().toString());
            for (int k = 1; k < entry.size(); k++) {
                values.setProperty(RECENT + i + "." + k, entry.get(k).toString());
            }
        }
    }

    /** A change this run made, applied again to the file as it is when written. */
    private sealed interface Change {
        void apply(Properties to);
    }

    private record Put(String key, String value) implements Change {
        @Override
        public void apply(Properties to) {
            to.setProperty(key, value);
        }
    }

    /** The entry goes first; the others, this run's and another's, keep their order after it. */
    private record AddRecent(List<Path> entry) implements Change {
        @Override
        public void apply(Properties to) {
            List<List<Path>> list = new ArrayList<>(recentOf(to));
            list.remove(entry);
            list.addFirst(entry);
            writeRecent(to, list.subList(0, Math.min(MAX_RECENT, list.size())));
        }
    }

    private record ClearRecent() implements Change {
        @Override
        public void apply(Properties to) {
            writeRecent(to, List.of());
        }
    }

    private record ClearAll() implements Change {
        @Override
        public void apply(Properties to) {
            to.clear();
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
        flush(FLUSH_WAIT);
    }

    /**
     * As {@link #flush()}, waiting at most {@code wait}. A write still running then is given up: it does not replace
     * the file, and its temporary file is removed here, as the app is about to exit and the write may not get to it (a
     * 300 MB file's write left 260 MB behind). Nothing is written after.
     */
    void flush(Duration wait) {
        CompletableFuture<Void> last;
        synchronized (this) {
            last = lastWrite;
        }
        try {
            last.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(System.Logger.Level.WARNING, "settings not saved to " + file + " before closing (" + described(e)
                    + ")");
            LOG.log(System.Logger.Level.DEBUG, "settings not saved before closing", e);
            abandoned = true;
            deleteTemporaryFile();
        }
    }

    private Path temporaryFile() {
        return file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + TMP_SUFFIX);
    }

    /** Removes this run's temporary file, if any; one that cannot be removed is removed at the next start. */
    private void deleteTemporaryFile() {
        try {
            Files.deleteIfExists(temporaryFile());
        } catch (IOException | RuntimeException e) {
            // no trace: a write that failed has its own (its folder in the way fails this too)
            LOG.log(System.Logger.Level.DEBUG, "removing " + temporaryFile() + " (" + described(e) + ")");
        }
    }

    /**
     * The file as it is now (another MailPath may have written it since this one read it), with this run's changes
     * applied; where it cannot be read, this run's settings.
     */
    private Properties mergedWith(List<Change> changes) {
        Properties merged = new Properties();
        boolean fromFile = false;
        try {
            if (Files.isRegularFile(file) && Files.size(file) <= SettingsFileReader.MAX_BYTES) {
                merged.putAll(SettingsFileReader.read(file).values());
                fromFile = true;
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "re-reading " + file + " before writing", e);
        }
        if (!fromFile && Files.exists(file)) {
            synchronized (this) {
                merged.putAll(values);
            }
        }
        changes.forEach(c -> c.apply(merged));
        return merged;
    }

    private void writeCurrent() {
        List<Change> changes;
        synchronized (this) {
            writeQueued = false;
            changes = List.copyOf(pending);
        }
        if (abandoned) {
            return; // queued before closing gave up on the write before it: nothing is written after closing
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Properties merged;
            try (SettingsLock.Held held = lock.hold()) {
                merged = mergedWith(changes);
                Files.writeString(temporaryFile(), text(merged), StandardCharsets.UTF_8);
                if (abandoned) {
                    // closing gave up on this write and told the log it was not saved: the file stays as it is
                    deleteTemporaryFile();
                    return;
                }
                try {
                    Files.move(temporaryFile(), file, StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporaryFile(), file, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            synchronized (this) {
                pending.subList(0, changes.size()).clear();
                // what another MailPath saved is now this run's too, under the changes made while this write ran
                values.clear();
                values.putAll(merged);
                pending.forEach(c -> c.apply(values));
                failing = false;
            }
        } catch (IOException | RuntimeException e) {
            deleteTemporaryFile();
            if (abandoned) {
                return; // closing removed the temporary file under this write: no failure of the folder's to tell
            }
            notSaved(e);
        }
    }

    /**
     * The file's text, made whole before it is written: settings are small (a file over {@link
     * SettingsFileReader#MAX_BYTES} is never read), so the temporary file is written in one step.
     */
    private static String text(Properties values) throws IOException {
        StringWriter out = new StringWriter();
        values.store(out, "MailPath settings");
        return out.toString();
    }

    /**
     * Settings are a convenience: losing them must never stop the user's work, nor fill the terminal with stack traces
     * (a read-only home failed each write with one). One line says what failed, once until a write works again; the
     * trace is for debugging. The changes stay pending: the next write tries them again.
     */
    private void notSaved(Exception e) {
        boolean first;
        List<Consumer<SettingsProblem>> tell;
        SettingsProblem problem = new SettingsProblem.NotSaved(file, FileErrorReason.reasonOf(e));
        synchronized (this) {
            first = !failing;
            failing = true;
            if (first) {
                problems.add(problem);
            }
            tell = List.copyOf(listeners);
        }
        if (first) {
            LOG.log(System.Logger.Level.WARNING, "could not save settings to " + file + " (" + described(e)
                    + "); changes are kept until MailPath closes");
            tell.forEach(l -> l.accept(problem));
        }
        LOG.log(System.Logger.Level.DEBUG, "could not save settings to " + file, e);
    }

    /** The exception in a few words for the log: its kind and message ({@code AccessDeniedException: /home/u/...}). */
    private static String described(Exception e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
