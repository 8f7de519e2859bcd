package org.mailpath.engine.analysis;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import org.mailpath.engine.address.IdnaNames;
import org.mailpath.engine.finding.LocalText;
import org.mailpath.engine.log.MailEvent;
import org.mailpath.engine.status.Category;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.status.Diagnosis;

/**
 * One message to one recipient, keyed by (Message ID Header, lower-cased recipient), with its events in time
 * order and its verdict. {@code diagnosis} is present for BOUNCED and DEFERRED chains (the decoded cause);
 * {@code status} is the reply line the diagnosis was made from (empty when none).
 * {@code addressProblem} says why the recipient address is not a valid RFC 5321 mailbox, if it is not (English as
 * its {@code toString()}, the command line's and JSON's language; other languages by {@link LocalText#in}).
 * {@code retries} counts all the chain's T rows; {@code retriesBeforeDelivery} only those before the delivering D of
 * a DELIVERED chain (0 for the other verdicts): a T after the delivery retried nothing that was delivered.
 * {@code stale}: a DEFERRED chain whose last T is more than 24 hours before the log's last event. Salesforce retries
 * for 24 hours at most, so its outcome (a P or a D) should be in the log and is not: the log was cut off or misses it.
 * {@code staleReceived}: the same for a RECEIVED_ONLY chain whose last event is more than 24 hours before the log's
 * last event. Salesforce tries to deliver a message as it receives it and bounces it after 24 hours without delivery,
 * so a D, T or P should follow its R in the log and none does.
 * {@code viaRelay}: the row the verdict was read from (the outcome, the T a bounce that only says it expired took its
 * cause from, or the last T) went to the org's Email Relay, as the analysis was told of it
 * ({@link LogAnalysis#viaRelay}); decided once, while the chain was judged. Always false without the relay mode.
 */
