package org.mailpath.ui.dkim;

import java.util.List;
import org.mailpath.engine.dkim.DkimSelectorState;
import org.mailpath.engine.finding.Finding;

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
}
