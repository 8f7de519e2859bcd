package org.mailpath.ui.events;

import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.analysis.Verdict;

/** The verdict choices of the message table's filter. */
public enum VerdictFilter {
    ALL, FAILING, DELIVERED, DELIVERED_AFTER_RETRY, BOUNCED, DEFERRED, RECEIVED_ONLY;

    public boolean test(MessageChain chain) {
        return switch (this) {
            case ALL -> true;
            case FAILING -> chain.verdict() == Verdict.BOUNCED || chain.verdict() == Verdict.DEFERRED;
            case DELIVERED -> chain.verdict() == Verdict.DELIVERED;
            case DELIVERED_AFTER_RETRY -> chain.deliveredAfterRetry();
            case BOUNCED -> chain.verdict() == Verdict.BOUNCED;
            case DEFERRED -> chain.verdict() == Verdict.DEFERRED;
            case RECEIVED_ONLY -> chain.verdict() == Verdict.RECEIVED_ONLY;
        };
    }
}
