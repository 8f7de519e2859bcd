package org.mailpath.engine.check;

import java.util.List;
import java.util.Optional;
import org.mailpath.engine.finding.Actor;
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

    /**
     * This outcome for our own sending domain: what its checks put to the recipient's mail team (a failed lookup
     * of the domain, said the same way for any domain) is ours to act on. The words stay; who acts changes.
     */
    public CheckOutcome ours() {
        return new CheckOutcome(findings.stream().map(f -> f.actor() == Actor.RECIPIENT_MAIL_TEAM
                ? f.withActor(Actor.SENDER_ADMIN) : f).toList(), nameServers, mtaStsPolicy);
    }

    public CheckOutcome withMtaStsPolicy(Optional<PublishedPolicy> policy) {
        return new CheckOutcome(findings, nameServers, policy);
    }
}
