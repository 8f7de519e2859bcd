package org.mailpath.report.pdf;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.mailpath.engine.check.NameServerResult;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.report.Appendix;
import org.mailpath.engine.report.DomainFindings;
import org.mailpath.engine.report.EventEntry;
import org.mailpath.engine.report.MessageEntry;
import org.mailpath.engine.report.RecipientDomainSection;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.TitleBlock;
import org.mailpath.report.ListedEvents;
import org.mailpath.report.Paper;
import org.mailpath.report.ReportRenderer;
import org.mailpath.report.ReportWording;
import org.mailpath.report.pdf.PdfTable.Column;
import org.mailpath.report.pdf.PdfTable.Para;
import org.mailpath.report.pdf.PdfTable.Row;

/**
 * The PDF report: A4 or Letter, embedded DejaVu fonts, a title block with the conclusion and a linked table of
 * contents, the summary with a bar chart, one part per recipient domain for its mail team, our own side, and the raw
 * rows.
 * The pages' content goes to a temporary file while the document is built ({@link SpillingStreamCache}), so that
 * what a big report holds in memory per page is a few small objects, not its content.
 * Text from logs and servers is only ever drawn as text: nothing in it is interpreted.
 */
public final class PdfReportRenderer implements ReportRenderer {

    /** Space below a domain's message counts. */
    private static final float COUNTS_BELOW = 6;
    /** Below the mail teams' chapter's intro. */
    private static final float INTRO_BELOW = 6;

    /** Told of each message as it is wrapped into rows: a test's count that each is laid out once. */
    private final Consumer<MessageEntry> laidOut;
    private final Paper paper;
    private final PdfFontCache fonts;

    /** A report on {@code paper}, its fonts from {@code fonts} (the renderers' owner's, parsed once for all). */
    public PdfReportRenderer(Paper paper, PdfFontCache fonts) {
        this(paper, fonts, m -> { });
    }

    PdfReportRenderer(PdfFontCache fonts, Consumer<MessageEntry> laidOut) {
        this(Paper.A4, fonts, laidOut);
    }

    private PdfReportRenderer(Paper paper, PdfFontCache fonts, Consumer<MessageEntry> laidOut) {
        this.paper = paper;
        this.fonts = fonts;
        this.laidOut = laidOut;
    }

    @Override
    public void render(ReportModel model, OutputStream out) throws IOException {
        // the fonts are this document's until it is saved (the subsets are made then); the document's streams go to
        // a temporary file beyond a few MB: memory stays bounded for big reports
        try (PdfFontCache.Loan lent = fonts.lend(); SpillingStreamCache streams = new SpillingStreamCache();
             PDDocument doc = new PDDocument(() -> streams)) {
            new Layout(doc, lent.fonts, model, paper, laidOut).run();
            doc.save(out);
        }
    }

    /** One rendering: the document being built and where its sections landed. */
    private static final class Layout {
        private final PDDocument doc;
        private final ReportModel model;
        private final Consumer<MessageEntry> laidOut;
        private final ReportWording words;
        private final PdfFonts fonts;
        private final PdfCanvas c;
        private final ReportDrawing drawing;
        private final Contents contents;
        private final Headings headings;
        private final FindingCards findings;
        private final TextStyle title;
        private final TextStyle subtitle;
        private final TextStyle h1;
        private final TextStyle h2;
        private final TextStyle h3;
        private final TextStyle body;
        private final TextStyle bodyBold;
        private final TextStyle small;
        private final TextStyle cell;
        private final TextStyle cellBold;
        private final TextStyle cellMono;
        private final TextStyle cellMonoBold;
        private final TextStyle cellMuted;
        private final TextStyle heading;
        private final TextStyle raw;

