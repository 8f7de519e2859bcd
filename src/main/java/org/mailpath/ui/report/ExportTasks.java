package org.mailpath.ui.report;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.mailpath.engine.common.Progress;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.report.Paper;
import org.mailpath.report.ReportFormat;
import org.mailpath.report.io.ReadLogs;
import org.mailpath.report.io.WriteResult;
import org.mailpath.ui.common.DialogService;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.RunningTask;
import org.mailpath.ui.common.SettingsStore;
import org.mailpath.ui.common.TaskListener;
import org.mailpath.ui.common.TaskRunner;

/** The report leaving the step: exports written in the background, the note copied, and the status line saying how. */
final class ExportTasks {

    /** The settings key of the paper last chosen ({@link Paper#option()}: "a4", "letter"). */
    static final String PAPER_KEY = "report.paper";

    private final ReportExporter exporter;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final Messages messages;
    private final Clock clock;
    private final ExportWording wording;

    /**
     * The paper an exported PDF is laid out on: the one chosen in an earlier run (saved under {@link #PAPER_KEY}),
     * else the usual one where the computer's format locale is (Letter in the United States, Canada, Mexico and the
     * Philippines), as the command line's default. Never null, as the report's language.
     */
    private final ObjectProperty<Paper> paper =
            new SimpleObjectProperty<>(this, "paper", Paper.usual()) {
                @Override
                public void set(Paper value) {
                    super.set(value == null ? Paper.usual() : value);
                }
            };
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper statusIsError = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(false);
    /**
     * How far an export got, as {@link PreviewBuild#buildProgressProperty()} for the preview: a JSON or CSV export of
     * a log with more messages than the preview lists builds the whole report again first, and tells how far that build
     * got; -1 (under way, not known how far) while the file is written and when nothing is exported.
     */
    private final ReadOnlyDoubleWrapper exportProgress = new ReadOnlyDoubleWrapper(-1);
    /** A report of the log shown was saved or its note copied: the step bar's tick. */
    private final ReadOnlyBooleanWrapper reported = new ReadOnlyBooleanWrapper(false);
    private RunningTask exportTask = RunningTask.DONE;

    /** Output that remembers the paper chosen in {@code settings}, for the next run. */
    ExportTasks(ReportExporter exporter, TaskRunner runner, DialogService dialogs, SettingsStore settings,
                 Messages messages, Clock clock) {
        this.exporter = exporter;
        this.runner = runner;
        this.dialogs = dialogs;
        this.messages = messages;
        this.clock = clock;
        this.wording = new ExportWording(messages);
        rememberPaper(settings);
    }

    ObjectProperty<Paper> paperProperty() {
        return paper;
    }

    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty statusIsErrorProperty() {
        return statusIsError.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty exportProgressProperty() {
        return exportProgress.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty reportedProperty() {
        return reported.getReadOnlyProperty();
    }

    /** Asks where to save and writes the report {@code built} there in the background. */
    void export(ReportFormat format, PreviewBuild.Built built) {
        ReportModel current = built.model();
        BuildInputs inputs = built.inputs();
        String name = "mailpath-report-" + LocalDate.now(clock.withZone(ZoneOffset.UTC)) + "." + format.extension();
        dialogs.chooseSaveFile(name, format.extension()).ifPresent(target -> {
            // The native dialog asked before replacing the file chosen in it, but not a name with an extension
            // added here: that one is never replaced. A name ending in another format's extension gets this one's.
            boolean asked = ReportFormat.forFile(target).filter(format::equals).isPresent();
            Path file = asked ? target : target.resolveSibling(target.getFileName() + "." + format.extension());
            exporting.set(true);
            exportProgress.set(-1);
            // read here, on the FX thread: the task runs on a worker
            Paper chosenPaper = paper.get();
            setStatus(wording.writing(file), false);
            // the task's cancellation goes down to the writer: Cancel, leaving the step and closing the window stop
            // the rendering, and a report finished meanwhile is not put in place (nor an earlier one replaced). The
            // placing is the task's point of no return: a cancel from there on is too late, and the step says saved
            exportTask = runner.run("report-export",
                    ctx -> {
                        // never over a log the report is made from (the command line's rule): that lost the log
                        Optional<WriteResult.Refused> overLog = new ReadLogs(inputs.files()).refusal(file);
                        if (overLog.isPresent()) {
                            return new Export(current, overLog.get());
                        }
                        // the preview's model lists as the formats people read do; JSON and CSV list every message,
                        // as the command line writes them and as the limited report tells its reader
                        ReportModel whole = format.listLimit(inputs.listLimit()) == inputs.listLimit()
                                || current.unlistedMessages() == 0 ? current
                                : inputs.whole().build(exporter, ctx::progress, ctx.cancellation());
                        // the file is written next, of no known length: under way again, not shown as done
                        ctx.progress(BuildInputs.UNDER_WAY);
                        ctx.cancellation().throwIfCancelled();
                        return new Export(whole, exporter.write(file, format, chosenPaper, whole, asked,
                                ctx.cancellation(), ctx::passPointOfNoReturn));
                    },
                    new TaskListener<Export>() {
                        @Override
                        public void progress(Progress p) {
                            exportProgress.set(p.fraction());
                        }

                        @Override
                        public void succeeded(Export export) {
                            exporting.set(false);
                            switch (export.result()) {
                                case WriteResult.Written w -> {
                                    setStatus(wording.written(w, export.model()), false);
                                    reported.set(true);
                                }
                                case WriteResult.Refused r -> setStatus(wording.refused(r), true);
                                // a bug in a renderer: ReportWriter logged its details; the user gets our words
                                case WriteResult.Failed f when f.internalError() ->
                                        setStatus(wording.failedInside(file), true);
                                case WriteResult.Failed f -> setStatus(wording.failed(f), true);
                            }
                        }

                        @Override
                        public void failed(Throwable error) {
                            exporting.set(false);
                            setStatus(error instanceof OutOfMemoryError ? wording.noMemory(file)
                                    : wording.failedInside(file), true);
                        }

                        @Override
                        public void cancelled() {
                            exporting.set(false);
                            setStatus(wording.cancelled(), false);
                        }
                    });
        });
    }

    /**
     * Copies the note for the mail teams of {@code model} ({@link MailTeamNote}), in the report's language; only the
     * status line is in the app's.
     */
    void copyNote(ReportModel model) {
        dialogs.copyToClipboard(MailTeamNote.of(model));
        setStatus(messages.get("report.status.noteCopied"), false);
        reported.set(true);
    }

    /** Stops an export under way: a report finished meanwhile is not put in place. */
    void cancel() {
        exportTask.cancel();
    }

    /** A new log was read: nothing of it is reported yet, and the old one's status line goes. */
    void newLog() {
        reported.set(false);
        if (!exporting.get()) {
            // a report being written is still the old log's, and says so when it is saved
            setStatus("", false);
        }
    }

    private void setStatus(String text, boolean error) {
        status.set(text);
        statusIsError.set(error);
    }

    /**
     * The paper saved in an earlier run, and each one chosen saved for the next. A saved name this MailPath does not
     * know (an edited file, a later version's paper) leaves the usual paper, silently: the choice shows which.
     */
    private void rememberPaper(SettingsStore settings) {
        settings.get(PAPER_KEY).flatMap(Paper::of).ifPresent(paper::set);
        paper.addListener((o, was, now) -> settings.put(PAPER_KEY, now.option()));
    }

    /** The report as written (listed whole for JSON and CSV) and how the writing ended. */
    private record Export(ReportModel model, WriteResult result) {
    }
}
