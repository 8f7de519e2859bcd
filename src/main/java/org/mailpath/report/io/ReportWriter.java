package org.mailpath.report.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.CancelledException;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.report.ReportFormat;
import org.mailpath.report.ReportRenderer;
import org.mailpath.report.ReportRenderers;
import org.mailpath.report.io.WriteResult.Failure;
import org.mailpath.report.io.WriteResult.Refusal;

/**
 * Writes a report atomically: it is rendered into a temporary file next to the target and renamed over it only
 * when complete, so a failure (disk full, read-only folder, vanished directory, a bug in a renderer) never leaves
 * half a report and never destroys an earlier one. An existing file is replaced only when forced, and a read-only one
 * never; a symbolic link is written through, to the file it points to ({@link ReportDestination}). A write whose
 * {@link Cancellation} is cancelled before the rename puts no report in place (the temporary file is deleted).
 * Safe to call off the UI thread; blocking I/O.
 */
public final class ReportWriter {

    private static final System.Logger LOG = System.getLogger(ReportWriter.class.getName());

    private final ReportStorage storage;

    public ReportWriter(ReportStorage storage) {
        this.storage = storage;
    }

    /**
     * Writes with the real file system, nothing to cancel it (the benchmarks', and the tests' shorthand; the app and
     * the command line build their writer on their own storage, to pass their point of no return). Its renderers are
     * its own: a PDF's fonts are parsed for each call (a benchmark writes one PDF per run).
     */
    public static WriteResult write(Path target, ReportFormat format, ReportModel model, boolean force) {
        return new ReportWriter(ReportStorage.local()).write(target, model, new ReportRenderers().forFormat(format),
                force, Cancellation.none());
    }

    /**
     * Renders {@code model} into a temporary file and puts it in place as {@code target}, unless {@code cancellation}
     * is cancelled by then. A cancel stops the rendering at the renderer's next write, and a failure it causes (an
     * interrupted thread's file channel closes) counts as the cancel, not as a failure of the report.
     * @throws CancelledException when it was: no report was put in place, an earlier file is unchanged, and the
     *         temporary file is deleted
     */
    public WriteResult write(Path target, ReportModel model, ReportRenderer renderer, boolean force,
                             Cancellation cancellation) {
        Path given = target.toAbsolutePath().normalize();
        if (storage.isDirectory(given)) {
            return new WriteResult.Refused(given, Refusal.IS_FOLDER);
        }
        Optional<Path> destination = ReportDestination.of(given);
        if (destination.isEmpty()) {
            return new WriteResult.Refused(given, Refusal.LINK_TO_NOTHING);
        }
        Path file = destination.get();
        if (ReportDestination.readOnly(file)) {
            return new WriteResult.Refused(file, Refusal.READ_ONLY);
        }
        if (!force && storage.exists(file)) {
            return new WriteResult.Refused(file, Refusal.EXISTS);
        }
        String name = String.valueOf(file.getFileName());
        Path dir = file.getParent();
        Path temp = null;
        try {
            temp = storage.createTemp(dir, "." + tempStem(name) + ".");
            CancellableStream counter;
            try (OutputStream out = storage.open(temp)) {
                counter = new CancellableStream(new BufferedOutputStream(out, 1 << 16), cancellation);
                renderer.render(model, counter);
                counter.flush();
            }
            // the last moment to stop: a run cancelled (Ctrl-C) while the report was rendered, which a renderer does
            // not look at, put the report in place and said "report written" after its "cancelled"
            cancellation.throwIfCancelled();
            if (force) {
                storage.replace(temp, file);
                temp = null;
            } else {
                try {
                    storage.placeNew(temp, file); // the temporary name, if still there, goes in finally
                } catch (FileAlreadyExistsException e) {
                    // created by someone else while the report was rendered: the check above promised nothing
                    return new WriteResult.Refused(file, Refusal.EXISTS);
                }
            }
            return new WriteResult.Written(file, counter.count());
        } catch (CancelledException e) {
            throw e; // the caller's to say; no failure of the report's (the temporary file goes in finally)
        } catch (IOException e) {
            // the app's cancel also interrupts the worker, whose file channel then fails the write
            throwIfCancelled(cancellation, e);
            LOG.log(System.Logger.Level.DEBUG, "report not written", e);
            Cause cause = cause(e, dir);
            return new WriteResult.Failed(file, cause.reason(), cause.detail(), storage.exists(file));
        } catch (RuntimeException e) {
            // a renderer may wrap the cancel its stream threw (a library's own exception around ours)
            throwIfCancelled(cancellation, e);
            LOG.log(System.Logger.Level.ERROR, "report rendering failed", e);
            return new WriteResult.Failed(file, Failure.RENDERING, e.toString(), storage.exists(file));
        } finally {
            deleteTemp(temp);
        }
    }