        Layout(PDDocument doc, ParsedFonts files, ReportModel model, Paper paper, Consumer<MessageEntry> laidOut)
                throws IOException {
            this.doc = doc;
            this.model = model;
            this.laidOut = laidOut;
            this.words = ReportWording.of(model);
            this.fonts = new PdfFonts(doc, files);
            this.c = new PdfCanvas(doc, fonts, paper, PdfTags.forListing(model.listedMessages()));
            ReportStyles styles = ReportStyles.of(fonts);
            this.drawing = new ReportDrawing(c, model, words, styles);
            this.contents = new Contents(drawing);
            this.headings = new Headings(drawing, contents);
            this.findings = new FindingCards(drawing);
            title = styles.title();
            subtitle = styles.subtitle();
            h1 = styles.h1();
            h2 = styles.h2();
            h3 = styles.h3();
            body = styles.body();
            bodyBold = styles.bodyBold();
            small = styles.small();
            cell = styles.cell();
            cellBold = styles.cellBold();
            cellMono = styles.cellMono();
            cellMonoBold = styles.cellMonoBold();
            cellMuted = styles.cellMuted();
            heading = styles.heading();
            raw = styles.raw();
        }

        void run() throws IOException {
            c.newPage();
            titleBlock();
            new SummaryChapter(drawing, headings).draw();
            if (!model.recipientDomains().isEmpty()) {
                mailTeams();
            }
            if (!model.ownSide().isEmpty()) {
                ownSide();
            }
            if (Contents.hasAppendix(model)) {
                appendix();
            }
            c.close();
            contents.draw();
            PageFurniture.draw(drawing);
            contents.outline();
            DocumentMetadata.write(drawing);
            c.tags.finish(doc);
        }

        // ---- title block, conclusion, contents

        private void titleBlock() throws IOException {
            TitleBlock t = model.title();
            c.moveDown(6);
            c.paragraph(small.color(Rgb.ACCENT), words.capitals(words.get("kicker"))
                    .replace(" · ", "  ·  "), c.left(), c.width());
            c.moveDown(4);
            headings.heading(StandardStructureTypes.H1, title, t.title());
            c.moveDown(2);
            c.paragraph(subtitle, words.subtitle(model), c.left(), c.width());
            c.moveDown(10);
            c.rule(c.left(), c.right(), c.y(), 0.8f, Rgb.ACCENT);
            c.moveDown(10);
            for (ReportWording.Fact f : words.titleFacts(model)) {
                keyValue(f.label(), f.value());
            }
            c.moveDown(12);
            conclusion();
            contents.placeholder();
        }

        private void keyValue(String key, String value) throws IOException {
            float keyWidth = 108;
            List<String> lines = c.wrap(body, drawing.clip(value), c.width() - keyWidth);
            c.ensure(body.leading() * lines.size());
            c.tags.open(StandardStructureTypes.P);
            c.text(c.left(), c.y() - body.size(), body.color(Rgb.MUTED), key);
            for (String line : lines) {
                c.text(c.left() + keyWidth, c.y() - body.size(), body, line);
                c.moveDown(body.leading());
            }
            c.tags.close();
            c.moveDown(1.5f);
        }

        private void conclusion() throws IOException {
            TextStyle text = body.size(9.8f);
            float pad = 10;
            float width = c.width() - 2 * pad - 3;
            List<String> lines = c.wrap(text, model.conclusion(), width);
            float h = lines.size() * text.leading() + 2 * pad + 14;
            c.ensure(Math.min(h, c.pageBody()));
            float top = c.y();
            c.fill(c.left(), top - h, c.width(), h, Rgb.BOX_BG);
            c.fill(c.left(), top - h, 3, h, Rgb.ACCENT);
            c.tags.open(StandardStructureTypes.H2);
            c.text(c.left() + pad + 3, top - pad - 8.5f, h3.color(Rgb.ACCENT), words.get("heading.conclusion"));
            c.tags.close();
            float y = top - pad - 14;
            c.tags.open(StandardStructureTypes.P);
            for (String line : lines) {
                c.text(c.left() + pad + 3, y - text.size(), text, line);
                y -= text.leading();
            }
            c.tags.close();
            c.moveDown(h + 16);
        }




