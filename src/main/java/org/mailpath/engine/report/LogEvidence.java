package org.mailpath.engine.report;

import java.util.List;
import org.mailpath.engine.analysis.MessageChain;

/**
 * What a log's other messages tell of a failed one: a Domain Lookup Failed that came and went
 * ({@link PassingLookupFailures}), a domain one typing slip from one the log delivered to ({@link LikelyTypos}).
 * The report finds both in its own pass over the log; {@code analyze}'s text and JSON with {@link #of}.
 */
public record LogEvidence(PassingLookupFailures passing, LikelyTypos typos) {

    private static final LogEvidence NONE = new LogEvidence(PassingLookupFailures.none(), LikelyTypos.none());

    public static LogEvidence none() {
        return NONE;
    }

    /** Both, from one pass over {@code chains}, and a second only for a log with a Domain Lookup Failed. */
    public static LogEvidence of(List<MessageChain> chains) {
        PassingLookupFailures.Domains lookups = new PassingLookupFailures.Domains();
        LikelyTypos.Domains typos = new LikelyTypos.Domains();
        for (MessageChain c : chains) {
            lookups.add(c);
            typos.add(c);
        }
        return new LogEvidence(lookups.answers(chains), typos.typos());
    }
}
