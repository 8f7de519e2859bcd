package org.mailpath.engine.smtp;

import java.util.List;
import java.util.Optional;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;

/**
 * The outcome of probing one address: the full transcript (evidence), the findings and what EHLO advertised.
 * {@code connectFailure} says how the TCP connect failed, if it did; {@code tlsFacts} how far STARTTLS got and,
 * once TLS is up, the handshake details and what the certificate is, for judges that must not read finding codes.
 */
public record TargetResult(ProbeTarget target, List<TranscriptLine> transcript, List<Finding> findings,
                           Capabilities capabilities, Optional<ConnectFailure> connectFailure, TlsFacts tlsFacts) {

    /** How a TCP connect failed. */
    public enum ConnectFailure { REFUSED, TIMEOUT, UNREACHABLE }

    public TargetResult {
        transcript = List.copyOf(transcript);
        findings = List.copyOf(findings);
    }

    /** The TLS details when STARTTLS got that far: read from {@link #tlsFacts}, which is the one place they live. */
    public Optional<TlsSummary> tls() {
        return tlsFacts instanceof TlsFacts.Established established ? Optional.of(established.summary())
                : Optional.empty();
    }

    /** The worst severity among the findings ({@code OK} when there are none). */
    public Severity worst() {
        return findings.stream().map(Finding::severity).min(Enum::compareTo).orElse(Severity.OK);
    }
}
