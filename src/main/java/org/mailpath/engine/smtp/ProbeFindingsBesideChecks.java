package org.mailpath.engine.smtp;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.mailpath.engine.dns.DnsFindingCodes;
import org.mailpath.engine.domain.OrganizationalDomain;
import org.mailpath.engine.finding.Finding;

/**
 * The probe's findings beside the DNS checks' findings of the same run, without the facts the checks already state.
 * A domain that does not exist is DOMAIN_NXDOMAIN to the DNS checks and SMTP_DOMAIN_NOT_FOUND to the probe: one fact,
 * which counted twice made a report of 30 nonexistent domains say "60 problems" and each domain's section say it
 * twice. The checks' finding stays (it has the DNS evidence of every question asked); the probe's goes.
 */
public final class ProbeFindingsBesideChecks {

    private ProbeFindingsBesideChecks() {
    }

    /** {@code probeFindings} without those that repeat a fact of {@code checkFindings} (any domains' findings). */
    public static List<Finding> withoutKnown(List<Finding> probeFindings, List<Finding> checkFindings) {
        Set<String> nonexistent = checkFindings.stream()
                .filter(f -> f.code().equals(DnsFindingCodes.DOMAIN_NXDOMAIN))
                .map(f -> key(f.subject())).collect(Collectors.toSet());
        return probeFindings.stream().filter(f -> !(f.code().equals(SmtpCodes.SMTP_DOMAIN_NOT_FOUND)
                && nonexistent.contains(key(f.subject())))).toList();
    }

    /**
     * A subject as both sides are compared: lower case, no final dot (its trim finds nothing to take: both sides'
     * domains were stripped before they were looked up). No IDN conversion, which would change what matches.
     */
    private static String key(String name) {
        return OrganizationalDomain.normalize(name);
    }
}
