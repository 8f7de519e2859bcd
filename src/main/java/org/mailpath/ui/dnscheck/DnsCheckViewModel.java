package org.mailpath.ui.dnscheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.mailpath.engine.check.CheckKind;
import org.mailpath.engine.check.CheckListener;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.check.CheckReport;
import org.mailpath.engine.check.CheckRequest;
import org.mailpath.engine.check.DomainCheckResult;
import org.mailpath.engine.check.DomainChecker;
import org.mailpath.engine.dns.DnsLookup;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.smtp.ProbeTarget;
import org.mailpath.engine.spf.SalesforceSending;
import org.mailpath.ui.common.DialogService;
import org.mailpath.ui.common.DkimResult;
import org.mailpath.ui.common.FailureWords;
import org.mailpath.ui.common.DomainNames;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.PrefillFromLog;
import org.mailpath.ui.common.RunningTask;
import org.mailpath.ui.common.SettingsStore;
import org.mailpath.ui.common.TaskListener;
import org.mailpath.ui.common.TaskRunner;
import org.mailpath.ui.common.WizardSession;
import org.mailpath.ui.common.WizardStep;

/**
 * Step 3: the domains to check (pre-filled from the failing recipients and the sending domain), resolver
 * settings, and a live row per check while every check runs concurrently. On request the recipients' mail
 * servers are tested too (SMTP, optionally with the RCPT test), with a row and a readable conversation per address;
 * their findings join the domain's DNS findings, here and in the report.
 */
public final class DnsCheckViewModel implements WizardStep {

    static final String RESOLVERS_KEY = "dns.resolvers";
    static final String TIMEOUT_KEY = "dns.timeoutSeconds";
    /** Written by the DKIM step. */
    static final String DKIM_SELECTORS_KEY = "dkim.selectors";
    /**
     * How many failing recipient domains are prefilled. Every one of a log like the sample (17) is: the checks of 50
     * domains together take about 0.6 s on loopback (docs/benchmarks.md, DnsCheckBenchmark), and the checker's own
     * limits on queries in flight keep many domains from loading a resolver. Beyond this the step says how many are
     * left out and adds them on request (a row per check and domain: hundreds of rows are for the user to ask for).
     */
    static final int MAX_PREFILLED = 30;

    private final ChecksJob job;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final SettingsStore settings;
    private final WizardSession session;
    private final Messages messages;
    private final CheckOptions baseOptions;
    private final RunWording wording;
    private final FindingText findingText;

    private final ObservableList<String> recipientDomains = FXCollections.observableArrayList();
    /** Every failing recipient domain of the log, in the order they are prefilled. */
    private final ObservableList<String> failingDomains = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper leftOutNotice = new ReadOnlyStringWrapper("");
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
    /** The empty list's words once the log's domains are found ({@link #recipientsEmptyProperty}). */
    private final ReadOnlyStringWrapper recipientsEmpty = new ReadOnlyStringWrapper("");
    /** The step may be skipped (complete from the start); whether it was done is a finished run for this log. */
    private final ReadOnlyBooleanWrapper complete = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(false);
    /**
     * The last run for this log was stopped (cancelled or failed): begun and not finished, so neither done nor skipped,
     * whether or not some of its checks finished (the report holds those).
     */
    private final ReadOnlyBooleanWrapper partlyDone = new ReadOnlyBooleanWrapper(false);
    /** What the report lacks of this step's checks, said on the Report step unless the step is done. */
    private final ReadOnlyStringWrapper reportNotice = new ReadOnlyStringWrapper("");
    /** True once a run for this log ended (finished, failed or cancelled): Run then runs the checks again. */
    private final ReadOnlyBooleanWrapper ran = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper resultSummary = new ReadOnlyStringWrapper("");
    /** The last run's checks were mostly not made from this network: the step bar gives them no tick. */
    private final ReadOnlyBooleanWrapper mostlyNotChecked = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canRun;
    private final BooleanBinding canAddDomain;
    private final BooleanBinding canCopyFindings;

    private final BooleanProperty probeServers = new SimpleBooleanProperty(this, "probeServers", false);
    private final BooleanProperty rcptTest = new SimpleBooleanProperty(this, "rcptTest", false);
    private final StringProperty rcptAddress = new SimpleStringProperty(this, "rcptAddress", "");
    private final ObservableList<String> rcptSuggestions = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper rcptProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper probeNotice = new ReadOnlyStringWrapper("");
    private final ObjectProperty<CheckRow> selectedRow = new SimpleObjectProperty<>(this, "selectedRow");
    private final ReadOnlyStringWrapper transcript = new ReadOnlyStringWrapper("");
    private final BooleanBinding canEditRcpt;
    private final BooleanBinding hasConversations;
    private final BooleanBinding canCopyTranscript;

