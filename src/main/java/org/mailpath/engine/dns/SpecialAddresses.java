package org.mailpath.engine.dns;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.mailpath.engine.common.IpNetwork;
import org.mailpath.engine.common.TabbedResource;

/**
 * Addresses the internet does not reach, read from {@code special-addresses.txt}: the ranges IANA's Special-Purpose
 * Address Registries mark not globally reachable, multicast, and site-local fec0::/10, each with the key of the phrase
 * naming its kind. The one list that the MX and name-server checks, the blocklist check and the log's hand-off rule
 * all ask.
 */
public final class SpecialAddresses {

    private static final String RESOURCE = "/org/mailpath/engine/dns/special-addresses.txt";

    /** A row's key for a reachable address cut out of a wider range listed below it. */
    private static final String REACHABLE = "-";

    private record Range(byte[] network, int prefix, String kind) {

        boolean contains(byte[] a) {
            return IpNetwork.contains(a, network, prefix);
        }
    }

    private static final List<Range> RANGES = load();

    private SpecialAddresses() {
    }

    /** The phrase key of the kind of {@code address}; empty for an address the internet reaches. */
    public static Optional<String> kind(InetAddress address) {
        return Optional.ofNullable(first(address)).map(Range::kind).filter(k -> !k.equals(REACHABLE));
    }

    /**
     * The ranges per address length (4: IPv4, 16: IPv6), in the list's order: {@link #notPublic} is asked per D row of
     * an older export, so {@link #first} loops over its family's ranges without a stream.
     */
    private static final Range[] V4 = RANGES.stream().filter(r -> r.network().length == 4).toArray(Range[]::new);
    private static final Range[] V6 = RANGES.stream().filter(r -> r.network().length == 16).toArray(Range[]::new);

    /** Whether the internet cannot reach {@code address}: as {@link #kind}, the first range that holds it decides. */
    public static boolean notPublic(InetAddress address) {
        Range r = first(address);
        return r != null && !r.kind().equals(REACHABLE);
    }

    /** The first range of {@code address}'s family that holds it; null for none. */
    private static Range first(InetAddress address) {
        byte[] a = address.getAddress();
        for (Range r : a.length == 4 ? V4 : V6) {
            if (r.contains(a)) {
                return r;
            }
        }
        return null;
    }

    private static List<Range> load() {
        return TabbedResource.rows(RESOURCE, 2).stream().map(cols -> {
            IpNetwork net = IpNetwork.parse(RESOURCE, cols[0]);
            return new Range(net.network().getAddress(), net.prefix(), cols[1].strip());
        }).toList();
    }
}
