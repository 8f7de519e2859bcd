package org.mailpath.ui.common;

import org.mailpath.engine.analysis.MessageChain;

/**
 * A message's verdict as the message lists say it: "Delivered after 2 retries", "Deferred, no outcome after 24 hours",
 * "Received only, no outcome after 24 hours" (a message whose last row is more than 24 hours before the log's end,
 * where Salesforce would have delivered or bounced it: the log misses rows).
 */
public final class VerdictWords {

    private VerdictWords() {
    }

    public static String of(MessageChain c, Messages messages) {
        if (c.stale()) {
            return messages.get("events.verdict.DEFERRED_STALE");
        }
        if (c.staleReceived()) {
            return messages.get("events.verdict.RECEIVED_ONLY_STALE");
        }
        return c.deliveredAfterRetry()
                ? messages.format("events.verdict.DELIVERED_AFTER_RETRY", c.retriesBeforeDelivery())
                : messages.get("events.verdict." + c.verdict().name());
    }
}
