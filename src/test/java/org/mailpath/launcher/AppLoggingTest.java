package org.mailpath.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.cli.InternalErrorRun;
import org.mailpath.cli.MailPathCommand;
import org.mailpath.engine.common.UserFolders;

/** The log file the messages point to: written, with the stack traces the console no longer shows. */
class AppLoggingTest {

    private static final Logger ROOT = Logger.getLogger("");

    @TempDir
    Path dir;

    private List<Handler> handlersBefore;
    private Thread.UncaughtExceptionHandler uncaughtBefore;
    private String logDirBefore;
    private Optional<Handler> installed = Optional.empty();

    @BeforeEach
    void keepLoggingAsItIs() {
        handlersBefore = List.of(ROOT.getHandlers());
        uncaughtBefore = Thread.getDefaultUncaughtExceptionHandler();
        logDirBefore = System.getProperty(UserFolders.LOG_DIR_PROPERTY);
    }

    /** Takes off and closes the log file a test installed. */
    private void uninstall() {
        installed.ifPresent(h -> {
            ROOT.removeHandler(h);
            h.close();
        });
        installed = Optional.empty();
    }

    @AfterEach
    void putLoggingBack() {
        uninstall();
        for (Handler h : ROOT.getHandlers()) {
            ROOT.removeHandler(h);
        }
        handlersBefore.forEach(ROOT::addHandler);
        Thread.setDefaultUncaughtExceptionHandler(uncaughtBefore);
        if (logDirBefore == null) {
            System.clearProperty(UserFolders.LOG_DIR_PROPERTY);
        } else {
            System.setProperty(UserFolders.LOG_DIR_PROPERTY, logDirBefore);
        }
    }

    @Test
    void anInternalErrorOfTheCommandLineGoesToTheFileAndOneLineToStderr() throws IOException {
        Path logs = dir.resolve("logs");
        System.setProperty(UserFolders.LOG_DIR_PROPERTY, logs.toString());
        installed = AppLogging.install(UserFolders.logFolder(), AppLogging.Console.NOTHING);
        assertTrue(installed.isPresent());
        InternalErrorRun.Result run = InternalErrorRun.analyzeFailingWith(new IllegalStateException("boom"));
        installed.get().flush();
        assertEquals(MailPathCommand.EXIT_INTERNAL, run.code(), run.err());
        Path file = logs.resolve("mailpath0.log");
        assertEquals("mailpath: internal error: boom (details in " + file.toAbsolutePath() + ")", run.err().strip());
        assertEquals(Optional.of(file.toAbsolutePath()), UserFolders.logFile());
        assertFalse(run.err().contains("at org."), run.err());
        String log = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(log.contains("SEVERE org.mailpath.cli.MailPathCommand: internal error"), log);
        assertTrue(log.contains("java.lang.IllegalStateException: boom"), log);
        assertTrue(log.contains("\tat org.mailpath.launcher.AppLoggingTest"), log);
    }

