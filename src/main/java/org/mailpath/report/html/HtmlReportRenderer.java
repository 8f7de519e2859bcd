package org.mailpath.report.html;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.mailpath.engine.analysis.Verdict;
import org.mailpath.engine.check.NameServerResult;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.engine.report.Appendix;
import org.mailpath.engine.report.CauseRow;
import org.mailpath.engine.report.DomainFindings;
import org.mailpath.engine.report.DomainRow;
import org.mailpath.engine.report.EventEntry;
import org.mailpath.engine.report.MessageEntry;
import org.mailpath.engine.report.RecipientDomainSection;
import org.mailpath.engine.report.ReportFindings;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.ReportTexts;
import org.mailpath.engine.report.TitleBlock;
import org.mailpath.report.ListedEvents;
import org.mailpath.report.ReportRenderer;
import org.mailpath.report.ReportWording;
import org.mailpath.report.VisibleText;

/**
 * A self-contained HTML report (inline CSS, no scripts, no external resources) that prints well. Every string
 * from the model goes through {@link #esc}: text from logs and servers is data, never markup.
 *
 * <p>Every value from outside (log, DNS, SMTP: addresses, domains, hosts, replies, evidence, raw rows) is its own
 * bidi run: inside our sentences it is a {@code <bdi>} ({@link #value}), and an element that holds nothing but
 * one value carries {@code dir} itself ({@link #LTR}). Without that, a Hebrew or Arabic value takes the
 * punctuation and numbers next to it into its run ({@code "To אבג@x.example, 550"} shows the "550" before the
 * address). The run is laid out left to right, not by its first letter ({@code dir="auto"}): these values are
 * technical strings that an administrator reads, copies and searches in the order they were logged (as RFC 3987
 * section 4.1 asks for names with right-to-left labels), and a first-letter rule would turn a typical reply such
 * as {@code 550 5.1.1 <אבג@x.example>: Recipient address rejected} into a right-to-left line that reads
 * backwards. Our own wording is plain left-to-right text in the report's language, like the document.
 */
public final class HtmlReportRenderer implements ReportRenderer {

    /** Inline styles only; nothing may be loaded, run, submitted or re-based. */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

    /**
     * A message with at most this many event rows is printed on one page (about half a page at most): its rows
     * are not split from its header row, and the page left before it is never more than half empty. A longer one
     * is a table of its own whose header, repeated on each page it runs onto, names it (its Message ID Header and
     * recipient, as its header row does): on paper its rows never go on without saying whose they are. On screen
     * that line is hidden, and in print the header row leaves out what it already says.
     */
    static final int SHORT_MESSAGE_ROWS = 6;

    /** On an element that holds only one value from outside: the value is its own left-to-right bidi run. */
    static final String LTR = " dir=\"ltr\"";

