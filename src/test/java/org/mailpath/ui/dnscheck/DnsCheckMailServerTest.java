package org.mailpath.ui.dnscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.check.CheckKind;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.check.CheckRequest;
import org.mailpath.engine.check.DomainChecker;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.engine.smtp.Capabilities;
import org.mailpath.engine.smtp.CertificateFacts;
import org.mailpath.engine.smtp.PortBlockedCheck;
import org.mailpath.engine.smtp.ProbeReport;
import org.mailpath.engine.smtp.ProbeTarget;
import org.mailpath.engine.smtp.SmtpCodes;
import org.mailpath.engine.smtp.SmtpFindings;
import org.mailpath.engine.smtp.SmtpProbeListener;
import org.mailpath.engine.smtp.TargetResult;
import org.mailpath.engine.smtp.TargetResult.ConnectFailure;
import org.mailpath.engine.smtp.TlsFacts;
import org.mailpath.engine.smtp.TlsSummary;
import org.mailpath.engine.smtp.TranscriptLine;
import org.mailpath.engine.smtp.TranscriptLine.Direction;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.SettingsStore;
import org.mailpath.ui.common.SyncTaskRunner;
import org.mailpath.ui.common.TaskRunner;
import org.mailpath.ui.common.WizardSession;
import org.mailpath.ui.testing.FakeChecker;
import org.mailpath.ui.testing.FakeDialogs;
import org.mailpath.ui.testing.ManualTaskRunner;
import org.mailpath.ui.testing.TestAnalyses;

/**
 * The mail server test of the DNS checks step, against a scripted probe: the option and the RCPT test behind
 * it, the live rows, the findings joining each domain's, the blocked-port case, cancelling, the conversation.
 */
class DnsCheckMailServerTest {

    @TempDir
    Path dir;

    private final WizardSession session = new WizardSession();
    private final FakeDialogs dialogs = new FakeDialogs();
    private final List<String> probed = new CopyOnWriteArrayList<>();
    /** Per domain: the findings of finding its servers, and each address's result. */
    private final Map<String, List<Finding>> resolution = new LinkedHashMap<>();
    private final Map<String, List<TargetResult>> servers = new LinkedHashMap<>();
    /** Runs inside the probe after each address finished (to look at the rows live, or to cancel). */
    private Consumer<TargetResult> afterTarget = r -> { };

    /** The DNS checks answer at once with nothing found: these tests are about the mail servers. */
    private final DomainChecker quietChecker = FakeChecker.synchronous((domain, kind, o) -> List.of());

    /** Plays the scripted servers to the listener as the engine would, one address after the other. */
    private final MailServerProbe scripted = (domain, rcpt, opts, listener, cancellation) -> {
        probed.add(domain + " rcpt=" + rcpt.orElse("-"));
        List<TargetResult> results = servers.getOrDefault(domain, List.of());
        listener.targetsResolved(results.stream().map(TargetResult::target).toList());
        List<TargetResult> done = new ArrayList<>();
        for (TargetResult r : results) {
            cancellation.throwIfCancelled();
            listener.targetStarted(r.target());
            r.transcript().forEach(line -> listener.transcriptLine(r.target(), line));
            listener.targetFinished(r);
            done.add(r);
            afterTarget.accept(r);
        }
        cancellation.throwIfCancelled();
        List<Finding> findings = new ArrayList<>(resolution.getOrDefault(domain, List.of()));
        // like the engine, each run judges the port on its own results; the step judges all runs together
        PortBlockedCheck.check(done, 25).ifPresent(findings::add);
        return new ProbeReport(done, findings);
    };

    private DnsCheckViewModel model(TaskRunner runner, MailServerProbe probe) {
        DnsCheckViewModel m = new DnsCheckViewModel(quietChecker, probe, runner, dialogs,
                SettingsStore.open(dir.resolve("s.properties")), session, Messages.forLocale(Locale.ENGLISH),
                new CheckOptions(List.of("127.0.0.1:5353"), 5353, Duration.ofSeconds(2), Optional.empty(), List.of(),
                        List.of()));
        m.recipientDomains().addAll("example.se", "kund.se");
        return m;
    }

    private DnsCheckViewModel model() {
        return model(ManualTaskRunner.atOnce(), scripted);
    }

    // ---- options

