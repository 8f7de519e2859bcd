package org.mailpath.ui.dnscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.check.CheckKind;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.ProgressListener;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.report.ReportOptions;
import org.mailpath.report.ReportFormat;
import org.mailpath.report.ReportRenderers;
import org.mailpath.ui.app.EngineServices;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.SettingsStore;
import org.mailpath.ui.common.WizardSession;
import org.mailpath.ui.dkim.DkimViewModel;
import org.mailpath.ui.testing.FakeDialogs;
import org.mailpath.ui.testing.ManualTaskRunner;
import org.mailpath.ui.testing.TestEngines;

/**
 * The wizard's usual order, on the sample log against the sample's DNS on loopback (the real checks, the real DKIM
 * inspector): Run checks, then selectors on the DKIM step. What the DKIM step finds takes the place of the DNS step's
 * DKIM findings for that domain: in its row, its findings, the shared check results and so the report.
 */
class DkimStepFeedsChecksTest {

    @TempDir
    Path dir;

    @Test
    void selectorsCheckedOnTheDkimStepReachTheChecksRowAndTheReport() throws Exception {
        try (TestEngines.Running engine = TestEngines.start()) {
            EngineServices services = engine.services();
            LogAnalysis analysis = services.analyzer().analyze(TestEngines.sampleLog(), ProgressListener.NONE,
                    Cancellation.none());
            WizardSession session = new WizardSession();
            session.setAnalysis(analysis, List.of(TestEngines.sampleLog()));
            SettingsStore settings = SettingsStore.open(dir.resolve("s.properties"));
            Messages messages = Messages.forLocale(Locale.ENGLISH);
            ManualTaskRunner runner = ManualTaskRunner.atOnce();
            DnsCheckViewModel checks = new DnsCheckViewModel(services.checker(), services.probe(), runner,
                    new FakeDialogs(), settings, session, messages, services.checkDefaults());
            DkimViewModel dkim = new DkimViewModel(services.dkim(), runner, new FakeDialogs(), settings, session,
                    messages, services.checkDefaults());

            checks.entered();
            assertEquals("acme.example", checks.senderDomainProperty().get());
            checks.run();
            assertEquals(ChecksState.DONE, checks.stateProperty().get(), checks.errorTextProperty().get());
            CheckRow dkimRow = checks.rows().stream().filter(r -> r.domain().equals("acme.example")
                    && r.topic().equals(new RowTopic.DnsCheck(CheckKind.DKIM))).findFirst().orElseThrow();
            assertTrue(dkimRow.summaryProperty().get().startsWith("No DKIM selector given"),
                    dkimRow.summaryProperty().get());
            String before = checks.resultSummaryProperty().get();
            assertEquals(summaryOfRows(checks), countsOf(before), before);
            List<String> otherCodes = codesOf(session, "acme.example").stream()
                    .filter(c -> !c.startsWith("DKIM_")).toList();

            dkim.entered();
            dkim.selectorsProperty().set("sf1, sf2");
            dkim.inspect();
            assertEquals(DkimViewModel.State.DONE, dkim.stateProperty().get(), dkim.errorTextProperty().get());
            List<Finding> found = dkim.rows().stream().flatMap(r -> r.findings().stream()).toList();
            assertTrue(found.stream().anyMatch(f -> f.subject().startsWith("sf2.")), found.toString());

            // the row says what the DKIM step found, not the old "no selector"
            assertEquals(CheckState.of(session.dkimResult().orElseThrow().findings()), dkimRow.state());
            assertFalse(dkimRow.summaryProperty().get().startsWith("No DKIM selector given"),
                    dkimRow.summaryProperty().get());
            // the summary follows the rows (it kept the run's counts and "Warnings only: acme.example")
            String after = checks.resultSummaryProperty().get();
            assertEquals(summaryOfRows(checks), countsOf(after), after);
            assertEquals(CheckState.ERROR, dkimRow.state(), "the sample's sf2 is broken");
            assertTrue(before.lines().anyMatch(l -> l.startsWith("Warnings only: ") && l.contains("acme.example")),
                    before);
            assertTrue(after.lines().noneMatch(l -> l.startsWith("Warnings only: ") && l.contains("acme.example")),
                    after);
            // the shared results: the DKIM step's findings in place of the old one, every other finding kept
            List<Finding> acme = session.checks().domains().stream().filter(d -> d.domain().equals("acme.example"))
                    .findFirst().orElseThrow().findings();
            assertTrue(acme.stream().noneMatch(f -> f.code().equals("DKIM_NO_SELECTOR")), acme.toString());
            assertTrue(acme.stream().anyMatch(f -> f.subject().startsWith("sf2._domainkey.acme.example")),
                    acme.toString());
            assertEquals(otherCodes, codesOf(session, "acme.example").stream().filter(c -> !c.startsWith("DKIM_"))
                    .toList());
            assertTrue(checks.groups().stream().flatMap(g -> g.findings().stream())
                    .anyMatch(f -> f.subject().startsWith("sf2._domainkey.acme.example")));

            // which checks met this network's failures (the blocklists, through the loopback resolver) is kept in
            // the shared results, for the report's conclusion to name them, through the DKIM step's replacement too
            session.checks().domains().forEach(d -> assertEquals(d.findings().stream()
                    .anyMatch(org.mailpath.engine.finding.NotChecked::is), !d.checksNotMade().isEmpty(),
                    d.domain() + ": " + d.checksNotMade()));
            assertTrue(session.checks().domains().stream().anyMatch(d -> !d.checksNotMade().isEmpty()),
                    session.checks().domains().toString());

            // and the report, built from the shared results, names sf2 on our own side (HTML, PDF), not the old finding
            var report = services.reports().build(analysis, session.checks(),
                    new ReportOptions(Set.of(), Set.of(), false, Instant.EPOCH, "test"), 0, List.of(),
                    Cancellation.none());
            List<Finding> ours = report.ownSide().domains().stream().filter(d -> d.domain().equals("acme.example"))
                    .findFirst().orElseThrow().findings();
            assertTrue(ours.stream().anyMatch(f -> f.subject().startsWith("sf2._domainkey.acme.example")),
                    ours.toString());
            assertTrue(ours.stream().noneMatch(f -> f.code().equals("DKIM_NO_SELECTOR")), ours.toString());
            java.io.ByteArrayOutputStream html = new java.io.ByteArrayOutputStream();
            new ReportRenderers().forFormat(ReportFormat.HTML).render(report, html);
            assertTrue(html.toString(java.nio.charset.StandardCharsets.UTF_8).contains("sf2._domainkey.acme.example"));
        }
    }

