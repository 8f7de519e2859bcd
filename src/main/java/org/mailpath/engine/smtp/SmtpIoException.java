package org.mailpath.engine.smtp;

/** A conversation step that could not complete; {@code kind} decides the finding, {@code detail} is for people. */
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

    SmtpIoException(Kind kind, String detail) {
        super(detail, null, false, false);
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }
}
