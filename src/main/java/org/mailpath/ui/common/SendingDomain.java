package org.mailpath.ui.common;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.MessageChain;

/** Finds our own sending domain in a log (the DNS and DKIM steps start from it). */
public final class SendingDomain {

    private SendingDomain() {
    }

    /**
     * The most frequent sender domain. Bounce-management envelopes ({@code user=acme.example__0a1b@x.bnc.salesforce.com})
     * carry the real domain between '=' and "__"; other Salesforce addresses are left out.
     */
    public static Optional<String> of(LogAnalysis analysis) {
        return analysis.chains().stream()
                .map(MessageChain::sender)
                .map(SendingDomain::senderDomainOf)
                .flatMap(Optional::stream)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                .entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey);
    }

    public static Optional<String> senderDomainOf(String sender) {
        int at = sender.lastIndexOf('@');
        if (at < 0) {
            return Optional.empty();
        }
        String domain = sender.substring(at + 1).toLowerCase(java.util.Locale.ROOT);
        if (domain.endsWith("salesforce.com")) {
            String local = sender.substring(0, at);
            int eq = local.indexOf('=');
            int end = local.indexOf("__", eq + 1);
            return eq >= 0 && end > eq ? DomainNames.normalize(local.substring(eq + 1, end)) : Optional.empty();
        }
        return DomainNames.normalize(domain);
    }
}
