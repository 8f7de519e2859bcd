package org.mailpath.engine.report;

import java.util.Optional;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.finding.Actor;

/**
 * What the DNS checks found of one chain's recipient domain, as our admin reads it ({@link DomainFacts#forChain}):
 * the questions {@code analyze}'s text and JSON ask of a failed message (its words, who acts, whether its words are
 * its own), with how the chain uses its domain's fact ({@link DomainFactUse}) resolved once. Asked of
 * {@link DomainFacts} one by one, each question resolved it again: an IDNA conversion of the domain and, where the
 * checks found a fact, a pass over the chain's events, up to six times per failed message. The answers are the same:
 * the use depends only on the chain, the facts (both immutable) and the reading, which is always our admin's here.
 */
public final class ChainDomainFacts {

    private final MessageChain chain;
    private final DomainFactUse use;

    ChainDomainFacts(MessageChain chain, DomainFactUse use) {
        this.chain = chain;
        this.use = use;
    }

    /** The chain asked about. */
    public MessageChain chain() {
        return chain;
    }

    /** {@link DomainFacts#actor(MessageChain, DomainFactUse, LogEvidence)}: who acts, as the report names them. */
    public Optional<Actor> actor(LogEvidence log) {
        return DomainFacts.actor(chain, use, log);
    }

    /**
     * {@link DomainFacts#passedLookup(MessageChain, DomainFactUse, LogEvidence)}: a lookup failure that came and
     * went.
     */
    public boolean passedLookup(LogEvidence log) {
        return DomainFacts.passedLookup(chain, use, log);
    }

    /**
     * Our admin's words in English where the checks' fact says more than the reply: the fact's words in place of the
     * reply's advice, or after {@code advice} a note of what the checks find now; {@code advice} itself otherwise.
     * A message whose outcome is missing keeps its words ({@link MissingOutcome}).
     */
    public Optional<String> remediation(Optional<String> advice) {
        if (MissingOutcome.adviceKey(chain).isPresent()) {
            return advice;
        }
        ReportTexts english = ReportTexts.english();
        String domain = shownDomain();
        if (use.replaces().isPresent()) {
            return Optional.of(english.format("domainFact." + use.replaces().get().name() + use.adminSuffix(), domain));
        }
        return advice.map(a -> use.note().filter(f -> !a.isEmpty())
                .map(f -> a + " " + english.format("domainFact." + f.name() + ".now", domain)).orElse(a));
    }

    /**
     * What the failure means in English where the checks' fact replaces the reply's words (the fact, not the
     * reply's guess, says what happened); {@code explanation} itself otherwise.
     */
    public Optional<String> explanation(Optional<String> explanation) {
        return use.replaces().map(f -> ReportTexts.english().format("domainFact." + f.name() + ".meaning",
                shownDomain())).or(() -> explanation);
    }

    /**
     * Whether the checks' fact replaces the reply's words or adds a note to them: the words are then the chain's own,
     * not those it would share with every message of its reply.
     */
    public boolean changesWords() {
        return use.replaces().isPresent() || use.note().isPresent();
    }

    /** Whether the checks' fact replaces the reply's words (its explanation, advice and who acts are the fact's). */
    public boolean replacesWords() {
        return use.replaces().isPresent();
    }

    /** The chain's domain as the words of its fact name it. */
    private String shownDomain() {
        return chain.recipientDomain().isEmpty() ? ReportTexts.english().get("noDomain") : chain.recipientDomain();
    }
}
