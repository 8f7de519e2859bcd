package org.mailpath.launcher;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.mailpath.engine.common.UserFolders;

/**
 * MailPath's log file, set up at the start of the app and of the command line: java.util.logging (where
 * System.Logger writes) gets a file in the system's log folder ({@link UserFolders#logFolder()}), so that the
 * details the messages point to ("the details are in MailPath's log") exist, also for the installed app, which has no
 * console. The console keeps no stack trace: the command line's stderr is the command's own lines only (scripts read
 * it), the app's shows one line for a warning or worse. A folder that cannot be made or written leaves the log to
 * the console alone: a log is never a reason not to start. Each MailPath running at once writes its own files (an
 * app and a command line: {@link LogFileHandler}), and the messages name the one this process writes, or none.
 */
public final class AppLogging {

    /** A file is started anew once it holds 1 MB; three are kept: the last runs, never a full disk. */
    static final int FILE_LIMIT = 1024 * 1024;
    static final int FILE_COUNT = 3;
    /** How many MailPaths may write their own log at once (an app and a command line, or several); more write none. */
    static final int SLOTS = 10;

    private static final System.Logger LOG = System.getLogger(AppLogging.class.getName());

    /** What the console (stderr) still shows of the log. */
    enum Console {
        /** Nothing: the command line's stderr holds only its own messages. */
        NOTHING,
        /** A warning or worse as one line, without its stack trace. */
        ONE_LINE_WARNINGS
    }

    /**
     * The root logger, held because java.util.logging keeps its loggers only weakly (a handler set on one let go
     * would be lost).
     */
    private static final Logger ROOT = Logger.getLogger("");

    private AppLogging() {
    }

    /** Sets up the log for the command line: the file only. */
    static void forCommandLine() {
        install(UserFolders.logFolder(), Console.NOTHING);
    }

    /** Sets up the log for the app: the file, and one line for a warning on the console. */
    static void forApp() {
        install(UserFolders.logFolder(), Console.ONE_LINE_WARNINGS);
    }

    /**
     * Writes the log to {@code folder} (made if missing), limits the console as {@code console} says, and logs an
     * exception no code caught, on any thread (the JavaFX thread included), with its stack trace. Returns the file's
     * handler, or empty when the folder cannot be made or written or every slot is taken (the console is limited all
     * the same).
     */
    static Optional<Handler> install(Path folder, Console console) {
        for (Handler h : ROOT.getHandlers()) {
            if (h instanceof ConsoleHandler) {
                if (console == Console.NOTHING) {
                    ROOT.removeHandler(h);
                } else {
                    h.setLevel(Level.WARNING);
                    h.setFormatter(new OneLine());
                }
            }
        }
        Thread.setDefaultUncaughtExceptionHandler((thread, e) ->
                LOG.log(System.Logger.Level.ERROR, "uncaught in thread " + thread.getName(), e));
        Optional<Handler> file = fileHandler(folder);
        file.ifPresent(ROOT::addHandler);
        return file;
    }

