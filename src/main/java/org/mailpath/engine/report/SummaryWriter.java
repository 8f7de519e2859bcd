package org.mailpath.engine.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.analysis.Verdict;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.status.Category;
import org.mailpath.engine.status.Diagnosis;
import org.mailpath.engine.status.RelayDiagnoses;

/**
 * The report's summary: its counts and its causes table, a row per cause of the failed messages, each worded as
 * the messages' own words have it ({@link MessageWording}).
 */
final class SummaryWriter {

    private final ReportTexts texts;
    private final MessageWording wording;

    SummaryWriter(ReportTexts texts, MessageWording wording) {
        this.texts = texts;
        this.wording = wording;
    }

    /**
     * The causes table: one row per meaning, owner and fix, so that a row never tells one team to do what only
     * some of its messages need (a null MX is the domain's choice, a failed lookup may be a typo: both are DNS).
     * In a report addressed to the recipient domain's mail team ({@code toMailTeam}) each row also has the meaning
     * and the fix in that team's words, as its messages have them: what is theirs to do asked of them, what is ours
     * said as ours, never our admin's instructions ("check your Salesforce settings"); its explanation, which the
     * conclusion quotes, speaks to them too ("your servers refused …", not "the recipient's"). The report on several
     * domains, which the recipients' mail teams read too, has the fix in the team's words as well (its causes table
     * gives a row on their side in them), while its meaning stays our admin's. A row keeps apart the messages whose
     * words for the team differ.
     */
    Summary summary(List<MessageChain> all, List<RankedChain> ranked, Map<Verdict, Long> verdicts,
                    List<RecipientDomainSection> sections, Redactor r, boolean toMailTeam) {
        Map<CauseKey, CauseTally> tallies = new LinkedHashMap<>();
        for (RankedChain k : ranked) {
            if (k.verdict() != Verdict.BOUNCED && k.verdict() != Verdict.DEFERRED) {
                continue;
            }
            MessageChain c = all.get(k.index());
            Category cat = c.category().orElse(Category.UNKNOWN);
            Optional<Diagnosis> d = c.diagnosis();
            MessageWords m = wording.words(c, r, toMailTeam);
            // a small message refused as too large: the words it shares with every such message, its size left
            // out, or each size would be a row of its own (its entry keeps its size)
            Optional<MessageChain.SharedWords> shared = m.shared();
            Optional<NoMailDomain> fact = m.fact().replaces();
            String cause = m.cause();
            String meaning = shared.filter(w -> fact.isEmpty()).map(w -> r.ourText(w.explanation()))
                    .orElse(m.explanation());
            // a stale deferral's or an unreachable domain's words are its message's, not those every such reply shares
            boolean ownWords = c.stale() || fact.isPresent() || m.fact().note().isPresent();
            String remediation = shared.filter(w -> !ownWords).map(w -> r.ourText(w.remediation()))
                    .orElse(m.remediation());
            String teamMeaning = shared.filter(w -> fact.isEmpty()).map(w -> r.ourText(w.mailTeamExplanation()))
                    .orElse(m.mailTeamExplanation());
            String teamRemediation = rowWords(shared.filter(w -> !ownWords).map(w -> r.ourText(w.mailTeamRemediation()))
                    .orElse(m.mailTeamRemediation()));
            CauseKey key = new CauseKey(cat, cause, meaning, m.actor(), remediation,
                    toMailTeam ? teamMeaning : "", teamRemediation, m.basicCodeOnly(), m.stoppedBy(),
                    m.likelyTypo(), m.ourSideWords(), RelayDiagnoses.isRelays(c.diagnosis()));
            CauseTally t = tallies.computeIfAbsent(key, x -> new CauseTally());
            if (c.verdict() == Verdict.BOUNCED) {
                t.bounced++;
            } else {
                t.deferred++;
            }
            t.domains.add(wording.shownDomain(c.recipientDomain(), r));
            d.ifPresent(x -> t.rules.add(x.ruleId()));
        }
        List<CauseRow> causes = new ArrayList<>();
        // a row of replies diagnosed from their basic code alone is hedged in its label as in its explanation
        // a row of our Email Relay's replies is labelled as the relay's: the recipient's domain played no part in it
        tallies.forEach((k, t) -> causes.add(new CauseRow(k.category(), k.basicCodeOnly()
                ? texts.basicLabel(k.category(), k.relay()) : texts.label(k.category(), k.relay()), t.bounced,
                t.deferred, k.actor(), k.explanation(), k.remediation(), k.meaning(), List.copyOf(t.domains),
                List.copyOf(t.rules), k.mailTeamMeaning(), k.mailTeamRemediation(), k.basicCodeOnly(),
                k.stoppedBy(), k.likelyTypo(), k.ourSideWords())));
        // a category's rows stay together, the category of most messages first, as the conclusion counts them
        Map<Category, Long> byCategory = new EnumMap<>(Category.class);
        causes.forEach(c -> byCategory.merge(c.category(), c.total(), Long::sum));
        causes.sort(Comparator.comparingLong((CauseRow c) -> -byCategory.get(c.category()))
                .thenComparing(CauseRow::category)
                .thenComparing(Comparator.comparingLong(CauseRow::total).reversed())
                .thenComparing(Comparator.comparingLong(CauseRow::bounced).reversed())
                .thenComparing(CauseRow::explanation).thenComparing(CauseRow::meaning)
                .thenComparing(CauseRow::remediation).thenComparing(CauseRow::mailTeamMeaning)
                .thenComparing(CauseRow::mailTeamRemediation));
        // counted from what ranks the chains, taken when each chain was made first, not made again here
        long retried = ranked.stream().filter(RankedChain::afterRetry).count();
        long stale = ranked.stream().filter(RankedChain::stale).count();
        long staleReceived = ranked.stream().filter(RankedChain::staleReceived).count();
        return new Summary(verdicts, retried, causes,
                sections.stream().map(RecipientDomainSection::counts).toList(), stale, staleReceived);
    }

