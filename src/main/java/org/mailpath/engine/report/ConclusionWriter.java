package org.mailpath.engine.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.mailpath.engine.analysis.Verdict;
import org.mailpath.engine.check.CheckKind;
import org.mailpath.engine.check.ChecksNotMade;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.status.Category;

/**
 * Writes the one-paragraph conclusion of a report in plain language from its numbers, e.g. "Of the 450 messages
 * to contoso.example, 412 were handed to contoso.example's mail servers and accepted. 37 bounced because …", in
 * the report's language: every phrase is one of its {@link ReportTexts}, the counts and parts its arguments.
 */
final class ConclusionWriter {

    private static final int CAUSES_NAMED = 3;
    /** The copy editor's rule: no sentence of the conclusion runs past 35 words (ConclusionSentenceLengthTest). */
    private static final int MOST_WORDS = 35;
    /** The EDNS checks' codes: a name server that does not meet current DNS standards. */
    private static final String EDNS = "EDNS_";

    private final ReportTexts texts;
    /**
     * The report is addressed to the one recipient domain's mail team ({@link ReportModel#addressedToMailTeam}): its
     * conclusion speaks to that team ("your mail servers", "you can find them in your own logs") where our admin's
     * speaks of "the recipient's mail team", as the part for the team and the labels of its messages do.
     */
    private final boolean toMailTeam;

    ConclusionWriter(ReportTexts texts, boolean toMailTeam) {
        this.texts = texts;
        this.toMailTeam = toMailTeam;
    }

    /**
     * The key of a phrase as the reader is spoken to: its ".you" form in a report addressed to the mail team. Without
     * a fall-back to the plain key, as ReportTexts' causes have: some keys get their ending after it (".one",
     * ".many" in aboutNames), so whether the whole key exists is known only there.
     */
    private String toReader(String key) {
        return toMailTeam ? key + ".you" : key;
    }

