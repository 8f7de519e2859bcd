package org.mailpath.report.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The logs a report is made from, which the report must never replace: saved over the log being analysed, it lost
 * that log for good. One rule for the command line (before its long work) and the app (before it writes), by the
 * same path, another path, a symbolic link ({@link ReportDestination#of}) or a hard link to it alike.
 */
public record ReadLogs(List<Path> files) {

    public ReadLogs {
        files = List.copyOf(files);
    }

    /** The log a report written as {@code target} would replace, if it is one of {@link #files}. */
    public Optional<Path> replacedBy(Path target) {
        // a link to nothing replaces no log (and is refused for that)
        return ReportDestination.of(target).flatMap(this::logAt);
    }

    /**
     * The refusal of a report written as {@code target} that would replace one of the logs (its file as followed),
     * for the app to word; empty when it would not.
     */
    public Optional<WriteResult.Refused> refusal(Path target) {
        // followed once: a link changed between two followings would name another file, or none
        return ReportDestination.of(target).flatMap(followed -> logAt(followed)
                .map(log -> new WriteResult.Refused(followed, WriteResult.Refusal.IS_A_LOG)));
    }

    /** The log that {@code destination} (already followed) is, if any. */
    private Optional<Path> logAt(Path destination) {
        return files.stream().filter(log -> sameFile(destination, log)).findFirst();
    }

    /** Whether {@code a} and {@code b} are one file (one that does not exist yet is none of the logs). */
    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException | SecurityException e) {
            return false; // unreadable: its reading, not the report, says what is wrong
        }
    }
}
