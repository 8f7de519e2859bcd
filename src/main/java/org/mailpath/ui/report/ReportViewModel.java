package org.mailpath.ui.report;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.common.Languages;
import org.mailpath.engine.report.MessageKey;
import org.mailpath.engine.report.ReportOptions;
import org.mailpath.report.Paper;
import org.mailpath.report.ReportFormat;
import org.mailpath.ui.common.DialogService;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.RunningTask;
import org.mailpath.ui.common.SettingsStore;
import org.mailpath.ui.common.TaskListener;
import org.mailpath.ui.common.TaskRunner;
import org.mailpath.ui.common.WizardSession;
import org.mailpath.ui.common.WizardStep;

/**
 * Step 5: choose what goes into the report (recipient domains, problem messages only, single messages, redaction),
 * preview it, export it (PDF, HTML, JSON, text, CSV) in the background, and copy a short note for the recipient's mail
 * team. The domains and "only bounced and deferred" set the scope, the messages in scope are listed, and each can be
 * left out; a message's choice is kept while the scope changes around it. The preview, every export and the note
 * are made from one model holding exactly the messages that are in scope and chosen.
 * <p>
 * The step ties its parts together: the domains ({@link DomainScope}), the messages ({@link MessageSelection}), the
 * list limit ({@link ListLimit}), the preview ({@link PreviewBuild}) and what leaves the step ({@link ExportTasks}).
 * It quiets their listeners while a command changes many choices at once, and then updates them once.
 */
public final class ReportViewModel implements WizardStep {

    private final TaskRunner runner;
    private final WizardSession session;
    private final Messages messages;
    private final Clock clock;
    private final PreviewBuild preview;
    private final ExportTasks output;
    private final DomainScope scope;
    private final MessageSelection selection;
    private final ListLimit listLimit;

    private final BooleanProperty redact = new SimpleBooleanProperty(this, "redact", true);
    private final BooleanProperty problemsOnly = new SimpleBooleanProperty(this, "problemsOnly", false);
    /**
     * English unless the user picks another: a report usually goes to the recipient's mail team. Never null: a choice
     * box bound to it that loses its value (its items reset) leaves the report in English.
     */
    private final ObjectProperty<Locale> reportLanguage =
            new SimpleObjectProperty<>(this, "reportLanguage", Locale.ENGLISH) {
                @Override
                public void set(Locale language) {
                    super.set(language == null ? Locale.ENGLISH : language);
                }
            };
    private final List<Locale> reportLanguages = Languages.offered();
    private final ReadOnlyBooleanWrapper messagesLoading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper selectedInEvents = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper complete = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper emptyListText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper exportBlockedReason = new ReadOnlyStringWrapper("");
    private final BooleanBinding canExport;
    private final BooleanBinding canCopyNote;
    private final BooleanBinding canIncludeOnlySelected;
    /** Above zero while a command changes many choices at once; listeners then wait for its single update. */
    private int bulk;
    /** Hears every message's include box; quiet while a command changes many at once. */
    private final InvalidationListener choiceListener = o -> {
        if (bulk == 0) {
            choicesChanged();
        }
    };

    private RunningTask loadTask = RunningTask.DONE;
    private LogAnalysis loadedFrom;