    /**
     * @param outsideChecks recipient domains with failed messages that a run of the DNS checks did not include: their
     *                      sections have no findings because nothing was asked, which the problem count must not hide
     * @param checksNotMade by the domain as the report shows it, the checks the run saw meet this computer's network's
     *                      failures ({@link org.mailpath.engine.check.DomainCheckResult#checksNotMade}), which tell
     *                      whose a resolver's failure was
     * The copies of one message to several recipients ({@link TitleBlock#copiesOfOneMessage}) are counted as such
     * ("The one message to X went to 2 recipients: both copies were …"), not as several messages.
     * @param distinctMessages how many distinct messages (Message ID Headers) the report's messages are: fewer than
     *                         them when some went to several recipients, which the opening then says in the unit the
     *                         report counts everywhere, a message to one recipient ("Of the 5 messages to X (3 emails,
     *                         one of them sent to several recipients)")
     * @param sentToSeveral    how many of those distinct messages went to several of the report's recipients
     */
    String write(Summary summary, List<RecipientDomainSection> sections, OwnSideSection own, TitleBlock title,
                 List<String> outsideChecks, Map<String, Set<CheckKind>> checksNotMade, long distinctMessages,
                 long sentToSeveral) {
        long total = title.messagesIncluded();
        if (total == 0) {
            return title.scope().isEmpty() ? texts.get("conclusion.none")
                    : texts.format("conclusion.none.scope", String.join("; ", title.scope()));
        }
        // a report on one recipient domain (one section) is addressed to its mail team (toMailTeam, ReportBuilder):
        // its servers are "your mail servers" and its accepted messages theirs to find, never "the recipient's"
        // the number of domains as it always was written: ungrouped
        String to = toMailTeam ? sections.getFirst().domain()
                : texts.format("conclusion.domains", String.valueOf(sections.size()));
        String servers = texts.get(toMailTeam ? "conclusion.servers.one.you" : "conclusion.servers.many");
        // no period: every format gives it just before the conclusion (the title block's "Period covered", the
        // note's intro), and a second time in another date format only made the reader compare the two
        boolean copies = title.copiesOfOneMessage();
        // some of several distinct messages went to several recipients: the opening counts messages as the report
        // does everywhere (one message to one recipient: the domain list's, the cover's and the tables' count) and
        // says the emails they are in brackets; its parts count those messages ("4 were handed …"). "Of the 9
        // copies of 8 messages" beside "9 messages" on the same screen counted one thing two ways
        boolean copiesOfMany = !copies && total > 1 && distinctMessages > 1 && distinctMessages < total;
        String opening = total == 1 ? texts.format("conclusion.opening.one", to)
                : copies ? texts.format("conclusion.opening.copies", total, to)
                : copiesOfMany ? texts.format("conclusion.opening.many.emails", total, to, distinctMessages,
                        Math.max(1, sentToSeveral))
                : texts.format("conclusion.opening.many", total, to);
        // the one message is the opening's subject: "The one message to X bounced because …", not "Of the one
        // message to X, 1 bounced"; its part is then the ".only" form of its phrase, which counts nothing
        String only = total == 1 ? ".only" : "";
        List<String> parts = new ArrayList<>();
        long delivered = summary.count(Verdict.DELIVERED);
        long viaRelay = Math.min(delivered, title.deliveriesViaRelay());
        if (delivered > 0 && viaRelay == delivered) {
            // Salesforce's D proves only the hand-off to our Email Relay: never "handed to your mail servers"
            parts.add(texts.format("conclusion.delivered.relay" + only, were(delivered, total, copies), servers));
        } else if (delivered > 0) {
            // some to our Email Relay: counted apart, those handed to the recipients' servers first (the retries are
            // counted over all deliveries, so they are not told of one part)
            long direct = delivered - viaRelay;
            parts.add(summary.deliveredAfterRetry() > 0 && viaRelay == 0
                    ? texts.format("conclusion.delivered.retried" + only, were(delivered, total, copies), servers,
                            summary.deliveredAfterRetry(), delivered)
                    : texts.format("conclusion.delivered" + only, were(direct, total, copies), servers));
            // of the delivered messages of a log without the TLS_Cipher column, those that may only have been handed
            // to another Salesforce server (HandoffCount tells them by their relay host): none, some, or all
            long maybeHandoffs = title.deliveriesMaybeHandoffs();
            if (title.withoutTlsColumn() && maybeHandoffs > 0) {
                // as the title block's caveat says, from the same count: without the column a D may be a hand-off
                // to another of Salesforce's servers (one to a public relay address is counted as a delivery); one
                // to a host of the recipient's own is not, and is not hedged
                parts.set(parts.size() - 1, parts.getLast() + (maybeHandoffs >= direct
                        ? texts.format("conclusion.delivered.noTlsColumn", direct)
                        : texts.format("conclusion.delivered.noTlsColumn.some", maybeHandoffs, direct)));
            }
            if (viaRelay > 0) {
                parts.add(texts.format("conclusion.delivered.relay.apart", were(viaRelay, total, copies)));
            }
        }
        long bounced = summary.count(Verdict.BOUNCED);
        if (bounced > 0) {
            String key = copies || bounced < total ? "conclusion.bounced" : total == 1 ? "conclusion.bounced.only"
                    : total == 2 ? "conclusion.bounced.both" : "conclusion.bounced.all";
            Object count = copies ? copies(bounced, total) : bounced;
            parts.add(withCauses(lead(parts, opening), because(summary, true), why -> texts.format(key, count, why),
                    "conclusion.bounced.why", bounced));
        }
        long deferred = summary.count(Verdict.DEFERRED);
        long stale = summary.staleDeferrals();
        if (deferred > 0) {
            String were = were(deferred, total, copies);
            // the outcome in a sentence of its own after the causes: after a bare reply code's hedged words, "with no
            // outcome yet when the log ended (…)" made one of some 41 words, and with the counts of the stale ones
            // and the reason their outcome is missing, of 45 or more
            // Salesforce retries for 24 hours at most: a deferral older than that should have ended in a P or a D
            String noOutcome = texts.get("conclusion.noOutcome");
            parts.add(withCauses(lead(parts, opening), because(summary, false),
                    why -> texts.format("conclusion.deferred" + only, were, why), "conclusion.deferred.why", deferred)
                    + ". " + (stale == 0 ? texts.format("conclusion.deferred.pending", deferred)
                    : stale == deferred ? texts.format("conclusion.deferred.stale", deferred, noOutcome)
                    : texts.format("conclusion.deferred.partlyStale", deferred - stale, stale, noOutcome)));
        }
        long receivedOnly = summary.count(Verdict.RECEIVED_ONLY);
        long staleReceived = summary.staleReceived();
        if (receivedOnly > 0 && staleReceived == 0) {
            parts.add(texts.format("conclusion.receivedOnly" + only, were(receivedOnly, total, copies)));
        } else if (receivedOnly > 0) {
            // Salesforce hands a message on as it receives it, deferring or bouncing it within 24 hours: an R older
            // than that with nothing after it means the log misses rows, as a stale deferral's missing outcome does
            String noOutcome = texts.get("conclusion.receivedOnly.noOutcome");
            parts.add(staleReceived == receivedOnly
                    ? texts.format(total == 1 ? "conclusion.receivedOnly.stale.only" : receivedOnly == 1
                            ? "conclusion.receivedOnly.stale.one" : "conclusion.receivedOnly.stale.some",
                            were(receivedOnly, total, copies), noOutcome)
                    : texts.format("conclusion.receivedOnly.partlyStale", were(receivedOnly, total, copies),
                            receivedOnly - staleReceived, staleReceived, noOutcome));
        }
        // the opening takes the first part; each other part is a sentence of its own: joined by semicolons, a log with
        // every outcome made one sentence of some 90 words, which the copy editor found too long to follow
        // but for the emails' brackets, which with the part's sentence (all to our Email Relay, all received only)
        // ran past the copy editor's 35 words: they say the emails in a sentence of their own, the part then too
        boolean apart = copiesOfMany && !parts.isEmpty()
                && words(opening) + words(parts.getFirst().split("\\. ", 2)[0]) > MOST_WORDS;
        StringBuilder sb = new StringBuilder(apart
                ? texts.format("conclusion.opening.many.emails.apart", total, to, distinctMessages,
                        Math.max(1, sentToSeveral)) + " " + sentence(parts.getFirst())
                : texts.format(copies ? "conclusion.opening.copies.join" : "conclusion.opening" + only, opening,
                        parts.isEmpty() ? "" : parts.getFirst()));
        parts.stream().skip(1).forEach(part -> sb.append(' ').append(sentence(part)));
        if (delivered > 0) {
            String reader = toMailTeam ? ".you" : ".many";
            // with a list limit some accepted messages are counted but not listed: their Message ID Headers are not
            // "listed in this report", which says how many it lists and where all are
            long listed = sections.stream().flatMap(s -> s.messages().stream())
                    .filter(m -> m.verdict() == Verdict.DELIVERED).count();
            sb.append(' ').append(viaRelay == delivered ? texts.get("accepted.advice.relay" + reader)
                    : listed >= delivered ? texts.get("accepted.advice" + reader)
                    : texts.format("accepted.advice.notAllListed" + reader, listed, delivered));
            if (viaRelay > 0 && viaRelay < delivered) {
                // the ones our relay took are in the recipients' logs only if the relay delivered them
                sb.append(' ').append(texts.get("accepted.advice.relay.caveat" + reader));
            }
        }
        // a recipient section's finding is counted on the side its actor says, as set for the report (a domain that
        // does not exist is our address to correct): "on your side" beside a card naming our admin contradicted it
        List<Finding> sectionProblems = sections.stream().flatMap(s -> s.findings().stream())
                .filter(ReportFindings::problem).toList();
        long problems = sectionProblems.stream().filter(f -> !oursToAct(f)).count();
        long ours = ownFindings(own).filter(ReportFindings::problem).count()
                + sectionProblems.stream().filter(ConclusionWriter::oursToAct).count();
        if (problems > 0) {
            String number = problems == 1 ? ".one" : ".some";
            sb.append(' ').append(ours > 0
                    ? texts.format(toReader("conclusion.problems.both" + number), problems, ours)
                    : texts.format(toReader("conclusion.problems.theirs" + number), problems));
        } else if (ours > 0) {
            sb.append(' ').append(texts.format("conclusion.problems.ours" + (ours == 1 ? ".one" : ".some"), ours));
        }
        List<String> nonStandard = sections.stream().filter(s -> s.findings().stream()
                        .anyMatch(f -> ReportFindings.problem(f) && f.code().startsWith(EDNS)))
                .map(RecipientDomainSection::domain).toList();
        if (!nonStandard.isEmpty()) {
            sb.append(' ').append(texts.aboutNames("conclusion.edns", nonStandard));
        }
        if (!outsideChecks.isEmpty()) {
            sb.append(' ').append(texts.aboutNames(toReader("conclusion.outsideChecks"), outsideChecks));
        }
        NotCheckedDomains notChecked = notChecked(sections, own, checksNotMade);
        if (!notChecked.whole().isEmpty()) {
            sb.append(' ').append(texts.aboutNames(toReader("conclusion.notChecked"), notChecked.whole()));
        }
        notChecked.byChecks().forEach((checks, names) -> sb.append(' ').append(
                texts.aboutNames(toReader("conclusion.notCheckedPart"), names, texts.checksPhrase(checks))));
        return sb.toString();
    }