    @Test
    void theTestIsOffByDefaultAndTheRcptTestSitsBehindIt() {
        DnsCheckViewModel m = model();
        assertFalse(m.probeServersProperty().get());
        assertFalse(m.canEditRcptProperty().get());
        m.rcptTestProperty().set(true);
        assertEquals("", m.rcptProblemProperty().get(), "the RCPT test means nothing without the server test");
        assertTrue(m.canRunProperty().get());
        m.rcptTestProperty().set(false);
        m.run();
        assertEquals(List.of(), probed, "no connection unless asked");
        assertTrue(m.rows().stream().allMatch(r -> r.topic() instanceof RowTopic.DnsCheck));
        assertFalse(m.hasConversationsProperty().get());

        m.probeServersProperty().set(true);
        assertTrue(m.canEditRcptProperty().get());
        m.rcptTestProperty().set(true);
        assertEquals("Type the address to ask about, or pick one from the list.", m.rcptProblemProperty().get());
        assertFalse(m.canRunProperty().get());
        m.rcptAddressProperty().set("nobody at example.se");
        assertEquals("Write a whole address, e.g. name@example.com.", m.rcptProblemProperty().get());
        m.rcptAddressProperty().set("someone@elsewhere.example");
        assertEquals("elsewhere.example is not one of the recipient domains above: add it, or pick an address at one"
                + " of them.", m.rcptProblemProperty().get());
        m.rcptAddressProperty().set(" Former.Employee0@EXAMPLE.se ");
        assertEquals("", m.rcptProblemProperty().get());
        assertTrue(m.canRunProperty().get());
    }

    @Test
    void aBugInOneDomainsTestIsWordedWithoutAJavaClassName() {
        DnsCheckViewModel m = model(ManualTaskRunner.atOnce(), (domain, rcpt, opts, listener, cancellation) -> {
            throw new NullPointerException();
        });
        m.probeServersProperty().set(true);
        try (var log = org.mailpath.testing.TestLogFile.on(java.nio.file.Path.of("/home/ann/.local/state/mailpath/mailpath0-2.log"))) {
            m.run();
        }
        List<String> summaries = m.rows().stream().filter(r -> r.topic() instanceof RowTopic.MailServers)
                .map(r -> r.summaryProperty().get()).distinct().toList();
        assertEquals(List.of("The mail server test could not run: an error inside MailPath (the details are in"
                + " MailPath’s log, /home/ann/.local/state/mailpath/mailpath0-2.log)."), summaries);
    }

    @Test
    void theRcptAddressesOfferedAreTheFailedRecipients() {
        DnsCheckViewModel m = model();
        session.setAnalysis(TestAnalyses.day());
        m.entered();
        assertEquals(11, m.rcptSuggestions().size());
        assertEquals("former.employee0@example.se", m.rcptSuggestions().getFirst());
        assertTrue(m.rcptSuggestions().contains("info3@kund.se"));
        assertFalse(m.rcptSuggestions().stream().anyMatch(a -> a.endsWith("@acme.com")), "delivered ones are not offered");
    }

    @Test
    void onlyTheAddressesOwnDomainIsAskedTheRcptQuestion() {
        DnsCheckViewModel m = model();
        m.probeServersProperty().set(true);
        m.rcptTestProperty().set(true);
        m.rcptAddressProperty().set("Info@Kund.SE");
        run(m);
        assertEquals(List.of("example.se rcpt=-", "kund.se rcpt=Info@kund.se"), probed.stream().sorted().toList());
    }

    // ---- rows, findings, report