    /** A step that remembers the paper chosen in {@code settings}, for the next run. */
    public ReportViewModel(ReportExporter exporter, TaskRunner runner, DialogService dialogs, SettingsStore settings,
                           WizardSession session, Messages messages, Clock clock) {
        this.runner = runner;
        this.session = session;
        this.messages = messages;
        this.clock = clock;
        this.output = new ExportTasks(exporter, runner, dialogs, settings, messages, clock);
        this.preview = new PreviewBuild(exporter, runner, messages);
        this.scope = new DomainScope(session, messages);
        this.selection = new MessageSelection(messages);
        this.listLimit = new ListLimit(messages, this::refreshPreview);
        // Cancel stops a preview being built too: on a big log it takes long, and the choice may be the wrong one
        busy.bind(output.exportingProperty().or(preview.buildingProperty()));
        ObservableList<DomainChoice> domains = scope.domains();
        BooleanBinding anyDomainChosen = scope.anyChosen();
        ReadOnlyIntegerProperty includedCount = selection.includedCountProperty();
        // domains stays a dependency beside anyDomainChosen, as a change of the (unobserved) model is seen when the
        // binding is next made invalid
        canExport = Bindings.createBooleanBinding(() -> !output.exportingProperty().get()
                && !preview.previewingProperty().get()
                && preview.built().isPresent() && includedCount.get() > 0 && anyDomainChosen.get()
                && listLimit.problemProperty().get().isEmpty(),
                output.exportingProperty(), preview.previewingProperty(), domains, includedCount, anyDomainChosen,
                listLimit.problemProperty());
        // the note holds no received-only message: with only those included it would have nothing to say
        canCopyNote = canExport.and(selection.notableProperty());
        // why the exports are off when a choice, not a build under way, keeps them off (a disabled button shows no tip)
        exportBlockedReason.bind(Bindings.createStringBinding(() -> session.analysis().isEmpty() ? ""
                        : !anyDomainChosen.get() ? messages.get("report.export.noDomain")
                        : !messagesLoading.get() && includedCount.get() == 0 ? messages.get("report.export.noMessage")
                        : "",
                session.analysisProperty(), anyDomainChosen, messagesLoading, includedCount));
        emptyListText.bind(Bindings.createStringBinding(() -> messages.get(messagesLoading.get()
                        ? "report.messages.loading"
                        : anyDomainChosen.get() ? "report.messages.empty" : "report.messages.noDomain"),
                messagesLoading, anyDomainChosen));
        canIncludeOnlySelected = Bindings.createBooleanBinding(() -> !messagesLoading.get()
                && session.selectedMessage().map(MessageKey::of).flatMap(selection::find).isPresent(),
                messagesLoading, session.selectedMessageProperty(), selection.all());
        domains.addListener((ListChangeListener<DomainChoice>) c -> {
            if (bulk == 0) {
                scope.userChose();
                scopeChanged();
            }
        });
        problemsOnly.addListener(o -> {
            if (bulk == 0) {
                scopeChanged();
            }
        });
        selection.searchProperty().addListener(o -> {
            if (bulk == 0) {
                selection.refilter();
            }
        });
        redact.addListener(o -> refreshPreview());
        reportLanguage.addListener(o -> refreshPreview());
        // before the checks' listener (WizardSession sets the log first): the old log's report is no longer shown
        session.analysisProperty().addListener((o, was, now) -> newLog());
        session.checksProperty().addListener(o -> refreshPreview());
        session.selectedMessageProperty().addListener(o -> {
            describeSelectedInEvents();
            scope.describe();
        });
        describeSelectedInEvents();
        selection.count();
    }

    public ObservableList<DomainChoice> domains() {
        return scope.domains();
    }

    /** The messages in scope that match the search, in the order of the report: problems first, then by time. */
    public ObservableList<MessageChoice> shownMessages() {
        return selection.shown();
    }

    /** Narrows the message list; never changes what is in the report. */
    public StringProperty searchProperty() {
        return selection.searchProperty();
    }

    /** Messages in the report: in scope and chosen. */
    public ReadOnlyIntegerProperty includedCountProperty() {
        return selection.includedCountProperty();
    }

    /** The step's title: the report for the recipient's mail team, or with several domains chosen, the teams'. */
    public ReadOnlyStringProperty titleProperty() {
        return scope.titleProperty();
    }

    /** The Copy note button's words, for one mail team or several, as {@link #titleProperty()}. */
    public ReadOnlyStringProperty copyNoteTextProperty() {
        return scope.copyNoteTextProperty();
    }

    /** "12 of 340 messages included", and how many the search shows. */
    public ReadOnlyStringProperty countTextProperty() {
        return selection.countTextProperty();
    }

    /** True while the message list of a new log is being made. */
    public ReadOnlyBooleanProperty messagesLoadingProperty() {
        return messagesLoading.getReadOnlyProperty();
    }

    /** The message selected on the Events step, in words; empty when none. */
    public ReadOnlyStringProperty selectedInEventsProperty() {
        return selectedInEvents.getReadOnlyProperty();
    }

    /** Masks the local part of addresses and drops user IDs (on by default: the report leaves the company). */
    public BooleanProperty redactProperty() {
        return redact;
    }

    /** The language the preview and the exports are written in (one of {@link #reportLanguages()}). */
    public ObjectProperty<Locale> reportLanguageProperty() {
        return reportLanguage;
    }

    /** The languages a report can be written in, as the app offers them. */
    public List<Locale> reportLanguages() {
        return reportLanguages;
    }