    /**
     * Names and replies from logs can be one 300-character token (a relay host, a recipient, a domain): every box
     * they land in may break them anywhere, or the table, heading or link runs off the page (as the PDF wraps them)
     * and Chrome shrinks every printed page to fit it. So the body's {@code overflow-wrap:anywhere} is inherited by
     * every box, not listed box by box (a list left out the Contents links). A header or cell of our own words
     * ({@code th}, {@code td.ours}) breaks only between words: the table then gives it the width of its
     * longest word instead of squeezing "Salesforce" into "Salesfo / rce". On a phone a table keeps a readable
     * width and scrolls sideways in its {@code div.wide} rather than breaking every word.
     *
     * <p>Headings nest without skipping a level; a heading that is minor for its level ({@code .minor}: the
     * Contents, the summary's parts) looks like an h4. Printing keeps a domain's heading with its count line and
     * table, a message's header row with its events, and names a long message again on each page it goes on to
     * ({@link #SHORT_MESSAGE_ROWS}).
     */
    private static final String CSS = """
            :root{--text:#1f2328;--muted:#5b6573;--accent:#1f4e79;--rule:#d8dee4;--head:#eef2f6;--group:#f6f8fa;
            --error:#b42318;--warning:#b54708;--info:#175cd3;--ok:#067647;--neutral:#98a2b3}
            *{box-sizing:border-box}
            body{font-family:"DejaVu Sans","Segoe UI",Helvetica,Arial,sans-serif;color:var(--text);margin:0;
            background:#fff;font-size:14px;line-height:1.45;overflow-wrap:anywhere}
            main{max-width:980px;margin:0 auto;padding:32px 40px}
            .kicker{color:var(--accent);font-size:11px;letter-spacing:.08em;text-transform:uppercase}
            h1{color:var(--accent);font-size:28px;margin:4px 0 2px}
            .subtitle{color:var(--muted);margin:0 0 14px}
            h2{color:var(--accent);font-size:20px;border-bottom:1.5px solid var(--accent);padding-bottom:3px;
            margin:36px 0 12px}
            h3{font-size:16px;margin:24px 0 6px}
            h4,.minor{font-size:13.5px;margin:18px 0 6px} h2.minor{color:inherit;border:0;padding-bottom:0}
            dl.meta{display:grid;grid-template-columns:150px 1fr;gap:2px 12px;border-top:1.5px solid var(--accent);
            padding-top:10px}
            dl.meta dt{color:var(--muted)} dl.meta dd{margin:0}
            .conclusion{background:#f3f6f9;border-left:4px solid var(--accent);padding:12px 16px;margin:18px 0}
            .conclusion strong{color:var(--accent);display:block;margin-bottom:4px}
            nav ol{padding-left:20px} nav a{color:var(--accent);text-decoration:none}
            table{border-collapse:collapse;width:100%;margin:6px 0 14px;font-size:12.5px}
            th{background:var(--head);text-align:left;padding:5px 7px;border-bottom:1.5px solid var(--accent);
            font-size:12px}
            td{padding:4px 7px;border-bottom:1px solid var(--rule);vertical-align:top}
            .finding>div{min-width:0}
            td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
            th,td.ours{overflow-wrap:normal}
            td.time span{white-space:nowrap}
            tr.group td,tr.continued td{background:var(--group);border-top:1px solid var(--rule)}
            code,.mono{font-family:"DejaVu Sans Mono",Consolas,monospace;font-size:12px;overflow-wrap:anywhere}
            .mid{font-weight:bold;color:var(--accent)}
            .muted{color:var(--muted)} .small{font-size:12px}
            .bar{display:grid;grid-template-columns:120px 1fr 120px;align-items:center;gap:8px;margin:4px 0}
            .track{background:var(--group);height:12px} .fill{height:12px}
            .finding{display:grid;grid-template-columns:92px 1fr;gap:4px 10px;margin:10px 0}
            .badge{color:#fff;font-size:10.5px;font-weight:bold;text-align:center;padding:2px 4px;height:18px}
            .ERROR{background:var(--error)} .WARNING{background:var(--warning)} .INFO{background:var(--info)}
            .OK{background:var(--ok)} .NOT_CHECKED{background:var(--muted)}
            pre{background:#f3f6f9;border-left:2px solid var(--rule);padding:6px 10px;margin:4px 0;
            white-space:pre-wrap;overflow-wrap:anywhere;font-size:12px}
            .fail{color:var(--error);font-weight:bold} .guess{color:var(--warning)}
            footer{color:var(--muted);font-size:12px;border-top:1px solid var(--rule);margin-top:30px;padding-top:8px}
            @media screen{.wide{overflow-x:auto}}
            @media screen{tr.continued{display:none}}
            @media screen and (max-width:720px){
              main{padding:16px 12px} dl.meta{grid-template-columns:110px 1fr} .wide table{min-width:680px}
            }
            @media print{
              @page{margin:16mm 14mm}
              body{font-size:10pt} main{max-width:none;padding:0}
              h2{break-before:page} h2.first,h2.minor{break-before:auto}
              tr,.finding,pre,.domain-head,tbody.short{break-inside:avoid} thead{display:table-header-group}
              .domain-head,tr.group{break-after:avoid}
              tbody.long tr.group .mid,tbody.long tr.group .to{display:none}
              tbody.raw td,tbody.raw code{font-size:7.5pt;line-height:1.3} tbody.raw td{padding:2px 6px}
              h2,h3,h4{break-after:avoid} nav a{color:var(--text)}
              .bar .fill,.badge,th,tr.group td,tr.continued td{-webkit-print-color-adjust:exact;print-color-adjust:exact}
            }
            """;