    private static Optional<Handler> fileHandler(Path folder) {
        try {
            Files.createDirectories(folder);
            for (int slot = 1; slot <= SLOTS; slot++) {
                Optional<SlotLock> lock = SlotLock.take(folder.resolve(SlotLock.name(slot)));
                if (lock.isPresent() && LogFileHandler.heldElsewhere(folder, slot)) {
                    lock.get().release();
                } else if (lock.isPresent()) {
                    try {
                        return Optional.of(new LogFileHandler(folder, slot, lock.get()));
                    } catch (IOException | RuntimeException e) {
                        lock.get().release();
                        throw e;
                    }
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            // no log file, and nowhere to say so but the console, which must stay the command's own
            return Optional.empty();
        }
    }

    /**
     * The file handler of one slot, which knows the file it writes ({@link UserFolders#logFile()} finds it on the root
     * logger): {@code mailpath0.log} for the first MailPath running, {@code mailpath0-2.log} for a second, rotated to
     * {@code mailpath1.log}, {@code mailpath1-2.log} and so on. The slot's lock, taken first, is why the JDK never
     * writes elsewhere: it appends {@code .1} to the name, without saying so, when its pattern's {@code .lck} is held.
     */
    static final class LogFileHandler extends FileHandler implements UserFolders.WrittenLog {

        private final Path file;
        private final SlotLock slotLock;

        LogFileHandler(Path folder, int slot, SlotLock slotLock) throws IOException {
            super(pattern(folder, slot), FILE_LIMIT, FILE_COUNT, true);
            this.file = folder.resolve(fileName(slot, "0")).toAbsolutePath();
            this.slotLock = slotLock;
            setEncoding("UTF-8");
            setFormatter(new Entry());
            setLevel(Level.INFO);
        }

        /** The name of {@code slot}'s file of a generation ("0", the one written), or its pattern ("%g"). */
        static String fileName(int slot, String generation) {
            return "mailpath" + generation + (slot == 1 ? "" : "-" + slot) + ".log";
        }

        /**
         * Whether another process holds the lock FileHandler would take for {@code slot}'s files, though not the
         * slot's: a MailPath of before the slots, or anything else. FileHandler would write elsewhere then.
         */
        static boolean heldElsewhere(Path folder, int slot) {
            Path lck = folder.resolve(fileName(slot, "0") + ".lck");
            if (!Files.exists(lck)) {
                return false;
            }
            // opened once in this JVM: the slot's lock keeps this JVM's own FileHandler of the slot away
            try (FileChannel channel = FileChannel.open(lck, StandardOpenOption.WRITE)) {
                java.nio.channels.FileLock free = channel.tryLock();
                if (free == null) {
                    return true;
                }
                free.release();
                return false;
            } catch (IOException | OverlappingFileLockException e) {
                return true;
            }
        }

        private static String pattern(Path folder, int slot) {
            // FileHandler reads % and / in its pattern: a folder's own % must stay a %
            return folder.toAbsolutePath().toString().replace("%", "%%") + File.separator + fileName(slot, "%g");
        }

        @Override
        public Path file() {
            return file;
        }

        @Override
        public synchronized void close() {
            super.close();
            slotLock.release();
        }
    }

    /**
     * What makes a slot this process's: {@code mailpath.lock} ({@code mailpath-2.lock}, …) locked for as long as the
     * process writes the slot's files; the system frees it when the process ends, however it ends. Each file is
     * opened once in this JVM, as FileHandler does its own: closing a second channel would free the first's lock on
     * most systems (FileLock's documentation).
     */
    record SlotLock(Path file, FileChannel channel) {

        private static final Set<Path> HELD = new HashSet<>();

        static String name(int slot) {
            return "mailpath" + (slot == 1 ? "" : "-" + slot) + ".lock";
        }

        /** {@code file} locked, or empty when another process, or this one, holds it. */
        static Optional<SlotLock> take(Path file) throws IOException {
            Path key = file.toAbsolutePath().normalize();
            synchronized (HELD) {
                if (HELD.contains(key)) {
                    return Optional.empty();
                }
                FileChannel channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                try {
                    if (channel.tryLock() != null) {
                        HELD.add(key);
                        return Optional.of(new SlotLock(key, channel));
                    }
                } catch (IOException | OverlappingFileLockException e) {
                    // this slot cannot be had: the next one
                }
                channel.close();
                return Optional.empty();
            }
        }

        void release() {
            synchronized (HELD) {
                if (!channel.isOpen()) {
                    return; // released before: the slot may be another handler's by now
                }
                try {
                    channel.close();
                } catch (IOException e) {
                    // closed or not, the lock goes with the channel
                }
                HELD.remove(file);
            }
        }
    }

    /** One entry per record: time, level, logger and message on one line, then the stack trace, if any. */
    static final class Entry extends Formatter {
        @Override
        public String format(LogRecord r) {
            StringBuilder entry = new StringBuilder().append(Instant.ofEpochMilli(r.getMillis())).append(' ')
                    .append(r.getLevel().getName()).append(' ').append(r.getLoggerName()).append(": ")
                    .append(formatMessage(r)).append(System.lineSeparator());
            if (r.getThrown() != null) {
                StringWriter trace = new StringWriter();
                r.getThrown().printStackTrace(new PrintWriter(trace));
                entry.append(trace);
            }
            return entry.toString();
        }
    }

    /** The first line of a record's message, for the console: the trace and the rest are in the file. */
    static final class OneLine extends Formatter {
        @Override
        public String format(LogRecord r) {
            String message = formatMessage(r);
            return "mailpath: " + r.getLevel().getName().toLowerCase(java.util.Locale.ROOT) + ": "
                    + (message == null ? "" : message.lines().findFirst().orElse("")) + System.lineSeparator();
        }
    }
}
