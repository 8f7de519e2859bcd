package org.mailpath.engine.nameserver;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mailpath.engine.dns.DnsFindingCodes;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;

/**
 * NS_SAME_NETWORK: RFC 2182 §3.1 wants a zone's servers on separate networks, so that one outage, routing problem
 * or attack cannot take them all away. Without routing data (announced prefixes, AS numbers) the check knows only
 * what is certain: addresses in one IPv4 /24 or one IPv6 /48 (the longest prefixes routed on the internet) share
 * every route. Each address family is judged apart ({@link Concentration}), because a resolver that uses one family
 * reaches only those addresses. A WARNING when every family present is in one network, and when the IPv4
 * addresses are in one /24 while the IPv6 ones are spread: resolvers that reach name servers only over IPv4 are
 * still common (company networks), and one /24 takes every server from them. INFO when only the IPv6 addresses
 * share a /48: resolvers fall back to the spread IPv4 servers, and those that use only IPv6 are rare.
 */
final class NetworkDiversity {

    private static final int IPV4_PREFIX = 24;
    private static final int IPV6_PREFIX = 48;

    private NetworkDiversity() {
    }

    /**
     * The finding when the addresses of {@code hosts} lie in one network in every address family, or in IPv4 or
     * IPv6 only. Not judged with fewer than two addresses (NS_TOO_FEW says that) or when {@code complete} is
     * false: an address question that failed, or NS names not examined, may hide a server elsewhere, and a failed
     * lookup is no fact about the zone.
     */
    static Optional<Finding> sameNetwork(String domain, String zone, List<NameServers.Host> hosts, boolean complete,
                                         List<String> evidence) {
        List<InetAddress> addresses = NameServers.Host.allAddresses(hosts);
        if (!complete || addresses.size() < 2) {
            return Optional.empty();
        }
        Set<String> ipv4 = networks(addresses, AddressFamily.IPV4);
        Set<String> ipv6 = networks(addresses, AddressFamily.IPV6);
        String labels = NameServers.Host.labels(hosts);
        return switch (Concentration.of(ipv4, ipv6)) {
            case NONE -> Optional.empty();
            case EVERY_FAMILY -> {
                List<String> networks = new ArrayList<>(ipv4);
                networks.addAll(ipv6);
                yield Optional.of(finding(Severity.WARNING, networks.size() == 1 ? "one" : "perFamily",
                        "remediation", domain, evidence, zone, NameServerTexts.joined("phrase.and", networks),
                        labels, domain));
            }
            // the patterns of one family also get how many addresses it has: "its only IPv4 address"
            case IPV4_ONLY -> Optional.of(finding(Severity.WARNING, "ipv4", "ipv4.remediation", domain, evidence,
                    zone, ipv4.iterator().next(), labels, domain, AddressFamily.IPV4.among(addresses).size()));
            case IPV6_ONLY -> Optional.of(finding(Severity.INFO, "ipv6", "ipv6.remediation", domain, evidence,
                    zone, ipv6.iterator().next(), labels, domain, AddressFamily.IPV6.among(addresses).size()));
        };
    }

    /** How the servers' addresses lie over /24s and /48s: NS_SINGLE_AS leaves to NS_SAME_NETWORK what it says. */
    static Concentration concentration(List<NameServers.Host> hosts) {
        List<InetAddress> addresses = NameServers.Host.allAddresses(hosts);
        return Concentration.of(networks(addresses, AddressFamily.IPV4), networks(addresses, AddressFamily.IPV6));
    }

    /** Worded by {@code NS_SAME_NETWORK.<variant>.message} and {@code NS_SAME_NETWORK.<remediation>}. */
    private static Finding finding(Severity severity, String variant, String remediation, String domain,
                                   List<String> evidence, Object... args) {
        String code = DnsFindingCodes.NS_SAME_NETWORK;
        return NameServerTexts.TEXTS.variant(code, severity, domain, evidence, Actor.RECIPIENT_MAIL_TEAM,
                code + "." + variant + ".message", code + "." + remediation, args);
    }

    /** The /24s (IPv4) or /48s (IPv6) of the {@code family} addresses among {@code addresses}, in the order met. */
    private static Set<String> networks(List<InetAddress> addresses, AddressFamily family) {
        int prefix = family == AddressFamily.IPV4 ? IPV4_PREFIX : IPV6_PREFIX;
        return family.networks(addresses, a -> List.of(network(a, prefix)));
    }

    /** "192.0.2.0/24", "2001:db8:1::/48": the address with every bit after {@code prefix} cleared. */
    static String network(InetAddress address, int prefix) {
        byte[] bytes = address.getAddress();
        byte[] masked = Arrays.copyOf(bytes, bytes.length);
        for (int bit = prefix; bit < masked.length * 8; bit++) {
            masked[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        try {
            return InetAddresses.toAddrString(InetAddress.getByAddress(masked)) + "/" + prefix;
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of 4 or 16 bytes", e);
        }
    }
}
