package org.mailpath.ui.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.mailpath.engine.check.CheckKind;
import org.mailpath.engine.check.CheckReport;
import org.mailpath.engine.check.DomainCheckResult;
import org.mailpath.engine.finding.Finding;
import org.junit.jupiter.api.Test;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.SyncTaskRunner;
import org.mailpath.ui.common.WizardSession;
import org.mailpath.ui.testing.FakeChecker;
import org.mailpath.ui.testing.FakeDialogs;
import org.mailpath.ui.testing.TestAnalyses;
import org.mailpath.ui.testing.TestSettings;

/**
 * The review: "Copy a note" always ended "The full report with the DNS findings is attached.", also when the DNS
 * checks were never run and the report had none.
 */
class ReportNoteChecksTest {

    private static final String WITH_FINDINGS = "The full report with the DNS findings is attached.";

    private final WizardSession session = new WizardSession();
    private final FakeDialogs dialogs = new FakeDialogs();

    private String note() {
        ReportViewModel m = new ReportViewModel(ReportExporter.standard(), new SyncTaskRunner(), dialogs,
                TestSettings.fresh(), session, Messages.forLocale(Locale.ENGLISH),
                Clock.fixed(Instant.parse("2026-03-07T10:00:00Z"), ZoneOffset.UTC));
        m.entered();
        m.copyNote();
        return dialogs.lastCopied();
    }

    @Test
    void withoutDnsChecksTheNoteDoesNotPromiseTheirFindings() {
        session.setAnalysis(TestAnalyses.day());
        String note = note();
        assertFalse(note.contains("DNS findings"), note);
        assertTrue(note.strip().endsWith("Thank you. The full report is attached."), note);
    }

    @Test
    void withDnsFindingsTheNoteSaysTheyAreAttached() {
        session.setAnalysis(TestAnalyses.day());
        List<Finding> mx = FakeChecker.findings("example.se", CheckKind.MX);
        assertFalse(mx.isEmpty());
        session.setChecks(new CheckReport(List.of(new DomainCheckResult("example.se", mx, List.of()))));
        String note = note();
        assertTrue(note.strip().endsWith(WITH_FINDINGS), note);
    }
}
