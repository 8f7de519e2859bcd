package org.mailpath.engine.report;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.mailpath.engine.analysis.Verdict;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.status.Category;

/**
 * One message to one recipient, as the recipient's mail team needs it to search their logs. The times are the
 * first R, the last T, the external D and the P (UTC); relay and TLS come from the last event that has them.
 * {@code userId} is empty when redacted. {@code explanation}/{@code remediation} are empty when there is no
 * diagnosis. {@code retries} counts every T row, {@code retriesBeforeDelivery} those before a delivery
 * ({@link org.mailpath.engine.analysis.MessageChain#retriesBeforeDelivery}). {@code addressProblem}, like the
 * explanation, is in the report's language and redacted. {@code mailTeamRemediation} is what to do as the part for
 * the recipient's mail team says it, to that team (the knowledge base's words for them, else the general words of
 * the actor's side, {@link ReportTexts#mailTeamAdvice}); {@code remediation} stays as our own admin reads it. Both
 * are empty when there is no diagnosis, in the report's language and redacted alike; {@code mailTeamRemediation} is
 * empty too where it would only say that the fix is ours or our network's (the general words of that side), which
 * tells the team nothing of what will be done. {@code mailTeamExplanation}
 * is the explanation as that part shows it: the knowledge base's words for the team where the explanation speaks
 * to our admin ("your TLS setting"), else the explanation itself. {@code stale}: a deferral whose outcome should be
 * in the log and is not ({@link org.mailpath.engine.analysis.MessageChain#stale}); its remediation says so instead
 * of the reply's fix, while {@code actor} stays the reply's, as the causes and every count by actor have it.
 * {@code joinedByGuess}: its rows in logs analysed together that share no ID column were joined by a unique match of
 * recipient, Sender, User ID and time, not by an ID, so they may be another message's; {@code maybeCountedTwice}:
 * such rows matched more than one message and were left apart, so it may be listed again as another entry
 * ({@link org.mailpath.engine.analysis.UnsharedIdGuess}). Both false for a single log. {@code sizeBytes}: the
 * message's size as the log's Bytes Transferred gives it (the largest of its rows'), empty when no row gives one (the
 * column is missing or 0). {@code staleReceived}: a RECEIVED_ONLY message whose last event (its R, or a hand-off
 * between Salesforce's own servers after it) is more than 24 hours before the log's last event
 * ({@link org.mailpath.engine.analysis.MessageChain#staleReceived}), whose later rows the log likely misses;
 * its remediation says so, and its actor is our admin's, who is to get the later rows. The components after
 * {@code maybeCountedTwice} were added after the others, so the JSON's earlier fields keep their order.
 */
public record MessageEntry(String messageIdHeader, String internalMessageId, String recipient, String sender,
                           String userId, Verdict verdict, int retries, Optional<Category> category,
                           String explanation, String remediation, Actor actor,
                           Optional<Instant> received, Optional<Instant> lastTransient,
                           Optional<Instant> delivered, Optional<Instant> failed,
                           String relayHost, String relayAddress, String tls, List<EventEntry> events,
                           Optional<String> addressProblem, int retriesBeforeDelivery, String mailTeamRemediation,
                           String mailTeamExplanation, boolean stale, boolean joinedByGuess,
                           boolean maybeCountedTwice, OptionalLong sizeBytes,
                           boolean staleReceived, boolean basicCodeOnly, Actor stoppedBy, boolean relayReply) {

    public MessageEntry {
        events = List.copyOf(events);
    }

    /** The event letters in order, e.g. {@code "RTTD"}. */
    public String eventLetters() {
        StringBuilder sb = new StringBuilder(events.size());
        events.forEach(e -> sb.append(e.event()));
        return sb.toString();
    }
}