        // ---- for the recipient's mail team

        private void mailTeams() throws IOException {
            List<RecipientDomainSection> sections = model.recipientDomains();
            // a part to pass on starts a page of its own; a report made for that one team is theirs from page one,
            // and a fresh page would leave the summary's last page mostly empty
            List<RecipientDomainSection> listed = ReportWording.domainsListed(model);
            boolean eachHeaded = sections.size() > 1;
            String intro = words.mailTeamIntro(model);
            // on the summary's last page (a report for one team) the heading keeps its intro and the first domain's
            // opening, up to its first message, with it: measured only on the intro, a three-line heading and the
            // intro were left alone at a page's foot, the counts and the first message on the next page. That
            // domain is opened here, and drawn from what was measured: its first message is wrapped once
            Optional<OpenedDomain> first = listed.stream().findFirst().map(this::opened);
            float opening = drawing.height(body, intro) + INTRO_BELOW + first.map(d -> domainOpening(d, eachHeaded)).orElse(0f);
            headings.chapter(words.mailTeamHeading(model), !model.addressedToMailTeam(), opening);
            drawing.text(body, intro);
            c.moveDown(INTRO_BELOW);
            for (int i = 0; i < listed.size(); i++) {
                domain(i == 0 ? first.orElseThrow() : opened(listed.get(i)), eachHeaded);
            }
            List<RecipientDomainSection> notListed = ReportWording.domainsNotListed(model);
            if (!notListed.isEmpty()) {
                domainsNotListed(notListed);
            }
        }

        /**
         * The domains of which a list limit left every message out, and nothing else is said: one table of their
         * counts under one heading (in the contents once), not a heading of each with only its counts below it.
         */
        private void domainsNotListed(List<RecipientDomainSection> notListed) throws IOException {
            PdfTable t = DomainCountsTable.of(drawing);
            List<Row> rows = notListed.stream().map(s -> t.wrap(DomainCountsTable.cells(drawing, s.counts()))).toList();
            String heading = words.get("heading.notListed");
            // the heading keeps the table's opening with it, whose heading row PdfTable.opening counts (counted twice,
            // it sent the heading to the next page where it and the opening fit)
            headings.section(heading, heading, true, t.opening(rows));
            t.begin();
            t.rows(rows, Math.max(0, rows.size() - PdfTable.KEEP_ROWS));
            t.end();
            c.moveDown(10);
        }

        /**
         * A domain with its message table and its first message (none when it lists none) wrapped in it: what
         * {@link #domainOpening} measures and {@link #domain} draws.
         */
        private record OpenedDomain(RecipientDomainSection section, PdfTable table, List<MessageRows> first) {
        }

        private OpenedDomain opened(RecipientDomainSection s) {
            PdfTable table = messageTable();
            return new OpenedDomain(s, table, s.messages().stream().limit(1).map(m -> messageRows(table, m))
                    .toList());
        }

        /**
         * The height of a domain's opening, which {@link #domain} keeps on one page: its heading when it has one, its
         * counts and its first message under the table heading.
         */
        private float domainOpening(OpenedDomain d, boolean heading) {
            RecipientDomainSection s = d.section();
            float firstMessage = firstMessage(d.table(), d.first());
            Optional<String> ascii = ReportWording.shownAscii(s.domain());
            if (heading) {
                return headings.sectionHeight(domainHeading(s, ascii), firstMessage);
            }
            return firstMessage + ascii
                    .map(a -> drawing.height(small, words.format("idna", a))).orElse(0f);
        }

        /** The counts (up to two lines) and the table heading with the {@code first} message, wrapped (or none). */
        private float firstMessage(PdfTable table, List<MessageRows> first) {
            return first.isEmpty() ? 0 : small.leading() * 2 + COUNTS_BELOW + table.headingRowHeight()
                    + first.getFirst().group().height() + keepWith(table, first.getFirst().events());
        }

