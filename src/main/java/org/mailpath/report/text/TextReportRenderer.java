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
import org.mailpath.engine.report.EventEntry;
import org.mailpath.engine.report.MessageEntry;
import org.mailpath.engine.report.RecipientDomainSection;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.ReportTexts;
import org.mailpath.report.ReportRenderer;
import org.mailpath.report.ReportWording;
import org.mailpath.report.VisibleText;

/**
 * A plain-text note to paste into an e-mail to the recipient's mail team: the conclusion, the messages to look
 * for with their exact status lines, what we found about their domain, and the raw rows. Our own side is left
 * out (it is not theirs to act on). Control characters from the log are replaced so the note stays plain text.
 */
public final class TextReportRenderer implements ReportRenderer {

    @Override
    public void render(ReportModel model, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write("Hello,\n\n");
        wrap(w, "We send e-mail to you from Salesforce and have looked at the delivery log ("
                + clean(model.title().fileName()) + ", " + ReportWording.period(model.title()) + ").", "");
        w.write("\n");
        wrap(w, clean(model.conclusion()), "");
        w.write("\n");
        if (!model.recipientDomains().isEmpty()) {
            // as in the PDF and HTML: no request to search for Message ID Headers when none follow
            wrap(w, ReportWording.MAIL_TEAM_INTRO, "");
        }
        for (RecipientDomainSection s : model.recipientDomains()) {
            w.write("\n" + underline(clean(s.domain()), '='));
            for (MessageEntry m : s.messages()) {
                message(w, m);
            }
            List<Finding> problems = s.findings().stream().filter(f -> f.severity() != Severity.OK).toList();
            if (!problems.isEmpty()) {
                w.write("\n" + underline("What we found about " + clean(s.domain()), '-'));
                for (Finding f : problems) {
                    finding(w, f);
                }
            }
            if (!s.notChecked().isEmpty()) {
                w.write("\n" + underline("What could not be checked about " + clean(s.domain()), '-'));
                for (Finding f : s.notChecked()) {
                    finding(w, f);
                }
            }
        }
        Appendix a = model.appendix();
        if (!a.rows().isEmpty()) {
            w.write("\n" + underline("Log rows of these messages (CSV, as in the file)", '-'));
            if (!a.header().isEmpty()) {
                w.write("Line," + clean(ReportWording.csv(a.header())) + "\n");
            }
            for (Appendix.RawRow r : a.rows()) {
                w.write(r.line() + "," + clean(ReportWording.csv(r.cells())) + "\n");
            }
        }
        if (a.note().isPresent()) {
            w.write("\n" + clean(a.note().get()) + "\n");
        }
        w.write("\n-- \n" + ReportWording.generatedBy(model.title())
                + (model.title().redacted() ? " (addresses redacted)" : "") + "\n");
        w.flush();
    }

    private static void message(Writer w, MessageEntry m) throws IOException {
        w.write("\nMessage ID Header: " + clean(m.messageIdHeader().isEmpty() ? "(none)" : m.messageIdHeader())
                + "\n");
        w.write("  To: " + clean(m.recipient()) + "   " + ReportWording.outcome(m) + "   Internal ID: "
                + clean(m.internalMessageId()) + "\n");
        if (!m.sender().isEmpty()) {
            w.write("  Envelope sender: " + clean(m.sender()) + "\n");
        }
        if (!m.explanation().isEmpty()) {
            wrap(w, clean(m.explanation()), "  ");
        }
        Optional<String> todo = ReportWording.todo(m);
        if (todo.isPresent()) {
            wrap(w, clean(todo.get()), "  ");
        }
        for (EventEntry e : m.events()) {
            StringBuilder sb = new StringBuilder("  ").append(ReportWording.time(e.time())).append("  ")
                    .append(String.format(Locale.ROOT, "%-14s", ReportWording.event(e)));
            String relay = ReportWording.relay(e.relayHost(), e.relayAddress());
            if (!relay.isEmpty()) {
                sb.append("  ").append(relay);
            }
            if (!e.tls().isEmpty()) {
                sb.append("  TLS ").append(e.tls());
            }
            w.write(clean(sb.toString()) + "\n");
            if (!e.status().isEmpty()) {
                w.write("      " + clean(e.status()) + "\n");
            }
        }
    }

    private static void finding(Writer w, Finding f) throws IOException {
        w.write("\n[" + ReportTexts.badge(f).toUpperCase(Locale.ROOT) + "] " + clean(f.message())
                + " (" + f.code() + ")\n");
        for (String e : f.evidence()) {
            w.write("    " + clean(e) + "\n");
        }
        if (!f.remediation().isEmpty()) {
            wrap(w, "Fix: " + clean(f.remediation()), "  ");
        }
    }

    private static String underline(String text, char c) {
        return text + "\n" + String.valueOf(c).repeat(Math.min(72, text.length())) + "\n";
    }

    /** Wraps prose at 76 columns for e-mail. */
    private static void wrap(Writer w, String text, String indent) throws IOException {
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.split(" ")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > 76) {
                w.write(line.toString().stripTrailing() + "\n");
                line.setLength(0);
                line.append(indent);
            }
            line.append(word).append(' ');
        }
        w.write(line.toString().stripTrailing() + "\n");
    }

    /**
     * Control, bidi and other invisible characters (a hostile ESC, CR, U+202E or U+2028) become visible escapes
     * ({@link VisibleText}); a tab is a space.
     */
    static String clean(String s) {
        return VisibleText.of(s.indexOf('\t') >= 0 ? s.replace('\t', ' ') : s);
    }
}
