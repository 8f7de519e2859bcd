package org.mailpath.ui.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.check.CheckKind;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.check.DomainChecker;
import org.mailpath.engine.dkim.DkimSelectorReport;
import org.mailpath.engine.dkim.DkimSelectorState;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.engine.smtp.ProbeReport;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.SettingsStore;
import org.mailpath.ui.common.SyncTaskRunner;
import org.mailpath.ui.common.TaskRunner;
import org.mailpath.ui.common.WizardSession;
import org.mailpath.ui.dnscheck.DnsCheckViewModel;
import org.mailpath.ui.testing.FakeChecker;
import org.mailpath.ui.testing.FakeDialogs;
import org.mailpath.ui.testing.ManualTaskRunner;
import org.mailpath.ui.testing.TestAnalyses;

/**
 * The DKIM step says whether the DNS checks (step 3) cover its domain's DKIM, and so what becomes of the selectors it
 * looks up: the checks not run, run without this domain as the sending domain, cancelled before its DKIM check ended,
 * unanswered on this network, or made (with these selectors, other ones, or none). It said nothing, and a lookup of a
 * domain the checks did not cover reached neither the checks nor the report without a word.
 */
class DkimStepSaysWhatTheChecksCoverTest {

    @TempDir
    Path dir;

    private final WizardSession session = new WizardSession();
    private final Messages messages = Messages.forLocale(Locale.ENGLISH);
    /** What the scripted checker's DKIM check finds: an answer, or the resolver's silence. */
    private boolean networkFails;

    /** Every check of every request finishes at once; DKIM as {@link #networkFails} says, the others with nothing. */
    private final DomainChecker checker = FakeChecker.synchronous((domain, kind, options) -> kind != CheckKind.DKIM
            ? List.<Finding>of() : networkFails
            ? List.of(new Finding("DNS_TIMEOUT", Severity.WARNING, "sf1._domainkey." + domain, "no answer", List.of(),
                    "", Actor.LOCAL_NETWORK))
            : options.dkimSelectors().isEmpty()
            ? List.of(new Finding("DKIM_NO_SELECTOR", Severity.INFO, domain, "no selector", List.of(), "",
                    Actor.SENDER_ADMIN))
            : List.of(new Finding("DKIM_OK", Severity.OK, "sf1._domainkey." + domain, "in order", List.of(), "",
                    Actor.NOBODY)));

    private final DkimInspection inspection = (domain, selectors, options, cancellation) -> selectors.stream()
            .map(s -> new DkimSelectorReport(s, s + "._domainkey." + domain, DkimSelectorState.OK,
                    Optional.of(s + ".k7f2q9.custdkim.salesforce.com"), true, Optional.of("rsa"),
                    OptionalInt.of(2048), false, List.of(), List.of(new Finding("DKIM_OK", Severity.OK,
                            s + "._domainkey." + domain, "in order", List.of(), "", Actor.NOBODY))))
            .toList();

    private DnsCheckViewModel checks(TaskRunner runner) {
        DnsCheckViewModel m = new DnsCheckViewModel(checker, (domain, rcpt, options, listener, cancellation) ->
                new ProbeReport(List.of(), List.of()), runner, new FakeDialogs(), settings(), session, messages,
                CheckOptions.defaults());
        m.senderDomainProperty().set("acme.example");
        return m;
    }

    private DkimViewModel dkim() {
        DkimViewModel m = new DkimViewModel(inspection, new SyncTaskRunner(), new FakeDialogs(), settings(), session,
                messages, CheckOptions.defaults());
        m.domainProperty().set("acme.example");
        return m;
    }

    private SettingsStore settings() {
        return SettingsStore.open(dir.resolve("s.properties"));
    }

    @Test
    void beforeTheChecksRunTheStepSaysTheReportHasNothingOfTheDomain() {
        session.setAnalysis(TestAnalyses.day());
        DkimViewModel dkim = dkim();
        assertEquals("The DNS checks (step 3) have not been run for this log, so the report says nothing about the "
                + "DKIM of acme.example: the selectors looked up here are for this step only. Run the DNS checks with "
                + "acme.example as your sending domain to bring its DKIM into the report; they check the selectors "
                + "last looked up here.", dkim.coverageProperty().get());
        assertFalse(dkim.coveredProperty().get());
        dkim.domainProperty().set("not a domain");
        assertEquals("", dkim.coverageProperty().get(), "nothing to say of no domain");
    }

