package org.mailpath.ui.dnscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.address.IdnaNames;
import org.mailpath.engine.check.CheckKind;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.check.CheckReport;
import org.mailpath.engine.check.CheckRequest;
import org.mailpath.engine.spf.SalesforceSending;
import org.mailpath.engine.check.DomainChecker;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.ui.common.DkimCoverage;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.SettingsStore;
import org.mailpath.ui.common.SyncTaskRunner;
import org.mailpath.ui.common.TaskRunner;
import org.mailpath.ui.common.WizardSession;
import org.mailpath.ui.shell.StepStatus;
import org.mailpath.ui.shell.WizardViewModel;
import org.mailpath.ui.testing.FakeChecker;
import org.mailpath.ui.testing.FakeDialogs;
import org.mailpath.ui.testing.FinishedStep;
import org.mailpath.ui.testing.ManualTaskRunner;
import org.mailpath.ui.testing.TestAnalyses;

class DnsCheckViewModelTest {

    @TempDir
    Path dir;

    private final WizardSession session = new WizardSession();
    private final FakeDialogs dialogs = new FakeDialogs();
    private final AtomicReference<List<CheckRequest>> asked = new AtomicReference<>();
    private final AtomicReference<CheckOptions> options = new AtomicReference<>();

    /** Answers synchronously from the fake's script, reporting every check as it starts and ends. */
    private final DomainChecker scripted = (requests, opts, listener, cancellation) -> {
        asked.set(requests);
        options.set(opts);
        return FakeChecker.synchronous((domain, kind, o) -> FakeChecker.findings(domain, kind))
                .check(requests, opts, listener, cancellation);
    };

    /** The mail server test is off in these tests; it would find nothing. */
    private static final MailServerProbe NO_PROBE = (domain, rcpt, opts, listener, cancellation) ->
            new org.mailpath.engine.smtp.ProbeReport(List.of(), List.of());

    private DnsCheckViewModel model(TaskRunner runner, DomainChecker checker) {
        return new DnsCheckViewModel(checker, NO_PROBE, runner, dialogs, SettingsStore.open(dir.resolve("s.properties")), session,
                Messages.forLocale(Locale.ENGLISH), new CheckOptions(List.of("127.0.0.1:5353"), 5353,
                        Duration.ofSeconds(2), Optional.empty(), List.of(), List.of()));
    }

    /** The model on {@code runner}, the demo day's log opened and the step entered (its domains found on the runner). */
    private DnsCheckViewModel enteredOnTheDay(TaskRunner runner) {
        DnsCheckViewModel m = model(runner, scripted);
        session.setAnalysis(TestAnalyses.day());
        m.entered();
        return m;
    }

    /** The DKIM step's result: {@code domain}'s selector {@code selector} looked up, with {@code finding}. */
    private void dkimStepFound(String domain, String selector, Finding finding) {
        session.setDkimResult(new org.mailpath.ui.common.DkimResult(domain, List.of(selector), List.of(finding)));
    }

    @Test
    void domainsArePrefilledFromFailingRecipientsAndTheSendingDomain() {
        DnsCheckViewModel m = model(new SyncTaskRunner(), scripted);
        assertEquals(ChecksState.EMPTY, m.stateProperty().get());
        assertFalse(m.canRunProperty().get());
        session.setAnalysis(TestAnalyses.day());
        m.entered();
        assertEquals(List.of("example.se", "kund.se"), m.recipientDomains());
        assertEquals("mailpath-demo.com", m.senderDomainProperty().get());
        assertEquals(ChecksState.READY, m.stateProperty().get());
        assertTrue(m.canRunProperty().get());
        assertEquals("127.0.0.1:5353", m.resolversProperty().get());
    }

    /**
     * The demo day's messages went out as support@mailpath-demo.com, the user's own address as envelope sender: the
     * sender domain's request tells the SPF check Salesforce sends without Bounce Management. A recipient domain,
     * or a sender domain typed in that the log does not show, stays UNKNOWN.
     */
    @Test
    void theSenderDomainsRequestSaysHowTheLogShowsSalesforceSendingAsIt() {
        DnsCheckViewModel m = enteredOnTheDay(new SyncTaskRunner());
        m.run();
        Map<String, SalesforceSending> sent = new java.util.HashMap<>();
        asked.get().forEach(r -> sent.put(r.domain(), r.salesforce()));
        assertEquals(SalesforceSending.WITHOUT_BOUNCE_MANAGEMENT, sent.get("mailpath-demo.com"));
        assertEquals(SalesforceSending.UNKNOWN, sent.get("example.se"));
        m.senderDomainProperty().set("other.example");
        m.run();
        assertEquals(List.of(SalesforceSending.UNKNOWN), asked.get().stream()
                .filter(r -> r.domain().equals("other.example")).map(CheckRequest::salesforce).toList());
    }

