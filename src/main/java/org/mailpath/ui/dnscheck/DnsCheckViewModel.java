package org.mailpath.ui.dnscheck;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.analysis.Verdict;
import org.mailpath.engine.check.CheckKind;
import org.mailpath.engine.check.CheckListener;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.check.CheckReport;
import org.mailpath.engine.check.CheckRequest;
import org.mailpath.engine.check.DomainCheckResult;
import org.mailpath.engine.check.DomainChecker;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.ui.common.DialogService;
import org.mailpath.ui.common.DomainNames;
import org.mailpath.ui.common.SendingDomain;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.RunningTask;
import org.mailpath.ui.common.SettingsStore;
import org.mailpath.ui.common.TaskListener;
import org.mailpath.ui.common.TaskRunner;
import org.mailpath.ui.common.WizardSession;
import org.mailpath.ui.common.WizardStep;

/**
 * Step 3: the domains to check (pre-filled from the failing recipients and the sending domain), resolver
 * settings, and a live row per check while every check runs concurrently.
 */
public final class DnsCheckViewModel implements WizardStep {

    static final String RESOLVERS_KEY = "dns.resolvers";
    static final String TIMEOUT_KEY = "dns.timeoutSeconds";
    /** Written by the DKIM step. */
    static final String DKIM_SELECTORS_KEY = "dkim.selectors";
    private static final int MAX_PREFILLED = 8;

    private final DomainChecker checker;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final SettingsStore settings;
    private final WizardSession session;
    private final Messages messages;
    private final CheckOptions baseOptions;

    private final ObservableList<String> recipientDomains = FXCollections.observableArrayList();
    private final StringProperty senderDomain = new SimpleStringProperty(this, "sender", "");
    private final StringProperty newDomain = new SimpleStringProperty(this, "newDomain", "");
    private final StringProperty resolvers = new SimpleStringProperty(this, "resolvers", "");
    private final IntegerProperty timeoutSeconds = new SimpleIntegerProperty(this, "timeout", 3);
    private final ObservableList<CheckRow> rows = FXCollections.observableArrayList();
    private final ObservableList<FindingGroup> groups = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ChecksState> state = new ReadOnlyObjectWrapper<>(ChecksState.EMPTY);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper errorText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper resolverProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper complete = new ReadOnlyBooleanWrapper(true);
    private final BooleanBinding canRun;
    private final BooleanBinding canCancel;
    private final BooleanBinding canAddDomain;
    private final BooleanBinding canCopyFindings;

    private RunningTask task = RunningTask.DONE;
    private LogAnalysis prefilledFrom;

    public DnsCheckViewModel(DomainChecker checker, TaskRunner runner, DialogService dialogs, SettingsStore settings,
                             WizardSession session, Messages messages, CheckOptions baseOptions) {
        this.checker = checker;
        this.runner = runner;
        this.dialogs = dialogs;
        this.settings = settings;
        this.session = session;
        this.messages = messages;
        this.baseOptions = baseOptions;
        resolvers.set(settings.get(RESOLVERS_KEY).orElse(String.join(", ", baseOptions.resolvers())));
        timeoutSeconds.set(settings.get(TIMEOUT_KEY).map(DnsCheckViewModel::parseTimeout)
                .orElse((int) Math.max(1, baseOptions.timeout().toSeconds())));
        resolvers.addListener((o, a, b) -> resolverProblem.set(
                DomainNames.resolvers(b).isPresent() ? "" : messages.get("dns.resolvers.invalid")));
        canAddDomain = Bindings.createBooleanBinding(() -> DomainNames.normalize(newDomain.get())
                .filter(d -> !recipientDomains.contains(d)).isPresent(), newDomain, recipientDomains);
        canRun = Bindings.createBooleanBinding(() -> !busy.get() && hasTargets() && resolverProblem.get().isEmpty(),
                busy, recipientDomains, senderDomain, resolverProblem);
        canCancel = Bindings.createBooleanBinding(busy::get, busy);
        canCopyFindings = Bindings.isNotEmpty(groups);
        recipientDomains.addListener((javafx.collections.ListChangeListener<String>) c -> refreshIdleState());
        senderDomain.addListener(o -> refreshIdleState());
    }

    private static int parseTimeout(String s) {
        try {
            return Math.max(1, Math.min(30, Integer.parseInt(s.strip())));
        } catch (NumberFormatException e) {
            return 3;
        }
    }

    // ---- properties

    public ObservableList<String> recipientDomains() {
        return recipientDomains;
    }

    /** The sending domain (checked for SPF, DKIM, DMARC, PTR); empty = do not check it. */
    public StringProperty senderDomainProperty() {
        return senderDomain;
    }

    public StringProperty newDomainProperty() {
        return newDomain;
    }

    /** "HOST[:PORT], …"; empty = the computer's own resolvers. */
    public StringProperty resolversProperty() {
        return resolvers;
    }

