package org.mailpath.report.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mailpath.engine.analysis.EmailLogAnalyzer;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.ProgressListener;
import org.mailpath.engine.finding.Severity;
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.engine.report.MessageEntry;
import org.mailpath.engine.report.RecipientDomainSection;
import org.mailpath.engine.report.ReportBuilder;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.ReportOptions;
import org.mailpath.engine.report.SampleReportData;
import org.mailpath.report.ReportWording;

/**
 * The note without its hard wrap (the app's preview) against the note as exported: the same words, each paragraph of
 * prose on one line, and wrapping that at 76 columns gives the exported note back, line for line.
 */
class TextReportRendererTest {

    private static final SampleReportData DATA = SampleReportData.create();

    @ParameterizedTest
    @ValueSource(strings = {"en", "sv"})
    void unwrappedNoteHasTheWrappedOnesWordsInTheSameOrder(String language) throws IOException {
        ReportModel model = model(language);
        String wrapped = render(new TextReportRenderer(), model);
        String unwrapped = render(TextReportRenderer.unwrapped(), model);
        assertEquals(words(wrapped), words(unwrapped));
        assertTrue(lines(unwrapped).size() < lines(wrapped).size(), "some prose was wrapped at 76:\n" + wrapped);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "sv"})
    void unwrappedNoteHasEachParagraphOnOneLine(String language) throws IOException {
        ReportModel model = model(language);
        ReportWording words = ReportWording.of(model);
        List<String> lines = lines(render(TextReportRenderer.unwrapped(), model));
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(words.noteIntro(model, model.title().fileName()));
        paragraphs.add(model.conclusion());
        paragraphs.add(words.mailTeamIntro(model));
        for (RecipientDomainSection s : model.recipientDomains()) {
            for (MessageEntry m : s.messages()) {
                if (!m.mailTeamExplanation().isEmpty()) {
                    paragraphs.add("  " + m.mailTeamExplanation());
                }
                words.todo(m).ifPresent(todo -> paragraphs.add("  " + todo));
            }
            s.findings().stream().filter(f -> f.severity() != Severity.OK && !f.remediation().isEmpty())
                    .forEach(f -> paragraphs.add("  " + words.format("fix", ReportWording.fix(f))));
        }
        assertTrue(paragraphs.stream().anyMatch(p -> p.length() > TextReportRenderer.EMAIL_WIDTH),
                "the sample has paragraphs longer than a wrapped line");
        for (String p : paragraphs) {
            assertTrue(lines.contains(p.stripTrailing()), "one line: " + p + "\n" + String.join("\n", lines));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "sv"})
    void wrappingTheUnwrappedNoteAt76GivesTheExportedNote(String language) throws IOException {
        ReportModel model = model(language);
        List<String> wrapped = lines(render(new TextReportRenderer(), model));
        List<String> rewrapped = new ArrayList<>();
        for (String line : lines(render(TextReportRenderer.unwrapped(), model))) {
            rewrapped.addAll(wrapped.contains(line) ? List.of(line) : wrapAt76(line));
        }
        assertEquals(wrapped, rewrapped);
    }

    /** Greedy wrap at 76 columns, continuation lines indented as the first: the e-mail note's rule. */
    private static List<String> wrapAt76(String line) {
        String indent = line.substring(0, line.length() - line.stripLeading().length());
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder(indent);
        for (String word : line.stripLeading().split(" ")) {
            if (current.length() > indent.length() && current.length() + 1 + word.length() > 76) {
                out.add(current.toString().stripTrailing());
                current = new StringBuilder(indent);
            }
            current.append(word).append(' ');
        }
        out.add(current.toString().stripTrailing());
        return out;
    }

    /** A log without the TLS_Cipher column: the note's first paragraph, which names the log, ends with the caveat. */
    @ParameterizedTest
    @ValueSource(strings = {"en", "sv"})
    void theIntroOfALogWithoutTheTlsColumnSaysWhatItsDeliveriesMayBe(String language) throws Exception {
        ReportOptions options = ReportOptions.defaults().withGeneratedAt(SampleReportData.GENERATED)
                .withRedaction(false).withLanguage(Locale.forLanguageTag(language));
        for (String sample : List.of("synthetic-no-tls-columns.csv", "sample-email-log.csv")) {
            ReportModel model = new ReportBuilder(new EmailLogAnalyzer().analyze(LogFixtures.sample(sample),
                    ProgressListener.NONE, Cancellation.none()), options).build();
            ReportWording words = ReportWording.of(model);
            String intro = words.noteIntro(model, model.title().fileName());
            String firstParagraph = lines(render(TextReportRenderer.unwrapped(), model)).get(2);
            // as the conclusion hedges: the sample's deliveries all went to hosts of their recipients' own, so the
            // caveat would say "may" of what the conclusion states
            if (model.title().withoutTlsColumn() && model.title().deliveriesMaybeHandoffs() > 0) {
                assertEquals(intro + " " + words.format("fact.noTlsColumn.value",
                        model.title().deliveriesMaybeHandoffs()), firstParagraph, sample);
            } else {
                assertEquals(intro, firstParagraph, sample);
            }
            assertEquals(model.conclusion().contains("TLS_Cipher"), firstParagraph.contains("TLS_Cipher"), sample);
            assertEquals(sample.startsWith("synthetic-no-tls"), model.title().withoutTlsColumn(), sample);
        }
    }

    /**
     * No line of the note ends in spaces (copy review, stop 45: "… Received (R)  ", the event column's padding), but
     * the signature separator, whose space the mail standard asks for ("-- ", RFC 3676 §4.3).
     */
    @Test
    void noLineEndsInSpaces() throws Exception {
        ReportModel model = new ReportBuilder(new EmailLogAnalyzer().analyze(LogFixtures.sample(
                "sample-email-log.csv"), ProgressListener.NONE, Cancellation.none()), ReportOptions.defaults()
                .withGeneratedAt(SampleReportData.GENERATED)).build();
        List<String> padded = lines(render(new TextReportRenderer(), model)).stream()
                .filter(l -> !l.equals(l.stripTrailing()) && !l.equals("-- ")).toList();
        assertEquals(List.of(), padded);
    }

    /**
     * The review: the note dropped each event's Delivery Stage, which the PDF and HTML show under the relay, while
     * its intro tells the reader to look otherwise for a message refused before DATA ("during RCPT TO"). Every event
     * with a stage has it on its line, after the relay, in the note as in the other formats.
     */
    @ParameterizedTest
    @ValueSource(strings = {"en", "sv"})
    void everyEventLineHasItsDeliveryStage(String language) throws Exception {
        ReportOptions options = ReportOptions.defaults().withGeneratedAt(SampleReportData.GENERATED)
                .withRedaction(false).withLanguage(Locale.forLanguageTag(language));
        ReportModel model = new ReportBuilder(new EmailLogAnalyzer().analyze(LogFixtures.sample(
                "sample-email-log.csv"), ProgressListener.NONE, Cancellation.none()), options).build();
        List<String> lines = lines(render(TextReportRenderer.unwrapped(), model));
        List<org.mailpath.engine.report.EventEntry> staged = model.recipientDomains().stream()
                .flatMap(s -> s.messages().stream()).flatMap(m -> m.events().stream())
                .filter(e -> !e.stage().isEmpty()).toList();
        assertTrue(staged.stream().map(e -> e.stage()).toList().containsAll(List.of("during RCPT TO", "after DATA",
                "during STARTTLS")), staged.toString());
        for (org.mailpath.engine.report.EventEntry e : staged) {
            String relay = ReportWording.relay(e.relayHost(), e.relayAddress());
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("  " + ReportWording.time(e.time()))
                    && l.contains(relay) && l.endsWith("  " + e.stage())), e + "\n" + String.join("\n", lines));
        }
    }

    /**
     * The review: a note to yahoo.example, whose deferral is ours to correct, said only "deferred because your servers
     * throttled …" and "Please search your mail transport logs", never who acts: the message's block leaves "This lies
     * on our side …" out for the causes table to say it, and the note had no causes table. It has the table's causes
     * now, each with who must act and what to do in the table's words.
     */
    @ParameterizedTest
    @ValueSource(strings = {"en", "sv"})
    void theNoteSaysWhoMustActOnEachCause(String language) throws Exception {
        Locale l = Locale.forLanguageTag(language);
        ReportOptions options = ReportOptions.defaults().withGeneratedAt(SampleReportData.GENERATED)
                .withRedaction(false).withLanguage(l).withDomains(java.util.Set.of("yahoo.example"));
        ReportModel model = new ReportBuilder(new EmailLogAnalyzer().analyze(LogFixtures.sample(
                "sample-email-log.csv"), ProgressListener.NONE, Cancellation.none()), options).build();
        ReportWording words = ReportWording.of(model);
        org.mailpath.engine.report.ReportTexts texts = org.mailpath.engine.report.ReportTexts.of(l);
        assertEquals(1, model.summary().causes().size(), model.summary().causes().toString());
        org.mailpath.engine.report.CauseRow cause = model.summary().causes().getFirst();
        assertEquals(org.mailpath.engine.finding.Actor.SENDER_ADMIN, cause.actor());
        assertEquals(texts.mailTeamAdvice(cause.actor()), ReportWording.causeFix(cause));
        // the message's block has no such line: the causes say it
        MessageEntry m = model.recipientDomains().getFirst().messages().getFirst();
        assertTrue(words.todo(m).isEmpty(), words.todo(m).toString());
        List<String> lines = lines(render(TextReportRenderer.unwrapped(), model));
        for (String line : List.of(words.get("heading.causes"), cause.label(),
                "  " + words.get("col.deferred") + ": 1",
                "  " + words.get("col.actor") + ": " + texts.get("actor.SENDER_ADMIN"),
                "  " + words.get("col.todo") + ": " + texts.mailTeamAdvice(cause.actor()))) {
            assertTrue(lines.contains(line), line + "\n" + String.join("\n", lines));
        }
    }

    /**
     * A note on several domains says who must act on each cause, but not our admin's fixes ("Correct or remove the
     * address in Salesforce"), which its causes have in place of the team's words.
     */
    @ParameterizedTest
    @ValueSource(strings = {"en", "sv"})
    void aNoteOnSeveralDomainsNamesWhoActsButNotOurAdminsFixes(String language) throws Exception {
        ReportModel model = model(language);
        assertTrue(!model.addressedToMailTeam() && model.summary().causes().size() > 1);
        ReportWording words = ReportWording.of(model);
        String text = render(TextReportRenderer.unwrapped(), model);
        List<String> lines = lines(text);
        for (org.mailpath.engine.report.CauseRow r : model.summary().causes()) {
            assertTrue(lines.contains("  " + words.get("col.actor") + ": " + words.causeActor(model, r)),
                    r + "\n" + text);
            assertTrue(r.remediation().isEmpty() || !text.contains(r.remediation()), r.remediation());
        }
    }

    private static ReportModel model(String language) {
        ReportOptions options = ReportOptions.defaults().withGeneratedAt(SampleReportData.GENERATED)
                .withRedaction(false).withLanguage(Locale.forLanguageTag(language));
        return new ReportBuilder(DATA.analysis(), options).checks(DATA.checks()).rawRows(DATA.rawRows()).build();
    }

    private static String render(TextReportRenderer renderer, ReportModel model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.render(model, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<String> words(String text) {
        return Arrays.asList(text.strip().split("\\s+"));
    }

    private static List<String> lines(String text) {
        return text.lines().toList();
    }
}
