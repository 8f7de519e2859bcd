package org.mailpath.engine.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.mailpath.engine.dns.DnsFindingCodes;
import org.mailpath.engine.dns.LookupFindings;
import org.mailpath.engine.dns.ResolverFault;
import org.mailpath.engine.domain.DnsText;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.LocalText;
import org.mailpath.engine.finding.Localizable;

/**
 * One cause of a domain's DNS failures said once. When the resolver does not work (or refuses this computer), or a
 * domain's servers do not answer, every check meets the same failure with its own questions, and a dozen findings
 * would state one cause a dozen times. The resolver's failures (DNS_TIMEOUT and DNS_LOOKUP_FAILED naming
 * LOCAL_NETWORK) become one finding, then the remaining timeouts another; each names and counts the questions, and
 * keeps every original message and answer as evidence, but for the messages that say why the resolver is at fault:
 * the merged message says that once. The resolver's finding also keeps in its message what each failure leaves
 * unknown in its check's words (a restated question and outcome stays evidence), and every distinct advice.
 */
final class DnsFailuresOnce {

    private DnsFailuresOnce() {
    }

    /** @param findings one domain's findings, worst first (a merged finding takes the place of its first part) */
    static List<Finding> merge(String domain, List<Finding> findings) {
        List<Finding> resolverSaidOnce = mergeWhere(findings, DnsFailuresOnce::isResolverFailure, parts -> {
            boolean allTimeouts = parts.stream().allMatch(DnsFailuresOnce::isTimeout);
            String code = allTimeouts ? DnsFindingCodes.DNS_TIMEOUT : DnsFindingCodes.DNS_LOOKUP_FAILED;
            // why the resolver is at fault, said once here: each part's message says it again, so its evidence
            // keeps only the questions and their outcomes
            List<LocalText> whys = parts.stream().flatMap(f -> ResolverFault.quotedBy(f).stream())
                    .map(ResolverFault::why).distinct().toList();
            LocalText said = whys.isEmpty()
                    ? ConcurrentDomainChecker.TEXTS.text("resolverFailuresOnce.message", questions(parts),
                            subjects(parts), domain)
                    : ConcurrentDomainChecker.TEXTS.text("resolverFailuresOnce.fault.message", questions(parts),
                            subjects(parts), domain, DnsText.joinText(whys, "; "));
            // what a failure leaves unknown, in its check's words ("Their results are unknown, not clean", a list's
            // note), stays in the message: in the evidence a reader took it for a detail
            List<Localizable> unknown = distinct(parts.stream().filter(DnsFailuresOnce::saysWhatIsUnknown)
                    .map(f -> f.messageText().orElseGet(() -> Localizable.verbatim(f.message()))).toList());
            List<Localizable> message = new ArrayList<>(List.of(said));
            message.addAll(unknown);
            // each distinct piece of advice (a list's registration, another's limits), not the first part's alone
            List<Localizable> advice = distinct(parts.stream().map(DnsFailuresOnce::advice).toList());
            return merged(code, parts, message.size() == 1 ? said : new Sentences(message),
                    // a message that only restates its question and outcome, not the resolver's fault: not said
                    // in the merged message, so the evidence keeps it
                    evidence(parts, f -> LookupFindings.restatesTheAnswer(f) && ResolverFault.quotedBy(f).isEmpty()),
                    domain, Actor.LOCAL_NETWORK, advice);
        });
        return mergeWhere(resolverSaidOnce, DnsFailuresOnce::isTimeout, parts -> merged(DnsFindingCodes.DNS_TIMEOUT,
                parts, ConcurrentDomainChecker.TEXTS.text("timeoutsOnce.message", questions(parts), subjects(parts)),
                evidence(parts, f -> true), domain, parts.getFirst().actor(), List.of(advice(parts.getFirst()))));
    }

    /** A part's advice, in every language it has (in English alone where it has no other). */
    private static Localizable advice(Finding f) {
        return f.remediationText().orElseGet(() -> Localizable.verbatim(f.remediation()));
    }

