package org.mailpath.engine.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.mailpath.engine.analysis.Verdict;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.status.Category;

/**
 * Writes the one-paragraph conclusion of a report in plain language from its numbers, e.g. "Of the 450 messages
 * to contoso.example, 412 were handed to contoso.example's mail servers and accepted; 37 bounced because …".
 */
final class ConclusionWriter {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final int CAUSES_NAMED = 3;
    /** More domains than this are counted, not named. */
    private static final int NAMES_LISTED = 3;
    /** The EDNS checks' codes: a name server that does not meet current DNS standards. */
    private static final String EDNS = "EDNS_";

    private ConclusionWriter() {
    }

    static String write(Summary summary, List<RecipientDomainSection> sections, OwnSideSection own,
                        TitleBlock title) {
        long total = title.messagesIncluded();
        if (total == 0) {
            return "No messages in the log match this report's selection"
                    + (title.scope().isEmpty() ? "." : " (" + String.join("; ", title.scope()) + ").");
        }
        boolean one = sections.size() == 1;
        String to = one ? sections.getFirst().domain() : sections.size() + " recipient domains";
        String servers = one ? sections.getFirst().domain() + "'s mail servers" : "the recipients' mail servers";
        StringBuilder sb = new StringBuilder();
        sb.append(total == 1 ? "Of the one message to " : "Of the " + n(total) + " messages to ").append(to);
        if (title.periodStart().isPresent() && title.periodEnd().isPresent()) {
            sb.append(" logged between ").append(time(title.periodStart().get())).append(" and ")
                    .append(time(title.periodEnd().get())).append(" UTC");
        }
        sb.append(", ");
        List<String> parts = new ArrayList<>();
        long delivered = summary.count(Verdict.DELIVERED);
        if (delivered > 0) {
            parts.add(were(delivered, total) + " handed to " + servers + " and accepted"
                    + (summary.deliveredAfterRetry() > 0 ? " (" + n(summary.deliveredAfterRetry())
                    + " of them after retries)" : ""));
        }
        long bounced = summary.count(Verdict.BOUNCED);
        if (bounced > 0) {
            parts.add((bounced == total && total > 1 ? "all " : "") + n(bounced) + " bounced" + because(summary, true));
        }
        long deferred = summary.count(Verdict.DEFERRED);
        long stale = summary.staleDeferrals();
        if (deferred > 0 && stale == 0) {
            parts.add(were(deferred, total) + " still being retried when the log ended" + because(summary, false));
        } else if (deferred > 0) {
            // Salesforce retries for 24 hours at most: a deferral older than that should have ended in a P or a D
            String noOutcome = "no outcome in the log although Salesforce stops retrying after 24 hours (the log"
                    + " may have been cut off or miss the final rows)";
            parts.add(stale == deferred
                    ? were(deferred, total) + " deferred" + because(summary, false) + " but "
                            + (deferred == 1 ? "has " : "have ") + noOutcome
                    : were(deferred, total) + " deferred" + because(summary, false) + ": " + n(deferred - stale)
                            + " still being retried when the log ended, " + n(stale) + " with " + noOutcome);
        }
        long receivedOnly = summary.count(Verdict.RECEIVED_ONLY);
        if (receivedOnly > 0) {
            parts.add(were(receivedOnly, total) + " received by Salesforce but not yet handed on within the log");
        }
        sb.append(String.join("; ", parts)).append('.');
        if (delivered > 0) {
            sb.append(' ').append(ReportTexts.get("accepted.advice"));
        }
        long problems = sections.stream().flatMap(s -> s.findings().stream()).filter(ReportFindings::problem)
                .count();
        long ours = ownFindings(own).filter(ReportFindings::problem).count();
        if (problems > 0) {
            sb.append(" The checks found ").append(n(problems)).append(problems == 1 ? " problem" : " problems")
                    .append(" on the recipient's side");
            sb.append(ours > 0 ? " and " + n(ours) + " on ours." : ".");
        } else if (ours > 0) {
            sb.append(" The checks found ").append(n(ours)).append(ours == 1 ? " problem" : " problems")
                    .append(" on our own side.");
        }
        List<String> nonStandard = sections.stream().filter(s -> s.findings().stream()
                        .anyMatch(f -> ReportFindings.problem(f) && f.code().startsWith(EDNS)))
                .map(RecipientDomainSection::domain).toList();
        if (!nonStandard.isEmpty()) {
            sb.append(' ').append(aboutNames("conclusion.edns", nonStandard));
        }
        List<String> notChecked = notChecked(sections, own);
        if (!notChecked.isEmpty()) {
            sb.append(' ').append(aboutNames("conclusion.notChecked", notChecked));
        }
        return sb.toString();
    }