    /** The paper an exported PDF is laid out on (the preview, plain text, has none). */
    public ObjectProperty<Paper> paperProperty() {
        return output.paperProperty();
    }

    /**
     * The number of messages the PDF, HTML and text reports list in full, as typed (the Report step's field): 0 lists
     * every one. Anything but a whole number of 0 or more is refused ({@link #listLimitProblemProperty()}), the last
     * good number kept and the exports off until it is put right.
     */
    public StringProperty listLimitTextProperty() {
        return listLimit.textProperty();
    }

    /** The list limit in force (0: every message), {@link ReportFormat#DEFAULT_LIST_LIMIT} at first. */
    public ReadOnlyIntegerProperty listLimitProperty() {
        return listLimit.limitProperty();
    }

    /** Why the list limit typed is not used; empty when it is. */
    public ReadOnlyStringProperty listLimitProblemProperty() {
        return listLimit.problemProperty();
    }

    /**
     * How many of the report's messages the preview and the PDF, HTML and text exports list in full, when the limit
     * leaves some out; empty when every one is listed.
     */
    public ReadOnlyStringProperty listingProperty() {
        return preview.listingProperty();
    }

    /** Leaves out delivered messages. */
    public BooleanProperty problemsOnlyProperty() {
        return problemsOnly;
    }

    public ReadOnlyStringProperty previewProperty() {
        return preview.textProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return output.statusProperty();
    }

    public ReadOnlyBooleanProperty statusIsErrorProperty() {
        return output.statusIsErrorProperty();
    }

    public ReadOnlyBooleanProperty previewingProperty() {
        return preview.previewingProperty();
    }

    /** How far the preview's report build got: 0 to 1, or -1 when not known (see {@link PreviewBuild}). */
    public ReadOnlyDoubleProperty buildProgressProperty() {
        return preview.buildProgressProperty();
    }

    /**
     * How far the export got: 0 to 1, or -1 when not known (while the file is written). A JSON or CSV export of a log
     * with more messages than the preview lists builds the whole report again first, and tells how far that got.
     */
    public ReadOnlyDoubleProperty exportProgressProperty() {
        return output.exportProgressProperty();
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return output.exportingProperty();
    }

    @Override
    public ReadOnlyBooleanProperty completeProperty() {
        return complete.getReadOnlyProperty();
    }

    /**
     * Done once a report of the log shown was saved or its note copied; a new log undoes it. The step is always
     * complete (it is the last), so without this the step bar ticked it for a log nothing was reported of.
     */
    @Override
    public ReadOnlyBooleanProperty doneProperty() {
        return output.reportedProperty();
    }

    @Override
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding canExportProperty() {
        return canExport;
    }

    public BooleanBinding canCopyNoteProperty() {
        return canCopyNote;
    }

    public BooleanBinding canIncludeOnlySelectedProperty() {
        return canIncludeOnlySelected;
    }

    /** Whether the domains' All would tick one: not when all are. */
    public BooleanBinding canSelectAllDomainsProperty() {
        return scope.anyLeftOut();
    }

    /** Whether the domains' None would untick one: not when none is ticked. */
    public BooleanBinding canSelectNoDomainProperty() {
        return scope.anyChosen();
    }

    /** Whether the messages' All would include one: some message shown is left out. */
    public ReadOnlyBooleanProperty canIncludeAllShownProperty() {
        return selection.canIncludeAllShownProperty();
    }

    /** Whether the messages' None would leave one out: some message shown is included. */
    public ReadOnlyBooleanProperty canIncludeNoneShownProperty() {
        return selection.canIncludeNoneShownProperty();
    }

    /** Whether Only failing would change a choice: a failing message shown is left out or another one included. */
    public ReadOnlyBooleanProperty canIncludeOnlyFailingShownProperty() {
        return selection.canIncludeOnlyFailingShownProperty();
    }

    /** The message list's text when it is empty: still loading, no domain ticked, or nothing matching. */
    public ReadOnlyStringProperty emptyListTextProperty() {
        return emptyListText.getReadOnlyProperty();
    }

    /** Why the exports and the note are off, when the choice is the reason; empty otherwise. */
    public ReadOnlyStringProperty exportBlockedReasonProperty() {
        return exportBlockedReason.getReadOnlyProperty();
    }