    @Test
    void checkedWithoutSelectorsThenTheLookupTakesTheirPlaceAndOtherSelectorsAreSaid() {
        session.setAnalysis(TestAnalyses.day());
        DnsCheckViewModel checks = checks(new SyncTaskRunner());
        DkimViewModel dkim = dkim();
        checks.run();
        assertEquals("The DNS checks (step 3) had no DKIM selector, so they looked up no DKIM key of acme.example; the "
                + "report says only that none was given. A lookup here puts these selectors’ results in its place there "
                + "and in the report.", dkim.coverageProperty().get());
        assertTrue(dkim.coveredProperty().get());

        dkim.selectorsProperty().set("sf1, sf2");
        dkim.inspect();
        // the checks ran without selectors: the lookup's are said to be this step's, not the checks' (the review)
        // said plainly (copy review, stop 45: "now stands in the DNS checks' (step 3) results … takes its place there")
        assertEquals("The DNS checks (step 3) and the report now use the DKIM lookup here (sf1, sf2) for acme.example,"
                + " instead of their own DKIM check. A new lookup here replaces it in both.",
                dkim.coverageProperty().get());
        assertTrue(session.checks().findings().stream().anyMatch(f -> f.subject().startsWith("sf2._domainkey.")),
                "as it says: the lookup is in the checks");

        dkim.selectorsProperty().set("s1");
        assertEquals("An earlier DKIM lookup here (sf1, sf2) stands in the DNS checks’ (step 3) results and the "
                + "report for acme.example, not the selectors entered now. A lookup of these puts their results in its "
                + "place there and in the report.", dkim.coverageProperty().get());

        // a run of the checks, which check the selectors last looked up here: now the checks' own, and said so
        checks(new SyncTaskRunner()).run();
        dkim.selectorsProperty().set("sf1, sf2");
        assertEquals("The DNS checks (step 3) checked the DKIM of acme.example with these selectors (sf1, sf2); the "
                + "report shows what they found. A new lookup here takes their place there and in the report.",
                dkim.coverageProperty().get());
        dkim.selectorsProperty().set("s1");
        assertEquals("The DNS checks (step 3) checked the DKIM of acme.example with other selectors (sf1, sf2); the "
                + "report shows those, not the ones here. A lookup here puts these selectors’ results in their place "
                + "there and in the report.", dkim.coverageProperty().get());

        // a new log: its checks have not run
        session.setAnalysis(TestAnalyses.small());
        assertTrue(dkim.coverageProperty().get().startsWith("The DNS checks (step 3) have not been run for this log"),
                dkim.coverageProperty().get());
    }

    @Test
    void aDomainTheChecksDidNotTakeAsTheSendingDomainIsSaid() {
        session.setAnalysis(TestAnalyses.day());
        DnsCheckViewModel checks = checks(new SyncTaskRunner());
        checks.newDomainProperty().set("contoso.example");
        checks.addDomain();
        checks.run();
        DkimViewModel dkim = dkim();
        dkim.domainProperty().set("contoso.example");
        String text = "The DNS checks (step 3) did not check the DKIM of contoso.example: it was not their sending "
                + "domain. The report says nothing about it, and the selectors looked up here do not go into it. To "
                + "include them, give contoso.example as your sending domain on step 3 and run the checks again.";
        assertEquals(text, dkim.coverageProperty().get(), "checked as a recipient domain only: no DKIM check");
        assertFalse(dkim.coveredProperty().get());
        dkim.selectorsProperty().set("sf1, sf2");
        dkim.inspect();
        assertEquals(text, dkim.coverageProperty().get(), "the lookup went into neither the checks nor the report");
        assertTrue(session.checks().findings().stream().noneMatch(f -> f.subject().contains("contoso.example")
                && f.code().startsWith("DKIM_")), "as it says");
    }

    @Test
    void checksCancelledBeforeTheDkimCheckEndedAreSaid() {
        session.setAnalysis(TestAnalyses.day());
        ManualTaskRunner runner = new ManualTaskRunner();
        DnsCheckViewModel checks = checks(runner);
        checks.run();
        checks.cancelWork(); // as leaving the step does
        runner.runAll();
        DkimViewModel dkim = dkim();
        assertEquals("The DNS checks (step 3) were stopped before the DKIM check of acme.example ended, so the report "
                + "says nothing about its DKIM, and the selectors looked up here do not go into it. Run the DNS checks "
                + "again to include them.", dkim.coverageProperty().get());
        assertFalse(dkim.coveredProperty().get());
    }

