package org.mailpath.ui.importing;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.mailpath.engine.common.FileNames;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.LogAnalyzer;
import org.mailpath.engine.analysis.UnusableLogException;
import org.mailpath.engine.common.Progress;
import org.mailpath.engine.log.FileProblem;
import org.mailpath.ui.common.DialogService;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.RunningTask;
import org.mailpath.ui.common.SettingsStore;
import org.mailpath.ui.common.TaskListener;
import org.mailpath.ui.common.TaskRunner;
import org.mailpath.ui.common.WizardSession;
import org.mailpath.ui.common.WizardStep;

/** Step 1: choose or drop an Email Log and read it in the background. */
public final class ImportViewModel implements WizardStep {

    private final LogAnalyzer analyzer;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final SettingsStore settings;
    private final WizardSession session;
    private final Messages messages;
    private final SampleLog sample;

    private final ReadOnlyObjectWrapper<ImportState> state = new ReadOnlyObjectWrapper<>(ImportState.EMPTY);
    private final ReadOnlyStringWrapper fileName = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper errorText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summaryText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper noticeText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<DropVerdict> dropVerdict = new ReadOnlyObjectWrapper<>(DropVerdict.NONE);
    private final ReadOnlyStringWrapper dropHint = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper complete = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<FileProblem> problems = FXCollections.observableArrayList();
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
    private final BooleanBinding canOpen;
    private final BooleanBinding canCancel;
    private final BooleanBinding canClearRecent;

    private RunningTask task = RunningTask.DONE;
    /** The name of the log whose analysis is shown, empty before the first one. */
    private String openName = "";

    public ImportViewModel(LogAnalyzer analyzer, TaskRunner runner, DialogService dialogs, SettingsStore settings,
                           WizardSession session, Messages messages, SampleLog sample) {
        this.analyzer = analyzer;
        this.runner = runner;
        this.dialogs = dialogs;
        this.settings = settings;
        this.session = session;
        this.messages = messages;
        this.sample = sample;
        canOpen = busy.not();
        canCancel = busy.and(state.isEqualTo(ImportState.LOADING));
        canClearRecent = Bindings.isNotEmpty(recentFiles);
        complete.bind(Bindings.createBooleanBinding(() -> session.analysis().isPresent() && !busy.get(),
                session.analysisProperty(), busy));
        recentFiles.setAll(settings.recentFiles());
    }

    // ---- properties

    public ReadOnlyObjectProperty<ImportState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty fileNameProperty() {
        return fileName.getReadOnlyProperty();
    }

