package org.mailpath.ui.common;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.check.AnalysisDnsChecks;

/**
 * Finds our own sending domain in a log (the DNS and DKIM steps start from it), read from each message's sender as
 * {@code analyze --check-dns} reads it ({@link AnalysisDnsChecks#senderDomain}). Unlike the command, which checks
 * every sending domain, the app leaves Salesforce's own addresses out: it pre-fills one domain, the admin's own.
 */
public final class SendingDomain {

    private SendingDomain() {
    }

    /**
     * The most frequent sending domain of the log's messages but Salesforce's own, the first seen of equally frequent
     * ones: the one {@code analyze --check-dns} checks first ({@link AnalysisDnsChecks#plan}) unless Salesforce's
     * addresses sent more.
     */
    public static Optional<String> of(LogAnalysis analysis) {
        Map<String, Long> counts = analysis.chains().stream().map(SendingDomain::of).flatMap(Optional::stream)
                .collect(Collectors.groupingBy(d -> d, LinkedHashMap::new, Collectors.counting()));
        // in first-seen order: a later domain takes the lead only with more messages
        return counts.entrySet().stream().reduce((a, b) -> b.getValue() > a.getValue() ? b : a)
                .map(Map.Entry::getKey);
    }

    /**
     * The sending domain of one message, read as the DNS checks read it ({@link AnalysisDnsChecks#senderDomain}): the
     * domain a Bounce Management envelope ({@code user=acme.example__0a1b@x.bnc.salesforce.com}) carries, else that
     * of the envelope sender, the address in the brackets of one written with its display name
     * ({@code Mary Jones <mary.jones@acme.example>}). Salesforce's own addresses (at or under salesforce.com) are left
     * out, as the SPF check's reading of the log leaves them out: they say nothing of the user's domain. A name the
     * app would not take as a domain to check (a single label) is none.
     */
    public static Optional<String> of(MessageChain chain) {
        return AnalysisDnsChecks.senderDomain(chain)
                .filter(d -> !d.equals("salesforce.com") && !d.endsWith(".salesforce.com"))
                .flatMap(DomainNames::normalize);
    }
}
