package org.mailpath.engine.check;

import java.util.List;
import org.mailpath.engine.finding.Finding;

/** Everything found about one domain. */
public record DomainCheckResult(String domain, List<Finding> findings, List<NameServerResult> nameServers) {

    public DomainCheckResult {
        findings = List.copyOf(findings);
        nameServers = List.copyOf(nameServers);
    }
}