    private static Stream<Finding> ownFindings(OwnSideSection own) {
        return Stream.concat(own.domains().stream().flatMap(d -> d.findings().stream()),
                own.otherFindings().stream());
    }

    /**
     * The domains (or, for findings tied to none, the subjects) of the checks this computer's network kept from
     * being made, each once: said apart, for they are neither the recipient's problems nor ours.
     */
    private static List<String> notChecked(List<RecipientDomainSection> sections, OwnSideSection own) {
        Set<String> names = new LinkedHashSet<>();
        // a section's notChecked holds only such findings (ReportBuilder)
        sections.stream().filter(s -> !s.notChecked().isEmpty())
                .forEach(s -> names.add(s.domain()));
        own.domains().stream().filter(d -> d.findings().stream().anyMatch(ReportFindings::notChecked))
                .forEach(d -> names.add(d.domain()));
        own.otherFindings().stream().filter(ReportFindings::notChecked).forEach(f -> names.add(f.subject()));
        return List.copyOf(names);
    }

    /**
     * The sentence {@code key} about some names: ".one" names one, ".some" lists a few ("a.example, b.example and
     * c.example"), ".many" counts them.
     */
    static String aboutNames(String key, List<String> names) {
        if (names.size() == 1) {
            return ReportTexts.format(key + ".one", names.getFirst());
        }
        if (names.size() > NAMES_LISTED) {
            return ReportTexts.format(key + ".many", (long) names.size());
        }
        return ReportTexts.format(key + ".some",
                String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast());
    }

    /**
     * " because X (n), Y (m), Z (l) or other reasons (k)" from the causes of bounces or deferrals. Replies are named
     * by what they say ("Salesforce could not look up the recipient domain in DNS"), rows that say the same counted
     * together. When that makes more than can be named, they are counted per category instead, a category whose
     * replies differ named by its general words, which assert no more than all of them say (a null MX and a failed
     * lookup are both "could not be resolved or routed in DNS"), so that fewer fall into "other reasons".
     */
    private static String because(Summary summary, boolean bounces) {
        Map<String, Long> byPhrase = new LinkedHashMap<>();
        Map<Category, Long> byCategory = new EnumMap<>(Category.class);
        Map<Category, Set<String>> phrases = new EnumMap<>(Category.class);
        summary.causes().stream().filter(c -> (bounces ? c.bounced() : c.deferred()) > 0)
                .sorted(Comparator.comparing(CauseRow::category)).forEach(c -> {
                    long count = bounces ? c.bounced() : c.deferred();
                    byPhrase.merge(c.explanation(), count, Long::sum);
                    byCategory.merge(c.category(), count, Long::sum);
                    phrases.computeIfAbsent(c.category(), k -> new LinkedHashSet<>()).add(c.explanation());
                });
        Map<String, Long> counts = byPhrase;
        if (byPhrase.size() > CAUSES_NAMED) {
            counts = new LinkedHashMap<>();
            for (Map.Entry<Category, Long> e : byCategory.entrySet()) {
                Set<String> said = phrases.get(e.getKey());
                counts.merge(said.size() == 1 ? said.iterator().next() : ReportTexts.cause(e.getKey()), e.getValue(),
                        Long::sum);
            }
        }
        List<Map.Entry<String, Long>> rows = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).toList();
        if (rows.isEmpty()) {
            return "";
        }
        if (rows.size() == 1) {
            return " because " + rows.getFirst().getKey();
        }
        List<String> named = new ArrayList<>();
        long rest = 0;
        for (int i = 0; i < rows.size(); i++) {
            long count = rows.get(i).getValue();
            if (i < CAUSES_NAMED) {
                named.add(rows.get(i).getKey() + " (" + n(count) + ")");
            } else {
                rest += count;
            }
        }
        String joined = rest > 0 ? String.join(", ", named) + " or other reasons (" + n(rest) + ")"
                : String.join(", ", named.subList(0, named.size() - 1)) + " or " + named.getLast();
        return " because " + joined;
    }

    /** "37 were" / "1 was" (or "all 3 were" when it is everything). */
    private static String were(long count, long total) {
        if (count == total && total > 1) {
            return "all " + n(count) + " were";
        }
        return n(count) + (count == 1 ? " was" : " were");
    }

    private static String n(long value) {
        return String.format(Locale.ENGLISH, "%,d", value);
    }

    private static String time(Instant t) {
        return TIME.format(t);
    }
}
