package org.mailpath.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.ui.events.EventsViewModel;
import org.mailpath.ui.importing.ImportViewModel;
import org.mailpath.ui.report.ReportExporter;
import org.mailpath.ui.report.ReportViewModel;
import org.mailpath.ui.testing.FakeDialogs;
import org.mailpath.ui.testing.TestAnalyses;
import org.mailpath.ui.testing.TestSettings;

/** A count of one reads as one, in English and Swedish: "1 message", "after 1 retry", "1 meddelande". */
class SingularCountsTest {

    @TempDir
    Path dir;

    private final WizardSession session = new WizardSession();
    private final FakeDialogs dialogs = new FakeDialogs();
    /** One message to one domain, delivered after one retry. */
    private final LogAnalysis one = TestAnalyses.of(List.of(TestAnalyses.delivered("anna@kund.se", 0, 1)));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en | Delivered after 1 retry | 1 message · 0 bounced · 0 deferred | 1 message from ",
            "sv | Levererat efter 1 nytt försök | 1 meddelande · 0 studsade · 0 fördröjda | 1 meddelande från "})
    void oneIsSingular(String language, String verdict, String domainCounts, String summaryStart) throws Exception {
        Messages messages = Messages.forLocale(Locale.forLanguageTag(language));
        ImportViewModel importing = new ImportViewModel((file, progress, cancellation) -> one, new SyncTaskRunner(),
                dialogs, SettingsStore.open(dir.resolve("settings.properties")), session, messages, java.util.Optional::empty);
        importing.importFile(Files.writeString(dir.resolve("one.csv"), "x"));
        String summary = importing.summaryTextProperty().get();
        assertEquals(summaryStart, summary.substring(0, summaryStart.length()), summary);

        EventsViewModel events = new EventsViewModel(session, new SyncTaskRunner(), dialogs, messages);
        assertEquals(verdict, events.visibleRows().getFirst().verdict());

        ReportViewModel report = new ReportViewModel(ReportExporter.standard(), new SyncTaskRunner(), dialogs,
                TestSettings.fresh(), session, messages,
                Clock.fixed(Instant.parse("2026-03-07T10:00:00Z"), ZoneOffset.UTC));
        report.entered();
        assertEquals(domainCounts, report.domains().getFirst().counts());
    }
}