    @Test
    void domainsAreFoundOnAWorkerAndADomainAddedMeanwhileStays() {
        ManualTaskRunner runner = new ManualTaskRunner();
        DnsCheckViewModel m = enteredOnTheDay(runner);
        assertTrue(m.prefillingProperty().get());
        assertTrue(m.recipientDomains().isEmpty());
        m.newDomainProperty().set("added.example");
        m.addDomain();
        assertFalse(m.canRunProperty().get(), "no check before the log's domains are known");
        runner.runAll();
        assertFalse(m.prefillingProperty().get());
        assertEquals(List.of("example.se", "kund.se", "added.example"), m.recipientDomains());
        assertEquals("mailpath-demo.com", m.senderDomainProperty().get());
        assertTrue(m.canRunProperty().get());
    }

    @Test
    void leavingTheStepWhileDomainsAreFoundFindsThemAgainOnReturn() {
        ManualTaskRunner runner = new ManualTaskRunner();
        DnsCheckViewModel m = enteredOnTheDay(runner);
        m.cancelWork();
        assertFalse(m.prefillingProperty().get());
        m.entered();
        runner.runAll();
        assertEquals(List.of("example.se", "kund.se"), m.recipientDomains());
    }

    @Test
    void domainsCanBeAddedAndRemovedAndBadNamesAreNotTaken() {
        DnsCheckViewModel m = model(new SyncTaskRunner(), scripted);
        m.newDomainProperty().set("not a domain");
        assertFalse(m.canAddDomainProperty().get());
        m.newDomainProperty().set("  Kund.SE. ");
        assertTrue(m.canAddDomainProperty().get());
        m.addDomain();
        assertEquals(List.of("kund.se"), m.recipientDomains());
        assertEquals("", m.newDomainProperty().get());
        m.newDomainProperty().set("kund.se");
        assertFalse(m.canAddDomainProperty().get(), "no duplicates");
        m.newDomainProperty().set("someone@bücher.example");
        m.addDomain();
        assertEquals(List.of("kund.se", "xn--bcher-kva.example"), m.recipientDomains());
        m.removeDomain("kund.se");
        assertEquals(List.of("xn--bcher-kva.example"), m.recipientDomains());
    }

    @Test
    void invalidResolversBlockTheRunWithAnExplanation() {
        DnsCheckViewModel m = model(new SyncTaskRunner(), scripted);
        m.senderDomainProperty().set("example.com");
        m.resolversProperty().set("1.1.1.1, 300.1.1.1");
        assertFalse(m.canRunProperty().get());
        assertTrue(m.resolverProblemProperty().get().startsWith("Write each resolver"));
        m.resolversProperty().set("1.1.1.1, dns.example.net:5353; ::1");
        assertTrue(m.canRunProperty().get());
    }

    @Test
    void runAsksRecipientAndSenderChecksAndShowsARowPerCheckWithItsOutcome() {
        DnsCheckViewModel m = enteredOnTheDay(new SyncTaskRunner());
        m.timeoutSecondsProperty().set(7);
        m.run();
        assertEquals(ChecksState.DONE, m.stateProperty().get());
        assertEquals(List.of("mailpath-demo.com", "example.se", "kund.se"),
                asked.get().stream().map(CheckRequest::domain).toList());
        assertEquals(CheckKind.SENDER, asked.get().get(0).kinds());
        assertEquals(CheckKind.RECIPIENT, asked.get().get(1).kinds());
        assertEquals(Duration.ofSeconds(7), options.get().timeout());
        assertEquals(5353, options.get().dnsPort());
        assertEquals(CheckKind.SENDER.size() + 2 * CheckKind.RECIPIENT.size(), m.rows().size());
        assertEquals(CheckState.ERROR, row(m, "example.se", CheckKind.MX).state());
        assertEquals(CheckState.WARNING, row(m, "kund.se", CheckKind.EDNS).state());
        assertEquals(CheckState.OK, row(m, "kund.se", CheckKind.MX).state());
        assertEquals(1.0, m.progressProperty().get());
        assertEquals("21 of 21 checks done", m.progressTextProperty().get()); // 5 sender + 2 × 8 recipient checks
        assertEquals(3, session.checks().domains().size());
        FindingGroup first = m.groups().getFirst();
        assertEquals("mailpath-demo.com", first.domain());
        assertEquals(Severity.ERROR, first.severity());
        assertEquals("Errors", first.title());
    }

