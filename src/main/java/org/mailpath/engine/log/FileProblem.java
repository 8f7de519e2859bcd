package org.mailpath.engine.log;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.mailpath.engine.finding.LocalText;

/**
 * A problem found in an input file: {@code line} is the 1-based physical line (0 for the whole file),
 * {@code field} the column it concerns (empty when none), {@code message} a sentence for a mail admin.
 * {@code rejected} tells whether the row was left out of the analysis (false for warnings). {@code message} is
 * English (command line, reports, JSON); where it comes from the reader's texts, {@code messageText} gives it in the
 * user's language too. {@code file} names the file the line is in (its name, as the analysis names it); the reader
 * fills it in for every problem of a file ({@link ReadSummary}), so that problems of several logs analysed together
 * say which one they are about. The warnings of a zip whose CSVs are each read as a log, about the zip itself (what of
 * it was not read, its name), come with its first log's problems but name the zip ({@code month.zip}, not
 * {@code month.zip!week1.csv}).
 */
public record FileProblem(long line, String field, String message, boolean rejected,
                          Optional<LocalText> messageText, String file) {

    /**
     * The key of the reader's note on problems counted beyond its cap ({@link ProblemLog#problems}), and of the
     * note for a cap shared by several files; {@link #notListed()} knows the note by them.
     */
    static final String NOT_LISTED_KEY = "problems.notListed";
    static final String NOT_LISTED_SHARED_KEY = NOT_LISTED_KEY + ".shared";
    private static final Set<String> NOT_LISTED = Set.of(NOT_LISTED_KEY, NOT_LISTED_SHARED_KEY);

    public FileProblem {
        field = field == null ? "" : field;
        message = message == null ? "" : message;
        messageText = messageText == null ? Optional.empty() : messageText;
        file = file == null ? "" : file;
    }

    /** A problem whose file is filled in later ({@link #inFile}). */
    public FileProblem(long line, String field, String message, boolean rejected, Optional<LocalText> messageText) {
        this(line, field, message, rejected, messageText, "");
    }

    /** A problem worded in English only (composed elsewhere). */
    public FileProblem(long line, String field, String message, boolean rejected) {
        this(line, field, message, rejected, Optional.empty());
    }

    /** A problem worded from the reader's texts. */
    public FileProblem(long line, String field, LocalText message, boolean rejected) {
        this(line, field, message.toString(), rejected, Optional.of(message));
    }

    /** This problem in {@code fileName}; a problem that names its file already keeps it. */
    public FileProblem inFile(String fileName) {
        return file.isEmpty() ? new FileProblem(line, field, message, rejected, messageText, fileName) : this;
    }

    /** The message in {@code locale} where it has a translation, else in English. */
    public String message(Locale locale) {
        return messageText.map(t -> t.in(locale)).orElse(message);
    }

    /**
     * For the reader's note that problems were counted but not listed (a file with more than the cap), how many: the
     * note stands for them and is no problem of its own. Empty for every other problem.
     */
    public OptionalLong notListed() {
        return messageText.filter(t -> NOT_LISTED.contains(t.key()) && !t.args().isEmpty()
                        && t.args().getFirst() instanceof Number)
                .map(t -> OptionalLong.of(((Number) t.args().getFirst()).longValue())).orElse(OptionalLong.empty());
    }
}
