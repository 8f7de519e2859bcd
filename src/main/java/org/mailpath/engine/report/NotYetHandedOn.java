package org.mailpath.engine.report;

import java.util.Optional;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.analysis.Verdict;
import org.mailpath.engine.finding.Actor;

/**
 * A message the log shows only received (RECEIVED_ONLY): what that means and, within Salesforce's 24 hours, what can be
 * done. One source of these words for the app's message pane and {@code analyze}'s text and JSON, which gave a fresh
 * received-only message no explanation and no next step while the app asked for a log that runs later. A message
 * whose last row is more than 24 hours before the log's end has the missing outcome's advice instead
 * ({@link MissingOutcome}).
 */
public final class NotYetHandedOn {

    private NotYetHandedOn() {
    }

    /** Whose the next step (a log that runs later) is: our admin's, as the app and {@code analyze} name them. */
    public static final Actor ACTOR = Actor.SENDER_ADMIN;

    /** What a received-only message's rows mean. */
    public static String meaning(ReportTexts texts) {
        return texts.get("receivedOnly.meaning");
    }

    /** What a received-only message's rows mean; empty for any other verdict. */
    public static Optional<String> meaning(MessageChain c, ReportTexts texts) {
        return c.verdict() == Verdict.RECEIVED_ONLY ? Optional.of(meaning(texts)) : Optional.empty();
    }

    /**
     * What to do about a received-only message still within Salesforce's 24 hours at the log's end ({@code logEnd},
     * as the caller shows times); empty for any other, a stale one included.
     */
    public static Optional<String> advice(MessageChain c, ReportTexts texts, String logEnd) {
        return c.verdict() == Verdict.RECEIVED_ONLY && !c.staleReceived()
                ? Optional.of(texts.format("receivedOnly.todo", logEnd)) : Optional.empty();
    }
}
