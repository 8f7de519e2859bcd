package org.mailpath.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.mailpath.engine.address.MixedScripts;
import org.mailpath.engine.analysis.Verdict;
import org.mailpath.engine.edns.FlagDay;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.report.Appendix;
import org.mailpath.engine.report.CauseRow;
import org.mailpath.engine.report.DomainRow;
import org.mailpath.engine.report.EventEntry;
import org.mailpath.engine.report.MessageEntry;
import org.mailpath.engine.report.RecipientDomainSection;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.ReportTexts;
import org.mailpath.engine.report.TitleBlock;
import org.mailpath.engine.status.Category;

/**
 * Wording and formatting shared by all renderers, so the PDF, HTML and text say the same things, in one language
 * ({@link #of}): the report's. Its larger parts are worded by classes of their own, made for the call: the mail teams'
 * request ({@link MailTeamIntro}), the title block ({@link TitleFacts}), a cause row ({@link CauseRowWording}) and
 * the counts' shares ({@link CountShares}).
 */
public final class ReportWording {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
    /** A cause row names this many of its domains, and counts the others. */
    private static final int DOMAINS_LISTED = 3;

    private final ReportTexts texts;
    /** Whether the report's appendix lists every row of its messages ({@link #appendixHasEveryRow}). */
    private final boolean everyRowAppended;

    private ReportWording(ReportTexts texts, boolean everyRowAppended) {
        this.texts = texts;
        this.everyRowAppended = everyRowAppended;
    }

    /** The wording of a report in its language. */
    public static ReportWording of(ReportModel model) {
        Appendix a = model.appendix();
        // the appendix has the rows of every message in the report, unless it says some could not be read again
        return new ReportWording(model.texts(), !a.rows().isEmpty() && a.note().isEmpty());
    }

    /** Words in {@code texts}' language, of no report in particular: no appendix to point to. */
    public static ReportWording of(ReportTexts texts) {
        return new ReportWording(texts, false);
    }

    /**
     * Whether the report ends with the appendix of every raw row of its messages (none missing): a note on events
     * not listed in a message's table can send the reader there rather than to the log ({@link ListedEvents}).
     */
    public boolean appendixHasEveryRow() {
        return everyRowAppended;
    }

    /** The phrase under {@code key} in the report's language. */
    public String get(String key) {
        return texts.get(key);
    }

    /** The heading of the events' status-line column: "exactly as logged", or masked in a redacted report. */
    public String statusColumn(boolean redacted) {
        return get(redacted ? "col.status.redacted" : "col.status");
    }

    /**
     * The sentence that opens the appendix of raw log rows: each row's fields as in the file, written again as CSV
     * and quoted only where needed ({@link #csv}), or masked in a redacted report; "in the file", or of several logs
     * analysed together ({@link TitleBlock#fileNames}) in their files, each file's rows under its name.
     */
    public String appendixIntro(TitleBlock t) {
        return get((t.redacted() ? "intro.appendix.redacted" : "intro.appendix") + (severalFiles(t) ? ".files" : ""));
    }

    /** Several logs were analysed together into the report: it speaks of "the files", not "the file". */
    public static boolean severalFiles(TitleBlock t) {
        return t.fileNames().size() > 1;
    }

    /**
     * Whether the report covers several recipient domains, and so speaks to several mail teams: its introductions
     * then address the teams of the domains below, each about its own messages, instead of one team as "you" (a
     * report on mail to contoso.example and gmail.com told one team "your servers", as if both were one organisation).
     */
    public static boolean forSeveralMailTeams(ReportModel model) {
        return model.recipientDomains().size() > 1;
    }

    /**
     * The line under the title: for the recipient's mail team, or the recipients' teams of several domains; for "your
     * mail team" in a report addressed to the one domain's team ({@link ReportModel#addressedToMailTeam}), which its
     * conclusion and its part already speak to as "you".
     */
    public String subtitle(ReportModel model) {
        return get(forSeveralMailTeams(model) ? "subtitle.domains"
                : model.addressedToMailTeam() ? "subtitle.you" : "subtitle");
    }

