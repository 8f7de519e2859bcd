package org.mailpath.report.io;

import java.nio.file.Path;

/**
 * What became of a report write. Each refusal and failure has its reason, for the app to word in the user's language;
 * {@code message()} words it in English, one sentence naming the file, for the command line (English only) and the
 * log.
 */
public sealed interface WriteResult {

    Path file();

    /** The report is in place. */
    record Written(Path file, long bytes) implements WriteResult {
    }

    /** Nothing was written because of the request itself; {@code file} is as far as it was followed (a link). */
    record Refused(Path file, Refusal reason) implements WriteResult {

        /**
         * In English, what follows "FILE is " for {@link Refusal#IS_A_LOG}; the command line, which refuses before it
         * writes anything, says it too.
         */
        public static final String IS_A_LOG_WORDS = "one of the logs to analyse; give the report another name";

        /** In English: what was refused, and what to do. */
        public String message() {
            return switch (reason) {
                case EXISTS -> file + " already exists; it was not overwritten.";
                case IS_FOLDER -> file + " is a folder; give a file name for the report.";
                case READ_ONLY -> file + " is read-only; it is not replaced, even when forced: make it writable"
                        + " first, or give another name.";
                case LINK_TO_NOTHING -> file + " is a symbolic link to a file that does not exist; give the report's"
                        + " own path.";
                case IS_A_LOG -> file + " is " + IS_A_LOG_WORDS + ".";
            };
        }
    }

    /** Why a write was refused before anything was written. */
    enum Refusal {
        /** The file exists, and replacing it was not asked for. */
        EXISTS,
        /** The name is a folder's. */
        IS_FOLDER,
        /** The file exists and is marked read-only ({@link ReportDestination#readOnly}): never replaced. */
        READ_ONLY,
        /** The name is a symbolic link to nothing ({@link ReportDestination#of}). */
        LINK_TO_NOTHING,
        /** The file is one of the logs the report is made from ({@link ReadLogs}): never replaced. */
        IS_A_LOG
    }

    /**
     * Writing failed; any earlier file of that name is unchanged ({@code earlierUnchanged}: there is one) and no
     * temporary file is left behind. {@code detail} is the system's own words for the failure (or the renderer's
     * exception), as given, for the log and for a reason without words of its own ({@link Failure#OTHER}).
     */
    record Failed(Path file, Failure reason, String detail, boolean earlierUnchanged) implements WriteResult {

        /** The report could not be rendered (a bug), not the destination's fault (no folder, no permission, …). */
        public boolean internalError() {
            return reason == Failure.RENDERING;
        }

        /** The folder the report was to be written in, which most reasons are about. */
        public Path folder() {
            return file.getParent();
        }

        /** In English: "Cannot write FILE: why." and whether an earlier file is unchanged. */
        public String message() {
            return "Cannot write " + file + ": " + reason.english(folder(), detail)
                    + (earlierUnchanged ? " The earlier file is unchanged." : "");
        }
    }

    /** Why a write failed, as {@link ReportWriter} tells it from the system's error. */
    enum Failure {
        /** The folder, or one above it, is a file. */
        NOT_A_FOLDER,
        /** The folder does not exist (any more). */
        NO_FOLDER,
        /** The folder is there but takes no new file ("no such file" for one created in it: /proc, or alike). */
        NO_NEW_FILES,
        /** No permission to write in the folder. */
        NO_PERMISSION,
        /** The folder is on a file system mounted read-only. */
        READ_ONLY_FS,
        /** No space left, or the user's quota used up. */
        DISK_FULL,
        /** Another failure of the system's; its detail says which. */
        OTHER,
        /** The report could not be rendered: a bug, whose detail is for the log. */
        RENDERING;

        /** The reason in English, after "Cannot write FILE: ", ending in a full stop. */
        public String english(Path folder, String detail) {
            return switch (this) {
                case NOT_A_FOLDER -> folder + " is not a folder (it, or a folder above it, is a file).";
                case NO_FOLDER -> "the folder " + folder + " does not exist (any more).";
                case NO_NEW_FILES -> "the folder " + folder + " does not accept new files (no permission, or a"
                        + " read-only or special file system).";
                case NO_PERMISSION -> "no permission to write in the folder " + folder + ".";
                case READ_ONLY_FS -> "the folder " + folder + " is on a read-only file system.";
                case DISK_FULL -> "the disk is full (" + detail + ").";
                case OTHER -> detail + ".";
                case RENDERING -> "internal error while rendering the report (" + detail + ").";
            };
        }
    }
}
