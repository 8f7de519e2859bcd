package org.mailpath.report.io;

import java.nio.file.Path;

/** What became of a report write. The messages are one sentence for the user, naming the file. */
public sealed interface WriteResult {

    Path file();

    /** The report is in place. */
    record Written(Path file, long bytes) implements WriteResult {
    }

    /** Nothing was written because of the request itself (the file exists and no force, or it is a folder). */
    record Refused(Path file, String message) implements WriteResult {
    }

    /**
     * Writing failed; any earlier file of that name is unchanged and no temporary file is left behind.
     * {@code internalError}: the report could not be rendered (a bug), not the destination's fault (no folder, no
     * permission, disk full).
     */
    record Failed(Path file, String message, boolean internalError) implements WriteResult {
    }
}
