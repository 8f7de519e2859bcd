package org.mailpath.engine.report;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.mailpath.engine.address.IdnaNames;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.analysis.Verdict;
import org.mailpath.engine.check.AnalysisDnsChecks;
import org.mailpath.engine.check.CheckReport;
import org.mailpath.engine.check.DomainCheckResult;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.log.MailEvent;
import org.mailpath.engine.status.Diagnosis;

/**
 * What the DNS checks found of the recipient domains that no mail can reach ({@link NoMailDomain}), and what that
 * makes of the failed messages to them and of the finding that states it: who acts, and our admin's words. One
 * mechanism for the report ({@link ReportBuilder}) and {@code analyze --check-dns}'s text and JSON, so that a domain
 * that does not exist is our admin's address to correct in both, its DOMAIN_NXDOMAIN finding naming the same actor
 * as the messages' advice.
 */
public final class DomainFacts {

    private static final DomainFacts NONE = new DomainFacts(Map.of(), Set.of(), Set.of());

    /** The fact of each checked domain that has one, by its lookup name. */
    private final Map<String, NoMailDomain> facts;
    /** The lookup names of every checked domain. */
    private final Set<String> checked;
    /**
     * The lookup names of the domains found not to exist that the log shows delivered to ({@link #withLog}): the
     * domain existed then, so its name is no typo.
     */
    private final Set<String> deliveredTo;

    private DomainFacts(Map<String, NoMailDomain> facts, Set<String> checked, Set<String> deliveredTo) {
        this.facts = Map.copyOf(facts);
        this.checked = Set.copyOf(checked);
        this.deliveredTo = Set.copyOf(deliveredTo);
    }

    /** Without checks: no fact, no domain checked. */
    public static DomainFacts none() {
        return NONE;
    }

    /** The facts of {@code report}'s domains. */
    public static DomainFacts of(CheckReport report) {
        Map<String, NoMailDomain> facts = new HashMap<>();
        report.domains().forEach(d -> NoMailDomain.of(d).ifPresent(f -> facts.put(IdnaNames.lookupName(d.domain()), f)));
        return new DomainFacts(facts, report.domains().stream().map(d -> IdnaNames.lookupName(d.domain()))
                .collect(Collectors.toUnmodifiableSet()), Set.of());
    }

    /**
     * The same facts, knowing which domains the checks found not to exist the log shows delivered to: a delivery (not
     * a hand-off to Salesforce's own relay) needed the domain's MX looked up and a server of it accepted the message,
     * so the domain existed when the log was written and the address is not misspelt. (A failed attempt at a named
     * server keeps its own reply's words, {@link #serverTried}, and is no proof for the domain's other messages.) NXDOMAIN now means it has
     * lapsed or lost its delegation since, which its owners must restore: no address for our admin to correct
     * ({@link #theirsToRestore}). A second pass over {@code chains} only where the checks found such a domain.
     */
    public DomainFacts withLog(List<MessageChain> chains) {
        if (!facts.containsValue(NoMailDomain.NO_SUCH_DOMAIN)) {
            return this;
        }
        Set<String> seen = new HashSet<>();
        Map<String, String> lookupNames = new HashMap<>();
        for (MessageChain c : chains) {
            String domain = lookupNames.computeIfAbsent(c.recipientDomain(), IdnaNames::lookupName);
            if (facts.get(domain) == NoMailDomain.NO_SUCH_DOMAIN && !seen.contains(domain)
                    && c.events().stream().anyMatch(e -> e.event() == MailEvent.DELIVERED && !e.internalHandoff())) {
                seen.add(domain);
            }
        }
        return seen.isEmpty() ? this : new DomainFacts(facts, checked, seen);
    }

    /** Whether the log shows {@code domain}, found not to exist, delivered to ({@link #withLog}). */
    private boolean deliveredTo(String domain) {
        return !deliveredTo.isEmpty() && deliveredTo.contains(IdnaNames.lookupName(domain));
    }

    /** Who the failed messages to {@code domain} name to act, to gather for its fact's finding card. */
    Actors actors(String domain, boolean toMailTeam) {
        return new Actors(ofDomain(domain), toMailTeam, deliveredTo(domain));
    }

    /** Whether the checks included {@code domain}. */
    boolean checked(String domain) {
        // analyze without --check-dns has no checks: no IDNA conversion per call then
        return !checked.isEmpty() && checked.contains(IdnaNames.lookupName(domain));
    }

    /** The fact the checks found of {@code domain}, whatever its messages; empty for none. */
    Optional<NoMailDomain> ofDomain(String domain) {
        return facts.isEmpty() ? Optional.empty() : Optional.ofNullable(facts.get(IdnaNames.lookupName(domain)));
    }

