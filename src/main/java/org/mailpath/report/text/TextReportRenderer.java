package org.mailpath.report.text;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.engine.report.Appendix;
import org.mailpath.engine.report.CauseRow;
import org.mailpath.engine.report.DomainFindings;
import org.mailpath.engine.report.EventEntry;
import org.mailpath.engine.report.MessageEntry;
import org.mailpath.engine.report.OwnSideSection;
import org.mailpath.engine.report.RecipientDomainSection;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.report.ListedEvents;
import org.mailpath.report.ReportRenderer;
import org.mailpath.report.ReportWording;
import org.mailpath.report.VisibleText;

/**
 * A plain-text note to paste into an e-mail to the recipient's mail team: the conclusion, the causes and who must
 * act on each, the messages to look for with their exact status lines, what we found about their domain, our own side and the raw rows, in the PDF's
 * and HTML's order. Our own side is in, as there: the conclusion counts its problems ("1 on ours"), which the note
 * (and the app's preview of it) must then show. Control characters from the log are replaced so the note stays
 * plain text.
 * Written in the report's language. A note on several recipient domains speaks to the mail teams of the domains
 * below, each domain's messages under its name, not to one team as "you" ({@link ReportWording#noteIntro}).
 * <p>
 * Prose is wrapped at {@value #EMAIL_WIDTH} columns for e-mail. The app's preview uses {@link #unwrapped()}: each
 * paragraph on one line, so that its text area wraps them at whatever width the window has; wrapping lines already
 * wrapped at 76 would leave single words alone on lines in a narrow window.
 */
public final class TextReportRenderer implements ReportRenderer {

    /** Where prose is wrapped in the note: within the 78 characters a mail line SHOULD keep to (RFC 5322 2.1.1). */
    public static final int EMAIL_WIDTH = 76;

    /** Columns a line of prose may fill; {@link Integer#MAX_VALUE} for no wrap. */
    private final int width;

    /** The note as exported and mailed: prose wrapped at {@value #EMAIL_WIDTH} columns. */
    public TextReportRenderer() {
        this(EMAIL_WIDTH);
    }

    private TextReportRenderer(int width) {
        this.width = width;
    }

    /**
     * The same note with each paragraph of prose on one line, for a view that wraps text itself. Every other line
     * (headings, events, raw rows) is as in the wrapped note.
     */
    public static TextReportRenderer unwrapped() {
        return new TextReportRenderer(Integer.MAX_VALUE);
    }