    @Test
    void aFolderThatCannotBeWrittenLeavesNoFileAndNoFailure() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("file"), "x");
        installed = AppLogging.install(notAFolder.resolve("logs"), AppLogging.Console.NOTHING);
        assertEquals(Optional.empty(), installed);
        // and no message names a file: the one a folder would hold does not exist
        assertEquals(Optional.empty(), UserFolders.logFile());
        InternalErrorRun.Result run = InternalErrorRun.analyzeFailingWith(new IllegalStateException("boom"));
        assertEquals("mailpath: internal error: boom", run.err().strip());
    }

    /**
     * The review: with the app open, the JDK wrote the command line's log to mailpath0.log.1 while its internal error
     * named mailpath0.log, the app's log, which held nothing of it. Whoever holds the first file's lock, the second
     * MailPath writes its own file and names that one.
     */
    @Test
    void aSecondMailPathWritesItsOwnFileAndNamesIt() throws Exception {
        for (String heldByTheOther : List.of("mailpath.lock", "mailpath0.log.lck")) {
            Path logs = Files.createDirectories(dir.resolve(heldByTheOther.replace('.', '-')));
            try (OtherProcessLock other = OtherProcessLock.on(logs.resolve(heldByTheOther))) {
                installed = AppLogging.install(logs, AppLogging.Console.NOTHING);
                Path file = logs.resolve("mailpath0-2.log").toAbsolutePath();
                assertEquals(Optional.of(file), UserFolders.logFile(), heldByTheOther);
                InternalErrorRun.Result run = InternalErrorRun.analyzeFailingWith(new IllegalStateException("boom"));
                installed.orElseThrow().flush();
                assertEquals("mailpath: internal error: boom (details in " + file + ")", run.err().strip());
                assertTrue(Files.readString(file, StandardCharsets.UTF_8).contains("java.lang.IllegalStateException: boom"));
                assertFalse(Files.exists(logs.resolve("mailpath0.log.1")), "the JDK's own second name is not used");
            } finally {
                uninstall();
            }
        }
    }

    @Test
    void aSecondLogInThisProcessTakesTheNextSlotAndTheFirstIsFreeAgainOnceClosed() {
        Handler first = AppLogging.install(dir, AppLogging.Console.NOTHING).orElseThrow();
        try {
            installed = AppLogging.install(dir, AppLogging.Console.NOTHING);
            assertEquals(dir.resolve("mailpath0-2.log").toAbsolutePath(),
                    ((UserFolders.WrittenLog) installed.orElseThrow()).file());
        } finally {
            ROOT.removeHandler(first);
            first.close();
        }
        Handler again = AppLogging.install(dir, AppLogging.Console.NOTHING).orElseThrow();
        ROOT.removeHandler(again);
        again.close();
        assertEquals(dir.resolve("mailpath0.log").toAbsolutePath(), ((UserFolders.WrittenLog) again).file());
    }

    @Test
    void anUncaughtExceptionIsLoggedWithItsStackTrace() throws Exception {
        installed = AppLogging.install(dir, AppLogging.Console.NOTHING);
        Thread t = Thread.ofPlatform().name("worker-x").unstarted(() -> {
            throw new IllegalStateException("lost");
        });
        t.start();
        t.join();
        installed.orElseThrow().flush();
        String log = Files.readString(dir.resolve("mailpath0.log"), StandardCharsets.UTF_8);
        assertTrue(log.contains("uncaught in thread worker-x"), log);
        assertTrue(log.contains("java.lang.IllegalStateException: lost"), log);
        assertTrue(log.contains("\tat org.mailpath.launcher.AppLoggingTest"), log);
    }

    @Test
    void theCommandLinesConsoleShowsNothingOfTheLog() {
        ROOT.addHandler(new java.util.logging.ConsoleHandler());
        installed = AppLogging.install(dir, AppLogging.Console.NOTHING);
        assertFalse(List.of(ROOT.getHandlers()).stream().anyMatch(h -> h instanceof java.util.logging.ConsoleHandler),
                "stderr is the command's own lines only");
    }

    @Test
    void theAppsConsoleShowsAWarningAsOneLineWithoutItsTrace() {
        java.util.logging.ConsoleHandler console = new java.util.logging.ConsoleHandler();
        ROOT.addHandler(console);
        installed = AppLogging.install(dir, AppLogging.Console.ONE_LINE_WARNINGS);
        java.util.logging.LogRecord r = new java.util.logging.LogRecord(java.util.logging.Level.WARNING,
                "check DMARC of example.com failed\nsecond line");
        r.setThrown(new IllegalStateException("x"));
        assertEquals("mailpath: warning: check DMARC of example.com failed" + System.lineSeparator(),
                console.getFormatter().format(r));
        assertFalse(console.isLoggable(new java.util.logging.LogRecord(java.util.logging.Level.INFO, "read")));
    }
}