    @Override
    public void render(ReportModel model, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        TitleBlock t = model.title();
        ReportWording words = ReportWording.of(model);
        w.write("<!DOCTYPE html>\n<html lang=\"" + esc(model.language().toLanguageTag())
                + "\"><head><meta charset=\"utf-8\">\n");
        w.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        w.write("<meta name=\"generator\" content=\"MailPath " + esc(t.version()) + "\">\n");
        // No scripts, no remote content: a report may be opened anywhere. base-uri and form-action are not covered
        // by default-src, so they are closed by name.
        w.write("<meta http-equiv=\"Content-Security-Policy\" content=\"" + CONTENT_SECURITY_POLICY + "\">\n");
        w.write("<title>" + esc(t.title()) + "</title>\n<style>" + CSS + "</style></head><body><main>\n");
        title(w, model, words);
        summary(w, model, words);
        int n = 0;
        if (!model.recipientDomains().isEmpty()) {
            w.write("<h2 id=\"mail-team\">" + mailTeamHeading(model, words) + "</h2>\n<p>"
                    + own(words.mailTeamIntro(model)) + "</p>\n");
            // one domain: the part's heading names it already, so its section has no heading of its own (as in
            // the PDF)
            boolean headed = !model.addressedToMailTeam();
            for (RecipientDomainSection s : ReportWording.domainsListed(model)) {
                domain(w, model, s, headed ? OptionalInt.of(n++) : OptionalInt.empty(), t.redacted(), words);
            }
            List<RecipientDomainSection> notListed = ReportWording.domainsNotListed(model);
            if (!notListed.isEmpty()) {
                // one table of the domains none of whose messages is listed, not a heading of each
                w.write("<h3 id=\"domains-not-listed\">" + own(words.get("heading.notListed")) + "</h3>\n");
                domainTable(w, notListed.stream().map(RecipientDomainSection::counts).toList(),
                        ReportWording.domainCountColumn(model), words);
            }
        }
        if (!model.ownSide().isEmpty()) {
            ownSide(w, model, words);
        }
        appendix(w, model.appendix(), t, words);
        w.write("<footer>" + esc(words.generatedBy(t)) + (t.redacted() ? " · " + own(words.get("redacted")) : "")
                + "</footer>\n</main></body></html>\n");
        w.flush();
    }

    private static void title(Writer w, ReportModel model, ReportWording words) throws IOException {
        TitleBlock t = model.title();
        w.write("<header><div class=\"kicker\">" + own(words.get("kicker")) + "</div>\n");
        w.write("<h1>" + title(t.title(), words) + "</h1>\n<p class=\"subtitle\">" + own(words.subtitle(model))
                + "</p>\n<dl class=\"meta\">\n");
        for (ReportWording.Fact f : words.titleFacts(model)) {
            meta(w, f);
        }
        // the names the conclusion may quote: the recipient domains, and ours and subjects it could not check
        List<String> domains = new ArrayList<>(model.recipientDomains().stream()
                .map(RecipientDomainSection::domain).toList());
        model.ownSide().domains().forEach(d -> domains.add(d.domain()));
        model.ownSide().otherFindings().stream().filter(ReportFindings::notChecked)
                .forEach(f -> domains.add(f.subject()));
        // a space after the label: drawn as a block by the style sheet it is not seen, but without it ("reader
        // view", a text browser, copied text) the label ran into the first word ("ConclusionOf the 40 messages")
        w.write("</dl></header>\n<section class=\"conclusion\"><strong>" + own(words.get("heading.conclusion"))
                + "</strong> " + quoting(model.conclusion(), domains) + "</section>\n<nav><h2 class=\"minor\">"
                + own(words.get("heading.contents")) + "</h2><ol><li><a href=\"#summary\">"
                + own(words.get("heading.summary")) + "</a></li>");
        if (!model.recipientDomains().isEmpty()) {
            w.write("<li><a href=\"#mail-team\">" + mailTeamHeading(model, words) + "</a>");
            // one domain: the entry above names it, and its section has no heading to lead to
            if (!model.addressedToMailTeam()) {
                w.write("<ol>");
                int n = 0;
                for (RecipientDomainSection s : ReportWording.domainsListed(model)) {
                    w.write("<li><a href=\"#domain-" + n++ + "\"" + LTR + ">" + esc(ReportWording.shown(s.domain())) + "</a></li>");
                }
                if (!ReportWording.domainsNotListed(model).isEmpty()) {
                    w.write("<li><a href=\"#domains-not-listed\">" + own(words.get("heading.notListed"))
                            + "</a></li>");
                }
                w.write("</ol>");
            }
            w.write("</li>");
        }
        if (!model.ownSide().isEmpty()) {
            w.write("<li><a href=\"#own-side\">" + own(words.get("toc.ownSide")) + "</a></li>");
        }
        if (hasAppendix(model.appendix())) {
            w.write("<li><a href=\"#appendix\">" + own(words.get("heading.appendix")) + "</a></li>");
        }
        w.write("</ol></nav>\n");
    }

