package org.mailpath.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.analysis.EmailLogAnalyzer;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.ProgressListener;
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.engine.report.LogFileRawRows;
import org.mailpath.engine.report.MessageEntry;
import org.mailpath.engine.report.ReportBuilder;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.ReportOptions;

/**
 * A message deferred row after row (one R, thousands of T, a P) made a message table of every row: a report of one
 * such message of 40,000 rows was 11 MB of PDF. The tables list a message's first and last
 * {@link ListedEvents#SHOWN_AT_EACH_END} events and say how many of which kind are between; a message of few rows
 * more than that is listed whole, as before. The JSON, a contract, keeps every event.
 */
class ManyEventsListedTest {

    @TempDir
    Path dir;

    /** One message: R, then {@code events - 2} T each with its own attempt number, then P; a minute apart. */
    private ReportModel oneMessage(int events, Locale language) throws Exception {
        List<String> rows = new ArrayList<>();
        rows.add(LogFixtures.HEADER);
        for (int i = 0; i < events; i++) {
            String event = i == 0 ? "R" : i == events - 1 ? "P" : "T";
            String status = i == 0 ? "" : i == events - 1 ? "554 5.4.7 Message expired"
                    : "451 4.7.1 Try again later (attempt " + i + ")";
            rows.add(LogFixtures.row(LogFixtures.date(60 * i), event, "alice@contoso.example", "m1", status,
                    LogFixtures.TLS));
        }
        Path log = LogFixtures.write(dir, "many-" + events + ".csv", LogFixtures.lines(rows.toArray(String[]::new)));
        return new ReportBuilder(new EmailLogAnalyzer().analyze(log, ProgressListener.NONE, Cancellation.none()),
                ReportOptions.defaults().withLanguage(language)).build();
    }

    /** As {@link #oneMessage}, its log's rows read again for the appendix, as the app and the command line do. */
    private ReportModel oneMessageWithItsRows(int events, Locale language) throws Exception {
        oneMessage(events, language); // writes the log
        Path log = dir.resolve("many-" + events + ".csv");
        return new ReportBuilder(new EmailLogAnalyzer().analyze(log, ProgressListener.NONE, Cancellation.none()),
                ReportOptions.defaults().withLanguage(language)).rawRows(new LogFileRawRows(log)).build();
    }

    private static String attemptLine(int i) {
        return "\n      451 4.7.1 Try again later (attempt " + i + ")\n";
    }

    @Test
    void aMessageOfManyEventsListsItsFirstAndLastAndCountsTheRest() throws Exception {
        ReportModel model = oneMessage(100, Locale.ENGLISH);
        MessageEntry m = model.recipientDomains().getFirst().messages().getFirst();
        assertEquals(100, m.events().size(), "the model keeps every event");
        ListedEvents listed = ListedEvents.of(m, ReportWording.of(model));
        assertEquals(m.events().subList(0, 20), listed.first());
        assertEquals(m.events().subList(80, 100), listed.last());
        String note = "… 60 more events not listed here (60 × Deferred (T)); the log has every one.";
        assertEquals(note, listed.notListed().orElseThrow());

        String text = new String(ReportTestSupport.render(ReportFormat.TEXT, model, "many-events"),
                StandardCharsets.UTF_8);
        for (int i : new int[] {1, 19, 80, 98}) {
            assertTrue(text.contains(attemptLine(i)), "attempt " + i + " listed");
        }
        for (int i : new int[] {20, 50, 79}) {
            assertFalse(text.contains(attemptLine(i)), "attempt " + i + " not listed");
        }
        assertTrue(text.replaceAll("\\s+", " ").contains(note), text);

        String html = new String(ReportTestSupport.render(ReportFormat.HTML, model, "many-events"),
                StandardCharsets.UTF_8);
        assertTrue(html.contains("60 more events not listed here (60 × Deferred (T))"));
        assertTrue(html.contains("(attempt 19)</code>") && html.contains("(attempt 80)</code>"));
        assertFalse(html.contains("(attempt 50)</code>"));

        try (PDDocument pdf = Loader.loadPDF(ReportTestSupport.render(ReportFormat.PDF, model, "many-events"))) {
            String pdfText = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertTrue(pdfText.contains("60 more events not listed here"), pdfText);
        }
    }

    @Test
    void aMessageOfFewMoreThanTheFirstAndLastIsListedWhole() throws Exception {
        // 2 × 20 + 10: a note would leave out only 10
        ReportModel model = oneMessage(50, Locale.ENGLISH);
        MessageEntry m = model.recipientDomains().getFirst().messages().getFirst();
        ListedEvents listed = ListedEvents.of(m, ReportWording.of(model));
        assertEquals(m.events(), listed.first());
        assertTrue(listed.notListed().isEmpty() && listed.last().isEmpty());
        String text = new String(ReportTestSupport.render(ReportFormat.TEXT, model, "fifty-events"),
                StandardCharsets.UTF_8);
        for (int i = 1; i < 49; i++) {
            assertTrue(text.contains(attemptLine(i)), "attempt " + i + " listed");
        }
        assertFalse(text.contains("not listed here"));
    }

    /**
     * A report whose appendix has every row of its messages says so instead of sending the reader to the log: the
     * rows left out of the table are among the log rows at its end, as the text, HTML and PDF all show.
     */
    @Test
    void withTheAppendixOfEveryRowTheNoteSendsThereNotToTheLog() throws Exception {
        ReportModel model = oneMessageWithItsRows(100, Locale.ENGLISH);
        assertEquals(100, model.appendix().rows().size(), "the appendix has every row");
        assertTrue(model.appendix().note().isEmpty());
        MessageEntry m = model.recipientDomains().getFirst().messages().getFirst();
        String note = "… 60 more events not listed here (60 × Deferred (T)); every one is among the log rows at the"
                + " end of this report.";
        assertEquals(note, ListedEvents.of(m, ReportWording.of(model)).notListed().orElseThrow());
        String text = new String(ReportTestSupport.render(ReportFormat.TEXT, model, "many-rows"),
                StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        assertTrue(text.contains(note), text);
        assertTrue(text.contains("52,11/10/2026 0:50:00,"), "the row of attempt 50 at the end: " + text);
        assertFalse(text.contains("the log has every one"));
        String html = new String(ReportTestSupport.render(ReportFormat.HTML, model, "many-rows"),
                StandardCharsets.UTF_8);
        assertTrue(html.contains("every one is among the log rows at the end of this report"));
        assertEquals("… ytterligare 60 händelser visas inte här (60 × Fördröjt (T)); alla finns bland loggens rader i"
                + " slutet av rapporten.", ListedEvents.of(m, ReportWording.of(oneMessageWithItsRows(100,
                Locale.forLanguageTag("sv")))).notListed().orElseThrow());
    }

    @Test
    void theNoteIsInTheReportsLanguage() throws Exception {
        ReportModel model = oneMessage(1_000, Locale.forLanguageTag("sv"));
        MessageEntry m = model.recipientDomains().getFirst().messages().getFirst();
        assertEquals("… ytterligare 960 händelser visas inte här (960 × Fördröjt (T)); loggen har alla.",
                ListedEvents.of(m, ReportWording.of(model)).notListed().orElseThrow());
    }
}