    /** The log's failing domains, recipients and sending domain, found when the step is entered. */
    private final PrefillFromLog<LogPrefill> prefill;
    private RunningTask task = RunningTask.DONE;
    private MailServerRun mailServers;
    /** The last run's DNS checks: their rows and findings. */
    private DnsCheckRun dnsChecks;
    /** How the log shows Salesforce sending as each sending domain: the SPF check of the sender domain needs it. */
    private Map<String, SalesforceSending> logSending = Map.of();


    public DnsCheckViewModel(DomainChecker checker, MailServerProbe probe, TaskRunner runner, DialogService dialogs,
                             SettingsStore settings, WizardSession session, Messages messages, CheckOptions baseOptions) {
        this.job = new ChecksJob(checker, probe, messages);
        this.runner = runner;
        this.dialogs = dialogs;
        this.settings = settings;
        this.session = session;
        this.messages = messages;
        this.baseOptions = baseOptions;
        this.wording = new RunWording(messages);
        this.findingText = new FindingText(messages);
        this.prefill = new PrefillFromLog<>(runner, "dns-prefill", "finding the log's domains", LogPrefill::of);
        notRunForTheReport();
        resolvers.set(settings.get(RESOLVERS_KEY).orElse(String.join(", ", baseOptions.resolvers())));
        timeoutSeconds.set(settings.get(TIMEOUT_KEY).map(CheckPlan::timeoutSeconds)
                .orElse((int) Math.max(1, baseOptions.timeout().toSeconds())));
        resolvers.addListener((o, a, b) -> resolverProblem.set(
                DomainNames.resolvers(b).isPresent() ? "" : messages.get("dns.resolvers.invalid")));
        canAddDomain = Bindings.createBooleanBinding(() -> DomainNames.normalize(newDomain.get())
                .filter(d -> !recipientDomains.contains(d)).isPresent(), newDomain, recipientDomains);
        ReadOnlyBooleanProperty prefilling = prefill.findingProperty();
        canRun = Bindings.createBooleanBinding(() -> !busy.get() && !prefilling.get() && hasTargets()
                        && resolverProblem.get().isEmpty() && rcptProblem.get().isEmpty(),
                busy, prefilling, recipientDomains, senderDomain, resolverProblem, rcptProblem);
        canCopyFindings = Bindings.isNotEmpty(groups);
        mailServers = MailServerRun.none(messages, rows);
        dnsChecks = DnsCheckRun.none(messages);
        canEditRcpt = Bindings.createBooleanBinding(probeServers::get, probeServers);
        hasConversations = Bindings.createBooleanBinding(
                () -> rows.stream().anyMatch(r -> r.target().isPresent()), rows);
        canCopyTranscript = Bindings.isNotEmpty(transcript);
        for (Observable o : List.of(probeServers, rcptTest, rcptAddress, recipientDomains)) {
            o.addListener(x -> rcptProblem.set(RcptAddress.problem(probeServers.get(), rcptTest.get(), rcptAddress.get(),
                    recipientDomains, messages)));
        }
        selectedRow.addListener(o -> refreshTranscript());
        recipientDomains.addListener((ListChangeListener<String>) c -> refreshIdleState());
        recipientDomains.addListener((Observable o) -> refreshLeftOut());
        failingDomains.addListener((Observable o) -> refreshLeftOut());
        recipientsEmpty.set(messages.get("dns.recipients.empty"));
        senderDomain.addListener(o -> refreshIdleState());
        // a new log: this step's checks were of the one before, and are not done for it
        session.analysisProperty().addListener(o -> forgetTheRun());
        session.dkimResultProperty().addListener((o, a, b) -> {
            if (b != null) {
                takeDkim(b);
            }
        });
    }

    // ---- properties

    public ObservableList<String> recipientDomains() {
        return recipientDomains;
    }

    /** The sending domain (checked for SPF, DKIM, DMARC, PTR); empty = do not check it. */
    public StringProperty senderDomainProperty() {
        return senderDomain;
    }

