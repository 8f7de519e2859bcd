package org.mailpath.ui.common;

import java.util.Optional;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.check.AnalysisDnsChecks;
import org.mailpath.engine.check.OwnSendingDomain;

/**
 * Finds our own sending domain in a log (the DNS and DKIM steps start from it): of each message's sending domains
 * that are ours as {@code analyze --check-dns} takes them ({@link OwnSendingDomain}: Salesforce's own addresses are
 * not), the app pre-fills one, the admin's own; the command checks several.
 */
public final class SendingDomain {

    private SendingDomain() {
    }

    /**
     * The most frequent of our sending domains in the log's messages, the first seen of equally frequent ones: the
     * one {@code analyze --check-dns} checks first ({@link AnalysisDnsChecks#plan}).
     */
    public static Optional<String> of(LogAnalysis analysis) {
        return OwnSendingDomain.of(analysis).byFrequency().stream().findFirst();
    }
}
