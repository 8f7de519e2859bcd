package org.mailpath.engine.report;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.mailpath.engine.analysis.Verdict;

/**
 * Verdict counts of the included messages (every verdict present, in enum order), causes and domains.
 * {@code staleDeferrals}: the DEFERRED ones with no outcome although their last T is more than 24 hours before the
 * log's end ({@link org.mailpath.engine.analysis.MessageChain#stale}). {@code staleReceived}: the RECEIVED_ONLY ones
 * whose R is more than 24 hours before the log's end ({@link org.mailpath.engine.analysis.MessageChain#staleReceived});
 * added last, so the JSON's earlier fields keep their order.
 */
public record Summary(Map<Verdict, Long> verdicts, long deliveredAfterRetry, List<CauseRow> causes,
                      List<DomainRow> domains, long staleDeferrals, long staleReceived) {

    public Summary {
        // in enum order, always: Map.copyOf iterates in an order that changes from one JVM run to the next, and the
        // JSON report lists the map as it iterates
        EnumMap<Verdict, Long> ordered = new EnumMap<>(Verdict.class);
        ordered.putAll(verdicts);
        verdicts = Collections.unmodifiableMap(ordered);
        causes = List.copyOf(causes);
        domains = List.copyOf(domains);
    }

    public long count(Verdict verdict) {
        return verdicts.getOrDefault(verdict, 0L);
    }
}