        /** The domain with the ASCII form the other reports show beside it (a look-alike's), set apart. */
        private static String domainHeading(RecipientDomainSection s, Optional<String> ascii) {
            return s.domain() + ascii.map(a -> "  (" + a + ")").orElse("");
        }

        private void domain(OpenedDomain d, boolean heading) throws IOException {
            RecipientDomainSection s = d.section();
            PdfTable table = d.table();
            // the heading, its counts (up to two lines) and the table heading stay on the page of the first message,
            // which was wrapped to be measured, and is drawn from that
            List<MessageRows> first = d.first();
            float firstMessage = firstMessage(table, first);
            // asked once for the heading and up to three subheadings
            Optional<String> ascii = ReportWording.shownAscii(s.domain());
            String shown = ReportWording.shown(s.domain());
            if (heading) {
                headings.section(domainHeading(s, ascii), shown, true, firstMessage);
            } else {
                c.ensure(Math.min(firstMessage, c.pageBody()));
                if (ascii.isPresent()) {
                    drawing.text(small, words.format("idna", ascii.get()));
                }
            }
            drawing.text(small, words.domainCounts(s));
            c.moveDown(COUNTS_BELOW);
            if (!s.messages().isEmpty()) { // none listed when a limit left them all out: no empty table
                messages(table, s.messages(), first);
            }
            if (!s.findings().isEmpty()) {
                headings.subsection(words.format("heading.found", shown));
                for (Finding f : s.findings()) {
                    findings.finding(f);
                }
            }
            if (!s.notChecked().isEmpty()) {
                headings.subsection(words.format("heading.notChecked", shown));
                for (Finding f : s.notChecked()) {
                    findings.finding(f);
                }
            }
            if (!s.nameServers().isEmpty()) {
                headings.subsection(words.format("heading.nameServers", shown));
                nameServers(s.nameServers());
            }
            c.moveDown(10);
        }

        private PdfTable messageTable() {
            float time = drawing.fit("col.time", 62);
            float event = drawing.fit("col.event", 60);
            float relay = drawing.fit("col.relay", 124);
            return new PdfTable(c, heading, List.of(Column.left(words.get("col.time"), time),
                    Column.left(words.get("col.event"), event), Column.left(words.get("col.relay"), relay),
                    Column.left(words.statusColumn(model.title().redacted()),
                            c.width() - time - event - relay)));
        }

        /** The row that opens a message in its domain's table: Message ID Header, recipient, outcome. */
        private List<Para> group(MessageEntry m) {
            List<Para> group = new ArrayList<>();
            group.add(new Para(cellMonoBold, messageId(m)));
            group.add(new Para(cell, words.format("message.to", ReportWording.shownAddress(m.recipient())) + "     " + words.outcome(m)
                    + "     " + words.format("message.internalId", m.internalMessageId())));
            if (!m.sender().isEmpty()) {
                group.add(new Para(cellMuted, words.format("message.sender", m.sender())));
            }
            words.size(m).ifPresent(size -> group.add(new Para(cell, words.format("message.size", size))));
            m.addressProblem().ifPresent(p -> group.add(new Para(cell.color(Rgb.ERROR),
                    words.format("message.address", p))));
            words.guessNote(m).ifPresent(g -> group.add(new Para(cell.color(Rgb.WARNING), g)));
            if (!m.mailTeamExplanation().isEmpty()) {
                group.add(new Para(cellMuted, m.mailTeamExplanation()));
            }
            // what the reading team must do is the one request among these lines: it is not greyed like the rest
            words.todo(m).ifPresent(t -> group.add(new Para(ReportWording.asksTheMailTeam(m) ? cell : cellMuted, t)));
            return group;
        }

