package org.mailpath.engine.report;

import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.status.Category;

/** One cause of failure: how many messages bounced / are deferred for it, and who must act. */
public record CauseRow(Category category, String label, long bounced, long deferred, Actor actor,
                       String explanation, String remediation) {

    public long total() {
        return bounced + deferred;
    }
}