    /** How {@code c} uses its domain's fact in our admin's reading ({@link #use(MessageChain, Optional, boolean)}). */
    DomainFactUse use(MessageChain c, boolean toMailTeam) {
        Optional<NoMailDomain> fact = of(c);
        // whether the log shows the domain delivered to matters only where the checks found it a fact
        return use(c, fact, toMailTeam, fact.isPresent() && deliveredTo(c.recipientDomain()));
    }

    /**
     * What the checks found of {@code c}'s domain in our admin's reading, resolved once for every question asked of
     * the chain ({@link ChainDomainFacts}): what {@code analyze} asks of a failed message several times.
     */
    public ChainDomainFacts forChain(MessageChain c) {
        return new ChainDomainFacts(c, use(c, false));
    }

    /**
     * Who must act on {@code c}, the one rule of the report's words ({@link MessageWording}) and {@code analyze}'s
     * advice: our admin where its domain is likely a typing slip ({@link #typoActor}), who checks the address first as
     * its advice's note says; else our admin for a lookup failure that came and went ({@link #passedLookup}), who
     * sends the message again ({@link PassingLookupFailures#ACTOR}); else as {@link #named} says: our admin for a
     * message whose outcome the log misses, the fact's actor where the checks' fact replaces the reply's words, else
     * the reply's. Empty where the chain names no one (no diagnosis, not a missing outcome).
     */
    static Optional<Actor> actor(MessageChain c, DomainFactUse use, LogEvidence log) {
        return actor(c, use, typoActor(c, use, log.typos()).isPresent(), passedLookup(c, use, log));
    }

    /**
     * {@link #actor(MessageChain, DomainFactUse, LogEvidence)} for a caller that has asked already whether {@code c}
     * is a likely typo ({@link #typoActor}, whose actor is our admin) and a passing lookup failure
     * ({@link #passedLookup}): the report's words need both, and the second walks the domain's answers.
     */
    static Optional<Actor> actor(MessageChain c, DomainFactUse use, boolean likelyTypo, boolean passedLookup) {
        return likelyTypo ? Optional.of(Actor.SENDER_ADMIN)
                : passedLookup ? Optional.of(PassingLookupFailures.ACTOR) : named(c, use);
    }

    /**
     * A lookup failure that came and went ({@link PassingLookupFailures}) where no fact of the DNS checks says more
     * ({@code use} replacing the reply's words: the domain does not exist now): its words and who acts are then the
     * passing failure's, in the report and {@code analyze} alike.
     */
    static boolean passedLookup(MessageChain c, DomainFactUse use, LogEvidence log) {
        return use.replaces().isEmpty() && log.passing().passed(c);
    }

    /**
     * Who the chain names to act, before a likely typo or a passing lookup failure is asked of: empty where it names
     * no one (no diagnosis, not a missing outcome).
     */
    private static Optional<Actor> named(MessageChain c, DomainFactUse use) {
        return MissingOutcome.adviceKey(c).isPresent() ? Optional.of(Actor.SENDER_ADMIN)
                : use.factActor().or(c::actor);
    }

    /**
     * Who acts first on {@code c} where its domain is one typing slip from one the log delivered to
     * ({@link LikelyTypos#firstActor}: our admin, who checks the address), unless the checks' fact of the domain
     * replaces its reply's words: a domain found not to exist names who acts itself ({@link NoMailDomain#actor}, or
     * its owners where it is theirs to restore). Empty otherwise.
     */
    static Optional<Actor> typoActor(MessageChain c, DomainFactUse use, LikelyTypos typos) {
        return use.replaces().isPresent() ? Optional.empty() : typos.firstActor(c);
    }

    /**
     * {@code result}'s findings, each stating a domain's no-mail fact naming who acts as the failed messages to that
     * domain among {@code chains} do ({@link #withFactActor}), in the report's and its linked findings alike: what
     * {@code analyze --check-dns} prints beside the messages' advice.
     */
    public AnalysisDnsChecks.Result withFactActors(AnalysisDnsChecks.Result result, List<MessageChain> chains) {
        Map<String, Actors> byDomain = new LinkedHashMap<>();
        // a log's many messages to few domains: each domain as written converted once
        Map<String, String> lookupNames = new HashMap<>();
        for (MessageChain c : chains) {
            String domain = lookupNames.computeIfAbsent(c.recipientDomain(), IdnaNames::lookupName);
            if (facts.containsKey(domain)) {
                byDomain.computeIfAbsent(domain, d -> actors(d, false)).add(c);
            }
        }
        if (byDomain.isEmpty()) {
            return result;
        }
        List<DomainCheckResult> domains = new ArrayList<>();
        for (DomainCheckResult d : result.report().domains()) {
            domains.add(new DomainCheckResult(d.domain(), d.findings().stream()
                    .map(f -> withFactActor(f, d.domain(), byDomain)).toList(), d.nameServers(), d.mtaStsPolicy(),
                    d.checksNotMade()));
        }
        List<AnalysisDnsChecks.LinkedFinding> linked = result.findings().stream()
                .map(l -> new AnalysisDnsChecks.LinkedFinding(l.domain(), l.role(),
                        withFactActor(l.finding(), l.domain(), byDomain), l.chains())).toList();
        return new AnalysisDnsChecks.Result(result.plan(), new CheckReport(domains), linked);
    }

