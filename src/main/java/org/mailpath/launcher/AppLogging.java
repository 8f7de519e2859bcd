package org.mailpath.launcher;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
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
 * the console alone: a log is never a reason not to start.
 */
public final class AppLogging {

    /** A file is started anew once it holds 1 MB; three are kept: the last runs, never a full disk. */
    static final int FILE_LIMIT = 1024 * 1024;
    static final int FILE_COUNT = 3;

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
     * handler, or empty when the folder cannot be made or written (the console is limited all the same).
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
            // FileHandler reads % and / in its pattern: a folder's own % must stay a %
            String pattern = folder.toAbsolutePath().toString().replace("%", "%%") + File.separator
                    + UserFolders.LOG_FILE_PATTERN;
            FileHandler handler = new FileHandler(pattern, FILE_LIMIT, FILE_COUNT, true);
            handler.setEncoding("UTF-8");
            handler.setFormatter(new Entry());
            handler.setLevel(Level.INFO);
            return Optional.of(handler);
        } catch (IOException | RuntimeException e) {
            // no log file, and nowhere to say so but the console, which must stay the command's own
            return Optional.empty();
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
