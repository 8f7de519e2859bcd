package org.mailpath.ui.events;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.collections.transformation.FilteredList;
import org.mailpath.engine.address.MixedScripts;
import org.mailpath.engine.analysis.DomainSummary;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.report.LogEvidence;
import org.mailpath.engine.report.ReportTexts;
import org.mailpath.engine.status.Category;
import org.mailpath.ui.common.DialogService;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.RunningTask;
import org.mailpath.ui.common.TaskListener;
import org.mailpath.ui.common.TaskRunner;
import org.mailpath.ui.common.WizardSession;
import org.mailpath.ui.common.WizardStep;

/**
 * Step 2: what happened to every message: cards, causes, events over time, a filterable table and a timeline.
 * <p>
 * The step ties its parts together: the cards ({@link SummaryCards}) and causes ({@link CauseCounts}) made at once, the
 * table's rows and the chart over time made on a worker ({@link TableJob}, {@link TimeCounts}), the search and
 * filters ({@link MessageFilter}) and the selected message's words ({@link DetailWording}).
 */
public final class EventsViewModel implements WizardStep {


    private static final System.Logger LOG = System.getLogger(EventsViewModel.class.getName());

    private final WizardSession session;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final Messages messages;
    private final TableJob tableJob;
    private final CauseCounts causeChart;
    private final DetailWording detailWording;
    /** Builds the table's rows and the chart on a worker: a log of 100,000 messages takes seconds. */
    private RunningTask loadTask = RunningTask.DONE;
    /**
     * What the analysis's other messages tell of a failed one (a likely typo of a delivered domain, a lookup failure
     * that came and went), found with the table's rows in their pass over the log, once per analysis: a message can
     * be selected only once its row is there. The report and {@code analyze} read the same, so the detail agrees.
     */
    private LogEvidence evidence = LogEvidence.none();
    /** What the detail pane shows of the selected message, as its properties say it: what "Copy details" copies. */
    private MessageDetail shownDetail = MessageDetail.NONE;

    private final ObservableList<SummaryCard> cards = FXCollections.observableArrayList();
    private final ObservableList<CauseCount> causes = FXCollections.observableArrayList();
    private final ObservableList<CauseBar> causeBars = FXCollections.observableArrayList();
    private final ObservableList<TimeBucket> timeBuckets = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<TimeAxis> timeAxis = new ReadOnlyObjectWrapper<>(this, "timeAxis",
            TimeAxis.NONE);
    private final ObservableList<MessageRow> rows = FXCollections.observableArrayList();
    private final FilteredList<MessageRow> visibleRows = new FilteredList<>(rows);
    private final ObservableList<DomainSummary> domains = FXCollections.observableArrayList();
    private final ObservableList<String> resultTexts = FXCollections.observableArrayList();
    private final ObservableList<String> causeTexts = FXCollections.observableArrayList();
    private final ObservableList<String> domainChoices = FXCollections.observableArrayList();
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObjectProperty<VerdictFilter> verdictFilter = new SimpleObjectProperty<>(this, "verdict", VerdictFilter.ALL);
    /** Empty string = every domain. */
    private final StringProperty domainFilter = new SimpleStringProperty(this, "domain", "");
    /** The causes (categories) to show; empty = every message, whatever its cause. */
    private final ObservableSet<Category> causeFilter = FXCollections.observableSet(EnumSet.noneOf(Category.class));
    private final ObservableList<Category> causeChoices = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper causeFilterText = new ReadOnlyStringWrapper("");
    private final ObjectProperty<MessageRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<TimelineEntry> timeline = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper remediation = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper actor = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper handOffNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper addressProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper guessNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper copied = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper rejectedNotice = new ReadOnlyStringWrapper("");
    /** What the table says when no message is shown (see {@link #noMatchTextProperty}). */
    private final ReadOnlyStringWrapper noMatchText = new ReadOnlyStringWrapper("");
    /** Why the chart over time is blank where the log has messages; empty otherwise. */
    private final ReadOnlyStringWrapper timeChartNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper complete = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canCopyMessageId;
    private final BooleanBinding canCopyDetails;
    private final BooleanBinding canClearFilters;

