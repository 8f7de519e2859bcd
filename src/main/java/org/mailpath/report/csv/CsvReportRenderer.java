package org.mailpath.report.csv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.mailpath.engine.report.EventEntry;
import org.mailpath.engine.report.MessageEntry;
import org.mailpath.engine.report.RecipientDomainSection;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.report.ReportRenderer;
import org.mailpath.report.ReportWording;
import org.mailpath.report.VisibleText;

/**
 * The report's messages as a spreadsheet: one row per message to one recipient, in the report's language, with
 * the same filters and redaction as the PDF. For sorting, filtering and pivoting in Excel or LibreOffice; scripts
 * have the JSON.
 * <p>
 * RFC 4180 (comma, CRLF) in UTF-8 with a byte-order mark, without which Excel reads UTF-8 as the PC's ANSI code
 * page. As in every format, hidden characters from the log show as {@code [U+XXXX]} ({@link VisibleText}). A cell
 * that a spreadsheet would run as a formula ({@code =}, {@code +}, {@code -} or {@code @} first: OWASP's "CSV
 * injection") gets a leading {@code '}; every other character is kept.
 */
public final class CsvReportRenderer implements ReportRenderer {

    private static final List<String> COLUMNS = List.of("col.domain", "csv.col.messageIdHeader",
            "csv.col.internalMessageId", "csv.col.recipient", "csv.col.sender", "col.verdict", "col.cause",
            "csv.col.category", "csv.col.events", "csv.col.retries", "csv.col.received", "csv.col.lastTransient",
            "csv.col.delivered", "csv.col.failed", "csv.col.relayHost", "csv.col.relayAddress", "csv.col.tls",
            "csv.col.lastStatus", "csv.col.meaning", "col.todo", "col.actor", "csv.col.addressProblem",
            "csv.col.handoffs");

    @Override
    public void render(ReportModel model, OutputStream out) throws IOException {
        ReportWording words = ReportWording.of(model);
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write('\uFEFF');
        CSVPrinter printer = new CSVPrinter(w, CSVFormat.RFC4180);
        printer.printRecord(COLUMNS.stream().map(words::get));
        for (RecipientDomainSection section : model.recipientDomains()) {
            for (MessageEntry m : section.messages()) {
                printer.printRecord(row(section.domain(), m, words).stream().map(VisibleText::of)
                        .map(CsvReportRenderer::inert));
            }
        }
        // flushed, not closed: renderers never close the stream they are given
        printer.flush();
    }

    private static List<String> row(String domain, MessageEntry m, ReportWording words) {
        return List.of(domain, m.messageIdHeader(), m.internalMessageId(), m.recipient(), m.sender(),
                words.verdict(m.verdict()), m.category().map(words::label).orElse(""),
                m.category().map(Enum::name).orElse(""), m.eventLetters(), String.valueOf(m.retries()),
                ReportWording.time(m.received()), ReportWording.time(m.lastTransient()),
                ReportWording.time(m.delivered()), ReportWording.time(m.failed()), m.relayHost(), m.relayAddress(),
                m.tls(), lastStatus(m), m.explanation(), m.remediation(),
                m.remediation().isEmpty() ? "" : words.actor(m.actor()), m.addressProblem().orElse(""),
                String.valueOf(m.events().stream().filter(EventEntry::internalHandoff).count()));
    }

    /**
     * The last reply logged for the message: the one its mail team searches for. A hand-off between Salesforce's own
     * servers is left out: its "250 … queued" would read as the recipient's acceptance in a spreadsheet (the Events
     * column keeps its D, and the hand-offs have their own column).
     */
    private static String lastStatus(MessageEntry m) {
        for (int i = m.events().size() - 1; i >= 0; i--) {
            EventEntry e = m.events().get(i);
            if (!e.internalHandoff() && !e.status().isEmpty()) {
                return e.status();
            }
        }
        return "";
    }

    /** A cell a spreadsheet shows as text, never runs as a formula. */
    static String inert(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        return switch (cell.charAt(0)) {
            case '=', '+', '-', '@' -> "'" + cell;
            default -> cell;
        };
    }
}
