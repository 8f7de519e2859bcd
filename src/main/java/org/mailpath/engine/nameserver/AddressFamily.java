package org.mailpath.engine.nameserver;

import java.net.InetAddress;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.mailpath.engine.domain.IpAddresses;

/**
 * IPv4 or IPv6: the name servers' network rules ({@link Concentration}) judge each family's addresses apart, by
 * their /24s and /48s ({@link NetworkDiversity}) or by their origin ASes ({@link AsDiversity}).
 */
enum AddressFamily {

    IPV4("IPv4"),
    IPV6("IPv6");

    private final String label;

    AddressFamily(String label) {
        this.label = label;
    }

    /** "IPv4" or "IPv6", as messages name the family. */
    String label() {
        return label;
    }

    /** The addresses of this family among {@code addresses}, in their order. */
    List<InetAddress> among(List<InetAddress> addresses) {
        return addresses.stream().filter(a -> IpAddresses.isIpv4(a) == (this == IPV4)).toList();
    }

    /**
     * The networks of this family's addresses among {@code addresses}, in the order met: {@code networksOf} gives an
     * address's (its /24 or /48, or the ASes that announce it).
     */
    <N> Set<N> networks(List<InetAddress> addresses, Function<InetAddress, ? extends Collection<N>> networksOf) {
        Set<N> networks = new LinkedHashSet<>();
        among(addresses).forEach(a -> networks.addAll(networksOf.apply(a)));
        return networks;
    }
}
