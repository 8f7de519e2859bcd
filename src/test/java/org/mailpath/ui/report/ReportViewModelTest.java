package org.mailpath.ui.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.report.ReportFormat;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.SyncTaskRunner;
import org.mailpath.ui.common.WizardSession;
import org.mailpath.ui.testing.FakeDialogs;
import org.mailpath.ui.testing.ManualTaskRunner;
import org.mailpath.ui.testing.TestAnalyses;

/** With the report engineer's real builder, renderers and writer. */
class ReportViewModelTest {

    @TempDir
    Path dir;

    private final WizardSession session = new WizardSession();
    private final FakeDialogs dialogs = new FakeDialogs();
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-07T10:00:00Z"), ZoneOffset.UTC);

    private ReportViewModel model() {
        return new ReportViewModel(ReportExporter.standard(), new SyncTaskRunner(), dialogs, session,
                Messages.forLocale(Locale.ENGLISH), clock);
    }

    @Test
    void withoutALogThereIsNothingToExport() {
        ReportViewModel m = model();
        m.entered();
        assertFalse(m.canExportProperty().get());
        assertEquals("Import a log first: the report is made from it.", m.previewProperty().get());
    }

    @Test
    void failingDomainsArePreselectedAndThePreviewIsRedactedByDefault() {
        session.setAnalysis(TestAnalyses.day());
        ReportViewModel m = model();
        m.entered();
        assertEquals("example.se", m.domains().getFirst().domain());
        assertTrue(m.domains().stream().filter(DomainChoice::included).map(DomainChoice::domain).toList()
                .containsAll(java.util.List.of("example.se", "kund.se")));
        assertFalse(m.domains().stream().filter(d -> d.domain().equals("acme.com")).findFirst().orElseThrow().included());
        assertTrue(m.canExportProperty().get());
        String preview = m.previewProperty().get();
        assertTrue(preview.contains("example.se"), preview);
        assertFalse(preview.contains("former.employee0@"), "local parts are redacted");
        m.redactProperty().set(false);
        assertTrue(m.previewProperty().get().contains("former.employee0@example.se"));
        m.selectAllDomains(false);
        assertFalse(m.canExportProperty().get());
        assertEquals("Choose at least one recipient domain.", m.previewProperty().get());
    }

    @Test
    void exportWritesTheChosenFormatAndSaysWhere() throws Exception {
        session.setAnalysis(TestAnalyses.day());
        ReportViewModel m = model();
        m.entered();
        dialogs.nextSave = Optional.of(dir.resolve("report"));
        m.export(ReportFormat.PDF);
        Path pdf = dir.resolve("report.pdf");
        assertTrue(Files.size(pdf) > 1000);
        assertTrue(new String(Files.readAllBytes(pdf), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("%PDF"));
        assertTrue(m.statusProperty().get().startsWith("Saved " + pdf), m.statusProperty().get());
        assertFalse(m.statusIsErrorProperty().get());
        dialogs.nextSave = Optional.of(dir.resolve("r.json"));
        m.export(ReportFormat.JSON);
        assertTrue(Files.readString(dir.resolve("r.json")).contains("example.se"));
    }

    @Test
    void aFailedWriteIsWordedAndMarkedAsAnError() throws Exception {
        session.setAnalysis(TestAnalyses.day());
        ReportViewModel m = model();
        m.entered();
        Path notAFolder = Files.writeString(dir.resolve("file"), "x");
        dialogs.nextSave = Optional.of(notAFolder.resolve("report.html"));
        m.export(ReportFormat.HTML);
        assertTrue(m.statusIsErrorProperty().get());
        assertFalse(m.statusProperty().get().isBlank());
        assertFalse(m.exportingProperty().get());
    }

    @Test
    void theNoteForTheRecipientsMailTeamListsMessageIdsAndReplies() {
        session.setAnalysis(TestAnalyses.day());
        ReportViewModel m = model();
        m.entered();
        m.copyNote();
        String note = dialogs.lastCopied();
        assertTrue(note.startsWith("Hello,"));
        assertTrue(note.contains("Domain example.se:"));
        assertTrue(note.contains("Message ID Header: <"));
        assertTrue(note.contains("550 5.1.1"));
        assertFalse(note.contains("former.employee0@"), "the note is redacted like the report");
        assertEquals("The note is on the clipboard: paste it into an e-mail to the recipient’s mail team.",
                m.statusProperty().get());
    }

    @Test
    void leavingTheStepCancelsAnExport() {
        session.setAnalysis(TestAnalyses.day());
        ManualTaskRunner runner = new ManualTaskRunner();
        ReportViewModel m = new ReportViewModel(ReportExporter.standard(), runner, dialogs, session,
                Messages.forLocale(Locale.ENGLISH), clock);
        m.entered();
        runner.runAll();
        dialogs.nextSave = Optional.of(dir.resolve("late.pdf"));
        m.export(ReportFormat.PDF);
        assertTrue(m.busyProperty().get());
        m.cancelWork();
        runner.runAll();
        assertFalse(m.busyProperty().get());
        assertFalse(Files.exists(dir.resolve("late.pdf")));
        assertEquals("Export cancelled; no file was changed.", m.statusProperty().get());
    }
}
