package org.mailpath.engine.dnsbl;

import java.net.InetAddress;
import java.util.List;
import org.mailpath.engine.common.IpNetwork;
import org.mailpath.engine.common.TabbedResource;
import org.mailpath.engine.dns.SpecialAddresses;

/**
 * Address ranges the blocklist check treats apart: Salesforce's own sending ranges ({@code salesforce-ranges.txt}: a
 * listing there is Salesforce's to have removed). Special-purpose addresses (never on a public list, never the address
 * the internet sees) it asks {@link SpecialAddresses} of, as the MX and name-server checks do.
 */
final class AddressRanges {

    private static final List<IpNetwork> SALESFORCE = load("/org/mailpath/engine/dnsbl/salesforce-ranges.txt");

    private AddressRanges() {
    }

    /** Whether {@code address} is in one of Salesforce's published sending ranges. */
    static boolean salesforce(InetAddress address) {
        return SALESFORCE.stream().anyMatch(r -> r.contains(address));
    }

    private static List<IpNetwork> load(String resource) {
        return TabbedResource.rows(resource).stream().map(cols -> IpNetwork.parse(resource, cols[0])).toList();
    }
}
