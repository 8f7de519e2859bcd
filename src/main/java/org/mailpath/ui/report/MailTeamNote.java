package org.mailpath.ui.report;

import java.util.List;
import java.util.Optional;
import org.mailpath.engine.analysis.Verdict;
import org.mailpath.engine.report.EventEntry;
import org.mailpath.engine.report.MessageEntry;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.ReportTexts;
import org.mailpath.ui.common.Formats;
import org.mailpath.ui.common.Messages;

/** The short, plain note for the recipients' mail teams that Copy note puts beside a report. */
final class MailTeamNote {

    private MailTeamNote() {
    }

    /**
     * The note of {@code model}: what failed, when, and the IDs to search for, of the messages {@link #holds it holds}.
     * Written in the report's language, like the report it goes with. A message without a Message ID Header says
     * "(none)" as the text report does.
     */
    static String of(ReportModel model) {
        Messages words = Messages.forLocale(model.language());
        // a verdict and the Message ID line in the report's own words, so that the note and the report say the same
        ReportTexts report = model.texts();
        // the mail team of each domain with messages in the note, in the report's order
        record Team(String domain, List<MessageEntry> messages) {
        }
        List<Team> teams = model.recipientDomains().stream()
                .map(s -> new Team(s.domain(), s.messages().stream().filter(m -> holds(m.verdict())).toList()))
                .filter(t -> !t.messages().isEmpty())
                .toList();
        // to several domains the note goes to several mail teams: it must not speak to one as "your domain"
        boolean severalTeams = teams.size() > 1;
        String server = severalTeams ? "report.note.server.domains" : "report.note.server";
        StringBuilder sb = new StringBuilder(words.get("report.note.greeting")).append("\n\n");
        sb.append(words.get(severalTeams ? "report.note.intro.domains" : "report.note.intro")).append("\n");
        for (Team team : teams) {
            sb.append("\n").append(words.format("report.note.domain", team.domain())).append("\n");
            for (MessageEntry m : team.messages()) {
                String when = m.failed().or(m::delivered).or(m::lastTransient).or(m::received).map(Formats::time)
                        .orElse("");
                sb.append("- ").append(when).append(" · ").append(m.recipient()).append(" · ")
                        .append(report.verdict(m.verdict())).append("\n  ")
                        .append(report.format("text.messageId", m.messageIdHeader().isEmpty()
                                ? report.get("text.messageId.none") : m.messageIdHeader())).append('\n');
                lastStatus(m).ifPresent(s -> sb.append("  ").append(s).append('\n'));
                if (!m.relayHost().isEmpty() || !m.relayAddress().isEmpty()) {
                    sb.append("  ").append(words.format(server,
                            (m.relayHost() + " " + (m.relayAddress().isEmpty() ? "" : "[" + m.relayAddress() + "]")).strip()))
                            .append('\n');
                }
            }
        }
        sb.append("\n").append(words.get(model.recipientDomains().stream().allMatch(d -> d.findings().isEmpty()
                && d.notChecked().isEmpty()) && model.ownSide().isEmpty() ? "report.note.ask.noChecks" : "report.note.ask"))
                .append("\n"); // "with the DNS findings" only when it has them
        return sb.toString();
    }

    /**
     * Whether a message with this verdict goes into the note: every one Salesforce handed on. One it only received
     * (never handed on) is left out, there is nothing in the recipient's logs to find; a domain with no others is not
     * written to.
     */
    static boolean holds(Verdict verdict) {
        // also the Copy note button's notable flag: the step asks the same of the included rows
        return verdict != Verdict.RECEIVED_ONLY;
    }

    private static Optional<String> lastStatus(MessageEntry m) {
        return m.events().stream().map(EventEntry::status).filter(s -> !s.isBlank()).reduce((a, b) -> b);
    }
}
