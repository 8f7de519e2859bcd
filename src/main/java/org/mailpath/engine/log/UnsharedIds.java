package org.mailpath.engine.log;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The warnings of a file without the Message ID Header column analysed together with one without the Internal
 * Message ID column: the two share no ID, so the analysis joins one message's rows in them only by a unique match of
 * recipient, Sender, User ID and time, a guess the mail admin is told of ({@link #joined}), and leaves apart those
 * that match more than one, which may then count twice ({@link #notJoined}). Worded with the reader's texts; the
 * analysis finds them, since only its chains can tell them.
 */
public final class UnsharedIds {

    private UnsharedIds() {
    }

    /**
     * The warning of {@code file}: {@code messages} of its messages ({@code rows}: their rows in it not left out as
     * copies, 0 when every one is a copy of a row of {@code otherFiles}; {@code lines} the first line of each of the
     * first ones, in order) were joined to their rows in {@code otherFiles} by a unique match.
     */
    public static FileProblem joined(String file, long messages, long rows, List<Long> lines,
                                     List<String> otherFiles) {
        return warning("unsharedIds.joined", file, messages, rows, lines, otherFiles);
    }

    /**
     * The warning of {@code file}: {@code messages} of its messages ({@code rows} rows; {@code lines} as for
     * {@link #joined}) could not be joined to their rows in {@code otherFiles}: each matched more than one there.
     */
    public static FileProblem notJoined(String file, long messages, long rows, List<Long> lines,
                                        List<String> otherFiles) {
        return warning("unsharedIds.notJoined", file, messages, rows, lines, otherFiles);
    }

    /**
     * The problem is one of these warnings: some messages were joined by a guess or may count twice, so the counts
     * are in doubt, unlike the warning of rows left out as exact copies, which is by design.
     */
    public static boolean isOne(FileProblem problem) {
        return problem.messageText().filter(t -> t.bundle().equals(LogTexts.BUNDLE)
                && t.key().startsWith("unsharedIds.")).isPresent();
    }

    private static FileProblem warning(String key, String file, long messages, long rows, List<Long> lines,
                                       List<String> otherFiles) {
        long first = lines.getFirst();
        String listed = lines.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + (messages > lines.size() ? " \u2026" : "");
        return new FileProblem(first, "", LogTexts.text(key + (messages == 1 ? ".one" : ".many"), messages, first,
                listed, rows, file, String.join(", ", otherFiles)), false).inFile(file);
    }
}