    /** The mail teams' heading by the rule every format follows: the one domain's team, or the recipients' teams. */
    private static String mailTeamHeading(ReportModel model, ReportWording words) {
        String pattern = words.mailTeamHeadingPattern(model);
        return model.addressedToMailTeam()
                ? phrase(pattern, value(model.recipientDomains().getFirst().domain())) : own(pattern);
    }

    private static void meta(Writer w, ReportWording.Fact f) throws IOException {
        String value = f.values().isEmpty() ? esc(f.value())
                : String.join(", ", f.values().stream().map(HtmlReportRenderer::value).toList());
        w.write("<dt>" + esc(f.label()) + "</dt><dd>" + value + "</dd>\n");
    }

    /**
     * The title, with the recipient domain it may end with ("Email delivery report — contoso.example") as a value
     * of its own.
     */
    private static String title(String title, ReportWording words) {
        String ours = words.get("title") + " — ";
        return title.startsWith(ours) ? esc(ours) + value(title.substring(ours.length())) : esc(title);
    }

    private static void summary(Writer w, ReportModel model, ReportWording words) throws IOException {
        w.write("<h2 id=\"summary\" class=\"first\">" + own(words.get("heading.summary")) + "</h2>\n");
        List<Verdict> order = List.of(Verdict.DELIVERED, Verdict.BOUNCED, Verdict.DEFERRED, Verdict.RECEIVED_ONLY);
        long[] counts = order.stream().mapToLong(v -> model.summary().count(v)).toArray();
        long[] percent = ReportWording.percentages(counts);
        double[] share = ReportWording.shares(counts);
        for (Verdict v : order) {
            long n = model.summary().count(v);
            String colour = switch (v) {
                case DELIVERED -> "var(--ok)";
                case BOUNCED -> "var(--error)";
                case DEFERRED -> "var(--warning)";
                case RECEIVED_ONLY -> "var(--neutral)";
            };
            w.write(String.format(Locale.ROOT, "<div class=\"bar\"><span>%s</span><div class=\"track\"><div "
                            + "class=\"fill\" style=\"width:%.1f%%;background:%s\"></div></div><b>%s (%d %%)</b></div>\n",
                    esc(words.verdict(v)), 100.0 * share[order.indexOf(v)], colour, own(words.summaryCount(model, n)),
                    percent[order.indexOf(v)]));
        }
        Optional<String> retried = words.summaryRetried(model);
        if (retried.isPresent()) {
            w.write("<p class=\"small muted\">" + own(retried.get()) + "</p>\n");
        }
        if (!model.summary().causes().isEmpty()) {
            w.write("<h3 class=\"minor\">" + own(words.get("heading.causes"))
                    + "</h3>\n<div class=\"wide\"><table><thead><tr><th>" + own(words.get("col.cause"))
                    + "</th><th class=\"n\">" + own(words.get("col.bounced"))
                    + "</th><th class=\"n\">" + own(words.get("col.deferred")) + "</th><th>"
                    + own(words.get("col.actor")) + "</th><th>" + own(words.get("col.todo"))
                    + "</th></tr></thead><tbody>\n");
            for (CauseRow r : model.summary().causes()) {
                w.write("<tr><td><b>" + esc(r.label()) + "</b><br><span class=\"muted small\">"
                        + esc(words.causeMeaning(r)) + "</span>"
                        + (!ReportWording.namesCauseDomains(model, r) ? "" : "<br><span class=\"muted small\">"
                        + phrase(words.get("cause.to"), causeDomains(r, words)) + "</span>") + "</td><td class=\"n\">"
                        + words.count(r.bounced()) + "</td><td class=\"n\">" + words.count(r.deferred())
                        + "</td><td class=\"ours\">" + esc(words.causeActor(model, r)) + "</td><td>"
                        + esc(words.causeTableFix(model, r)) + "</td></tr>\n");
            }
            w.write("</tbody></table></div>\n");
        }
        if (model.summary().domains().size() > 1) {
            w.write("<h3 class=\"minor\">" + own(words.get("heading.domains")) + "</h3>\n");
            domainTable(w, model.summary().domains(), ReportWording.domainCountColumn(model), words);
        }
    }

