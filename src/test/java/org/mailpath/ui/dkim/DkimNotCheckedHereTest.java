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
import org.mailpath.ui.common.WizardSession;
import org.mailpath.ui.dnscheck.DnsCheckViewModel;
import org.mailpath.ui.testing.FakeChecker;
import org.mailpath.ui.testing.FakeDialogs;
import org.mailpath.ui.testing.TestAnalyses;

/**
 * The offline review: the DKIM step showed "0 of 2 selectors are in order" and red "Lookup failed" badges for lookups
 * this computer's resolver left unanswered, while step 3 showed the same failures as grey "Not checked"; and before
 * the lookup it said step 3 "checked acme.example" though step 3 had looked up no DKIM key of it.
 */
class DkimNotCheckedHereTest {

    @TempDir
    Path dir;

    private final WizardSession session = new WizardSession();

    /** A selector whose lookup failed, for {@code actor}: this computer's network, or the domain's own servers. */
    private static DkimSelectorReport failed(String selector, Actor actor) {
        String name = selector + "._domainkey.acme.example";
        return new DkimSelectorReport(selector, name, DkimSelectorState.LOOKUP_FAILED, Optional.empty(), false,
                Optional.empty(), OptionalInt.empty(), false, List.of(), List.of(new Finding("DNS_LOOKUP_FAILED",
                        Severity.WARNING, name, "DNS lookup " + name + " TXT failed: the resolver answers nothing",
                        List.of(), "", actor)));
    }

    private static DkimSelectorReport ok(String selector) {
        String name = selector + "._domainkey.acme.example";
        return new DkimSelectorReport(selector, name, DkimSelectorState.OK, Optional.empty(), false,
                Optional.of("rsa"), OptionalInt.of(2048), false, List.of(), List.of(new Finding("DKIM_OK", Severity.OK,
                        name, "in order", List.of(), "", Actor.NOBODY)));
    }

    private DkimViewModel model(DkimInspection inspection, Locale locale) {
        DkimViewModel m = new DkimViewModel(inspection, new SyncTaskRunner(), new FakeDialogs(),
                SettingsStore.open(dir.resolve("s.properties")), session, Messages.forLocale(locale),
                CheckOptions.defaults());
        m.domainProperty().set("acme.example");
        m.selectorsProperty().set("sf1, sf2");
        return m;
    }

    @Test
    void lookupsThisNetworkLeftUnansweredAreNotCheckedWithTheirReason() {
        DkimViewModel m = model((d, selectors, o, c) -> selectors.stream()
                .map(s -> failed(s, Actor.LOCAL_NETWORK)).toList(), Locale.ENGLISH);
        m.inspect();
        assertEquals(List.of("Not checked", "Not checked"), m.rows().stream().map(SelectorRow::stateText).toList());
        assertTrue(m.rows().stream().allMatch(SelectorRow::notChecked));
        assertFalse(m.rows().getFirst().findings().isEmpty(), "the card says why");
        assertEquals("None of the 2 selectors could be checked from this network: its DNS gave no usable answer."
                + " Look them up again from a network where DNS works, or check the resolver settings on step 3.",
                m.summaryProperty().get());

        DkimViewModel sv = model((d, selectors, o, c) -> List.of(failed("sf1", Actor.LOCAL_NETWORK)),
                Locale.forLanguageTag("sv"));
        sv.selectorsProperty().set("sf1");
        sv.inspect();
        assertEquals("Ej kontrollerad", sv.rows().getFirst().stateText());
        assertEquals("Selektorn kunde inte kontrolleras från det här nätverket: dess DNS gav inget användbart svar."
                + " Slå upp den igen från ett nätverk där DNS fungerar, eller kontrollera resolverinställningarna i"
                + " steg 3.", sv.summaryProperty().get());
    }

    @Test
    void someNotCheckedAreCountedBesideThoseInOrderAndAFailureOfTheDomainStaysAFailure() {
        DkimViewModel m = model((d, selectors, o, c) -> List.of(ok("sf1"), failed("sf2", Actor.LOCAL_NETWORK)),
                Locale.ENGLISH);
        m.inspect();
        assertEquals("1 of 2 selectors is in order; 1 could not be checked from this network.",
                m.summaryProperty().get());

        DkimViewModel theirs = model((d, selectors, o, c) -> List.of(ok("sf1"), failed("sf2", Actor.SENDER_ADMIN)),
                Locale.ENGLISH);
        theirs.inspect();
        assertEquals("Lookup failed", theirs.rows().get(1).stateText(), "the domain's servers failed: checked");
        assertFalse(theirs.rows().get(1).notChecked());
        assertEquals("1 of 2 selectors is in order.", theirs.summaryProperty().get());
    }

    /** Step 3 run offline without selectors: its DKIM check made no query, which the step says, not "checked". */
    @Test
    void beforeTheLookupTheStepSaysWhatStepThreeDidNotThatItCheckedTheDomain() {
        session.setAnalysis(TestAnalyses.day());
        DomainChecker offline = FakeChecker.synchronous((domain, kind, options) -> kind == CheckKind.DKIM
                ? List.of(new Finding("DKIM_NO_SELECTOR", Severity.INFO, domain, "no selector", List.of(), "",
                        Actor.SENDER_ADMIN))
                : List.of(new Finding("DNS_LOOKUP_FAILED", Severity.WARNING, domain, "no answer", List.of(), "",
                        Actor.LOCAL_NETWORK)));
        DnsCheckViewModel checks = new DnsCheckViewModel(offline, (domain, rcpt, options, listener, cancellation) ->
                new ProbeReport(List.of(), List.of()), new SyncTaskRunner(), new FakeDialogs(),
                SettingsStore.open(dir.resolve("s.properties")), session, Messages.forLocale(Locale.ENGLISH),
                CheckOptions.defaults());
        checks.senderDomainProperty().set("acme.example");
        checks.run();
        DkimViewModel m = model((d, selectors, o, c) -> List.of(), Locale.ENGLISH);
        assertEquals("The DNS checks (step 3) had no DKIM selector, so they looked up no DKIM key of acme.example; the"
                + " report says only that none was given. A lookup here puts these selectors’ results in its place"
                + " there and in the report.", m.coverageProperty().get());
    }
}