    @Test
    void everyAddressGetsARowAfterItsDomainsChecksAndItsFindingsJoinTheDomains() throws Exception {
        ProbeTarget mx1 = target("example.se", "mx1.example.se", "192.0.2.1", 10);
        ProbeTarget mx2 = target("example.se", "mx2.example.se", "192.0.2.2", 20);
        ProbeTarget kund = target("kund.se", "mx.kund.se", "192.0.2.9", 10);
        servers.put("example.se", List.of(answered(mx1, true), answered(mx2, false)));
        servers.put("kund.se", List.of(refused(kund)));
        resolution.put("example.se", List.of(SmtpFindings.of(SmtpCodes.SMTP_NO_ADDRESS, "mx3.example.se",
                List.of(";; mx3.example.se A -> NXDOMAIN"), "mx3.example.se")));
        DnsCheckViewModel m = model();
        m.probeServersProperty().set(true);
        run(m);

        assertEquals(ChecksState.DONE, m.stateProperty().get());
        List<String> labels = m.rows().stream().map(r -> r.domain() + " " + r.label()).toList();
        int lastExampleDns = labels.lastIndexOf("example.se " + "DANE (TLSA of the MX hosts)"); // the last DNS check
        assertEquals(List.of("example.se Mail servers (SMTP)", "example.se SMTP mx1.example.se [192.0.2.1]",
                "example.se SMTP mx2.example.se [192.0.2.2]", "kund.se Domain exists"),
                labels.subList(lastExampleDns + 1, lastExampleDns + 5), labels.toString());
        assertEquals(CheckState.ERROR, row(m, "example.se", "Mail servers (SMTP)").state(), "mx3 has no address");
        // the admin review: "8 of 8 addresses tested, 9 errors" counted each domain's row of finding its servers as an
        // address's; the addresses' problems and the finding's are said apart
        String summary = m.resultSummaryProperty().get();
        assertTrue(summary.contains(" Mail servers: 3 of 3 addresses tested, 1 error, 1 warning. Looking up the mail"
                + " servers: 1 error, no warnings. "), summary);
        assertEquals("The mail server name mx3.example.se has no IPv4 or IPv6 address.",
                row(m, "example.se", "Mail servers (SMTP)").summaryProperty().get());
        assertEquals(CheckState.OK, row(m, "example.se", "SMTP mx1.example.se [192.0.2.1]").state());
        assertEquals("Answered normally; STARTTLS with TLSv1.3",
                row(m, "example.se", "SMTP mx1.example.se [192.0.2.1]").summaryProperty().get());
        assertEquals(CheckState.WARNING, row(m, "example.se", "SMTP mx2.example.se [192.0.2.2]").state());
        assertTrue(row(m, "example.se", "SMTP mx2.example.se [192.0.2.2]").summaryProperty().get()
                .startsWith("The server does not offer STARTTLS"));
        assertEquals(CheckState.ERROR, row(m, "kund.se", "SMTP mx.kund.se [192.0.2.9]").state());
        assertEquals(CheckState.OK, row(m, "kund.se", "Mail servers (SMTP)").state());
        assertEquals("Tested 1 address of 1 mail server", row(m, "kund.se", "Mail servers (SMTP)").summaryProperty().get());
        assertEquals("", m.probeNoticeProperty().get());
        assertEquals(1.0, m.progressProperty().get());
        assertTrue(m.hasConversationsProperty().get());

        // Grouped with the domain's other findings, by severity.
        FindingGroup errors = group(m, "example.se", Severity.ERROR);
        assertEquals(List.of(SmtpCodes.SMTP_NO_ADDRESS), codes(errors.findings()));
        assertEquals(List.of(SmtpCodes.SMTP_NO_STARTTLS), codes(group(m, "example.se", Severity.WARNING).findings()));
        assertEquals(List.of(SmtpCodes.SMTP_OK, SmtpCodes.SMTP_TLS_OK), codes(group(m, "example.se", Severity.OK).findings()));
        assertEquals(List.of(SmtpCodes.SMTP_CONNECT_REFUSED), codes(group(m, "kund.se", Severity.ERROR).findings()));
        Finding refusal = group(m, "kund.se", Severity.ERROR).findings().getFirst();
        m.copy(refusal);
        assertTrue(dialogs.lastCopied().startsWith("[ERROR] SMTP_CONNECT_REFUSED — mx.kund.se [192.0.2.9]:25"),
                dialogs.lastCopied());
        assertTrue(dialogs.lastCopied().contains("    2026-03-06T08:00:00Z *: connecting to mx.kund.se"));
        assertTrue(dialogs.lastCopied().contains("What to do: The recipient's mail team must make their MX host"));

        // The report reads the session: the SMTP findings are the domain's findings there too.
        List<Finding> reported = session.checks().domains().stream().filter(d -> d.domain().equals("example.se"))
                .findFirst().orElseThrow().findings();
        assertTrue(codes(reported).containsAll(List.of(SmtpCodes.SMTP_NO_ADDRESS, SmtpCodes.SMTP_NO_STARTTLS,
                SmtpCodes.SMTP_OK)), codes(reported).toString());
    }

    @Test
    void theSmtpFindingsReachTheReportsRecipientSection() {
        ProbeTarget mx = target("example.se", "mx1.example.se", "192.0.2.1", 10);
        servers.put("example.se", List.of(answered(mx, false)));
        DnsCheckViewModel m = model();
        session.setAnalysis(TestAnalyses.day());
        m.entered();
        m.probeServersProperty().set(true);
        run(m);
        var report = org.mailpath.ui.report.ReportExporter.standard().build(TestAnalyses.day(), session.checks(),
                new org.mailpath.engine.report.ReportOptions(java.util.Set.of(), java.util.Set.of(), false,
                        Instant.EPOCH, "test"), 0, java.util.List.of(),
                org.mailpath.engine.common.Cancellation.none());
        var section = report.recipientDomains().stream().filter(s -> s.domain().equals("example.se")).findFirst()
                .orElseThrow();
        assertTrue(codes(section.findings()).contains(SmtpCodes.SMTP_NO_STARTTLS), codes(section.findings()).toString());
    }

