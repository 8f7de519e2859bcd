package org.mailpath.engine.check;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.mailpath.engine.address.DomainNameSyntax;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.MessageChain;

/**
 * Which of the log's sending domains is ours, the admin's: the one place that says so for {@code analyze --check-dns}
 * ({@link AnalysisDnsChecks#plan}), for what the log shows of how Salesforce sends ({@link SalesforceSendingInLog})
 * and for the app's sender domain. A message's sending domain is read as {@link AnalysisDnsChecks#senderDomain} reads
 * it (the domain a Bounce Management envelope carries, else the envelope sender's).
 *
 * <p>Salesforce's own addresses (at or under salesforce.com: {@code noreply@salesforce.com}, a
 * {@code …bnc.salesforce.com} envelope that carries no domain of ours) are not ours: their DNS is Salesforce's, and a
 * finding about it would tell our admin to fix a domain only Salesforce can. The Email Log's Sender column is "the
 * Envelope From address used in the email. The default value is the email address of the person who sent the email.
 * If Email Security Compliance or Bounce Management are enabled, this address contains *.bnc.salesforce.com"
 * (Salesforce Help, Email Log Reference).
 */
public final class OwnSendingDomain {

    private static final String SALESFORCE = "salesforce.com";

    private OwnSendingDomain() {
    }

    /**
     * Our sending domain of one message, lower-case ASCII; empty when its sender is one of Salesforce's own addresses
     * or names no domain we could check (no mailbox, or a Bounce Management envelope carrying no domain name with a
     * dot: {@code user=localhost__0a1b@x1y2.bnc.salesforce.com}).
     */
    public static Optional<String> of(MessageChain chain) {
        return AnalysisDnsChecks.senderDomain(chain).flatMap(OwnSendingDomain::ours);
    }

    /** A message's sending domain as read ({@link AnalysisDnsChecks#senderDomain}), if it is ours ({@link #of}). */
    private static Optional<String> ours(String sendingDomain) {
        return Optional.of(sendingDomain).filter(d -> !salesforces(d)).flatMap(DomainNameSyntax::normalize)
                .filter(d -> d.contains("."));
    }

    /**
     * What the log's senders tell: {@code byFrequency}, our sending domains, the most frequent first, equally frequent
     * ones in the order first seen (the order {@code analyze --check-dns} checks them in; the app pre-fills the
     * first); {@code fromSalesforce}, how many of its messages were sent from Salesforce's own addresses.
     */
    public record Senders(List<String> byFrequency, long fromSalesforce) {
        public Senders {
            byFrequency = List.copyOf(byFrequency);
        }
    }

    /** The log's senders ({@link Senders}), each message's sender read once. */
    public static Senders of(LogAnalysis analysis) {
        Map<String, Long> read = analysis.chains().stream().map(AnalysisDnsChecks::senderDomain)
                .flatMap(Optional::stream)
                .collect(Collectors.groupingBy(d -> d, LinkedHashMap::new, Collectors.counting()));
        long fromSalesforce = 0;
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : read.entrySet()) {
            if (salesforces(e.getKey())) {
                fromSalesforce += e.getValue();
            } else {
                // first seen as any spelling of it, as counted per message before
                ours(e.getKey()).ifPresent(d -> counts.merge(d, e.getValue(), Long::sum));
            }
        }
        // a stable sort: a later domain goes first only with more messages
        List<String> byFrequency = counts.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, Long> e) -> -e.getValue()))
                .map(Map.Entry::getKey).toList();
        return new Senders(byFrequency, fromSalesforce);
    }

    /** Whether the message was sent from one of Salesforce's own addresses: a domain at or under salesforce.com. */
    public static boolean salesforcesOwn(MessageChain chain) {
        return AnalysisDnsChecks.senderDomain(chain).filter(OwnSendingDomain::salesforces).isPresent();
    }

    /** Whether {@code domain} (as {@link org.mailpath.engine.address.IdnaNames#lookupName} spells it) is Salesforce's. */
    static boolean salesforces(String domain) {
        return domain.equals(SALESFORCE) || domain.endsWith("." + SALESFORCE);
    }
}