    /**
     * The heading of the part for the recipients' mail teams, as a pattern whose {0} is the one recipient domain: "For
     * the mail team of {0}" when the report is on one domain, and so addressed to its team
     * ({@link ReportModel#addressedToMailTeam}), "For the recipients' mail teams" (no {0}) when on several. Every
     * format heads that part by this one rule.
     */
    public String mailTeamHeadingPattern(ReportModel model) {
        return get(model.addressedToMailTeam() ? "heading.mailTeam" : "heading.mailTeams");
    }

    /** {@link #mailTeamHeadingPattern} with the domain filled in, for formats without markup. */
    public String mailTeamHeading(ReportModel model) {
        return model.addressedToMailTeam() ? format("heading.mailTeam", model.recipientDomains().getFirst().domain())
                : get("heading.mailTeams");
    }

    /**
     * The recipient domains the part for the mail teams heads each with its name: those with a message listed, or
     * with findings, checks not made or name servers to show. The others, whose messages a list limit left all out
     * ({@link org.mailpath.engine.report.ReportBuilder#listLimit}) and of which nothing else is said, are summed up in
     * one table after them ({@link #domainsNotListed}): a heading of each, with only its counts below it and an entry
     * in the contents, made pages of empty headings.
     */
    public static List<RecipientDomainSection> domainsListed(ReportModel model) {
        return model.recipientDomains().stream().filter(s -> !nothingListed(s)).toList();
    }

    /** The recipient domains of which the report lists nothing, in their order ({@link #domainsListed}). */
    public static List<RecipientDomainSection> domainsNotListed(ReportModel model) {
        return model.recipientDomains().stream().filter(ReportWording::nothingListed).toList();
    }

    private static boolean nothingListed(RecipientDomainSection s) {
        return s.messages().isEmpty() && s.counts().messages() > 0 && s.findings().isEmpty()
                && s.notChecked().isEmpty() && s.nameServers().isEmpty();
    }

    /**
     * The request to search the mail logs for the Message ID Headers that follow: the one team's servers, or with
     * several domains each team's own, the messages being grouped under their domain's name in every format
     * ({@link MailTeamIntro}).
     */
    public String mailTeamIntro(ReportModel model) {
        return new MailTeamIntro(texts).of(model);
    }

    /**
     * The text note's first sentence: we send e-mail to you, or to the recipient domains below; {@code fileName} is
     * the log's name as the note writes it.
     */
    public String noteIntro(ReportModel model, String fileName) {
        String period = period(model.title());
        long files = model.title().fileNames().size();
        return forSeveralMailTeams(model)
                ? format("text.intro.domains", fileName, period, model.recipientDomains().size(), files)
                : format("text.intro", fileName, period, files);
    }

    /** The phrase under {@code key} with its arguments (whole numbers grouped as the language does). */
    public String format(String key, Object... args) {
        return texts.format(key, args);
    }

    public String verdict(Verdict verdict) {
        return texts.verdict(verdict);
    }

    /** "OK", "Works with faults", "Fails": a name server's DNS Flag Day verdict in the report's words. */
    public String nameServerVerdict(String verdict) {
        return texts.nameServerVerdict(verdict);
    }

    /** The words of every name-server verdict, best first ({@link FlagDay#VERDICTS}). */
    public List<String> nameServerVerdicts() {
        return FlagDay.VERDICTS.stream().map(this::nameServerVerdict).toList();
    }

    /** The line under a name-server table that says in plain words what each verdict means for mail. */
    public String nameServerLegend() {
        return nameServerLegend(nameServerVerdicts());
    }

    /** The same line for {@code verdicts} written otherwise, best first: the command line keeps ok/compatible/dead. */
    public String nameServerLegend(List<String> verdicts) {
        return format("nameServer.legend", verdicts.toArray());
    }

    public String actor(Actor actor) {
        return texts.actor(actor);
    }