    @Test
    void aDomainTheDnsChecksFoundNotToExistIsOneProblemNotTwo() {
        // the DNS checks say kund.se does not exist; the probe, looking up its MX, says the same
        Finding nx = new Finding(org.mailpath.engine.dns.DnsFindingCodes.DOMAIN_NXDOMAIN, Severity.ERROR, "kund.se",
                "kund.se does not exist (NXDOMAIN).", List.of(), "Check the address.", Actor.SENDER_ADMIN);
        DomainChecker nxChecker = FakeChecker.synchronous((domain, kind, o) ->
                domain.equals("kund.se") && kind == CheckKind.EXISTENCE ? List.of(nx) : List.of());
        resolution.put("kund.se", List.of(new Finding(SmtpCodes.SMTP_DOMAIN_NOT_FOUND, Severity.ERROR, "kund.se",
                "The domain kund.se does not exist in DNS (NXDOMAIN).", List.of(), "Check the address.",
                Actor.SENDER_ADMIN)));
        resolution.put("example.se", List.of(new Finding(SmtpCodes.SMTP_DOMAIN_NOT_FOUND, Severity.ERROR,
                "example.se", "The domain example.se does not exist in DNS (NXDOMAIN).", List.of(),
                "Check the address.", Actor.SENDER_ADMIN)));
        DnsCheckViewModel m = new DnsCheckViewModel(nxChecker, scripted, ManualTaskRunner.atOnce(), dialogs,
                SettingsStore.open(dir.resolve("s.properties")), session, Messages.forLocale(Locale.ENGLISH),
                new CheckOptions(List.of("127.0.0.1:5353"), 5353, Duration.ofSeconds(2), Optional.empty(), List.of(),
                        List.of()));
        m.recipientDomains().addAll("example.se", "kund.se");
        m.probeServersProperty().set(true);
        run(m);
        List<Finding> kund = session.checks().domains().stream().filter(d -> d.domain().equals("kund.se"))
                .findFirst().orElseThrow().findings();
        assertEquals(List.of(org.mailpath.engine.dns.DnsFindingCodes.DOMAIN_NXDOMAIN), codes(kund));
        // a probe finding the DNS checks did not state stays
        List<Finding> example = session.checks().domains().stream().filter(d -> d.domain().equals("example.se"))
                .findFirst().orElseThrow().findings();
        assertEquals(List.of(SmtpCodes.SMTP_DOMAIN_NOT_FOUND), codes(example));
    }

    /** The admin review: a domain that does not exist showed green "No problem found" for EDNS, Blocklists, DANE. */
    @Test
    void theOtherChecksOfADomainThatDoesNotExistSayThereWasNothingToCheck() {
        Finding nx = new Finding(org.mailpath.engine.dns.DnsFindingCodes.DOMAIN_NXDOMAIN, Severity.ERROR, "kund.se",
                "kund.se does not exist (NXDOMAIN).", List.of(), "Check the address.", Actor.SENDER_ADMIN);
        DomainChecker nxChecker = FakeChecker.synchronous((domain, kind, o) ->
                domain.equals("kund.se") && kind == CheckKind.EXISTENCE ? List.of(nx) : List.of());
        DnsCheckViewModel m = new DnsCheckViewModel(nxChecker, scripted, ManualTaskRunner.atOnce(), dialogs,
                SettingsStore.open(dir.resolve("s.properties")), session, Messages.forLocale(Locale.ENGLISH),
                new CheckOptions(List.of("127.0.0.1:5353"), 5353, Duration.ofSeconds(2), Optional.empty(), List.of(),
                        List.of()));
        m.recipientDomains().addAll("example.se", "kund.se");
        run(m);
        List<CheckRow> kund = m.rows().stream().filter(r -> r.domain().equals("kund.se")
                && r.topic() instanceof RowTopic.DnsCheck).toList();
        assertTrue(kund.size() > 1, kund.toString());
        for (CheckRow row : kund) {
            boolean existence = row.topic().equals(new RowTopic.DnsCheck(CheckKind.EXISTENCE));
            assertEquals(existence ? CheckState.ERROR : CheckState.NOTE, row.state(), row.topic().toString());
            if (!existence) {
                assertEquals("Nothing to check: kund.se does not exist", row.summaryProperty().get());
            }
        }
        // a domain that exists keeps its passes
        assertTrue(m.rows().stream().filter(r -> r.domain().equals("example.se") && r.topic() instanceof RowTopic.DnsCheck)
                .allMatch(r -> r.state() == CheckState.OK));
    }