    @Test
    void aDkimCheckThisNetworkKeptFromBeingMadeIsSaidAndAnAnsweredLookupTakesItsPlace() {
        session.setAnalysis(TestAnalyses.day());
        networkFails = true;
        DnsCheckViewModel checks = checks(new SyncTaskRunner());
        checks.run();
        DkimViewModel dkim = dkim();
        assertEquals("The DNS checks (step 3) could not check the DKIM of acme.example from this network: its queries "
                + "got no answer, and the report says it was not checked. A lookup here that is answered takes its "
                + "place there and in the report.", dkim.coverageProperty().get());
        assertFalse(dkim.coveredProperty().get());
        dkim.selectorsProperty().set("sf1");
        dkim.inspect();
        assertTrue(dkim.coveredProperty().get(), dkim.coverageProperty().get());
        assertTrue(dkim.coverageProperty().get().startsWith("The DNS checks (step 3) and the report now use the DKIM lookup here (sf1)"),
                dkim.coverageProperty().get());
    }

    /**
     * A lookup here that this network left unanswered takes the place of the checks' DKIM check too, so the "not
     * checked" in step 3 and the report is the lookup's: the step said the DNS checks "could not check the DKIM …",
     * though they had checked it (or looked up no key) and it was this step's lookup that failed.
     */
    @Test
    void aLookupHereThisNetworkLeftUnansweredIsSaidToBeWhatCouldNotCheckTheDomain() {
        session.setAnalysis(TestAnalyses.day());
        checks(new SyncTaskRunner()).run();
        DkimInspection unanswered = (domain, selectors, options, cancellation) -> selectors.stream()
                .map(s -> new DkimSelectorReport(s, s + "._domainkey." + domain, DkimSelectorState.LOOKUP_FAILED,
                        Optional.empty(), false, Optional.empty(), OptionalInt.empty(), false, List.of(),
                        List.of(new Finding("DNS_LOOKUP_FAILED", Severity.WARNING, s + "._domainkey." + domain,
                                "no answer", List.of(), "", Actor.LOCAL_NETWORK))))
                .toList();
        DkimViewModel dkim = new DkimViewModel(unanswered, new SyncTaskRunner(), new FakeDialogs(), settings(),
                session, messages, CheckOptions.defaults());
        dkim.domainProperty().set("acme.example");
        dkim.selectorsProperty().set("sf1, sf2");
        dkim.inspect();
        assertEquals("The DKIM lookup here (sf1, sf2) could not check the DKIM of acme.example from this network: its"
                + " queries got no answer. It now stands in the DNS checks’ (step 3) results and the report in place of"
                + " their own DKIM check, so they say its DKIM was not checked. A lookup here that is answered takes its"
                + " place there and in the report.", dkim.coverageProperty().get());
        assertFalse(dkim.coveredProperty().get());
        // the lookup's unanswered questions stand in the checks, as one finding of the domain
        assertTrue(session.checks().findings().stream().anyMatch(f -> f.code().equals("DNS_LOOKUP_FAILED")
                && f.message(Locale.ENGLISH).contains("sf2._domainkey.acme.example")),
                "as it says: the lookup stands in the checks");

        dkim.selectorsProperty().set("s1");
        assertEquals("An earlier DKIM lookup here (sf1, sf2) could not check the DKIM of acme.example from this"
                + " network: its queries got no answer. It stands in the DNS checks’ (step 3) results and the report,"
                + " not the selectors entered now, so they say its DKIM was not checked. A lookup of these that is"
                + " answered takes its place there and in the report.", dkim.coverageProperty().get());

        Messages sv = Messages.forLocale(Locale.forLanguageTag("sv"));
        org.mailpath.ui.common.DkimCoverage.Outcome network =
                org.mailpath.ui.common.DkimCoverage.Outcome.NOT_FROM_THIS_NETWORK;
        assertEquals("DKIM-uppslagningen här (sf1, sf2) kunde inte kontrollera DKIM för acme.example från det här"
                + " nätverket: frågorna fick inget svar. Den ersätter nu DNS-kontrollernas (steg 3) egen DKIM-kontroll,"
                + " så steg 3 och rapporten säger att DKIM inte kontrollerades. En uppslagning här som får svar ersätter"
                + " den i steg 3 och i rapporten.", DkimViewModel.coverageText(sv, "acme.example", true,
                Optional.of(network), List.of("sf1", "sf2"), true, List.of("sf2", "sf1")));
        assertEquals("En tidigare DKIM-uppslagning här (sf1, sf2) kunde inte kontrollera DKIM för acme.example från"
                + " det här nätverket: frågorna fick inget svar. Den står i DNS-kontrollernas (steg 3) resultat och i"
                + " rapporten, inte de selektorer som anges nu, så steg 3 och rapporten säger att DKIM inte"
                + " kontrollerades. En uppslagning av dem som får svar ersätter den i steg 3 och i rapporten.",
                DkimViewModel.coverageText(sv, "acme.example", true, Optional.of(network), List.of("sf1", "sf2"),
                        true, List.of("s1")));
        // the checks' own check unanswered: still said to be theirs
        assertTrue(DkimViewModel.coverageText(messages, "acme.example", true, Optional.of(network),
                List.of("sf1"), false, List.of("sf1")).startsWith("The DNS checks (step 3) could not check the DKIM"));
    }

