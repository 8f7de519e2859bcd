package org.mailpath.engine.nameserver;

import com.google.common.net.InetAddresses;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
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
 * every route. Each address family is judged apart, because a resolver that uses one family reaches only those
 * addresses: the zone is in one network when its IPv4 addresses share one /24 and its IPv6 addresses (if any)
 * share one /48. Servers in two /24s, or in two /48s, are diverse.
 */
final class NetworkDiversity {

    private static final int IPV4_PREFIX = 24;
    private static final int IPV6_PREFIX = 48;

    private NetworkDiversity() {
    }

    /**
     * The finding when every address of {@code hosts} lies in one network per address family. Not judged with
     * fewer than two addresses (NS_TOO_FEW says that) or when {@code complete} is false: an address question
     * that failed, or NS names not examined, may hide a server elsewhere, and a failed lookup is no fact about
     * the zone.
     */
    static Optional<Finding> sameNetwork(String domain, String zone, List<NameServers.Host> hosts, boolean complete,
                                         List<String> evidence) {
        List<InetAddress> addresses = hosts.stream().flatMap(h -> h.addresses().stream()).distinct().toList();
        if (!complete || addresses.size() < 2) {
            return Optional.empty();
        }
        Set<String> ipv4 = new LinkedHashSet<>();
        Set<String> ipv6 = new LinkedHashSet<>();
        for (InetAddress a : addresses) {
            if (a instanceof Inet4Address) {
                ipv4.add(network(a, IPV4_PREFIX));
            } else {
                ipv6.add(network(a, IPV6_PREFIX));
            }
        }
        if (ipv4.size() > 1 || ipv6.size() > 1) {
            return Optional.empty();
        }
        List<String> networks = new ArrayList<>(ipv4);
        networks.addAll(ipv6);
        return Optional.of(NameServerTexts.TEXTS.variant(DnsFindingCodes.NS_SAME_NETWORK, Severity.WARNING, domain,
                evidence, Actor.RECIPIENT_MAIL_TEAM, DnsFindingCodes.NS_SAME_NETWORK
                        + (networks.size() == 1 ? ".one" : ".perFamily") + ".message",
                DnsFindingCodes.NS_SAME_NETWORK + ".remediation", zone,
                NameServerTexts.joined("phrase.and", networks), NameServers.Host.labels(hosts), domain));
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
