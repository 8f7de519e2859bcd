package org.mailpath.engine.analysis;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mailpath.engine.finding.LocalText;
import org.mailpath.engine.log.FileProblem;
import org.mailpath.engine.log.MailEvent;
import org.mailpath.engine.status.Category;
import org.mailpath.engine.status.Diagnosis;
import org.mailpath.engine.status.SmtpReply;
import org.mailpath.engine.status.StatusKnowledgeBase;

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
                        events.size(), i -> events.get(i).event(), i -> events.get(i).internalHandoff()), false, false,
                false);
    }

    /**
     * A message of {@code bytes} bytes (0: no size in the log) to {@code recipient}, bounced by woodgrove.example's
     * "552 5.3.4 Message size exceeds fixed limit" after DATA, diagnosed by the standard knowledge base.
     */
    public static MessageChain sizeRefusal(String recipient, long bytes) {
        String reply = "552 5.3.4 Message size exceeds fixed limit";
        Diagnosis d = StatusKnowledgeBase.standard().diagnose(SmtpReply.parse(reply));
        Instant t = Instant.parse("2026-11-16T09:09:07Z");
        List<ChainEvent> events = List.of(
                new ChainEvent(53, t, MailEvent.RECEIVED, "10.0.0.2", bytes, 0, 0, "", "", "", "", "", ""),
                new ChainEvent(54, t, MailEvent.PERMANENT_FAILURE, "10.0.0.2", bytes, 0, 0, "after DATA",
                        "192.0.2.109", "mx.woodgrove.example", reply, "", ""));
        return chain("m@x", "16/A4", recipient, "s@acme.example", "", events, Verdict.BOUNCED, 0, reply,
                Optional.of(d), Optional.empty());
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
                chains.stream().filter(MessageChain::staleReceived).count(), RelayHosts.none());
    }
}
