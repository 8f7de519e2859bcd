package org.mailpath.engine.log;

import java.io.IOException;
import org.mailpath.engine.finding.LocalText;

/** Reading stopped at a safety limit ({@link LogLimits}); the message says which, for a mail admin. */
final class LogLimitException extends IOException {

    // LocalText is not serializable, and nothing serializes these exceptions
    private final transient LocalText text;
    private final long line;

    LogLimitException(LocalText message, long line) {
        super(message.toString());
        this.text = message;
        this.line = line;
    }

    /** The message, in any language (no final full stop: it is part of a sentence). */
    LocalText text() {
        return text;
    }

    /** Physical line where the limit was hit (0 when unknown). */
    long line() {
        return line;
    }
}
