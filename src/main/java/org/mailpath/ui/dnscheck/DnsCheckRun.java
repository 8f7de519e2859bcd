package org.mailpath.ui.dnscheck;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.mailpath.engine.address.IdnaNames;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.check.CheckKind;
import org.mailpath.engine.check.CheckListener;
import org.mailpath.engine.check.CheckRequest;
import org.mailpath.engine.check.ChecksNotMade;
import org.mailpath.engine.check.ConcurrentDomainChecker;
import org.mailpath.engine.check.DomainCheckResult;
import org.mailpath.engine.dns.DnsFindingCodes;
import org.mailpath.engine.dns.DnsLookup;
import org.mailpath.engine.dns.NxdomainBesideData;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.mtasts.PublishedPolicy;
import org.mailpath.engine.report.ReportFindings;
import org.mailpath.engine.smtp.ProbeFindingsBesideChecks;
import org.mailpath.ui.common.DkimCoverage;
import org.mailpath.ui.common.DkimResult;
import org.mailpath.ui.common.Messages;

/**
 * The DNS part of one run of the step, as {@link MailServerRun} is the SMTP part: a row per domain and check, each
 * check's findings as the checker reported them, read against the run's answers, and the DKIM step's lookups that take
 * the place of the run's DKIM check. The checker reports on a worker ({@link #collect}, {@link #asking}); everything else
 * happens on the UI thread.
 */
final class DnsCheckRun {

    private final Messages messages;
    private final FindingText findingText;
    /** The rows by domain (as requested) and check, in the checks' order. */
    private final Map<String, Map<CheckKind, CheckRow>> rows = new LinkedHashMap<>();
    /** The findings by domain and check (as the checker reported them), to replace one check's later. */
    private final Map<String, Map<CheckKind, List<Finding>>> findings = new ConcurrentHashMap<>();
    private final AtomicReference<DnsLookup> asked = new AtomicReference<>();
    /** The log the run checked: a DKIM result for another log's domains must not bring that run back. */
    private final Optional<LogAnalysis> analysis;
    /** The DKIM selectors the run checked. */
    private final List<String> checkedSelectors;
    /** The domains the run was asked to check DKIM for (the sending domain), as requested. */
    private final List<String> dkimAsked;
    /**
     * The DKIM step's result when the run started: one set while the run was busy was not taken (see {@link #take}),
     * and one equal to the last never reached the listener, so the run's end looks for a new one.
     */
    private final Optional<DkimResult> dkimAtStart;
    /**
     * The run's DNS, whose answers the findings are read against as the run's report reads them
     * ({@link NxdomainBesideData}); empty for a checker that does not say ({@link CheckListener#asking}).
     */
    private Optional<DnsLookup> dns = Optional.empty();
    /** The run's DNS results, before the mail servers' findings join them. */
    private List<DomainCheckResult> results = List.of();
    /** The selectors whose findings the DKIM checks now hold: the run's, or a DKIM step lookup's that took their place. */
    private List<String> coveredSelectors;
    /** Whether {@link #coveredSelectors} are a DKIM step lookup's, which took the place of the run's DKIM check. */
    private boolean coveredByLookup;

    DnsCheckRun(List<CheckRequest> requests, List<String> selectors, Optional<LogAnalysis> analysis,
                Optional<DkimResult> dkimAtStart, Messages messages) {
        this.messages = messages;
        this.findingText = new FindingText(messages);
        this.analysis = analysis;
        this.checkedSelectors = selectors;
        this.coveredSelectors = selectors;
        this.dkimAtStart = dkimAtStart;
        this.dkimAsked = requests.stream().filter(r -> r.kinds().contains(CheckKind.DKIM)).map(CheckRequest::domain)
                .toList();
        for (CheckRequest r : requests) {
            Map<CheckKind, CheckRow> own = rows.computeIfAbsent(r.domain(), d -> new EnumMap<>(CheckKind.class));
            for (CheckKind kind : r.kinds().stream().sorted().toList()) {
                own.put(kind, new CheckRow(r.domain(), new RowTopic.DnsCheck(kind),
                        messages.get("dns.kind." + kind.name())));
            }
        }
    }

    /** No run (yet) of this log's checks. */
    static DnsCheckRun none(Messages messages) {
        return new DnsCheckRun(List.of(), List.of(), Optional.empty(), Optional.empty(), messages);
    }

    /** The rows of {@code domain}'s checks, in their order (placed by the caller). */
    List<CheckRow> rows(String domain) {
        return List.copyOf(rows.getOrDefault(domain, Map.of()).values());
    }

