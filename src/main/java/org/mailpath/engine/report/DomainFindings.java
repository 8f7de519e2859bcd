package org.mailpath.engine.report;

import java.util.List;
import org.mailpath.engine.finding.Finding;

/**
 * Findings about one of our domains, worst first; {@code recordsToPublish} are the DNS records the fixes ask
 * for, in zone-file form (e.g. the Salesforce DKIM CNAMEs), so they can be copied as they are.
 */
public record DomainFindings(String domain, List<Finding> findings, List<String> recordsToPublish) {

    public DomainFindings {
        findings = List.copyOf(findings);
        recordsToPublish = List.copyOf(recordsToPublish);
    }
}
