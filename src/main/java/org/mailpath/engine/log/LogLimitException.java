package org.mailpath.engine.log;

import java.io.IOException;

/** Reading stopped at a safety limit ({@link LogLimits}); the message says which, for a mail admin. */
final class LogLimitException extends IOException {

    private final long line;

    LogLimitException(String message, long line) {
        super(message);
        this.line = line;
    }

    /** Physical line where the limit was hit (0 when unknown). */
    long line() {
        return line;
    }
}