    /**
     * Who must act about a finding, as its card names them: in a report addressed to the recipient domain's mail team
     * ({@link ReportModel#addressedToMailTeam}) that team is "Your mail team", as the causes table calls it ({@link
     * #causeActor}), not "Recipient's mail team" (the postmaster review: the table said the one, the cards of
     * mx1.tailspin.example the other); the other sides are named as ours already ("Our Salesforce admin"). The JSON
     * keeps the actor's id.
     */
    public String findingActor(ReportModel model, Actor actor) {
        return model.addressedToMailTeam() && actor == Actor.RECIPIENT_MAIL_TEAM
                ? get("actor.you.RECIPIENT_MAIL_TEAM") : texts.actor(actor);
    }

    /**
     * Whether the causes table names a row's recipient domains ("To a.example, b.example"): not in a report on one
     * domain, whose title names it, where every row would repeat it.
     */
    public static boolean namesCauseDomains(ReportModel model, CauseRow r) {
        return !r.domains().isEmpty() && model.summary().domains().size() > 1;
    }

    /**
     * Who must act about a cause row, as the causes table names them to the report's reader: in a report addressed
     * to the recipient domain's mail team that team is "Your mail team" ({@link CauseRowWording#actor}).
     */
    public String causeActor(ReportModel model, CauseRow r) {
        return new CauseRowWording(this).actor(model, r);
    }

    /**
     * What to do about a cause row: in a report addressed to the recipient domain's mail team, in that team's words
     * ({@link CauseRow#mailTeamRemediation}, set in such a report and in the report on several domains); else
     * our admin's.
     */
    public static String causeFix(CauseRow r) {
        return r.mailTeamRemediation().isEmpty() ? r.remediation() : r.mailTeamRemediation();
    }

    /**
     * What to do about a cause row as the causes table of {@code model} says it: a cause on our side said so in the
     * third person where the report is not addressed to one team ({@link CauseRowWording#fix}).
     */
    public String causeFix(ReportModel model, CauseRow r) {
        return new CauseRowWording(this).fix(model, r);
    }

    /**
     * What to do about a cause row in the causes table of the PDF and HTML: {@link #causeFix(ReportModel, CauseRow)},
     * and for a cause said of our side our admin's own fix after it, labelled so ({@link CauseRowWording#tableFix}).
     */
    public String causeTableFix(ReportModel model, CauseRow r) {
        return new CauseRowWording(this).tableFix(model, r);
    }

    /** A finding's badge as every format shows it, in capitals: "ERROR", "NOT CHECKED" ({@link ReportTexts#badge}). */
    public String badge(Finding finding) {
        return capitals(texts.badge(finding));
    }

    /** The language the report is written in. */
    Locale language() {
        return texts.language();
    }

    /** {@code text} in capitals as the report's language writes them. */
    public String capitals(String text) {
        return text.toUpperCase(texts.language());
    }

    /**
     * One line of a report's title block: "Rows read" – "1,204 (3 rejected as invalid)". {@code values} are the
     * parts of {@code value} that come from outside (a file name, the domains or Message IDs asked for), which
     * {@code value} joins with ", "; empty when the value is our own wording.
     */
    public record Fact(String label, String value, List<String> values) {

        public Fact {
            values = List.copyOf(values);
        }

        /** A line in our own words. */
        public Fact(String label, String value) {
            this(label, value, List.of());
        }

        /** A line whose value is one or more values from outside, joined by ", ". */
        static Fact of(String label, List<String> values) {
            return new Fact(label, String.join(", ", values), values);
        }
    }

    /**
     * {@link #titleFacts(TitleBlock)} of a report, whose messages' line also says how many it lists when a limit left
     * some out ("40 in this report; 5 listed"): the count alone read as if all were listed ({@link TitleFacts}).
     */
    public List<Fact> titleFacts(ReportModel model) {
        return new TitleFacts(this).of(model);
    }

    /** The title block's lines, the same in every format: file, period, rows, messages, generated, the filters. */
    public List<Fact> titleFacts(TitleBlock t) {
        return new TitleFacts(this).of(t);
    }