    public IntegerProperty timeoutSecondsProperty() {
        return timeoutSeconds;
    }

    public ReadOnlyStringProperty resolverProblemProperty() {
        return resolverProblem.getReadOnlyProperty();
    }

    public ObservableList<CheckRow> rows() {
        return rows;
    }

    public ObservableList<FindingGroup> groups() {
        return groups;
    }

    public ReadOnlyObjectProperty<ChecksState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorTextProperty() {
        return errorText.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyBooleanProperty completeProperty() {
        return complete.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding canRunProperty() {
        return canRun;
    }

    public BooleanBinding canCancelProperty() {
        return canCancel;
    }

    public BooleanBinding canAddDomainProperty() {
        return canAddDomain;
    }

    public BooleanBinding canCopyFindingsProperty() {
        return canCopyFindings;
    }

    // ---- commands

    /** Fills the domains from the log the first time the step is shown for it. */
    @Override
    public void entered() {
        LogAnalysis analysis = session.analysis().orElse(null);
        if (analysis != null && analysis != prefilledFrom && !busy.get()) {
            prefilledFrom = analysis;
            recipientDomains.setAll(failingRecipientDomains(analysis));
            senderDomain.set(SendingDomain.of(analysis).orElse(""));
            rows.clear();
            groups.clear();
            refreshIdleState();
        }
    }

    public void addDomain() {
        DomainNames.normalize(newDomain.get()).filter(d -> !recipientDomains.contains(d)).ifPresent(d -> {
            recipientDomains.add(d);
            newDomain.set("");
        });
    }

    public void removeDomain(String domain) {
        recipientDomains.remove(domain);
    }

    /** Runs every check of every domain concurrently; rows change as checks start and end. */
    public void run() {
        if (!canRun.get()) {
            return;
        }
        List<String> resolverList = DomainNames.resolvers(resolvers.get()).orElseThrow();
        settings.put(RESOLVERS_KEY, resolvers.get().strip());
        settings.put(TIMEOUT_KEY, String.valueOf(timeoutSeconds.get()));
        List<CheckRequest> requests = requests();
        CheckOptions options = new CheckOptions(resolverList.isEmpty() ? baseOptions.resolvers() : resolverList,
                baseOptions.dnsPort(), Duration.ofSeconds(Math.max(1, timeoutSeconds.get())), baseOptions.ip(),
                dkimSelectors(), baseOptions.blocklistZones());
        Map<String, CheckRow> byKey = new LinkedHashMap<>();
        for (CheckRequest r : requests) {
            for (CheckKind kind : sorted(r.kinds())) {
                byKey.put(key(r.domain(), kind), new CheckRow(r.domain(), kind, messages.get("dns.kind." + kind.name())));
            }
        }
        rows.setAll(byKey.values());
        groups.clear();
        errorText.set("");
        Map<String, List<Finding>> collected = new ConcurrentHashMap<>();
        busy.set(true);
        state.set(ChecksState.RUNNING);
        updateProgress();
        task = runner.run("dns-checks", ctx -> checker.check(requests, options, new CheckListener() {
            @Override
            public void started(String domain, CheckKind kind) {
                ctx.ui(() -> Optional.ofNullable(byKey.get(key(domain, kind)))
                        .ifPresent(row -> row.set(CheckState.RUNNING, messages.get("dns.row.running"))));
            }

            @Override
            public void finished(String domain, CheckKind kind, List<Finding> findings) {
                collected.computeIfAbsent(domain, d -> new java.util.concurrent.CopyOnWriteArrayList<>()).addAll(findings);
                ctx.ui(() -> {
                    Optional.ofNullable(byKey.get(key(domain, kind)))
                            .ifPresent(row -> row.set(CheckState.of(findings), summary(findings)));
                    updateProgress();
                });
            }
        }, ctx.cancellation()), new TaskListener<CheckReport>() {
            @Override
            public void succeeded(CheckReport report) {
                busy.set(false);
                // Rows the checker never reported on (nothing to check) count as passed.
                rows.stream().filter(r -> !r.state().finished()).forEach(r -> r.set(CheckState.OK, messages.get("dns.row.ok")));
                session.setChecks(report);
                groups.setAll(group(report.domains()));
                updateProgress();
                state.set(ChecksState.DONE);
            }

            @Override
            public void failed(Throwable error) {
                busy.set(false);
                markUnfinished(CheckState.CANCELLED);
                errorText.set(messages.format("dns.error.failed", error.getMessage() == null ? "" : error.getMessage()));
                state.set(ChecksState.FAILED);
            }

            @Override
            public void cancelled() {
                busy.set(false);
                markUnfinished(CheckState.CANCELLED);
                // What finished before the cancel is kept and shown.
                List<DomainCheckResult> partial = collected.entrySet().stream()
                        .map(e -> new DomainCheckResult(e.getKey(), e.getValue(), List.of())).toList();
                session.setChecks(new CheckReport(partial));
                groups.setAll(group(partial));
                progressText.set(messages.get("dns.progress.cancelled"));
                state.set(ChecksState.DONE);
            }
        });
    }

    public void cancel() {
        task.cancel();
    }

    @Override
    public void cancelWork() {
        cancel();
    }

    /** Copies one finding as plain text: what, where, the evidence, what to do and who. */
    public void copy(Finding finding) {
        dialogs.copyToClipboard(text(finding));
    }

    public void copyAll() {
        StringBuilder sb = new StringBuilder();
        for (FindingGroup g : groups) {
            sb.append("== ").append(g.domain()).append(" — ").append(g.title()).append('\n');
            g.findings().forEach(f -> sb.append(text(f)).append('\n'));
        }
        dialogs.copyToClipboard(sb.toString());
    }

    // ---- internals

    /** The selectors given in the DKIM step (shared through the settings), else the defaults. */
    private List<String> dkimSelectors() {
        return settings.get(DKIM_SELECTORS_KEY).map(s -> java.util.Arrays.stream(s.split("[,;\\s]+"))
                .map(String::strip).filter(x -> !x.isEmpty()).toList()).filter(l -> !l.isEmpty())
                .orElse(baseOptions.dkimSelectors());
    }

    private boolean hasTargets() {
        return !recipientDomains.isEmpty() || DomainNames.normalize(senderDomain.get()).isPresent();
    }

    private void refreshIdleState() {
        if (!busy.get() && (state.get() == ChecksState.EMPTY || state.get() == ChecksState.READY)) {
            state.set(hasTargets() ? ChecksState.READY : ChecksState.EMPTY);
        }
    }

    private List<CheckRequest> requests() {
        Map<String, Set<CheckKind>> kinds = new LinkedHashMap<>();
        Optional<String> sender = DomainNames.normalize(senderDomain.get());
        sender.ifPresent(s -> kinds.computeIfAbsent(s, d -> EnumSet.noneOf(CheckKind.class)).addAll(CheckKind.SENDER));
        for (String d : recipientDomains) {
            kinds.computeIfAbsent(d, x -> EnumSet.noneOf(CheckKind.class)).addAll(CheckKind.RECIPIENT);
        }
        return kinds.entrySet().stream().map(e -> new CheckRequest(e.getKey(), e.getValue())).toList();
    }

    private static List<CheckKind> sorted(Set<CheckKind> kinds) {
        return kinds.stream().sorted().toList();
    }

    private static String key(String domain, CheckKind kind) {
        return domain + "|" + kind;
    }

    private void updateProgress() {
        long done = rows.stream().filter(r -> r.state().finished()).count();
        progress.set(rows.isEmpty() ? 0 : (double) done / rows.size());
        progressText.set(messages.format("dns.progress", done, rows.size()));
    }

    private void markUnfinished(CheckState value) {
        rows.stream().filter(r -> !r.state().finished()).forEach(r -> r.set(value, messages.get("dns.row.cancelled")));
    }

    private String summary(List<Finding> findings) {
        return findings.stream().min(Comparator.comparing(Finding::severity)).map(Finding::message)
                .orElse(messages.get("dns.row.ok"));
    }

    private List<FindingGroup> group(List<DomainCheckResult> results) {
        List<FindingGroup> out = new ArrayList<>();
        for (DomainCheckResult r : results) {
            Map<Severity, List<Finding>> bySeverity = r.findings().stream()
                    .collect(Collectors.groupingBy(Finding::severity, () -> new java.util.EnumMap<>(Severity.class),
                            Collectors.toList()));
            bySeverity.forEach((severity, findings) -> out.add(new FindingGroup(r.domain(), severity,
                    messages.get("dns.severity." + severity.name()), findings)));
        }
        return out;
    }

    private String text(Finding f) {
        StringBuilder sb = new StringBuilder();
        sb.append('[').append(f.severity()).append("] ").append(f.code()).append(" — ").append(f.subject()).append('\n');
        sb.append(f.message()).append('\n');
        f.evidence().forEach(e -> sb.append("    ").append(e).append('\n'));
        if (!f.remediation().isEmpty()) {
            sb.append(messages.get("dns.finding.todo")).append(": ").append(f.remediation()).append('\n');
        }
        sb.append(messages.format("events.detail.actor", messages.get("actor." + f.actor().name()))).append('\n');
        return sb.toString();
    }

    /** Recipient domains of bounced and deferred messages, most affected first. */
    static List<String> failingRecipientDomains(LogAnalysis analysis) {
        Map<String, Long> counts = analysis.chains().stream()
                .filter(c -> c.verdict() == Verdict.BOUNCED || c.verdict() == Verdict.DEFERRED)
                .map(MessageChain::recipientDomain)
                .map(DomainNames::normalize)
                .flatMap(Optional::stream)
                .collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()));
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(MAX_PREFILLED).map(Map.Entry::getKey).toList();
    }
}
