package org.mailpath.ui.dnscheck;

import java.util.List;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;

/** The findings of one domain with one severity, as shown under a heading. */
public record FindingGroup(String domain, Severity severity, String title, List<Finding> findings) {

    public FindingGroup {
        findings = List.copyOf(findings);
    }
}