    /**
     * The review: a run ended with only "166 of 166 checks done", and its errors came after ~30 rows of OK ones. Its
     * end says what it found, of which domains, the problems come first, and Run reads as running them again.
     */
    @Test
    void whenARunEndsItsProblemsAreSummedUpAndListedFirst() {
        DnsCheckViewModel m = enteredOnTheDay(new SyncTaskRunner());
        assertEquals("", m.resultSummaryProperty().get());
        assertFalse(m.ranProperty().get());
        assertFalse(m.doneProperty().get(), "not run: the step bar must not check it off");
        m.run();
        long errors = m.rows().stream().filter(r -> r.state() == CheckState.ERROR).count();
        long warnings = m.rows().stream().filter(r -> r.state() == CheckState.WARNING).count();
        assertTrue(errors > 0 && warnings > 0);
        // each domain's rows together, the domains with errors first, then those with warnings only
        List<String> domainOrder = m.rows().stream().map(CheckRow::domain).distinct().toList();
        List<Integer> worst = domainOrder.stream().map(d -> m.rows().stream().filter(r -> r.domain().equals(d))
                .mapToInt(r -> r.state() == CheckState.ERROR ? 0 : r.state() == CheckState.WARNING ? 1 : 2).min()
                .orElseThrow()).toList();
        assertEquals(worst.stream().sorted().toList(), worst, domainOrder + " " + worst);
        assertEquals(0, worst.getFirst(), "a domain with errors comes first");
        List<String> groupOrder = m.groups().stream().map(FindingGroup::domain).distinct().toList();
        assertEquals(domainOrder.stream().filter(groupOrder::contains).toList(), groupOrder,
                "the findings in the table's order");
        long changes = java.util.stream.IntStream.range(1, m.rows().size())
                .filter(i -> !m.rows().get(i).domain().equals(m.rows().get(i - 1).domain())).count();
        assertEquals(domainOrder.size() - 1, changes, "each domain's rows stay together");
        java.util.Set<String> errorDomains = m.rows().stream().filter(r -> r.state() == CheckState.ERROR)
                .map(CheckRow::domain).collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new));
        java.util.Set<String> warningDomains = m.rows().stream().filter(r -> r.state() == CheckState.WARNING)
                .map(CheckRow::domain).collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new));
        java.util.Set<String> both = new java.util.LinkedHashSet<>(warningDomains);
        both.retainAll(errorDomains);
        assertFalse(both.isEmpty(), "a domain with errors and warnings: " + errorDomains + " " + warningDomains);
        warningDomains.removeAll(errorDomains);
        // a domain is named once, as the table puts it once: under errors if it has any (one with both was named in both lines)
        assertEquals("21 checks done: " + errors + " errors, " + warnings + " warnings. The domains with problems are"
                + " listed first.\n"
                + "Errors: " + String.join(", ", errorDomains) + "\nWarnings only: " + String.join(", ", warningDomains),
                m.resultSummaryProperty().get());
        assertTrue(errorDomains.contains("example.se") && warningDomains.contains("kund.se"), errorDomains + " "
                + warningDomains);
        assertTrue(m.ranProperty().get(), "Run now runs the checks again");
        assertTrue(m.doneProperty().get());
        session.setAnalysis(TestAnalyses.small());
        assertFalse(m.doneProperty().get(), "a new log: the checks of the last one are not done for it");
        assertFalse(m.ranProperty().get());
        assertEquals("", m.resultSummaryProperty().get());
    }

    /**
     * The review: of a domain that does not exist, MX, Name servers and DNSSEC said "does not exist" again as
     * errors, and MTA-STS warned it "publishes no MTA-STS policy". One error says it does not exist; the rows that
     * only follow from it say there was nothing to check, whatever they found.
     */
    @Test
    void aDomainThatDoesNotExistHasOneErrorAndNothingToCheckElse() {
        Finding nx = new Finding(org.mailpath.engine.dns.DnsFindingCodes.DOMAIN_NXDOMAIN, Severity.ERROR,
                "gone.example", "gone.example does not exist (NXDOMAIN).", List.of(), "Check the spelling.",
                org.mailpath.engine.finding.Actor.SENDER_ADMIN);
        Finding again = new Finding("MX_NONE", Severity.ERROR, "gone.example", "gone.example does not exist (NXDOMAIN).",
                List.of(), "", org.mailpath.engine.finding.Actor.RECIPIENT_MAIL_TEAM);
        Finding noPolicy = new Finding("MTA_STS_NONE", Severity.WARNING, "gone.example",
                "gone.example publishes no MTA-STS policy", List.of(), "", org.mailpath.engine.finding.Actor.RECIPIENT_MAIL_TEAM);
        DomainChecker goneChecker = FakeChecker.synchronous((domain, kind, o) -> switch (kind) {
            case EXISTENCE -> List.of(nx);
            case MX, NAME_SERVERS, DNSSEC -> List.of(again);
            case MTA_STS -> List.of(noPolicy);
            default -> List.of();
        });
        DnsCheckViewModel m = model(new SyncTaskRunner(), goneChecker);
        m.recipientDomains().add("gone.example");
        m.run();
        for (CheckRow row : m.rows()) {
            boolean existence = row.topic().equals(new RowTopic.DnsCheck(CheckKind.EXISTENCE));
            assertEquals(existence ? CheckState.ERROR : CheckState.NOTE, row.state(), row.label());
            assertEquals(existence ? "gone.example does not exist (NXDOMAIN)."
                    : "Nothing to check: gone.example does not exist", row.summaryProperty().get(), row.label());
        }
        assertTrue(m.resultSummaryProperty().get().startsWith("8 checks done: 1 error, no warnings."),
                m.resultSummaryProperty().get());
    }

    /** The review: the step named 例え.jp only as xn--r8jz45g.jp, where check prints "xn--r8jz45g.jp (例え.jp)". */
    @Test
    void anInternationalisedDomainIsShownAsCheckShowsIt() {
        Finding none = new Finding("MX_NONE", Severity.ERROR, "xn--r8jz45g.jp", "no MX", List.of(), "",
                org.mailpath.engine.finding.Actor.RECIPIENT_MAIL_TEAM);
        DnsCheckViewModel m = model(new SyncTaskRunner(), FakeChecker.synchronous((domain, kind, o) ->
                kind == CheckKind.MX ? List.of(none) : List.of()));
        m.newDomainProperty().set("例え.jp");
        m.addDomain();
        assertEquals(List.of("xn--r8jz45g.jp"), m.recipientDomains(), "looked up in ASCII");
        assertEquals("xn--r8jz45g.jp (例え.jp)", IdnaNames.withUnicode(m.recipientDomains().getFirst()));
        assertEquals("example.se", IdnaNames.withUnicode("example.se"));
        m.run();
        assertTrue(m.resultSummaryProperty().get().endsWith("\nErrors: xn--r8jz45g.jp (例え.jp)"),
                m.resultSummaryProperty().get());
    }

    @Test
    void findingsAreCopyableWithEvidenceRemediationAndActor() {
        DnsCheckViewModel m = model(new SyncTaskRunner(), scripted);
        m.recipientDomains().add("example.se");
        m.run();
        Finding mx = m.groups().getFirst().findings().getFirst();
        m.copy(mx);
        String text = dialogs.lastCopied();
        assertTrue(text.startsWith("[ERROR] MX_NONE — example.se"));
        assertTrue(text.contains(";; example.se MX @127.0.0.1:5353 -> NODATA"));
        assertTrue(text.contains("What to do: Publish an MX record"));
        assertTrue(text.contains("Who must act: the recipient’s mail team"));
        m.copyAll();
        assertTrue(dialogs.lastCopied().startsWith("== example.se — Errors"));
    }

    @Test
    void whileRunningRowsArePendingAndCancelKeepsWhatFinished() {
        ManualTaskRunner runner = new ManualTaskRunner();
        DnsCheckViewModel m = model(runner, scripted);
        m.recipientDomains().add("example.se");
        m.run();
        // the wizard's one Cancel button is enabled by the step's busy state
        assertTrue(m.busyProperty().get());
        assertFalse(m.canRunProperty().get());
        assertTrue(m.rows().stream().allMatch(r -> r.state() == CheckState.PENDING));
        m.cancelWork();
        assertFalse(m.busyProperty().get());
        assertTrue(m.rows().stream().allMatch(r -> r.state() == CheckState.CANCELLED));
        assertEquals("Checks cancelled; the results so far are shown.", m.progressTextProperty().get());
        runner.runAll();
        assertTrue(m.rows().stream().allMatch(r -> r.state() == CheckState.CANCELLED), "late results are dropped");
    }

    @Test
    void aCheckerFailureIsShownInWords() {
        DnsCheckViewModel m = model(new SyncTaskRunner(), (r, o, l, c) -> {
            throw new IllegalArgumentException("not a usable resolver: [dns.invalid]");
        });
        m.senderDomainProperty().set("example.com");
        m.run();
        assertEquals(ChecksState.FAILED, m.stateProperty().get());
        assertEquals("The checks could not run: not a usable resolver: [dns.invalid]", m.errorTextProperty().get());
        assertFalse(m.busyProperty().get());
    }

    /** The review: the engine's English "unknown resolver host: nonexistent.invalid" was shown as is. */
    @Test
    void anUnknownResolverHostSaysWhichAndToCorrectTheSettings() {
        DnsCheckViewModel m = model(new SyncTaskRunner(), (r, o, l, c) -> {
            throw new org.mailpath.engine.dns.UnknownResolverHostException("nonexistent.invalid",
                    new java.net.UnknownHostException("nonexistent.invalid"));
        });
        m.senderDomainProperty().set("example.com");
        m.run();
        assertEquals(ChecksState.FAILED, m.stateProperty().get());
        assertEquals("The checks could not run: the resolver nonexistent.invalid in the resolver settings is a host"
                + " name this computer cannot look up. Correct it in the resolver settings, or leave them empty to use"
                + " this computer’s resolvers.", m.errorTextProperty().get());
    }

    @Test
    void aBugInTheCheckerIsWordedWithoutJavaAndKeepsTheResultsSoFar() {
        DnsCheckViewModel m = model(new SyncTaskRunner(), (requests, o, listener, c) -> {
            CheckRequest first = requests.getFirst();
            listener.started(first.domain(), CheckKind.DMARC);
            listener.finished(first.domain(), CheckKind.DMARC, FakeChecker.findings(first.domain(), CheckKind.DMARC));
            throw new IllegalStateException(new NullPointerException(
                    "Cannot invoke \"java.util.List.size()\" because \"answers\" is null"));
        });
        m.senderDomainProperty().set("example.com");
        m.run();
        assertEquals(ChecksState.FAILED, m.stateProperty().get());
        // the review: "The checks could not run", above a table showing DMARC checked, and the checks left unfinished
        // "Not finished (cancelled)", though no one cancelled them
        assertEquals("The checks that finished are shown; the others stopped on an error: an error inside MailPath.",
                m.errorTextProperty().get());
        assertEquals(List.of("DMARC_POLICY_NONE"), m.groups().stream().flatMap(g -> g.findings().stream())
                .map(Finding::code).toList(), "what finished before the failure is shown, as after a cancel");
        long checks = m.rows().stream().filter(r -> r.topic() instanceof RowTopic.DnsCheck).count();
        assertTrue(m.resultSummaryProperty().get().startsWith("1 of " + checks + " checks done: "),
                "stopped part way: of how many, which nothing else on the step says now: "
                        + m.resultSummaryProperty().get());
        List<CheckRow> left = m.rows().stream().filter(r -> !r.state().finished()).toList();
        assertFalse(left.isEmpty());
        for (CheckRow r : left) {
            assertEquals("Not finished (the run stopped on an error)", r.summaryProperty().get(), r.label());
            // the review: their State column said "Cancelled" beside that Result, though no one cancelled them
            assertEquals(CheckState.STOPPED, r.state(), r.label());
        }
        assertEquals(CheckState.of(FakeChecker.findings("example.com", CheckKind.DMARC)),
                row(m, "example.com", CheckKind.DMARC).state(), "what finished keeps its state");
        assertEquals("Stopped", Messages.forLocale(Locale.ENGLISH).get("dns.state.STOPPED"));
        assertEquals("Stoppad", Messages.forLocale(Locale.of("sv")).get("dns.state.STOPPED"));
    }

    /**
     * The review: a run stopped by an error after DMARC finished counted as skipped, and the Report step said the DNS
     * checks were not run and the report had no DNS findings, while the report held that DMARC finding. Such a run is
     * partly done, and the Report step is told the report holds only the checks that finished, how many of how many.
     */
    @Test
    void aRunStoppedByAnErrorIsPartlyDoneAndTheReportIsSaidToHoldOnlyWhatFinished() {
        DnsCheckViewModel m = model(new SyncTaskRunner(), (requests, o, listener, c) -> {
            CheckRequest first = requests.getFirst();
            listener.started(first.domain(), CheckKind.DMARC);
            listener.finished(first.domain(), CheckKind.DMARC, FakeChecker.findings(first.domain(), CheckKind.DMARC));
            throw new IllegalStateException("broken");
        });
        assertEquals("The DNS checks were not run, so the report has no DNS findings (SPF, DMARC, MX, MTA-STS and the"
                + " others) and no DKIM checks.", m.reportNoticeProperty().get());
        m.senderDomainProperty().set("example.com");
        m.run();
        assertEquals(List.of("DMARC_POLICY_NONE"), session.checks().domains().stream()
                .flatMap(d -> d.findings().stream()).map(Finding::code).toList(), "the report holds what finished");
        assertTrue(session.dkimCoverage().ran());
        assertEquals(Optional.of(DkimCoverage.Outcome.NOT_FINISHED), session.dkimCoverage().of("example.com"),
                "stopped before the DKIM check ended");
        assertFalse(m.doneProperty().get());
        assertTrue(m.partlyDoneProperty().get(), "neither done nor skipped");
        long checks = m.rows().stream().filter(r -> r.topic() instanceof RowTopic.DnsCheck).count();
        assertTrue(checks > 1, "the sending domain has several checks: " + checks);
        assertEquals("The DNS checks stopped on an error, so the report holds only the 1 of " + checks + " checks that"
                + " finished; run them again on the DNS checks step for the others.", m.reportNoticeProperty().get());
        session.setAnalysis(TestAnalyses.small());
        assertFalse(m.partlyDoneProperty().get(), "a new log: the checks of the last one are not its");
        assertTrue(m.reportNoticeProperty().get().startsWith("The DNS checks were not run"));
    }

    /** Cancelled part way, the same in a cancel's words; cancelled before any check ended, stopped too, holding none. */
    @Test
    void aRunCancelledPartWayIsPartlyDoneAndSoIsOneCancelledBeforeAnyCheckEnded() {
        DnsCheckViewModel m = model(new SyncTaskRunner(), (requests, o, listener, c) -> {
            CheckRequest first = requests.getFirst();
            for (CheckKind kind : first.kinds().stream().sorted().limit(2).toList()) {
                listener.started(first.domain(), kind);
                listener.finished(first.domain(), kind, FakeChecker.findings(first.domain(), kind));
            }
            throw new org.mailpath.engine.common.CancelledException();
        });
        m.recipientDomains().add("kund.se");
        m.run();
        long checks = m.rows().stream().filter(r -> r.topic() instanceof RowTopic.DnsCheck).count();
        assertTrue(m.partlyDoneProperty().get());
        assertFalse(m.doneProperty().get());
        assertEquals("The DNS checks were stopped, so the report holds only the 2 of " + checks + " checks that"
                + " finished; run them again on the DNS checks step for the others.", m.reportNoticeProperty().get());

        ManualTaskRunner runner = new ManualTaskRunner();
        DnsCheckViewModel early = model(runner, scripted);
        early.recipientDomains().add("example.se");
        early.run();
        early.cancelWork();
        runner.runAll();
        assertTrue(early.partlyDoneProperty().get(), "begun and stopped: not skipped, though nothing finished");
        assertFalse(early.doneProperty().get());
        assertEquals("The DNS checks were stopped before any of them finished, so the report has no DNS findings (SPF,"
                + " DMARC, MX, MTA-STS and the others) and no DKIM checks.", early.reportNoticeProperty().get());
    }

    /**
     * The review: a run that failed before any check ended showed as skipped in the step bar ("Step 1: DNS checks,
     * skipped"), while the Report step said the checks stopped on an error. The bar shows the run was begun and
     * stopped, as after a stop with results, and the Report step's notice says what happened; so for a cancel.
     */
    @Test
    void aRunStoppedBeforeAnyCheckEndedShowsAsStoppedInTheStepBarNotAsSkipped() {
        DnsCheckViewModel failing = model(new SyncTaskRunner(), (requests, o, listener, c) -> {
            listener.started(requests.getFirst().domain(), CheckKind.DMARC);
            throw new IllegalStateException("broken");
        });
        WizardViewModel wizard = new WizardViewModel(List.of(failing, new FinishedStep()));
        failing.senderDomainProperty().set("example.com");
        failing.run();
        assertEquals(ChecksState.FAILED, failing.stateProperty().get());
        assertEquals("The checks could not run: an error inside MailPath.",
                failing.errorTextProperty().get(), "nothing finished: the checks did not run");
        assertTrue(wizard.goTo(1));
        assertEquals(StepStatus.PARTLY_DONE, wizard.statusProperty(0).get(), "failed, not skipped");
        assertEquals("The DNS checks stopped on an error before any of them finished, so the report has no DNS findings"
                + " (SPF, DMARC, MX, MTA-STS and the others) and no DKIM checks.", wizard.reportNoticeProperty().get());

        ManualTaskRunner runner = new ManualTaskRunner();
        DnsCheckViewModel stopped = model(runner, scripted);
        WizardViewModel again = new WizardViewModel(List.of(stopped, new FinishedStep()));
        stopped.recipientDomains().add("example.se");
        stopped.run();
        assertTrue(again.goTo(1), "leaving the step stops its run");
        runner.runAll();
        assertEquals(StepStatus.PARTLY_DONE, again.statusProperty(0).get(), "stopped, not skipped");
        assertTrue(again.reportNoticeProperty().get().startsWith("The DNS checks were stopped before any of them"),
                again.reportNoticeProperty().get());
    }

    @Test
    void aNoteIsCalledANoteInTheTableAndInItsFindingsHeading() {
        Finding note = new Finding("DMARC_POLICY_NONE", Severity.INFO, "_dmarc.example.com", "p=none.", List.of(),
                "Move to p=quarantine.", org.mailpath.engine.finding.Actor.SENDER_ADMIN);
        DomainChecker oneNote = FakeChecker.synchronous(
                (domain, kind, o) -> kind == CheckKind.DMARC ? List.of(note) : List.of());
        DnsCheckViewModel m = model(new SyncTaskRunner(), oneNote);
        m.senderDomainProperty().set("example.com");
        m.run();
        assertEquals(CheckState.NOTE, row(m, "example.com", CheckKind.DMARC).state());
        Messages en = Messages.forLocale(Locale.ENGLISH);
        Messages sv = Messages.forLocale(Locale.of("sv"));
        assertEquals("Note", en.get("dns.state.NOTE"));
        FindingGroup group = m.groups().getFirst();
        assertEquals(Severity.INFO, group.severity());
        assertEquals("Notes", group.title(), "the heading over the table's notes, not 'Information'");
        assertEquals("Notering", sv.get("dns.state.NOTE"));
        assertEquals("Noteringar", sv.get("dns.severity.INFO"));
    }

    @Test
    void resolverSettingsAreRemembered() {
        DnsCheckViewModel m = model(new SyncTaskRunner(), scripted);
        m.senderDomainProperty().set("example.com");
        m.resolversProperty().set("9.9.9.9");
        m.timeoutSecondsProperty().set(5);
        m.run();
        DnsCheckViewModel again = model(new SyncTaskRunner(), scripted);
        assertEquals("9.9.9.9", again.resolversProperty().get());
        assertEquals(5, again.timeoutSecondsProperty().get());
    }

    private static CheckRow row(DnsCheckViewModel m, String domain, CheckKind kind) {
        return m.rows().stream().filter(r -> r.domain().equals(domain) && r.topic().equals(new RowTopic.DnsCheck(kind)))
                .findFirst().orElseThrow();
    }

    /** A bounce of {@code recipient} whose cause the DNS checks can explain (or not). */
    private static org.mailpath.engine.analysis.MessageChain bounce(String recipient, long minute,
                                                                    org.mailpath.engine.status.Category category) {
        return TestAnalyses.bounced(recipient, minute, "550 5.0.0 refused", new org.mailpath.engine.status.Diagnosis(
                category, "refused", "look", org.mailpath.engine.finding.Actor.RECIPIENT_MAIL_TEAM, "5.0.0"));
    }

    @Test
    void domainsWhoseFailuresTheDnsChecksCanExplainComeFirstThenTheMostFailed() {
        DnsCheckViewModel m = model(new SyncTaskRunner(), scripted);
        List<org.mailpath.engine.analysis.MessageChain> chains = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            chains.add(bounce("u" + i + "@many.example", i, org.mailpath.engine.status.Category.RECIPIENT));
        }
        chains.add(bounce("a@nullmx.example", 10, org.mailpath.engine.status.Category.DNS));
        chains.add(bounce("b@tls.example", 11, org.mailpath.engine.status.Category.TLS));
        chains.add(bounce("c@tls.example", 12, org.mailpath.engine.status.Category.TLS));
        chains.add(bounce("d@full.example", 13, org.mailpath.engine.status.Category.MAILBOX_FULL));
        chains.add(bounce("e@full.example", 14, org.mailpath.engine.status.Category.MAILBOX_FULL));
        session.setAnalysis(TestAnalyses.of(chains));
        m.entered();
        assertEquals(List.of("tls.example", "nullmx.example", "many.example", "full.example"), m.recipientDomains());
        assertEquals("", m.leftOutNoticeProperty().get(), "every failing domain is checked");
    }

    @Test
    void failingDomainsLeftOutAreSaidAndAddedOnRequest() {
        DnsCheckViewModel m = model(new SyncTaskRunner(), scripted);
        int failing = DnsCheckViewModel.MAX_PREFILLED + 3;
        List<org.mailpath.engine.analysis.MessageChain> chains = new ArrayList<>();
        for (int i = 0; i < failing; i++) {
            // the DNS failure is the least affected domain: it is prefilled all the same
            org.mailpath.engine.status.Category cause = i == failing - 1 ? org.mailpath.engine.status.Category.DNS
                    : org.mailpath.engine.status.Category.RECIPIENT;
            chains.add(bounce("x@d" + (100 + i) + ".example", i, cause));
        }
        chains.add(bounce("y@d100.example", 99, org.mailpath.engine.status.Category.RECIPIENT));
        session.setAnalysis(TestAnalyses.of(chains));
        m.entered();
        assertEquals(DnsCheckViewModel.MAX_PREFILLED, m.recipientDomains().size());
        assertEquals("d" + (100 + failing - 1) + ".example", m.recipientDomains().getFirst());
        assertEquals("d100.example", m.recipientDomains().get(1), "then the most failed messages");
        assertEquals(DnsCheckViewModel.MAX_PREFILLED + " of the " + failing + " failing recipient domains in the log"
                + " are checked; the report says nothing about the DNS of the others.", m.leftOutNoticeProperty().get());

        m.addLeftOutDomains();
        assertEquals(failing, m.recipientDomains().size());
        assertEquals("", m.leftOutNoticeProperty().get());
        m.removeDomain("d101.example");
        assertEquals((failing - 1) + " of the " + failing + " failing recipient domains in the log are checked; the"
                + " report says nothing about the DNS of the others.", m.leftOutNoticeProperty().get(),
                "a failing domain removed by hand is not checked either");
        m.addLeftOutDomains();
        assertEquals("d101.example", m.recipientDomains().getLast());
    }

    @Test
    void theDkimStepsResultForADomainNotCheckedHereChangesNothing() {
        DnsCheckViewModel m = enteredOnTheDay(new SyncTaskRunner());
        m.run();
        CheckReport before = session.checks();
        List<String> summaries = m.rows().stream().map(r -> r.summaryProperty().get()).toList();
        dkimStepFound("elsewhere.example", "sf1", selectorMissing("elsewhere.example", "sf1"));
        assertEquals(before, session.checks(), "a domain the DNS step did not check is not added to the report");
        assertEquals(summaries, m.rows().stream().map(r -> r.summaryProperty().get()).toList());
    }

    @Test
    void theDkimStepsResultReplacesTheSendingDomainsDkimFindingsOnly() {
        DnsCheckViewModel m = enteredOnTheDay(new SyncTaskRunner());
        m.run();
        String sender = m.senderDomainProperty().get();
        List<Finding> others = reported(sender).stream()
                .filter(f -> !FakeChecker.findings(sender, CheckKind.DKIM).contains(f)).toList();
        Finding missing = selectorMissing(sender, "sf2");
        dkimStepFound(sender.toUpperCase(Locale.ROOT), "sf2", missing);
        List<Finding> now = reported(sender);
        assertTrue(now.contains(missing), now.toString());
        assertTrue(now.containsAll(others), "the other checks' findings stay");
        assertEquals(others.size() + 1, now.size(), "the old DKIM findings are gone");
        CheckRow dkim = dkimRow(m, sender);
        assertEquals(CheckState.ERROR, dkim.state());
        assertEquals("DKIM selector sf2 is missing", dkim.summaryProperty().get());
        assertTrue(m.groups().stream().anyMatch(g -> g.findings().contains(missing)));
    }

    /**
     * The regression review: checks run on one log, another log opened, a selector looked up on the DKIM step (the
     * DNS step not entered again) brought the first log's checks back into the new log's report.
     */
    @Test
    void theDkimStepsResultAfterAnotherLogIsOpenedBringsNoOldChecksBack() {
        DnsCheckViewModel m = enteredOnTheDay(new SyncTaskRunner());
        m.run();
        String sender = m.senderDomainProperty().get();
        assertFalse(session.checks().domains().isEmpty());
        session.setAnalysis(TestAnalyses.day());
        assertEquals(List.of(), session.checks().domains(), "a new log starts without checks");
        dkimStepFound(sender, "sf2", selectorMissing(sender, "sf2"));
        assertEquals(List.of(), session.checks().domains(), "the checks of the log before stay gone");
        m.entered();
        assertEquals(List.of(), session.checks().domains());
    }

    private static Finding selectorMissing(String domain, String selector) {
        return new Finding("DKIM_SELECTOR_MISSING", Severity.ERROR, selector + "._domainkey." + domain,
                "DKIM selector " + selector + " is missing", List.of(), "",
                org.mailpath.engine.finding.Actor.SENDER_ADMIN);
    }

    private List<Finding> reported(String domain) {
        return session.checks().domains().stream().filter(d -> d.domain().equals(domain)).findFirst().orElseThrow()
                .findings();
    }

    private static CheckRow dkimRow(DnsCheckViewModel m, String domain) {
        return m.rows().stream().filter(r -> r.domain().equals(domain)
                && r.topic().equals(new RowTopic.DnsCheck(CheckKind.DKIM))).findFirst().orElseThrow();
    }

    /**
     * The final read: selectors looked up on the DKIM step while the checks ran were lost (the step was busy when the
     * result came, and the listener had fired), so the DNS step and the report kept the old selectors' results.
     */
    @Test
    void aDkimResultSetWhileTheChecksRunIsTakenWhenTheyEnd() {
        ManualTaskRunner runner = new ManualTaskRunner();
        DnsCheckViewModel m = enteredOnTheDay(runner);
        runner.runAll();
        m.run();
        assertTrue(m.busyProperty().get());
        String sender = m.senderDomainProperty().get();
        Finding missing = selectorMissing(sender, "sf2");
        dkimStepFound(sender, "sf2", missing);
        runner.runAll();
        assertFalse(m.busyProperty().get());
        assertTrue(reported(sender).contains(missing), reported(sender).toString());
        assertTrue(FakeChecker.findings(sender, CheckKind.DKIM).stream().noneMatch(reported(sender)::contains),
                "the run's DKIM findings (of the selectors it used) are replaced");
        assertEquals("DKIM selector sf2 is missing", dkimRow(m, sender).summaryProperty().get());
    }

    /**
     * A DKIM result from before a run is not laid over the run's own DKIM check; the same selectors looked up again
     * while a run is busy (an equal result, which no change listener hears of) are taken when it ends.
     */
    @Test
    void onlyADkimResultFromDuringTheRunIsTakenWhenItEnds() {
        ManualTaskRunner runner = new ManualTaskRunner();
        DnsCheckViewModel m = enteredOnTheDay(runner);
        runner.runAll();
        m.run();
        runner.runAll();
        String sender = m.senderDomainProperty().get();
        Finding missing = selectorMissing(sender, "sf2");
        dkimStepFound(sender, "sf2", missing);
        assertTrue(reported(sender).contains(missing), "taken at once when no run is busy");

        m.run();
        runner.runAll();
        assertFalse(reported(sender).contains(missing), "the run checked DKIM again: its findings stand");
        assertTrue(reported(sender).containsAll(FakeChecker.findings(sender, CheckKind.DKIM)));

        m.run();
        dkimStepFound(sender, "sf2", missing);
        runner.runAll();
        assertTrue(reported(sender).contains(missing), reported(sender).toString());
    }

    /**
     * The table follows each row through its state and summary properties, so a check that ends redraws its own row:
     * it changes the row, never the list (a list change redraws every row of the table and the domain list beside it,
     * which for a run of 141 checks ending one by one is a redraw of the whole table per check).
     */
    @Test
    void aCheckEndingChangesItsRowAndNotTheList() {
        List<ListChangeListener.Change<? extends CheckRow>> listChanges = new ArrayList<>();
        List<CheckState> rowChanges = new ArrayList<>();
        AtomicReference<DnsCheckViewModel> model = new AtomicReference<>();
        DomainChecker answering = FakeChecker.synchronous((domain, kind, o) -> FakeChecker.findings(domain, kind));
        DomainChecker watched = (requests, opts, listener, cancellation) -> {
            // the run has put up its rows: from here to the checks' end the list must not change
            List<CheckRow> before = List.copyOf(model.get().rows());
            before.forEach(r -> r.stateProperty().addListener((o, a, b) -> rowChanges.add(b)));
            model.get().rows().addListener((ListChangeListener<CheckRow>) listChanges::add);
            CheckReport report = answering.check(requests, opts, listener, cancellation);
            assertEquals(List.of(), listChanges, "no list change while the checks ran");
            assertEquals(before, model.get().rows(), "the same rows, in the same places");
            return report;
        };
        model.set(model(new SyncTaskRunner(), watched));
        session.setAnalysis(TestAnalyses.day());
        model.get().entered();
        model.get().run();
        int checks = CheckKind.SENDER.size() + 2 * CheckKind.RECIPIENT.size();
        assertEquals(2 * checks, rowChanges.size(), "each row: running, then its outcome");
        // the run's end puts the rows in their final order (problems first), in one change
        assertEquals(1, listChanges.size(), listChanges.toString());
        assertTrue(listChanges.getFirst().next() && listChanges.getFirst().wasPermutated());
        assertEquals(ChecksState.DONE, model.get().stateProperty().get());
    }
}
