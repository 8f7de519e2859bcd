package org.mailpath.engine.check;

import java.net.IDN;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.mailpath.engine.address.IdnaNames;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.CancelledException;
import org.mailpath.engine.common.Parallel;
import org.mailpath.engine.dns.DnsFindingCodes;
import org.mailpath.engine.dns.DnsLookup;
import org.mailpath.engine.dns.NxdomainBesideData;
import org.mailpath.engine.dns.SilentServers;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.FindingTexts;
import org.mailpath.engine.finding.Severity;
import org.mailpath.engine.mtasts.PublishedPolicy;

/**
 * Runs every requested check of every domain at once, each on its own virtual thread, over one
 * {@link DnsLookup} per run (so identical questions are asked once) and one {@link SilentServers} (a dead name server
 * shared by many zones is tested in full once). A check that throws becomes a
 * {@code CHECK_FAILED} finding and the others go on; cancelling stops the run with {@link CancelledException}.
 * Findings of a domain are ordered worst first; a finding that two checks make alike (same code, subject and
 * message, e.g. NXDOMAIN seen by the existence and the MX check) is reported once, with the evidence of both; the
 * timeouts of a domain, and the failures of a resolver that does not work, are said once ({@link DnsFailuresOnce}); an
 * NXDOMAIN that the run's other answers for the name contradict is a failed lookup ({@link NxdomainBesideData}).
 */
public final class ConcurrentDomainChecker implements DomainChecker {

    private static final System.Logger LOG = System.getLogger(ConcurrentDomainChecker.class.getName());
    /** The texts of this package's findings ({@code findings.properties}). */
    static final FindingTexts TEXTS = FindingTexts.of(ConcurrentDomainChecker.class);

    private final Map<CheckKind, DomainCheck> checks = new EnumMap<>(CheckKind.class);
    private final Function<CheckOptions, DnsLookup> dnsFactory;

    /**
     * @param checks     the checks this checker can run (one per kind; a later one replaces an earlier one)
     * @param dnsFactory makes the run's resolver from its options (fresh cache per run)
     */
    public ConcurrentDomainChecker(List<DomainCheck> checks, Function<CheckOptions, DnsLookup> dnsFactory) {
        checks.forEach(c -> this.checks.put(c.kind(), c));
        this.dnsFactory = dnsFactory;
    }

    /** The kinds this checker can run. */
    @Override
    public Set<CheckKind> kinds() {
        return Set.copyOf(checks.keySet());
    }

    /** A check of a domain handed to the pool: its kind, and its outcome to come. */
    private record Running(CheckKind kind, Future<CheckOutcome> outcome) {
    }

    @Override
    public CheckReport check(List<CheckRequest> requests, CheckOptions options, CheckListener listener,
                             Cancellation cancellation) {
        cancellation.throwIfCancelled();
        DnsLookup dns = dnsFactory.apply(options);
        // like the resolver's cache, for this run only: a server silent now may answer at the next run
        SilentServers silent = new SilentServers();
        listener.asking(dns);
        Map<String, List<Running>> running = new LinkedHashMap<>();
        try (ExecutorService pool = Parallel.pool("mailpath-domain-check-");
             AutoCloseable stop = cancellation.onCancel(pool::shutdownNow)) {
            for (CheckRequest request : requests) {
                String domain = IdnaNames.lookupName(request.domain());
                List<Running> started = running.computeIfAbsent(domain, d -> new ArrayList<>());
                for (CheckKind kind : CheckKind.values()) {
                    DomainCheck check = checks.get(kind);
                    if (check != null && request.kinds().contains(kind)) {
                        CheckContext context = new CheckContext(domain, options, dns, cancellation,
                                request.salesforce(), request.bounceIps(), silent);
                        boolean ours = request.ours();
                        started.add(new Running(kind, pool.submit(() -> runOne(check, context, listener, ours))));
                    }
                }
            }
            // every check of every domain done first: the run's answers are then all in, and a finding read against
            // them (NxdomainBesideData) does not depend on which question was asked first
            Map<String, List<Map.Entry<CheckKind, CheckOutcome>>> done = new LinkedHashMap<>();
            for (var entry : running.entrySet()) {
                List<Map.Entry<CheckKind, CheckOutcome>> outcomes = new ArrayList<>();
                for (Running r : entry.getValue()) {
                    outcomes.add(Map.entry(r.kind(), await(r.outcome(), cancellation)));
                }
                done.put(entry.getKey(), outcomes);
            }
            List<DomainCheckResult> results = new ArrayList<>();
            for (var entry : done.entrySet()) {
                List<Finding> findings = new ArrayList<>();
                List<NameServerResult> servers = new ArrayList<>();
                Optional<PublishedPolicy> policy = Optional.empty();
                // which check met this computer's network's failure, known only here: once said together
                // (DnsFailuresOnce), the failures of several checks no longer tell whose they were
                Map<CheckKind, List<Finding>> byCheck = new EnumMap<>(CheckKind.class);
                List<Map.Entry<CheckKind, CheckOutcome>> outcomes = entry.getValue();
                // the domain's findings read against the run's answers at once (a name's answers read once for all
                // its checks), each check's back in its place
                List<List<Finding>> crossChecked = NxdomainBesideData.crossCheckedEach(
                        outcomes.stream().map(c -> c.getValue().findings()).toList(), dns);
                for (int i = 0; i < outcomes.size(); i++) {
                    CheckOutcome outcome = outcomes.get(i).getValue();
                    findings.addAll(crossChecked.get(i));
                    servers.addAll(outcome.nameServers());
                    policy = policy.or(outcome::mtaStsPolicy);
                    byCheck.put(outcomes.get(i).getKey(), crossChecked.get(i));
                }
                results.add(new DomainCheckResult(entry.getKey(), domainFindings(entry.getKey(), findings), servers,
                        policy, ChecksNotMade.kinds(byCheck)));
            }
            return new CheckReport(results);
        } catch (CancelledException e) {
            throw e;
        } catch (Exception e) {
            // cancelling shuts the pool down, so a check handed out after it is refused (RejectedExecutionException):
            // that is the cancellation, not a failure; else only closing the cancellation hook can throw here
            if (cancellation.isCancelled()) {
                throw new CancelledException();
            }
            throw new IllegalStateException(e);
        }
    }

