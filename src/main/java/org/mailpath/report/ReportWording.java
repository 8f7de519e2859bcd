package org.mailpath.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mailpath.engine.analysis.Verdict;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.report.CauseRow;
import org.mailpath.engine.report.DomainRow;
import org.mailpath.engine.report.EventEntry;
import org.mailpath.engine.report.MessageEntry;
import org.mailpath.engine.report.ReportTexts;
import org.mailpath.engine.report.TitleBlock;

/** Wording and formatting shared by all renderers, so the PDF, HTML and text say the same things. */
public final class ReportWording {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    public static final String MAIL_TEAM_INTRO = "Please search your mail transport logs for these Message ID "
            + "Headers. Salesforce logged each attempt with the exact reply your servers gave; all times are UTC.";
    public static final String OWN_SIDE_INTRO = "What we must fix in our own DNS and Salesforce setup so that "
            + "receiving servers accept our mail (SPF, DKIM, DMARC).";
    public static final String APPENDIX_INTRO = "The Email Log rows of the messages in this report, exactly as "
            + "they are in the file (line numbers refer to the file).";
    public static final String PUBLISH_INTRO = "Publish these records in our DNS exactly as shown:";
    /** A cause row names this many of its domains, and counts the others. */
    private static final int DOMAINS_LISTED = 3;

    private ReportWording() {
    }

    /**
     * One line of a report's title block: "Rows read" – "1,204 (3 rejected as unreadable)". {@code values} are the
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

    /** Scope lines whose value lists what the user asked for (domains, Message IDs): values, not our words. */
    private static final List<String> LISTED_SCOPES = List.of("Recipient domains", "Messages");

    /** The title block's lines, the same in every format: file, period, rows, messages, generated, the filters. */
    public static List<Fact> titleFacts(TitleBlock t) {
        List<Fact> facts = new ArrayList<>();
        facts.add(Fact.of("File", List.of(t.fileName())));
        facts.add(new Fact("Period covered", period(t)));
        facts.add(new Fact("Rows read", count(t.rows()) + (t.rejectedRows() > 0
                ? " (" + count(t.rejectedRows()) + " rejected as unreadable)" : "")));
        facts.add(new Fact("Messages", count(t.messagesIncluded()) + " in this report"
                + (t.messagesInFile() != t.messagesIncluded() ? " (of " + count(t.messagesInFile()) + " in the file)"
                : "")));
        facts.add(new Fact("Generated", day(t.generatedAt()) + " by MailPath " + t.version()));
        for (String s : t.scope()) {
            // "Recipient domains: a.example, b.example" is labelled by the part before its colon
            int colon = s.indexOf(':');
            if (colon <= 0) {
                facts.add(new Fact("Scope", s));
                continue;
            }
            String label = s.substring(0, colon);
            String value = s.substring(colon + 1).strip();
            facts.add(LISTED_SCOPES.contains(label) ? Fact.of(label, List.of(value.split(", ")))
                    : new Fact(label, value));
        }
        return facts;
    }

    /** "2026-11-20 08:00:00" (UTC). */
    public static String time(Instant t) {
        return TIME.format(t);
    }

    public static String time(Optional<Instant> t) {
        return t.map(ReportWording::time).orElse("");
    }

    /** "20 November 2026, 08:00 UTC". */
    public static String day(Instant t) {
        return DAY.format(t);
    }

    public static String period(TitleBlock t) {
        if (t.periodStart().isEmpty() || t.periodEnd().isEmpty()) {
            return "unknown (no dated rows)";
        }
        return day(t.periodStart().get()) + " – " + day(t.periodEnd().get());
    }

    public static String count(long n) {
        return String.format(Locale.ENGLISH, "%,d", n);
    }

    /** "Deferred (T)", "Delivered (D)", "Hand-off (D)" … */
    public static String event(EventEntry e) {
        return switch (e.event()) {
            case "R" -> "Received (R)";
            case "T" -> "Deferred (T)";
            case "P" -> "Bounced (P)";
            case "D" -> e.internalHandoff() ? "Hand-off (D)" : "Delivered (D)";
            default -> e.event();
        };
    }

