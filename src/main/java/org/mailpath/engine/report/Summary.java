package org.mailpath.engine.report;

import java.util.List;
import java.util.Map;
import org.mailpath.engine.analysis.Verdict;

/** Verdict counts of the included messages (every verdict present, in enum order), causes and domains. */
public record Summary(Map<Verdict, Long> verdicts, long deliveredAfterRetry, List<CauseRow> causes,
                      List<DomainRow> domains) {

    public Summary {
        verdicts = Map.copyOf(verdicts);
        causes = List.copyOf(causes);
        domains = List.copyOf(domains);
    }

    public long count(Verdict verdict) {
        return verdicts.getOrDefault(verdict, 0L);
    }
}
