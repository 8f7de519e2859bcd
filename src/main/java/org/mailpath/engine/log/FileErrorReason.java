package org.mailpath.engine.log;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mailpath.engine.finding.LocalText;
import org.mailpath.engine.finding.Localizable;

/**
 * Why a file-system operation failed, in the reader's words ({@code reason.*} texts, English and translated), not the
 * system's: those are English whatever language the app runs in. On Unix the JDK turns EACCES into an
 * {@link AccessDeniedException}, ENOENT into a {@link NoSuchFileException} and every other error into a
 * {@link FileSystemException} whose reason is the C library's {@code strerror} text ("Not a directory", "No space left
 * on device"; sun.nio.fs.UnixException#translateToIOException); {@code java.io} streams put that text in brackets
 * after the path ("x.csv (Is a directory)"); Windows gives its own sentences ("The process cannot access the file
 * because it is being used by another process."). The common ones are known by type or by those texts; any other
 * reason is kept as the system gave it, as a last resort.
 */
public final class FileErrorReason {

    /** A reason of a failure: a known one in the reader's words, or the system's own text. */
    sealed interface Reason {

        /** The reason as an argument of a text: the reader's words in the text's language, the system's as given. */
        Object arg();
    }

    /** A known reason in the reader's words ({@code reason.*}). */
    record Worded(LocalText text) implements Reason {

        @Override
        public Object arg() {
            return text;
        }
    }

    /** A reason the reader does not know, as the system gave it. */
    record AsGiven(String text) implements Reason {

        @Override
        public Object arg() {
            return text;
        }
    }

    /** A known reason: its key under {@code reason.}, and texts of the system's that say it (lower case). */
    private record Known(String key, List<String> texts) {
    }

    private static final List<Known> KNOWN = List.of(
            new Known("accessDenied", List.of("permission denied", "access is denied")),
            new Known("noSuchFile", List.of("no such file or directory", "cannot find the file",
                    "cannot find the path")),
            new Known("notDirectory", List.of("not a directory")),
            new Known("isDirectory", List.of("is a directory")),
            new Known("loop", List.of("too many levels of symbolic links")),
            new Known("nameTooLong", List.of("file name too long", "filename or extension is too long")),
            new Known("diskFull", List.of("no space left on device", "disk quota exceeded",
                    "not enough space on the disk")),
            new Known("readOnly", List.of("read-only file system")),
            new Known("inUse", List.of("being used by another process", "another process has locked")),
            new Known("ioError", List.of("input/output error")),
            new Known("stale", List.of("stale file handle", "stale nfs file handle")),
            new Known("tooManyOpen", List.of("too many open files")),
            new Known("notPermitted", List.of("operation not permitted")));

    /** java.io's "path (reason)". */
    private static final Pattern BRACKETED = Pattern.compile("\\(([^()]+)\\)\\s*$");

    private FileErrorReason() {
    }

    /**
     * The reason of {@code e}: a {@code reason.*} text where it is a known one, else the system's own text (without
     * the path it may repeat, and a final full stop), or empty when it gave none.
     */
    static Optional<Reason> of(IOException e) {
        if (e instanceof AccessDeniedException) {
            return Optional.of(worded("accessDenied"));
        }
        if (e instanceof NoSuchFileException) {
            return Optional.of(worded("noSuchFile"));
        }
        if (e instanceof NotDirectoryException) {
            return Optional.of(worded("notDirectory"));
        }
        if (e instanceof FileSystemLoopException) {
            return Optional.of(worded("loop"));
        }
        if (e instanceof FileAlreadyExistsException) {
            return Optional.of(worded("alreadyExists"));
        }
        String reason = systemReason(e);
        if (reason.isEmpty()) {
            return Optional.empty();
        }
        String lower = reason.toLowerCase(Locale.ROOT);
        return Optional.of(KNOWN.stream().filter(k -> k.texts().stream().anyMatch(lower::contains)).findFirst()
                .<Reason>map(k -> worded(k.key())).orElse(new AsGiven(reason)));
    }

    /**
     * The reason of {@code error} as an argument of a text: {@link #of} for an {@link IOException}, else its message;
     * "the system gave no reason" when there is none.
     */
    static Object describe(Throwable error) {
        Optional<Reason> reason = error instanceof IOException io ? of(io)
                : Optional.ofNullable(error.getMessage()).filter(m -> !m.isBlank()).map(m -> new AsGiven(m.strip()));
        return reason.orElseGet(() -> worded("none")).arg();
    }

    /**
     * {@link #describe} as words to show the user outside the reader's own texts (the app's settings file): a known
     * reason in the user's language, another as the system gave it.
     */
    public static Localizable reasonOf(Throwable error) {
        return describe(error) instanceof Localizable words ? words : Localizable.verbatim(describe(error).toString());
    }

    /**
     * The system's reason of {@code e}: a {@link FileSystemException}'s reason (Java's message is mostly the path
     * again, "np/nul.csv cannot be read: np/nul.csv"), the bracketed part of a java.io message, else the message.
     */
    private static String systemReason(IOException e) {
        String reason;
        if (e instanceof FileSystemException f) {
            reason = f.getReason() == null || f.getReason().equals(f.getFile()) ? "" : f.getReason();
        } else {
            reason = e.getMessage() == null ? "" : e.getMessage();
            Matcher bracketed = BRACKETED.matcher(reason);
            if (e instanceof FileNotFoundException && bracketed.find()) {
                reason = bracketed.group(1);
            }
        }
        return reason.strip().replaceAll("\\.+$", "");
    }

    private static Reason worded(String key) {
        return new Worded(LogTexts.text("reason." + key));
    }
}