public record MessageChain(String messageIdHeader, String internalMessageId, String recipient, String sender,
                           String userId, List<ChainEvent> events, Verdict verdict, int retries,
                           String status, Optional<Diagnosis> diagnosis, Optional<LocalText> addressProblem,
                           int retriesBeforeDelivery, boolean stale, boolean staleReceived,
                           boolean viaRelay) {

    public MessageChain {
        // an analysis' chains unpack their events only when asked (ChainEventList is unmodifiable already)
        events = events instanceof ChainEventList ? events : List.copyOf(events);
    }

    /**
     * The rule for {@code retriesBeforeDelivery}, for an analysis' chains ({@link ChainBuilder}, on its packed events)
     * and those tests make by hand: of a DELIVERED chain's {@code size} events in time order, the T rows before its
     * delivering D (the last D that is not an internal hand-off); 0 for the other verdicts.
     */
    static int retriesBeforeDelivery(Verdict verdict, int size, IntFunction<MailEvent> event,
                                     IntPredicate internalHandoff) {
        if (verdict != Verdict.DELIVERED) {
            return 0;
        }
        int delivery = size - 1;
        while (delivery >= 0 && (event.apply(delivery) != MailEvent.DELIVERED || internalHandoff.test(delivery))) {
            delivery--;
        }
        int n = 0;
        for (int i = 0; i < delivery; i++) {
            if (event.apply(i) == MailEvent.TRANSIENT_FAILURE) {
                n++;
            }
        }
        return n;
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

    /**
     * The domain part of the recipient as {@link IdnaNames#groupName} spells it (empty if there is none): lower case,
     * and one name for every spelling of one domain (bücher.de, xn--bcher-kva.de, bücher．de), so that the messages to
     * it are counted, grouped and filtered together.
     */
    public String recipientDomain() {
        int at = recipient.lastIndexOf('@');
        return at < 0 ? "" : IdnaNames.groupName(recipient.substring(at + 1).strip().toLowerCase(Locale.ROOT));
    }

    public Optional<Category> category() {
        return diagnosis.map(Diagnosis::category);
    }

    /**
     * What our admin is to do about this message, in {@code locale}: its diagnosis's remediation, and for a
     * deferral the diagnosis's words for a message Salesforce is still retrying ({@link Diagnosis#deferredRemediation
     * (Locale)}): a remediation that says "resend later" is right for a bounce, but a deferred message sent again
     * while Salesforce retries it (for up to 24 hours) may arrive twice. For a bounce, the reverse: the diagnosis's
     * words for a message Salesforce no longer retries ({@link Diagnosis#bouncedRemediation(Locale)}): the words of a
     * rule matched by a reply's text whatever its code ("Nothing to do: Salesforce retries"), or of the last deferral
     * before an expiry that a bounce takes its diagnosis from, may promise retries that have ended. A small message
     * refused as too large ({@link #refusedAsTooLargeWhileSmall()}) has words that ask the receiving side, its size
     * being known. Empty without a diagnosis.
     */
    public Optional<String> remediation(Locale locale) {
        return ownWords("smallSize.remediation", locale).or(() -> diagnosis.map(d -> switch (verdict) {
            case DEFERRED -> d.deferredRemediation(locale);
            case BOUNCED -> deferredUntilExpiry()
                    ? new LocalText(ChainWords.BUNDLE, "deferredUntilExpiry.remediation",
                            List.of(d.bouncedRemediation(locale))).in(locale)
                    : d.bouncedRemediation(locale);
            default -> d.remediation(locale);
        }));
    }

    /**
     * A bounce that only says the message expired, after deferrals by a reply that asks the sender to wait (a rate
     * limit, throttling or greylisting whose rule names no one to act: {@link Category#RATE_LIMIT}, {@link
     * Actor#NOBODY}, not a limit of Salesforce's own, {@link Diagnosis#saysSalesforceOwn}): the receiving side kept deferring the message for as long as Salesforce retries, until it gave
     * up. The rule's words ("Nothing to do: retries usually succeed", or to the mail team "your server asked for the
     * message to be sent again later, which is ours to do") are for a passing deferral; deferrals that outlast every
     * retry are more than that, which {@link #explanation}, {@link #remediation} and their forms for the mail team say,
     * whatever the rule.
     * Told by the outcome's reply differing from {@code status}: a bounce that only says it expired takes its
     * diagnosis and status from the last T before it ({@link #outcome()}).
     */
    public boolean deferredUntilExpiry() {
        return verdict == Verdict.BOUNCED && retries > 0
                && diagnosis.filter(d -> d.category() == Category.RATE_LIMIT && d.actor() == Actor.NOBODY
                        && !Diagnosis.saysSalesforceOwn(d.ruleId())).isPresent()
                && outcome().filter(o -> o.event() == MailEvent.PERMANENT_FAILURE && !o.status().equals(status))
                        .isPresent();
    }

    /**
     * Who must act on this message: its diagnosis's actor, except that a bounce whose diagnosis says nobody need act
     * (Salesforce retries: greylisting, a rate limit) and has words for a bounce, or was deferred until it expired
     * ({@link #deferredUntilExpiry()}), is our admin's: Salesforce no longer
     * retries it, so it is sent again by us or not at all ({@link #remediation(Locale)} says so); and that a size
     * refusal of a small message ({@link #refusedAsTooLargeWhileSmall()}) is the receiving side's, whatever the
     * diagnosis says of size refusals in general. Empty without a diagnosis.
     */
    public Optional<Actor> actor() {
        if (hasOwnWords()) {
            return Optional.of(Actor.RECIPIENT_MAIL_TEAM);
        }
        return diagnosis.map(d -> verdict == Verdict.BOUNCED && d.actor() == Actor.NOBODY
                && (d.bouncedRemediation().isPresent() || deferredUntilExpiry()) ? Actor.SENDER_ADMIN : d.actor());
    }

    /**
     * Who owns what stopped this message, where it differs from who must act on it ({@link #actor()}): deferrals
     * that lasted until Salesforce gave up ({@link #deferredUntilExpiry()}) are our admin's to send again, but the
     * receiving side's servers kept deferring it. Otherwise its actor. Empty without a diagnosis.
     */
    public Optional<Actor> stoppedBy() {
        return deferredUntilExpiry() ? Optional.of(Actor.RECIPIENT_MAIL_TEAM) : actor();
    }

    /**
     * Below this size (1 MiB) a message refused as too large was not too large for any server configured as mail
     * servers are: RFC 5321 (4.5.3.1.7) requires every server to accept at least 64K octets, and common limits are
     * 10 to 150 MB (Exchange Online 35/36 MB by default, settable from 1 MB to 150 MB; Gmail 25 MB to send and 50 MB
     * to receive). 1 MiB keeps a margin above the smallest limit Exchange Online allows, so a refusal below it is the
     * receiving server's: a limit set far too low, or a refusal reported as one of size when it was not.
     */
    public static final long SMALL_MESSAGE_BYTES = 1024L * 1024;

    /**
     * The message's size from the log's Bytes Transferred: the largest of its rows' (each row repeats the message's
     * size, an R row before any attempt too; a P row of a refusal may say 0); empty when none gives one (the column
     * missing reads as 0).
     */
    public OptionalLong sizeBytes() {
        long largest = events.stream().mapToLong(ChainEvent::bytes).max().orElse(0);
        return largest > 0 ? OptionalLong.of(largest) : OptionalLong.empty();
    }

    /**
     * Refused as too large (a SIZE diagnosis) although the log gives the message a size below
     * {@link #SMALL_MESSAGE_BYTES}: the size is known, so the diagnosis's "if it is large… if it is small…" is
     * decided, for the receiving server ({@link #actor()}, {@link #remediation(Locale)}, {@link #explanation(Locale)}).
     */
    public boolean refusedAsTooLargeWhileSmall() {
        if (category().filter(c -> c == Category.SIZE).isEmpty()) {
            return false; // asked for every chain's words: the events are read only for a size refusal
        }
        OptionalLong size = sizeBytes();
        return size.isPresent() && size.getAsLong() < SMALL_MESSAGE_BYTES;
    }

    /**
     * What the reply means for this message, in {@code locale}: its diagnosis's explanation, or for a small message
     * refused as too large ({@link #refusedAsTooLargeWhileSmall()}) words that say so with its size. For deferrals
     * that lasted until Salesforce gave up ({@link #deferredUntilExpiry()}) what they came to comes first, then the
     * diagnosis's words as what the reply says: the rule's words ("… is temporarily throttling mail") are for a
     * passing deferral and, alone, read beside "more than a passing delay" of {@link #remediation} as if the two
     * disagreed (the postmaster review). Here, not in the report, so that the report, {@code analyze}'s text and JSON
     * and the Events step say the same. Empty without a diagnosis.
     */
    public Optional<String> explanation(Locale locale) {
        return ownWords("smallSize.explanation", locale)
                .or(() -> diagnosis.map(d -> untilExpiry("deferredUntilExpiry.explanation", d.explanation(locale),
                        locale)));
    }

    /** {@link #explanation(Locale)} as the recipient's mail team reads it ({@link Diagnosis#mailTeamExplanation}). */
    public Optional<String> mailTeamExplanation(Locale locale) {
        return ownWords("smallSize.mailTeamExplanation", locale)
                .or(() -> diagnosis.map(d -> untilExpiry("deferredUntilExpiry.mailTeamExplanation",
                        d.mailTeamExplanation(locale), locale)));
    }

    /**
     * {@code explanation} after the words under {@code key} where the deferrals lasted until Salesforce gave up
     * ({@link #deferredUntilExpiry()}); as it is otherwise, and where it is blank (no words to say what it said).
     */
    private String untilExpiry(String key, String explanation, Locale locale) {
        return explanation.isBlank() || !deferredUntilExpiry() ? explanation
                : new LocalText(ChainWords.BUNDLE, key, List.of(explanation.strip())).in(locale);
    }

    /**
     * The words of this message's own for the recipient's mail team, where its rows decide what its diagnosis leaves
     * open (a small message refused as too large; deferrals that lasted until Salesforce gave up,
     * {@link #deferredUntilExpiry()}); empty otherwise, the diagnosis's words then being the ones.
     */
    public Optional<String> ownMailTeamRemediation(Locale locale) {
        if (!hasOwnWords() && deferredUntilExpiry()) {
            return Optional.of(new LocalText(ChainWords.BUNDLE, "deferredUntilExpiry.mailTeamRemediation", List.of())
                    .in(locale));
        }
        return ownWords("smallSize.mailTeamRemediation", locale);
    }

    /**
     * The words of this message's own ("because …" for the causes table, {@link #explanation}, {@link #remediation} and their
     * forms for the mail team) as every small message refused as too large shares them, its size left out ("less
     * than 1 MB"): what groups such messages (the causes table, the CLI's "What to do") keys and shows these, so
     * that 40 messages of 40 sizes are one row, while each message's own block keeps its size. Empty where the
     * message has no words of its own.
     */
    public Optional<SharedWords> sharedWords(Locale locale) {
        return hasOwnWords() ? Optional.of(new SharedWords(
                ChainWords.sizeFree("smallSize.cause", locale), ChainWords.sizeFree("smallSize.cause.you", locale),
                ChainWords.sizeFree("smallSize.explanation", locale),
                ChainWords.sizeFree("smallSize.mailTeamExplanation", locale),
                ChainWords.sizeFree("smallSize.remediation", locale),
                ChainWords.sizeFree("smallSize.mailTeamRemediation", locale))) : Optional.empty();
    }

    /** {@link #sharedWords(Locale)}: the words many messages share, in place of each one's own. */
    public record SharedWords(String cause, String causeToMailTeam, String explanation, String mailTeamExplanation,
                              String remediation, String mailTeamRemediation) {
    }

    /** A small message refused as too large has words of its own, its size being known (and a diagnosis). */
    private boolean hasOwnWords() {
        return diagnosis.isPresent() && refusedAsTooLargeWhileSmall();
    }

    /** The message's own words under {@code key}, with its size; empty where it has none ({@link #hasOwnWords}). */
    private Optional<String> ownWords(String key, Locale locale) {
        return hasOwnWords() ? Optional.of(ChainWords.sized(key, sizeBytes().orElseThrow(), locale))
                : Optional.empty();
    }

    /**
     * The last row that ended the delivery: a P, or a D that is not a hand-off between Salesforce's own servers
     * (empty while none came). For a bounce that only says it expired, its reply differs from {@code status}, which
     * then holds the transient failure before it (the real cause).
     */
    public Optional<ChainEvent> outcome() {
        for (int i = events.size() - 1; i >= 0; i--) {
            ChainEvent e = events.get(i);
            if (e.event() == MailEvent.PERMANENT_FAILURE || (e.event() == MailEvent.DELIVERED && !e.internalHandoff())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** When the log first shows the message: the time of its first event (empty only for a chain built without any). */
    public Optional<Instant> firstSeen() {
        return events.isEmpty() ? Optional.empty() : Optional.of(events.getFirst().time());
    }

    /** DELIVERED with a T before the delivering D. */
    public boolean deliveredAfterRetry() {
        return verdict == Verdict.DELIVERED && retriesBeforeDelivery > 0;
    }
}