    private static Finding withFactActor(Finding f, String domain, Map<String, Actors> byDomain) {
        Actors actors = byDomain.get(IdnaNames.lookupName(domain));
        return actors == null ? f : withFactActor(f, domain, actors);
    }

    /**
     * Who must act on a chain, as the report's words and analyze's advice say it: our admin for a message whose
     * outcome the log misses ({@link MissingOutcome}), else the fact's actor where the checks' fact replaces the
     * reply's words, else the chain's ({@link MessageChain#actor}), which is who acts on what stopped it
     * ({@link #stoppedBy}) but for deferrals that lasted until Salesforce gave up.
     */
    static Actor actor(MessageChain c, DomainFactUse use) {
        return named(c, use).orElse(Actor.NOBODY);
    }

    /**
     * Who must act on what stopped a chain: the fact's actor where what the DNS checks found replaces its reply's
     * words ({@link DomainFactUse#factActor}), else its reply's ({@link MessageChain#stoppedBy}: the receiving side's
     * for deferrals that lasted until Salesforce gave up, our admin's to send again). A stale deferral keeps it apart
     * from its actor
     * ({@link #actor}), so that a report's words on what stopped its messages are decided message by message.
     */
    static Actor stoppedBy(MessageChain c, DomainFactUse use) {
        return use.factActor().orElseGet(() -> c.stoppedBy().orElse(Actor.NOBODY));
    }

    /**
     * Who the failed messages to one recipient domain name to act ({@link #actor}), gathered for the finding card
     * that states the domain's no-mail fact ({@link #withFactActor}); made once per domain, with the domain's fact
     * ({@code checked}, looked up once). A stale deferral is left out, message by message: its actor (our admin, who
     * requests a fuller log) says nothing about the domain, neither for the fact nor against it, and the domain's
     * other failed messages decide.
     */
    static final class Actors {
        private final Set<Actor> actors = EnumSet.noneOf(Actor.class);
        private final Optional<NoMailDomain> checked;
        private final boolean toMailTeam;
        /** Whether the log shows the domain delivered to ({@link DomainFacts#withLog}). */
        private final boolean deliveredTo;

        Actors(Optional<NoMailDomain> checked, boolean toMailTeam, boolean deliveredTo) {
            this.checked = checked;
            this.toMailTeam = toMailTeam;
            this.deliveredTo = deliveredTo;
        }

        void add(MessageChain c) {
            if (c.verdict() != Verdict.BOUNCED && c.verdict() != Verdict.DEFERRED || c.stale()) {
                return;
            }
            actors.add(actor(c, use(c, checked.filter(f -> c.diagnosis().isPresent()), toMailTeam, deliveredTo)));
        }

        /** Whether every failed message that is not stale names {@code actor}, and there is one at least. */
        boolean allName(Actor actor) {
            return actors.equals(EnumSet.of(actor));
        }
    }

    /**
     * What the DNS checks found of a failed message's recipient domain that no mail can reach ({@link NoMailDomain}),
     * which then settles what to do instead of the reply's advice; empty for a message that did not fail, a stale
     * deferral (whose missing outcome is said first), a domain not checked or one mail can reach, a message for which
     * a server of the domain was tried ({@link #serverTried}: the domain existed then, {@link #laterDomainFact}) and
     * a reply that says null MX itself (the knowledge base's advice is then the fact's).
     */
    private static Optional<NoMailDomain> domainFact(NoMailDomain checked, boolean tried, boolean nullMx) {
        return Optional.of(checked).filter(f -> !tried && !nullMx);
    }

    /**
     * The same fact of a message whose reply explains its failure on its own: a server of the domain was tried (a
     * full mailbox's 452 from its MX, or its MX named with Salesforce's own reply), so the domain existed then and
     * may have lapsed since, or the reply said null MX. The reply's advice stands; a note says what the checks find
     * now. Empty where the reply says the fact itself.
     */
    private static Optional<NoMailDomain> laterDomainFact(NoMailDomain checked, boolean tried, boolean nullMx) {
        return Optional.of(checked).filter(f -> tried || nullMx).filter(f -> f != NoMailDomain.NULL_MX || !nullMx);
    }