    /** A table of recipient domains and their counts: the summary's, and that of the domains none listed. */
    private static void domainTable(Writer w, List<DomainRow> domains, String countKey, ReportWording words)
            throws IOException {
        w.write("<div class=\"wide\"><table><thead><tr><th>"
                + own(words.get("col.domain")) + "</th>" + numHead(words.get(countKey))
                + numHead(words.get("col.delivered")) + numHead(words.get("col.bounced"))
                + numHead(words.get("col.deferred")) + numHead(words.get("col.receivedOnly"))
                + "</tr></thead><tbody>\n");
        for (DomainRow d : domains) {
            w.write("<tr><td" + LTR + ">" + esc(ReportWording.shown(d.domain())) + "</td>" + num(d.messages(), words)
                    + num(d.delivered(), words) + num(d.bounced(), words) + num(d.deferred(), words)
                    + num(d.receivedOnly(), words) + "</tr>\n");
        }
        w.write("</tbody></table></div>\n");
    }

    /** An event's row: time, what it was, relay with TLS and stage, the status line. */
    private static void event(Writer w, EventEntry e, ReportWording words) throws IOException {
        w.write("<tr><td class=\"time\">" + time(ReportWording.time(e.time())) + "</td><td"
                + (e.event().equals("P") ? " class=\"fail\"" : "") + ">" + own(words.event(e))
                + "</td><td>" + relay(e.relayHost(), e.relayAddress())
                + (e.tls().isEmpty() ? "" : "<br><span class=\"muted small\">" + value(ReportWording.tls(e))
                + "</span>")
                + (e.stage().isEmpty() ? "" : "<br><span class=\"muted small\"" + LTR + ">" + esc(e.stage())
                + "</span>") + "</td><td><code" + LTR + ">" + esc(e.status()) + "</code></td></tr>\n");
    }

    /**
     * "2026-11-16 09:04:07" as a date and a time that each stay whole: a narrow column (print, a phone) puts them
     * on two lines instead of breaking the date at its hyphens ("2026-11-" / "16").
     */
    static String time(String dateAndTime) {
        int space = dateAndTime.indexOf(' ');
        return space < 0 ? "<span>" + esc(dateAndTime) + "</span>"
                : "<span>" + esc(dateAndTime.substring(0, space)) + "</span> <span>"
                + esc(dateAndTime.substring(space + 1)) + "</span>";
    }

    private static String numHead(String label) {
        return "<th class=\"n\">" + esc(label) + "</th>";
    }

    private static String num(long n, ReportWording words) {
        return "<td class=\"n\">" + words.count(n) + "</td>";
    }