    /** The checker says which DNS it asks (any thread). */
    void asking(DnsLookup lookup) {
        asked.set(lookup);
    }

    void started(String domain, CheckKind kind) {
        row(domain, kind).ifPresent(row -> row.set(CheckState.RUNNING, messages.get("dns.row.running")));
    }

    /** Keeps a check's findings as the checker reported them (any thread); {@link #finished} shows them. */
    void collect(String domain, CheckKind kind, List<Finding> found) {
        findings.computeIfAbsent(domain, d -> new ConcurrentHashMap<>()).put(kind, List.copyOf(found));
    }

    void finished(String domain, CheckKind kind, List<Finding> found) {
        row(domain, kind).ifPresent(row -> row.set(CheckState.of(found), findingText.rowSummary(found)));
    }

    private Optional<CheckRow> row(String domain, CheckKind kind) {
        return Optional.ofNullable(rows.getOrDefault(domain, Map.of()).get(kind));
    }

    /**
     * The run ended or stopped: each check's findings, kept as it reported them, are read against the run's answers
     * as the run's report reads them ({@link NxdomainBesideData}), and the rows of those that change say so. A bare
     * NXDOMAIN for one type of a name whose other types answered is the name servers answering inconsistently: kept
     * as reported, the rows said DOMAIN_NXDOMAIN where the report did not, and it came back in the findings after a
     * stopped run or when the DKIM step's selectors took the DKIM check's place.
     */
    void crossCheck() {
        dns = Optional.ofNullable(asked.get());
        if (dns.isEmpty()) {
            return;
        }
        DnsLookup lookup = dns.get();
        findings.forEach((domain, byKind) -> {
            // a domain's checks read together, as the run's report reads them (ConcurrentDomainChecker)
            List<CheckKind> kinds = List.copyOf(byKind.keySet());
            List<List<Finding>> read = NxdomainBesideData.crossCheckedEach(kinds.stream().map(byKind::get).toList(),
                    lookup);
            for (int i = 0; i < kinds.size(); i++) {
                CheckKind kind = kinds.get(i);
                List<Finding> now = read.get(i);
                if (!now.equals(byKind.get(kind))) {
                    finished(domain, kind, now);
                    byKind.put(kind, now);
                }
            }
        });
    }

    /** What finished of a stopped run, as results. */
    List<DomainCheckResult> partial() {
        return findings.entrySet().stream()
                .map(e -> new DomainCheckResult(e.getKey(), inCheckOrder(e.getValue()), List.of(), Optional.empty(),
                        ChecksNotMade.kinds(e.getValue()))).toList();
    }

    /** A domain's findings of every check, in the order a run reports them (its checks' order). */
    private static List<Finding> inCheckOrder(Map<CheckKind, List<Finding>> byKind) {
        List<Finding> all = new ArrayList<>();
        for (CheckKind kind : CheckKind.values()) {
            all.addAll(byKind.getOrDefault(kind, List.of()));
        }
        return all;
    }

    /** The run's results: the report's when it finished, else {@link #partial}. */
    void ended(List<DomainCheckResult> dnsResults) {
        results = List.copyOf(dnsResults);
    }

    /**
     * A domain that does not exist has nothing else to check: its existence row says so, once, as the error; every
     * other check of it only follows from that. A green "No problem found" would call them a pass (the review saw
     * gone.example's EDNS, Blocklists and DANE rows so), and the errors and warnings they report ("publishes no MTA-STS
     * policy", "does not exist" again under MX, Name servers and DNSSEC) say the one fact four times over, or something
     * that is no problem of its own. Whatever their outcome, they become notes saying why there is nothing to check;
     * the findings themselves stay in the findings list and the report.
     */
    void markNothingToCheck() {
        for (Map<CheckKind, CheckRow> own : rows.values()) {
            for (CheckRow row : own.values()) {
                if (!row.state().finished() || !(row.topic() instanceof RowTopic.DnsCheck(CheckKind kind))
                        || kind == CheckKind.EXISTENCE) {
                    continue;
                }
                boolean missing = findings.getOrDefault(row.domain(), Map.of())
                        .getOrDefault(CheckKind.EXISTENCE, List.of()).stream()
                        .anyMatch(f -> f.code().equals(DnsFindingCodes.DOMAIN_NXDOMAIN));
                if (missing) {
                    row.set(CheckState.NOTE, messages.format("dns.row.noDomain", row.domain()));
                }
            }
        }
    }

