package org.mailpath.engine.check;

import java.util.List;
import java.util.Optional;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.mtasts.PublishedPolicy;

/**
 * The result of one {@link DomainCheck}: its findings; for the EDNS check, the per-server results; for the MTA-STS
 * check, the policy it fetched (so that the SMTP probe's results can be judged against it).
 */
public record CheckOutcome(List<Finding> findings, List<NameServerResult> nameServers,
                           Optional<PublishedPolicy> mtaStsPolicy) {

    public CheckOutcome {
        findings = List.copyOf(findings);
        nameServers = List.copyOf(nameServers);
    }

    public CheckOutcome(List<Finding> findings, List<NameServerResult> nameServers) {
        this(findings, nameServers, Optional.empty());
    }

    public static CheckOutcome of(List<Finding> findings) {
        return new CheckOutcome(findings, List.of());
    }

    public CheckOutcome withMtaStsPolicy(Optional<PublishedPolicy> policy) {
        return new CheckOutcome(findings, nameServers, policy);
    }
}
