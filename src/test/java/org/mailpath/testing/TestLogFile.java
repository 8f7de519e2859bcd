package org.mailpath.testing;

import java.nio.file.Path;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.mailpath.engine.common.UserFolders;

/**
 * A log file on the root logger, as the launcher's handler puts it there, for the messages that name it
 * ({@link UserFolders#logFile()}); taken off again on {@link #close()}. Without one a test sees no log file.
 */
public final class TestLogFile extends Handler implements UserFolders.WrittenLog, AutoCloseable {

    private static final Logger ROOT = Logger.getLogger("");

    private final Path file;

    private TestLogFile(Path file) {
        this.file = file;
    }

    /** {@code file} named as the log this process writes, until closed. */
    public static TestLogFile on(Path file) {
        TestLogFile log = new TestLogFile(file);
        ROOT.addHandler(log);
        return log;
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public void publish(LogRecord record) {
        // nothing is written: only the name counts
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        ROOT.removeHandler(this);
    }
}
