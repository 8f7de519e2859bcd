package org.mailpath.engine.check;

import java.util.ArrayList;
import java.util.List;
import org.mailpath.engine.dns.DnsFindingCodes;
import org.mailpath.engine.domain.DnsText;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;

/**
 * The timeouts of one domain said once: when its servers (or the resolver) do not answer, every check meets the same
 * silence with its own questions, and a dozen DNS_TIMEOUT findings would state one cause a dozen times. They become
 * one finding about the domain naming the silent names, with each original message and answer as evidence.
 */
final class TimeoutsOnce {

    private TimeoutsOnce() {
    }

    /** @param findings one domain's findings, worst first (the merged finding takes the first timeout's place) */
    static List<Finding> merge(String domain, List<Finding> findings) {
        List<Finding> timeouts = findings.stream().filter(TimeoutsOnce::isTimeout).toList();
        if (timeouts.size() < 2) {
            return findings;
        }
        Finding worst = timeouts.getFirst();
        List<String> names = timeouts.stream().map(Finding::subject).distinct().toList();
        List<String> evidence = new ArrayList<>();
        for (Finding f : timeouts) {
            evidence.add(";; " + f.message());
            evidence.addAll(f.evidence());
        }
        // LOCAL_NETWORK on every timeout: the resolvers do not work at all (DnsAnswer.resolverAtFault)
        boolean resolverAtFault = timeouts.stream().allMatch(f -> f.actor() == Actor.LOCAL_NETWORK);
        String message = timeouts.size() + " DNS questions got no answer" + (resolverAtFault
                ? " (" + DnsText.join(names, ", ") + "): the resolver asked does not work, not even for the root"
                + " zone, so these checks say nothing about " + domain + "; the evidence lists each question."
                : " within the time allowed (" + DnsText.join(names, ", ") + "), so the checks that needed them are"
                + " incomplete; the evidence lists each question and what it was for.");
        Finding once = new Finding(DnsFindingCodes.DNS_TIMEOUT, worst.severity(), domain, message, evidence,
                worst.remediation(), worst.actor());
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            if (!isTimeout(f)) {
                out.add(f);
            } else if (f == worst) {
                out.add(once);
            }
        }
        return List.copyOf(out);
    }

    private static boolean isTimeout(Finding f) {
        return f.code().equals(DnsFindingCodes.DNS_TIMEOUT);
    }
}
