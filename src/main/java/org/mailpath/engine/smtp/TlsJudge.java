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
    TlsJudge NONE = (target, facts, cancellation) -> List.of();

    List<Finding> judge(ProbeTarget target, TlsFacts facts, Cancellation cancellation);
}
