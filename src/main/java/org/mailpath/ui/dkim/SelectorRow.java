package org.mailpath.ui.dkim;

import java.util.List;
import org.mailpath.engine.dkim.DkimSelectorState;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.report.ReportFindings;

/**
 * One selector as shown: its DNS name, state in words, key, CNAME target, the records to publish, and the findings
 * whose sentences say more than those lines.
 */
public record SelectorRow(String selector, String name, DkimSelectorState state, String stateText, String key,
                          String cnameTarget, List<String> recordsToPublish, List<Finding> findings) {

    public SelectorRow {
        recordsToPublish = List.copyOf(recordsToPublish);
        findings = List.copyOf(findings);
    }

    public boolean good() {
        return state == DkimSelectorState.OK;
    }

    /**
     * The lookup failed because of this computer's network (its resolver answered nothing usable): the selector was
     * not checked, as the DNS checks (step 3) and the report say of such a lookup, not found at fault.
     */
    public boolean notChecked() {
        return notChecked(state, findings);
    }

    static boolean notChecked(DkimSelectorState state, List<Finding> findings) {
        return state == DkimSelectorState.LOOKUP_FAILED && findings.stream().anyMatch(ReportFindings::notChecked);
    }
}
