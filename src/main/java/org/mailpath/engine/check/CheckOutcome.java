package org.mailpath.engine.check;

import java.util.List;
import org.mailpath.engine.finding.Finding;

/** The result of one {@link DomainCheck}: its findings and, for the EDNS check, the per-server results. */
public record CheckOutcome(List<Finding> findings, List<NameServerResult> nameServers) {

    public CheckOutcome {
        findings = List.copyOf(findings);
        nameServers = List.copyOf(nameServers);
    }

    public static CheckOutcome of(List<Finding> findings) {
        return new CheckOutcome(findings, List.of());
    }
}