        private String messageId(MessageEntry m) {
            return m.messageIdHeader().isEmpty()
                    ? words.format("message.noMessageId.internalId", m.internalMessageId()) : m.messageIdHeader();
        }

        /** The group row again at the top of a page its events go on to: which message, and that it goes on. */
        private List<Para> continued(MessageEntry m) {
            return List.of(new Para(cellMonoBold, messageId(m)),
                    new Para(cellMuted, words.format("message.continued", ReportWording.shownAddress(m.recipient()))));
        }

        /** A message's group row and event rows, each wrapped once for measuring and drawing. */
        private record MessageRows(Row group, List<Row> events) {
        }

        private MessageRows messageRows(PdfTable t, MessageEntry m) {
            laidOut.accept(m);
            ListedEvents listed = ListedEvents.of(m, words);
            List<Row> rows = new ArrayList<>(listed.first().size() + 1 + listed.last().size());
            listed.first().forEach(e -> rows.add(t.wrap(eventRow(e))));
            // the note in the status column, the widest; "…" where the time would be
            listed.notListed().ifPresent(note -> rows.add(t.wrap(List.of(List.of(new Para(cellMuted, "…")),
                    List.of(new Para(cell, "")), List.of(new Para(cell, "")), List.of(new Para(cellMuted, note))))));
            listed.last().forEach(e -> rows.add(t.wrap(eventRow(e))));
            return new MessageRows(t.wrapGroup(group(m)), rows);
        }