    /**
     * A domain's findings as a run reports them, from its checks' findings in {@link CheckKind} order: worst first,
     * duplicates merged, timeouts and resolver failures said once. Public so that a caller that replaces one check's
     * findings afterwards (the UI, with the DKIM step's selectors) combines them as a run would.
     */
    public static List<Finding> domainFindings(String domain, List<Finding> checksFindings) {
        return DnsFailuresOnce.merge(domain, tidy(checksFindings));
    }

    private static CheckOutcome await(Future<CheckOutcome> f, Cancellation cancellation) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException | java.util.concurrent.CancellationException e) {
            // runOne turns every failure into a finding; only cancellation gets here
            throw new CancelledException();
        } finally {
            cancellation.throwIfCancelled();
        }
    }

    /** {@code ours}: the domain is our own sending domain ({@link CheckRequest#ours}). */
    private static CheckOutcome runOne(DomainCheck check, CheckContext context, CheckListener listener,
                                       boolean ours) {
        context.cancellation().throwIfCancelled();
        listener.started(context.domain(), check.kind());
        CheckOutcome outcome;
        try {
            outcome = check.run(context);
        } catch (CancelledException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            if (context.cancellation().isCancelled()) {
                throw new CancelledException();
            }
            LOG.log(System.Logger.Level.WARNING, "check " + check.kind() + " of " + context.domain() + " failed", e);
            // the Java error is for a bug report, so it goes in the evidence; the message stays plain words
            outcome = CheckOutcome.of(List.of(TEXTS.finding(DnsFindingCodes.CHECK_FAILED, Severity.ERROR,
                    context.domain(), List.of(";; internal error: " + e), Actor.NOBODY, DnsFindingCodes.CHECK_FAILED,
                    check.kind().toString(), context.domain())));
        }
        if (ours) {
            outcome = outcome.ours();
        }
        listener.finished(context.domain(), check.kind(), outcome.findings());
        return outcome;
    }

    /**
     * Worst first (stable); findings that say the same (code, subject, message) are merged into the worst of them.
     * The message is part of the key because one code about one subject can state different facts (an IP on two
     * blocklists, two report domains without authorization, two ptr terms); only the same fact seen by several
     * checks over different questions (NXDOMAIN from the SOA, MX and NS questions) is a duplicate.
     */
    static List<Finding> tidy(List<Finding> findings) {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparing(Finding::severity));
        Map<List<String>, Finding> merged = new LinkedHashMap<>();
        for (Finding f : sorted) {
            merged.merge(List.of(f.code(), f.subject().toLowerCase(Locale.ROOT), f.message()), f,
                    ConcurrentDomainChecker::withEvidenceOf);
        }
        return List.copyOf(merged.values());
    }

    /** {@code kept} with the evidence lines of {@code duplicate} it does not hold yet, so no answer is lost. */
    private static Finding withEvidenceOf(Finding kept, Finding duplicate) {
        Set<String> known = new HashSet<>(kept.evidence());
        List<String> added = duplicate.evidence().stream().filter(known::add).toList();
        if (added.isEmpty()) {
            return kept;
        }
        List<String> evidence = new ArrayList<>(kept.evidence());
        evidence.addAll(added);
        return kept.withEvidence(evidence);
    }
}
