package org.mailpath.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.analysis.Verdict;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.report.ChainDomainFacts;
import org.mailpath.engine.report.DomainFacts;
import org.mailpath.engine.report.LogEvidence;
import org.mailpath.engine.report.NotYetHandedOn;
import org.mailpath.engine.report.ReportTexts;
import org.mailpath.engine.status.Category;
import org.mailpath.engine.status.Diagnosis;
import org.mailpath.engine.status.RelayDiagnoses;

/**
 * The "What to do" part of the text summary: the causes of bounces and deferrals by who must act, then by category
 * (each category once under its actor), with the category's distinct fixes beneath. Every fix for our own side (our
 * admin, Salesforce support, our network) is listed, first: those are the ones the reader can act on. Where the
 * recipient's mail team acts, or nobody must, only the largest fixes of each category are shown and the rest counted.
 * A received-only message past Salesforce's 24 hours ({@link MessageChain#staleReceived}) has no reply and so no cause
 * category, but it has someone to act and a fix ({@link ChainAdvice}), as in the report: it is listed under its actor
 * after the categories, as the log's missing rows rather than a cause of failure. One still within the 24 hours is
 * listed there too, with the app's next step (a log that runs later, {@link NotYetHandedOn}) and as the app names who
 * acts (our admin): a log of only such messages had no "What to do" at all.
 */
final class WhatToDo {

    /** Fixes shown per category where someone else acts; the rest are counted in one line. */
    static final int OTHER_SIDE_FIXES = 2;

    /** The example of a cause whose reply has no text (the command line is English only). */
    static final String NO_REPLY_TEXT = "(no reply text)";

    /** Our side first: those fixes are never left out. */
    private static final List<Actor> ORDER = List.of(Actor.SENDER_ADMIN, Actor.SALESFORCE_SUPPORT, Actor.LOCAL_NETWORK,
            Actor.RECIPIENT_MAIL_TEAM, Actor.NOBODY);

    /**
     * One knowledge rule that decided failures, with what to do about them: how often, and one example reply. A
     * rule's deferrals and bounces are two causes where its words for a deferral differ ("resend later" is for a
     * bounce: Salesforce retries a deferral itself).
     */
    private record Cause(Diagnosis diagnosis, Actor actor, String remediation, long bounced, long deferred,
                         String exampleStatus, String exampleDomain, String meaning, Optional<String> alsoForMailTeam) {
        long total() {
            return bounced + deferred;
        }
    }

    /** The rules of one category and actor that share a remediation: one thing to do. */
    private record Fix(String remediation, List<Cause> causes) {
        long bounced() {
            return causes.stream().mapToLong(Cause::bounced).sum();
        }

        long deferred() {
            return causes.stream().mapToLong(Cause::deferred).sum();
        }

        long total() {
            return bounced() + deferred();
        }

        /** The most frequent rule: its meaning and example stand for the fix. */
        Cause main() {
            return causes.getFirst();
        }
    }

    /**
     * Received-only messages of one actor and fix: how many, and the last row and domain of the first as the example;
     * {@code stale} when the log misses their later rows (it goes on for more than 24 hours after them), else they
     * may simply not have been handed on before the log ended.
     */
    private record MissingRows(Actor actor, String remediation, long count, Instant exampleLastRow,
                               String exampleDomain, boolean stale) {
        MissingRows plus(MissingRows other) {
            return new MissingRows(actor, remediation, count + other.count, exampleLastRow, exampleDomain, stale);
        }
    }

    /** By rule id and remediation. */
    private final Map<List<String>, Cause> byRule = new LinkedHashMap<>();

    /** What the DNS checks found of the recipient domains (none without --check-dns). */
    private final DomainFacts facts;
    /** What the log's other messages tell of a failed one. */
    private final LogEvidence log;

    /** The log's last event: what a received-only message's next step names. */
    private final Optional<Instant> logEnd;

    WhatToDo() {
        this(DomainFacts.none(), LogEvidence.none(), Optional.empty());
    }

    WhatToDo(DomainFacts facts, LogEvidence log, Optional<Instant> logEnd) {
        this.facts = facts;
        this.log = log;
        this.logEnd = logEnd;
    }

    /** By actor and remediation. */
    private final Map<List<Object>, MissingRows> missingRows = new LinkedHashMap<>();

