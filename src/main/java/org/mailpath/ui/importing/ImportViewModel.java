package org.mailpath.ui.importing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.mailpath.engine.common.FileNames;
import org.mailpath.engine.analysis.AnalysedFile;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.LogAnalyzer;
import org.mailpath.engine.analysis.ReadCaveats;
import org.mailpath.engine.analysis.RelayHosts;
import org.mailpath.engine.analysis.UnusableLogException;
import org.mailpath.engine.common.Progress;
import org.mailpath.engine.common.ProgressPhase;
import org.mailpath.engine.log.FileProblem;
import org.mailpath.engine.log.ReadAssumptions;
import org.mailpath.engine.log.UnsharedIds;
import org.mailpath.ui.common.DialogService;
import org.mailpath.ui.common.FailureWords;
import org.mailpath.ui.common.Formats;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.RunningTask;
import org.mailpath.ui.common.SettingsStore;
import org.mailpath.ui.common.TaskListener;
import org.mailpath.ui.common.TaskRunner;
import org.mailpath.ui.common.WizardSession;
import org.mailpath.ui.common.WizardStep;

/**
 * Step 1: choose or drop an Email Log and read it in the background. Several files (one per request of at most 7
 * days) chosen or dropped together are analysed together as one log, and listed when read.
 */
public final class ImportViewModel implements WizardStep {

    private static final System.Logger LOG = System.getLogger(ImportViewModel.class.getName());
    /**
     * The org's Email Relay as last entered (host names or IP addresses): the analysis reads the replies of the
     * messages handed to it as the relay's, not the recipient's server's, so it is known before a log is read.
     */
    static final String RELAY_HOSTS_KEY = "analysis.relayHosts";

    private final LogAnalyzer analyzer;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final SettingsStore settings;
    private final WizardSession session;
    private final Messages messages;
    private final SampleLog sample;

    private final ReadOnlyObjectWrapper<ImportState> state = new ReadOnlyObjectWrapper<>(ImportState.EMPTY);
    private final ReadOnlyStringWrapper fileName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper loadingTitle = new ReadOnlyStringWrapper("");
    /** The title of the log whose analysis is shown: set only when one is read, so a cancelled read keeps it. */
    private final ReadOnlyStringWrapper doneTitle = new ReadOnlyStringWrapper("");
    /** Each file of a log read from several, with its counts; empty for a single file. */
    private final ObservableList<String> fileLines = FXCollections.observableArrayList();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper errorText = new ReadOnlyStringWrapper("");
    /** The refusal is of a valid export with no mail in it: information, not a broken file. */
    private final ReadOnlyBooleanWrapper noMailLogged = new ReadOnlyBooleanWrapper(false);
    /** The Email Relay field: host names or IP addresses, separated by commas or spaces; empty for none. */
    private final StringProperty relayHosts = new SimpleStringProperty(this, "relayHosts", "");
    /** Why the Email Relay field holds no host name or address (empty while it is fine). */
    private final ReadOnlyStringWrapper relayHostsError = new ReadOnlyStringWrapper("");
    /** The field read as a relay, once per change (the error and the read both use it); empty if unusable. */
    private final ObjectBinding<Optional<RelayHosts>> relayHostsRead =
            Bindings.createObjectBinding(() -> RelayHosts.parse(relayHosts.get()), relayHosts);
    /** The relay the shown analysis was read with (none before the first read). */
    private final ObjectProperty<RelayHosts> shownRelay = new SimpleObjectProperty<>(this, "shownRelay",
            RelayHosts.none());
    /**
     * Whether the Email Relay field, as it reads now, differs from the relay the shown analysis was read with: the
     * analysis judges the replies while it reads the log, so the change applies only once the log is read again.
     */
    private final BooleanBinding relayChanged;
    private final ReadOnlyStringWrapper summaryText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper countsInDoubt = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper assumedText = new ReadOnlyStringWrapper("");
    private final BooleanBinding warned = countsInDoubt.or(assumedText.isNotEmpty());
    private final ReadOnlyStringWrapper noticeText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<DropVerdict> dropVerdict = new ReadOnlyObjectWrapper<>(DropVerdict.NONE);
    private final ReadOnlyStringWrapper dropHint = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper complete = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<FileProblem> problems = FXCollections.observableArrayList();
    /** Each entry one log, or the logs opened together. */
    private final ObservableList<List<Path>> recentFiles = FXCollections.observableArrayList();
    // One read-only view of each list, made once: an unmodifiable view passes changes on through a weak listener, so a
    // view made per call, that only a listener holds, is collected and its listener hears nothing more.
    private final ObservableList<String> fileLinesView = FXCollections.unmodifiableObservableList(fileLines);
    private final ObservableList<FileProblem> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final ObservableList<List<Path>> recentFilesView = FXCollections.unmodifiableObservableList(recentFiles);
    private final BooleanBinding canOpen;
    private final BooleanBinding canCancel;
    private final BooleanBinding canClearRecent;
    /** The entries of {@link #recentFiles} with a file that was not found when they were last looked for. */
    private Set<List<Path>> missingRecent = Set.of();