    /**
     * The domains none of whose checks can be said to have been made ({@code whole}), and those of which only some
     * checks could not be made, by the set of those checks (so that "the other checks were made" holds for each).
     */
    private record NotCheckedDomains(List<String> whole, Map<Set<String>, List<String>> byChecks) {
    }

    /** Whether a finding names our side to act: our admin, our network, or Salesforce's support. */
    private static boolean oursToAct(Finding f) {
        return f.actor() == Actor.SENDER_ADMIN || f.actor() == Actor.LOCAL_NETWORK
                || f.actor() == Actor.SALESFORCE_SUPPORT;
    }

    private static Stream<Finding> ownFindings(OwnSideSection own) {
        return Stream.concat(own.domains().stream().flatMap(d -> d.findings().stream()),
                own.otherFindings().stream());
    }

    /**
     * The domains (or, for findings tied to none, the subjects) of the checks this computer's network kept from
     * being made, each once: said apart, for they are neither the recipient's problems nor ours. A domain is not
     * checked as a whole only when nothing else was found about it, or a failure any check meets (the resolver's)
     * does not say which checks were made ({@code kinds}, by the domain as shown, tells whose it was when the run
     * knew: {@link ChecksNotMade#named}); a domain with other results and only, say, its blocklist checks not made
     * is named with those checks.
     */
    private static NotCheckedDomains notChecked(List<RecipientDomainSection> sections, OwnSideSection own,
                                                Map<String, Set<CheckKind>> kinds) {
        Set<String> whole = new LinkedHashSet<>();
        Map<Set<String>, List<String>> byChecks = new LinkedHashMap<>();
        // a section's notChecked holds only such findings (ReportBuilder)
        sections.stream().filter(s -> !s.notChecked().isEmpty())
                .forEach(s -> place(s.domain(), s.notChecked(), !s.findings().isEmpty(),
                        kinds.getOrDefault(s.domain(), Set.of()), whole, byChecks));
        own.domains().forEach(d -> {
            List<Finding> unmade = d.findings().stream().filter(ReportFindings::notChecked).toList();
            if (!unmade.isEmpty()) {
                place(d.domain(), unmade, unmade.size() < d.findings().size(),
                        kinds.getOrDefault(d.domain(), Set.of()), whole, byChecks);
            }
        });
        own.otherFindings().stream().filter(ReportFindings::notChecked).forEach(f -> whole.add(f.subject()));
        byChecks.values().forEach(names -> names.removeAll(whole));
        byChecks.values().removeIf(List::isEmpty);
        return new NotCheckedDomains(List.copyOf(whole), byChecks);
    }