        /** The domain's messages; the first of them ({@code wrapped}) already wrapped, to measure the heading's keep. */
        private void messages(PdfTable t, List<MessageEntry> messages, List<MessageRows> wrapped) throws IOException {
            t.begin();
            int i = 0;
            for (MessageEntry m : messages) {
                MessageRows rows = i < wrapped.size() ? wrapped.get(i) : messageRows(t, m);
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
        private float keepWith(PdfTable t, List<Row> rows) {
            float all = 0;
            for (Row row : rows) {
                all += row.height();
            }
            return all <= c.pageBody() / 3 ? all : t.minimumRowHeight(cell) * 2;
        }

        /** An event's row: date and time, event, relay host with TLS and stage, the status line. */
        private List<List<Para>> eventRow(EventEntry e) {
            String time = ReportWording.time(e.time());
            List<Para> relay = new ArrayList<>();
            relay.add(new Para(cell, ReportWording.relay(e.relayHost(), e.relayAddress())));
            relay.add(new Para(cellMuted, ReportWording.tls(e)));
            relay.add(new Para(cellMuted, e.stage()));
            return List.of(List.of(new Para(cell, time.substring(0, 10)), new Para(cell, time.substring(11))),
                    List.of(new Para(e.event().equals("P") ? cellBold.color(Rgb.ERROR) : cell, words.event(e))),
                    relay, List.of(new Para(cellMono, drawing.clip(e.status()))));
        }

        private void nameServers(List<NameServerResult> servers) throws IOException {
            float address = drawing.fit("col.address", 96);
            // a verdict ("Fungerar med brister") reads badly broken over two lines: its column holds the longest
            float judged = PdfTable.holding(c, cellBold, words.nameServerVerdicts(), drawing.fit("col.verdict", 60));
            PdfTable t = new PdfTable(c, heading, List.of(Column.left(words.get("col.nameServer"), 130),
                    Column.left(words.get("col.address"), address),
                    Column.left(words.get("col.tests"), c.width() - 130 - address - judged),
                    Column.left(words.get("col.verdict"), judged)));
            t.begin();
            String legend = words.nameServerLegend();
            float legendHeight = drawing.height(small, legend);
            for (int i = 0; i < servers.size(); i++) {
                NameServerResult ns = servers.get(i);
                StringBuilder tests = new StringBuilder();
                ns.tests().forEach((k, v) -> tests.append(tests.isEmpty() ? "" : "  ").append(k).append('=')
                        .append(v));
                TextStyle verdict = switch (ns.verdict()) {
                    case "ok" -> cellBold.color(Rgb.OK);
                    case "dead" -> cellBold.color(Rgb.ERROR);
                    default -> cellBold.color(Rgb.WARNING);
                };
                // the legend under the table (8 pt below it) stays with its last row: alone atop a page it explains
                // nothing
                t.row(List.of(List.of(new Para(cell, ns.name())), List.of(new Para(cellMono, ns.address())),
                        List.of(new Para(cellMono, tests.toString())),
                        List.of(new Para(verdict, words.nameServerVerdict(ns.verdict())))),
                        i == servers.size() - 1 ? legendHeight + 8 : 0);
            }
            t.end();
            drawing.text(small, legend);
        }

        // ---- our own side

        private void ownSide() throws IOException {
            headings.chapter(words.get("heading.ownSide"), true);
            drawing.text(body, words.get("intro.ownSide"));
            c.moveDown(4);
            for (DomainFindings d : model.ownSide().domains()) {
                headings.section(d.domain(), d.domain(), false);
                if (!d.recordsToPublish().isEmpty()) {
                    headings.subsection(words.get("heading.publish"));
                    drawing.text(body, words.get("intro.publish"));
                    c.moveDown(3);
                    findings.monoBox(d.recordsToPublish(), c.left(), c.width());
                    c.moveDown(6);
                }
                headings.subsection(words.get("heading.findings"));
                for (Finding f : d.findings()) {
                    findings.finding(f);
                }
            }
            if (!model.ownSide().otherFindings().isEmpty()) {
                headings.section(words.get("heading.otherFindings"), words.get("heading.otherFindings"), false);
                for (Finding f : model.ownSide().otherFindings()) {
                    findings.finding(f);
                }
            }
        }

        // ---- appendix

        private void appendix() throws IOException {
            Appendix a = model.appendix();
            headings.chapter(words.get("heading.appendix"), true);
            drawing.text(body, words.appendixIntro(model.title()));
            a.note().ifPresent(n -> {
                try {
                    drawing.text(body.color(Rgb.WARNING), n);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            c.moveDown(4);
            if (!a.header().isEmpty()) {
                drawing.text(small, words.format("appendix.columns", String.join(", ", a.header())));
                c.moveDown(6);
            }
            if (a.rows().isEmpty()) {
                return;
            }
            if (a.files().isEmpty()) {
                rawRows(a.rows(), true);
                return;
            }
            // several logs: each file's rows in a table of their own, under its name and its own columns
            for (Appendix.FileColumns f : a.files()) {
                drawing.text(small, words.format("appendix.fileColumns", f.file(), String.join(", ", f.header())));
                c.moveDown(6);
                rawRows(a.rowsOf(f), f == a.files().getLast());
                c.moveDown(8);
            }
        }

        /** One log's raw rows; the {@code last} table of the appendix ends the document, as a part. */
        private void rawRows(List<Appendix.RawRow> rows, boolean last) throws IOException {
            float line = drawing.fit("col.line", 38);
            PdfTable t = new PdfTable(c, heading, List.of(Column.right(words.get("col.line"), line),
                    Column.left(words.get("col.row"), c.width() - line)));
            // made and wrapped row by row as the table draws them: a big log's rows are not held twice
            List<Row> cells = new AbstractList<>() {
                @Override
                public Row get(int i) {
                    Appendix.RawRow r = rows.get(i);
                    return t.wrap(List.of(List.of(new Para(cellMuted, words.count(r.line()))),
                            List.of(Para.csvRow(raw, drawing.clip(ReportWording.csv(r.cells()))))));
                }

                @Override
                public int size() {
                    return rows.size();
                }
            };
            t.begin();
            if (last) {
                t.lastRows(cells, headings.partTail());
            } else {
                for (Row row : cells) {
                    t.row(row);
                }
            }
            t.end();
        }

    }
}
