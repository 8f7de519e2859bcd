package org.mailpath.engine.analysis;

import java.util.Locale;
import java.util.Optional;
import org.mailpath.engine.finding.LocalText;

/**
 * The file cannot be analysed at all (not a CSV, no usable row, unreadable). The message is one sentence for
 * a mail admin that names the file (and the line and field where that applies); it is shown as is. It is English
 * (command line); where it comes from the reader's texts, {@link #message(Locale)} gives it in the user's language.
 */
public final class UnusableLogException extends Exception {

    // LocalText is not serializable, and nothing serializes these exceptions
    private final transient LocalText text;

    public UnusableLogException(String message) {
        super(oneLine(message));
        this.text = null;
    }

    public UnusableLogException(String message, Throwable cause) {
        super(oneLine(message), cause);
        this.text = null;
    }

    /** An unusable-file message worded from a resource bundle. */
    public UnusableLogException(LocalText message) {
        super(oneLine(message.toString()));
        this.text = message;
    }

    public UnusableLogException(LocalText message, Throwable cause) {
        super(oneLine(message.toString()), cause);
        this.text = message;
    }

    /** The message as a text that can be shown in another language; empty when it is English only. */
    public Optional<LocalText> messageText() {
        return Optional.ofNullable(text);
    }

    /** The message in {@code locale} where it has a translation, else in English; on one line either way. */
    public String message(Locale locale) {
        return text == null ? getMessage() : oneLine(text.in(locale));
    }

    /**
     * Messages quote file names and header cells, which come from strangers and may hold line breaks or other
     * control characters; the message is shown on one line (stderr, a label), so each such run becomes one space.
     */
    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
    }
}