    /** "Bounced – Recipient DNS" or "Delivered (2 retries)". */
    public static String outcome(MessageEntry m) {
        String v = ReportTexts.verdict(m.verdict());
        String cause = m.category().map(c -> " – " + ReportTexts.label(c)).orElse("");
        int n = m.verdict() == Verdict.DELIVERED ? m.retriesBeforeDelivery() : m.retries();
        String retries = n > 0 ? " (" + n + (n == 1 ? " retry)" : " retries)") : "";
        return v + cause + retries;
    }

    /**
     * What must be done about a message and by whom, e.g. "What to do (Our Salesforce admin): Remove the address";
     * empty when the knowledge base gives no fix.
     */
    public static Optional<String> todo(MessageEntry m) {
        if (m.remediation().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of((m.actor() == Actor.NOBODY ? ReportTexts.actor(Actor.NOBODY)
                : "What to do (" + ReportTexts.actor(m.actor()) + ")") + ": " + m.remediation());
    }

    /** The recipient domains of a cause row: "a.example, b.example", or the first few "and 5 more". */
    public static String domains(CauseRow r) {
        return String.join(", ", domainsNamed(r)) + domainsNotNamed(r);
    }

    /** The domains of a cause row that {@link #domains} names. */
    public static List<String> domainsNamed(CauseRow r) {
        List<String> d = r.domains();
        return d.size() <= DOMAINS_LISTED + 1 ? d : d.subList(0, DOMAINS_LISTED);
    }

    /** " and 5 more" after the domains named, or nothing when all are. */
    public static String domainsNotNamed(CauseRow r) {
        int more = r.domains().size() - domainsNamed(r).size();
        return more == 0 ? "" : " and " + count(more) + " more";
    }

    /** The R / last T / D / P times in one line, e.g. "R 08:00:00 · T 08:05:00 · P 09:00:00". */
    public static String milestones(MessageEntry m) {
        StringBuilder sb = new StringBuilder();
        append(sb, "Received", m.received());
        append(sb, "Last deferral", m.lastTransient());
        append(sb, "Delivered", m.delivered());
        append(sb, "Bounced", m.failed());
        return sb.toString();
    }

    private static void append(StringBuilder sb, String label, Optional<Instant> t) {
        t.ifPresent(i -> sb.append(sb.isEmpty() ? "" : "   ").append(label).append(' ').append(time(i)));
    }

    /** "relay host [address]". */
    public static String relay(String host, String address) {
        if (host.isEmpty()) {
            return address;
        }
        return address.isEmpty() ? host : host + " [" + address + "]";
    }

    /** A raw row as one CSV line (RFC 4180 quoting), the way it stood in the file. */
    public static String csv(List<String> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String c = cells.get(i);
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                sb.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** "1 message: 0 delivered, 1 bounced, 0 deferred, 0 received only" for a recipient domain. */
    public static String domainCounts(DomainRow d) {
        return count(d.messages()) + (d.messages() == 1 ? " message: " : " messages: ") + count(d.delivered())
                + " delivered, " + count(d.bounced()) + " bounced, " + count(d.deferred()) + " deferred, "
                + count(d.receivedOnly()) + " received only";
    }

    /**
     * Whole percentages of each count in their total that add up to 100, by the largest remainder (ties: the
     * earlier count): rounding each alone can give 101 % (15, 20, 3 and 2 of 40: 38 + 50 + 8 + 5). All 0 for a
     * total of 0.
     */
    public static long[] percentages(long... counts) {
        long total = 0;
        for (long n : counts) {
            total += n;
        }
        long[] shares = new long[counts.length];
        if (total == 0) {
            return shares;
        }
        long[] remainders = new long[counts.length];
        long given = 0;
        for (int i = 0; i < counts.length; i++) {
            shares[i] = counts[i] * 100 / total;
            remainders[i] = counts[i] * 100 % total;
            given += shares[i];
        }
        final long[] r = remainders;
        List<Integer> byRemainder = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            byRemainder.add(i);
        }
        byRemainder.sort((a, b) -> Long.compare(r[b], r[a])); // stable: equal remainders keep their order
        for (int k = 0; k < 100 - given; k++) {
            shares[byRemainder.get(k)]++;
        }
        return shares;
    }

    /** Generated-by line for footers. */
    public static String generatedBy(TitleBlock t) {
        return "Generated " + day(t.generatedAt()) + " by MailPath " + t.version();
    }
}
