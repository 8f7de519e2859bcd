package org.mailpath.ui.events;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
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
import org.mailpath.engine.analysis.ChainEvent;
import org.mailpath.engine.analysis.DomainSummary;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.analysis.Verdict;
import org.mailpath.engine.log.MailEvent;
import org.mailpath.engine.report.LikelyTypos;
import org.mailpath.engine.report.LogEvidence;
import org.mailpath.engine.report.PassingLookupFailures;
import org.mailpath.engine.report.NotYetHandedOn;
import org.mailpath.engine.report.ReportOptions;
import org.mailpath.engine.report.ReportTexts;
import org.mailpath.engine.status.Category;
import org.mailpath.engine.status.Diagnosis;
import org.mailpath.ui.common.DialogService;
import org.mailpath.ui.common.Formats;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.RunningTask;
import org.mailpath.ui.common.TaskListener;
import org.mailpath.ui.common.TaskRunner;
import org.mailpath.ui.common.WizardSession;
import org.mailpath.ui.common.WizardStep;

/** Step 2: what happened to every message: cards, causes, events over time, a filterable table and a timeline. */
public final class EventsViewModel implements WizardStep {


    private static final System.Logger LOG = System.getLogger(EventsViewModel.class.getName());

    private final WizardSession session;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final Messages messages;
    private final TableJob tableJob;
    private final CauseChart causeChart;
    /** Builds the table's rows and the chart on a worker: a log of 100,000 messages takes seconds. */
    private RunningTask loadTask = RunningTask.DONE;
    /**
     * What the analysis's other messages tell of a failed one (a likely typo of a delivered domain, a lookup failure
     * that came and went), found with the table's rows in their pass over the log, once per analysis: a message can
     * be selected only once its row is there. The report and {@code analyze} read the same, so the detail agrees.
     */
    private LogEvidence evidence = LogEvidence.none();

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
        causeChart = new CauseChart(messages);
        canCopyMessageId = Bindings.createBooleanBinding(() -> selected.get() != null
                && hasMessageIdHeader(selected.get().chain()), selected);
        canCopyDetails = selected.isNotNull();
        // null counts as no filter, as in refilter (a combo box may clear its value)
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
     * The causes chart's bars: the {@value CauseChart#CAUSE_BARS} most frequent causes and one bar for all the others, so the
     * bars add up to every bounce and deferral (a chart of the top five alone hid 10 of 23 failures).
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
     * Header or address ({@link #looksWhole}) that no row of the log holds, whatever the other filters, it adds what
     * {@code analyze --message-id} says of such a message (cli.messageId.noRows): Salesforce did not send it, and
     * where to look (the log's window and filters, the Deliverability access level).
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
        MessageChain c = row.chain();
        return hasMessageIdHeader(c) ? messages.get("events.detail.messageId") + ": " + c.messageIdHeader()
                : messages.format("events.detail.noMessageId", c.internalMessageId());
    }

    /** A message of a log without the Message ID Header column has none (its Internal Message ID stands in). */
    private static boolean hasMessageIdHeader(MessageChain c) {
        return !c.messageIdHeader().isBlank();
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
        StringBuilder sb = new StringBuilder();
        MessageChain c = row.chain();
        sb.append(messages.get("events.detail.recipient")).append(": ").append(c.recipient()).append('\n');
        sb.append(messages.get("events.detail.sender")).append(": ").append(c.sender()).append('\n');
        sb.append(messageIdLine(row)).append('\n');
        sb.append(messages.get("events.detail.verdict")).append(": ").append(row.verdict()).append('\n');
        for (String note : List.of(addressProblem.get(), guessNote.get())) {
            if (!note.isEmpty()) {
                sb.append(note).append('\n');
            }
        }
        for (TimelineEntry e : timeline) {
            sb.append(e.time()).append("  ").append(e.title());
            for (String part : List.of(e.stage(), e.relay(), e.tls(), e.status())) {
                if (!part.isEmpty()) {
                    sb.append(" | ").append(part);
                }
            }
            sb.append('\n');
        }
        if (!explanation.get().isEmpty()) {
            sb.append(explanation.get()).append('\n').append(remediation.get()).append('\n');
        }
        dialogs.copyToClipboard(sb.toString());
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
                rows.setAll(value.rows());
                refilter();
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

    private void refilter() {
        // a Message ID Header pasted as written in mail headers, <id@host>, matches the log's (which may omit them)
        String needle = search.get() == null ? "" : ReportOptions.messageIdKey(search.get());
        VerdictFilter filter = verdictFilter.get() == null ? VerdictFilter.ALL : verdictFilter.get();
        String domain = domainFilter.get() == null ? "" : domainFilter.get();
        Set<Category> causesShown = causeFilter.isEmpty() ? Set.of() : EnumSet.copyOf(causeFilter);
        visibleRows.setPredicate(row -> filter.test(row.chain())
                && (domain.isEmpty() || domain.equals(row.chain().recipientDomain()))
                && (causesShown.isEmpty() || row.chain().category().filter(causesShown::contains).isPresent())
                && (needle.isEmpty() || matches(row, needle)));
        countText.set(loading.get() ? messages.get("events.table.loading")
                : messages.format("events.table.count", visibleRows.size(), rows.size()));
        String none = messages.get("events.table.none");
        noMatchText.set(visibleRows.isEmpty() && !rows.isEmpty() && looksWhole(needle)
                && rows.stream().noneMatch(r -> matches(r, needle))
                ? none + " " + ReportTexts.of(messages.locale()).get("cli.messageId.noRows") : none);
        causeFilterText.set(switch (causesShown.size()) {
            case 0 -> messages.get("events.filter.allCauses");
            case 1 -> categoryLabel(causesShown.iterator().next());
            default -> messages.format("events.filter.someCauses", causesShown.size());
        });
        if (selected.get() != null && !visibleRows.contains(selected.get())) {
            selected.set(null);
        }
    }

    /**
     * Whether the search text (its angle brackets taken off) is a whole Message ID Header or email address rather
     * than a part of one: something@a.b.
     */
    static boolean looksWhole(String needle) {
        return WHOLE_ID_OR_ADDRESS.matcher(needle).matches();
    }

    private static final Pattern WHOLE_ID_OR_ADDRESS =
            Pattern.compile("[^\\s@<>]+@[^\\s@<>.]+(\\.[^\\s@<>.]+)+");

    private static boolean matches(MessageRow row, String needle) {
        MessageChain c = row.chain();
        return contains(c.recipient(), needle) || contains(c.sender(), needle) || contains(c.messageIdHeader(), needle)
                || contains(c.internalMessageId(), needle) || contains(c.status(), needle)
                || contains(row.cause(), needle) || contains(row.verdict(), needle);
    }

    private static boolean contains(String haystack, String needle) {
        return haystack != null && haystack.toLowerCase(Locale.ROOT).contains(needle);
    }

    private void showDetails(Optional<MessageRow> row) {
        timeline.clear();
        explanation.set("");
        remediation.set("");
        actor.set("");
        handOffNote.set("");
        addressProblem.set("");
        guessNote.set("");
        if (row.isEmpty()) {
            return;
        }
        MessageChain c = row.get().chain();
        c.addressProblem().ifPresent(p -> addressProblem.set(messages.format("events.detail.addressProblem",
                p.in(messages.locale()))));
        // the selected row is one of the session's analysis' chains (a new analysis clears the selection)
        session.analysis().flatMap(a -> a.unsharedIdGuess(c)).ifPresent(g -> guessNote.set(messages.get(switch (g) {
            case JOINED -> "events.detail.joinedByGuess";
            case LEFT_APART -> "events.detail.maybeCountedTwice";
        })));
        for (ChainEvent e : c.events()) {
            timeline.add(entry(e));
        }
        Optional<Diagnosis> diagnosis = c.diagnosis();
        diagnosis.ifPresent(d -> {
            // the report's words in the UI's language where the log's other messages say more than the reply
            ReportTexts texts = ReportTexts.of(messages.locale());
            // a Domain Lookup Failed between answers of the domain's servers came and went: the reply's "it does not
            // exist" would not be true of it (PassingLookupFailures, never a stale chain's)
            boolean passed = evidence.passing().passed(c);
            explanation.set(passed ? texts.get("lookupFailed.passing.meaning")
                    : c.explanation(messages.locale()).orElse(""));
            // a stale deferral's reply may say "Salesforce retries": it no longer does, and the outcome is missing
            // a deferral has its own words where a bounce's "resend later" would risk a duplicate
            String advice = c.stale() ? staleNote(c) : passed ? texts.get("lookupFailed.passing.remediation")
                    : c.remediation(messages.locale()).orElse("");
            // a domain one typing slip from one this log delivered to: the one likely meant, as the report and
            // analyze say it (LikelyTypos), also after a lookup failure that came and went: who acts names the typo
            // first for it too
            Optional<String> intended = evidence.typos().intended(c);
            remediation.set(intended.filter(i -> !advice.isEmpty())
                    .map(i -> advice + " " + texts.format("typo.note", c.recipientDomain(), i)).orElse(advice));
            // who acts asks of the typo before the passing failure, as the report's rule does (DomainFacts.actor)
            actor.set(messages.format("events.detail.actor", actorText(c, d, intended.isPresent(), passed)));
        });
        if (c.verdict() == Verdict.RECEIVED_ONLY && diagnosis.isEmpty()) {
            receivedOnlyNote(c);
        }
        if (c.verdict() == Verdict.DELIVERED) {
            // a DELIVERED chain's outcome is its last external D
            ChainEvent delivery = c.outcome().orElse(c.events().getLast());
            String server = delivery.relayHost().isEmpty() ? delivery.relayAddress() : delivery.relayHost();
            handOffNote.set(messages.format("events.detail.handOff", server.isEmpty() ? "?" : server,
                    Formats.time(delivery.time())));
        }
    }

    /**
     * Who acts on what is shown, as the report and {@code analyze} name them, asked in the order of their one rule
     * (DomainFacts.actor in engine.report): a likely typo ({@link LikelyTypos#firstActor}) is yours to check first,
     * and if the address is right, the side's that stopped it, as the report's cause row names both in that order;
     * then a lookup failure that came and went is yours to send again and their name servers' that stopped it
     * ({@link PassingLookupFailures#ACTOR}, {@link PassingLookupFailures#STOPPED_BY}); the stale note asks you for a
     * log that covers the outcome. A message both a likely typo and a passing failure was named by its passing
     * failure here while the report named the typo first.
     */
    private String actorText(MessageChain c, Diagnosis d, boolean likelyTypo, boolean passedLookup) {
        if (likelyTypo) {
            // what stopped it as the report has it: a passing failure's name servers, else the reply's side
            Optional<Actor> stoppedBy = passedLookup ? Optional.of(PassingLookupFailures.STOPPED_BY) : c.stoppedBy();
            return stoppedBy.filter(a -> a == Actor.RECIPIENT_MAIL_TEAM).isPresent()
                    ? messages.get("events.detail.actor.likelyTypo")
                    : messages.get("actor." + Actor.SENDER_ADMIN.name());
        }
        if (passedLookup) {
            return messages.get("events.detail.actor.passingLookup");
        }
        // deferrals that lasted until Salesforce gave up: you send it again, but what stopped it lies with the
        // recipient's servers (MessageChain.stoppedBy), both named as the report names them
        if (c.deferredUntilExpiry()) {
            return messages.get("events.detail.actor.stoppedByRecipient");
        }
        Actor who = c.stale() ? Actor.SENDER_ADMIN : c.actor().orElse(d.actor());
        return messages.get("actor." + who.name());
    }

    /**
     * A message with only R rows (and hand-offs between Salesforce's servers): the case of "your email never reached
     * us". It has no reply to diagnose, so the pane says what the log shows and what can be done: it may still have
     * been queued when the log ends, or the log ends too early (an R-only chain is "still queued or outside the
     * window"). The log's end is named, as that is what a later log must run beyond. One whose last row is more than 24
     * hours before the log's end (staleReceived) is past the time Salesforce delivers or bounces in: as for a stale
     * deferral, the log may be cut off or miss its outcome rows.
     */
    private void receivedOnlyNote(MessageChain c) {
        // the log's end; a received-only chain has its R at least, so its own last event stands in without a log
        String end = session.analysis().flatMap(LogAnalysis::lastEvent)
                .or(() -> c.events().stream().map(ChainEvent::time).reduce((a, b) -> b))
                .map(Formats::time).orElse("");
        // the words analyze gives too (NotYetHandedOn), in the UI's language
        ReportTexts texts = ReportTexts.of(messages.locale());
        explanation.set(NotYetHandedOn.meaning(texts));
        if (c.staleReceived()) {
            // more than 24 hours before the log's end: not still queued, the log misses its outcome rows. In the
            // report's words (receivedOnly.stale of the report's texts), with the times this view shows
            String last = c.events().isEmpty() ? "" : Formats.time(c.events().getLast().time());
            remediation.set(messages.format("events.detail.receivedOnly.noLaterRow", last, end));
        } else {
            remediation.set(NotYetHandedOn.advice(c, texts, end).orElse(""));
        }
        actor.set(messages.format("events.detail.actor", messages.get("actor." + Actor.SENDER_ADMIN.name())));
    }

    private String staleNote(MessageChain c) {
        ChainEvent lastDeferral = c.events().stream().filter(e -> e.event() == MailEvent.TRANSIENT_FAILURE)
                .reduce((first, second) -> second).orElse(c.events().getLast());
        return messages.format("events.detail.stale", Formats.time(lastDeferral.time()));
    }

    private TimelineEntry entry(ChainEvent e) {
        String title = messages.get("events.timeline." + e.event().name());
        if (e.internalHandoff()) {
            title = messages.get("events.timeline.HANDOFF");
        }
        String relay = e.relayHost().isEmpty() ? e.relayAddress()
                : e.relayAddress().isEmpty() ? e.relayHost() : e.relayHost() + " [" + e.relayAddress() + "]";
        String tls = "";
        if (e.event() == MailEvent.DELIVERED && !e.internalHandoff()) {
            String cipher = e.tlsCipher().strip();
            tls = cipher.isEmpty() || ":".equals(cipher)
                    ? messages.get("events.timeline.noTls")
                    : messages.format("events.timeline.tls", cipher,
                            e.tlsVerified().isBlank() ? "" : " (" + e.tlsVerified().strip() + ")");
        }
        String stage = e.deliveryStage().isEmpty() ? "" : e.deliveryStage();
        if (e.retryCount() > 0) {
            stage = stage.isEmpty() ? messages.format("events.timeline.retry", e.retryCount())
                    : stage + " · " + messages.format("events.timeline.retry", e.retryCount());
        }
        return new TimelineEntry(e.event(), String.valueOf(EventSigns.of(e)), title, Formats.time(e.time()), stage, relay, tls, e.status());
    }
}