    public EventsViewModel(WizardSession session, TaskRunner runner, DialogService dialogs, Messages messages) {
        this.session = session;
        this.runner = runner;
        this.dialogs = dialogs;
        this.messages = messages;
        tableJob = new TableJob(messages);
        causeChart = new CauseCounts(messages);
        detailWording = new DetailWording(messages);
        canCopyMessageId = Bindings.createBooleanBinding(() -> selected.get() != null
                && DetailWording.hasMessageIdHeader(selected.get().chain()), selected);
        canCopyDetails = selected.isNotNull();
        // null counts as no filter, as in MessageFilter.of (a combo box may clear its value)
        canClearFilters = Bindings.createBooleanBinding(() -> !isNullOrEmpty(search.get())
                || (verdictFilter.get() != null && verdictFilter.get() != VerdictFilter.ALL)
                || !isNullOrEmpty(domainFilter.get()) || !causeFilter.isEmpty(),
                search, verdictFilter, domainFilter, causeFilter);
        complete.bind(session.analysisProperty().isNotNull());
        session.analysisProperty().addListener((o, a, b) -> load(session.analysis()));
        search.addListener(o -> refilter());
        verdictFilter.addListener(o -> refilter());
        domainFilter.addListener(o -> refilter());
        causeFilter.addListener((SetChangeListener<Category>) c -> refilter());
        selected.addListener((o, a, b) -> {
            copied.set("");
            showDetails(Optional.ofNullable(b));
            session.setSelectedMessage(b == null ? null : b.chain());
        });
        load(session.analysis());
    }

    // ---- properties

    public ObservableList<SummaryCard> cards() {
        return cards;
    }

    public ObservableList<CauseCount> causes() {
        return causes;
    }

    /**
     * The causes chart's bars: the {@value CauseCounts#CAUSE_BARS} most frequent causes and one bar for all the others,
     * so the bars add up to every bounce and deferral (a chart of the top five alone hid 10 of 23 failures).
     */
    public ObservableList<CauseBar> causeBars() {
        return causeBars;
    }

    public ObservableList<TimeBucket> timeBuckets() {
        return timeBuckets;
    }

    /** The chart's time axis: its start, its end and one bar's length; set before the buckets change. */
    public ReadOnlyObjectProperty<TimeAxis> timeAxisProperty() {
        return timeAxis.getReadOnlyProperty();
    }

    /** The messages that pass the search and filters. */
    public ObservableList<MessageRow> visibleRows() {
        return visibleRows;
    }

    public ObservableList<DomainSummary> domains() {
        return domains;
    }

    /**
     * The message table's Result texts of this log, each once, in the UI's language: what the Result column must fit
     * ("Delivered after 2 retries", "Endast mottaget"). Set with the table's rows.
     */
    public ObservableList<String> resultTexts() {
        return resultTexts;
    }

    /**
     * The message table's Cause texts of this log, each once, in the UI's language: all the Cause column can show,
     * so it need be no wider than the widest. Set with the table's rows, before them.
     */
    public ObservableList<String> causeTexts() {
        return causeTexts;
    }

    public ObservableList<String> domainChoices() {
        return domainChoices;
    }

    /** The causes found in this log, most frequent first: the choices of the cause filter. */
    public ObservableList<Category> causeChoices() {
        return causeChoices;
    }

    /** The causes whose messages are shown; empty shows every message. */
    public ObservableSet<Category> causeFilter() {
        return causeFilter;
    }

    /** What the cause filter shows when closed: "All causes", the one cause chosen, or how many. */
    public ReadOnlyStringProperty causeFilterTextProperty() {
        return causeFilterText.getReadOnlyProperty();
    }