    /** Fraction of the file's bytes read, or -1 while unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorTextProperty() {
        return errorText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryTextProperty() {
        return summaryText.getReadOnlyProperty();
    }

    /**
     * What became of a read that did not replace the log on screen: cancelled, or failed while an earlier log
     * stays open. Empty otherwise.
     */
    public ReadOnlyStringProperty noticeTextProperty() {
        return noticeText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DropVerdict> dropVerdictProperty() {
        return dropVerdict.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty dropHintProperty() {
        return dropHint.getReadOnlyProperty();
    }

    public ObservableList<FileProblem> problems() {
        return FXCollections.unmodifiableObservableList(problems);
    }

    public ObservableList<Path> recentFiles() {
        return FXCollections.unmodifiableObservableList(recentFiles);
    }

    @Override
    public ReadOnlyBooleanProperty completeProperty() {
        return complete.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding canOpenProperty() {
        return canOpen;
    }

    public BooleanBinding canCancelProperty() {
        return canCancel;
    }

    public BooleanBinding canClearRecentProperty() {
        return canClearRecent;
    }

    // ---- commands

    /** Open…: asks for a file, starting in the folder of the latest one. */
    public void open() {
        if (!canOpen.get()) {
            return;
        }
        Optional<Path> folder = recentFiles.stream().findFirst().map(Path::getParent);
        dialogs.chooseLogFile(folder).ifPresent(this::importFile);
    }

    /** Reads {@code file} in the background, replacing whatever is running. */
    public void importFile(Path file) {
        task.cancel();
        String name = FileNames.nameOf(file);
        startLoading(name);
        task = runner.run("import", ctx -> analyzer.analyze(file, ctx::progress, ctx.cancellation()),
                new Listener(() -> file, name, true));
    }

    /** "Try a sample log": reads the sample that ships with MailPath. */
    public void trySample() {
        if (!canOpen.get()) {
            return;
        }
        String name = messages.get("import.sample.name");
        startLoading(name);
        java.util.concurrent.atomic.AtomicReference<Path> located = new java.util.concurrent.atomic.AtomicReference<>();
        task = runner.run("import-sample", ctx -> {
            Path file = sample.locate().orElseThrow(() -> new UnusableLogException(messages.get("import.sample.missing")));
            located.set(file);
            return analyzer.analyze(file, ctx::progress, ctx.cancellation());
        }, new Listener(located::get, name, false));
    }

    public void openRecent(Path file) {
        if (canOpen.get()) {
            importFile(file);
        }
    }

    public void clearRecentFiles() {
        settings.clearRecentFiles();
        recentFiles.clear();
    }

    /** Cancel: stops reading; the previous analysis, if any, stays. */
    public void cancel() {
        task.cancel();
    }

    @Override
    public void cancelWork() {
        cancel();
    }

    // ---- drag and drop (names only: this runs on every mouse move)

    /** Decides whether the dragged files can be dropped, and sets the hint shown meanwhile. */
    public boolean dragOver(List<Path> files) {
        DropVerdict verdict;
        String hint;
        if (busy.get()) {
            verdict = DropVerdict.REFUSE;
            hint = messages.get("import.drop.busy");
        } else if (files.size() != 1) {
            verdict = DropVerdict.REFUSE;
            hint = messages.get(files.isEmpty() ? "import.drop.wrongKind" : "import.drop.oneFile");
        } else if (!LogFileKind.accepts(String.valueOf(files.getFirst().getFileName()))) {
            verdict = DropVerdict.REFUSE;
            hint = messages.format("import.drop.refused", String.valueOf(files.getFirst().getFileName()));
        } else {
            verdict = DropVerdict.ACCEPT;
            hint = messages.format("import.drop.accept", String.valueOf(files.getFirst().getFileName()));
        }
        dropVerdict.set(verdict);
        dropHint.set(hint);
        return verdict == DropVerdict.ACCEPT;
    }

    /** Whether {@code files} would be taken, without changing the hint. */
    public boolean dropAcceptable(List<Path> files) {
        return !busy.get() && files.size() == 1 && LogFileKind.accepts(String.valueOf(files.getFirst().getFileName()));
    }

    /** The drag left the window or ended. */
    public void dragEnded() {
        dropVerdict.set(DropVerdict.NONE);
        dropHint.set("");
    }

    /** Files were dropped; returns whether they were taken. */
    public boolean drop(List<Path> files) {
        boolean accepted = dragOver(files);
        dragEnded();
        if (accepted) {
            importFile(files.getFirst());
        }
        return accepted;
    }

    // ---- internals

    private void startLoading(String name) {
        fileName.set(name);
        progress.set(-1);
        progressText.set(messages.get("import.progress.starting"));
        errorText.set("");
        noticeText.set("");
        busy.set(true);
        state.set(ImportState.LOADING);
    }

    private String describe(Progress p) {
        double fraction = p.fraction();
        String rows = p.items() >= 0 ? messages.format("import.progress.rows", p.items()) : "";
        if (fraction < 0) {
            return rows.isEmpty() ? messages.get("import.progress.starting") : rows;
        }
        String percent = messages.format("import.progress.percent", Math.round(fraction * 100),
                megabytes(p.done()), megabytes(p.total()));
        return rows.isEmpty() ? percent : rows + " · " + percent;
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / 1_048_576.0);
    }

    /** Text for one file problem: "Line 12, field Mail Event: …". */
    public String describe(FileProblem problem) {
        String where;
        if (problem.line() <= 0) {
            where = messages.get("import.problem.wholeFile");
        } else if (problem.field().isEmpty()) {
            where = messages.format("import.problem.line", problem.line());
        } else {
            where = messages.format("import.problem.lineField", problem.line(), problem.field());
        }
        String kind = messages.get(problem.rejected() ? "import.problem.rejected" : "import.problem.warning");
        return where + " — " + problem.message(messages.locale()) + " (" + kind + ")";
    }

    private final class Listener implements TaskListener<LogAnalysis> {
        private final java.util.function.Supplier<Path> file;
        private final String name;
        private final boolean remember;

        Listener(java.util.function.Supplier<Path> file, String name, boolean remember) {
            this.file = file;
            this.name = name;
            this.remember = remember;
        }

        @Override
        public void progress(Progress p) {
            progress.set(p.fraction());
            progressText.set(describe(p));
        }

        @Override
        public void succeeded(LogAnalysis analysis) {
            busy.set(false);
            progress.set(1);
            problems.setAll(analysis.problems());
            summaryText.set(messages.format("import.done.summary", analysis.messages(), analysis.rows(),
                    analysis.rejectedRows()));
            if (remember) {
                settings.addRecentFile(file.get());
                recentFiles.setAll(settings.recentFiles());
            }
            openName = name;
            session.setAnalysis(analysis, file.get());
            state.set(ImportState.DONE);
        }

        @Override
        public void failed(Throwable error) {
            busy.set(false);
            errorText.set(error instanceof UnusableLogException unusable
                    ? unusable.message(messages.locale())
                    : messages.format("import.error.internal", name));
            problems.clear();
            if (session.analysis().isPresent()) {
                noticeText.set(messages.format("import.stillOpen", openName));
            }
            state.set(ImportState.FAILED);
        }

        @Override
        public void cancelled() {
            busy.set(false);
            progressText.set(messages.get("import.progress.cancelled"));
            if (session.analysis().isPresent()) {
                noticeText.set(messages.format("import.cancelled.stillOpen", name, openName));
                fileName.set(openName);
                state.set(ImportState.DONE);
            } else {
                noticeText.set(messages.format("import.cancelled", name));
                state.set(ImportState.EMPTY);
            }
        }
    }
}
