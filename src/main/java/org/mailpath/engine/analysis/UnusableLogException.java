package org.mailpath.engine.analysis;

/**
 * The file cannot be analysed at all (not a CSV, no usable row, unreadable). The message is one sentence for
 * a mail admin that names the file (and the line and field where that applies); it is shown as is.
 */
public final class UnusableLogException extends Exception {

    public UnusableLogException(String message) {
        super(oneLine(message));
    }

    public UnusableLogException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    /**
     * Messages quote file names and header cells, which come from strangers and may hold line breaks or other
     * control characters; the message is shown on one line (stderr, a label), so each such run becomes one space.
     */
    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
    }
}