    /**
     * Counts the chain's cause, if it has one (bounced and deferred chains do), or, for a received-only chain, its
     * next step: a stale one's missing rows (its last row is more than 24 hours before the log's end), a fresh one's
     * later log.
     */
    void add(MessageChain c) {
        if (c.verdict() == Verdict.RECEIVED_ONLY && !c.events().isEmpty()) {
            // a stale one is its missing outcome's (a received-only chain is never a likely typo nor a lookup failure
            // that came and went); one within the 24 hours names no one in the report, and the app names our admin,
            // who requests a later log: the actor the JSON gives too (ChainAdvice#actor)
            ChainDomainFacts chainFacts = facts.forChain(c);
            Optional<String> remediation = ChainAdvice.remediation(chainFacts, log, logEnd);
            ChainAdvice.actor(chainFacts, log, remediation).ifPresent(actor -> {
                String words = remediation.orElse("");
                missingRows.merge(List.of(actor, words), new MissingRows(actor, words, 1,
                        c.events().getLast().time(), c.recipientDomain(), c.staleReceived()), MissingRows::plus);
            });
            return;
        }
        c.diagnosis().ifPresent(d -> {
            // what the checks found of its domain, resolved once for the several questions below (a delivered
            // message, which has no diagnosis, asks none)
            ChainDomainFacts chainFacts = facts.forChain(c);
            boolean bounced = c.verdict() == Verdict.BOUNCED;
            // a small message refused as too large has words of its own: those it shares with every such message,
            // without its size, so that messages of different sizes are one thing to do
            // a stale deferral's advice is its own (ChainAdvice): request a log that covers its outcome
            // and so is one whose domain the checks found no mail can reach (DomainFacts), as in the report
            Optional<MessageChain.SharedWords> shared = c.stale() || chainFacts.changesWords() ? Optional.empty()
                    : c.sharedWords(Locale.ENGLISH);
            String remediation = shared.map(MessageChain.SharedWords::remediation)
                    .or(() -> ChainAdvice.remediation(chainFacts, log)).orElse("");
            String meaning = shared.map(MessageChain.SharedWords::explanation)
                    .or(() -> ChainAdvice.explanation(chainFacts, log)).orElse(d.explanation());
            // the actor follows the remediation (a bounce's "send it again" is ours, a likely typo's note is ours to
            // check first), so the key holds both; deferrals that lasted until Salesforce gave up have words of their
            // own (a remediation that says so), so a cause's messages all were, or none
            byRule.merge(List.of(d.ruleId(), remediation), new Cause(d, chainFacts.actor(log)
                            .orElse(d.actor()), remediation,
                            bounced ? 1 : 0, bounced ? 0 : 1, c.status(), c.recipientDomain(), meaning,
                            ChainAdvice.alsoForMailTeam(chainFacts, log)),
                    (x, y) -> new Cause(x.diagnosis(), x.actor(), x.remediation(), x.bounced() + y.bounced(),
                            x.deferred() + y.deferred(), x.exampleStatus(), x.exampleDomain(), x.meaning(),
                            x.alsoForMailTeam()));
        });
    }

    void write(PrintWriter out) {
        if (byRule.isEmpty() && missingRows.isEmpty()) {
            return;
        }
        Map<Actor, Map<Category, List<Fix>>> plan = plan();
        out.println();
        out.println("What to do (grouped by whoever must act; each cause category with its fixes)");
        for (Actor actor : ORDER) {
            Map<Category, List<Fix>> categories = plan.getOrDefault(actor, Map.of());
            List<MissingRows> missing = missingRows.values().stream().filter(m -> m.actor() == actor).toList();
            if (categories.isEmpty() && missing.isEmpty()) {
                continue;
            }
            List<Fix> all = categories.values().stream().flatMap(List::stream).toList();
            out.println("  " + ActorWords.heading(actor) + ": " + counts(sum(all, Fix::bounced),
                    sum(all, Fix::deferred), missing.stream().mapToLong(MissingRows::count).sum()));
            boolean ourSide = ORDER.indexOf(actor) < ORDER.indexOf(Actor.RECIPIENT_MAIL_TEAM);
            categories.forEach((category, fixes) -> category(out, category, fixes, ourSide));
            if (!missing.isEmpty()) {
                missing(out, missing);
            }
        }
    }

    /** The received-only messages an actor is to look into, each fix with every message it holds (few, if any). */
    private static void missing(PrintWriter out, List<MissingRows> all) {
        for (boolean stale : List.of(true, false)) {
            List<MissingRows> missing = all.stream().filter(m -> m.stale() == stale).toList();
            if (missing.isEmpty()) {
                continue;
            }
            // the fresh ones in the report's words (conclusion.receivedOnly, the mail team's intro)
            out.println("    Received only, " + (stale ? "no outcome after 24 hours"
                    : "not yet handed to any mail server outside Salesforce when the log ended")
                    + " (RECEIVED_ONLY): " + counts(0, 0, missing.stream().mapToLong(MissingRows::count).sum()));
            for (MissingRows m : missing) {
                out.println("      - To do: " + m.remediation());
                out.println("        Meaning: " + (stale ? "The log shows no delivery, deferral or bounce after"
                        + " Salesforce received the message, although it goes on for more than 24 hours."
                        : NotYetHandedOn.meaning(ReportTexts.english())));
                out.println("        Example" + (missing.size() > 1 ? " (" + counts(0, 0, m.count()) + ")" : "")
                        + ": last row " + AnalysisTextFormat.TIME.format(m.exampleLastRow()) + " UTC ("
                        + m.exampleDomain() + ")");
            }
        }
    }

