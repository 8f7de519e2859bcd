package org.mailpath.engine.analysis;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mailpath.engine.finding.LocalText;
import org.mailpath.engine.log.FileProblem;
import org.mailpath.engine.status.Category;
import org.mailpath.engine.status.Diagnosis;

/**
 * Chains and analyses made by hand in tests, with the fields an analysis works out from the others filled in as it
 * would: production makes both only in the analyser (ChainBuilder, EmailLogAnalyzer), which knows them already.
 * In this package for {@link MessageChain#retriesBeforeDelivery}'s rule.
 */
public final class TestChains {

    private TestChains() {
    }

    /**
     * A chain made without an analysis: {@code retriesBeforeDelivery} from its events, and not stale (that needs the
     * log's end).
     */
    public static MessageChain chain(String messageIdHeader, String internalMessageId, String recipient, String sender,
                                     String userId, List<ChainEvent> events, Verdict verdict, int retries,
                                     String status, Optional<Diagnosis> diagnosis,
                                     Optional<LocalText> addressProblem) {
        return new MessageChain(messageIdHeader, internalMessageId, recipient, sender, userId, events, verdict,
                retries, status, diagnosis, addressProblem, MessageChain.retriesBeforeDelivery(verdict,
                        events.size(), i -> events.get(i).event(), i -> events.get(i).internalHandoff()), false, false);
    }

    /** An analysis with its stale deferrals and stale received-only messages counted from {@code chains}. */
    public static LogAnalysis analysis(String file, long rows, long rejectedRows, List<FileProblem> problems,
                                       List<MessageChain> chains, Map<Verdict, Long> verdicts,
                                       long deliveredAfterRetry, Map<Category, Long> bounceCategories,
                                       Map<Category, Long> deferralCategories, List<DomainSummary> domains,
                                       Optional<Instant> firstEvent, Optional<Instant> lastEvent) {
        return new LogAnalysis(file, rows, rejectedRows, problems, chains, verdicts, deliveredAfterRetry,
                bounceCategories, deferralCategories, domains, firstEvent, lastEvent,
                chains.stream().filter(MessageChain::stale).count(), List.of(), Map.of(),
                chains.stream().filter(MessageChain::staleReceived).count());
    }
}