    /**
     * A row's fix for the team: the general advice that speaks of "the reply below (quoted exactly as logged)" said
     * as a row of the causes table says it, where the replies are under the messages, masked in a redacted report.
     * Only the advice is swapped: a note the DNS checks put after it ({@link MessageWording}) stays.
     */
    private String rowWords(String teamRemediation) {
        String advice = texts.mailTeamAdvice(Actor.RECIPIENT_MAIL_TEAM);
        return teamRemediation.startsWith(advice)
                ? texts.get("mailTeam.advice.RECIPIENT_MAIL_TEAM.row") + teamRemediation.substring(advice.length())
                : teamRemediation;
    }

    /**
     * What makes a cause row: the same category, wording, owner and fix (and words for the mail team, if any).
     * {@code basicCodeOnly} ({@link MessageWords#basicCodeOnly}) follows from the category and the explanation, so
     * it splits no row; it is carried so the row's label and the conclusion read the decision instead of re-deriving
     * it. So is {@code stoppedBy} ({@link MessageWords#stoppedBy}): who owns what stopped a stale deferral follows
     * from its reply, whose meaning is the row's. So is {@code likelyTypo} ({@link MessageWords#likelyTypo}), which
     * the row's advice says in its note. So is {@code ourSideWords} ({@link MessageWords#ourSideWords}), chosen with
     * the explanation for the same rule and actor.
     */
    private record CauseKey(Category category, String explanation, String meaning, Actor actor,
                            String remediation, String mailTeamMeaning, String mailTeamRemediation,
                            boolean basicCodeOnly, Actor stoppedBy, boolean likelyTypo, boolean ourSideWords,
                            boolean relay) {
    }

    /** The counts of one cause row as the messages are gone through. */
    private static final class CauseTally {
        private long bounced;
        private long deferred;
        private final Set<String> domains = new TreeSet<>();
        private final Set<String> rules = new TreeSet<>();
    }
}