    private static void category(PrintWriter out, Category category, List<Fix> fixes, boolean ourSide) {
        // replies all from our own Email Relay: labelled as the relay's, the recipient's domain played no part in them
        boolean relay = fixes.stream().flatMap(f -> f.causes().stream())
                .allMatch(c -> RelayDiagnoses.isRelays(c.diagnosis()));
        out.println("    " + ReportTexts.english().label(category, relay) + " (" + category.name() + "): "
                + counts(sum(fixes, Fix::bounced), sum(fixes, Fix::deferred)));
        int shown = ourSide ? fixes.size() : Math.min(fixes.size(), OTHER_SIDE_FIXES);
        for (Fix f : fixes.subList(0, shown)) {
            Cause c = f.main();
            out.println("      - To do: " + f.remediation());
            // the report's rows and blocks name both sides for these (actor.stoppedByRecipient): our admin sends
            // the message again, but what stopped it lies with the recipient's servers, whose team can lift it
            c.alsoForMailTeam().ifPresent(a -> out.println("        Also for the recipient's mail team: " + a));
            out.println("        Meaning: " + c.meaning());
            // a row without reply text (its Delivery Status empty or its column lost) has no reply to quote: say so,
            // rather than an example of nothing before the domain
            String example = c.exampleStatus().isBlank() ? NO_REPLY_TEXT
                    : ShownText.forWriter(out).clip(c.exampleStatus(), 110);
            out.println("        Example" + (fixes.size() > 1 ? " (" + counts(f.bounced(), f.deferred()) + ")" : "")
                    + ": " + example + " (" + c.exampleDomain() + ")");
        }
        List<Fix> rest = fixes.subList(shown, fixes.size());
        if (!rest.isEmpty()) {
            out.println("      … and " + rest.size() + (rest.size() == 1 ? " more fix" : " more fixes") + " ("
                    + counts(sum(rest, Fix::bounced), sum(rest, Fix::deferred)) + "; see --format json).");
        }
    }

    /** Actor → category (largest first) → fixes (largest first). */
    private Map<Actor, Map<Category, List<Fix>>> plan() {
        Map<Actor, Map<Category, Map<String, List<Cause>>>> grouped = new EnumMap<>(Actor.class);
        List<Cause> causes = new ArrayList<>(byRule.values());
        causes.sort(Comparator.comparingLong(Cause::total).reversed());
        for (Cause c : causes) {
            Diagnosis d = c.diagnosis();
            grouped.computeIfAbsent(c.actor(), a -> new EnumMap<>(Category.class))
                    .computeIfAbsent(d.category(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(c.remediation(), r -> new ArrayList<>()).add(c);
        }
        Map<Actor, Map<Category, List<Fix>>> plan = new EnumMap<>(Actor.class);
        grouped.forEach((actor, categories) -> {
            List<Map.Entry<Category, List<Fix>>> entries = new ArrayList<>();
            categories.forEach((category, byRemediation) -> {
                List<Fix> fixes = new ArrayList<>();
                byRemediation.forEach((remediation, list) -> fixes.add(new Fix(remediation, list)));
                fixes.sort(Comparator.comparingLong(Fix::total).reversed());
                entries.add(Map.entry(category, fixes));
            });
            // stable sort: equal totals keep the category order
            entries.sort(Comparator.comparingLong(
                    (Map.Entry<Category, List<Fix>> e) -> sum(e.getValue(), Fix::total)).reversed());
            Map<Category, List<Fix>> ordered = new LinkedHashMap<>();
            entries.forEach(e -> ordered.put(e.getKey(), e.getValue()));
            plan.put(actor, ordered);
        });
        return plan;
    }

    private static long sum(List<Fix> fixes, java.util.function.ToLongFunction<Fix> count) {
        return fixes.stream().mapToLong(count).sum();
    }

    /** {@code "2 bounced, 1 deferred"}, leaving out a zero. */
    static String counts(long bounced, long deferred) {
        return counts(bounced, deferred, 0);
    }

    /** {@code "2 bounced, 1 deferred, 3 received only"}, leaving out a zero. */
    static String counts(long bounced, long deferred, long receivedOnly) {
        List<String> parts = new ArrayList<>();
        if (bounced > 0) {
            parts.add(bounced + " bounced");
        }
        if (deferred > 0) {
            parts.add(deferred + " deferred");
        }
        if (receivedOnly > 0) {
            parts.add(receivedOnly + " received only");
        }
        return String.join(", ", parts);
    }
}
