package org.mailpath.ui.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.dkim.DkimInspector;
import org.mailpath.engine.dkim.DkimSelectorReport;
import org.mailpath.engine.dkim.DkimSelectorState;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.testing.fakedns.FakeDns;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.SettingsStore;
import org.mailpath.ui.common.SyncTaskRunner;
import org.mailpath.ui.common.TaskRunner;
import org.mailpath.ui.common.WizardSession;
import org.mailpath.ui.testing.FakeDialogs;
import org.mailpath.ui.testing.ManualTaskRunner;
import org.mailpath.ui.testing.TestAnalyses;

class DkimViewModelTest {

    @TempDir
    Path dir;

    private final WizardSession session = new WizardSession();
    private final FakeDialogs dialogs = new FakeDialogs();
    private final AtomicReference<CheckOptions> seen = new AtomicReference<>();

    private final DkimInspection fake = (domain, selectors, options, cancellation) -> {
        seen.set(options);
        return List.of(
                new DkimSelectorReport(selectors.get(0), selectors.get(0) + "._domainkey." + domain, DkimSelectorState.OK,
                        Optional.of(selectors.get(0) + ".k7f2q9.custdkim.salesforce.com"), true, Optional.of("rsa"),
                        OptionalInt.of(2048), false, List.of(), List.of(new Finding("DKIM_OK", Severity.OK,
                                "sf1._domainkey." + domain, "DKIM selector sf1: RSA 2048-bit key", List.of(), "",
                                Actor.NOBODY))),
                new DkimSelectorReport(selectors.get(1), selectors.get(1) + "._domainkey." + domain,
                        DkimSelectorState.MISSING, Optional.empty(), false, Optional.empty(), OptionalInt.empty(), false,
                        List.of(selectors.get(1) + "._domainkey." + domain + ". CNAME " + selectors.get(1)
                                + ".k7f2q9.custdkim.salesforce.com."), List.of(new Finding(
                                "DKIM_SALESFORCE_CNAME_MISSING", Severity.ERROR, "sf2._domainkey." + domain,
                                "its partner selector sf2 has no CNAME", List.of(), "Publish it.",
                                Actor.SENDER_ADMIN))));
    };

    private DkimViewModel model(TaskRunner runner) {
        return new DkimViewModel(fake, runner, dialogs, SettingsStore.open(dir.resolve("s.properties")), session,
                Messages.forLocale(Locale.ENGLISH), CheckOptions.defaults());
    }