    /**
     * For a log without the TLS_Cipher column ({@link TitleBlock#withoutTlsColumn}): how many messages counted as
     * delivered may only have been handed to another Salesforce server ({@link TitleBlock#deliveriesMaybeHandoffs}),
     * the ones the conclusion hedges. Empty for the others, and where the conclusion hedges none (no delivery, or
     * each to a host of the recipient's own): a caveat there would say "may" of what the conclusion states.
     */
    public Optional<String> tlsCaveat(TitleBlock t) {
        return t.withoutTlsColumn() && t.deliveriesMaybeHandoffs() > 0
                ? Optional.of(format("fact.noTlsColumn.value", t.deliveriesMaybeHandoffs())) : Optional.empty();
    }

    /**
     * For the text note, which has no title block: that the dates of the logs were read day first ({@link
     * TitleBlock#readDayFirst}), naming them when several were analysed. Empty when none was.
     */
    public Optional<String> dayFirstCaveat(TitleBlock t) {
        if (t.readDayFirst().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(severalFiles(t) ? format("text.readDayFirst.files", String.join(", ", t.readDayFirst()))
                : get("text.readDayFirst"));
    }

    /** "2026-11-20 08:00:00" (UTC), the same in every language: it is how logs are searched. */
    public static String time(Instant t) {
        return TIME.format(t);
    }

    public static String time(Optional<Instant> t) {
        return t.map(ReportWording::time).orElse("");
    }

    /** "20 November 2026, 08:00 UTC". */
    public String day(Instant t) {
        return texts.day().format(t);
    }

    public String period(TitleBlock t) {
        if (t.periodStart().isEmpty() || t.periodEnd().isEmpty()) {
            return get("fact.period.unknown");
        }
        return day(t.periodStart().get()) + " – " + day(t.periodEnd().get());
    }

    /**
     * A count of the summary's bars: "2", or "2 copies" when the report's messages are the copies of one message
     * ({@link TitleBlock#copiesOfOneMessage}), as its title and conclusion count them; "Delivered 2" read as two
     * messages. The same in every format that shows the bars.
     */
    public String summaryCount(ReportModel model, long n) {
        return model.title().copiesOfOneMessage() ? format("summary.count.copies", n) : count(n);
    }

    /**
     * The key of the recipient-domain tables' first count column: "Copies" in a report of the copies of one message,
     * as its title and bars count them, else "Messages". The same in every format that has the table.
     */
    public static String domainCountColumn(ReportModel model) {
        return model.title().copiesOfOneMessage() ? "col.copies" : "col.messages";
    }

    /**
     * The line under the summary's bars: how many of the delivered messages, or copies of one message, were accepted
     * only after retries; empty when none was.
     */
    public Optional<String> summaryRetried(ReportModel model) {
        long retried = model.summary().deliveredAfterRetry();
        if (retried == 0) {
            return Optional.empty();
        }
        return Optional.of(format(model.title().copiesOfOneMessage() ? "summary.retried.copies" : "summary.retried",
                retried));
    }

    /** "1,204" in English, "1 204" in Swedish. */
    public String count(long n) {
        return texts.count(n);
    }

    /** A cause's short name, as the causes table and outcomes write it ("Recipient DNS"). */
    public String label(Category category) {
        return texts.label(category);
    }

    /** "Deferred (T)", "Delivered (D)", "Hand-off (D)" … */
    public String event(EventEntry e) {
        return switch (e.event()) {
            case "R", "T", "P" -> get("event." + e.event());
            case "D" -> get(e.internalHandoff() ? "event.handoff" : "event.D");
            default -> e.event();
        };
    }

    /**
     * "Bounced – Recipient DNS", "Delivered (after 2 failed attempts)" or "Deferred – Mailbox full (1 failed
     * attempt)": each T row is a failed attempt, counted as such for every verdict. Not as retries: only a later row
     * shows that a T was retried, which a deferral's last T has none of (yet), nor the last T of a bounce that only
     * says it expired (Salesforce gave up after it: 11 T rows and that P are 11 failed attempts, 10 retries).
     */
    public String outcome(MessageEntry m) {
        String v = texts.verdict(m.verdict());
        // a cause its bare reply code only makes likely is hedged as its row of the causes table is
        String outcome = m.category().map(c -> format("outcome.cause", v, m.basicCodeOnly()
                ? texts.basicLabel(c, m.relayReply()) : texts.label(c, m.relayReply()))).orElse(v);
        int n = m.verdict() == Verdict.DELIVERED ? m.retriesBeforeDelivery() : m.retries();
        String counted = m.verdict() == Verdict.DEFERRED ? "outcome.failedAttempts" : "outcome.afterFailedAttempts";
        // the number as it always was written: ungrouped
        return n == 0 ? outcome : format(counted + (n == 1 ? ".one" : ".some"), outcome, String.valueOf(n));
    }

    /**
     * The fix of a finding as its part of the report shows it: in the part for a recipient domain's mail team, the
     * words for that team ({@link Finding#mailTeamRemediation()}, which the report builder sets there only); in our
     * own side's part, the remediation written to our admin.
     */
    public static String fix(Finding f) {
        return f.mailTeamRemediation().isEmpty() ? f.remediation() : f.mailTeamRemediation();
    }

    /**
     * The message's size as its block shows it ("12.3 KB (12,633 bytes)"), for a message whose cause is its size
     * (a 552 5.3.4): the one whose size the mail team must compare with their limit. Empty for the others, whose size
     * would only crowd their block (the JSON has every message's), and when the log gives none.
     */
    public Optional<String> size(MessageEntry m) {
        return m.category().filter(c -> c == Category.SIZE).isPresent() && m.sizeBytes().isPresent()
                ? Optional.of(texts.size(m.sizeBytes().getAsLong())) : Optional.empty();
    }

    /** The message's fix is the recipient's mail team's to make: the one line of its block that asks them to act. */
    public static boolean asksTheMailTeam(MessageEntry m) {
        return !m.mailTeamRemediation().isEmpty() && m.actor() == Actor.RECIPIENT_MAIL_TEAM;
    }

    /**
     * What must be done about a message and by whom, as the part for the recipient's mail team (where every message
     * is listed) says it, to that team: "What to do (your mail team): …" when it is theirs to do, "On our side (our
     * Salesforce admin): …" when the sending side acts; empty when the knowledge base gives no fix. The words are the
     * model's ({@link MessageEntry#mailTeamRemediation}), not the admin's ({@link MessageEntry#remediation}), which
     * would tell that team to change Salesforce settings or to ask itself.
     */
    public Optional<String> todo(MessageEntry m) {
        if (m.mailTeamRemediation().isEmpty()) {
            return Optional.empty();
        }
        // a stale message's words (a deferral or a received-only one) are about its missing rows, not the reply's fix:
        // labelled as such, not by the reply's side ("No action needed" of a greylisting above "please tell us")
        return Optional.of(format(m.stale() || m.staleReceived() ? "todo.mailTeam.stale"
                : m.actor() == Actor.SENDER_ADMIN && m.stoppedBy() == Actor.RECIPIENT_MAIL_TEAM
                ? "todo.mailTeam.stoppedByRecipient" : "todo.mailTeam." + m.actor().name(), m.mailTeamRemediation()));
    }

    /**
     * The note of a message whose rows in logs sharing no ID column were joined by a guess, or left apart so that it
     * may be listed twice; empty for every other message. Said where the message is listed, to whoever searches
     * their logs for it: an entry that rests on a guess may mix two messages or be one of two entries for one.
     */
    public Optional<String> guessNote(MessageEntry m) {
        if (m.joinedByGuess()) {
            return Optional.of(get("message.joinedByGuess"));
        }
        return m.maybeCountedTwice() ? Optional.of(get("message.maybeCountedTwice")) : Optional.empty();
    }

    /** What a cause row's replies meant, under its label ({@link CauseRowWording#meaning}). */
    public String causeMeaning(CauseRow r) {
        return new CauseRowWording(this).meaning(r);
    }

    /** The recipient domains of a cause row: "a.example, b.example", or the first few "and 5 more". */
    public String domains(CauseRow r) {
        return String.join(", ", domainsNamed(r)) + domainsNotNamed(r);
    }

    /** The domains of a cause row that {@link #domains} names. */
    public static List<String> domainsNamed(CauseRow r) {
        List<String> d = r.domains();
        return d.subList(0, named(d.size())).stream().map(ReportWording::shown).toList();
    }

    /** " and 5 more" after the domains named, or nothing when all are. */
    public String domainsNotNamed(CauseRow r) {
        int more = r.domains().size() - named(r.domains().size());
        return more == 0 ? "" : format("domains.more", more);
    }

    /** How many of {@code domains} a cause row names: all when at most one would be left ("and 1 more" saves none). */
    private static int named(int domains) {
        return domains <= DOMAINS_LISTED + 1 ? domains : DOMAINS_LISTED;
    }

    /**
     * A domain as every report shows it: with its ASCII form beside it when a label mixes scripts
     * ({@code раypal.com (xn--ypal-43d9g.com)}), so that it is not read as the name it imitates; else as it is.
     */
    public static String shown(String domain) {
        return MixedScripts.shown(domain);
    }

    /** An address with its domain {@link #shown}. */
    public static String shownAddress(String address) {
        return MixedScripts.shownAddress(address);
    }

    /**
     * The ASCII form that {@link #shown} puts beside {@code domain}, for a report that lays it out otherwise (the
     * PDF's headings); empty when it shows none.
     */
    public static Optional<String> shownAscii(String domain) {
        return MixedScripts.asciiBeside(domain);
    }

    /**
     * An event's TLS as every report shows it under its relay: "TLS " before a cipher that does not say it itself
     * ("TLS ECDHE-RSA-AES256-GCM-SHA384", but "TLSv1.3:TLS_AES_256_GCM_SHA384", not "TLS TLSv1.3:…"), nothing before
     * the internal hand-off's words; empty when the log gave none.
     */
    public static String tls(EventEntry e) {
        return e.tls().isEmpty() || e.tls().startsWith("TLS") || e.internalHandoff() ? e.tls() : "TLS " + e.tls();
    }

    /** "relay host [address]". */
    public static String relay(String host, String address) {
        if (host.isEmpty()) {
            return address;
        }
        return address.isEmpty() ? host : host + " [" + address + "]";
    }

    /**
     * A raw row as one CSV line (RFC 4180 quoting): its fields as they stood in the file, quoted only where a field
     * needs it, whatever quotes the file had (the appendix says so, {@link #appendixIntro}).
     */
    public static String csv(List<String> cells) {
        return CSVFormat.DEFAULT.format(cells.toArray());
    }

    /**
     * A recipient domain's {@link #domainCounts(DomainRow) counts}, and how many of its messages the section lists
     * when a limit left some out ({@link org.mailpath.engine.report.ReportBuilder#listLimit}).
     */
    public String domainCounts(RecipientDomainSection s) {
        DomainRow d = s.counts();
        // the copies of one message: "2 copies of one message: 2 delivered", as the conclusion counts them
        String counts = d.copiesOfOneMessage() ? format("domainCounts.copies", d.messages(),
                d.delivered(), d.bounced(), d.deferred(), d.receivedOnly()) : domainCounts(d);
        return s.messages().size() < s.counts().messages()
                ? format("domainCounts.listed", counts, (long) s.messages().size()) : counts;
    }

    /** "1 message: 0 delivered, 1 bounced, 0 deferred, 0 received only" for a recipient domain. */
    public String domainCounts(DomainRow d) {
        return format(d.messages() == 1 ? "domainCounts.one" : "domainCounts.some", d.messages(), d.delivered(),
                d.bounced(), d.deferred(), d.receivedOnly());
    }

    /**
     * The share of each count in their total, 0 to 1: the length of its bar in the summary's chart, drawn as long as
     * the percentage beside it says ({@link CountShares#shares}).
     */
    public static double[] shares(long... counts) {
        return CountShares.shares(counts);
    }

    /** Whole percentages of each count in their total that add up to 100 ({@link CountShares#percentages}). */
    public static long[] percentages(long... counts) {
        return CountShares.percentages(counts);
    }

    /** Generated-by line for footers. */
    public String generatedBy(TitleBlock t) {
        return format("generatedBy", day(t.generatedAt()), t.version());
    }
}