    /**
     * A hint above the preview when the report is not clearly for one mail team: it names several domains, or the
     * default narrowed it to the domain of the message selected in Events. Empty when there is nothing to say.
     */
    public ReadOnlyStringProperty scopeHintProperty() {
        return scope.hintProperty();
    }

    /** The words of the hint's button that keeps one domain ("Only kund.se"); empty when it is not offered. */
    public ReadOnlyStringProperty keepOnlyTextProperty() {
        return scope.keepOnlyTextProperty();
    }

    /** The words of the hint's button that undoes the narrowing to one domain; empty when it is not offered. */
    public ReadOnlyStringProperty usualDomainsTextProperty() {
        return scope.usualDomainsTextProperty();
    }

    /** The domain highlighted in the list: "Only …" offers it when no message is selected in Events. */
    public ObjectProperty<DomainChoice> highlightedDomainProperty() {
        return scope.highlightedProperty();
    }

    /**
     * A new log is listed; otherwise, while the user has not chosen domains, they follow the default again: the
     * message selected in Events may have changed since the step was last shown.
     */
    @Override
    public void entered() {
        LogAnalysis analysis = session.analysis().orElse(null);
        if (analysis != null && analysis != loadedFrom) {
            load(analysis);
        } else if (analysis != null && !scope.chosenByUser()) {
            Set<String> before = scope.chosen();
            inBulk(scope::tickDefault);
            if (before.equals(scope.chosen())) {
                scope.describe();
                refreshPreview();
            } else {
                scopeChanged();
            }
        } else {
            refreshPreview();
        }
    }

    /** The hint's "Only …": ticks the one domain it names and unticks the others. */
    public void keepOnlyDomain() {
        Optional<String> keep = scope.keepOnlyOffer();
        if (keep.isEmpty()) {
            return;
        }
        inBulk(() -> scope.tickOnly(keep.get()));
        scopeChanged();
    }

    /** The hint's way back from the domain of the message selected in Events to the failing (or all) domains. */
    public void tickUsualDomains() {
        inBulk(scope::tickUsual);
        scopeChanged();
    }

    /**
     * Stops the preview and an export, the same for Cancel, leaving the step and closing the window. Making the
     * message list is left to finish: it is short, and its result is needed whenever the user comes back.
     */
    @Override
    public void cancelWork() {
        preview.cancel();
        output.cancel();
    }

    public void selectAllDomains(boolean on) {
        inBulk(() -> scope.tickAll(on));
        scopeChanged();
    }

    /** Includes ({@code true}) or leaves out every message shown. */
    public void includeShown(boolean on) {
        inBulk(() -> selection.includeShown(on));
        choicesChanged();
    }

    /** Includes the bounced and deferred messages shown and leaves out the others shown. */
    public void includeOnlyFailingShown() {
        inBulk(selection::includeOnlyFailingShown);
        choicesChanged();
    }

    /** The space bar on table rows: includes them all if any is left out, else leaves them all out. */
    public void toggle(List<MessageChoice> rows) {
        if (rows.isEmpty()) {
            return;
        }
        boolean on = rows.stream().anyMatch(m -> !m.included());
        inBulk(() -> rows.forEach(m -> m.includedProperty().set(on)));
        choicesChanged();
    }

    /**
     * Limits the report to the message selected on the Events step: its domain only, it alone chosen, and the list
     * searched for its Message ID Header so it is in view.
     */
    public void includeOnlySelected() {
        Optional<MessageChoice> found = messagesLoading.get() ? Optional.empty()
                : session.selectedMessage().map(MessageKey::of).flatMap(selection::find);
        if (found.isEmpty()) {
            return;
        }
        MessageChoice only = found.get();
        inBulk(() -> {
            scope.tickOnly(only.domain());
            if (!only.failing()) {
                problemsOnly.set(false);
            }
            selection.includeOnly(only);
        });
        scopeChanged();
    }

    /** Asks where to save and writes the report there in the background ({@link ExportTasks}). */
    public void export(ReportFormat format) {
        if (!canExport.get()) {
            return;
        }
        preview.built().ifPresent(built -> output.export(format, built));
    }

    /**
     * Copies the short, plain note for the recipient's mail team ({@link MailTeamNote}), in the report's language; only
     * the status line is in the app's.
     */
    public void copyNote() {
        preview.built().ifPresent(built -> output.copyNote(built.model()));
    }

    // ---- the message list

