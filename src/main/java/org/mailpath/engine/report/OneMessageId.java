package org.mailpath.engine.report;

import java.util.HashSet;
import java.util.Set;
import org.mailpath.engine.analysis.MessageChain;

/**
 * Whether some messages, every one of a report or of a domain, are the copies of one message to several
 * recipients (a CC'd copy has the ID of the message it copies): more than one, and all with the same non-empty
 * Message ID Header as the report matches IDs ({@link ReportOptions#messageIdKey}). Decided here, over all the
 * included messages, listed or not, so that the title block, a domain's counts and the conclusion say the same.
 */
final class OneMessageId {
    /** The IDs seen, up to two: a second one settles it. */
    private final Set<String> ids = new HashSet<>();

    void add(MessageChain c) {
        if (ids.size() < 2) {
            ids.add(ReportOptions.messageIdKey(c.messageIdHeader()));
        }
    }

    boolean copies(long count) {
        return count > 1 && ids.size() == 1 && !ids.contains("");
    }
}
