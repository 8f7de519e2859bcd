package org.mailpath.engine.analysis;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.mailpath.engine.finding.LocalText;
import org.mailpath.engine.log.DatesTold;

/**
 * The file cannot be analysed at all (not a CSV, no usable row, unreadable). The message is one sentence for
 * a mail admin that names the file (and the line and field where that applies); it is shown as is. It is English
 * (command line); where it comes from the reader's texts, {@link #message(Locale)} gives it in the user's language.
 */
public final class UnusableLogException extends Exception {

    /**
     * The key of the refusal of a valid export with a header row and no data rows: most likely no mail was logged in
     * its window or for its filters, which the app shows as information rather than as a broken file.
     */
    public static final String NO_DATA_ROWS = "unusable.noDataRows";

    // LocalText is not serializable, and nothing serializes these exceptions
    private final transient LocalText text;
    /** What the file's dates told, for a file read to its end whose rows were all rejected; else null. */
    private final transient DatesTold dates;
    /** The data rows of a file read to its end, every one of them rejected; 0 for every other refusal. */
    private final long rejectedRows;

    public UnusableLogException(String message) {
        super(oneLine(message));
        this.text = null;
        this.dates = null;
        this.rejectedRows = 0;
    }

    public UnusableLogException(String message, Throwable cause) {
        super(oneLine(message), cause);
        this.text = null;
        this.dates = null;
        this.rejectedRows = 0;
    }

    /** An unusable-file message worded from a resource bundle. */
    public UnusableLogException(LocalText message) {
        super(oneLine(message.toString()));
        this.text = message;
        this.dates = null;
        this.rejectedRows = 0;
    }

    public UnusableLogException(LocalText message, Throwable cause) {
        super(oneLine(message.toString()), cause);
        this.text = message;
        this.dates = null;
        this.rejectedRows = 0;
    }

    /**
     * The refusal of a file read to its end with {@code rejectedRows} data rows (at least one), every one rejected
     * (the files' list shows them, as the message says them), and what its slashed {@code dates} told where that
     * matters.
     */
    public UnusableLogException(LocalText message, Optional<DatesTold> dates, long rejectedRows) {
        super(oneLine(message.toString()));
        this.text = message;
        this.dates = dates.orElse(null);
        this.rejectedRows = rejectedRows;
    }

    /**
     * The data rows of a file read to its end, all of them rejected; empty for every other refusal, and taken from
     * the cause of a refusal restated with a note, as {@link #datesTold} is.
     */
    public OptionalLong allRowsRejected() {
        for (Throwable t = this; t != null; t = t.getCause()) {
            if (t instanceof UnusableLogException u && u.rejectedRows > 0) {
                return OptionalLong.of(u.rejectedRows);
            }
        }
        return OptionalLong.empty();
    }

    /**
     * What the slashed dates of a file none of whose rows could be used told of their order ({@link DatesTold}), its
     * rows read to the end; empty for every other refusal. A refusal restated with a note (a zip's, a compressed
     * file's) has it from the refusal it restates, its cause.
     */
    public Optional<DatesTold> datesTold() {
        for (Throwable t = this; t != null; t = t.getCause()) {
            if (t instanceof UnusableLogException u && u.dates != null) {
                return Optional.of(u.dates);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the file is a valid export with no mail in it ({@link #NO_DATA_ROWS}), also where a refusal restated
     * with a note (a zip's) has it as its cause.
     */
    public boolean noMailLogged() {
        for (Throwable t = this; t != null; t = t.getCause()) {
            if (t instanceof UnusableLogException u && u.text != null && NO_DATA_ROWS.equals(u.text.key())) {
                return true;
            }
        }
        return false;
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
     * Public for whoever finds a name of its own in such a message ({@code analyze} puts the path as typed there).
     */
    public static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
    }
}
