package org.mailpath.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.engine.log.LogFixtures.TLS;
import static org.mailpath.engine.log.LogFixtures.row;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.analysis.EmailLogAnalyzer;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.ProgressListener;
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.engine.report.MessageEntry;
import org.mailpath.engine.report.ReportBuilder;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.ReportOptions;
import org.mailpath.report.json.JsonReportRenderer;

/**
 * A log without the Message ID Header column and one without the Internal Message ID column share no ID: a message
 * whose rows are in both is joined by a unique match (a guess) or left apart for matching more than one. The report
 * says so where it lists such a message (a note in every format, two booleans last in the JSON's messages) and counts
 * them in its title block, as the files' warnings and the analysis JSON do.
 */
class GuessedJoinReportTest {

    /** Column numbers of {@link LogFixtures#row} (documented order). */
    private static final int INTERNAL_MESSAGE_ID = 1;
    private static final int MESSAGE_ID_HEADER = 8;
    private static final String JOINED = "Joined by a best guess: two of our logs have no ID column in common, so its"
            + " rows in them were matched by recipient, Sender, User ID (where both logs have it) and time, not by an"
            + " ID.";
    private static final String TWICE = "May be listed twice: its rows in two of our logs that share no ID column"
            + " match more than one message, so they could not be joined and are listed as a message of their own.";

    @TempDir
    Path dir;

    private Path log(String name, int lacking, String... rows) {
        return LogFixtures.writeWithout(dir, name, List.of(lacking), rows);
    }

    @Test
    void eachMessageThatRestsOnAGuessSaysSo() {
        ReportModel model = model(Locale.ENGLISH);
        Map<String, String> seen = new TreeMap<>();
        ReportWording words = ReportWording.of(model);
        for (MessageEntry m : messages(model)) {
            seen.merge(m.recipient() + " " + m.eventLetters(), words.guessNote(m).orElse("-"),
                    (x, y) -> x + " | " + y);
            assertFalse(m.joinedByGuess() && m.maybeCountedTwice(), m.toString());
        }
        assertEquals(Map.of("a@acme.example RD", JOINED, "b@other.example D", TWICE,
                "b@other.example R", TWICE + " | " + TWICE, "c@third.example R", "-"), seen);
        assertEquals(1, model.title().joinedByGuess());
        assertEquals(3, model.title().maybeCountedTwice());
        assertTrue(words.titleFacts(model.title()).contains(new ReportWording.Fact("Joined by a guess",
                "1 message (the logs share no ID column: rows matched by recipient, Sender, User ID where both logs"
                        + " have it, and time)")));
        assertTrue(words.titleFacts(model.title()).contains(new ReportWording.Fact("Maybe listed twice",
                "3 messages (the logs share no ID column, and the rows match more than one message)")));
    }

