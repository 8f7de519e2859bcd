package org.mailpath.engine.report;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.mailpath.engine.analysis.Verdict;

/**
 * An included chain by its place in the analysis, with what orders it, groups it by domain and tells its cause
 * ({@code category} and {@code rule}: its category's name and its diagnosis's rule, empty without one).
 */
record RankedChain(int index, Verdict verdict, Instant firstSeen, String recipient, String recipientDomain,
                   String category, String rule, boolean afterRetry, boolean stale, boolean staleReceived) {

    private static final List<Verdict> VERDICT_ORDER =
            List.of(Verdict.BOUNCED, Verdict.DEFERRED, Verdict.DELIVERED, Verdict.RECEIVED_ONLY);

    /** Bounced first, then deferred, delivered, only received; the earliest first; as a domain's section has them. */
    static final Comparator<RankedChain> IMPORTANCE = Comparator
            .comparing((RankedChain c) -> VERDICT_ORDER.indexOf(c.verdict()))
            .thenComparing(RankedChain::firstSeen)
            .thenComparing(RankedChain::recipient);

    /** How many of {@code chains} have each verdict, every verdict present (0 for none). */
    static Map<Verdict, Long> countVerdicts(List<RankedChain> chains) {
        Map<Verdict, Long> v = new EnumMap<>(Verdict.class);
        for (Verdict verdict : Verdict.values()) {
            v.put(verdict, 0L);
        }
        chains.forEach(c -> v.merge(c.verdict(), 1L, Long::sum));
        return v;
    }
}
