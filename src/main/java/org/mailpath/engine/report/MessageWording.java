package org.mailpath.engine.report;

import java.util.Locale;
import java.util.Optional;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.analysis.Verdict;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.status.Category;
import org.mailpath.engine.status.Diagnosis;
import org.mailpath.engine.status.RelayDiagnoses;

/**
 * A message's words in the report, its entry's and its row's of the causes table alike ({@link MessageWords}): what
 * it means and what to do, for our admin and for the recipient's mail team, and who must act, after what the DNS
 * checks found of its domain ({@link DomainFacts}) and what the log's other messages tell of it ({@link LogEvidence}).
 */
final class MessageWording {

    private final LogAnalysis analysis;
    private final ReportTexts texts;
    /** The language the report is written in ({@link ReportTexts#language}). */
    private final Locale language;
    private final DomainFacts domainFacts;
    private final LogEvidence evidence;

    MessageWording(LogAnalysis analysis, ReportTexts texts, DomainFacts domainFacts, LogEvidence evidence) {
        this.analysis = analysis;
        this.texts = texts;
        this.language = texts.language();
        this.domainFacts = domainFacts;
        this.evidence = evidence;
    }

    /**
     * The words of a chain, without its events: the causes table words every failed message of the report, listed or
     * not, and a message not listed need not have its events, relay and TLS fields built and redacted for that.
     */
    MessageWords words(MessageChain c, Redactor r, boolean toMailTeam) {
        // a stale deferral whose outcome the log misses, or a received-only message whose later rows it misses, is
        // our admin's to look into (its words say so: "its outcome is ours to look into"), whoever the reply would
        // ask; a failed one to a domain no mail can reach is the fact's actor's (NoMailDomain#actor): the reply's
        // owner would be asked in vain
        DomainFactUse use = domainFacts.use(c, toMailTeam);
        Optional<NoMailDomain> fact = use.replaces();
        // a domain one typing slip from one delivered to: our admin checks the address first, as its advice's note
        // says (LikelyTypos); what stopped it stays the reply's
        boolean likelyTypo = DomainFacts.typoActor(c, use, evidence.typos()).isPresent();
        // the fact, not the reply's guess ("its mail hosts were down … blocked at your end"), says what happened
        // a lookup failure between answers of the domain's servers came and went: the reply's "it does not exist"
        // would not be true of it (PassingLookupFailures); ours to send again, theirs what stopped it
        boolean passed = DomainFacts.passedLookup(c, use, evidence);
        // who acts by the rule analyze's advice follows too: a likely typo, then a passing lookup failure, then the
        // missing outcome, the checks' fact or the reply
        Actor actor = DomainFacts.actor(c, use, likelyTypo, passed).orElse(Actor.NOBODY);
        String explanation = fact.map(f -> domainFactText(f, ".meaning", c, r))
                .orElseGet(() -> passed ? texts.get("lookupFailed.passing.meaning")
                        : c.explanation(language).map(r::ourText).orElse(""));
        // a refusal of the recipient's address by our Email Relay (passed on from their server, or a check of the
        // relay's own): their team hears that our relay refused it, never that their server did
        boolean relayRefusedAddress = toMailTeam && fact.isEmpty() && !passed
                && c.category().filter(x -> x == Category.RECIPIENT).isPresent() && analysis.viaRelay(c)
                && c.diagnosis().isPresent() && !RelayDiagnoses.isRelays(c.diagnosis());
        String teamExplanation = fact.map(f -> domainFactText(f, ".meaning", c, r))
                .orElseGet(() -> passed ? texts.get("lookupFailed.passing.meaning.mailTeam")
                        : relayRefusedAddress ? texts.get("relay.addressRefused.meaning.you")
                        : c.mailTeamExplanation(language).map(r::ourText).orElse(""));
        // a reply of a bare basic code: its explanation is what the code makes likely, said so as its label is
        // the words every such reply shares and the cause are a failed chain's only: the causes table's and the
        // conclusion's, made here once
        boolean failed = c.verdict() == Verdict.BOUNCED || c.verdict() == Verdict.DEFERRED;
        Optional<MessageChain.SharedWords> shared = failed ? c.sharedWords(language) : Optional.empty();
        // the words of its rule or category, where neither the fact nor the shared words say it: whether they are
        // hedged and whether they are our side's are read from the same choice, by the row and the conclusion alike
        Optional<ReportTexts.CauseWords> chosen = failed && fact.isEmpty() && shared.isEmpty()
                ? Optional.of(causeWords(c, toMailTeam)) : Optional.empty();
        String cause = fact.map(f -> texts.domainFactCause(f, toMailTeam))
                .or(() -> relayRefusedAddress ? Optional.of(texts.get("relay.addressRefused.cause.you"))
                        : Optional.empty())
                .or(() -> shared.map(w -> toMailTeam ? w.causeToMailTeam() : w.cause()))
                .or(() -> chosen.map(w -> texts.get(w.key()))).orElse("");
        boolean basic = chosen.filter(ReportTexts.CauseWords::hedged).isPresent();
        boolean ours = chosen.filter(ReportTexts.CauseWords::ours).isPresent();
        return new MessageWords(basic ? hedged(explanation) : explanation, remediation(c, use, passed, r), actor,
                basic ? hedged(teamExplanation) : teamExplanation, relayRefusedAddress
                        ? texts.get("relay.addressRefused.remediation.you") : mailTeamRemediation(c, use, passed, r),
                basic, use,
                cause, shared, passed ? PassingLookupFailures.STOPPED_BY : DomainFacts.stoppedBy(c, use), likelyTypo,
                ours);
    }

