package org.mailpath.ui.common;

import org.mailpath.engine.analysis.MessageChain;

/** A message's verdict as the message lists say it: "Delivered after 2 retries", "Deferred, no outcome after 24 hours". */
public final class VerdictWords {

    private VerdictWords() {
    }

    public static String of(MessageChain c, Messages messages) {
        if (c.stale()) {
            return messages.get("events.verdict.DEFERRED_STALE");
        }
        return c.deliveredAfterRetry()
                ? messages.format("events.verdict.DELIVERED_AFTER_RETRY", c.retriesBeforeDelivery())
                : messages.get("events.verdict." + c.verdict().name());
    }
}
