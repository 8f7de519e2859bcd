package org.mailpath.engine.smtp;

import java.util.List;
import java.util.Optional;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.smtp.TargetResult.ConnectFailure;

/**
 * When no address at all could be connected and the attempts timed out (unreachable ones aside), the likely cause
 * is this computer's network blocking outbound SMTP, not every one of the recipient's servers. Public so that a
 * caller probing in several runs (the wizard probes domain by domain) can judge all their results together.
 */
public final class PortBlockedCheck {

    private PortBlockedCheck() {
    }

    public static Optional<Finding> check(List<TargetResult> results, int port) {
        boolean allFailed = !results.isEmpty() && results.stream().allMatch(r -> r.connectFailure().isPresent());
        boolean anyTimeout = results.stream().anyMatch(r -> r.connectFailure().equals(Optional.of(ConnectFailure.TIMEOUT)));
        boolean noRefusal = results.stream().noneMatch(r -> r.connectFailure().equals(Optional.of(ConnectFailure.REFUSED)));
        if (!allFailed || !anyTimeout || !noRefusal) {
            return Optional.empty();
        }
        List<String> evidence = results.stream()
                .map(r -> r.target().label() + ": connect " + r.connectFailure().orElseThrow())
                .toList();
        String hosts = String.join(", ", results.stream().map(r -> r.target().host()).distinct().toList());
        return Optional.of(SmtpFindings.of(SmtpCodes.SMTP_PORT25_BLOCKED_LOCALLY, hosts, evidence, port,
                results.size()));
    }
}
