package org.mailpath.engine.report;

import java.util.HashSet;
import java.util.Set;
import org.mailpath.engine.address.IdnaNames;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.check.OwnSendingDomain;

/**
 * Our sending domains: those of every message of the log, and of the report's (included) messages, each as the
 * DNS checks take it ({@link OwnSendingDomain#of}: Salesforce's own addresses are not ours). The checks are made of the log's sending domains;
 * a report limited to some messages shows ours of those messages only: a report for contoso.example's mail team
 * listed acme-legal-dept.example, which sent only to fabrikam.example. A checked domain that no message of the
 * log sends as was named to be checked ({@code --sender-domain}, the app's sender domain): it is every message's.
 */
final class OurDomains {
    private final Set<String> ofAll = new HashSet<>();
    private final Set<String> ofIncluded = new HashSet<>();

    void add(MessageChain c, boolean included) {
        OwnSendingDomain.of(c).ifPresent(d -> {
            ofAll.add(d);
            if (included) {
                ofIncluded.add(d);
            }
        });
    }

    /**
     * Whether the report shows the checks of {@code key} (as {@link IdnaNames#lookupName} has it) in our side's
     * part: a checked domain that is no recipient domain of the log, and ours of the report's messages.
     */
    boolean shownAsOurs(String key, Set<String> recipientDomains) {
        return !recipientDomains.contains(key) && (ofIncluded.contains(key) || !ofAll.contains(key));
    }
}
