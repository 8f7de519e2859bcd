package org.mailpath.engine.check;

import java.util.List;
import java.util.Optional;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.mtasts.PublishedPolicy;

/**
 * Everything found about one domain; {@code mtaStsPolicy}: the MTA-STS policy the MTA-STS check fetched and parsed,
 * when it ran and there is one.
 */
public record DomainCheckResult(String domain, List<Finding> findings, List<NameServerResult> nameServers,
                                Optional<PublishedPolicy> mtaStsPolicy) {

    public DomainCheckResult {
        findings = List.copyOf(findings);
        nameServers = List.copyOf(nameServers);
    }

    public DomainCheckResult(String domain, List<Finding> findings, List<NameServerResult> nameServers) {
        this(domain, findings, nameServers, Optional.empty());
    }
}
