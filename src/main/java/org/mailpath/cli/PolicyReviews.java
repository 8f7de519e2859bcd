package org.mailpath.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mailpath.engine.address.IdnaNames;
import org.mailpath.engine.check.CheckReport;
import org.mailpath.engine.check.DomainCheckResult;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.mtasts.PublishedPolicy;
import org.mailpath.engine.mtasts.StsTlsCrossCheck;
import org.mailpath.engine.smtp.ProbeReport;
import org.mailpath.engine.smtp.TargetResult;

/**
 * Judges probed domains' MTA-STS policies against what the SMTP probe saw ({@link StsTlsCrossCheck}), the same way
 * for {@code mailpath probe} and {@code mailpath analyze --check-dns --probe-smtp}; {@link ProbeOutput} writes the
 * reviews.
 */
final class PolicyReviews {

    private PolicyReviews() {
    }

    /**
     * The review of one domain's policy: {@code before} (the MTA-STS check's own findings to show with it), then the
     * verdict on {@code results}; empty when the domain has no policy in force (none, or mode none).
     */
    static Optional<ProbeOutput.PolicyReview> of(Optional<PublishedPolicy> policy, List<Finding> before,
                                                 List<TargetResult> results) {
        return policy.filter(p -> !p.policy().mode().equals("none")).map(p -> {
            List<Finding> findings = new ArrayList<>(before);
            findings.addAll(StsTlsCrossCheck.judge(p, results));
            return new ProbeOutput.PolicyReview(p, findings);
        });
    }

    /**
     * For analyze: each domain the probe reached (in the probe's order) whose DNS check fetched a policy in force,
     * with the verdict only; the MTA-STS check's own findings already stand in the DNS checks' section.
     */
    static List<ProbeOutput.PolicyReview> forAnalysis(CheckReport checks, ProbeReport probe) {
        Set<String> probed = new LinkedHashSet<>();
        probe.targets().forEach(t -> probed.add(IdnaNames.lookupName(t.target().domain())));
        List<ProbeOutput.PolicyReview> reviews = new ArrayList<>();
        for (String domain : probed) {
            checks.domains().stream().filter(d -> IdnaNames.lookupName(d.domain()).equals(domain)).findFirst()
                    .flatMap(DomainCheckResult::mtaStsPolicy)
                    .flatMap(p -> of(Optional.of(p), List.of(), probe.targets()))
                    .ifPresent(reviews::add);
        }
        return reviews;
    }
}