    @Test
    void rowsGoFromRunningToTheirOutcomeWhileTheConversationIsShownLive() {
        ProbeTarget mx1 = target("example.se", "mx1.example.se", "192.0.2.1", 10);
        ProbeTarget mx2 = target("example.se", "mx2.example.se", "192.0.2.2", 20);
        List<String> seen = new ArrayList<>();
        DnsCheckViewModel[] model = new DnsCheckViewModel[1];
        MailServerProbe watched = (domain, rcpt, opts, listener, cancellation) -> {
            DnsCheckViewModel m = model[0];
            CheckRow servers = row(m, "example.se", "Mail servers (SMTP)");
            seen.add(servers.state() + " " + servers.summaryProperty().get());
            listener.targetsResolved(List.of(mx1, mx2));
            CheckRow first = row(m, "example.se", "SMTP mx1.example.se [192.0.2.1]");
            seen.add(first.state() + " / " + servers.summaryProperty().get());
            m.selectedRowProperty().set(first);
            listener.targetStarted(mx1);
            seen.add(first.state() + " " + first.summaryProperty().get());
            listener.waitingForBanner(mx1, Duration.ofSeconds(3), Duration.ofMinutes(5));
            seen.add(first.summaryProperty().get());
            listener.transcriptLine(mx1, line(Direction.NOTE, "connecting to mx1.example.se [192.0.2.1]:25"));
            listener.transcriptLine(mx1, line(Direction.SERVER, "220 mx1.example.se ESMTP"));
            seen.add(first.summaryProperty().get());
            seen.add(m.transcriptProperty().get());
            TargetResult one = answered(mx1, true);
            TargetResult two = answered(mx2, true);
            listener.targetFinished(one);
            seen.add(first.state() + " " + m.progressTextProperty().get());
            listener.targetStarted(mx2);
            listener.targetFinished(two);
            return new ProbeReport(List.of(one, two), List.of());
        };
        DnsCheckViewModel m = model(ManualTaskRunner.atOnce(), watched);
        model[0] = m;
        m.recipientDomains().remove("kund.se");
        m.probeServersProperty().set(true);
        run(m);
        assertEquals("RUNNING Looking up the mail servers…", seen.get(0));
        assertEquals("PENDING / Testing 2 addresses of 2 mail servers…", seen.get(1));
        assertEquals("RUNNING Connecting to port 25…", seen.get(2));
        assertEquals("Connected; waiting for the greeting (3 s; gives up after 300 s)", seen.get(3));
        assertEquals("Connected; talking SMTP…", seen.get(4));
        assertEquals("""
                mx1.example.se [192.0.2.1]:25 — a mail server of example.se · MX preference 10

                … still running

                Conversation (times in UTC; S = server, C = MailPath, * = note)
                08:00:00.000  *  connecting to mx1.example.se [192.0.2.1]:25
                08:00:00.000  S  220 mx1.example.se ESMTP
                """, seen.get(5));
        assertTrue(seen.get(6).startsWith("OK "), seen.get(6));
        assertEquals(ChecksState.DONE, m.stateProperty().get());
    }

    @Test
    void theProgressBarNeverGoesBackWhenAServersRowsAppear() {
        ProbeTarget mx1 = target("example.se", "mx1.example.se", "192.0.2.1", 10);
        ProbeTarget mx2 = target("example.se", "mx2.example.se", "192.0.2.2", 20);
        List<Double> bar = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        DnsCheckViewModel[] model = new DnsCheckViewModel[1];
        MailServerProbe watched = (domain, rcpt, opts, listener, cancellation) -> {
            DnsCheckViewModel m = model[0];
            Runnable look = () -> {
                bar.add(m.progressProperty().get());
                texts.add(m.progressTextProperty().get());
            };
            look.run();
            listener.targetsResolved(List.of(mx1, mx2));
            look.run();
            TargetResult one = answered(mx1, true);
            TargetResult two = answered(mx2, true);
            listener.targetFinished(one);
            look.run();
            listener.targetFinished(two);
            look.run();
            return new ProbeReport(List.of(one, two), List.of());
        };
        DnsCheckViewModel m = model(ManualTaskRunner.atOnce(), watched);
        model[0] = m;
        m.recipientDomains().remove("kund.se");
        m.probeServersProperty().set(true);
        run(m);
        bar.add(m.progressProperty().get());

        for (int i = 1; i < bar.size(); i++) {
            assertTrue(bar.get(i) >= bar.get(i - 1), "the bar went back: " + bar);
        }
        assertTrue(bar.get(2) > bar.get(1), "a finished address moves the bar: " + bar);
        assertEquals(1.0, bar.getLast());
        long checks = m.rows().stream().filter(r -> r.topic() instanceof RowTopic.DnsCheck).count();
        assertTrue(texts.get(0).endsWith(" of " + checks + " checks done; 0 of 0 mail server addresses tested, more"
                + " follow as the mail servers are found"), texts.get(0));
        assertTrue(texts.get(1).endsWith(" of " + checks + " checks done; 0 of 2 mail server addresses tested"),
                "the servers are known: " + texts.get(1));
        assertEquals(checks + " of " + checks + " checks done; 2 of 2 mail server addresses tested",
                m.progressTextProperty().get(), "the checks are the DNS checks; the addresses counted apart");
    }