    @Override
    public void render(ReportModel model, OutputStream out) throws IOException {
        new Note(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)), ReportWording.of(model),
                width).write(model);
    }

    /** One note being written. */
    private record Note(Writer w, ReportWording words, int width) {

        void write(ReportModel model) throws IOException {
            w.write(words.get("text.greeting") + "\n\n");
            wrap(words.noteIntro(model, clean(model.title().fileName()))
                    + words.tlsCaveat(model.title()).map(c -> " " + c).orElse("")
                    + words.dayFirstCaveat(model.title()).map(c -> " " + clean(c)).orElse(""), "");
            w.write("\n");
            wrap(clean(model.conclusion()), "");
            w.write("\n");
            if (!model.summary().causes().isEmpty()) {
                causes(model);
            }
            if (!model.recipientDomains().isEmpty()) {
                // as in the PDF and HTML: no request to search for Message ID Headers when none follow
                wrap(words.mailTeamIntro(model), "");
            }
            for (RecipientDomainSection s : ReportWording.domainsListed(model)) {
                w.write("\n" + underline(clean(ReportWording.shown(s.domain())), '='));
                for (MessageEntry m : s.messages()) {
                    message(m);
                }
                List<Finding> problems = s.findings().stream().filter(f -> f.severity() != Severity.OK).toList();
                if (!problems.isEmpty()) {
                    w.write("\n" + underline(words.format("heading.found", clean(ReportWording.shown(s.domain()))), '-'));
                    for (Finding f : problems) {
                        finding(f);
                    }
                }
                if (!s.notChecked().isEmpty()) {
                    w.write("\n" + underline(words.format("heading.notChecked", clean(ReportWording.shown(s.domain()))), '-'));
                    for (Finding f : s.notChecked()) {
                        finding(f);
                    }
                }
            }
            List<RecipientDomainSection> notListed = ReportWording.domainsNotListed(model);
            if (!notListed.isEmpty()) {
                // one list of the domains none of whose messages is listed, not a heading of each with nothing below
                w.write("\n" + underline(words.get("heading.notListed"), '='));
                for (RecipientDomainSection s : notListed) {
                    wrap(words.format("text.notListed.row", clean(ReportWording.shown(s.domain())), words.domainCounts(s.counts())), "");
                }
            }
            if (!model.ownSide().isEmpty()) {
                ownSide(model.ownSide());
            }
            Appendix a = model.appendix();
            if (!a.rows().isEmpty()) {
                w.write("\n" + underline(words.get(ReportWording.severalFiles(model.title()) ? "text.rows.files"
                        : "text.rows"), '-'));
                if (a.files().isEmpty()) {
                    rawRows(a.header(), a.rows());
                }
                // several logs: each file's rows under its name and its own header
                for (Appendix.FileColumns f : a.files()) {
                    w.write((a.files().getFirst() == f ? "" : "\n") + clean(f.file()) + "\n");
                    rawRows(f.header(), a.rowsOf(f));
                }
            }
            if (a.note().isPresent()) {
                w.write("\n" + clean(a.note().get()) + "\n");
            }
            w.write("\n-- \n" + words.generatedBy(model.title())
                    + (model.title().redacted() ? " (" + words.get("text.redacted") + ")" : "") + "\n");
            w.flush();
        }

        /**
         * The causes table of the PDF and HTML as lines: each cause with its counts, who must act and what to do, in
         * the table's words ({@link ReportWording#causeActor}). A message's block leaves out "This lies on our side
         * …" for the table to say it, so without these lines a note on a cause of ours said nothing of who acts. The
         * fix is said in the team's words only ({@link CauseRow#mailTeamRemediation}), never in our admin's, which
         * are not theirs to read.
         */
        private void causes(ReportModel model) throws IOException {
            w.write(underline(words.get("heading.causes"), '-'));
            for (CauseRow r : model.summary().causes()) {
                w.write("\n" + clean(r.label()) + "\n");
                if (ReportWording.namesCauseDomains(model, r)) {
                    wrap(words.format("cause.to", clean(words.domains(r))), "  ");
                }
                String counts = (r.bounced() == 0 ? "" : words.get("col.bounced") + ": " + words.count(r.bounced()))
                        + (r.bounced() == 0 || r.deferred() == 0 ? "" : ", ")
                        + (r.deferred() == 0 ? "" : words.get("col.deferred") + ": " + words.count(r.deferred()));
                w.write("  " + counts + "\n");
                wrap(words.get("col.actor") + ": " + words.causeActor(model, r), "  ");
                // the team's words, or in a note not addressed to one team the third-person words of a cause of ours
                String fix = words.causeFix(model, r);
                if (!r.mailTeamRemediation().isEmpty() || !fix.equals(r.remediation())) {
                    wrap(words.get("col.todo") + ": " + clean(fix), "  ");
                }
            }
            w.write("\n");
        }

        /** Our own side as the PDF and HTML have it: each of our domains, its records to publish and findings. */
        private void ownSide(OwnSideSection own) throws IOException {
            w.write("\n" + underline(words.get("heading.ownSide"), '='));
            wrap(words.get("intro.ownSide"), "");
            for (DomainFindings d : own.domains()) {
                w.write("\n" + underline(clean(ReportWording.shown(d.domain())), '-'));
                if (!d.recordsToPublish().isEmpty()) {
                    wrap(words.get("intro.publish"), "");
                    for (String r : d.recordsToPublish()) {
                        w.write("    " + clean(r) + "\n");
                    }
                }
                for (Finding f : d.findings()) {
                    finding(f);
                }
            }
            if (!own.otherFindings().isEmpty()) {
                w.write("\n" + underline(words.get("heading.otherFindings"), '-'));
                for (Finding f : own.otherFindings()) {
                    finding(f);
                }
            }
        }

        private void rawRows(List<String> header, List<Appendix.RawRow> rows) throws IOException {
            if (!header.isEmpty()) {
                w.write(words.get("col.line") + "," + clean(ReportWording.csv(header)) + "\n");
            }
            for (Appendix.RawRow r : rows) {
                w.write(r.line() + "," + clean(ReportWording.csv(r.cells())) + "\n");
            }
        }

        private void message(MessageEntry m) throws IOException {
            w.write("\n" + words.format("text.messageId",
                    clean(m.messageIdHeader().isEmpty() ? words.get("text.messageId.none") : m.messageIdHeader()))
                    + "\n");
            w.write("  " + words.format("text.to", clean(ReportWording.shownAddress(m.recipient()))) + "   "
                    + words.outcome(m) + "   " + words.format("text.internalId", clean(m.internalMessageId())) + "\n");
            // as the HTML and PDF reports have it: a look-alike domain's warning is to be read beside the address
            if (m.addressProblem().isPresent()) {
                wrap(words.format("message.address", clean(m.addressProblem().get())), "  ");
            }
            if (!m.sender().isEmpty()) {
                w.write("  " + words.format("text.sender", clean(m.sender())) + "\n");
            }
            Optional<String> size = words.size(m);
            if (size.isPresent()) {
                w.write("  " + words.format("text.size", size.get()) + "\n");
            }
            Optional<String> guess = words.guessNote(m);
            if (guess.isPresent()) {
                wrap(guess.get(), "  ");
            }
            if (!m.mailTeamExplanation().isEmpty()) {
                wrap(clean(m.mailTeamExplanation()), "  ");
            }
            Optional<String> todo = words.todo(m);
            if (todo.isPresent()) {
                wrap(clean(todo.get()), "  ");
            }
            ListedEvents listed = ListedEvents.of(m, words);
            for (EventEntry e : listed.first()) {
                event(e);
            }
            if (listed.notListed().isPresent()) {
                wrap(clean(listed.notListed().get()), "  ");
            }
            for (EventEntry e : listed.last()) {
                event(e);
            }
        }

        /** An event's line: time, what it was, relay, TLS and stage; its status line below it. */
        private void event(EventEntry e) throws IOException {
            StringBuilder sb = new StringBuilder("  ").append(ReportWording.time(e.time())).append("  ")
                    .append(String.format(Locale.ROOT, "%-14s", words.event(e)));
            String relay = ReportWording.relay(e.relayHost(), e.relayAddress());
            if (!relay.isEmpty()) {
                sb.append("  ").append(relay);
            }
            if (!e.tls().isEmpty()) {
                sb.append("  ").append(ReportWording.tls(e));
            }
            // as the PDF and HTML show it under the relay: where the attempt ended ("during RCPT TO"), which
            // the intro's advice on messages refused before DATA rests on
            if (!e.stage().isEmpty()) {
                sb.append("  ").append(e.stage());
            }
            // the event column is padded for the columns after it: a line without them ends at its text
            w.write(clean(sb.toString()).stripTrailing() + "\n");
            if (!e.status().isEmpty()) {
                w.write("      " + clean(e.status()) + "\n");
            }
        }

        private void finding(Finding f) throws IOException {
            w.write("\n[" + words.badge(f) + "] " + clean(f.message())
                    + " (" + f.code() + ")\n");
            if (f.severity() == Severity.OK) {
                // as the HTML shows a passed check: the line alone (the mail team's part lists no such finding)
                return;
            }
            for (String e : f.evidence()) {
                w.write("    " + clean(e) + "\n");
            }
            if (!f.remediation().isEmpty()) {
                wrap(words.format("fix", clean(ReportWording.fix(f))), "  ");
            }
        }

        /** Wraps prose at {@link #width} columns, each line after the first indented as the first. */
        private void wrap(String text, String indent) throws IOException {
            StringBuilder line = new StringBuilder(indent);
            for (String word : text.split(" ")) {
                // width - 1 - length, not length + 1 + word > width: no overflow when unwrapped (MAX_VALUE)
                if (line.length() > indent.length() && word.length() > width - 1 - line.length()) {
                    w.write(line.toString().stripTrailing() + "\n");
                    line.setLength(0);
                    line.append(indent);
                }
                line.append(word).append(' ');
            }
            w.write(line.toString().stripTrailing() + "\n");
        }
    }

    private static String underline(String text, char c) {
        return text + "\n" + String.valueOf(c).repeat(Math.min(72, text.length())) + "\n";
    }

    /**
     * Control, bidi and other invisible characters (a hostile ESC, CR, U+202E or U+2028) become visible escapes
     * ({@link VisibleText}); a tab is a space.
     */
    static String clean(String s) {
        return VisibleText.of(s.indexOf('\t') >= 0 ? s.replace('\t', ' ') : s);
    }
}
