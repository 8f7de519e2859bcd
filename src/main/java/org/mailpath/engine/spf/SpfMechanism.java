package org.mailpath.engine.spf;

import java.net.InetAddress;
import java.util.Optional;

/**
 * A directive: qualifier and mechanism. {@code domainSpec} is the unexpanded domain-spec ("" when the mechanism
 * has none, meaning the current domain); {@code network} the address of ip4/ip6; {@code cidr4}/{@code cidr6} the
 * prefix lengths (32/128 when absent).
 */
public record SpfMechanism(SpfQualifier qualifier, Type type, String domainSpec, Optional<InetAddress> network,
                           int cidr4, int cidr6, String text) implements SpfTerm {

    /** Mechanism names (RFC 7208 §5). */
    public enum Type {
        ALL, INCLUDE, A, MX, PTR, IP4, IP6, EXISTS;

        /** True for the mechanisms that count towards the 10-lookup limit (§4.6.4). */
        public boolean countsLookup() {
            return this == INCLUDE || this == A || this == MX || this == PTR || this == EXISTS;
        }
    }
}
