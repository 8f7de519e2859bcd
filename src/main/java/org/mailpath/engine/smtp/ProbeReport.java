package org.mailpath.engine.smtp;

import java.util.List;
import org.mailpath.engine.finding.Finding;

/**
 * The result of a probe run: one result per address probed (in MX preference order), and the findings that
 * concern the run as a whole (DNS failures, null MX, port 25 blocked locally).
 */
public record ProbeReport(List<TargetResult> targets, List<Finding> findings) {

    public ProbeReport {
        targets = List.copyOf(targets);
        findings = List.copyOf(findings);
    }

    /** Every finding: the run's own, then each target's. */
    public List<Finding> allFindings() {
        var all = new java.util.ArrayList<>(findings);
        targets.forEach(t -> all.addAll(t.findings()));
        return List.copyOf(all);
    }
}