    /**
     * {@link #domainFact} and {@link #laterDomainFact} of a chain, its events gone through once for both;
     * {@code checked} is the fact of its domain ({@link #of(MessageChain)}).
     */
    static DomainFactUse use(MessageChain c, Optional<NoMailDomain> checked, boolean toMailTeam, boolean deliveredTo) {
        if (checked.isEmpty()) {
            return DomainFactUse.NONE;
        }
        boolean tried = serverTried(c);
        boolean nullMx = saysNullMx(c);
        Optional<NoMailDomain> replaces = domainFact(checked.get(), tried, nullMx);
        boolean lapsed = replaces.filter(f -> f == NoMailDomain.NO_SUCH_DOMAIN && deliveredTo
                && c.addressProblem().isEmpty()).isPresent();
        return new DomainFactUse(replaces, laterDomainFact(checked.get(), tried, nullMx),
                lapsed || replaces.filter(f -> theirsToRestore(f, c, toMailTeam)).isPresent(), lapsed);
    }

    /**
     * Whether a domain that does not exist is for the mail team the report is addressed to ({@code toMailTeam}) to
     * restore. Our admin's report reads the fact as an address to correct (misspelt, or the domain lapsed:
     * {@link NoMailDomain#actor}); but a report our admin sends that domain's own mail team says by being sent that
     * the domain is theirs, so its registration or DNS delegation is theirs to restore, and telling them "nothing
     * is needed from you" beside a domain of theirs that has lapsed was untrue. It stays ours where the message
     * itself says the address is ours to correct: its reply put the fix on our side (Salesforce's "No Valid
     * Domain": check the address for typos) or the address is no valid mailbox. A domain the log shows delivered to is
     * theirs to restore in every report ({@link #withLog}): it existed, so it is not misspelt. A null MX is the domain's choice to
     * accept no mail (ours to correct), a domain without mail hosts is theirs already.
     */
    private static boolean theirsToRestore(NoMailDomain fact, MessageChain c, boolean toMailTeam) {
        return toMailTeam && fact == NoMailDomain.NO_SUCH_DOMAIN && c.addressProblem().isEmpty()
                && c.actor().filter(a -> a == Actor.SENDER_ADMIN).isEmpty();
    }

    /**
     * The no-mail fact of a failed (bounced or deferred, diagnosed, not stale) chain's recipient domain, where the
     * checks found one; empty otherwise.
     */
    Optional<NoMailDomain> of(MessageChain c) {
        if (c.stale() || c.diagnosis().isEmpty()
                || c.verdict() != Verdict.BOUNCED && c.verdict() != Verdict.DEFERRED) {
            return Optional.empty();
        }
        return ofDomain(c.recipientDomain());
    }

    private static boolean saysNullMx(MessageChain c) {
        return c.diagnosis().filter(d -> Diagnosis.saysNullMx(d.ruleId())).isPresent();
    }

    /**
     * Whether a server of the recipient's was tried on a failed attempt ({@link TheirServerContact#attempted}): one is
     * named as the relay, or one replied. Only a message for which none was can have failed for its domain not
     * existing or having no mail host: a relay named, even with Salesforce's own [internal] reply, came from the
     * domain's MX or address records, so the domain had a mail host then, and "there was no mail server of it for
     * Salesforce to deliver to" would contradict the row beside it; what the checks find now is a note
     * ({@link #laterDomainFact}), as after a reply. The same question decides whether the mail team is asked to look
     * in their logs.
     */
    static boolean serverTried(MessageChain c) {
        return c.events().stream().anyMatch(e -> (e.event() == MailEvent.TRANSIENT_FAILURE
                || e.event() == MailEvent.PERMANENT_FAILURE) && TheirServerContact.attempted(e));
    }

    /**
     * A finding that states what no mail can reach of its recipient domain ({@link NoMailDomain#stated}) names who
     * acts as the advice of the messages to that domain does ({@link NoMailDomain#actor}): DOMAIN_NXDOMAIN's and a
     * null MX's checks name the domain's mail team, while the messages' advice, the causes table and the conclusion
     * have the address corrected by our admin. Only the actor changes: the finding's words for the mail team
     * already say that a misspelt or refused address is ours to correct, and what restores mail if it is theirs.
     * The card follows its messages: it moves only where every failed message to the domain names the fact's actor.
     * A message for which a server of the domain was tried ({@link #serverTried}) keeps its reply's actor (the
     * domain existed then), and a card naming our admin beside it would contradict it; nor does a card move for a
     * domain without a failed message, whose advice names no one.
     */
    static Finding withFactActor(Finding f, String domain, Actors messages) {
        return NoMailDomain.stated(f, domain)
                .map(fact -> (messages.toMailTeam || messages.deliveredTo) && fact == NoMailDomain.NO_SUCH_DOMAIN
                        ? Actor.RECIPIENT_MAIL_TEAM : fact.actor())
                .filter(a -> a != f.actor())
                .filter(messages::allName)
                .map(f::withActor).orElse(f);
    }
}
