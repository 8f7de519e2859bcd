package org.mailpath.engine.dns;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
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
            if (a.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (a[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            int mask = (0xff << (8 - rest)) & 0xff;
            return rest == 0 || (a[full] & mask) == (network[full] & mask);
        }
    }

    private static final List<Range> RANGES = load();

    private SpecialAddresses() {
    }

    /** The phrase key of the kind of {@code address}; empty for an address the internet reaches. */
    public static Optional<String> kind(InetAddress address) {
        byte[] a = address.getAddress();
        return RANGES.stream().filter(r -> r.contains(a)).findFirst().map(Range::kind)
                .filter(k -> !k.equals(REACHABLE));
    }

    /** Whether the internet cannot reach {@code address}. */
    public static boolean notPublic(InetAddress address) {
        return kind(address).isPresent();
    }

    private static List<Range> load() {
        return TabbedResource.rows(RESOURCE, 2).stream().map(cols -> {
            String[] net = cols[0].strip().split("/", 2);
            try {
                InetAddress network = InetAddress.ofLiteral(net[0]);
                int prefix = Integer.parseInt(net[1]);
                if (prefix < 0 || prefix > network.getAddress().length * 8) {
                    throw new IllegalArgumentException("prefix out of range");
                }
                return new Range(network.getAddress(), prefix, cols[1].strip());
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                throw new IllegalStateException(RESOURCE + ": not a network/prefix: " + cols[0], e);
            }
        }).toList();
    }
}
