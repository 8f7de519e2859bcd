package org.mailpath.ui.events;

import org.mailpath.engine.status.Category;

/** How many bounced and deferred messages one cause category accounts for. */
public record CauseCount(Category category, String label, long bounced, long deferred) {

    public long total() {
        return bounced + deferred;
    }
}
