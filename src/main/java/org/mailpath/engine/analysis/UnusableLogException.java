package org.mailpath.engine.analysis;

/**
 * The file cannot be analysed at all (not a CSV, no usable row, unreadable). The message is one sentence for
 * a mail admin that names the file (and the line and field where that applies); it is shown as is.
 */
public final class UnusableLogException extends Exception {

    public UnusableLogException(String message) {
        super(message);
    }

    public UnusableLogException(String message, Throwable cause) {
        super(message, cause);
    }
}
