package org.mailpath.engine.report;

import java.util.Optional;
import org.mailpath.engine.analysis.MessageChain;

/**
 * A message whose outcome the log misses: a deferral Salesforce no longer retries ({@link MessageChain#stale}) or a
 * received-only message as old ({@link MessageChain#staleReceived}). Its reply's advice no longer holds, and what
 * is to be done, request a log that covers the day after it, is our admin's: the report, and {@code analyze}'s text
 * and JSON, say so with the same words.
 */
public final class MissingOutcome {

    private MissingOutcome() {
    }

    /**
     * The {@link ReportTexts} key of what to do about {@code c} (its mail team's words under the key plus
     * {@code .mailTeam}); empty when its outcome is not missing.
     */
    public static Optional<String> adviceKey(MessageChain c) {
        if (c.stale()) {
            return Optional.of("deferral.stale");
        }
        return c.staleReceived() ? Optional.of("receivedOnly.stale") : Optional.empty();
    }
}
