package org.mailpath.ui.events;

import java.util.List;

/**
 * One bar of the causes chart: a single cause, or "Other causes (n)" gathering the less frequent ones, so the bars
 * always add up to every bounce and deferral. {@code causes} holds the causes the bar stands for; {@code text} says
 * its counts in words (and, for the gathered bar, each cause in it) for the tooltip and screen readers.
 */
public record CauseBar(String label, long bounced, long deferred, List<CauseCount> causes, String text) {

    public CauseBar {
        causes = List.copyOf(causes);
    }

    public long total() {
        return bounced + deferred;
    }

    /** True for the bar that gathers several causes. */
    public boolean gathered() {
        return causes.size() > 1;
    }
}