    /**
     * "N of M failing domains are checked" when some failing recipient domain of the log is not in the list (left
     * out of the prefill, or removed), else empty.
     */
    public ReadOnlyStringProperty leftOutNoticeProperty() {
        return leftOutNotice.getReadOnlyProperty();
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

    /** A run of the checks finished for this log (the step bar checks the step off; else it was skipped). */
    @Override
    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    /**
     * The last run for this log was stopped, by the user or an error: the findings of the checks that finished, if any,
     * are in the checks and the report (as after a cancel), so the step is not done; and it was begun, so it is not
     * skipped either, even when none finished (the Report step's notice then says the run stopped before any did).
     */
    @Override
    public ReadOnlyBooleanProperty partlyDoneProperty() {
        return partlyDone.getReadOnlyProperty();
    }

    /**
     * What the report lacks of the checks, for the Report step: nothing after a finished run; after a stopped one, that
     * it holds only the checks that finished, how many of how many; else that the checks were not run.
     */
    @Override
    public ReadOnlyStringProperty reportNoticeProperty() {
        return reportNotice.getReadOnlyProperty();
    }

    /**
     * True when more than half of the last run's DNS checks could not be made from this network (its DNS answered
     * nothing usable): the step bar marks the step apart from done, whose tick read as all well though the checks
     * found out next to nothing (the offline review: "141 checks done", a green tick, 120 rows "Not checked").
     */
    @Override
    public ReadOnlyBooleanProperty mostlyNotCheckedProperty() {
        return mostlyNotChecked.getReadOnlyProperty();
    }

    /** True once a run for this log ended, so that Run reads as running the checks again. */
    public ReadOnlyBooleanProperty ranProperty() {
        return ran.getReadOnlyProperty();
    }

    /**
     * When a run ends: how many checks found errors and warnings, and of which domains (listed first in the table);
     * empty before.
     */
    public ReadOnlyStringProperty resultSummaryProperty() {
        return resultSummary.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /**
     * What the empty list of recipient domains says once the log's are found: that it has none that failed, or that
     * every failing message ended at our Email Relay, whose problems are no recipient domain's DNS.
     */
    public ReadOnlyStringProperty recipientsEmptyProperty() {
        return recipientsEmpty.getReadOnlyProperty();
    }

    /** True while the domains to check are being found in the log (on a worker). */
    public ReadOnlyBooleanProperty prefillingProperty() {
        return prefill.findingProperty();
    }

    public BooleanBinding canRunProperty() {
        return canRun;
    }

    public BooleanBinding canAddDomainProperty() {
        return canAddDomain;
    }

    public BooleanBinding canCopyFindingsProperty() {
        return canCopyFindings;
    }

    /** Also test the recipients' mail servers (SMTP on port 25); off until the user asks. */
    public BooleanProperty probeServersProperty() {
        return probeServers;
    }

    /** Also ask the servers of the address's domain whether they would accept {@link #rcptAddressProperty()}. */
    public BooleanProperty rcptTestProperty() {
        return rcptTest;
    }

    public StringProperty rcptAddressProperty() {
        return rcptAddress;
    }

    /** Recipients whose messages failed, to pick the RCPT test address from. */
    public ObservableList<String> rcptSuggestions() {
        return rcptSuggestions;
    }

    /** Why the RCPT address cannot be used (blocks Run), or empty. */
    public ReadOnlyStringProperty rcptProblemProperty() {
        return rcptProblem.getReadOnlyProperty();
    }

    /** The RCPT test is an option of the mail server test. */
    public BooleanBinding canEditRcptProperty() {
        return canEditRcpt;
    }

    /** Said in plain words when outbound port 25 is blocked here, else empty. */
    public ReadOnlyStringProperty probeNoticeProperty() {
        return probeNotice.getReadOnlyProperty();
    }

    /** The row the user selected; a mail server's row shows its conversation. */
    public ObjectProperty<CheckRow> selectedRowProperty() {
        return selectedRow;
    }

    /** The selected mail server's SMTP conversation, live while it runs; empty for other rows. */
    public ReadOnlyStringProperty transcriptProperty() {
        return transcript.getReadOnlyProperty();
    }

    /** Whether any row is a mail server's (so there are conversations to look at). */
    public BooleanBinding hasConversationsProperty() {
        return hasConversations;
    }

    public BooleanBinding canCopyTranscriptProperty() {
        return canCopyTranscript;
    }

    // ---- commands

    /**
     * Fills the domains from the log the first time the step is shown for it. They are found on a worker (every
     * message is read: seconds for a large log); domains the user adds meanwhile are kept.
     */
    @Override
    public void entered() {
        prefill.enter(session.analysis(), busy.get(), this::forgetTheLog, this::fillFrom);
    }

    /** A new log: the domains, recipients, rows and findings of the log before go, and its run with them. */
    private void forgetTheLog() {
        logSending = Map.of();
        recipientDomains.clear();
        failingDomains.clear();
        senderDomain.set("");
        rcptSuggestions.clear();
        rcptAddress.set("");
        rows.clear();
        groups.clear();
        dnsChecks = DnsCheckRun.none(messages);
        mailServers = MailServerRun.none(messages, rows);
        probeNotice.set("");
        selectedRow.set(null);
        // again: a run of the last log whose end (a cancel) was reported after this log came set them
        forgetTheRun();
        if (state.get() != ChecksState.RUNNING) {
            // the last log's run is not this one's: Run starts afresh
            state.set(ChecksState.EMPTY);
        }
        refreshIdleState();
    }

    /** The log's domains found: prefilled, ahead of the domains the user added meanwhile, which are kept. */
    private void fillFrom(LogPrefill found) {
        failingDomains.setAll(found.recipientDomains());
        // no domain to prefill because every failure ended at our relay: said, as analyze --check-dns does
        recipientsEmpty.set(messages.get(found.failuresAtRelayOnly() ? "dns.recipients.relayOnly"
                : "dns.recipients.empty"));
        List<String> domains = new ArrayList<>(found.recipientDomains().stream().limit(MAX_PREFILLED).toList());
        recipientDomains.stream().filter(d -> !domains.contains(d)).forEach(domains::add);
        recipientDomains.setAll(domains);
        if (senderDomain.get().isBlank()) {
            senderDomain.set(found.senderDomain().orElse(""));
        }
        rcptSuggestions.setAll(found.recipients());
        logSending = found.sending();
        refreshIdleState();
    }

    /**
     * What a screen reader says of a recipient domain in the list: the domain and where its checks stand (not yet
     * checked, being checked, stopped, or checked with how many of its checks found an error or a warning), which
     * the list shows only in the table beside it.
     */
    public String domainSpoken(String domain) {
        List<CheckRow> own = rows.stream().filter(r -> r.domain().equals(domain)).toList();
        if (own.isEmpty()) {
            return messages.format("dns.recipients.spoken.unchecked", domain);
        }
        if (own.stream().allMatch(r -> r.state().finished())) {
            long errors = own.stream().filter(r -> r.state() == CheckState.ERROR).count();
            long warnings = own.stream().filter(r -> r.state() == CheckState.WARNING).count();
            return messages.format("dns.recipients.spoken.checked", domain, errors, warnings);
        }
        return messages.format(state.get() == ChecksState.RUNNING ? "dns.recipients.spoken.running"
                : "dns.recipients.spoken.stopped", domain);
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

    /** Adds every failing recipient domain of the log that is not in the list, in the prefill's order. */
    public void addLeftOutDomains() {
        List<String> missing = failingDomains.stream().filter(d -> !recipientDomains.contains(d)).toList();
        recipientDomains.addAll(missing);
    }

    private void refreshLeftOut() {
        long checked = failingDomains.stream().filter(recipientDomains::contains).count();
        leftOutNotice.set(checked == failingDomains.size() ? ""
                : messages.format("dns.recipients.leftOut", checked, failingDomains.size()));
    }

    /**
     * Runs every check of every domain concurrently, and with the mail server test on, probes every recipient
     * domain's mail servers at the same time; rows change as checks start and end.
     */
    public void run() {
        if (!canRun.get()) {
            return;
        }
        List<String> resolverList = DomainNames.resolvers(resolvers.get()).orElseThrow();
        settings.put(RESOLVERS_KEY, resolvers.get().strip());
        settings.put(TIMEOUT_KEY, String.valueOf(timeoutSeconds.get()));
        List<CheckRequest> requests = CheckPlan.requests(DomainNames.normalize(senderDomain.get()), recipientDomains,
                logSending);
        CheckOptions options = CheckPlan.options(baseOptions, resolverList, timeoutSeconds.get(),
                settings.get(DKIM_SELECTORS_KEY));
        MailServerRun smtp = probeServers.get()
                ? new MailServerRun(List.copyOf(recipientDomains), rcptTest.get() ? RcptAddress.normalized(rcptAddress.get())
                        : Optional.empty(), messages, rows, this::transcriptChanged, this::updateProgress)
                : MailServerRun.none(messages, rows);
        mailServers = smtp;
        DnsCheckRun dns = new DnsCheckRun(requests, options.dkimSelectors(), session.analysis(), session.dkimResult(),
                messages);
        dnsChecks = dns;
        List<CheckRow> initial = new ArrayList<>();
        for (CheckRequest r : requests) {
            initial.addAll(dns.rows(r.domain()));
            smtp.domainRow(r.domain()).ifPresent(initial::add);
        }
        selectedRow.set(null);
        rows.setAll(initial);
        groups.clear();
        errorText.set("");
        probeNotice.set("");
        resultSummary.set("");
        mostlyNotChecked.set(false);
        done.set(false);
        notRunForTheReport();
        busy.set(true);
        state.set(ChecksState.RUNNING);
        updateProgress();
        task = runner.run("dns-checks", ctx -> job.run(ctx, requests, options, new CheckListener() {
            @Override
            public void asking(DnsLookup lookup) {
                dns.asking(lookup);
            }

            @Override
            public void started(String domain, CheckKind kind) {
                ctx.ui(() -> dns.started(domain, kind));
            }

            @Override
            public void finished(String domain, CheckKind kind, List<Finding> findings) {
                dns.collect(domain, kind, findings);
                ctx.ui(() -> {
                    dns.finished(domain, kind, findings);
                    updateProgress();
                });
            }
        }, smtp), new TaskListener<CheckReport>() {
            @Override
            public void succeeded(CheckReport report) {
                busy.set(false);
                // DNS rows the checker never reported on (nothing to check) count as passed.
                rows.stream().filter(r -> r.topic() instanceof RowTopic.DnsCheck && !r.state().finished())
                        .forEach(r -> r.set(CheckState.OK, messages.get("dns.row.ok")));
                markUnfinished(CheckState.CANCELLED, "dns.row.cancelled");
                dns.crossCheck();
                finish(report.domains());
                updateProgress();
                done.set(true);
                reportNotice.set("");
                state.set(ChecksState.DONE);
            }

            @Override
            public void failed(Throwable error) {
                busy.set(false);
                // not cancelled by the user: the rows left say the error stopped them
                markUnfinished(CheckState.STOPPED, "dns.row.stoppedByError");
                // What finished before the failure is kept and shown, as after a cancel.
                dns.crossCheck();
                finish(dns.partial());
                stoppedForTheReport("wizard.step.dnscheck.failed");
                // "could not run" would deny the checks the table shows finished
                errorText.set(messages.format(counts().someFinished() ? "dns.error.stopped" : "dns.error.failed",
                        FailureWords.reason(error, messages)));
                state.set(ChecksState.FAILED);
            }

            @Override
            public void cancelled() {
                busy.set(false);
                markUnfinished(CheckState.CANCELLED, "dns.row.cancelled");
                // What finished before the cancel is kept and shown.
                dns.crossCheck();
                finish(dns.partial());
                stoppedForTheReport("wizard.step.dnscheck.stopped");
                progressText.set(messages.get("dns.progress.cancelled"));
                state.set(ChecksState.DONE);
            }
        });
    }

    /** Shows and shares the results: the mail server findings join each domain's DNS findings. */
    private void finish(List<DomainCheckResult> dns) {
        mailServers.end();
        probeNotice.set(mailServers.blockedNotice().orElse(""));
        dnsChecks.ended(dns);
        dnsChecks.markNothingToCheck();
        FindingGroups.problemsFirst(rows);
        sayTheResult();
        ran.set(true);
        publish();
        refreshTranscript();
        dnsChecks.newerLookup(session.dkimResult()).ifPresent(this::takeDkim);
        publishDkimCoverage();
    }

    /** Tells the DKIM step whose DKIM the checks cover ({@link DnsCheckRun#dkimCoverage}). */
    private void publishDkimCoverage() {
        // called only after a run for this log (a DKIM lookup is taken only into this log's checks)
        session.setDkimCoverage(dnsChecks.dkimCoverage());
    }

    /** The summary of the run, and whether the step bar may tick it off (not when its checks were mostly not made). */
    private void sayTheResult() {
        RowCounts counts = counts();
        resultSummary.set(wording.summary(counts, mailServers));
        mostlyNotChecked.set(counts.mostlyNotMade());
    }

    private void publish() {
        // remediations worded for the app ("enter them on the DKIM step", not "--dkim-selector"), report included
        List<DomainCheckResult> merged = dnsChecks.withMailServers(mailServers).stream().map(r ->
                new DomainCheckResult(r.domain(), r.findings().stream().map(Finding::forApp).toList(),
                        r.nameServers(), r.mtaStsPolicy(), r.checksNotMade())).toList();
        session.setChecks(new CheckReport(merged));
        groups.setAll(FindingGroups.of(merged, rows, messages));
    }

    /**
     * The DKIM step looked up selectors of a domain whose DKIM was checked here: its findings take the place of the
     * DKIM check's (made with the selectors known then), in the domain's row, its findings and the report. A domain
     * not checked here, or checked for a log opened before this one, is left alone: the report would otherwise show it
     * as checked with its DKIM alone, or with the other log's checks.
     */
    private void takeDkim(DkimResult dkim) {
        if (busy.get() || !dnsChecks.take(dkim, session.analysis())) {
            return;
        }
        // the summary counts the rows: said again, or it keeps the run's counts and domains beside the changed row
        sayTheResult();
        publish();
        publishDkimCoverage();
    }

    public void cancel() {
        task.cancel();
    }

    @Override
    public void cancelWork() {
        cancel();
        prefill.cancel();
    }

    /** Copies one finding as plain text: what, where, the evidence, what to do and who. */
    public void copy(Finding finding) {
        dialogs.copyToClipboard(findingText.of(finding));
    }

    /** Copies the selected mail server's conversation as shown. */
    public void copyTranscript() {
        if (!transcript.get().isEmpty()) {
            dialogs.copyToClipboard(transcript.get());
        }
    }

    public void copyAll() {
        dialogs.copyToClipboard(findingText.all(groups));
    }

    // ---- internals

    private void transcriptChanged(ProbeTarget target) {
        if (selectedTarget().filter(target::equals).isPresent()) {
            refreshTranscript();
        }
    }

    private Optional<ProbeTarget> selectedTarget() {
        return Optional.ofNullable(selectedRow.get()).flatMap(CheckRow::target);
    }

    private void refreshTranscript() {
        transcript.set(selectedTarget().map(mailServers::transcript).orElse(""));
    }

    private boolean hasTargets() {
        return !recipientDomains.isEmpty() || DomainNames.normalize(senderDomain.get()).isPresent();
    }

    private void refreshIdleState() {
        if (!busy.get() && (state.get() == ChecksState.EMPTY || state.get() == ChecksState.READY)) {
            state.set(hasTargets() ? ChecksState.READY : ChecksState.EMPTY);
        }
    }

    /**
     * The bar counts each DNS check and each domain's SMTP test as one unit, so it never goes back when a domain's
     * mail servers are found and their rows appear; the text counts as {@link #counts()} does.
     */
    private void updateProgress() {
        RowCounts counts = counts();
        // the bar counts a domain's mail servers as one unit, however many addresses they turn out to have
        double units = counts.checks() + mailServers.domains().size();
        progress.set(units == 0 ? 0 : (counts.checksFinished() + mailServers.finishedUnits()) / units);
        progressText.set(wording.progress(counts, mailServers));
    }

    /** The rows as every text of the run counts them ({@link RowCounts}). */
    private RowCounts counts() {
        return RowCounts.of(rows);
    }

    /** The checks made are not of the current log: not done, not run, nothing said of them. */
    private void forgetTheRun() {
        done.set(false);
        notRunForTheReport();
        ran.set(false);
        resultSummary.set("");
        mostlyNotChecked.set(false);
    }

    /** No run of this log's checks has ended (a new log, or a run begun): the report has none of them. */
    private void notRunForTheReport() {
        partlyDone.set(false);
        reportNotice.set(messages.get("wizard.step.dnscheck.skipped"));
    }

    /**
     * A run was stopped ({@code key}: cancelled or failed) and what finished published: the Report step says the
     * report holds only those checks, how many of the run's checks, counted as the progress counted them
     * ({@link #counts()}).
     */
    private void stoppedForTheReport(String key) {
        // begun and stopped: the step bar says so (not "skipped"), as the notice does, however many checks finished
        partlyDone.set(true);
        reportNotice.set(wording.stoppedNotice(key, counts(), mailServers));
    }

    /** The rows not finished when the run ended get {@code value}, and the words {@code key} for why. */
    private void markUnfinished(CheckState value, String key) {
        rows.stream().filter(r -> !r.state().finished()).forEach(r -> r.set(value, messages.get(key)));
    }
}
