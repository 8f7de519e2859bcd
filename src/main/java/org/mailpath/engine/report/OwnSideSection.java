package org.mailpath.engine.report;

import java.util.List;
import org.mailpath.engine.finding.Finding;

/** Findings about our own sending domains (SPF, DKIM, DMARC…) and anything not tied to a recipient domain. */
public record OwnSideSection(List<DomainFindings> domains, List<Finding> otherFindings) {

    public OwnSideSection {
        domains = List.copyOf(domains);
        otherFindings = List.copyOf(otherFindings);
    }

    public boolean isEmpty() {
        return domains.isEmpty() && otherFindings.isEmpty();
    }
}