    /**
     * "Authentication is required (most likely, as far as the bare reply code tells)."; empty stays empty, and an
     * explanation that hedges itself already ("… is most likely about the message itself") is not hedged twice.
     */
    private String hedged(String explanation) {
        String s = explanation.strip();
        if (s.isEmpty() || s.toLowerCase(language).contains(texts.get("meaning.basic.said"))) {
            return s;
        }
        return texts.format("meaning.basic", s.endsWith(".") ? s.substring(0, s.length() - 1) : s);
    }

    /** The words of a {@link NoMailDomain} fact, {@code suffix} "" for our admin or ".mailTeam", naming the domain. */
    private String domainFactText(NoMailDomain fact, String suffix, MessageChain c, Redactor r) {
        return texts.format("domainFact." + fact.name() + suffix, shownDomain(c.recipientDomain(), r));
    }

    /**
     * What our admin is to do about a chain, as its message and its row of the causes table say it: a stale
     * deferral's reply may say "Salesforce retries", which it no longer does, and its outcome is missing. A deferral
     * Salesforce still retries has its own words where "resend later" would risk a duplicate
     * ({@link MessageChain#remediation}), so a deferral and a bounce of one reply are rows of their own. A
     * received-only message past those 24 hours ({@link MessageChain#staleReceived}) has no reply: its later rows are
     * missing from the log, which is said as a stale deferral's missing outcome is. A failed message to a domain the
     * DNS checks found no mail can reach is told what that fact means ({@link DomainFacts}). {@code passed}: the
     * chain is a lookup failure that came and went ({@link DomainFacts#passedLookup(MessageChain, DomainFactUse,
     * LogEvidence)}, as {@link #words} found it).
     */
    private String remediation(MessageChain c, DomainFactUse use, boolean passed, Redactor r) {
        Optional<String> missing = MissingOutcome.adviceKey(c);
        if (missing.isPresent()) {
            return texts.get(missing.get());
        }
        String advice = passed ? texts.get("lookupFailed.passing.remediation")
                : use.replaces().map(f -> domainFactText(f, use.adminSuffix(), c, r))
                        .orElseGet(() -> withNote(adviceAfterChecks(c).map(r::ourText).orElse(""), use, c, r));
        // a domain one typing slip from one this log delivered to: the one likely meant (LikelyTypos), after a
        // lookup failure that came and went too, as who acts names the typo first (DomainFacts.actor) and analyze
        // adds it
        return evidence.typos().intended(c).filter(d -> !advice.isEmpty())
                .map(d -> advice + " " + texts.format("typo.note", shownDomain(c.recipientDomain(), r),
                        shownDomain(d, r))).orElse(advice);
    }

