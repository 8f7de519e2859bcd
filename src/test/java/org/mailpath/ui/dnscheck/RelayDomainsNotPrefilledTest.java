package org.mailpath.ui.dnscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.analysis.EmailLogAnalyzer;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.RelayHosts;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.ProgressListener;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.check.CheckReport;
import org.mailpath.engine.smtp.ProbeReport;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.SettingsStore;
import org.mailpath.ui.common.SyncTaskRunner;
import org.mailpath.ui.common.WizardSession;
import org.mailpath.ui.testing.FakeDialogs;
import org.mailpath.ui.testing.TestAnalyses;

/**
 * A reviewer's log whose every message went through the org's Email Relay: the DNS step prefilled gmail.com and the
 * other recipient domains for the relay's refusals and outage. With the relay named, none is a failing domain.
 */
class RelayDomainsNotPrefilledTest {

    @TempDir
    Path dir;

    private LogAnalysis analyse(RelayHosts relay) throws Exception {
        Path log = dir.resolve("relay.csv");
        if (!Files.exists(log)) {
            try (InputStream in = getClass().getResourceAsStream("/org/mailpath/cli/email-relay.csv")) {
                Files.copy(in, log);
            }
        }
        return new EmailLogAnalyzer().withRelayHosts(relay).analyze(log, ProgressListener.NONE, Cancellation.none());
    }

    @Test
    void recipientDomainsFailingOnlyAtOurRelayAreNotPrefilled() throws Exception {
        LogPrefill.FailingDomains viaRelay = LogPrefill.failingRecipientDomains(
                analyse(RelayHosts.of(List.of("smtp-relay.acme.example"))));
        assertEquals(List.of(), viaRelay.domains());
        assertTrue(viaRelay.someAtRelay());
        LogPrefill.FailingDomains plain = LogPrefill.failingRecipientDomains(analyse(RelayHosts.none()));
        assertEquals(List.of("gmail.com", "fabrikam.example", "northwind.example", "contoso.example"),
                plain.domains());
        assertFalse(plain.someAtRelay());
    }

    private DnsCheckViewModel entered(LogAnalysis analysis, Locale locale) {
        WizardSession session = new WizardSession();
        session.setAnalysis(analysis);
        DnsCheckViewModel m = new DnsCheckViewModel((requests, opts, listener, cancellation) -> new CheckReport(List.of()),
                (domain, rcpt, opts, listener, cancellation) -> new ProbeReport(List.of(), List.of()),
                new SyncTaskRunner(), new FakeDialogs(), SettingsStore.open(dir.resolve("s.properties")), session,
                Messages.forLocale(locale), new CheckOptions(List.of("127.0.0.1:5353"), 5353, Duration.ofSeconds(2),
                        Optional.empty(), List.of(), List.of()));
        m.entered();
        return m;
    }

    @Test
    void theEmptyListSaysTheFailuresAllEndedAtOurRelay() throws Exception {
        DnsCheckViewModel m = entered(analyse(RelayHosts.of(List.of("smtp-relay.acme.example"))), Locale.ENGLISH);
        assertEquals(List.of(), m.recipientDomains());
        assertTrue(m.recipientsEmptyProperty().get().startsWith("Every failing message in the log ended at your"
                + " Email Relay"), m.recipientsEmptyProperty().get());
        DnsCheckViewModel sv = entered(analyse(RelayHosts.of(List.of("smtp-relay.acme.example"))),
                Locale.forLanguageTag("sv"));
        assertTrue(sv.recipientsEmptyProperty().get().contains("ditt e-postrelä"), sv.recipientsEmptyProperty().get());
        // a log with no failure at all keeps the plain words
        DnsCheckViewModel none = entered(TestAnalyses.small(), Locale.ENGLISH);
        assertEquals("No failing recipient domain in the log. Add one to check it.",
                none.recipientsEmptyProperty().get());
    }
}