    /**
     * "N checks done: E errors, W warnings." as the DNS checks' rows count them; checks not made from this network
     * (the sample's world refuses some) counted first, the errors and warnings then the made checks'.
     */
    private static String summaryOfRows(DnsCheckViewModel checks) {
        List<CheckRow> dns = checks.rows().stream().filter(r -> r.topic() instanceof RowTopic.DnsCheck).toList();
        long errors = dns.stream().filter(r -> r.state() == CheckState.ERROR).count();
        long warnings = dns.stream().filter(r -> r.state() == CheckState.WARNING).count();
        long notMade = dns.stream().filter(r -> r.state() == CheckState.NOT_CHECKED).count();
        String counts = (errors == 0 ? "no errors" : errors == 1 ? "1 error" : errors + " errors") + "%s"
                + (warnings == 0 ? "no warnings" : warnings == 1 ? "1 warning" : warnings + " warnings") + ".";
        String problems = counts.formatted(" and ");
        return notMade == 0 ? dns.size() + " checks done: " + counts.formatted(", ")
                : dns.size() + " checks done: " + notMade + " could not be made from this network and say"
                + (notMade == 1 ? "s" : "") + " nothing about the domains. The " + (dns.size() - notMade)
                + " checks made found " + problems;
    }

    /** The summary's counts of the DNS checks: its first line, before the domains with problems are named. */
    private static String countsOf(String summary) {
        return summary.lines().findFirst().orElse("").replace(" The domains with problems are listed first.", "");
    }

    private static List<String> codesOf(WizardSession session, String domain) {
        return session.checks().domains().stream().filter(d -> d.domain().equals(domain)).findFirst().orElseThrow()
                .findings().stream().map(Finding::code).toList();
    }
}