    /**
     * The review: the DKIM step skipped while the DNS checks checked DKIM with the selectors saved in the settings, the
     * Report step said the selectors "were not looked up", while the report held their findings. Its notice follows
     * what the checks covered: those selectors named where they were looked up, the skipped words where nothing was.
     */
    @Test
    void skippedTheStepSaysTheSavedSelectorsWereLookedUpWhereTheChecksDidSo() {
        session.setAnalysis(TestAnalyses.day());
        settings().put(DkimViewModel.SELECTORS_KEY, "sf1, sf2");
        DkimViewModel dkim = new DkimViewModel(inspection, new SyncTaskRunner(), new FakeDialogs(), settings(),
                session, messages, CheckOptions.defaults());
        String skipped = "The DKIM step was skipped, so the DKIM selectors your Salesforce org signs with were not"
                + " looked up.";
        assertEquals(skipped, dkim.reportNoticeProperty().get(), "the checks not run");
        checks(new SyncTaskRunner()).run();
        assertTrue(session.checks().findings().stream().anyMatch(f -> f.code().equals("DKIM_OK")));
        assertEquals("The DKIM step was skipped; the DNS checks looked up the saved DKIM selectors sf1, sf2 of"
                + " acme.example, and the report holds their findings.", dkim.reportNoticeProperty().get());
        assertFalse(dkim.doneProperty().get(), "the step's own lookup was not made");

        session.setAnalysis(TestAnalyses.small());
        assertEquals(skipped, dkim.reportNoticeProperty().get(), "a new log: its checks have not run");
        ManualTaskRunner runner = new ManualTaskRunner();
        DnsCheckViewModel stopped = checks(runner);
        stopped.run();
        stopped.cancelWork();
        runner.runAll();
        assertEquals(skipped, dkim.reportNoticeProperty().get(), "stopped before the DKIM check ended");
        networkFails = true;
        checks(new SyncTaskRunner()).run();
        assertEquals(skipped, dkim.reportNoticeProperty().get(), "unanswered on this network");
    }

    @Test
    void skippedWithChecksMadeWithoutSelectorsTheStepSaysNoneWereLookedUp() {
        session.setAnalysis(TestAnalyses.day());
        DkimViewModel dkim = dkim();
        checks(new SyncTaskRunner()).run();
        assertTrue(dkim.coveredProperty().get(), "checked, with no selector");
        assertEquals("The DKIM step was skipped, so the DKIM selectors your Salesforce org signs with were not"
                + " looked up.", dkim.reportNoticeProperty().get());
    }

    @Test
    void theSwedishTextsSayTheSame() {
        assertEquals("DKIM-steget hoppades över; DNS-kontrollerna slog upp de sparade DKIM-selektorerna sf1, sf2 för"
                + " acme.example, och rapporten har deras resultat.", DkimViewModel.reportNoticeText(
                Messages.forLocale(Locale.forLanguageTag("sv")), new org.mailpath.ui.common.DkimCoverage(
                        true, List.of("sf1", "sf2"), java.util.Map.of(
                        "acme.example", org.mailpath.ui.common.DkimCoverage.Outcome.CHECKED))));
        Messages sv = Messages.forLocale(Locale.forLanguageTag("sv"));
        assertEquals("DNS-kontrollerna (steg 3) kontrollerade DKIM för acme.example med andra selektorer (sf1, sf2); "
                + "rapporten visar dem, inte de här. En uppslagning här ersätter dem med de här selektorernas "
                + "resultat i steg 3 och i rapporten.", DkimViewModel.coverageText(sv, "acme.example",
                true,
                Optional.of(org.mailpath.ui.common.DkimCoverage.Outcome.CHECKED), List.of("sf1", "sf2"), false,
                List.of("s1")));
        assertEquals("DKIM-uppslagningen här (sf1, sf2) ersätter nu DNS-kontrollernas (steg 3) egen DKIM-kontroll av "
                + "acme.example, i steg 3 och i rapporten. En ny uppslagning här ersätter den i steg 3 och i rapporten.",
                DkimViewModel.coverageText(sv, "acme.example", true,
                        Optional.of(org.mailpath.ui.common.DkimCoverage.Outcome.CHECKED), List.of("sf1", "sf2"), true,
                        List.of("sf1", "sf2")));
    }
}
