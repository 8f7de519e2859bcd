package org.mailpath.engine.smtp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.analysis.Verdict;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.status.Category;

/**
 * {@code analyze --probe-smtp}: the recipient domains whose bounced or deferred messages failed for a network, TLS
 * or DNS cause are the ones where the "telnet test" tells something; probe those (most failures first, capped).
 */
public final class FailedDomainProbe {

    /** Causes a probe can shed light on. */
    public static final Set<Category> PROBED_CATEGORIES = EnumSet.of(Category.NETWORK, Category.TLS, Category.DNS);
    /** Domains probed at most in one analysis. */
    public static final int DEFAULT_MAX_DOMAINS = 10;

    private FailedDomainProbe() {
    }

    /** The domains to probe, most failed messages first (then by name). */
    public static List<String> domainsToProbe(LogAnalysis analysis) {
        Map<String, Integer> failures = new TreeMap<>();
        for (MessageChain chain : analysis.chains()) {
            boolean failed = chain.verdict() == Verdict.BOUNCED || chain.verdict() == Verdict.DEFERRED;
            String domain = chain.recipientDomain();
            // a message that ended at our Email Relay says nothing of the recipient's servers
            if (failed && !domain.isEmpty() && chain.addressProblem().isEmpty()
                    && chain.category().filter(PROBED_CATEGORIES::contains).isPresent() && !analysis.viaRelay(chain)) {
                failures.merge(domain, 1, Integer::sum);
            }
        }
        return failures.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .toList();
    }

    /**
     * Probes the first {@code maxDomains} of {@link #domainsToProbe}; an INFO finding says when more were left out.
     * An analysis with no such domain gives an empty report.
     */
    public static ProbeReport probe(SmtpProbe probe, LogAnalysis analysis, int maxDomains,
                                    SmtpProbeListener listener, Cancellation cancellation) {
        List<String> domains = domainsToProbe(analysis);
        if (domains.isEmpty()) {
            return new ProbeReport(List.of(), List.of());
        }
        List<String> chosen = domains.subList(0, Math.min(maxDomains, domains.size()));
        ProbeReport report = probe.probe(chosen, listener, cancellation);
        if (chosen.size() == domains.size()) {
            return report;
        }
        List<Finding> findings = new ArrayList<>(report.findings());
        findings.add(SmtpFindings.of(SmtpCodes.SMTP_DOMAINS_CAPPED, analysis.file(),
                List.of("not probed: " + String.join(", ", domains.subList(chosen.size(), domains.size()))),
                domains.size(), chosen.size()));
        return new ProbeReport(report.targets(), findings, report.inputs());
    }
}
