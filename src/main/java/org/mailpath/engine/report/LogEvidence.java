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
        Gatherer gatherer = new Gatherer();
        chains.forEach(gatherer::add);
        return gatherer.evidence(chains);
    }

    /**
     * Both, gathered in a pass a caller makes over a log's chains anyway (the report's, the events screen's): each
     * chain {@link #add}ed, then {@link #evidence} with the same chains, gone through again only for a log with a
     * Domain Lookup Failed.
     */
    public static final class Gatherer {
        private final PassingLookupFailures.Domains lookups = new PassingLookupFailures.Domains();
        private final LikelyTypos.Domains typos = new LikelyTypos.Domains();

        public void add(MessageChain c) {
            lookups.add(c);
            typos.add(c);
        }

        /** The evidence of the chains added, {@code chains} being the same chains. */
        public LogEvidence evidence(List<MessageChain> chains) {
            return new LogEvidence(lookups.answers(chains), typos.typos());
        }
    }
}
