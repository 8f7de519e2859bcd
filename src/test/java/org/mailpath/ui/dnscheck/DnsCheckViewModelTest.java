package org.mailpath.ui.dnscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.check.CheckKind;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.check.CheckReport;
import org.mailpath.engine.check.CheckRequest;
import org.mailpath.engine.check.DomainCheckResult;
import org.mailpath.engine.check.DomainChecker;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.SettingsStore;
import org.mailpath.ui.common.SyncTaskRunner;
import org.mailpath.ui.common.TaskRunner;
import org.mailpath.ui.common.WizardSession;
import org.mailpath.ui.testing.FakeChecker;
import org.mailpath.ui.testing.FakeDialogs;
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
        List<DomainCheckResult> results = new ArrayList<>();
        for (CheckRequest r : requests) {
            List<Finding> all = new ArrayList<>();
            for (CheckKind kind : r.kinds()) {
                cancellation.throwIfCancelled();
                listener.started(r.domain(), kind);
                List<Finding> f = FakeChecker.findings(r.domain(), kind);
                listener.finished(r.domain(), kind, f);
                all.addAll(f);
            }
            results.add(new DomainCheckResult(r.domain(), all, List.of()));
        }
        return new CheckReport(results);
    };

    /** The mail server test is off in these tests; it would find nothing. */
    private static final MailServerProbe NO_PROBE = (domain, rcpt, opts, listener, cancellation) ->
            new org.mailpath.engine.smtp.ProbeReport(List.of(), List.of());

    private DnsCheckViewModel model(TaskRunner runner, DomainChecker checker) {
        return new DnsCheckViewModel(checker, NO_PROBE, runner, dialogs, SettingsStore.open(dir.resolve("s.properties")), session,
                Messages.forLocale(Locale.ENGLISH), new CheckOptions(List.of("127.0.0.1:5353"), 5353,
                        Duration.ofSeconds(2), Optional.empty(), List.of(), List.of()));
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

    @Test
    void domainsAreFoundOnAWorkerAndADomainAddedMeanwhileStays() {
        ManualTaskRunner runner = new ManualTaskRunner();
        DnsCheckViewModel m = model(runner, scripted);
        session.setAnalysis(TestAnalyses.day());
        m.entered();
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
        DnsCheckViewModel m = model(runner, scripted);
        session.setAnalysis(TestAnalyses.day());
        m.entered();
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
        DnsCheckViewModel m = model(new SyncTaskRunner(), scripted);
        session.setAnalysis(TestAnalyses.day());
        m.entered();
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
        assertEquals("The checks could not run: an error inside MailPath (the details are in MailPath’s log).",
                m.errorTextProperty().get());
        assertEquals(List.of("DMARC_POLICY_NONE"), m.groups().stream().flatMap(g -> g.findings().stream())
                .map(Finding::code).toList(), "what finished before the failure is shown, as after a cancel");
    }

    @Test
    void aNoteIsCalledANoteInTheTableAndInItsFindingsHeading() {
        Finding note = new Finding("DMARC_POLICY_NONE", Severity.INFO, "_dmarc.example.com", "p=none.", List.of(),
                "Move to p=quarantine.", org.mailpath.engine.finding.Actor.SENDER_ADMIN);
        DomainChecker oneNote = (requests, opts, listener, cancellation) -> {
            List<DomainCheckResult> results = new ArrayList<>();
            for (CheckRequest r : requests) {
                for (CheckKind kind : r.kinds()) {
                    listener.started(r.domain(), kind);
                    listener.finished(r.domain(), kind, kind == CheckKind.DMARC ? List.of(note) : List.of());
                }
                results.add(new DomainCheckResult(r.domain(), List.of(note), List.of()));
            }
            return new CheckReport(results);
        };
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

    @Test
    void bounceManagementEnvelopesGiveTheRealSendingDomain() {
        assertEquals(Optional.of("acme.example"),
                org.mailpath.ui.common.SendingDomain.senderDomainOf("user=acme.example__0a1b@x1y2.bnc.salesforce.com"));
        assertEquals(Optional.empty(), org.mailpath.ui.common.SendingDomain.senderDomainOf("noreply@salesforce.com"));
        assertEquals(Optional.of("acme.example"), org.mailpath.ui.common.SendingDomain.senderDomainOf("Support@ACME.example"));
    }

    private static CheckRow row(DnsCheckViewModel m, String domain, CheckKind kind) {
        return m.rows().stream().filter(r -> r.domain().equals(domain) && r.topic().equals(new RowTopic.DnsCheck(kind)))
                .findFirst().orElseThrow();
    }
}
