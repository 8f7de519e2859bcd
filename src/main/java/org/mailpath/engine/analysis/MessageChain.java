package org.mailpath.engine.analysis;

import java.util.List;
import java.util.Optional;
import org.mailpath.engine.status.Category;
import org.mailpath.engine.status.Diagnosis;

/**
 * One message to one recipient, keyed by (Message ID Header, lower-cased recipient), with its events in time
 * order and its verdict. {@code diagnosis} is present for BOUNCED and DEFERRED chains (the decoded cause);
 * {@code status} is the reply line the diagnosis was made from (empty when none).
 * {@code addressProblem} says why the recipient address is not a valid RFC 5321 mailbox, if it is not.
 */
public record MessageChain(String messageIdHeader, String internalMessageId, String recipient, String sender,
                           String userId, List<ChainEvent> events, Verdict verdict, int retries,
                           String status, Optional<Diagnosis> diagnosis, Optional<String> addressProblem) {

    public MessageChain {
        // an analysis' chains unpack their events only when asked (ChainEventList is unmodifiable already)
        events = events instanceof ChainEventList ? events : List.copyOf(events);
    }

    /** The event letters in order, e.g. {@code "RTTD"}. */
    public String eventLetters() {
        if (events instanceof ChainEventList lazy) {
            return lazy.letters();
        }
        StringBuilder sb = new StringBuilder(events.size());
        for (ChainEvent e : events) {
            sb.append(e.event().letter());
        }
        return sb.toString();
    }

    /** The lower-cased domain part of the recipient (empty if there is none). */
    public String recipientDomain() {
        int at = recipient.lastIndexOf('@');
        return at < 0 ? "" : recipient.substring(at + 1).strip().toLowerCase(java.util.Locale.ROOT);
    }

    public Optional<Category> category() {
        return diagnosis.map(Diagnosis::category);
    }

    public boolean deliveredAfterRetry() {
        return verdict == Verdict.DELIVERED && retries > 0;
    }
}
