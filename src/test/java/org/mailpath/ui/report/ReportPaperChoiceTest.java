package org.mailpath.ui.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.report.Paper;
import org.mailpath.report.ReportFormat;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.SettingsStore;
import org.mailpath.ui.common.SyncTaskRunner;
import org.mailpath.ui.common.WizardSession;
import org.mailpath.ui.testing.FakeDialogs;
import org.mailpath.ui.testing.TestAnalyses;
import org.mailpath.ui.testing.TestSettings;

/**
 * The Report step's paper for an exported PDF: A4 or US Letter, at first the computer's country's usual one, then the
 * one chosen last (kept in the settings).
 */
class ReportPaperChoiceTest {

    private static final Locale BEFORE = Locale.getDefault();
    private static final Locale FORMAT_BEFORE = Locale.getDefault(Locale.Category.FORMAT);

    @TempDir
    Path dir;

    private final WizardSession session = new WizardSession();
    private final FakeDialogs dialogs = new FakeDialogs();

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(BEFORE);
        Locale.setDefault(Locale.Category.FORMAT, FORMAT_BEFORE);
    }

    private ReportViewModel model() {
        session.setAnalysis(TestAnalyses.day());
        ReportViewModel m = new ReportViewModel(ReportExporter.standard(), new SyncTaskRunner(), dialogs,
                TestSettings.fresh(), session, Messages.forLocale(Locale.ENGLISH),
                Clock.fixed(Instant.parse("2026-03-07T10:00:00Z"), ZoneOffset.UTC));
        m.entered();
        return m;
    }

    private ReportViewModel model(SettingsStore settings) {
        session.setAnalysis(TestAnalyses.day());
        ReportViewModel m = new ReportViewModel(ReportExporter.standard(), new SyncTaskRunner(), dialogs, settings,
                session, Messages.forLocale(Locale.ENGLISH),
                Clock.fixed(Instant.parse("2026-03-07T10:00:00Z"), ZoneOffset.UTC));
        m.entered();
        return m;
    }

    private SettingsStore settings() {
        return SettingsStore.open(dir.resolve("settings.properties"));
    }

    private PDRectangle exported(ReportViewModel m, String name) throws Exception {
        Path file = dir.resolve(name);
        dialogs.nextSave = Optional.of(file);
        m.export(ReportFormat.PDF);
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            return doc.getPage(0).getMediaBox();
        }
    }

    @Test
    void theChosenPaperIsThePdfsAndTheCountrysUsualOneComesFirst() throws Exception {
        Locale.setDefault(Locale.of("sv", "SE"));
        ReportViewModel m = model();
        assertEquals(Paper.A4, m.paperProperty().get());
        assertEquals(PDRectangle.A4.getHeight(), exported(m, "a4.pdf").getHeight(), 0.01);
        m.paperProperty().set(Paper.LETTER);
        assertEquals(PDRectangle.LETTER.getHeight(), exported(m, "letter.pdf").getHeight(), 0.01);
        assertEquals(PDRectangle.LETTER.getWidth(), exported(m, "letter2.pdf").getWidth(), 0.01);
    }

    @Test
    void inTheUnitedStatesLetterComesFirstAndALostChoiceFallsBackToIt() {
        Locale.setDefault(Locale.US);
        ReportViewModel m = model();
        assertEquals(Paper.LETTER, m.paperProperty().get());
        m.paperProperty().set(Paper.A4);
        m.paperProperty().set(null);
        assertEquals(Paper.LETTER, m.paperProperty().get());
    }

    @Test
    void theChosenPaperIsSavedAndTheNextRunStartsWithIt() throws Exception {
        Locale.setDefault(Locale.of("sv", "SE"));
        ReportViewModel first = model(settings());
        assertEquals(Paper.A4, first.paperProperty().get());
        assertEquals(Optional.empty(), settings().get(ExportTasks.PAPER_KEY), "nothing chosen, nothing saved");
        first.paperProperty().set(Paper.LETTER);
        assertEquals(Optional.of("letter"), settings().get(ExportTasks.PAPER_KEY));

        ReportViewModel next = model(settings());
        assertEquals(Paper.LETTER, next.paperProperty().get());
        assertEquals(PDRectangle.LETTER.getHeight(), exported(next, "next.pdf").getHeight(), 0.01);
        next.paperProperty().set(Paper.A4);
        assertEquals(Paper.A4, model(settings()).paperProperty().get());
    }

    @Test
    void aSavedPaperNotUnderstoodLeavesTheUsualOneSilently() throws Exception {
        Locale.setDefault(Locale.US);
        SettingsStore written = settings();
        written.put(ExportTasks.PAPER_KEY, "tabloid");
        ReportViewModel m = model(settings());
        assertEquals(Paper.LETTER, m.paperProperty().get());
        assertEquals(List.of(), settings().problems());
        assertEquals(PDRectangle.LETTER.getWidth(), exported(m, "usual.pdf").getWidth(), 0.01);
    }
}
