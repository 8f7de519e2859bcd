package org.mailpath.ui.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.analysis.EmailLogAnalyzer;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.LogAnalyzer;
import org.mailpath.engine.analysis.RelayHosts;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.ProgressListener;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.SettingsStore;
import org.mailpath.ui.common.SyncTaskRunner;
import org.mailpath.ui.common.WizardSession;
import org.mailpath.ui.testing.FakeDialogs;
import org.mailpath.ui.testing.TestAnalyses;

/**
 * The Import step's Email Relay field: the org's relay, entered before a log is read, is passed to the analysis,
 * remembered in the settings for the next start, and a value that is no host stops the read with a word on why.
 */
class ImportRelayHostsTest {

    @TempDir
    Path dir;

    private final WizardSession session = new WizardSession();
    private final Messages messages = Messages.forLocale(Locale.ENGLISH);

    private ImportViewModel model(LogAnalyzer analyzer) {
        return new ImportViewModel(analyzer, new SyncTaskRunner(), new FakeDialogs(),
                SettingsStore.open(dir.resolve("settings.properties")), session, messages, Optional::empty);
    }

    /** An analyser that notes the relay each read was made with (none for a read without one). */
    private static final class Noting implements LogAnalyzer {
        final List<RelayHosts> relays = new ArrayList<>();

        @Override
        public LogAnalysis analyze(Path file, ProgressListener progress, Cancellation cancellation) {
            relays.add(RelayHosts.none());
            return TestAnalyses.small();
        }

        @Override
        public LogAnalyzer withRelayHosts(RelayHosts r) {
            return (file, progress, cancellation) -> {
                relays.add(r);
                return TestAnalyses.small();
            };
        }
    }

    @Test
    void theRelayEnteredIsPassedToTheAnalysisAndRememberedForTheNextStart() throws Exception {
        Noting analyzer = new Noting();
        ImportViewModel m = model(analyzer);
        assertEquals("", m.relayHostsProperty().get());
        m.relayHostsProperty().set(" smtp-relay.acme.example, 198.51.100.25 ");
        assertEquals("", m.relayHostsErrorProperty().get());
        m.importFile(Files.writeString(dir.resolve("log.csv"), "x"));
        assertEquals(ImportState.DONE, m.stateProperty().get());
        assertEquals(List.of(RelayHosts.of(List.of("smtp-relay.acme.example", "198.51.100.25"))), analyzer.relays);
        assertEquals("smtp-relay.acme.example, 198.51.100.25",
                model(new Noting()).relayHostsProperty().get(), "remembered in the settings");
    }

    @Test
    void aValueThatIsNoHostStopsTheReadAndSaysWhy() throws Exception {
        Noting analyzer = new Noting();
        ImportViewModel m = model(analyzer);
        m.relayHostsProperty().set("smtp relay!");
        assertEquals("“smtp relay!” is not a host name or IP address: correct the Email Relay field, or empty it, to"
                + " read a log.", m.relayHostsErrorProperty().get());
        m.importFile(Files.writeString(dir.resolve("log.csv"), "x"));
        assertEquals(ImportState.EMPTY, m.stateProperty().get());
        assertTrue(analyzer.relays.isEmpty(), "no log is read with a relay that is no host");
        m.relayHostsProperty().set("");
        assertEquals("", m.relayHostsErrorProperty().get());
    }

    @Test
    void theAnalysisOfTheStepJudgesTheRelaysRepliesAsOurRelays() throws Exception {
        Path log = dir.resolve("relay.csv");
        try (InputStream in = ImportRelayHostsTest.class.getResourceAsStream("/org/mailpath/cli/email-relay.csv")) {
            Files.copy(in, log);
        }
        ImportViewModel m = model(new EmailLogAnalyzer());
        m.relayHostsProperty().set("smtp-relay.acme.example");
        m.importFile(log);
        LogAnalysis a = session.analysis().orElseThrow();
        assertTrue(a.relayMode());
        assertTrue(a.chains().stream().allMatch(a::viaRelay));
        assertFalse(a.problems().stream().anyMatch(p -> p.message().contains("--relay-host")));
    }

    @Test
    void aRelayChangedAfterTheReadIsSavedAndOffersToReadTheLogAgain() throws Exception {
        Noting analyzer = new Noting();
        ImportViewModel m = model(analyzer);
        assertFalse(m.relayChangedProperty().get(), "no log read yet: nothing to read again");
        m.relayHostsProperty().set("smtp-relay.acme.example");
        assertFalse(m.relayChangedProperty().get(), "no log read yet: the field applies to the first read");
        Path log = Files.writeString(dir.resolve("log.csv"), "x");
        m.importFile(log);
        assertFalse(m.relayChangedProperty().get());
        // the same relay spelled otherwise is no change
        m.relayHostsProperty().set("SMTP-Relay.acme.example.");
        assertFalse(m.relayChangedProperty().get());
        m.relayHostsProperty().set("smtp-relay.acme.example, 198.51.100.25");
        assertTrue(m.relayChangedProperty().get());
        assertEquals("smtp-relay.acme.example, 198.51.100.25", model(new Noting()).relayHostsProperty().get(),
                "saved as it changed, before any read");
        // a value that is no host: its error is said, not the notice, and it is not saved
        m.relayHostsProperty().set("smtp relay!");
        assertFalse(m.relayChangedProperty().get());
        assertEquals("smtp-relay.acme.example, 198.51.100.25", model(new Noting()).relayHostsProperty().get());
        m.relayHostsProperty().set("198.51.100.25 smtp-relay.acme.example");
        m.readAgain();
        assertEquals(List.of(RelayHosts.of(List.of("smtp-relay.acme.example")),
                RelayHosts.of(List.of("198.51.100.25", "smtp-relay.acme.example"))), analyzer.relays);
        assertFalse(m.relayChangedProperty().get(), "read again with the field as it is");
        assertEquals(ImportState.DONE, m.stateProperty().get());
        assertEquals("Read the log again", messages.get("import.relay.readAgain"));
        assertTrue(Messages.forLocale(Locale.forLanguageTag("sv")).get("import.relay.changed").contains("läs den igen"));
    }
}
