package org.mailpath.engine.check;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.mailpath.engine.dns.DnsFindingCodes;
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
 * LOCAL_NETWORK) become one finding, then the remaining timeouts another; each names the questions, and keeps every
 * original message and answer as evidence, but for the messages that say why the resolver is at fault: the merged
 * message says that once.
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
            if (whys.isEmpty()) {
                return merged(code, parts, ConcurrentDomainChecker.TEXTS.text("resolverFailuresOnce.message",
                        parts.size(), subjects(parts), domain), evidence(parts), domain, Actor.LOCAL_NETWORK);
            }
            return merged(code, parts, ConcurrentDomainChecker.TEXTS.text("resolverFailuresOnce.fault.message",
                    parts.size(), subjects(parts), domain, DnsText.joinText(whys, "; ")), answers(parts), domain,
                    Actor.LOCAL_NETWORK);
        });
        return mergeWhere(resolverSaidOnce, DnsFailuresOnce::isTimeout, parts -> merged(DnsFindingCodes.DNS_TIMEOUT,
                parts, ConcurrentDomainChecker.TEXTS.text("timeoutsOnce.message", parts.size(), subjects(parts)),
                evidence(parts), domain, parts.getFirst().actor()));
    }

    /** One finding for {@code parts}: the first one's severity and advice (in every language it has), {@code evidence}. */
    private static Finding merged(String code, List<Finding> parts, LocalText message, List<String> evidence,
                                  String domain, Actor actor) {
        Finding first = parts.getFirst();
        Finding once = new Finding(code, first.severity(), domain, message, evidence, actor);
        return first.remediationText().map(advice -> once.withRemediation(advice, actor))
                .orElseGet(() -> once.withRemediation(first.remediation(), actor));
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

    private static Localizable subjects(List<Finding> parts) {
        return DnsText.joinText(parts.stream().map(Finding::subject).distinct().toList(), ", ");
    }

    /** Each part's message, then its evidence. */
    private static List<String> evidence(List<Finding> parts) {
        return evidence(parts, f -> true);
    }

    /**
     * The parts' evidence without the messages of those that quote the resolver's fault ({@link ResolverFault}): the
     * merged message says it once, and each answer line keeps the question and its outcome.
     */
    private static List<String> answers(List<Finding> parts) {
        return evidence(parts, f -> ResolverFault.quotedBy(f).isEmpty());
    }

    /** Each part's evidence, after its message where {@code withMessage} holds. */
    private static List<String> evidence(List<Finding> parts, Predicate<Finding> withMessage) {
        List<String> evidence = new ArrayList<>();
        for (Finding f : parts) {
            if (withMessage.test(f)) {
                evidence.add(";; " + f.message());
            }
            evidence.addAll(f.evidence());
        }
        return evidence;
    }

    private static boolean isResolverFailure(Finding f) {
        return f.actor() == Actor.LOCAL_NETWORK && (isTimeout(f)
                || f.code().equals(DnsFindingCodes.DNS_LOOKUP_FAILED));
    }

    private static boolean isTimeout(Finding f) {
        return f.code().equals(DnsFindingCodes.DNS_TIMEOUT);
    }
}
