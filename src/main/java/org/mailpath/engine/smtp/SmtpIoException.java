package org.mailpath.engine.smtp;

import org.mailpath.engine.finding.LocalText;

/**
 * A conversation step that could not complete; {@code kind} decides the finding, {@code detail} is for people (the
 * message is its English text).
 */
final class SmtpIoException extends Exception {

    enum Kind {
        /** No (complete) reply before the deadline. */
        TIMEOUT,
        /** The reply broke a length cap. */
        TOO_LONG,
        /** The server closed or reset the connection. */
        CLOSED,
        /** The bytes are not an SMTP reply. */
        PROTOCOL
    }

    private final Kind kind;
    private final transient LocalText detail;

    SmtpIoException(Kind kind, LocalText detail) {
        super(detail.toString(), null, false, false);
        this.kind = kind;
        this.detail = detail;
    }

    Kind kind() {
        return kind;
    }

    LocalText detail() {
        return detail;
    }
}