    /**
     * The review: after a run stopped with the mail server test on, the Report step said the report "holds only the
     * 11 of 141 checks that finished", counting the mail servers' rows as checks, while the DNS step's progress, the
     * summary and a run without the test meant the DNS checks alone (how many mail server rows there are is known
     * only as their servers are found). The checks are the DNS checks everywhere; the addresses tested are named apart.
     */
    @Test
    void aStoppedRunCountsItsDnsChecksAsChecksAndNamesTheMailServersApart() {
        ProbeTarget mx1 = target("example.se", "mx1.example.se", "192.0.2.1", 10);
        ProbeTarget mx2 = target("example.se", "mx2.example.se", "192.0.2.2", 20);
        servers.put("example.se", List.of(answered(mx1, false), answered(mx2, true)));
        ManualTaskRunner runner = new ManualTaskRunner();
        // the probes run on threads of their own beside the DNS checks: the cancel waits until those have ended, so
        // that what the test reads does not depend on which thread came first
        CountDownLatch checksEnded = new CountDownLatch(1);
        DomainChecker checkedThenSaid = (requests, o, listener, c) -> {
            try {
                return quietChecker.check(requests, o, listener, c);
            } finally {
                checksEnded.countDown();
            }
        };
        DnsCheckViewModel m = new DnsCheckViewModel(checkedThenSaid, scripted, runner, dialogs,
                SettingsStore.open(dir.resolve("s.properties")), session, Messages.forLocale(Locale.ENGLISH),
                new CheckOptions(List.of("127.0.0.1:5353"), 5353, Duration.ofSeconds(2), Optional.empty(), List.of(),
                        List.of()));
        m.recipientDomains().add("example.se");
        m.probeServersProperty().set(true);
        afterTarget = r -> {
            if (r.target().equals(mx1)) {
                try {
                    checksEnded.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                m.cancelWork();
            }
        };
        m.run();
        runner.runAll();

        long checks = m.rows().stream().filter(r -> r.topic() instanceof RowTopic.DnsCheck).count();
        long finished = m.rows().stream().filter(r -> r.topic() instanceof RowTopic.DnsCheck && r.state().finished())
                .count();
        assertTrue(m.rows().size() > checks, "the mail servers have rows of their own: " + m.rows().size());
        assertEquals("The DNS checks were stopped, so the report holds only the " + finished + " of " + checks
                + " checks that finished and the tests of 1 of the 2 mail server addresses found; run them again on"
                + " the DNS checks step for the others.", m.reportNoticeProperty().get());
        assertEquals(checks, finished, "the DNS checks all ended before the cancel");
        assertTrue(m.resultSummaryProperty().get().startsWith(checks + " checks done: no errors, no warnings. Mail"
                + " servers: 1 of 2 addresses tested, no errors, 1 warning."), m.resultSummaryProperty().get());
    }

    /** Stopped before any mail server was found: the notice says no mail server was tested, not "0 of the 0". */
    @Test
    void aRunFailingBeforeAnyMailServerWasFoundSaysNoneWasTested() {
        DnsCheckViewModel m = new DnsCheckViewModel((requests, o, listener, c) -> {
            CheckRequest first = requests.getFirst();
            listener.started(first.domain(), CheckKind.MX);
            listener.finished(first.domain(), CheckKind.MX, List.of());
            throw new IllegalStateException("broken");
        }, (domain, rcpt, opts, listener, cancellation) -> {
            throw new org.mailpath.engine.common.CancelledException();
        }, new SyncTaskRunner(), dialogs, SettingsStore.open(dir.resolve("s.properties")), session,
                Messages.forLocale(Locale.ENGLISH), new CheckOptions(List.of("127.0.0.1:5353"), 5353,
                        Duration.ofSeconds(2), Optional.empty(), List.of(), List.of()));
        m.recipientDomains().add("example.se");
        m.probeServersProperty().set(true);
        m.run();
        long checks = m.rows().stream().filter(r -> r.topic() instanceof RowTopic.DnsCheck).count();
        assertEquals("The DNS checks stopped on an error, so the report holds only the 1 of " + checks + " checks that"
                + " finished and no mail server test (no mail server address had been found); run them again on the"
                + " DNS checks step for the others.", m.reportNoticeProperty().get());
    }

    // ---- blocked port, cancel, conversation

    @Test
    void aBlockedPort25IsSaidInPlainWordsInsteadOfReportingEveryServerAsDown() {
        servers.put("example.se", List.of(timedOut(target("example.se", "mx1.example.se", "192.0.2.1", 10)),
                timedOut(target("example.se", "mx2.example.se", "192.0.2.2", 20))));
        servers.put("kund.se", List.of(timedOut(target("kund.se", "mx.kund.se", "192.0.2.9", 10))));
        DnsCheckViewModel m = model();
        m.probeServersProperty().set(true);
        run(m);

        assertTrue(m.probeNoticeProperty().get().startsWith("None of the 3 mail server addresses answered on port 25."
                + " Outbound port 25 is probably blocked on this computer’s network"), m.probeNoticeProperty().get());
        assertTrue(m.probeNoticeProperty().get().contains("this says nothing about the recipients’ servers"));
        List<CheckRow> serverRows = m.rows().stream().filter(r -> r.target().isPresent()).toList();
        assertEquals(3, serverRows.size());
        for (CheckRow r : serverRows) {
            assertEquals(CheckState.NOT_CHECKED, r.state(), "blocked here: the server was not checked");
            assertEquals("No answer on port 25: probably blocked on this computer’s network", r.summaryProperty().get());
        }
        for (String domain : List.of("example.se", "kund.se")) {
            List<Finding> smtp = m.groups().stream().filter(g -> g.domain().equals(domain))
                    .flatMap(g -> g.findings().stream()).filter(f -> f.code().startsWith("SMTP_")).toList();
            assertEquals(List.of(SmtpCodes.SMTP_PORT25_BLOCKED_LOCALLY), codes(smtp), domain);
            assertEquals(Actor.LOCAL_NETWORK, smtp.getFirst().actor());
            assertEquals(3, smtp.getFirst().evidence().size(), "judged over every domain's addresses");
        }
        assertTrue(session.checks().domains().stream().flatMap(d -> d.findings().stream())
                .noneMatch(f -> f.code().equals(SmtpCodes.SMTP_CONNECT_TIMEOUT)), "the report blames no server");
    }

    /** One address of all the domains': "none of the 1 addresses" read wrongly. */
    @Test
    void aBlockedPort25WithOneAddressSpeaksOfThatOne() {
        servers.put("example.se", List.of(timedOut(target("example.se", "mx1.example.se", "192.0.2.1", 10))));
        DnsCheckViewModel m = model();
        m.probeServersProperty().set(true);
        run(m);
        assertTrue(m.probeNoticeProperty().get().startsWith("The one mail server address did not answer on port 25."
                + " Outbound port 25 is probably blocked on this computer’s network"), m.probeNoticeProperty().get());
    }

    @Test
    void oneDomainTimingOutWhileAnotherAnswersIsThatDomainsProblem() {
        servers.put("example.se", List.of(timedOut(target("example.se", "mx1.example.se", "192.0.2.1", 10))));
        servers.put("kund.se", List.of(answered(target("kund.se", "mx.kund.se", "192.0.2.9", 10), true)));
        DnsCheckViewModel m = model();
        m.probeServersProperty().set(true);
        run(m);
        assertEquals("", m.probeNoticeProperty().get());
        assertEquals(List.of(SmtpCodes.SMTP_CONNECT_TIMEOUT), codes(group(m, "example.se", Severity.ERROR).findings()),
                "the engine's own port verdict for that one domain is dropped");
        assertTrue(m.groups().stream().flatMap(g -> g.findings().stream())
                .noneMatch(f -> f.code().equals(SmtpCodes.SMTP_PORT25_BLOCKED_LOCALLY)));
    }

    @Test
    void cancelKeepsTheAddressesThatFinished() {
        ProbeTarget mx1 = target("example.se", "mx1.example.se", "192.0.2.1", 10);
        ProbeTarget mx2 = target("example.se", "mx2.example.se", "192.0.2.2", 20);
        servers.put("example.se", List.of(answered(mx1, false), answered(mx2, true)));
        ManualTaskRunner runner = new ManualTaskRunner();
        DnsCheckViewModel m = model(runner, scripted);
        m.recipientDomains().remove("kund.se");
        m.probeServersProperty().set(true);
        afterTarget = r -> {
            if (r.target().equals(mx1)) {
                m.cancelWork();
            }
        };
        m.run();
        assertTrue(m.busyProperty().get());
        runner.runAll();

        assertFalse(m.busyProperty().get());
        assertEquals(ChecksState.DONE, m.stateProperty().get());
        assertEquals("Checks cancelled; the results so far are shown.", m.progressTextProperty().get());
        assertEquals(CheckState.WARNING, row(m, "example.se", "SMTP mx1.example.se [192.0.2.1]").state());
        assertEquals(CheckState.CANCELLED, row(m, "example.se", "SMTP mx2.example.se [192.0.2.2]").state());
        assertEquals(CheckState.CANCELLED, row(m, "example.se", "Mail servers (SMTP)").state());
        assertEquals(List.of(SmtpCodes.SMTP_NO_STARTTLS), codes(group(m, "example.se", Severity.WARNING).findings()));
        assertTrue(codes(session.checks().domains().getFirst().findings()).contains(SmtpCodes.SMTP_NO_STARTTLS));
    }

    @Test
    void theSelectedServersConversationSaysWhatItCameTo() {
        ProbeTarget mx1 = target("example.se", "mx1.example.se", "192.0.2.1", 10);
        servers.put("example.se", List.of(answered(mx1, true)));
        DnsCheckViewModel m = model();
        m.recipientDomains().remove("kund.se");
        m.probeServersProperty().set(true);
        run(m);
        assertEquals("", m.transcriptProperty().get());
        assertFalse(m.canCopyTranscriptProperty().get());
        m.selectedRowProperty().set(row(m, "example.se", "Mail servers (SMTP)"));
        assertEquals("", m.transcriptProperty().get(), "only a mail server's row has a conversation");
        m.selectedRowProperty().set(row(m, "example.se", "SMTP mx1.example.se [192.0.2.1]"));
        String text = m.transcriptProperty().get();
        assertTrue(text.startsWith("mx1.example.se [192.0.2.1]:25 — a mail server of example.se · MX preference 10\n\n"
                + "EHLO: The server offers: STARTTLS, SIZE 10240000 (10.2 MB), PIPELINING; not: 8BITMIME.\n"
                + "STARTTLS: TLSv1.3, TLS_AES_128_GCM_SHA256\n"
                + "    certificate 0: subject=CN=mx1.example.se\n"
                + "Certificate: valid, trusted and issued for mx1.example.se\n\n"
                + "Conversation (times in UTC; S = server, C = MailPath, * = note)\n"), text);
        assertTrue(text.contains("08:00:00.000  C  EHLO probe.example\n"), text);
        assertTrue(text.contains("08:00:00.000  S  220 mx1.example.se ESMTP\n"), text);
        m.copyTranscript();
        assertEquals(text, dialogs.lastCopied());
    }

    // ---- helpers

    private static void run(DnsCheckViewModel m) {
        m.run();
        if (m.busyProperty().get()) {
            throw new AssertionError("use a runner that runs at once");
        }
    }

    private static ProbeTarget target(String domain, String host, String ip, int preference) {
        try {
            return new ProbeTarget(domain, host, InetAddress.getByName(ip), 25, OptionalInt.of(preference));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static TranscriptLine line(Direction d, String text) {
        return new TranscriptLine(TestAnalyses.START, d, text);
    }

    private static List<TranscriptLine> greeting(ProbeTarget t) {
        return List.of(line(Direction.NOTE, "connecting to " + t.label()), line(Direction.SERVER, "220 " + t.host() + " ESMTP"),
                line(Direction.CLIENT, "EHLO probe.example"), line(Direction.SERVER, "250 " + t.host()));
    }

    /** A server that answered; with STARTTLS and a good certificate, or without STARTTLS. */
    private static TargetResult answered(ProbeTarget t, boolean tls) {
        List<String> evidence = greeting(t).stream().map(TranscriptLine::toString).toList();
        List<Finding> findings = new ArrayList<>();
        String caps = tls ? "STARTTLS, SIZE 10240000 (10.2 MB), PIPELINING; not: 8BITMIME"
                : "SIZE 10240000 (10.2 MB), PIPELINING; not: STARTTLS, 8BITMIME";
        findings.add(SmtpFindings.of(SmtpCodes.SMTP_CAPABILITIES, t.label(), evidence, caps));
        if (tls) {
            findings.addFirst(SmtpFindings.of(SmtpCodes.SMTP_OK, t.label(), evidence, t.label()));
            findings.add(SmtpFindings.of(SmtpCodes.SMTP_TLS_OK, t.label(), evidence, "TLSv1.3", "TLS_AES_128_GCM_SHA256"));
        } else {
            findings.add(SmtpFindings.of(SmtpCodes.SMTP_NO_STARTTLS, t.label(), evidence));
        }
        Capabilities capabilities = new Capabilities(tls ? java.util.Set.of("SIZE", "PIPELINING")
                : java.util.Set.of("SIZE", "PIPELINING"), java.util.OptionalLong.of(10240000));
        return new TargetResult(t, greeting(t), findings, capabilities, Optional.empty(),
                tls ? new TlsFacts.Established(new TlsSummary("TLSv1.3", "TLS_AES_128_GCM_SHA256",
                        List.of("certificate 0: subject=CN=" + t.host())), new CertificateFacts(CertificateFacts.Trust.TRUSTED, false,
                        false, CertificateFacts.NameMatch.SUBJECT_ALT_NAME, List.of(t.host()), List.of(t.host())))
                        : new TlsFacts.NotOffered());
    }

    private static TargetResult refused(ProbeTarget t) {
        List<TranscriptLine> lines = List.of(line(Direction.NOTE, "connecting to " + t.label()),
                line(Direction.NOTE, "connect failed: Connection refused"));
        return new TargetResult(t, lines, List.of(SmtpFindings.of(SmtpCodes.SMTP_CONNECT_REFUSED, t.label(),
                lines.stream().map(TranscriptLine::toString).toList(), t.addressText() + " port 25")),
                Capabilities.NONE, Optional.of(ConnectFailure.REFUSED), new TlsFacts.NotReached());
    }

    private static TargetResult timedOut(ProbeTarget t) {
        List<TranscriptLine> lines = List.of(line(Direction.NOTE, "connecting to " + t.label()),
                line(Direction.NOTE, "connect failed: Connect timed out"));
        return new TargetResult(t, lines, List.of(SmtpFindings.of(SmtpCodes.SMTP_CONNECT_TIMEOUT, t.label(),
                lines.stream().map(TranscriptLine::toString).toList(), t.addressText() + " port 25", "15")),
                Capabilities.NONE, Optional.of(ConnectFailure.TIMEOUT), new TlsFacts.NotReached());
    }

    private static CheckRow row(DnsCheckViewModel m, String domain, String label) {
        return m.rows().stream().filter(r -> r.domain().equals(domain) && r.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError(domain + " " + label + " not in "
                        + m.rows().stream().map(r -> r.domain() + " " + r.label()).toList()));
    }

    private static FindingGroup group(DnsCheckViewModel m, String domain, Severity severity) {
        return m.groups().stream().filter(g -> g.domain().equals(domain) && g.severity() == severity).findFirst()
                .orElseThrow(() -> new AssertionError(domain + " has no " + severity + " group"));
    }

    private static List<String> codes(List<Finding> findings) {
        return findings.stream().map(Finding::code).toList();
    }
}