    /** One recipient domain's messages and findings, headed by its name and numbered anchor when it has one. */
    private static void domain(Writer w, ReportModel model, RecipientDomainSection s, OptionalInt n,
                               boolean redacted, ReportWording words) throws IOException {
        String shown = ReportWording.shown(s.domain()); // in the heading and up to three subheadings
        // the heading and its count line as one block that printing keeps together and with the table after it
        w.write("<div class=\"domain-head\">");
        if (n.isPresent()) {
            w.write("<h3 id=\"domain-" + n.getAsInt() + "\"" + LTR + ">" + esc(shown) + "</h3>\n");
        }
        w.write("<p class=\"small muted\">" + esc(words.domainCounts(s)) + "</p></div>\n");
        // under a domain's own h3 its parts are h4; with one domain (no h3) they come right under the part's h2
        String sub = n.isPresent() ? "<h4>" : "<h3 class=\"minor\">";
        String subEnd = n.isPresent() ? "</h4>\n" : "</h3>\n";
        // none listed when a limit left them all out: no empty table
        String heads = "<thead><tr><th style=\"width:12%\">" + own(words.get("col.time"))
                + "</th><th style=\"width:12%\">" + own(words.get("col.event")) + "</th><th style=\"width:26%\">"
                + own(words.get("col.relay")) + "</th><th>" + own(words.statusColumn(redacted)) + "</th></tr>";
        boolean open = false;
        for (MessageEntry m : s.messages()) {
            // each message its own row group: printing keeps a short one whole, and a longer one's header row with
            // its first event (kept whole, a long one would leave most of a page empty before it)
            ListedEvents events = ListedEvents.of(m, words);
            int rows = events.first().size() + events.last().size() + (events.notListed().isPresent() ? 1 : 0);
            boolean isShort = rows <= SHORT_MESSAGE_ROWS;
            String mid = m.messageIdHeader().isEmpty()
                    ? "<div class=\"mono mid\">" + own(words.get("message.noMessageId")) + "</div>"
                    : "<div class=\"mono mid\"" + LTR + ">" + esc(m.messageIdHeader()) + "</div>";
            String to = phrase(words.get("message.to"), value(ReportWording.shownAddress(m.recipient())));
            if (!isShort || !open) {
                w.write(open ? "</table></div>\n" : "");
                // a long message is a table of its own: its header, which printing repeats on every page the table
                // runs onto, names it under the column heads (a page it goes on to opened with bare event rows)
                w.write("<div class=\"wide\"><table>" + heads + (isShort ? "" : "<tr class=\"continued\"><td "
                        + "colspan=\"4\">" + mid + to + "</td></tr>") + "</thead>\n");
                open = isShort;
            }
            w.write("<tbody class=\"message" + (isShort ? " short" : " long") + "\">"
                    + "<tr class=\"group\"><td colspan=\"4\">" + mid + "<span class=\"to\">" + to
                    + " &nbsp; </span>" + esc(words.outcome(m))
                    + " &nbsp; <span class=\"muted\">" + phrase(words.get("message.internalId"),
                    value(m.internalMessageId())) + "</span>");
            if (!m.sender().isEmpty()) {
                w.write("<div class=\"muted small\">" + phrase(words.get("message.sender"), value(m.sender()))
                        + "</div>");
            }
            Optional<String> size = words.size(m);
            if (size.isPresent()) {
                w.write("<div class=\"small\">" + phrase(words.get("message.size"), esc(size.get())) + "</div>");
            }
            if (m.addressProblem().isPresent()) {
                w.write("<div class=\"fail\">" + phrase(words.get("message.address"), esc(m.addressProblem().get()))
                        + "</div>");
            }
            Optional<String> guess = words.guessNote(m);
            if (guess.isPresent()) {
                w.write("<div class=\"guess small\">" + own(guess.get()) + "</div>");
            }
            if (!m.mailTeamExplanation().isEmpty()) {
                w.write("<div class=\"muted small\">" + esc(m.mailTeamExplanation()) + "</div>");
            }
            Optional<String> todo = words.todo(m);
            if (todo.isPresent()) {
                w.write("<div class=\"" + (ReportWording.asksTheMailTeam(m) ? "small" : "muted small") + "\">"
                        + esc(todo.get()) + "</div>");
            }
            w.write("</td></tr>\n");
            for (EventEntry e : events.first()) {
                event(w, e, words);
            }
            if (events.notListed().isPresent()) {
                w.write("<tr><td colspan=\"4\" class=\"muted small\">" + own(events.notListed().get())
                        + "</td></tr>\n");
            }
            for (EventEntry e : events.last()) {
                event(w, e, words);
            }
            w.write("</tbody>\n");
            if (!isShort) {
                w.write("</table></div>\n");
            }
        }
        if (open) {
            w.write("</table></div>\n");
        }
        if (!s.findings().isEmpty()) {
            w.write(sub + phrase(words.get("heading.found"), value(shown)) + subEnd);
            for (Finding f : s.findings()) {
                finding(w, model, f, s.domain(), words);
            }
        }
        if (!s.notChecked().isEmpty()) {
            w.write(sub + phrase(words.get("heading.notChecked"), value(shown)) + subEnd);
            for (Finding f : s.notChecked()) {
                finding(w, model, f, s.domain(), words);
            }
        }
        if (!s.nameServers().isEmpty()) {
            w.write(sub + phrase(words.get("heading.nameServers"), value(shown)) + subEnd
                    + "<div class=\"wide\"><table><thead><tr><th>" + own(words.get("col.nameServer"))
                    + "</th><th>" + own(words.get("col.address")) + "</th><th>" + own(words.get("col.tests"))
                    + "</th><th>" + own(words.get("col.verdict")) + "</th></tr></thead><tbody>\n");
            for (NameServerResult ns : s.nameServers()) {
                StringBuilder tests = new StringBuilder();
                ns.tests().forEach((k, v) -> tests.append(tests.isEmpty() ? "" : "  ").append(k).append('=').append(v));
                w.write("<tr><td" + LTR + ">" + esc(ns.name()) + "</td><td><code" + LTR + ">" + esc(ns.address())
                        + "</code></td><td><code" + LTR + ">" + esc(tests.toString()) + "</code></td><td><b>"
                        + own(words.nameServerVerdict(ns.verdict())) + "</b></td></tr>\n");
            }
            w.write("</tbody></table></div>\n<p class=\"muted small\">" + phrase(words.get("nameServer.legend"),
                    words.nameServerVerdicts().stream().map(v -> "<b>" + own(v) + "</b>").toArray(String[]::new))
                    + "</p>\n");
        }
    }