    @Test
    void everyFormatShowsTheNoteAndTheJsonHasTheBooleansLast() throws IOException {
        ReportModel model = model(Locale.ENGLISH);
        String text = new String(ReportTestSupport.render(ReportFormat.TEXT, model, "guess"), StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ");
        assertTrue(text.contains(JOINED), text);
        assertEquals(3, count(text, TWICE), text);
        String html = new String(ReportTestSupport.render(ReportFormat.HTML, model, "guess"), StandardCharsets.UTF_8);
        assertTrue(html.contains("<div class=\"guess small\">" + JOINED + "</div>"), html);
        assertTrue(html.contains("Joined by a guess"), "the title block's count");
        try (PDDocument doc = Loader.loadPDF(ReportTestSupport.render(ReportFormat.PDF, model, "guess"))) {
            String pdf = PdfReportRendererTest.squeeze(new PDFTextStripper().getText(doc));
            assertTrue(pdf.contains(PdfReportRendererTest.squeeze(JOINED)), pdf);
            assertEquals(3, count(pdf, PdfReportRendererTest.squeeze(TWICE)), pdf);
            assertTrue(pdf.contains(PdfReportRendererTest.squeeze("Maybe listed twice 3 messages")), pdf);
        }
        JsonNode root = JsonReportRenderer.mapper().readTree(ReportTestSupport.render(ReportFormat.JSON, model,
                "guess"));
        int joined = 0;
        int twice = 0;
        for (JsonNode d : root.get("recipientDomains")) {
            for (JsonNode m : d.get("messages")) {
                List<String> names = new ArrayList<>();
                m.fieldNames().forEachRemaining(names::add);
                // added after them: sizeBytes, then staleReceived, then basicCodeOnly, last
                assertEquals(List.of("stale", "joinedByGuess", "maybeCountedTwice", "sizeBytes", "staleReceived",
                        "basicCodeOnly"), names.subList(names.size() - 6, names.size()), "added last: " + names);
                joined += m.get("joinedByGuess").asBoolean() ? 1 : 0;
                twice += m.get("maybeCountedTwice").asBoolean() ? 1 : 0;
            }
        }
        assertEquals(1, joined);
        assertEquals(3, twice);
        assertEquals(1, root.at("/title/joinedByGuess").asLong());
        assertEquals(3, root.at("/title/maybeCountedTwice").asLong());
    }

    @Test
    void inSwedish() {
        ReportModel model = model(Locale.forLanguageTag("sv"));
        ReportWording words = ReportWording.of(model);
        MessageEntry a = messages(model).stream().filter(m -> m.recipient().startsWith("a@")).findFirst()
                .orElseThrow();
        assertTrue(words.guessNote(a).orElseThrow().startsWith("Sammanslaget efter en bästa gissning"),
                words.guessNote(a).orElseThrow());
        assertTrue(words.titleFacts(model.title()).contains(new ReportWording.Fact("Kanske dubbletter",
                "3 meddelanden (loggarna har ingen ID-kolumn gemensam, och raderna matchar mer än ett meddelande)")));
    }

    /**
     * The review: a report of several logs said "Messages 1 in this report (of 40 in the file)", "line numbers refer
     * to the file" and "the delivery log"; and that rows were joined by recipient, Sender and time, though the join
     * also asks for the same User ID where both logs have one (UnsharedIdJoin).
     */
    @Test
    void aReportOfSeveralLogsSpeaksOfTheFiles() throws IOException {
        Path r = log("no-header.csv", MESSAGE_ID_HEADER, row("3/6/2009 13:30", "R", "a@acme.example", "m1", "", ""),
                row("3/6/2009 13:30", "R", "c@third.example", "m4", "", ""));
        Path d = log("no-internal-id.csv", INTERNAL_MESSAGE_ID,
                row("3/6/2009 13:31", "D", "a@acme.example", "m1", "250 OK", TLS));
        LogAnalysis a;
        try {
            a = new EmailLogAnalyzer().analyze(List.of(r, d), ProgressListener.NONE, Cancellation.none());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        for (Locale language : List.of(Locale.ENGLISH, Locale.forLanguageTag("sv"))) {
            ReportModel model = new ReportBuilder(a, ReportOptions.defaults().withLanguage(language)
                    .withDomains(java.util.Set.of("acme.example"))).build();
            ReportWording words = ReportWording.of(model);
            boolean en = language.equals(Locale.ENGLISH);
            assertTrue(words.titleFacts(model.title()).contains(new ReportWording.Fact(en ? "Messages" : "Meddelanden",
                    en ? "1 in this report (of 2 in the files)" : "1 i den här rapporten (av 2 i filerna)")),
                    words.titleFacts(model.title()).toString());
            String intro = words.appendixIntro(model.title());
            assertTrue(intro.contains(en ? "each file's rows under its name: each row's fields as they are in their"
                    + " file" : "varje fils rader under dess namn: varje rads fält som de står i sin fil"), intro);
            assertTrue(intro.endsWith(en ? "(line numbers refer to that file)." : "(radnumren avser den filen)."),
                    intro);
            String note = words.noteIntro(model, "no-header.csv, no-internal-id.csv");
            assertTrue(note.contains(en ? "have looked at the delivery logs (no-header.csv, no-internal-id.csv,"
                    : "har gått igenom leveransloggarna (no-header.csv, no-internal-id.csv,"), note);
        }
        ReportModel redacted = new ReportBuilder(a, ReportOptions.defaults().withRedaction(true)).build();
        assertTrue(ReportWording.of(redacted).appendixIntro(redacted.title()).endsWith("(line numbers refer to that"
                + " file)."), ReportWording.of(redacted).appendixIntro(redacted.title()));
    }

    @Test
    void aSingleLogsMessagesHaveNoNote() throws Exception {
        LogAnalysis one = new EmailLogAnalyzer().analyze(LogFixtures.sample("sample-email-log.csv"),
                ProgressListener.NONE, Cancellation.none());
        ReportModel model = new ReportBuilder(one, ReportOptions.defaults()).build();
        ReportWording words = ReportWording.of(model);
        assertTrue(messages(model).stream().noneMatch(m -> words.guessNote(m).isPresent()));
        assertEquals(0, model.title().joinedByGuess() + model.title().maybeCountedTwice());
        assertFalse(words.titleFacts(model.title()).stream().anyMatch(f -> f.label().contains("guess")));
        // one log: "the file", "the delivery log"
        assertTrue(words.appendixIntro(model.title()).endsWith("(line numbers refer to the file)."));
        assertTrue(words.noteIntro(model, "sample-email-log.csv").contains(" the delivery log (sample-email-log.csv, "),
                words.noteIntro(model, "sample-email-log.csv"));
    }

    private ReportModel model(Locale language) {
        // a@: one R, one D: joined; b@: two R's and one D: left apart, all three; c@: its R only, nothing to match
        Path r = log("no-header.csv", MESSAGE_ID_HEADER, row("3/6/2009 13:30", "R", "a@acme.example", "m1", "", ""),
                row("3/6/2009 13:30", "R", "b@other.example", "m2", "", ""),
                row("3/6/2009 13:30", "R", "b@other.example", "m3", "", ""),
                row("3/6/2009 13:30", "R", "c@third.example", "m4", "", ""));
        Path d = log("no-internal-id.csv", INTERNAL_MESSAGE_ID,
                row("3/6/2009 13:31", "D", "a@acme.example", "m1", "250 OK", TLS),
                row("3/6/2009 13:31", "D", "b@other.example", "m2", "250 OK", TLS));
        try {
            LogAnalysis a = new EmailLogAnalyzer().analyze(List.of(r, d), ProgressListener.NONE, Cancellation.none());
            return new ReportBuilder(a, ReportOptions.defaults().withLanguage(language)).build();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<MessageEntry> messages(ReportModel model) {
        return model.recipientDomains().stream().flatMap(s -> s.messages().stream()).toList();
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
