package org.mailpath.cli;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.analysis.Verdict;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.report.ChainDomainFacts;
import org.mailpath.engine.report.DomainFacts;
import org.mailpath.engine.report.LikelyTypos;
import org.mailpath.engine.report.LogEvidence;
import org.mailpath.engine.report.PassingLookupFailures;
import org.mailpath.engine.report.MissingOutcome;
import org.mailpath.engine.report.NotYetHandedOn;
import org.mailpath.engine.report.ReportTexts;

/**
 * What to do about a chain and who must, as the analysis's text summary and its JSON say it, in agreement with the
 * report: a stale deferral (its last T more than 24 hours before the log's end, {@link MessageChain#stale}) is no
 * longer retried by Salesforce, so its reply's advice ("Nothing to do: Salesforce retries", "the recipient must free
 * space") no longer holds; its outcome is missing from the log, which is our admin's to look into by requesting a
 * log that covers the day after it. A received-only message whose last row is that old
 * ({@link MessageChain#staleReceived}) has no reply and so no one named by it, but the same missing rows: it is our
 * admin's too, with the report's own words for it (receivedOnly.stale). The rule and its words are the report's
 * ({@link MissingOutcome}). With {@code --check-dns}, a failed message to a domain the checks found no mail can reach
 * (one that does not exist: an address for our admin to correct) is named and advised as the report does
 * ({@link DomainFacts}); without the checks, {@link DomainFacts#none()}. Each method takes the chain with what the
 * checks found of its domain resolved once ({@link DomainFacts#forChain}), as its callers ask several of them.
 */
final class ChainAdvice {

    private ChainAdvice() {
    }

    /**
     * What to do: a missing outcome's words, a lookup failure's that came and went ({@link PassingLookupFailures}),
     * else the reply's; the fact of the DNS checks in their place or after them ({@link DomainFacts}); then the domain
     * a failing one likely meant ({@link LikelyTypos}), as the report says it.
     */
    static Optional<String> remediation(ChainDomainFacts facts, LogEvidence log) {
        MessageChain c = facts.chain();
        Optional<String> advice = facts.remediation(MissingOutcome.adviceKey(c).map(ReportTexts.english()::get)
                .or(() -> log.passing().passed(c) ? Optional.of(PassingLookupFailures.remediation())
                        : c.remediation(Locale.ENGLISH)));
        return log.typos().intended(c).map(d -> advice.map(a -> a + " " + LikelyTypos.note(c, d)))
                .orElse(advice);
    }

    /**
     * Whether what stopped {@code c} lies with the recipient's side while our admin acts on it: deferrals that lasted
     * until Salesforce gave up ({@link MessageChain#deferredUntilExpiry}, {@link MessageChain#stoppedBy}), where no
     * fact of the DNS checks takes the place of the reply's words (the fact's actor then stopped it, as in the
     * report's {@code DomainFacts.stoppedBy}).
     */
    private static boolean stoppedByRecipient(ChainDomainFacts facts) {
        return facts.chain().deferredUntilExpiry() && !facts.replacesWords();
    }

    /**
     * What the recipient's mail team is asked besides our admin's fix, where what stopped a message lies with their
     * side while our admin acts on it: deferrals that lasted until Salesforce gave up ({@link #stoppedByRecipient}),
     * a lookup failure that came and went ({@link ChainDomainFacts#passedLookup(LogEvidence)}: our admin
     * sends the message again, while what stopped it lies with the recipient's name servers, as the report says,
     * {@link PassingLookupFailures#ACTOR}, {@link PassingLookupFailures#STOPPED_BY}). Empty for the others.
     */
    static Optional<String> alsoForMailTeam(ChainDomainFacts facts, LogEvidence log) {
        if (stoppedByRecipient(facts)) {
            return Optional.of("their servers kept deferring these messages until Salesforce gave up. Ask them why"
                    + " (--report FILE --domain DOMAIN writes the report that asks them to check their servers and any"
                    + " filtering service in front of them).");
        }
        return facts.passedLookup(log) ? Optional.of("lookups of their domain failed for a while, although"
                + " their mail servers were found before and after. Ask them to check that each of their"
                + " authoritative name servers answers at all times (--report FILE --domain DOMAIN writes the report"
                + " that asks them to).") : Optional.empty();
    }

    /**
     * What the reply means, or what the checks found of its domain where that replaces it; a received-only message,
     * which has no reply, what its rows mean, as the app says it ({@link NotYetHandedOn}).
     */
    static Optional<String> explanation(ChainDomainFacts facts, LogEvidence log) {
        MessageChain c = facts.chain();
        return facts.explanation(log.passing().passed(c) ? Optional.of(PassingLookupFailures.explanation())
                : c.explanation(Locale.ENGLISH)).or(() -> NotYetHandedOn.meaning(c, ReportTexts.english()));
    }

    /**
     * {@link #remediation(ChainDomainFacts, LogEvidence)}, and for a received-only message still within Salesforce's
     * 24 hours at the log's end ({@code logEnd}), the app's next step: a log that runs later ({@link NotYetHandedOn}).
     */
    static Optional<String> remediation(ChainDomainFacts facts, LogEvidence log, Optional<Instant> logEnd) {
        return remediation(facts, log).or(() -> logEnd.flatMap(end -> NotYetHandedOn.advice(facts.chain(),
                ReportTexts.english(), AnalysisTextFormat.TIME.format(end) + " UTC")));
    }

    /**
     * Who acts on the chain's {@code remediation} (as {@link #remediation(ChainDomainFacts, LogEvidence, Optional)}
     * gives it): the rule every chain's actor follows, or, for a received-only message within the 24 hours, whose
     * next step is a later log, our admin ({@link NotYetHandedOn#ACTOR}), as the app says.
     */
    static Optional<Actor> actor(ChainDomainFacts facts, LogEvidence log, Optional<String> remediation) {
        return facts.actor(log).or(() -> facts.chain().verdict() == Verdict.RECEIVED_ONLY && remediation.isPresent()
                ? Optional.of(NotYetHandedOn.ACTOR) : Optional.empty());
    }
}