    /**
     * Why no report can be written into the folder {@code dir}, found by creating an empty temporary file there (and
     * deleting it at once): permissions, read-only and special file systems (/proc) answer only when tried. Empty
     * when one can be written.
     */
    public Optional<String> whyNotWritable(Path dir) {
        Path temp = null;
        try {
            temp = storage.createTemp(dir, ".mailpath-check.");
            return Optional.empty();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "folder not writable", e);
            Cause cause = cause(e, dir);
            return Optional.of(cause.reason().english(dir, cause.detail()));
        } finally {
            deleteTemp(temp);
        }
    }

    /** A write that failed because it was cancelled ends as cancelled: the user asked for that, nothing broke. */
    private static void throwIfCancelled(Cancellation cancellation, Exception failure) {
        if (cancellation.isCancelled()) {
            LOG.log(System.Logger.Level.DEBUG, "report cancelled while written", failure);
            throw new CancelledException();
        }
    }

    /** Removes a temporary file of ours, if one was made; one that cannot be removed is only logged. */
    private void deleteTemp(Path temp) {
        if (temp != null) {
            try {
                storage.deleteIfExists(temp);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "temporary file left behind: " + temp, e);
            }
        }
    }

    /**
     * The start of the report's name for its temporary file: at most 40 characters, so that with the dots and
     * the random part it stays within the 255 bytes a file name may have even when the report's name is that long.
     */
    static String tempStem(String name) {
        return name.codePointCount(0, name.length()) <= 40 ? name : name.substring(0, name.offsetByCodePoints(0, 40));
    }

    /** Why a write failed, and the system's words for it. */
    private record Cause(Failure reason, String detail) {
    }

    /**
     * The one mapping from the system's error to a reason, for the app's words and the command line's alike: the
     * usual failures by the exception's type or the system's words (English whatever the locale: the JDK's), the
     * folder looked at where the error alone does not tell.
     */
    private Cause cause(IOException e, Path dir) {
        String msg = String.valueOf(e.getMessage());
        String detail = e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason() : msg;
        String lower = detail.toLowerCase(Locale.ROOT);
        Failure reason;
        if (lower.contains("not a directory") || (storage.exists(dir) && !storage.isDirectory(dir))) {
            reason = Failure.NOT_A_FOLDER;
        } else if (e instanceof NoSuchFileException) {
            // a folder that is there but "has no such file" when one is created in it: /proc, or alike
            reason = storage.isDirectory(dir) ? Failure.NO_NEW_FILES : Failure.NO_FOLDER;
        } else if (e instanceof AccessDeniedException) {
            reason = Failure.NO_PERMISSION;
        } else if (lower.contains("no space left") || lower.contains("disk full") || lower.contains("quota")) {
            reason = Failure.DISK_FULL;
        } else if (lower.contains("read-only")) {
            reason = Failure.READ_ONLY_FS;
        } else {
            reason = Failure.OTHER;
        }
        return new Cause(reason, detail);
    }
}