    /** A finding; {@code domain} is the section's domain, which its message may name (as may its subject). */
    private static void finding(Writer w, ReportModel model, Finding f, String domain, ReportWording words)
            throws IOException {
        w.write("<div class=\"finding\"><div class=\"badge "
                + (ReportFindings.notChecked(f) ? "NOT_CHECKED" : f.severity().name()) + "\">"
                + esc(words.badge(f)) + "</div><div>");
        String message = quoting(f.message(), domain.isEmpty() ? List.of(f.subject()) : List.of(f.subject(), domain));
        w.write(f.severity() == Severity.OK ? message : "<b>" + message + "</b>");
        w.write("<div class=\"small muted\">" + esc(f.code())
                + (f.subject().isEmpty() ? "" : " · " + value(f.subject()))
                + (f.severity() == Severity.OK ? "" : " · " + esc(words.findingActor(model, f.actor()))) + "</div>");
        if (f.severity() != Severity.OK) {
            if (!f.evidence().isEmpty()) {
                w.write("<pre>" + lines(f.evidence()) + "</pre>");
            }
            if (!f.remediation().isEmpty()) {
                w.write("<div>" + phrase(words.get("fix"), esc(ReportWording.fix(f))) + "</div>");
            }
        }
        w.write("</div></div>\n");
    }

    private static void ownSide(Writer w, ReportModel model, ReportWording words) throws IOException {
        w.write("<h2 id=\"own-side\">" + own(words.get("heading.ownSide")) + "</h2>\n<p>"
                + own(words.get("intro.ownSide")) + "</p>\n");
        for (DomainFindings d : model.ownSide().domains()) {
            w.write("<h3" + LTR + ">" + esc(ReportWording.shown(d.domain())) + "</h3>\n");
            if (!d.recordsToPublish().isEmpty()) {
                w.write("<h4>" + own(words.get("heading.publish")) + "</h4><p>" + own(words.get("intro.publish"))
                        + "</p><pre>" + lines(d.recordsToPublish()) + "</pre>\n");
            }
            w.write("<h4>" + own(words.get("heading.findings")) + "</h4>\n");
            for (Finding f : d.findings()) {
                finding(w, model, f, d.domain(), words);
            }
        }
        if (!model.ownSide().otherFindings().isEmpty()) {
            w.write("<h3>" + own(words.get("heading.otherFindings")) + "</h3>\n");
            for (Finding f : model.ownSide().otherFindings()) {
                finding(w, model, f, "", words);
            }
        }
    }

    /** {@code t}: a redacted report's rows are masked, so its intro does not say "exactly"; several logs are files. */
    private static void appendix(Writer w, Appendix a, TitleBlock t, ReportWording words) throws IOException {
        if (!hasAppendix(a)) {
            return;
        }
        w.write("<h2 id=\"appendix\">" + own(words.get("heading.appendix")) + "</h2>\n<p>"
                + own(words.appendixIntro(t)) + "</p>\n");
        if (a.note().isPresent()) {
            w.write("<p class=\"fail\">" + esc(a.note().get()) + "</p>\n");
        }
        if (a.rows().isEmpty()) {
            return;
        }
        if (!a.header().isEmpty()) {
            w.write("<p class=\"small muted\">" + phrase(words.get("appendix.columns"),
                    String.join(", ", a.header().stream().map(HtmlReportRenderer::value).toList())) + "</p>\n");
        }
        if (a.files().isEmpty()) {
            rawRows(w, a.rows(), words);
            return;
        }
        // several logs: each file's rows in a table of their own, under its name and its own columns
        for (Appendix.FileColumns f : a.files()) {
            w.write("<p class=\"small muted\">" + phrase(words.get("appendix.fileColumns"), value(f.file()),
                    String.join(", ", f.header().stream().map(HtmlReportRenderer::value).toList())) + "</p>\n");
            rawRows(w, a.rowsOf(f), words);
        }
    }

    /**
     * The appendix's rows; printed in smaller type (7.5 pt; the PDF's are 6.6 pt), as a row of the log is some 400
     * characters of one token after another: printed at the body's size, the 2,000 rows of one message made 260 pages
     * of eight rows each; at 7.5 pt they make 163.
     */
    private static void rawRows(Writer w, List<Appendix.RawRow> rows, ReportWording words) throws IOException {
        w.write("<div class=\"wide\"><table><thead><tr><th class=\"n\" style=\"width:7%\">" + own(words.get("col.line"))
                + "</th><th>" + own(words.get("col.row")) + "</th></tr></thead><tbody class=\"raw\">\n");
        for (Appendix.RawRow r : rows) {
            w.write("<tr><td class=\"n muted\">" + r.line() + "</td><td><code" + LTR + ">"
                    + esc(ReportWording.csv(r.cells())) + "</code></td></tr>\n");
        }
        w.write("</tbody></table></div>\n");
    }

