package org.mailpath.report.pdf;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.report.MessageEntry;
import org.mailpath.engine.report.RecipientDomainSection;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.report.ReportWording;
import org.mailpath.report.pdf.MessageTables.MessageRows;
import org.mailpath.report.pdf.PdfTable.Row;

/** The chapter for the recipients' mail teams: a part per recipient domain, and the domains none listed. */
final class MailTeamChapter {

    /** Space below a domain's message counts. */
    private static final float COUNTS_BELOW = 6;
    /** Below the mail teams' chapter's intro. */
    private static final float INTRO_BELOW = 6;

    private final ReportDrawing drawing;
    private final PdfCanvas c;
    private final ReportStyles s;
    private final ReportModel model;
    private final ReportWording words;
    private final Headings headings;
    private final FindingCards findings;
    private final MessageTables messageTables;

    MailTeamChapter(ReportDrawing drawing, Headings headings, FindingCards findings,
                    Consumer<MessageEntry> laidOut) {
        this.drawing = drawing;
        this.c = drawing.c();
        this.s = drawing.styles();
        this.model = drawing.model();
        this.words = drawing.words();
        this.headings = headings;
        this.findings = findings;
        this.messageTables = new MessageTables(drawing, laidOut);
    }

    void draw() throws IOException {
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
        float opening = drawing.height(s.body(), intro) + INTRO_BELOW
                + first.map(d -> domainOpening(d, eachHeaded)).orElse(0f);
        headings.chapter(words.mailTeamHeading(model), !model.addressedToMailTeam(), opening);
        drawing.text(s.body(), intro);
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
        List<Row> rows = notListed.stream().map(d -> t.wrap(DomainCountsTable.cells(drawing, d.counts()))).toList();
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

    private OpenedDomain opened(RecipientDomainSection section) {
        PdfTable table = messageTables.table();
        return new OpenedDomain(section, table, section.messages().stream().limit(1)
                .map(m -> messageTables.rows(table, m)).toList());
    }

    /**
     * The height of a domain's opening, which {@link #domain} keeps on one page: its heading when it has one, its
     * counts and its first message under the table heading.
     */
    private float domainOpening(OpenedDomain d, boolean heading) {
        RecipientDomainSection section = d.section();
        float firstMessage = firstMessage(d.table(), d.first());
        Optional<String> ascii = ReportWording.shownAscii(section.domain());
        if (heading) {
            return headings.sectionHeight(domainHeading(section, ascii), firstMessage);
        }
        return firstMessage + ascii
                .map(a -> drawing.height(s.small(), words.format("idna", a))).orElse(0f);
    }

    /** The counts (up to two lines) and the table heading with the {@code first} message, wrapped (or none). */
    private float firstMessage(PdfTable table, List<MessageRows> first) {
        return first.isEmpty() ? 0 : s.small().leading() * 2 + COUNTS_BELOW + table.headingRowHeight()
                + first.getFirst().group().height() + messageTables.keepWith(table, first.getFirst().events());
    }

    /** The domain with the ASCII form the other reports show beside it (a look-alike's), set apart. */
    private static String domainHeading(RecipientDomainSection section, Optional<String> ascii) {
        return section.domain() + ascii.map(a -> "  (" + a + ")").orElse("");
    }

    private void domain(OpenedDomain d, boolean heading) throws IOException {
        RecipientDomainSection section = d.section();
        PdfTable table = d.table();
        // the heading, its counts (up to two lines) and the table heading stay on the page of the first message,
        // which was wrapped to be measured, and is drawn from that
        List<MessageRows> first = d.first();
        float firstMessage = firstMessage(table, first);
        // asked once for the heading and up to three subheadings
        Optional<String> ascii = ReportWording.shownAscii(section.domain());
        String shown = ReportWording.shown(section.domain());
        if (heading) {
            headings.section(domainHeading(section, ascii), shown, true, firstMessage);
        } else {
            c.ensure(Math.min(firstMessage, c.pageBody()));
            if (ascii.isPresent()) {
                drawing.text(s.small(), words.format("idna", ascii.get()));
            }
        }
        drawing.text(s.small(), words.domainCounts(section));
        c.moveDown(COUNTS_BELOW);
        if (!section.messages().isEmpty()) { // none listed when a limit left them all out: no empty table
            messageTables.draw(table, section.messages(), first);
        }
        if (!section.findings().isEmpty()) {
            headings.subsection(words.format("heading.found", shown));
            for (Finding f : section.findings()) {
                findings.finding(f);
            }
        }
        if (!section.notChecked().isEmpty()) {
            headings.subsection(words.format("heading.notChecked", shown));
            for (Finding f : section.notChecked()) {
                findings.finding(f);
            }
        }
        if (!section.nameServers().isEmpty()) {
            headings.subsection(words.format("heading.nameServers", shown));
            NameServerTable.draw(drawing, section.nameServers());
        }
        c.moveDown(10);
    }
}