    private static void place(String domain, List<Finding> unmade, boolean othersMade, Set<CheckKind> kinds,
                              Set<String> whole, Map<Set<String>, List<String>> byChecks) {
        Optional<Set<String>> checks = ChecksNotMade.named(unmade, othersMade, kinds);
        if (checks.isEmpty()) {
            whole.add(domain);
            return;
        }
        // in the order of ChecksNotMade.CHECKS, so the same checks make the same key and phrase
        List<String> names = byChecks.computeIfAbsent(checks.get(), k -> new ArrayList<>());
        if (!names.contains(domain)) {
            names.add(domain);
        }
    }

    /**
     * Why some messages bounced or were deferred, said after their count: {@code inline} in its sentence, {@code after}
     * the sentences that follow it (with the period that ends it, and none of their own at the end: the part's
     * sentence gets it), or nothing; {@code one} the one cause's phrase, for a sentence of its own when inline it
     * would make too long a sentence ({@link #withCauses}), or nothing when there are several or none.
     */
    private record Causes(String inline, String after, String one) {

        static final Causes NONE = new Causes("", "", "");
    }

    /**
     * The part a count of failed messages and their causes make ("2 bounced because X", from {@code part} given the
     * inline causes), their causes after it when several; when there is one and the sentence would run past the copy
     * editor's {@link #MOST_WORDS} with what goes before it in its sentence ({@code lead}, the opening's for the first
     * part), the count alone and the cause in a sentence of its own ({@code whyKey}, "They bounced because X"): a bare
     * reply code's hedged words are some 30 words themselves.
     */
    private String withCauses(String lead, Causes causes, Function<String, String> part, String whyKey, long count) {
        String inline = part.apply(causes.inline());
        if (causes.one().isEmpty() || words(lead) + words(inline) <= MOST_WORDS) {
            return inline + causes.after();
        }
        return part.apply("") + ". " + texts.format(whyKey, count, causes.one());
    }

