package org.mailpath.engine.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mailpath.engine.analysis.ChainEvent;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.analysis.Verdict;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.log.MailEvent;

/**
 * Salesforce's "[internal] Domain Lookup Failed" for a recipient domain whose mail servers the same log shows
 * answering Salesforce both before and after it, each within {@link #AROUND}: a delivery to the domain, or a failed
 * attempt at a server of it ({@link TheirServerContact#attempted}), needed its name looked up. The domain exists then,
 * and the lookup failed for a while only (a name server of theirs failing or unreachable now and then, or a
 * resolver's passing fault), which the knowledge base's words for the reply ("it does not exist, or its DNS servers
 * do not answer in a standard way") do not say: the report and {@code analyze}'s advice say so instead, with the
 * same words ({@code lookupFailed.passing.*} in the report's texts).
 */
public final class PassingLookupFailures {

    /** How far before and after a failure an answer of the domain's servers counts as "around that time". */
    public static final Duration AROUND = Duration.ofHours(24);

    static final String RULE = "salesforce.domain-lookup-failed";

    private static final PassingLookupFailures NONE = new PassingLookupFailures(Map.of());

    /** The times the log shows each domain with a lookup failure answering, sorted; only those domains. */
    private final Map<String, List<Instant>> answered;

    private PassingLookupFailures(Map<String, List<Instant>> answered) {
        this.answered = answered;
    }

    /** Without a log's other messages: no failure is known to have passed. */
    public static PassingLookupFailures none() {
        return NONE;
    }

    /**
     * The answers of the domains of a log's messages that have a lookup failure, gathered in two passes: the domains
     * first ({@link Domains#add}), so that a large log's deliveries elsewhere are not kept, and a log without such a
     * failure is gone through once ({@link LogEvidence.Gatherer}).
     */
    static final class Domains {
        private final Map<String, List<Instant>> answered = new HashMap<>();

        void add(MessageChain c) {
            if (lookupFailure(c)) {
                answered.putIfAbsent(c.recipientDomain(), new ArrayList<>());
            }
        }

        /** The second pass: the answers of those domains among {@code chains}; none asked for without a domain. */
        PassingLookupFailures answers(List<MessageChain> chains) {
            if (answered.isEmpty()) {
                return NONE;
            }
            for (MessageChain c : chains) {
                List<Instant> times = answered.get(c.recipientDomain());
                if (times != null) {
                    for (ChainEvent e : c.events()) {
                        if (lookedUp(e)) {
                            times.add(e.time());
                        }
                    }
                }
            }
            return new PassingLookupFailures(Map.copyOf(answered));
        }
    }

    /** A failed message whose reply is Salesforce's Domain Lookup Failed, its outcome not missing from the log. */
    private static boolean lookupFailure(MessageChain c) {
        return (c.verdict() == Verdict.BOUNCED || c.verdict() == Verdict.DEFERRED) && !c.stale()
                && c.diagnosis().filter(d -> d.ruleId().equals(RULE)).isPresent();
    }

    /** A row that needed the domain looked up: a delivery (not a hand-off) or an attempt at a server of it. */
    private static boolean lookedUp(ChainEvent e) {
        return e.event() == MailEvent.DELIVERED ? !e.internalHandoff()
                : (e.event() == MailEvent.TRANSIENT_FAILURE || e.event() == MailEvent.PERMANENT_FAILURE)
                        && TheirServerContact.attempted(e);
    }

    /**
     * Whether {@code c} is a lookup failure of a domain the log shows answering both before it and after it, each
     * within {@link #AROUND} of the failure (its last failed row, the one the reply was read from).
     */
    public boolean passed(MessageChain c) {
        if (!lookupFailure(c)) {
            return false;
        }
        List<Instant> times = answered.getOrDefault(c.recipientDomain(), List.of());
        Optional<Instant> failed = lastFailure(c);
        if (times.isEmpty() || failed.isEmpty()) {
            return false;
        }
        Instant t = failed.get();
        boolean before = times.stream().anyMatch(a -> a.isBefore(t) && !a.isBefore(t.minus(AROUND)));
        boolean after = times.stream().anyMatch(a -> a.isAfter(t) && !a.isAfter(t.plus(AROUND)));
        return before && after;
    }

    private static Optional<Instant> lastFailure(MessageChain c) {
        for (int i = c.events().size() - 1; i >= 0; i--) {
            ChainEvent e = c.events().get(i);
            if ((e.event() == MailEvent.TRANSIENT_FAILURE || e.event() == MailEvent.PERMANENT_FAILURE)
                    && e.status().equals(c.status())) {
                return Optional.of(e.time());
            }
        }
        return Optional.empty();
    }

    /**
     * Who acts on a failure that came and went: our admin, who sends the message again (its remediation's first
     * step); what stopped it lies with the recipient's side ({@link #STOPPED_BY}), whose name servers failed for a
     * while, as deferrals that lasted until Salesforce gave up are filed ({@code MessageChain#stoppedBy}). The
     * postmaster review: {@code analyze} filed it under the recipient's mail team alone, and the report's row said
     * "Your mail team" beside "We send the message again".
     */
    public static final Actor ACTOR = Actor.SENDER_ADMIN;

    /** Whose side stopped a failure that came and went ({@link #ACTOR}): the recipient's, their name servers. */
    public static final Actor STOPPED_BY = Actor.RECIPIENT_MAIL_TEAM;

    /** The words of a passed failure for our admin in English: what it means, what to do. */
    public static String explanation() {
        return ReportTexts.english().get("lookupFailed.passing.meaning");
    }

    public static String remediation() {
        return ReportTexts.english().get("lookupFailed.passing.remediation");
    }
}