    private RunningTask task = RunningTask.DONE;
    /** The name of the log whose analysis is shown, empty before the first one. */
    private String openName = "";
    /** The files of the shown log, for reading it again (empty before the first read). */
    private List<Path> shownFiles = List.of();
    /** Whether the shown log is the sample, which is read again as the sample (not added to the recent files). */
    private boolean shownSample;
    /** Told when a read ends with a new log on screen; never for one cancelled or failed. */
    private Runnable onLogRead = () -> { };

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
        relayHosts.set(settings.get(RELAY_HOSTS_KEY).orElse(""));
        relayHosts.addListener((o, a, b) -> relayHostsChanged());
        relayChanged = Bindings.createBooleanBinding(() -> session.analysis().isPresent() && relayHostsRead.get()
                .filter(r -> !sameRelay(r, shownRelay.get())).isPresent(),
                session.analysisProperty(), relayHostsRead, shownRelay);
        complete.bind(Bindings.createBooleanBinding(() -> session.analysis().isPresent() && !busy.get(),
                session.analysisProperty(), busy));
        refreshRecent();
    }

    /**
     * The recent list as saved, each entry's files looked for once: a file moved or deleted since is marked missing,
     * as the list promises, instead of looking normal until it is opened. Looked for on the task runner, not the UI
     * thread: a file on a network share that no longer answers held the window at start and after each read.
     */
    private void refreshRecent() {
        List<List<Path>> list = settings.recentLogs();
        recentFiles.setAll(list);
        runner.run("recent", ctx -> list.stream().filter(e -> e.stream().anyMatch(f -> !Files.exists(f)))
                .collect(Collectors.toUnmodifiableSet()), new TaskListener<Set<List<Path>>>() {
            @Override
            public void succeeded(Set<List<Path>> missing) {
                if (!recentFiles.equals(list)) {
                    return; // cleared or replaced since: a newer look answers for the list shown
                }
                boolean changed = !missing.equals(missingRecent);
                missingRecent = missing;
                if (changed) {
                    recentFiles.setAll(list); // the list's cells are made again, marked as now found
                }
            }

            @Override
            public void failed(Throwable error) {
                LOG.log(System.Logger.Level.DEBUG, "looking for the recent files", error);
            }
        });
    }

    // ---- properties

    public ReadOnlyObjectProperty<ImportState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The name of the file read or shown; for several, their names joined by ", ". */
    public ReadOnlyStringProperty fileNameProperty() {
        return fileName.getReadOnlyProperty();
    }

    /** "Reading log.csv", or for several files "Reading 3 logs together". */
    public ReadOnlyStringProperty loadingTitleProperty() {
        return loadingTitle.getReadOnlyProperty();
    }

    /** "log.csv is ready", or for several files "3 logs are ready, analysed together". */
    public ReadOnlyStringProperty doneTitleProperty() {
        return doneTitle.getReadOnlyProperty();
    }

    /** One line per file of a log read from several ("second.csv — 66 rows, 33 left out as …"); else empty. */
    public ObservableList<String> fileLines() {
        return fileLinesView;
    }

    /**
     * Fraction of the file's bytes read, or -1 while unknown; a second read (dates day first) starts it over from
     * none, {@link #progressTextProperty} saying why.
     */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** The Email Relay field (host names or IP addresses; empty for none), remembered when a log is read with it. */
    public StringProperty relayHostsProperty() {
        return relayHosts;
    }

    /**
     * Whether the Email Relay field differs from the relay the shown log was read with: the change applies once the
     * log is read again ({@link #readAgain}), which the step offers beside the field.
     */
    public BooleanBinding relayChangedProperty() {
        return relayChanged;
    }

    /** Why the Email Relay field cannot be used (empty while it can): no log is read until it is corrected. */
    public ReadOnlyStringProperty relayHostsErrorProperty() {
        return relayHostsError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorTextProperty() {
        return errorText.getReadOnlyProperty();
    }

    /**
     * Whether the file could not be analysed because it holds no mail (a header row, no data rows): most likely
     * Salesforce logged none in its window or for its filters, so the pane informs and advises (the error text says
     * what to check) rather than calling the file broken.
     */
    public ReadOnlyBooleanProperty noMailLoggedProperty() {
        return noMailLogged.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryTextProperty() {
        return summaryText.getReadOnlyProperty();
    }

    /**
     * True when the counts of the log just read are in doubt: it had rows that could not be read and were left out,
     * one of several logs could not be read at all, or messages of several logs sharing no ID column were joined by a guess or may count twice. The done screen
     * then has the warning look, not the green check mark (exact copies of rows of another log are left out by
     * design, and do not count).
     */
    public ReadOnlyBooleanProperty countsInDoubtProperty() {
        return countsInDoubt.getReadOnlyProperty();
    }

    /**
     * Why the log just read is to be checked though its counts are whole: it was read by an assumption (its dates
     * day first, its text as Windows-1252, its columns in the documented order…; {@link ReadAssumptions}) that the
     * warnings below say. Empty when none was made.
     */
    public ReadOnlyStringProperty assumedTextProperty() {
        return assumedText.getReadOnlyProperty();
    }

    /**
     * Whether the done screen has the warning look rather than the green check mark: the counts are in doubt
     * ({@link #countsInDoubtProperty}) or the log was read by an assumption ({@link #assumedTextProperty}).
     */
    public BooleanBinding warnedProperty() {
        return warned;
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
        return problemsView;
    }

    /** The logs opened lately, most recent first: each entry one file, or the files opened together. */
    public ObservableList<List<Path>> recentFiles() {
        return recentFilesView;
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

    /**
     * {@code action} runs each time a read ends with a new log on screen, after the state became DONE: not when a
     * read is cancelled or fails while an earlier log stays open, which sets DONE too (the earlier log's done screen,
     * with the notice saying what became of the read), so the state's change cannot tell the two apart.
     */
    public void setOnLogRead(Runnable action) {
        onLogRead = action;
    }

    // ---- commands

    /** Open…: asks for one or more files, starting in the folder of the latest one. */
    public void open() {
        if (!canOpen.get()) {
            return;
        }
        Optional<Path> folder = recentFiles.stream().findFirst().map(e -> e.getFirst().getParent());
        importFiles(dialogs.chooseLogFiles(folder));
    }

    /** Reads {@code file} in the background, replacing whatever is running. */
    public void importFile(Path file) {
        importFiles(List.of(file));
    }

    /**
     * Reads {@code files} (one or more) in the background as one log, replacing whatever is running. A single file
     * is read as it always was; none (a cancelled dialog, no file on the command line) changes nothing.
     */
    public void importFiles(List<Path> files) {
        if (files.isEmpty()) {
            return;
        }
        Optional<LogAnalyzer> reader = analyzerForRead();
        if (reader.isEmpty()) {
            return;
        }
        task.cancel();
        List<Path> chosen = List.copyOf(files);
        // files of one name (Salesforce names every export alike) are told apart by their folders
        String name = String.join(", ", FileNames.labelsOf(chosen));
        startLoading(name, chosen.size());
        task = runner.run("import", ctx -> reader.get().analyze(chosen, ctx::progress, ctx.cancellation()),
                new Listener(() -> chosen, name, true, relayHostsRead.get().orElseThrow()));
    }

    /**
     * Reads the shown log again, its files as they were opened (the sample as the sample), with the Email Relay the
     * field holds now: the analysis judges the relay's replies while it reads.
     */
    public void readAgain() {
        if (!canOpen.get() || shownFiles.isEmpty()) {
            return;
        }
        if (shownSample) {
            trySample();
        } else {
            importFiles(shownFiles);
        }
    }

    /** "Try a sample log": reads the sample that ships with MailPath. */
    public void trySample() {
        if (!canOpen.get()) {
            return;
        }
        Optional<LogAnalyzer> reader = analyzerForRead();
        if (reader.isEmpty()) {
            return;
        }
        String name = messages.get("import.sample.name");
        startLoading(name, 1);
        java.util.concurrent.atomic.AtomicReference<Path> located = new java.util.concurrent.atomic.AtomicReference<>();
        task = runner.run("import-sample", ctx -> {
            Path file = sample.locate().orElseThrow(() -> new UnusableLogException(messages.get("import.sample.missing")));
            located.set(file);
            return reader.get().analyze(file, ctx::progress, ctx.cancellation());
        }, new Listener(() -> List.of(located.get()), name, false,
                relayHostsRead.get().orElseThrow()));
    }

    /** Opens an entry of {@link #recentFiles} again: its files together, as they were opened. */
    public void openRecent(List<Path> files) {
        if (canOpen.get()) {
            importFiles(files);
        }
    }

    /**
     * The first lines of an entry of {@link #recentFiles}: the file's name, or the labels of the files together, one
     * a line. Joined by ", " in the narrow list, a name too long for the rest of a line was broken letter by letter,
     * and the next line began with the comma (", sample-email-log.csv").
     */
    public String recentName(List<Path> files) {
        // a file alone, or of a name no other file of the entry has, is labelled by its name
        return String.join("\n", FileNames.labelsOf(files));
    }

    /**
     * The second line of an entry of {@link #recentFiles}: the file's folder, or that the files are read together,
     * and the folder they are all in.
     */
    public String recentFolder(List<Path> files) {
        String folder = folderOf(files);
        return recentMissing(files) ? messages.format("import.recent.missing", folder) : folder;
    }

    /** Whether a file of this entry of {@link #recentFiles} was not found (moved or deleted since it was opened). */
    public boolean recentMissing(List<Path> files) {
        return missingRecent.contains(files);
    }

    private String folderOf(List<Path> files) {
        if (files.size() == 1) {
            return files.getFirst().getParent() == null ? "" : files.getFirst().getParent().toString();
        }
        Path common = files.getFirst().getParent();
        for (Path f : files) {
            while (common != null && (f.getParent() == null || !f.getParent().startsWith(common))) {
                common = common.getParent();
            }
        }
        return common == null ? messages.format("import.recent.together", files.size())
                : messages.format("import.recent.togetherIn", files.size(), common);
    }

    /**
     * What a screen reader says of an entry of {@link #recentFiles}: the two lines of {@link #recentName} and
     * {@link #recentFolder} in one sentence (the entry shows them in a graphic, which it does not read, and the
     * whole paths only in a tooltip).
     */
    public String recentSpoken(List<Path> files) {
        String names = String.join(", ", FileNames.labelsOf(files));
        return files.size() == 1 ? messages.format("import.recent.spoken", names, recentFolder(files))
                : messages.format("import.recent.spoken.together", names, recentFolder(files));
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

    /**
     * Decides whether the dragged files can be dropped, and sets the hint shown meanwhile: one Email Log, or several
     * to analyse together; a file of another kind among them is named.
     */
    public boolean dragOver(List<Path> files) {
        DropVerdict verdict;
        String hint;
        Optional<String> otherKind = otherKind(files);
        if (busy.get()) {
            verdict = DropVerdict.REFUSE;
            hint = messages.get("import.drop.busy");
        } else if (files.isEmpty()) {
            verdict = DropVerdict.REFUSE;
            hint = messages.get("import.drop.wrongKind");
        } else if (otherKind.isPresent()) {
            verdict = DropVerdict.REFUSE;
            hint = messages.format("import.drop.refused", otherKind.get());
        } else {
            verdict = DropVerdict.ACCEPT;
            hint = files.size() == 1
                    ? messages.format("import.drop.accept", String.valueOf(files.getFirst().getFileName()))
                    : messages.format("import.drop.acceptMany", files.size());
        }
        dropVerdict.set(verdict);
        dropHint.set(hint);
        return verdict == DropVerdict.ACCEPT;
    }

    /** Whether {@code files} would be taken, without changing the hint. */
    public boolean dropAcceptable(List<Path> files) {
        return !busy.get() && !files.isEmpty() && otherKind(files).isEmpty();
    }

    /** The name of the first file that is no Email Log by its name, if any. */
    private static Optional<String> otherKind(List<Path> files) {
        return files.stream().map(f -> String.valueOf(f.getFileName()))
                .filter(n -> !LogFileKind.accepts(n)).findFirst();
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
            importFiles(files);
        }
        return accepted;
    }

    // ---- internals

    /**
     * The analyser for the next read, with the Email Relay entered (already remembered as it was typed:
     * {@link #relayHostsChanged}); empty, with the field's error said, while the field holds something that is no host
     * name or IP address.
     */
    private Optional<LogAnalyzer> analyzerForRead() {
        Optional<RelayHosts> relay = relayHostsRead.get();
        if (relay.isEmpty()) {
            sayRelayHostsError();
            return Optional.empty();
        }
        return Optional.of(analyzer.withRelayHosts(relay.get()));
    }

    /**
     * The field changed: its error said, and a usable value saved at once (not only once a log is read with it), so
     * the next start has it even when no log is read again.
     */
    private void relayHostsChanged() {
        sayRelayHostsError();
        if (relayHostsRead.get().isPresent()) {
            settings.put(RELAY_HOSTS_KEY, relayHosts.get().strip());
        }
    }

    /** Whether two relays name the same hosts and addresses (in any order or spelling the field allows). */
    private static boolean sameRelay(RelayHosts a, RelayHosts b) {
        return a.names().equals(b.names()) && a.addresses().equals(b.addresses());
    }

    /** The field's error for what it holds now: none while that is a relay. */
    private void sayRelayHostsError() {
        relayHostsError.set(relayHostsRead.get().isPresent() ? ""
                : messages.format("import.relay.invalid", relayHosts.get().strip()));
    }

    private void startLoading(String name, int files) {
        fileName.set(name);
        loadingTitle.set(files == 1 ? messages.format("import.loading.title", name)
                : messages.format("import.loading.titleMany", files));
        progress.set(-1);
        progressText.set(messages.get("import.progress.starting"));
        errorText.set("");
        noMailLogged.set(false);
        noticeText.set("");
        busy.set(true);
        state.set(ImportState.LOADING);
    }

    private String describe(Progress p) {
        String counts = counts(p);
        // a second read starts the bar over: the line says why before what it counts, which starts over too
        return switch (p.phase()) {
            case ProgressPhase.First first -> counts;
            case ProgressPhase.ReadAgain again -> messages.format(again.dayFirst() ? "import.progress.again"
                    : "import.progress.againMonthFirst", String.join(", ", again.files()), again.files().size())
                    + " · " + counts;
        };
    }

    private String counts(Progress p) {
        double fraction = p.fraction();
        String rows = p.items() >= 0 ? messages.format("import.progress.rows", p.items()) : "";
        if (fraction < 0) {
            return rows.isEmpty() ? messages.get("import.progress.starting") : rows;
        }
        String percent = messages.format("import.progress.percent", Math.round(fraction * 100),
                megabytes(p.done()), megabytes(p.total()));
        return rows.isEmpty() ? percent : rows + " · " + percent;
    }

    private String megabytes(long bytes) {
        return Formats.oneDecimal(bytes / 1_048_576.0, messages.locale());
    }

    /**
     * Text for one file problem: "Line 12, field Mail Event — …"; of a log read from several files, with the file
     * first ("second.csv: Line 12, …").
     */
    public String describe(FileProblem problem) {
        String where;
        if (problem.line() <= 0) {
            where = messages.get("import.problem.wholeFile");
        } else if (problem.field().isEmpty()) {
            where = messages.format("import.problem.line", problem.line());
        } else {
            where = messages.format("import.problem.lineField", problem.line(), problem.field());
        }
        if (!fileLines.isEmpty() && !problem.file().isEmpty()) {
            where = problem.file() + ": " + where;
        }
        // the word matches the sign beside it: a row rejected as invalid, or a warning (the engine's word, as on the command
        // line: a file left out or read as Windows-1252 is one, so 'note' would say too little)
        String kind = messages.get(problem.rejected() ? "import.problem.rejected" : "import.problem.warning");
        return where + " — " + problem.message(messages.locale()) + " (" + kind + ")";
    }

    /**
     * Why the log is to be checked for what was assumed in reading it: the dates read day first, naming the files of
     * several, and the other assumptions counted beside them. An assumption about a file none of whose rows was kept
     * (all left out as exact copies of another file's rows, or rejected) changed nothing counted and is not spoken
     * of ({@link ReadCaveats}); its warning is still listed. {@code counted}: the problems that count, as listed.
     */
    private String assumed(LogAnalysis analysis, List<FileProblem> counted) {
        List<Integer> dayFirst = ReadCaveats.readDayFirst(analysis);
        long others = counted.stream().filter(p -> dayFirst.isEmpty() || !ReadAssumptions.isReadDayFirst(p)).count();
        if (dayFirst.isEmpty()) {
            return others == 0 ? "" : messages.format("import.done.assumed.other", others);
        }
        if (analysis.files().size() == 1) {
            return others == 0 ? messages.get("import.done.assumed.dayFirst")
                    : messages.format("import.done.assumed.dayFirstAndOther", others);
        }
        String files = String.join(", ", dayFirst.stream().map(i -> analysis.files().get(i).label()).toList());
        return others == 0 ? messages.format("import.done.assumed.dayFirst.files", files)
                : messages.format("import.done.assumed.dayFirstAndOther.files", files, others);
    }

    private String describe(AnalysedFile file) {
        // rows rejected as invalid are left out too: the line says so, as the summary above it counts them
        return file.usable() ? messages.format("import.file.rows", file.label(), file.rows(), file.copiesLeftOut(),
                file.rejectedRows())
                : messages.format("import.file.unusable", file.label());
    }

    private final class Listener implements TaskListener<LogAnalysis> {
        private final java.util.function.Supplier<List<Path>> files;
        private final String name;
        private final boolean remember;
        /** The Email Relay the read was made with. */
        private final RelayHosts relay;

        Listener(java.util.function.Supplier<List<Path>> files, String name, boolean remember, RelayHosts relay) {
            this.files = files;
            this.name = name;
            this.remember = remember;
            this.relay = relay;
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
            // before the problems: their text names the file only when there are several
            fileLines.setAll(analysis.files().size() == 1 ? List.of()
                    : analysis.files().stream().map(ImportViewModel.this::describe).toList());
            // the warnings the reason line above the list speaks of come first, where it says they are ("below"):
            // after rows rejected they were out of view at 1024 x 700; the others keep their order (split once, as a
            // stable sort on "counts" would order them, without testing a problem at every comparison)
            Map<Boolean, List<FileProblem>> counted = analysis.problems().stream()
                    .collect(Collectors.partitioningBy(ReadCaveats.counts(analysis)));
            problems.setAll(Stream.concat(counted.get(true).stream(), counted.get(false).stream()).toList());
            // rows left out are the rejected ones and the copies of rows of another log: the summary names both,
            // each in its own words as the lines of the files and the problems do ("rejected as invalid", the
            // report's term, and "left out as copies of rows read before")
            long copies = analysis.files().stream().mapToLong(AnalysedFile::copiesLeftOut).sum();
            summaryText.set(messages.format("import.done.summary", analysis.messages(), analysis.rows(),
                    analysis.rejectedRows(), copies));
            // a log left out whole is not in the counts either
            countsInDoubt.set(analysis.rejectedRows() > 0 || analysis.files().stream().anyMatch(f -> !f.usable())
                    || analysis.problems().stream().anyMatch(UnsharedIds::isOne));
            assumedText.set(assumed(analysis, counted.get(true)));
            if (remember) {
                // files opened together are one entry, which opens them together again
                settings.addRecentLogs(files.get());
                refreshRecent();
            }
            openName = name;
            // counted as analysed: a zip of several logs is those logs, as if dropped one by one
            doneTitle.set(analysis.files().size() == 1 ? messages.format("import.done.title", name)
                    : messages.format("import.done.titleMany", analysis.files().size()));
            shownFiles = List.copyOf(files.get());
            shownSample = !remember;
            shownRelay.set(relay);
            session.setAnalysis(analysis, files.get());
            state.set(ImportState.DONE);
            onLogRead.run();
        }

        @Override
        public void failed(Throwable error) {
            busy.set(false);
            errorText.set(error instanceof UnusableLogException unusable
                    ? unusable.message(messages.locale())
                    : FailureWords.insideMailPath(messages, "import.error.internal", "import.error.internalNoLog",
                            name));
            noMailLogged.set(error instanceof UnusableLogException unusable && unusable.noMailLogged());
            // the problems and file lines stay: they are those of the log still open (or none, before the first),
            // whose done screen a later cancelled read shows again, its summary pointing at them ("below")
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
