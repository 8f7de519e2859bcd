package org.mailpath.ui.dnscheck;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.analysis.Verdict;
import org.mailpath.engine.check.SalesforceSendingInLog;
import org.mailpath.engine.spf.SalesforceSending;
import org.mailpath.engine.status.Category;
import org.mailpath.ui.common.DomainNames;
import org.mailpath.ui.common.SendingDomain;

/** What the step starts from: every failing domain (ranked) and recipient, and our sending domain. */
record LogPrefill(List<String> recipientDomains, Optional<String> senderDomain, List<String> recipients,
                  Map<String, SalesforceSending> sending, boolean failuresAtRelayOnly) {

    /**
     * Failure causes that the DNS checks can explain (MX, DNSSEC, DANE, MTA-STS, SPF/DKIM/DMARC): domains with such
     * failures are prefilled first, for their checks are the ones that matter.
     */
    private static final Set<Category> DNS_RELATED = EnumSet.of(Category.DNS, Category.NETWORK, Category.TLS,
            Category.AUTHENTICATION);
    private static final int MAX_RCPT_SUGGESTIONS = 20;

    static LogPrefill of(LogAnalysis analysis) {
        FailingDomains failing = failingRecipientDomains(analysis);
        return new LogPrefill(failing.domains(), SendingDomain.of(analysis), failingRecipients(analysis),
                SalesforceSendingInLog.of(analysis), failing.domains().isEmpty() && failing.someAtRelay());
    }

    /**
     * The recipient domains of bounced and deferred messages, ranked ({@link #failingRecipientDomains}), and whether
     * some such message ended at the org's Email Relay (counted for no domain): found in one walk over the chains.
     */
    record FailingDomains(List<String> domains, boolean someAtRelay) {
    }

    /** Recipients of bounced and deferred messages, first seen first: candidates for the RCPT test. */
    static List<String> failingRecipients(LogAnalysis analysis) {
        return analysis.chains().stream()
                .filter(c -> c.verdict() == Verdict.BOUNCED || c.verdict() == Verdict.DEFERRED)
                .map(MessageChain::recipient).filter(r -> RcptAddress.normalized(r).isPresent())
                .distinct().limit(MAX_RCPT_SUGGESTIONS).toList();
    }

    /**
     * Every recipient domain of bounced and deferred messages: first those with a failure the DNS checks can explain
     * ({@link #DNS_RELATED}), then the others; within each, most failed messages first, then by name. Messages that
     * ended at the org's Email Relay ({@link LogAnalysis#viaRelay}) count for none; whether there were such is
     * noted in the same walk.
     */
    static FailingDomains failingRecipientDomains(LogAnalysis analysis) {
        Map<String, long[]> counts = new LinkedHashMap<>(); // domain -> {failed, DNS-related}
        boolean someAtRelay = false;
        for (MessageChain c : analysis.chains()) {
            if (c.verdict() != Verdict.BOUNCED && c.verdict() != Verdict.DEFERRED) {
                continue;
            }
            // a message that ended at our Email Relay says nothing of the recipient domain: the relay's problems are ours
            if (analysis.viaRelay(c)) {
                someAtRelay = true;
                continue;
            }
            DomainNames.normalize(c.recipientDomain()).ifPresent(d -> {
                long[] n = counts.computeIfAbsent(d, x -> new long[2]);
                n[0]++;
                n[1] += c.category().filter(DNS_RELATED::contains).isPresent() ? 1 : 0;
            });
        }
        return new FailingDomains(counts.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, long[]> e) -> e.getValue()[1] == 0)
                        .thenComparing(e -> -e.getValue()[0]).thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey).toList(), someAtRelay);
    }
}
