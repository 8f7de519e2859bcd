package org.mailpath.ui.report;

import java.nio.file.Path;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.report.io.WriteResult;
import org.mailpath.ui.common.FailureWords;
import org.mailpath.ui.common.Messages;

/** What the status line says of an export, in the app's language: the report layer gives reasons, not words. */
final class ExportWording {

    private final Messages messages;

    ExportWording(Messages messages) {
        this.messages = messages;
    }

    /** The report is being written to {@code file}. */
    String writing(Path file) {
        return messages.format("report.status.writing", file.getFileName());
    }

    /** The report was written: as the command line says it, with how many of the report's messages it lists. */
    String written(WriteResult.Written w, ReportModel written) {
        return written.unlistedMessages() == 0
                ? messages.format("report.status.written", w.file().toString(), Math.max(1, w.bytes() / 1024))
                : messages.format("report.status.written.limited", w.file().toString(), Math.max(1, w.bytes() / 1024),
                        written.listedMessages(), written.title().messagesIncluded());
    }

    /** Why a report was not written. */
    String refused(WriteResult.Refused r) {
        return switch (r.reason()) {
            // a folder of that name is "something of that name", and the dialog is the way to another name
            case EXISTS, IS_FOLDER -> messages.format("report.status.refused", r.file().toString(),
                    r.file().getFileName());
            case READ_ONLY -> messages.format("report.status.readOnly", r.file().toString());
            case LINK_TO_NOTHING -> messages.format("report.status.linkToNothing", r.file().toString());
            case IS_A_LOG -> messages.format("report.status.isALog", r.file().toString());
        };
    }

    /** A failure inside MailPath while writing {@code file}: where its details are, when there is a log file. */
    String failedInside(Path file) {
        return FailureWords.insideMailPath(messages, "report.status.failed", "report.status.failedNoLog",
                file.getFileName());
    }

    /**
     * Why writing failed (the writer's message is English, for the command line): the file, its folder, and the
     * system's own words only where the reason has none of its own.
     */
    String failed(WriteResult.Failed f) {
        String why = messages.format("report.status.failed." + f.reason().name(), f.file().toString(),
                f.folder().toString(), f.detail());
        return f.earlierUnchanged() ? why + " " + messages.get("report.status.earlierUnchanged") : why;
    }

    /** A report too big for the memory MailPath has: a smaller choice is the way out. */
    String noMemory(Path file) {
        return messages.format("report.status.noMemory", file.getFileName());
    }

    String cancelled() {
        return messages.get("report.status.cancelled");
    }
}
