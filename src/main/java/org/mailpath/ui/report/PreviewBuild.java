package org.mailpath.ui.report;

import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.mailpath.engine.common.Progress;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.RunningTask;
import org.mailpath.ui.common.TaskListener;
import org.mailpath.ui.common.TaskRunner;

/** The preview of the choice shown and the report it is of (the exports and the note use it), built on a worker. */
final class PreviewBuild {

    /**
     * The preview shows at most this many characters: a text area lays out all of its text on the UI thread, and a
     * report of thousands of messages runs to megabytes. The exports are never shortened.
     */
    static final int PREVIEW_LIMIT = 60_000;

    private final ReportExporter exporter;
    private final TaskRunner runner;
    private final Messages messages;

    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper previewing = new ReadOnlyBooleanWrapper(false);
    /** A preview build is running (not only waited for, as while the list is made): Cancel stops it. */
    private final ReadOnlyBooleanWrapper building = new ReadOnlyBooleanWrapper(false);
    /**
     * How far the preview's report build got, 0 to 1, as the import step's bar shows its read; -1 (under way, how far
     * unknown) before it tells, while the built report's text is made, and when no build runs. On a large log the
     * build takes many seconds, which the step showed only as busy.
     */
    private final ReadOnlyDoubleWrapper buildProgress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper listing = new ReadOnlyStringWrapper("");

    /** The report of the choice shown; {@code null} until a build for it ends. */
    private Built built;
    private RunningTask task = RunningTask.DONE;
    /** Bumped on every change that alters the report; a preview built for an older one is thrown away. */
    private long wanted;

    PreviewBuild(ReportExporter exporter, TaskRunner runner, Messages messages) {
        this.exporter = exporter;
        this.runner = runner;
        this.messages = messages;
        building.addListener((o, was, now) -> {
            if (!now) {
                buildProgress.set(-1);
            }
        });
    }

    /** A report built for the choice shown, with what it was built from: an export may build it again, listed whole. */
    record Built(ReportModel model, BuildInputs inputs) {
    }

    /** The preview's text, or why there is none. */
    ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** A preview is being built or waited for: no report may be exported meanwhile. */
    ReadOnlyBooleanProperty previewingProperty() {
        return previewing.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty buildingProperty() {
        return building.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty buildProgressProperty() {
        return buildProgress.getReadOnlyProperty();
    }

    /** How many of the report's messages it lists in full, when the limit leaves some out; empty otherwise. */
    ReadOnlyStringProperty listingProperty() {
        return listing.getReadOnlyProperty();
    }

    /** The report the preview shows, once the build for the choice shown has ended. */
    Optional<Built> built() {
        return Optional.ofNullable(built);
    }

    /**
     * Builds the report of {@code inputs} (made on the worker) and previews it. A change while one is being built
     * stops that build and starts one for the latest choice, so a burst of clicks on a large log costs one finished
     * build, not one per click.
     */
    void build(Supplier<BuildInputs> inputs) {
        newChoice();
        previewing.set(true);
        start(inputs);
    }

    /** The choice cannot be previewed until the message list is made: no report meanwhile, and the step waits. */
    void waitForList() {
        newChoice();
        forget();
        previewing.set(true);
    }

    /** The choice cannot be previewed: no report, the preview says {@code why}. */
    void blocked(String why) {
        newChoice();
        forget();
        previewing.set(false);
        text.set(why);
    }

    /** The choice listed is another log's (or none yet): no report, and no preview until this log is listed. */
    void notOfThisLog() {
        newChoice();
        forget();
        previewing.set(false);
    }

    /** Cancel: a build under way stops, and the preview says so. */
    void cancel() {
        if (!task.isDone()) {
            // Cancel during an export also stops a preview of a choice changed meanwhile: the earlier choice's text
            // stayed, as if it were the report, with the exports off and nothing said why
            task.cancel();
            text.set(messages.get("report.preview.cancelled"));
        }
    }

    /** A new log was read: nothing of the old one's report stays. */
    void clear() {
        stop();
        forget();
        text.set("");
        previewing.set(false);
    }

    /** The message list could not be made: the preview says the report failed. */
    void listFailed() {
        text.set(messages.get("report.preview.failed"));
    }

    /**
     * A build for an earlier choice is stopped, not waited for: on a big log it ran on for minutes with the choice the
     * user had just undone.
     */
    private void newChoice() {
        wanted++;
        stop();
    }

    /** No report to export (nor its listing to tell) until a build for the choice shown ends. */
    private void forget() {
        built = null;
        listing.set("");
    }

    /** Stops the running build, if any, as made out of date by a newer choice: its listener ignores the cancel. */
    private void stop() {
        RunningTask running = task;
        task = RunningTask.DONE;
        running.cancel();
        building.set(false);
    }

    private void start(Supplier<BuildInputs> request) {
        long generation = wanted;
        building.set(true);
        buildProgress.set(-1);
        task = runner.run("report-preview", ctx -> {
            BuildInputs inputs = request.get();
            // the task's cancel (a newer choice, Cancel, a new log) stops the build and the text where they are
            ReportModel model = inputs.build(exporter, ctx::progress, ctx.cancellation());
            // the text is made next, of no known length: under way again, not shown as done
            ctx.progress(BuildInputs.UNDER_WAY);
            String made = exporter.preview(model, ctx.cancellation());
            ctx.cancellation().throwIfCancelled();
            return new Shown(new Built(model, inputs), shortened(made, model.listedMessages()));
        }, new TaskListener<Shown>() {
            @Override
            public void progress(Progress p) {
                if (!outdated(generation)) {
                    buildProgress.set(p.fraction());
                }
            }

            @Override
            public void succeeded(Shown value) {
                if (outdated(generation)) {
                    return;
                }
                building.set(false);
                built = value.built();
                ReportModel model = value.built().model();
                text.set(value.text());
                listing.set(model.unlistedMessages() == 0 ? "" : messages.format("report.listLimit.listed",
                        model.listedMessages(), model.title().messagesIncluded()));
                previewing.set(false);
            }

            @Override
            public void failed(Throwable error) {
                if (outdated(generation)) {
                    return;
                }
                building.set(false);
                forget();
                previewing.set(false);
                text.set(messages.get(error instanceof OutOfMemoryError ? "report.preview.noMemory"
                        : "report.preview.failed"));
            }

            @Override
            public void cancelled() {
                if (outdated(generation)) {
                    // stopped for a newer choice, whose build is already under way
                    return;
                }
                building.set(false);
                // The last model was made for an earlier choice; nothing may be exported from it.
                forget();
                previewing.set(false);
            }
        });
    }

    /** Cut at a line end within {@link #PREVIEW_LIMIT}, saying so. */
    private String shortened(String made, long included) {
        if (made.length() <= PREVIEW_LIMIT) {
            return made;
        }
        int end = made.lastIndexOf('\n', PREVIEW_LIMIT);
        return made.substring(0, end > 0 ? end : PREVIEW_LIMIT) + "\n\n"
                + messages.format("report.preview.shortened", included);
    }

    /** A build for an older choice ended: its result is dropped (the latest choice started its own build). */
    private boolean outdated(long generation) {
        return generation != wanted;
    }

    /** A built report and its preview text. */
    private record Shown(Built built, String text) {
    }
}