    /** A new log: its domains at once (failing ones chosen), its messages from a worker thread. */
    private void load(LogAnalysis analysis) {
        loadedFrom = analysis;
        loadTask.cancel();
        inBulk(() -> {
            scope.list(analysis);
            selection.clear();
        });
        messagesLoading.set(true);
        scopeChanged();
        loadTask = runner.run("report-messages", ctx -> MessageChoices.of(analysis, messages, choiceListener,
                ctx.cancellation()), new TaskListener<List<MessageChoice>>() {
            @Override
            public void succeeded(List<MessageChoice> value) {
                // The scope's filter is already set for these domains: the list is filtered once, as it arrives.
                selection.list(value);
                messagesLoading.set(false);
                choicesChanged();
            }

            @Override
            public void failed(Throwable error) {
                messagesLoading.set(false);
                loadedFrom = null;
                scopeChanged();
                preview.listFailed();
            }

            @Override
            public void cancelled() {
                messagesLoading.set(false);
            }
        });
    }

    private void describeSelectedInEvents() {
        selectedInEvents.set(session.selectedMessage().map(c -> messages.format("report.messages.onlySelected.tip",
                c.recipient(), c.messageIdHeader().isBlank() ? c.internalMessageId() : c.messageIdHeader()))
                .orElse(""));
    }

    private void inBulk(Runnable change) {
        bulk++;
        try {
            change.run();
        } finally {
            bulk--;
        }
    }

    /** Domains or the verdict filter changed: a new scope, new counts, a new preview. */
    private void scopeChanged() {
        Set<String> chosen = scope.chosen();
        selection.scope(chosen, problemsOnly.get());
        scope.addressees(chosen.size());
        scope.describe(chosen);
        selection.refilter();
        choicesChanged();
    }

    private void choicesChanged() {
        selection.count();
        refreshPreview();
    }

    // ---- the report

    /**
     * The options for the current choice, made on the worker from a snapshot taken here (a set of a hundred thousand
     * keys is worth keeping off the UI thread). The domains name the scope in the report's title block; the messages
     * are named one by one only when some in scope are left out or only failing ones are wanted, so a plain report
     * says nothing about a selection.
     */
    private Supplier<ReportOptions> options() {
        Set<String> chosen = scope.chosen();
        ReportOptions options = ReportOptions.defaults().withGeneratedAt(clock.instant()).withRedaction(redact.get())
                .withDomains(chosen).withLanguage(reportLanguage.get());
        if (!problemsOnly.get() && selection.allInScopeIncluded()) {
            return () -> options;
        }
        Supplier<Set<MessageKey>> keys = selection.includedKeys();
        return () -> options.withMessages(keys.get());
    }

    /**
     * Previews the current choice in the background (and builds the report every export and the note use), or says
     * why there is nothing to preview: {@link PreviewBuild}.
     */
    private void refreshPreview() {
        LogAnalysis analysis = session.analysis().orElse(null);
        if (analysis != null && analysis != loadedFrom) {
            // the domains and messages listed are another log's (or none yet): a preview would mix them with this log,
            // or be of the log replaced. Entering the step lists this one, and previews it then.
            preview.notOfThisLog();
            return;
        }
        String blocked = analysis == null ? "report.preview.noLog"
                : scope.noneChosen() ? "report.preview.noDomain"
                : messagesLoading.get() ? ""
                : selection.includedCountProperty().get() == 0 ? "report.preview.noMessage" : null;
        if (blocked == null) {
            Supplier<ReportOptions> options = options();
            var checks = session.checks();
            var files = session.logFiles();
            int limit = listLimit.limit();
            preview.build(() -> new BuildInputs(analysis, checks, options.get(), limit, files));
        } else if (blocked.isEmpty()) {
            preview.waitForList();
        } else {
            preview.blocked(messages.get(blocked));
        }
    }

    /**
     * A new log was read: the report, the note and the saved line of the old one are no longer this log's. Its preview
     * read as the new log's under the new log's counts ("Of the 124,952 messages" of the log before), and the
     * step bar ticked the step as done.
     */
    private void newLog() {
        // What may go out starts at its defaults again: redaction on (a report of the next log went out unredacted)
        // and every message, not only the failing ones (a log without failures showed "0 of 0" and no reason). The
        // language and list limit are how the user writes reports, not what a report of this log holds: they stay.
        inBulk(() -> {
            redact.set(true);
            problemsOnly.set(false);
        });
        preview.clear();
        output.newLog();
    }
}
