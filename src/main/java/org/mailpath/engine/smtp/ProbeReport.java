package org.mailpath.engine.smtp;

import java.util.ArrayList;
import java.util.List;
import org.mailpath.engine.finding.Finding;

/**
 * The result of a probe run: one result per address probed (in MX preference order), and the findings that
 * concern no one address: those of finding an input's addresses (DNS failures, null MX, a name without an address)
 * and those of the run as a whole (targets capped, port 25 blocked locally). {@code inputs} says which of them came
 * from which input, in the order probed, so that output can show each under its input's name; a report made from
 * addresses alone ({@link SmtpProbe#probeTargets}) has none.
 */
public record ProbeReport(List<TargetResult> targets, List<Finding> findings, List<ProbedInput> inputs) {

    /** One input as given ({@code example.com}, {@code [mx.example.com]}, {@code 192.0.2.1}) and its findings. */
    public record ProbedInput(String input, List<Finding> findings) {
        public ProbedInput {
            findings = List.copyOf(findings);
        }
    }

    public ProbeReport {
        targets = List.copyOf(targets);
        findings = List.copyOf(findings);
        inputs = List.copyOf(inputs);
    }

    /** A report whose findings are told apart from no input's. */
    public ProbeReport(List<TargetResult> targets, List<Finding> findings) {
        this(targets, findings, List.of());
    }

    /** Every finding: the run's own, then each target's. */
    public List<Finding> allFindings() {
        var all = new ArrayList<>(findings);
        targets.forEach(t -> all.addAll(t.findings()));
        return List.copyOf(all);
    }

    /** {@link #findings} that are no input's: those of the run as a whole. */
    public List<Finding> runFindings() {
        return findings.stream().filter(f -> inputs.stream().noneMatch(i -> i.findings().contains(f))).toList();
    }
}
