package org.mailpath.cli;

import java.util.Locale;
import java.util.Optional;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.report.ReportTexts;

/**
 * What to do about a chain and who must, as the analysis's text summary and its JSON say it, in agreement with the
 * report: a stale deferral (its last T more than 24 hours before the log's end, {@link MessageChain#stale}) is no
 * longer retried by Salesforce, so its reply's advice ("Nothing to do: Salesforce retries", "the recipient must free
 * space") no longer holds; its outcome is missing from the log, which is our admin's to look into by requesting a
 * log that covers the day after it. The report's builder decides the same for its messages and causes.
 */
final class ChainAdvice {

    private ChainAdvice() {
    }

    static Optional<Actor> actor(MessageChain c) {
        return c.stale() ? Optional.of(Actor.SENDER_ADMIN) : c.actor();
    }

    static Optional<String> remediation(MessageChain c) {
        return c.stale() ? Optional.of(ReportTexts.english().get("deferral.stale")) : c.remediation(Locale.ENGLISH);
    }
}
