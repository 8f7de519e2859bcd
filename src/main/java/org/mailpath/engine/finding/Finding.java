package org.mailpath.engine.finding;

import java.util.List;
import java.util.Objects;

/**
 * One result of a check. {@code code} is a stable id listed in docs/findings.md (scripts rely on it);
 * {@code subject} is the domain, host or IP it is about; {@code evidence} holds the raw facts it rests on
 * (DNS records in zone-file text with the server asked, rcode and time; SMTP transcript lines).
 */
public record Finding(String code, Severity severity, String subject, String message,
                      List<String> evidence, String remediation, Actor actor) {

    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        subject = subject == null ? "" : subject;
        message = message == null ? "" : message;
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        remediation = remediation == null ? "" : remediation;
        actor = actor == null ? Actor.NOBODY : actor;
    }
}