    /** A cause in words, as in the table and the chart. */
    public String causeLabel(Category category) {
        return categoryLabel(category);
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<VerdictFilter> verdictFilterProperty() {
        return verdictFilter;
    }

    public StringProperty domainFilterProperty() {
        return domainFilter;
    }

    public ObjectProperty<MessageRow> selectedProperty() {
        return selected;
    }

    public ObservableList<TimelineEntry> timeline() {
        return timeline;
    }

    public ReadOnlyStringProperty explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty remediationProperty() {
        return remediation.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty actorProperty() {
        return actor.getReadOnlyProperty();
    }

    /** "Copied" once the selected message's ID or details are on the clipboard; empty otherwise. */
    public ReadOnlyStringProperty copiedProperty() {
        return copied.getReadOnlyProperty();
    }

    /** Non-empty for a delivered message: what to hand to the recipient's mail team. */
    public ReadOnlyStringProperty handOffNoteProperty() {
        return handOffNote.getReadOnlyProperty();
    }

    /** Non-empty when the recipient is not a valid mailbox, whatever the log says: why, in the user's language. */
    public ReadOnlyStringProperty addressProblemProperty() {
        return addressProblem.getReadOnlyProperty();
    }

    /**
     * "3 rows rejected as invalid: …" when the log had rows the reader rejected (they are in no count or list
     * here; the Import step lists them), else empty. The report's words ("rejected as invalid"), as Import's.
     */
    public ReadOnlyStringProperty rejectedNoticeProperty() {
        return rejectedNotice.getReadOnlyProperty();
    }

    /**
     * What the table says when no message passes the search and filters. Where the search is a whole Message ID
     * Header or address ({@link MessageFilter#looksWhole}) that no row of the log holds, whatever the other filters,
     * it adds what {@code analyze --message-id} says of such a message (cli.messageId.noRows): Salesforce did not
     * send it, and where to look (the log's window and filters, the Deliverability access level).
     */
    public ReadOnlyStringProperty noMatchTextProperty() {
        return noMatchText.getReadOnlyProperty();
    }

    /**
     * Why "Events over time" has no bars for a log that has messages: it counts deliveries, deferral attempts and
     * bounces (D, T, P), and a log of only R rows and hand-offs between Salesforce's servers has none to plot.
     */
    public ReadOnlyStringProperty timeChartNoteProperty() {
        return timeChartNote.getReadOnlyProperty();
    }

    /**
     * Non-empty for a message of logs that share no ID column whose count rests on a guess: its rows there were
     * joined by a best guess, or left apart, so it may be counted twice. The Import step's warnings count them; this
     * says which message is one.
     */
    public ReadOnlyStringProperty guessNoteProperty() {
        return guessNote.getReadOnlyProperty();
    }

    /** "Showing 12 of 340 messages". */
    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    /** True until a log with at least one message is loaded (the empty state). */
    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyBooleanProperty completeProperty() {
        return complete.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True while the message table and the chart are being built (the cards and causes are shown already). */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Some search text or filter is set. */
    public BooleanBinding canClearFiltersProperty() {
        return canClearFilters;
    }

    public BooleanBinding canCopyMessageIdProperty() {
        return canCopyMessageId;
    }

    public BooleanBinding canCopyDetailsProperty() {
        return canCopyDetails;
    }

    /** "Message ID Header: …" of {@code row}, or that the log has none, with the Internal Message ID standing in. */
    public String messageIdLine(MessageRow row) {
        return detailWording.messageIdLine(row.chain());
    }

    @Override
    public void cancelWork() {
        // Only the table and chart are built in the background, and the step shows them when the user comes
        // back: leaving the step does not stop that.
    }

    // ---- commands

    /** Puts the selected message's Message ID Header on the clipboard (what the recipient's mail team searches for). */
    public void copyMessageId() {
        if (canCopyMessageId.get()) {
            dialogs.copyToClipboard(selected.get().chain().messageIdHeader());
            copied.set(messages.get("events.detail.copied"));
        }
    }

    /** Puts the selected message's facts and timeline on the clipboard as plain text. */
    public void copyDetails() {
        MessageRow row = selected.get();
        if (row == null) {
            return;
        }
        dialogs.copyToClipboard(detailWording.plainText(row, shownDetail));
        copied.set(messages.get("events.detail.copied"));
    }

    /** Clicking a summary card filters the table to it. */
    public void showOnly(VerdictFilter filter) {
        verdictFilter.set(filter);
    }

    private static boolean isNullOrEmpty(String s) {
        return s == null || s.isEmpty();
    }

    public void clearFilters() {
        search.set("");
        verdictFilter.set(VerdictFilter.ALL);
        domainFilter.set("");
        causeFilter.clear();
    }

    // ---- building

    private void load(Optional<LogAnalysis> analysis) {
        selected.set(null);
        loadTask.cancel();
        evidence = LogEvidence.none();
        loading.set(false);
        timeAxis.set(TimeAxis.NONE);
        timeBuckets.clear();
        timeChartNote.set("");
        rows.clear();
        resultTexts.clear();
        causeTexts.clear();
        rejectedNotice.set(analysis.filter(a -> a.rejectedRows() > 0)
                .map(a -> messages.format("events.rejected", a.rejectedRows())).orElse(""));
        if (analysis.isEmpty()) {
            cards.clear();
            causes.clear();
            causeBars.clear();
            domains.clear();
            domainChoices.clear();
            empty.set(true);
            refilter();
            return;
        }
        LogAnalysis a = analysis.get();
        cards.setAll(SummaryCards.of(a, messages));
        causes.setAll(causeChart.causes(a));
        causeBars.setAll(causeChart.bars(causes));
        causeChoices.setAll(causes.stream().map(CauseCount::category).toList());
        domains.setAll(a.domains());
        List<String> names = new ArrayList<>();
        names.add("");
        a.domains().stream().map(DomainSummary::domain).forEach(names::add);
        domainChoices.setAll(names);
        empty.set(a.messages() == 0);
        clearFilters();
        loading.set(true);
        refilter();
        loadTask = runner.run("events-table", ctx -> tableJob.run(a, ctx), new TaskListener<TableAndChart>() {
            @Override
            public void succeeded(TableAndChart value) {
                loading.set(false);
                timeAxis.set(value.axis());
                timeBuckets.setAll(value.buckets());
                timeChartNote.set(value.buckets().isEmpty() && !value.rows().isEmpty()
                        ? messages.get("events.time.none") : "");
                resultTexts.setAll(value.resultTexts());
                causeTexts.setAll(value.causeTexts());
                evidence = value.evidence();
                // the list filters the new rows by the predicate in force (set on every change of the filters): only
                // the words about what is shown need saying again, not a second pass over every row
                rows.setAll(value.rows());
                sayWhatIsShown(currentFilter());
            }

            @Override
            public void failed(Throwable error) {
                // a bug: the cards and causes stay; the table says it could not be built
                LOG.log(System.Logger.Level.WARNING, "building the message table", error);
                loading.set(false);
                countText.set(messages.get("events.table.failed"));
            }
        });
    }

    /**
     * A recipient domain as the Domains tab and the domain filter show it: as the analysis groups it (one name for
     * bücher.de, xn--bcher-kva.de and bücher．de), with its ASCII form beside it when a label mixes scripts.
     */
    public static String shownDomain(String domain) {
        return MixedScripts.shown(domain);
    }

    private String categoryLabel(Category c) {
        return messages.category(c);
    }

    private MessageFilter currentFilter() {
        return MessageFilter.of(search.get(), verdictFilter.get(), domainFilter.get(), causeFilter);
    }

    private void refilter() {
        MessageFilter filter = currentFilter();
        visibleRows.setPredicate(filter::test);
        sayWhatIsShown(filter);
    }

    /** The count, the no-match note and the cause filter's label for the rows {@code filter} shows. */
    private void sayWhatIsShown(MessageFilter filter) {
        countText.set(loading.get() ? messages.get("events.table.loading")
                : messages.format("events.table.count", visibleRows.size(), rows.size()));
        String none = messages.get("events.table.none");
        noMatchText.set(filter.searchInNoRow(visibleRows, rows)
                ? none + " " + ReportTexts.of(messages.locale()).get("cli.messageId.noRows") : none);
        causeFilterText.set(switch (filter.causes().size()) {
            case 0 -> messages.get("events.filter.allCauses");
            case 1 -> categoryLabel(filter.causes().iterator().next());
            default -> messages.format("events.filter.someCauses", filter.causes().size());
        });
        if (selected.get() != null && !visibleRows.contains(selected.get())) {
            selected.set(null);
        }
    }

    private void showDetails(Optional<MessageRow> row) {
        // emptied first, then filled with the new message's words one by one (the timeline an entry at a time)
        timeline.clear();
        explanation.set("");
        remediation.set("");
        actor.set("");
        handOffNote.set("");
        addressProblem.set("");
        guessNote.set("");
        // the selected row is one of the session's analysis' chains (a new analysis clears the selection)
        shownDetail = row.map(r -> detailWording.of(r.chain(), session.analysis(), evidence))
                .orElse(MessageDetail.NONE);
        addressProblem.set(shownDetail.addressProblem());
        guessNote.set(shownDetail.guessNote());
        shownDetail.timeline().forEach(timeline::add);
        explanation.set(shownDetail.explanation());
        remediation.set(shownDetail.remediation());
        actor.set(shownDetail.actor());
        handOffNote.set(shownDetail.handOffNote());
    }
}
