package org.mailpath.ui.dnscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.check.CheckKind;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.check.DomainChecker;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.engine.smtp.ProbeReport;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.SettingsStore;
import org.mailpath.ui.common.SyncTaskRunner;
import org.mailpath.ui.common.WizardSession;
import org.mailpath.ui.shell.StepStatus;
import org.mailpath.ui.shell.WizardViewModel;
import org.mailpath.ui.testing.FakeChecker;
import org.mailpath.ui.testing.FakeDialogs;
import org.mailpath.ui.testing.FinishedStep;

/**
 * The offline review: with a resolver that answers nothing, the step said "141 checks done: no errors, no warnings."
 * and the step bar ticked it off, though almost every row was "Not checked". The checks this network kept from being
 * made are counted first, and when they are most of the run the step bar shows the step as not checked, not done.
 */
class ChecksNotMadeHereTest {

    @TempDir
    Path dir;

    private final WizardSession session = new WizardSession();

    /** What the resolver's silence makes of a check: a failed lookup of this computer's network. */
    private static List<Finding> unanswered(String domain) {
        return List.of(new Finding("DNS_LOOKUP_FAILED", Severity.WARNING, domain, "no usable DNS answer", List.of(),
                "", Actor.LOCAL_NETWORK));
    }

    /**
     * As offline: every check of the domains unanswered except those in {@code answered} (no finding: passed) and the
     * sending domain's DKIM and PTR, notes made without a query (no selector, no sending IP).
     */
    private static DomainChecker offline(Set<CheckKind> answered) {
        return FakeChecker.synchronous((domain, kind, options) -> answered.contains(kind) ? List.of()
                : kind == CheckKind.DKIM || kind == CheckKind.PTR
                ? List.of(new Finding("NOTE_" + kind, Severity.INFO, domain, "a note", List.of(), "", Actor.NOBODY))
                : unanswered(domain));
    }

    private DnsCheckViewModel model(DomainChecker checker, Locale locale) {
        DnsCheckViewModel m = new DnsCheckViewModel(checker, (domain, rcpt, options, listener, cancellation) ->
                new ProbeReport(List.of(), List.of()), new SyncTaskRunner(), new FakeDialogs(),
                SettingsStore.open(dir.resolve("s.properties")), session, Messages.forLocale(locale),
                CheckOptions.defaults());
        m.senderDomainProperty().set("acme.example");
        m.recipientDomains().add("fabrikam.example");
        return m;
    }

    /** The run's step status in the step bar, once the user went on to the next step. */
    private StepStatus statusAfterRun(DnsCheckViewModel m) {
        WizardViewModel wizard = new WizardViewModel(List.of(m, new FinishedStep()));
        m.run();
        assertTrue(wizard.goTo(1));
        return wizard.statusProperty(0).get();
    }

    @Test
    void mostChecksNotMadeAreSaidFirstAndTheStepIsNotTickedOff() {
        // 13 checks: the sender's 5, the recipient's 8; only the recipient's EDNS answered, 2 notes: 10 not made
        DnsCheckViewModel m = model(offline(Set.of(CheckKind.EDNS)), Locale.ENGLISH);
        StepStatus status = statusAfterRun(m);
        assertEquals("13 checks done: 10 could not be made from this network and say nothing about the domains. The 3"
                + " checks made found no errors and no warnings. Check the resolver settings, or run the checks again from"
                + " a network where DNS works.", m.resultSummaryProperty().get());
        assertTrue(m.doneProperty().get(), "the run ended");
        assertTrue(m.mostlyNotCheckedProperty().get());
        assertEquals(StepStatus.NOT_CHECKED, status, "no green tick for checks that found out next to nothing");
    }

    @Test
    void aFewChecksNotMadeAreCountedAndTheStepIsDone() {
        Set<CheckKind> answered = java.util.EnumSet.allOf(CheckKind.class);
        answered.remove(CheckKind.MTA_STS);
        DnsCheckViewModel m = model(offline(answered), Locale.ENGLISH);
        StepStatus status = statusAfterRun(m);
        assertEquals("13 checks done: 1 could not be made from this network and says nothing about the domains. The"
                + " 12 checks made found no errors and no warnings.", m.resultSummaryProperty().get());
        assertFalse(m.mostlyNotCheckedProperty().get());
        assertEquals(StepStatus.DONE, status);
    }

    @Test
    void noCheckMadeIsSaidSoInEnglishAndSwedish() {
        DomainChecker nothing = FakeChecker.synchronous((domain, kind, options) -> unanswered(domain));
        DnsCheckViewModel m = model(nothing, Locale.ENGLISH);
        assertEquals(StepStatus.NOT_CHECKED, statusAfterRun(m));
        assertEquals("None of the 13 checks could be made from this network: they say nothing about the domains."
                + " Check the resolver settings, or run the checks again from a network where DNS works.",
                m.resultSummaryProperty().get());

        DnsCheckViewModel sv = model(offline(Set.of(CheckKind.EDNS)), Locale.forLanguageTag("sv"));
        sv.run();
        assertEquals("13 kontroller klara: 10 kunde inte göras från det här nätverket och säger inget om domänerna."
                + " De 3 kontroller som gjordes hittade inga fel och inga varningar. Kontrollera resolverinställningarna,"
                + " eller kör kontrollerna igen från ett nätverk där DNS fungerar.", sv.resultSummaryProperty().get());
    }

    @Test
    void aRunWithEveryCheckMadeIsSummedUpAsBeforeAndTickedOff() {
        DnsCheckViewModel m = model(FakeChecker.synchronous((domain, kind, options) -> List.of()), Locale.ENGLISH);
        assertEquals(StepStatus.DONE, statusAfterRun(m));
        assertEquals("13 checks done: no errors, no warnings.", m.resultSummaryProperty().get());
    }
}
