package org.mailpath.ui.dkim;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.mailpath.engine.address.IdnaNames;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.dkim.DkimSelectorReport;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.ui.common.DialogService;
import org.mailpath.ui.common.DkimCoverage;
import org.mailpath.ui.common.DkimResult;
import org.mailpath.ui.common.FailureWords;
import org.mailpath.ui.common.DomainNames;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.PrefillFromLog;
import org.mailpath.ui.common.RunningTask;
import org.mailpath.ui.common.SendingDomain;
import org.mailpath.ui.common.SettingsStore;
import org.mailpath.ui.common.TaskListener;
import org.mailpath.ui.common.TaskRunner;
import org.mailpath.ui.common.WizardSession;
import org.mailpath.ui.common.WizardStep;

/** Step 4: the sending domain's DKIM selectors, each one's state and key, and the exact CNAMEs to publish. */
public final class DkimViewModel implements WizardStep {

    /** Shared with the DNS checks step, which passes them to its DKIM check. */
    public static final String SELECTORS_KEY = "dkim.selectors";

    /** The designed states of the screen. */
    public enum State { EMPTY, READY, RUNNING, DONE, FAILED }

    private final DkimInspection inspection;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final SettingsStore settings;
    private final WizardSession session;
    private final Messages messages;
    private final CheckOptions baseOptions;