    /**
     * The engine's inspection of a Salesforce pair whose second CNAME points to "dkim" instead of "custdkim": the
     * other selector gives the token, and "Copy records to publish" copies the exact CNAME (before: nothing to copy).
     */
    @Test
    void aWrongSalesforceTargetGivesTheCnameToCopy() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        String key = "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(g.generateKeyPair().getPublic()
                .getEncoded());
        String quoted = "\"" + key.substring(0, 200) + "\" \"" + key.substring(200) + "\"";
        String zone = "sf1.ab12cd.custdkim.salesforce.com. TXT " + quoted + "\n"
                + "sf2.ab12cd.custdkim.salesforce.com. TXT " + quoted + "\n"
                + "sf1._domainkey.acme.example. CNAME sf1.ab12cd.custdkim.salesforce.com.\n"
                + "sf2._domainkey.acme.example. CNAME sf2.ab12cd.dkim.salesforce.com.\n";
        DkimInspection engine = (domain, selectors, options, cancellation) -> DkimInspector.inspect(domain, selectors,
                FakeDns.of(zone), cancellation);
        DkimViewModel m = new DkimViewModel(engine, new SyncTaskRunner(), dialogs,
                SettingsStore.open(dir.resolve("s.properties")), session, Messages.forLocale(Locale.ENGLISH),
                CheckOptions.defaults());
        m.domainProperty().set("acme.example");
        m.selectorsProperty().set("sf1, sf2");
        m.inspect();
        SelectorRow sf2 = m.find("sf2").orElseThrow();
        assertEquals(List.of("sf2._domainkey.acme.example. CNAME sf2.ab12cd.custdkim.salesforce.com."),
                sf2.recordsToPublish());
        assertTrue(m.canCopyRecordsProperty().get());
        m.copyRecords();
        assertEquals("sf2._domainkey.acme.example. CNAME sf2.ab12cd.custdkim.salesforce.com.\n", dialogs.lastCopied());
    }

    @Test
    void theSendingDomainIsFoundOnAWorkerAndADomainTypedMeanwhileStays() {
        ManualTaskRunner runner = new ManualTaskRunner();
        DkimViewModel m = model(runner);
        session.setAnalysis(TestAnalyses.day());
        m.entered();
        m.domainProperty().set("typed.example");
        runner.runAll();
        assertEquals("typed.example", m.domainProperty().get());
        session.setAnalysis(TestAnalyses.small());
        m.entered();
        runner.runAll();
        assertEquals("mailpath-demo.com", m.domainProperty().get(), "a new log's sending domain, as before");
    }

    @Test
    void theSendingDomainIsPrefilledAndLookupNeedsSelectors() {
        DkimViewModel m = model(new SyncTaskRunner());
        session.setAnalysis(TestAnalyses.day());
        m.entered();
        assertEquals("mailpath-demo.com", m.domainProperty().get());
        assertEquals(DkimViewModel.State.EMPTY, m.stateProperty().get());
        assertFalse(m.canInspectProperty().get());
        m.selectorsProperty().set(" SF1,  sf2 ;sf1");
        assertEquals(List.of("sf1", "sf2"), m.selectorList());
        assertTrue(m.canInspectProperty().get());
        assertEquals(DkimViewModel.State.READY, m.stateProperty().get());
    }

    @Test
    void eachSelectorShowsItsStateKeyAndTheExactCnameToPublish() {
        DkimViewModel m = model(new SyncTaskRunner());
        m.domainProperty().set("acme.example");
        m.selectorsProperty().set("sf1, sf2");
        m.inspect();
        assertEquals(DkimViewModel.State.DONE, m.stateProperty().get());
        assertEquals("1 of 2 selectors is in order.", m.summaryProperty().get());
        SelectorRow ok = m.find("sf1").orElseThrow();
        assertEquals("In order", ok.stateText());
        assertEquals("RSA key, 2,048 bits", ok.key());
        assertEquals(List.of(), ok.findings(), "DKIM_OK would repeat the key and CNAME lines");
        SelectorRow missing = m.find("sf2").orElseThrow();
        assertEquals("Missing", missing.stateText());
        assertEquals(List.of("DKIM_SALESFORCE_CNAME_MISSING"), missing.findings().stream().map(Finding::code).toList());
        assertTrue(m.canCopyRecordsProperty().get());
        m.copyRecords();
        assertEquals("sf2._domainkey.acme.example. CNAME sf2.k7f2q9.custdkim.salesforce.com.\n", dialogs.lastCopied());
        assertEquals(List.of("sf1", "sf2"), seen.get().dkimSelectors());
        assertEquals(Optional.of("sf1, sf2"), SettingsStore.open(dir.resolve("s.properties")).get(DkimViewModel.SELECTORS_KEY),
                "the DNS checks step reuses the selectors");
    }

    @Test
    void cancelStopsTheLookup() {
        ManualTaskRunner runner = new ManualTaskRunner();
        DkimViewModel m = model(runner);
        m.domainProperty().set("acme.example");
        m.selectorsProperty().set("sf1, sf2");
        m.inspect();
        assertTrue(m.busyProperty().get());
        m.cancelWork();
        assertFalse(m.busyProperty().get());
        runner.runAll();
        assertTrue(m.rows().isEmpty());
        assertEquals(DkimViewModel.State.READY, m.stateProperty().get());
    }

    private DkimViewModel failingWith(RuntimeException e) {
        DkimViewModel m = new DkimViewModel((d, s, o, c) -> {
            throw e;
        }, new SyncTaskRunner(), dialogs, SettingsStore.open(dir.resolve("s.properties")), session,
                Messages.forLocale(Locale.ENGLISH), CheckOptions.defaults());
        m.domainProperty().set("acme.example");
        m.selectorsProperty().set("sf1");
        m.inspect();
        return m;
    }

    @Test
    void aFailureIsWorded() {
        DkimViewModel m = failingWith(new IllegalArgumentException("unknown resolver host: dns.invalid"));
        assertEquals(DkimViewModel.State.FAILED, m.stateProperty().get());
        assertEquals("The selectors could not be looked up: unknown resolver host: dns.invalid", m.errorTextProperty().get());
    }

    /** The review: the engine's English "unknown resolver host: nonexistent.invalid" was shown as is. */
    @Test
    void anUnknownResolverHostSaysWhichAndToCorrectTheSettings() {
        DkimViewModel m = failingWith(new org.mailpath.engine.dns.UnknownResolverHostException("nonexistent.invalid",
                new java.net.UnknownHostException("nonexistent.invalid")));
        assertEquals(DkimViewModel.State.FAILED, m.stateProperty().get());
        assertEquals("The selectors could not be looked up: the resolver nonexistent.invalid in the resolver settings"
                + " is a host name this computer cannot look up. Correct it in the resolver settings, or leave them"
                + " empty to use this computer’s resolvers.", m.errorTextProperty().get());
    }

    @Test
    void aBugIsWordedWithoutJava() {
        DkimViewModel m = failingWith(new IllegalStateException(new NullPointerException("Cannot invoke \"String.length()\"")));
        assertEquals(DkimViewModel.State.FAILED, m.stateProperty().get());
        // this process writes no log file (none is set up in tests): no path is named
        assertEquals("The selectors could not be looked up: an error inside MailPath.", m.errorTextProperty().get());
    }

    /** The summary's verb agrees with the selectors in order ("1 of 2 selectors are in order." was shown). */
    @Test
    void theSummarySaysIsForOneSelectorAndAreForSeveral() {
        Messages en = Messages.forLocale(Locale.ENGLISH);
        assertEquals("1 of 2 selectors is in order.", DkimViewModel.summaryText(en, 1, 2));
        assertEquals("2 of 2 selectors are in order.", DkimViewModel.summaryText(en, 2, 2));
        assertEquals("0 of 3 selectors are in order.", DkimViewModel.summaryText(en, 0, 3));
        assertEquals("1 of 3 selectors is in order.", DkimViewModel.summaryText(en, 1, 3));
        assertEquals("The selector is in order.", DkimViewModel.summaryText(en, 1, 1));
        assertEquals("The selector is not in order.", DkimViewModel.summaryText(en, 0, 1));
        Messages sv = Messages.forLocale(Locale.forLanguageTag("sv"));
        assertEquals("1 av 2 selektorer är i ordning.", DkimViewModel.summaryText(sv, 1, 2));
        assertEquals("2 av 2 selektorer är i ordning.", DkimViewModel.summaryText(sv, 2, 2));
        assertEquals("Selektorn är i ordning.", DkimViewModel.summaryText(sv, 1, 1));
        assertEquals("Selektorn är inte i ordning.", DkimViewModel.summaryText(sv, 0, 1));
    }

    /**
     * The step may be gone past at once, but it counts as done (a check in the step bar rather than "skipped") only
     * once a lookup finished for the open log: it was done by default as soon as it was complete, looked up or not.
     */
    @Test
    void theStepIsDoneOnlyOnceALookupFinishedForTheOpenLog() {
        ManualTaskRunner runner = new ManualTaskRunner();
        DkimViewModel m = model(runner);
        session.setAnalysis(TestAnalyses.day());
        m.entered();
        runner.runAll();
        assertTrue(m.completeProperty().get(), "the step may be skipped");
        assertFalse(m.doneProperty().get(), "opened, never looked up");
        m.selectorsProperty().set("sf1, sf2");
        m.inspect();
        assertFalse(m.doneProperty().get(), "still running");
        runner.runAll();
        assertTrue(m.doneProperty().get());
        session.setAnalysis(TestAnalyses.small());
        assertFalse(m.doneProperty().get(), "the lookup was for the log before");
        m.entered();
        runner.runAll();
        m.inspect();
        session.setAnalysis(TestAnalyses.day());
        runner.runAll();
        assertFalse(m.doneProperty().get(), "a lookup begun for the log before this one");
    }

    /** The first log's summary stayed, bold, on the DKIM step of the next log, before any lookup for it. */
    @Test
    void aNewLogClearsTheRowsSummaryErrorAndStateOfTheLookupBefore() {
        DkimViewModel m = model(new SyncTaskRunner());
        session.setAnalysis(TestAnalyses.day());
        m.entered();
        m.selectorsProperty().set("sf1, sf2");
        m.inspect();
        assertEquals(DkimViewModel.State.DONE, m.stateProperty().get());
        assertFalse(m.summaryProperty().get().isEmpty());
        session.setAnalysis(TestAnalyses.small());
        m.entered();
        assertEquals(List.of(), m.rows());
        assertEquals("", m.summaryProperty().get());
        assertEquals("", m.errorTextProperty().get());
        assertEquals(DkimViewModel.State.READY, m.stateProperty().get(), "ready to look up for this log");
    }
}
