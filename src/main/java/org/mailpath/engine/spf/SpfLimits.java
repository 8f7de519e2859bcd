package org.mailpath.engine.spf;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.dns.DnsAnswer;
import org.mailpath.engine.dns.DnsFindingCodes;
import org.mailpath.engine.dns.DnsLookup;
import org.mailpath.engine.domain.DnsAnswers;
import org.mailpath.engine.finding.LocalText;
import org.mailpath.engine.finding.Severity;

/**
 * How far one SPF evaluation may go and how far it went: its DNS questions, counted against the lookup and void-lookup
 * limits of RFC 7208 §4.6.4 when it enforces them (the receiver's view) or against the walk's safety bounds, the
 * failed questions and the time budget; and whether an error ends it.
 */
final class SpfLimits {

    static final int WALK_LOOKUP_CAP = 50;
    static final int QUERY_CAP = 600;
    /** Time budget of an evaluation when none is given. */
    static final Duration DEFAULT_BUDGET = Duration.ofSeconds(60);
    /** The walk gives up after this many failed DNS questions (timeouts, SERVFAIL). */
    static final int MAX_FAILED_QUERIES = 5;

    private final DnsLookup dns;
    private final Cancellation cancellation;
    private final boolean enforceLimits;
    private final InstantSource clock;
    private final Duration budget;
    private final SpfProblems problems;
    private final SpfTree tree;
    private Instant deadline = Instant.MAX;
    private String topDomain = "";

    private int lookups;
    private int voids;
    private int queries;
    private int failedQueries;
    private boolean capped;
    /** The last failed answer that made check_host() temperror (RFC 7208 §5); empty when time ran out after it. */
    private Optional<DnsAnswer> failedLookup = Optional.empty();

    SpfLimits(DnsLookup dns, Cancellation cancellation, boolean enforceLimits, InstantSource clock, Duration budget,
              SpfProblems problems, SpfTree tree) {
        this.dns = dns;
        this.cancellation = cancellation;
        this.enforceLimits = enforceLimits;
        this.clock = clock;
        this.budget = budget;
        this.problems = problems;
        this.tree = tree;
    }

    /** Starts the evaluation of {@code domain}: the time budget runs from now. */
    void start(String domain) {
        topDomain = domain;
        deadline = clock.instant().plus(budget);
    }

    /** Counts one lookup-limited term (§4.6.4). */
    void count(String term, String domain) {
        lookups++;
        if (enforceLimits && lookups > SpfEvaluator.LOOKUP_LIMIT) {
            throw new SpfStop(SpfResult.PERMERROR, text("reason.tooManyLookups", SpfEvaluator.LOOKUP_LIMIT, term,
                    domain));
        }
        if (!enforceLimits && lookups > WALK_LOOKUP_CAP) {
            capped = true;
            throw new SpfStop(SpfResult.PERMERROR, text("reason.walkCap", WALK_LOOKUP_CAP));
        }
    }

    /** Handles a term's main DNS answer: true if it has records; counts void lookups; errors end in temperror. */
    boolean checkVoid(DnsAnswer answer, String term) {
        if (answer.ok()) {
            return true;
        }
        if (DnsAnswers.failed(answer)) {
            temperror(answer, term);
            return false;
        }
        voids++;
        if (voids > SpfEvaluator.VOID_LIMIT && enforceLimits) {
            voidProblem();
            throw new SpfStop(SpfResult.PERMERROR, text("reason.tooManyVoids", SpfEvaluator.VOID_LIMIT, term));
        }
        return false;
    }

    DnsAnswer query(String name, int type) {
        cancellation.throwIfCancelled();
        if (clock.instant().isAfter(deadline)) {
            // the temperror is then the slowness of many answers, not the failure of one
            failedLookup = Optional.empty();
            slowProblem();
            throw new SpfStop(SpfResult.TEMPERROR, text("reason.slow", budget.toSeconds()));
        }
        if (++queries > QUERY_CAP) {
            capped = true;
            throw new SpfStop(SpfResult.PERMERROR, text("reason.queryCap", QUERY_CAP));
        }
        return dns.lookup(name, type, cancellation);
    }

    /**
     * A question that neither counts as a lookup nor ends the evaluation, for what is read but not evaluated: empty
     * when time or the query cap has run out.
     */
    Optional<DnsAnswer> quietQuery(String name, int type) {
        cancellation.throwIfCancelled();
        if (clock.instant().isAfter(deadline) || queries >= QUERY_CAP) {
            return Optional.empty();
        }
        queries++;
        return Optional.of(dns.lookup(name, type, cancellation));
    }

    /** Records an error result: ends the evaluation when enforcing, else the walk goes on. */
    SpfOutcome fail(SpfResult result, LocalText reason) {
        if (enforceLimits) {
            throw new SpfStop(result, reason);
        }
        return new SpfOutcome(result, reason);
    }

    /** An error inside a mechanism: ends the evaluation when enforcing; the walk treats it as no match. */
    Optional<SpfOutcome> errorAndGoOn(SpfResult result, LocalText reason) {
        fail(result, reason);
        return Optional.empty();
    }

    /** A lookup error that ends check_host() in temperror (RFC 7208 §5, §2.6.6). */
    void temperror(DnsAnswer answer, String term) {
        dnsProblem(answer);
        fail(SpfResult.TEMPERROR, text("reason.dns", answer.status().toString(), answer.name(), term));
    }

    /** A failed answer that makes check_host() temperror, one of the {@link #MAX_FAILED_QUERIES}. */
    void dnsProblem(DnsAnswer answer) {
        failedLookup = Optional.of(answer);
        failedQueries++;
        problems.lookupFailed(answer, text("phrase.duringEvaluation"));
        if (failedQueries >= MAX_FAILED_QUERIES) {
            // each failure may have cost a full timeout: a walk through dead servers must not go on for minutes
            throw new SpfStop(SpfResult.TEMPERROR, text("reason.failedLookups", failedQueries));
        }
    }

    int lookups() {
        return lookups;
    }

    int voids() {
        return voids;
    }

    /** Whether the walk stopped at its safety bound (the counts are then lower bounds). */
    boolean capped() {
        return capped;
    }

    Optional<DnsAnswer> failedLookup() {
        return failedLookup;
    }

    private void voidProblem() {
        problems.add("SPF_VOID_LOOKUPS", Severity.ERROR, tree.outermost().orElse(""),
                text("SPF_VOID_LOOKUPS.evaluation.message", voids, SpfEvaluator.VOID_LIMIT),
                text("SPF_VOID_LOOKUPS.evaluation.remediation"), List.of());
    }

    private void slowProblem() {
        String subject = tree.outermost().orElse(topDomain);
        problems.add(DnsFindingCodes.DNS_TIMEOUT, Severity.WARNING, subject, text("DNS_TIMEOUT.slow.message",
                subject, budget.toSeconds(), queries), text("DNS_TIMEOUT.slow.remediation"), List.of());
    }

    private static LocalText text(String key, Object... args) {
        return SpfTexts.text(key, args);
    }
}