    /**
     * The DKIM step's lookup that ended during the run, of other selectors than the run's: newer than the run's DKIM
     * check. The identity test leaves out a result from before the run (e.g. of selectors whose later lookup failed).
     */
    Optional<DkimResult> newerLookup(Optional<DkimResult> current) {
        return current.filter(r -> r != dkimAtStart.orElse(null) && !r.selectors().equals(checkedSelectors));
    }

    /**
     * The DKIM step looked up selectors of a domain whose DKIM was checked here: its findings take the place of the
     * DKIM check's (made with the selectors known then), in the domain's row and its findings. A domain not checked
     * here, or checked for a log opened before {@code current}, is left alone (false): the report would otherwise show
     * it as checked with its DKIM alone, or with the other log's checks.
     */
    boolean take(DkimResult dkim, Optional<LogAnalysis> current) {
        String domain = IdnaNames.lookupName(dkim.domain());
        Map<CheckKind, List<Finding>> byKind = findings.get(domain);
        if (byKind == null || !byKind.containsKey(CheckKind.DKIM) || current.orElse(null) != analysis.orElse(null)) {
            return false;
        }
        // read against the run's answers as the run's own DKIM findings were
        List<Finding> dkimFindings = dns.map(d -> NxdomainBesideData.crossChecked(dkim.findings(), d))
                .orElse(dkim.findings());
        byKind.put(CheckKind.DKIM, dkimFindings);
        List<Finding> combined = ConcurrentDomainChecker.domainFindings(domain, inCheckOrder(byKind));
        results = results.stream().map(r -> !IdnaNames.lookupName(r.domain()).equals(domain) ? r
                : new DomainCheckResult(r.domain(), combined, r.nameServers(), r.mtaStsPolicy(),
                        ChecksNotMade.kinds(byKind))).toList();
        rows.forEach((d, own) -> {
            CheckRow row = own.get(CheckKind.DKIM);
            if (row != null && IdnaNames.lookupName(d).equals(domain)) {
                row.set(CheckState.of(dkimFindings), findingText.rowSummary(dkimFindings));
            }
        });
        coveredSelectors = dkim.selectors();
        coveredByLookup = true;
        return true;
    }

    /**
     * Whose DKIM the checks cover, for the DKIM step: each domain asked to be checked for DKIM, and whether that check
     * was made, made without answers on this network, or not finished. Without it the DKIM step could not say that
     * its lookups of a domain the checks did not cover reach neither the checks nor the report.
     */
    DkimCoverage dkimCoverage() {
        Map<String, DkimCoverage.Outcome> outcomes = new LinkedHashMap<>();
        for (String domain : dkimAsked) {
            List<Finding> dkim = findings.getOrDefault(domain, Map.of()).get(CheckKind.DKIM);
            outcomes.put(IdnaNames.lookupName(domain), dkim == null ? DkimCoverage.Outcome.NOT_FINISHED
                    : dkim.stream().anyMatch(ReportFindings::notChecked) ? DkimCoverage.Outcome.NOT_FROM_THIS_NETWORK
                    : DkimCoverage.Outcome.CHECKED);
        }
        return new DkimCoverage(true, coveredSelectors, coveredByLookup, outcomes);
    }

    /** The run's results with the mail server findings joined to each domain's DNS findings. */
    List<DomainCheckResult> withMailServers(MailServerRun smtp) {
        Map<String, DomainCheckResult> byDomain = new LinkedHashMap<>();
        results.forEach(r -> byDomain.put(r.domain(), r));
        for (String domain : smtp.domains()) {
            DomainCheckResult checked = byDomain.get(domain);
            Optional<PublishedPolicy> policy = checked == null ? Optional.empty() : checked.mtaStsPolicy();
            // the probe's "does not exist" is the same fact as the DNS checks' NXDOMAIN: one problem, said once
            List<Finding> found = new ArrayList<>(ProbeFindingsBesideChecks.withoutKnown(smtp.findings(domain),
                    checked == null ? List.of() : checked.findings()));
            // the policy the DNS checks fetched, judged against the servers as probed (no second fetch)
            found.addAll(smtp.policyVerdict(domain, policy));
            if (found.isEmpty()) {
                continue;
            }
            List<Finding> all = new ArrayList<>(checked == null ? List.of() : checked.findings());
            all.addAll(found);
            byDomain.put(domain, new DomainCheckResult(domain, all,
                    checked == null ? List.of() : checked.nameServers(), policy,
                    checked == null ? Set.of() : checked.checksNotMade()));
        }
        return List.copyOf(byDomain.values());
    }
}
