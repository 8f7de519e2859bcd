package org.mailpath.engine.nameserver;

import java.util.Set;

/**
 * Which address families of a zone's name servers sit in a single network: the rule NS_SAME_NETWORK (networks are
 * /24s and /48s, {@link NetworkDiversity}) and NS_SINGLE_AS (networks are origin ASes, {@link AsDiversity}) share.
 * Each family is judged on its own, because a resolver that reaches name servers over one family only reaches that
 * family's addresses: IPv6 servers spread over many networks do nothing for a resolver that uses only IPv4.
 */
enum Concentration {

    /** Every family present has a single network (IPv4's and IPv6's the same or not): every resolver depends on one. */
    EVERY_FAMILY,
    /** IPv4 has a single network, IPv6 several: resolvers that use only IPv4 depend on one. */
    IPV4_ONLY,
    /** IPv6 has a single network, IPv4 several: resolvers that use only IPv6 depend on one. */
    IPV6_ONLY,
    /** No family has a single network, or there are no addresses. */
    NONE;

    /**
     * From the networks of each family's addresses ({@code ipv4}, {@code ipv6}; empty when the servers have no
     * address of that family). A family with a single address has a single network: one IPv4 address beside IPv6
     * addresses in several networks is {@link #IPV4_ONLY}, because a resolver that uses only IPv4 then has one
     * server to ask, a narrower point of failure than one /24, not a wider one. NS_TOO_FEW does not say it (the set
     * has other addresses), so this must. Spread IPv6 means two IPv6 addresses at least, so the checks' own rule
     * (at least two addresses overall, else it is NS_TOO_FEW's) holds then by itself.
     */
    static Concentration of(Set<?> ipv4, Set<?> ipv6) {
        if (ipv4.size() <= 1 && ipv6.size() <= 1) {
            return ipv4.isEmpty() && ipv6.isEmpty() ? NONE : EVERY_FAMILY;
        }
        if (ipv4.size() == 1) {
            return IPV4_ONLY;
        }
        return ipv6.size() == 1 ? IPV6_ONLY : NONE;
    }

    /**
     * True when this, said of the servers' /24s and /48s, already says {@code other}, said of their ASes: one
     * network for each family of {@code other} is one AS for it too, so only families this leaves out are news.
     */
    boolean covers(Concentration other) {
        return this == EVERY_FAMILY || other == NONE || this == other;
    }
}
