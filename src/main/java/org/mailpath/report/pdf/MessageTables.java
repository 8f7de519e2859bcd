package org.mailpath.report.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.mailpath.engine.report.EventEntry;
import org.mailpath.engine.report.MessageEntry;
import org.mailpath.report.ListedEvents;
import org.mailpath.report.ReportWording;
import org.mailpath.report.pdf.PdfTable.Column;
import org.mailpath.report.pdf.PdfTable.Para;
import org.mailpath.report.pdf.PdfTable.Row;

/** A recipient domain's table of messages: a group row per message over its events, each wrapped once. */
final class MessageTables {

    /** A message's group row and event rows, each wrapped once for measuring and drawing. */
    record MessageRows(Row group, List<Row> events) {
    }

    private final ReportDrawing d;
    private final PdfCanvas c;
    private final ReportStyles s;
    private final ReportWording words;
    /** Told of each message as it is wrapped into rows: a test's count that each is laid out once. */
    private final Consumer<MessageEntry> laidOut;

    MessageTables(ReportDrawing d, Consumer<MessageEntry> laidOut) {
        this.d = d;
        this.c = d.c();
        this.s = d.styles();
        this.words = d.words();
        this.laidOut = laidOut;
    }

    /** A new table, its columns fitted to their headings: time, event, relay, status. */
    PdfTable table() {
        float time = d.fit("col.time", 62);
        float event = d.fit("col.event", 60);
        float relay = d.fit("col.relay", 124);
        return new PdfTable(c, s.heading(), List.of(Column.left(words.get("col.time"), time),
                Column.left(words.get("col.event"), event), Column.left(words.get("col.relay"), relay),
                Column.left(words.statusColumn(d.model().title().redacted()),
                        c.width() - time - event - relay)));
    }

    /** The row that opens a message in its domain's table: Message ID Header, recipient, outcome. */
    private List<Para> group(MessageEntry m) {
        List<Para> group = new ArrayList<>();
        group.add(new Para(s.cellMonoBold(), messageId(m)));
        group.add(new Para(s.cell(), words.format("message.to", ReportWording.shownAddress(m.recipient())) + "     "
                + words.outcome(m) + "     " + words.format("message.internalId", m.internalMessageId())));
        if (!m.sender().isEmpty()) {
            group.add(new Para(s.cellMuted(), words.format("message.sender", m.sender())));
        }
        words.size(m).ifPresent(size -> group.add(new Para(s.cell(), words.format("message.size", size))));
        m.addressProblem().ifPresent(p -> group.add(new Para(s.cell().color(Rgb.ERROR),
                words.format("message.address", p))));
        words.guessNote(m).ifPresent(g -> group.add(new Para(s.cell().color(Rgb.WARNING), g)));
        if (!m.mailTeamExplanation().isEmpty()) {
            group.add(new Para(s.cellMuted(), m.mailTeamExplanation()));
        }
        // what the reading team must do is the one request among these lines: it is not greyed like the rest
        words.todo(m).ifPresent(t -> group.add(new Para(ReportWording.asksTheMailTeam(m) ? s.cell() : s.cellMuted(),
                t)));
        return group;
    }

    private String messageId(MessageEntry m) {
        return m.messageIdHeader().isEmpty()
                ? words.format("message.noMessageId.internalId", m.internalMessageId()) : m.messageIdHeader();
    }

    /** The group row again at the top of a page its events go on to: which message, and that it goes on. */
    private List<Para> continued(MessageEntry m) {
        return List.of(new Para(s.cellMonoBold(), messageId(m)),
                new Para(s.cellMuted(), words.format("message.continued",
                        ReportWording.shownAddress(m.recipient()))));
    }

    /** Message {@code m}'s rows in table {@code t}, wrapped. */
    MessageRows rows(PdfTable t, MessageEntry m) {
        laidOut.accept(m);
        ListedEvents listed = ListedEvents.of(m, words);
        List<Row> rows = new ArrayList<>(listed.first().size() + 1 + listed.last().size());
        listed.first().forEach(e -> rows.add(t.wrap(eventRow(e))));
        // the note in the status column, the widest; "…" where the time would be
        listed.notListed().ifPresent(note -> rows.add(t.wrap(List.of(List.of(new Para(s.cellMuted(), "…")),
                List.of(new Para(s.cell(), "")), List.of(new Para(s.cell(), "")),
                List.of(new Para(s.cellMuted(), note))))));
        listed.last().forEach(e -> rows.add(t.wrap(eventRow(e))));
        return new MessageRows(t.wrapGroup(group(m)), rows);
    }

    /** The domain's messages; the first of them ({@code wrapped}) already wrapped, to measure the heading's keep. */
    void draw(PdfTable t, List<MessageEntry> messages, List<MessageRows> wrapped) throws IOException {
        t.begin();
        int i = 0;
        for (MessageEntry m : messages) {
            MessageRows rows = i < wrapped.size() ? wrapped.get(i) : rows(t, m);
            i++;
            t.groupRow(rows.group(), keepWith(t, rows.events()), continued(m));
            for (Row row : rows.events()) {
                t.row(row);
            }
        }
        t.end();
    }

    /**
     * What a message's header row keeps with it on its page: all its {@code rows} when they fit in a third of a
     * page (such a message starts on the next page rather than be split), else room for its first row (it goes on
     * under its repeated header).
     */
    float keepWith(PdfTable t, List<Row> rows) {
        float all = 0;
        for (Row row : rows) {
            all += row.height();
        }
        return all <= c.pageBody() / 3 ? all : t.minimumRowHeight(s.cell()) * 2;
    }

    /** An event's row: date and time, event, relay host with TLS and stage, the status line. */
    private List<List<Para>> eventRow(EventEntry e) {
        String time = ReportWording.time(e.time());
        List<Para> relay = new ArrayList<>();
        relay.add(new Para(s.cell(), ReportWording.relay(e.relayHost(), e.relayAddress())));
        relay.add(new Para(s.cellMuted(), ReportWording.tls(e)));
        relay.add(new Para(s.cellMuted(), e.stage()));
        return List.of(List.of(new Para(s.cell(), time.substring(0, 10)), new Para(s.cell(), time.substring(11))),
                List.of(new Para(e.event().equals("P") ? s.cellBold().color(Rgb.ERROR) : s.cell(), words.event(e))),
                relay, List.of(new Para(s.cellMono(), d.clip(e.status()))));
    }
}