    /** What goes before a part in its sentence: the opening, for the first part; else nothing. */
    private static String lead(List<String> parts, String opening) {
        return parts.isEmpty() ? opening : "";
    }

    private static int words(String text) {
        return text.isBlank() ? 0 : text.trim().split("\\s+").length;
    }

    /**
     * " because X" from the one cause of bounces or deferrals; of several, " for 5 different reasons", each named in a
     * short sentence of its own after it ("For 3 of them, X. For 1 of them, Y. The other 2 had 2 other reasons"):
     * in one sentence a list of three causes, each up to some 25 words when hedged, ran past 60 words.
     * Replies are named by what they say ("Salesforce could not look up the recipient domain in DNS"), rows that say the same
     * counted together. When that makes more than can be named, they are counted per category instead, a category whose
     * replies differ named by its general words, which assert no more than all of them say (a null MX and a failed
     * lookup are both "could not be resolved or routed in DNS"), so that fewer fall among "other reasons".
     */
    private Causes because(Summary summary, boolean bounces) {
        Map<String, Long> byPhrase = new LinkedHashMap<>();
        Map<Group, Long> byGroup = new LinkedHashMap<>();
        Map<Group, Set<String>> phrases = new LinkedHashMap<>();
        // the groups with a reply the category's general words would say more of than it does
        Set<Group> beyondWords = new HashSet<>();
        summary.causes().stream().filter(c -> (bounces ? c.bounced() : c.deferred()) > 0)
                .sorted(Comparator.comparing(CauseRow::category)).forEach(c -> {
                    long count = bounces ? c.bounced() : c.deferred();
                    // the replies of a bare basic code are counted apart: the category's general words would state
                    // as fact what their code only makes likely, and their hedge would doubt the replies that said it
                    // so are those our side must act on: counted with the rest, the category's general words ("your
                    // servers throttled …") would say them too
                    Group group = Group.of(c);
                    byPhrase.merge(c.explanation(), count, Long::sum);
                    byGroup.merge(group, count, Long::sum);
                    phrases.computeIfAbsent(group, k -> new LinkedHashSet<>()).add(c.explanation());
                    if (!categoryWordsHold(c)) {
                        beyondWords.add(group);
                    }
                });
        Map<String, Long> counts = byPhrase;
        if (byPhrase.size() > CAUSES_NAMED) {
            counts = new LinkedHashMap<>();
            for (Map.Entry<Group, Long> e : byGroup.entrySet()) {
                Set<String> said = phrases.get(e.getKey());
                counts.merge(said.size() == 1 ? said.iterator().next()
                        : words(e.getKey(), beyondWords.contains(e.getKey())), e.getValue(), Long::sum);
            }
        }
        List<Map.Entry<String, Long>> rows = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).toList();
        if (rows.isEmpty()) {
            return Causes.NONE;
        }
        if (rows.size() == 1) {
            return new Causes(texts.format("conclusion.because", rows.getFirst().getKey()), "",
                    rows.getFirst().getKey());
        }
        // a single cause left over is named too: "or for 1 other reason" would say less in the same space
        int shown = rows.size() <= CAUSES_NAMED + 1 ? rows.size() : CAUSES_NAMED;
        List<String> named = new ArrayList<>();
        long rest = 0;
        for (int i = 0; i < rows.size(); i++) {
            long count = rows.get(i).getValue();
            if (i < shown) {
                named.add(texts.format("conclusion.cause", rows.get(i).getKey(), count));
            } else {
                rest += count;
            }
        }
        // how many causes the rest are, so that a long tail of single bounces does not read as one big cause
        if (rest > 0) {
            named.add(texts.format("conclusion.causes.rest", rest, rows.size() - shown));
        }
        return new Causes(texts.format("conclusion.because.several", rows.size()), ". " + String.join(". ", named),
                "");
    }

    /** A part of the opening ("all 3 were deferred …") as a sentence of its own: "All 3 were deferred …." */
    private String sentence(String part) {
        return part.substring(0, 1).toUpperCase(texts.language()) + part.substring(1) + ".";
    }

    /** "1 copy", "2 copies", "all 3 copies", "both copies": of the copies of one message, without a verb. */
    private String copies(long count, long total) {
        if (count == total) {
            return total == 2 ? texts.get("conclusion.copies.both") : texts.format("conclusion.copies.all", count);
        }
        return texts.format(count == 1 ? "conclusion.copies.one" : "conclusion.copies.some", count);
    }

    /**
     * For a category whose general words say more than some of its replies: the rules whose replies they hold for.
     * DNS's ("the recipient domain's DNS gave Salesforce no mail server it could use") hold for a failed lookup, no
     * MX or A record, a null MX, an MX on a private address and a reply saying no route was found (X.4.4); not for
     * Salesforce's "[internal] no mail servers for this domain could be reached", which Salesforce puts down more
     * often to the recipient's servers blocking it than to their DNS (knowledge article 000212858, docs/findings.md),
     * nor for a reply of a server Salesforce did reach (Gmail's "domain not found", X.4.3's directory failure).
     * Its categories must be those with {@code cause.group.CATEGORY} words in report-text.properties.
     */
    private static final Map<Category, Set<String>> CATEGORY_WORDS_HOLD = Map.of(Category.DNS, Set.of(
            "salesforce.domain-lookup-failed", "salesforce.no-mx-or-a", "salesforce.null-mx",
            "salesforce.private-address", "enhanced:X.1.10", "basic:556", "enhanced:X.4.4"));

    /**
     * Whether the category's general words ({@link ReportTexts#causeWords(Category, boolean)}) hold for every reply of a
     * cause row: always, but for a category of {@link #CATEGORY_WORDS_HOLD} only for the rules named there (a row
     * without a rule is not known to be one of them).
     */
    private static boolean categoryWordsHold(CauseRow row) {
        Set<String> hold = CATEGORY_WORDS_HOLD.get(row.category());
        return hold == null || !row.rules().isEmpty() && hold.containsAll(row.rules());
    }

    /**
     * The words the conclusion says {@code group}'s replies in when they are counted together in several phrases:
     * those {@link ReportTexts#causeWords(Category, String, Actor, boolean)} chooses for its category, hedged and on
     * our side as its rows' own words are, or its wider words ({@code wider}: {@link #categoryWordsHold}).
     */
    String words(Group group, boolean wider) {
        return texts.groupCause(group.category(), group.basic(), group.ours(), wider, toMailTeam);
    }

    /**
     * The causes of a category counted together: those resting on a bare basic code ({@code basic}) apart, and those
     * our side must act on ({@code ours}) apart, said in the category's words for our side where they differ. Both
     * are the row's, as the choice of its words made them ({@link CauseRow#basicCodeOnly},
     * {@link CauseRow#ourSideWords}): not read again from its phrase.
     */
    record Group(Category category, boolean basic, boolean ours) {

        static Group of(CauseRow row) {
            return new Group(row.category(), row.basicCodeOnly(), row.ourSideWords());
        }
    }

    /**
     * "37 were" / "1 was" (or "all 3 were" when it is everything, "both were" when that is two); of the copies of one
     * message, "2 copies were", "both copies were".
     */
    private String were(long count, long total, boolean copies) {
        if (copies) {
            return texts.format("conclusion.copies.were", copies(count, total), count);
        }
        if (count == total && total > 1) {
            return texts.format(total == 2 ? "conclusion.count.both" : "conclusion.count.all", count);
        }
        return texts.format(count == 1 ? "conclusion.count.one" : "conclusion.count.some", count);
    }
}