    /** The appendix is shown when it has rows, or a note saying why it has none (as in the PDF). */
    private static boolean hasAppendix(Appendix a) {
        return !a.rows().isEmpty() || a.note().isPresent();
    }

    /** The domains of a cause row, each its own bidi run. */
    private static String causeDomains(CauseRow r, ReportWording words) {
        return String.join(", ", ReportWording.domainsNamed(r).stream().map(HtmlReportRenderer::value).toList())
                + own(words.domainsNotNamed(r));
    }

    /**
     * One of our phrases ({@code {0}}, {@code {1}}… as in {@link ReportTexts#fill}) with its
     * own words escaped and markup put in for the placeholders ({@link #value}s: values from outside).
     */
    static String phrase(String pattern, String... markup) {
        return ReportTexts.fill(pattern, HtmlReportRenderer::own, markup);
    }

    /** Our own words in element content: escaped, an apostrophe left as it is (only attributes need it escaped). */
    private static String own(String words) {
        return esc(words).replace("&#39;", "'");
    }

    /** A value from outside inside our own text: escaped, and its own left-to-right bidi run. */
    static String value(String s) {
        return "<bdi dir=\"ltr\">" + esc(s) + "</bdi>";
    }

    /**
     * One of our sentences that quotes values it was written with (a finding naming its host, the conclusion naming
     * a domain): each whole occurrence of one of {@code values} becomes its own bidi run, the rest stays our text.
     * A whole occurrence is one not inside a longer name ({@code a.example} in {@code mx.a.example} is not).
     */
    static String quoting(String sentence, List<String> values) {
        List<String> longestFirst = values.stream().filter(v -> !v.isBlank()).distinct()
                .sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();
        StringBuilder sb = new StringBuilder(sentence.length() + 32);
        int done = 0;
        for (int i = 0; i < sentence.length(); i++) {
            for (String v : longestFirst) {
                if (sentence.startsWith(v, i) && wholeName(sentence, i, i + v.length())) {
                    sb.append(esc(sentence.substring(done, i))).append(value(v));
                    done = i + v.length();
                    i = done - 1;
                    break;
                }
            }
        }
        return sb.append(esc(sentence.substring(done))).toString();
    }

    /** No letter, digit or name punctuation touches the match (a '.' after it ends the sentence, not the name). */
    private static boolean wholeName(String s, int from, int to) {
        if (from > 0 && partOfName(s.codePointBefore(from))) {
            return false;
        }
        if (to < s.length()) {
            int next = s.codePointAt(to);
            boolean sentenceEnd = next == '.' && (to + 1 == s.length() || Character.isWhitespace(s.charAt(to + 1)));
            return sentenceEnd || !partOfName(next);
        }
        return true;
    }

    private static boolean partOfName(int c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' || c == '@'
                || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    /**
     * "relay host [address]", each name its own bidi run (as {@link ReportWording#relay} words it). The host may
     * break after each dot, as the PDF breaks it, before the cell's break-anywhere cuts a label in two
     * ({@code outlook.c / om}).
     */
    private static String relay(String host, String address) {
        if (host.isEmpty()) {
            return address.isEmpty() ? "" : value(address);
        }
        String name = "<bdi dir=\"ltr\">" + esc(host).replace(".", ".<wbr>") + "</bdi>";
        return address.isEmpty() ? name : name + " [" + value(address) + "]";
    }

    /** Lines from outside (evidence, records) for a {@code pre}: each line its own bidi run. */
    private static String lines(List<String> lines) {
        return String.join("\n", lines.stream().map(HtmlReportRenderer::value).toList());
    }

    /**
     * Escapes text for HTML element content and quoted attributes; control, bidi and other invisible characters
     * become visible ({@link VisibleText}), as in the PDF and the text note. Newlines stay (evidence in pre).
     */
    public static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                case '\n' -> sb.append('\n');
                default -> {
                    if (VisibleText.hidden(c)) {
                        sb.append(VisibleText.escape(c));
                    } else {
                        sb.appendCodePoint(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