    /** A part's message that says more than its question and outcome, and not the resolver's fault (said once). */
    private static boolean saysWhatIsUnknown(Finding f) {
        return !LookupFindings.restatesTheAnswer(f) && ResolverFault.quotedBy(f).isEmpty();
    }

    /** {@code words} without repeats (by their English), in order, leaving out empty ones. */
    private static List<Localizable> distinct(List<Localizable> words) {
        Map<String, Localizable> byText = new LinkedHashMap<>();
        words.stream().filter(w -> !w.toString().isBlank()).forEach(w -> byText.putIfAbsent(w.toString(), w));
        return List.copyOf(byText.values());
    }

    /** One finding for {@code parts}: the first one's severity, {@code evidence}, and each piece of {@code advice}. */
    private static Finding merged(String code, List<Finding> parts, Localizable message, List<String> evidence,
                                  String domain, Actor actor, List<Localizable> advice) {
        Finding once = new Finding(code, parts.getFirst().severity(), domain, message, evidence, actor);
        return advice.isEmpty() ? once.withRemediation("", actor)
                : once.withRemediation(advice.size() == 1 ? advice.getFirst() : new Sentences(advice), actor);
    }

    /** Two or more findings matching {@code part} become {@code merged} of them, in the first one's place. */
    private static List<Finding> mergeWhere(List<Finding> findings, Predicate<Finding> part,
                                            Function<List<Finding>, Finding> merged) {
        List<Finding> parts = findings.stream().filter(part).toList();
        if (parts.size() < 2) {
            return findings;
        }
        Finding once = merged.apply(parts);
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            if (!part.test(f)) {
                out.add(f);
            } else if (f == parts.getFirst()) {
                out.add(once);
            }
        }
        return List.copyOf(out);
    }

    /** The names asked, each once. */
    private static Localizable subjects(List<Finding> parts) {
        return DnsText.joinText(parts.stream().flatMap(f -> f.namesAbout().stream()).distinct().toList(), ", ");
    }

    /**
     * How many questions the parts stand for: a part that names several (a blocklist finding for the lists that
     * failed alike) counts each, so the count matches the names said (it said "2 DNS questions" naming three).
     */
    private static int questions(List<Finding> parts) {
        return asked(parts).stream().mapToInt(f -> f.namesAbout().size()).sum();
    }

    /**
     * The parts that stand for questions of their own: a part whose evidence lines all came before is the same
     * answer read by another check (the same name, type, server and time: one cached lookup), not a question more.
     * The count then matches the evidence, which lists each line once (it said "9 DNS questions" over ten lines, one
     * of them three times: copy review, stop 45).
     */
    private static List<Finding> asked(List<Finding> parts) {
        Set<String> seen = new HashSet<>();
        List<Finding> asked = new ArrayList<>();
        for (Finding f : parts) {
            List<String> lines = f.evidence();
            boolean repeat = !lines.isEmpty() && seen.containsAll(lines);
            seen.addAll(lines);
            if (!repeat) {
                asked.add(f);
            }
        }
        return asked;
    }

    /** Each part's evidence, after its message where {@code withMessage} holds; a line said before, not again. */
    private static List<String> evidence(List<Finding> parts, Predicate<Finding> withMessage) {
        LinkedHashSet<String> evidence = new LinkedHashSet<>();
        for (Finding f : parts) {
            if (withMessage.test(f)) {
                evidence.add(";; " + f.message());
            }
            evidence.addAll(f.evidence());
        }
        return List.copyOf(evidence);
    }

    private static boolean isResolverFailure(Finding f) {
        return f.actor() == Actor.LOCAL_NETWORK && (isTimeout(f)
                || f.code().equals(DnsFindingCodes.DNS_LOOKUP_FAILED));
    }

    private static boolean isTimeout(Finding f) {
        return f.code().equals(DnsFindingCodes.DNS_TIMEOUT);
    }
}
