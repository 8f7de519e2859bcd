package org.mailpath.engine.check;

import java.util.List;
import org.mailpath.engine.finding.Finding;

/** The results of one check run, one entry per domain in the order asked. */
public record CheckReport(List<DomainCheckResult> domains) {

    public CheckReport {
        domains = List.copyOf(domains);
    }

    public static CheckReport empty() {
        return new CheckReport(List.of());
    }

    /** Every domain's findings, in the order of the domains. */
    public List<Finding> findings() {
        return domains.stream().flatMap(d -> d.findings().stream()).toList();
    }
}