    /**
     * The reply's advice to our admin, but where it ends "run MailPath's DNS check on the domain" and the report's
     * checks include the domain, the words that send to what they found instead (remediation.checked.rule.*): a
     * report made with the checks told to run them. Only the advice the rule gives every message is replaced, not
     * words of a deferral or a bounce of its own.
     */
    private Optional<String> adviceAfterChecks(MessageChain c) {
        Optional<String> advice = c.remediation(language);
        if (!domainFacts.checked(c.recipientDomain())) {
            return advice;
        }
        return c.diagnosis().filter(d -> advice.filter(a -> a.equals(d.remediation(language))).isPresent())
                .flatMap(d -> texts.remediationAfterChecks(d.ruleId())).or(() -> advice);
    }

    /** The same for the recipient's mail team ({@link #mailTeamRemediation(Diagnosis, Verdict)}). */
    private String mailTeamRemediation(MessageChain c, DomainFactUse use, boolean passed, Redactor r) {
        Optional<String> missing = MissingOutcome.adviceKey(c);
        if (missing.isPresent()) {
            return texts.get(missing.get() + ".mailTeam");
        }
        if (passed) {
            return texts.get("lookupFailed.passing.remediation.mailTeam");
        }
        return use.replaces().map(f -> domainFactText(f, use.theirsToRestore() ? ".mailTeam.own" : ".mailTeam", c, r))
                .orElseGet(() -> c.ownMailTeamRemediation(language)
                        .or(() -> c.diagnosis().map(x -> mailTeamRemediation(x, c.verdict())))
                        .map(r::ourText).map(t -> withNote(t, use, c, r)).orElse(""));
    }

    /** Advice with, after it, what the checks find of the domain now where the reply still explains the failure. */
    private String withNote(String advice, DomainFactUse use, MessageChain c, Redactor r) {
        return use.note().filter(f -> !advice.isEmpty())
                .map(f -> advice + " " + domainFactText(f, ".now", c, r)).orElse(advice);
    }

    /**
     * The advice of a diagnosis as the recipient's mail team reads it: the knowledge base's words for them, else the
     * general words of the actor's side. A diagnosis without a fix for our admin has none for them either. A bounce
     * no one must act on (a reply asking to try later, as a rate limit) is not retried by Salesforce: the words for
     * a deferral would promise that it is.
     */
    private String mailTeamRemediation(Diagnosis d, Verdict verdict) {
        if (d.remediation().isEmpty()) {
            return "";
        }
        return d.mailTeamRemediation(language).orElseGet(() -> d.actor() == Actor.NOBODY && verdict == Verdict.BOUNCED
                ? texts.get("mailTeam.advice.NOBODY.bounced") : texts.mailTeamAdvice(d.actor()));
    }

    /**
     * The words of a failed chain's rule or category ({@link ReportTexts#causeWords(Category, String, Actor, boolean)}):
     * the rule's actor, not the chain's, decides whether they are our side's: a bounce of a rule that names no one is
     * our admin's to send again ({@link MessageChain#actor}) while the limit that deferred it stays the recipient's
     * servers'.
     */
    private ReportTexts.CauseWords causeWords(MessageChain c, boolean toMailTeam) {
        Category cat = c.category().orElse(Category.UNKNOWN);
        return c.diagnosis().map(x -> texts.causeWords(cat, x.ruleId(), x.actor(), toMailTeam))
                .orElseGet(() -> texts.causeWords(cat, toMailTeam));
    }

    /** A recipient domain as the report shows it: redacted, or its words for none. */
    String shownDomain(String domain, Redactor r) {
        return domain.isEmpty() ? texts.get("noDomain") : r.text(domain);
    }
}
