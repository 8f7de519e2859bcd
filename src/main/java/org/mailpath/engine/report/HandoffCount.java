package org.mailpath.engine.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mailpath.engine.address.IdnaNames;
import org.mailpath.engine.analysis.ChainEvent;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.analysis.Verdict;
import org.mailpath.engine.dns.DnsNames;
import org.mailpath.engine.log.MailEvent;

/**
 * Of the delivered messages of a log without the TLS_Cipher column, how many may have been only handed to another
 * of Salesforce's servers, as its conclusion hedges (the verdicts stay as the analysis gave them). Without the
 * column only a private relay address tells a hand-off ({@code InternalHandoff}); but a delivery whose relay host
 * lies in the recipient's domain (mx1.contoso.example for contoso.example), or is a host that answered for that
 * domain with a reply of its own on a failed attempt (a P or T not Salesforce's [internal]: the domain's MX as the
 * log shows it), reached the recipient's servers: no Salesforce server is named so. The others, a host elsewhere
 * or none named, may be a hand-off. Counted as the included chains are gone through ({@link #add}), each once.
 */
final class HandoffCount {
    private final Map<String, Set<String>> theirHosts = new HashMap<>();
    /** Each delivered message's recipient domain and the host it was delivered to ("" when none is named). */
    private final List<String[]> deliveries = new ArrayList<>();

    void add(MessageChain c) {
        String domain = IdnaNames.lookupName(c.recipientDomain());
        String deliveredTo = "";
        for (ChainEvent e : c.events()) {
            String host = hostName(e.relayHost());
            boolean failed = e.event() == MailEvent.PERMANENT_FAILURE
                    || e.event() == MailEvent.TRANSIENT_FAILURE;
            if (failed && !host.isEmpty() && TheirServerContact.replied(e)) {
                theirHosts.computeIfAbsent(domain, d -> new HashSet<>()).add(host);
            }
            if (e.event() == MailEvent.DELIVERED && !e.internalHandoff()) {
                deliveredTo = host;
            }
        }
        if (c.verdict() == Verdict.DELIVERED) {
            deliveries.add(new String[] {domain, deliveredTo});
        }
    }

    /** Once every included chain is added: a host that answered for a domain may be named by a later chain. */
    long count() {
        return deliveries.stream().filter(d -> d[1].isEmpty() || !(d[1].equals(d[0])
                || d[1].endsWith("." + d[0]) || theirHosts.getOrDefault(d[0], Set.of()).contains(d[1]))).count();
    }

    /** A relay host as a name compared with others: lower case, no trailing dot; empty when none. */
    private static String hostName(String relayHost) {
        return DnsNames.relative(relayHost.strip().toLowerCase(Locale.ROOT));
    }
}
