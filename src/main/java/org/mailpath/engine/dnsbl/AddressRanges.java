package org.mailpath.engine.dnsbl;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.mailpath.engine.common.TabbedResource;
import org.mailpath.engine.dns.SpecialAddresses;
import org.mailpath.engine.domain.IpAddresses;

/**
 * Address ranges the blocklist check treats apart: Salesforce's own sending ranges ({@code salesforce-ranges.txt}: a
 * listing there is Salesforce's to have removed) and special-purpose addresses ({@link SpecialAddresses}: never on a
 * public list, never the address the internet sees).
 */
final class AddressRanges {

    private record Range(InetAddress network, int prefix) {

        boolean contains(InetAddress a) {
            return IpAddresses.inNetwork(a, network, prefix);
        }
    }

    private static final List<Range> SALESFORCE = load("/org/mailpath/engine/dnsbl/salesforce-ranges.txt");

    private AddressRanges() {
    }

    /** Whether {@code address} is in one of Salesforce's published sending ranges. */
    static boolean salesforce(InetAddress address) {
        return SALESFORCE.stream().anyMatch(r -> r.contains(address));
    }

    /** The phrase key of the special-purpose kind of {@code address}; empty for an ordinary public address. */
    static Optional<String> specialPurpose(InetAddress address) {
        return SpecialAddresses.kind(address);
    }

    private static List<Range> load(String resource) {
        return TabbedResource.rows(resource).stream().map(cols -> {
            String[] net = cols[0].strip().split("/", 2);
            InetAddress network = IpAddresses.parse(net[0])
                    .orElseThrow(() -> new IllegalStateException(resource + ": not an address: " + cols[0]));
            return new Range(network, Integer.parseInt(net[1]));
        }).toList();
    }
}
