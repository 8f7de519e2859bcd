package org.mailpath.engine.smtp;

import java.util.List;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.finding.Finding;

/**
 * Judges what STARTTLS established on one address with knowledge the probe itself lacks, such as the MX host's
 * DANE TLSA records (org.mailpath.engine.dane.DaneTlsCrossCheck). Its findings join the address's own before the
 * probe decides whether the address was fine, so they show wherever the probe's findings show. Called on the
 * session's thread, once per address; implementations must be thread-safe.
 */
@FunctionalInterface
public interface TlsJudge {

    /** Judges nothing. */
    TlsJudge NONE = (target, facts, cancellation) -> Verdict.of(List.of());

    Verdict judge(ProbeTarget target, TlsFacts facts, Cancellation cancellation);

    /**
     * A judge's findings, and whether the senders it speaks for accept the server's own certificate as it is,
     * whatever its issuer, names and dates ({@code leafPinned}: a matching DANE-EE(3) record, RFC 7672 §3.1.1). The
     * probe then words its certificate findings for that: such a certificate fails only the senders that check it
     * against public CAs, not every sender.
     */
    record Verdict(List<Finding> findings, boolean leafPinned) {
        public Verdict {
            findings = List.copyOf(findings);
        }

        /** Findings only: no sender accepts the certificate on the judge's word. */
        public static Verdict of(List<Finding> findings) {
            return new Verdict(findings, false);
        }
    }
}
