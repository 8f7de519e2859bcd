package org.mailpath.engine.check;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.mtasts.PublishedPolicy;

/**
 * Everything found about one domain; {@code mtaStsPolicy}: the MTA-STS policy the MTA-STS check fetched and parsed,
 * when it ran and there is one; {@code checksNotMade}: the checks that this computer's network kept, wholly or in
 * part, from being made (a finding of theirs is {@link org.mailpath.engine.finding.NotChecked}), as the run saw them
 * before the failures of several checks were said once ({@link ChecksNotMade} names them). Empty where that is not
 * known, as in a result put together from findings alone.
 */
public record DomainCheckResult(String domain, List<Finding> findings, List<NameServerResult> nameServers,
                                Optional<PublishedPolicy> mtaStsPolicy, Set<CheckKind> checksNotMade) {

    public DomainCheckResult {
        findings = List.copyOf(findings);
        nameServers = List.copyOf(nameServers);
        checksNotMade = Set.copyOf(checksNotMade);
    }

    public DomainCheckResult(String domain, List<Finding> findings, List<NameServerResult> nameServers,
                             Optional<PublishedPolicy> mtaStsPolicy) {
        this(domain, findings, nameServers, mtaStsPolicy, Set.of());
    }

    public DomainCheckResult(String domain, List<Finding> findings, List<NameServerResult> nameServers) {
        this(domain, findings, nameServers, Optional.empty());
    }
}