    private final StringProperty domain = new SimpleStringProperty(this, "domain", "");
    private final StringProperty selectors = new SimpleStringProperty(this, "selectors", "");
    private final ObservableList<SelectorRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.EMPTY);
    private final ReadOnlyStringWrapper errorText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper coverage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper covered = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper complete = new ReadOnlyBooleanWrapper(true);
    /** The step may be skipped (complete from the start); it is done once a lookup finished for the open log. */
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(false);
    /** What the report lacks of DKIM when this step is skipped, by what the DNS checks covered. */
    private final ReadOnlyStringWrapper reportNotice = new ReadOnlyStringWrapper("");
    private final BooleanBinding canInspect;
    private final BooleanBinding canCancel;
    private final BooleanBinding canCopyRecords;

    /** The sending domain of the open log, found when the step is entered. */
    private final PrefillFromLog<Optional<String>> prefill;

    private RunningTask task = RunningTask.DONE;

    public DkimViewModel(DkimInspection inspection, TaskRunner runner, DialogService dialogs, SettingsStore settings,
                         WizardSession session, Messages messages, CheckOptions baseOptions) {
        this.inspection = inspection;
        this.runner = runner;
        this.dialogs = dialogs;
        this.settings = settings;
        this.session = session;
        this.messages = messages;
        this.baseOptions = baseOptions;
        this.prefill = new PrefillFromLog<>(runner, "dkim-prefill", "finding the sending domain", SendingDomain::of);
        selectors.set(settings.get(SELECTORS_KEY).orElse(String.join(", ", baseOptions.dkimSelectors())));
        canInspect = Bindings.createBooleanBinding(() -> !busy.get() && DomainNames.normalize(domain.get()).isPresent()
                && !selectorList().isEmpty(), busy, domain, selectors);
        canCancel = Bindings.createBooleanBinding(busy::get, busy);
        canCopyRecords = Bindings.createBooleanBinding(() -> rows.stream().anyMatch(r -> !r.recordsToPublish().isEmpty()), rows);
        domain.addListener(o -> refreshIdle());
        selectors.addListener(o -> refreshIdle());
        for (Observable o : List.of(domain, selectors, session.dkimCoverageProperty(),
                session.analysisProperty())) {
            o.addListener(x -> refreshCoverage());
        }
        refreshCoverage();
        // a new log: the lookup was made for the one before, and is not this log's work
        session.analysisProperty().addListener((o, before, now) -> done.set(false));
    }

    public StringProperty domainProperty() {
        return domain;
    }

    /** Selector names as typed: "sf1, sf2" (Salesforce Setup → DKIM Keys shows them). */
    public StringProperty selectorsProperty() {
        return selectors;
    }

    public ObservableList<SelectorRow> rows() {
        return rows;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorTextProperty() {
        return errorText.getReadOnlyProperty();
    }

    /**
     * How many of the selectors are in order, the verb agreeing with that count ("1 of 2 selectors is in order"); a
     * single selector in words of its own, where "0 of 1 selector" would need the plural verb after a singular noun.
     */
    static String summaryText(Messages messages, long good, int total) {
        return total == 1 ? messages.format("dkim.summary.one", good) : messages.format("dkim.summary", good, total);
    }

    /**
     * As {@link #summaryText(Messages, long, int)}, and how many selectors this computer's network kept from being
     * looked up: when none could be, that they were not checked (offline it said "0 of 2 selectors are in order", as
     * if both were at fault), else beside how many are in order.
     */
    static String summaryText(Messages messages, long good, long notChecked, int total) {
        if (notChecked == 0) {
            return summaryText(messages, good, total);
        }
        return notChecked == total ? messages.format("dkim.summary.notChecked", total)
                : messages.format("dkim.summary.someNotChecked", good, total, notChecked);
    }

    /**
     * Whether the DNS checks (step 3) cover the domain's DKIM, and what that means for the selectors looked up here:
     * whether their results take the place of the checks' in the checks and the report, or reach neither. Empty while
     * no usable domain is given.
     */
    public ReadOnlyStringProperty coverageProperty() {
        return coverage.getReadOnlyProperty();
    }

    /** True when the checks, and so the report, hold the domain's DKIM; false when they say nothing usable of it. */
    public ReadOnlyBooleanProperty coveredProperty() {
        return covered.getReadOnlyProperty();
    }

    private void refreshCoverage() {
        reportNotice.set(reportNoticeText(messages, session.dkimCoverage()));
        Optional<String> d = DomainNames.normalize(domain.get());
        if (d.isEmpty()) {
            coverage.set("");
            covered.set(false);
            return;
        }
        DkimCoverage c = session.dkimCoverage();
        Optional<DkimCoverage.Outcome> outcome = c.of(d.get());
        covered.set(outcome.filter(o -> o == DkimCoverage.Outcome.CHECKED).isPresent());
        coverage.set(coverageText(messages, d.get(), c.ran(), outcome, c.selectors(), c.byLookup(), selectorList()));
    }

    /**
     * The coverage in words: not run; run without checking this domain's DKIM (it was not the checks' sending domain);
     * stopped before its DKIM check ended; unanswered on this network; or checked, with the selectors shown here, with
     * others, or with none. Selectors a lookup here put in the checks' place ({@code byLookup}) are said to be this
     * step's: the checks themselves may have run without any, and where this network left that lookup unanswered, it
     * is the lookup that could not check the domain, not the checks.
     */
    static String coverageText(Messages messages, String domain, boolean ran,
                               Optional<DkimCoverage.Outcome> outcome, List<String> checkedSelectors,
                               boolean byLookup, List<String> shownSelectors) {
        if (!ran) {
            return messages.format("dkim.coverage.notRun", domain);
        }
        if (outcome.isEmpty()) {
            return messages.format("dkim.coverage.notAsked", domain);
        }
        boolean theseSelectors = Set.copyOf(checkedSelectors).equals(Set.copyOf(shownSelectors));
        return switch (outcome.get()) {
            case NOT_FINISHED -> messages.format("dkim.coverage.notFinished", domain);
            // a lookup here that went unanswered stands in step 3 now: it is what failed, not the checks' own
            case NOT_FROM_THIS_NETWORK -> !byLookup ? messages.format("dkim.coverage.network", domain)
                    : messages.format(theseSelectors ? "dkim.coverage.lookupNetwork"
                            : "dkim.coverage.otherLookupNetwork", domain, String.join(", ", checkedSelectors));
            case CHECKED -> checkedSelectors.isEmpty() ? messages.format("dkim.coverage.noSelector", domain)
                    : messages.format(coverageKey(byLookup, theseSelectors), domain,
                            String.join(", ", checkedSelectors));
        };
    }

    private static String coverageKey(boolean byLookup, boolean theseSelectors) {
        if (byLookup) {
            return theseSelectors ? "dkim.coverage.lookup" : "dkim.coverage.otherLookup";
        }
        return theseSelectors ? "dkim.coverage.checked" : "dkim.coverage.otherSelectors";
    }

    /**
     * What the report lacks when this step is skipped, for the Report step: it follows what the DNS checks covered, as
     * their DKIM check looked up the selectors saved in the settings. Where it checked a domain's DKIM with them, the
     * report holds those findings, and the notice names the selectors instead of saying none were looked up; where
     * nothing looked them up (checks not run, stopped before DKIM, unanswered on this network, no selector), it says so.
     */
    @Override
    public ReadOnlyStringProperty reportNoticeProperty() {
        return reportNotice.getReadOnlyProperty();
    }

    static String reportNoticeText(Messages messages, DkimCoverage coverage) {
        List<String> checked = coverage.domains().entrySet().stream()
                .filter(e -> e.getValue() == DkimCoverage.Outcome.CHECKED).map(e -> IdnaNames.toUnicode(e.getKey())).sorted()
                .toList();
        return checked.isEmpty() || coverage.selectors().isEmpty() ? messages.get("wizard.step.dkim.skipped")
                : messages.format("wizard.step.dkim.checkedByDns", String.join(", ", checked),
                        String.join(", ", coverage.selectors()));
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyBooleanProperty completeProperty() {
        return complete.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding canInspectProperty() {
        return canInspect;
    }

    public BooleanBinding canCancelProperty() {
        return canCancel;
    }

    public BooleanBinding canCopyRecordsProperty() {
        return canCopyRecords;
    }

    @Override
    public void entered() {
        // a domain typed while the log is read stays
        String before = domain.get();
        prefill.enter(session.analysis(), busy.get(), this::forgetTheLookup, found -> {
            if (Objects.equals(domain.get(), before)) {
                found.ifPresent(domain::set);
            }
        });
    }

    /**
     * A new log: every result of the lookup for the log before goes, its rows, its summary and its error, and the DONE
     * or FAILED state that showed them ("None of the 2 selectors could be checked" stayed under a new log).
     */
    private void forgetTheLookup() {
        rows.clear();
        summary.set("");
        errorText.set("");
        state.set(State.EMPTY);
        refreshIdle();
    }

    public List<String> selectorList() {
        String text = selectors.get() == null ? "" : selectors.get();
        return Arrays.stream(text.split("[,;\\s]+")).map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** Looks the selectors up in the background. */
    public void inspect() {
        if (!canInspect.get()) {
            return;
        }
        String d = DomainNames.normalize(domain.get()).orElseThrow();
        List<String> list = selectorList();
        settings.put(SELECTORS_KEY, String.join(", ", list));
        CheckOptions options = new CheckOptions(resolvers(), baseOptions.dnsPort(), timeout(), baseOptions.ip(), list,
                baseOptions.blocklistZones());
        busy.set(true);
        errorText.set("");
        state.set(State.RUNNING);
        LogAnalysis lookedUpFor = session.analysis().orElse(null);
        task = runner.run("dkim", ctx -> inspection.inspect(d, list, options, ctx.cancellation()),
                new TaskListener<List<DkimSelectorReport>>() {
                    @Override
                    public void succeeded(List<DkimSelectorReport> reports) {
                        busy.set(false);
                        rows.setAll(reports.stream().map(DkimViewModel.this::row).toList());
                        long good = rows.stream().filter(SelectorRow::good).count();
                        long notChecked = rows.stream().filter(SelectorRow::notChecked).count();
                        summary.set(summaryText(messages, good, notChecked, rows.size()));
                        // the DNS checks step and the report take these in place of the domain's DKIM findings
                        session.setDkimResult(new DkimResult(d, list, DkimSelectorReport.findingsOf(reports)));
                        // done for the log that was open when the lookup began, not for one opened while it ran
                        done.set(session.analysis().orElse(null) == lookedUpFor);
                        state.set(State.DONE);
                    }

                    @Override
                    public void failed(Throwable error) {
                        busy.set(false);
                        errorText.set(messages.format("dkim.error", FailureWords.reason(error, messages)));
                        state.set(State.FAILED);
                    }

                    @Override
                    public void cancelled() {
                        busy.set(false);
                        state.set(rows.isEmpty() ? State.READY : State.DONE);
                    }
                });
    }

    public void cancel() {
        task.cancel();
    }

    @Override
    public void cancelWork() {
        cancel();
        prefill.cancel();
    }

    /** Copies every record to publish, one zone-file line each, ready for the DNS provider. */
    public void copyRecords() {
        String text = rows.stream().flatMap(r -> r.recordsToPublish().stream()).distinct()
                .reduce((a, b) -> a + "\n" + b).orElse("");
        if (!text.isEmpty()) {
            dialogs.copyToClipboard(text + "\n");
        }
    }

    private List<String> resolvers() {
        return settings.get("dns.resolvers").filter(s -> !s.isBlank())
                .flatMap(DomainNames::resolvers).orElse(baseOptions.resolvers());
    }

    private Duration timeout() {
        return settings.get("dns.timeoutSeconds").map(s -> {
            try {
                return Duration.ofSeconds(Math.max(1, Integer.parseInt(s.strip())));
            } catch (NumberFormatException e) {
                return baseOptions.timeout();
            }
        }).orElse(baseOptions.timeout());
    }

    private void refreshIdle() {
        if (!busy.get() && (state.get() == State.EMPTY || state.get() == State.READY)) {
            state.set(canInspect.get() ? State.READY : State.EMPTY);
        }
    }

    private SelectorRow row(DkimSelectorReport r) {
        String key = r.keyType().map(t -> t.toUpperCase(Locale.ROOT)).map(t -> r.keyBits().isPresent()
                ? messages.format("dkim.key.bits", t, r.keyBits().getAsInt()) : t).orElse("");
        if (r.testing()) {
            key = key.isEmpty() ? messages.get("dkim.key.testing") : key + " · " + messages.get("dkim.key.testing");
        }
        // a selector in order says it in its key and CNAME lines: DKIM_OK's sentence would repeat both
        boolean keyShown = !key.isEmpty();
        List<Finding> said = r.findings().stream().filter(f -> !(keyShown && f.severity() == Severity.OK)).toList();
        // a lookup this network's resolver failed is "Not checked", as step 3 and the report call it; its finding
        // on the card says why
        String stateText = SelectorRow.notChecked(r.state(), said) ? messages.get("dkim.notChecked")
                : messages.get("dkim.state." + r.state().name());
        return new SelectorRow(r.selector(), r.name(), r.state(), stateText, key, r.cnameTarget().orElse(""),
                r.recordsToPublish(), said);
    }

    Optional<SelectorRow> find(String selector) {
        return rows.stream().filter(r -> r.selector().equals(selector)).findFirst();
    }
}
