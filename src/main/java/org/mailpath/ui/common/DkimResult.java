package org.mailpath.ui.common;

import java.util.List;
import org.mailpath.engine.finding.Finding;

/**
 * What the DKIM step found about {@code domain}'s {@code selectors}: the same findings the DNS checks' DKIM check
 * makes for those selectors (both through {@link org.mailpath.engine.dkim.DkimSelectorReport#findingsOf}), so they take
 * the place of that domain's DKIM findings in the checks and the report.
 */
public record DkimResult(String domain, List<String> selectors, List<Finding> findings) {

    public DkimResult {
        selectors = List.copyOf(selectors);
        findings = List.copyOf(findings);
    }
}
