package org.mailpath.engine.nameserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.testing.fakedns.Findings.absent;
import static org.mailpath.testing.fakedns.Findings.single;

import com.google.common.net.InetAddresses;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.testing.dns.LoopbackDns;
import org.mailpath.testing.dns.TestDnsServer;

/**
 * NS_SAME_NETWORK against loopback servers on one port: all of 127.0.0.0/8 is loopback on Linux, so 127.0.12.x
 * and 127.1.12.x are two /24s on one machine. IPv6 networks cannot be bound on loopback (only ::1): the rules for
 * them are tested on {@link NetworkDiversity} directly.
 */
class NameServerNetworkTest {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");

    @RegisterExtension
    static final LoopbackDns DNS = LoopbackDns.zones(b -> b
            .zone("onenet.test", """
                    @   SOA ns1.onenet.test. h.onenet.test. 1 3600 600 86400 300
                    @   NS  ns1.onenet.test.
                    @   NS  ns2.onenet.test.
                    ns1 A   127.0.12.2
                    ns2 A   127.0.12.3
                    """)
            .zone("twonets.test", """
                    @   SOA ns1.twonets.test. h.twonets.test. 1 3600 600 86400 300
                    @   NS  ns1.twonets.test.
                    @   NS  ns2.twonets.test.
                    ns1 A   127.0.12.4
                    ns2 A   127.1.12.4
                    """)
            .zone("unknown.test", """
                    @   SOA ns1.unknown.test. h.unknown.test. 1 3600 600 86400 300
                    @   NS  ns1.unknown.test.
                    @   NS  ns2.unknown.test.
                    @   NS  ns3.failing.test.
                    ns1 A   127.0.12.5
                    ns2 A   127.0.12.6
                    """)
            .zone("failing.test", "@ SOA ns.x. h.x. 1 1 1 1 1\nns3 A 127.1.12.6\n")
            .zone("unreachable.test", """
                    @   SOA ns1.unreachable.test. h.unreachable.test. 1 3600 600 86400 300
                    @   NS  ns1.unreachable.test.
                    @   NS  ns2.unreachable.test.
                    ns1 A   127.0.12.7
                    ns2 A   127.1.12.9
                    """)
            .zone("single.test", """
                    @   SOA ns1.single.test. h.single.test. 1 3600 600 86400 300
                    @   NS  ns1.single.test.
                    ns1 A   127.0.12.8
                    """)
            // the address question of ns3 fails: where ns3 is, nobody knows
            .misbehaveFor("ns3.failing.test", TestDnsServer.Misbehaviour.SERVFAIL)
            .resolver("127.0.12.1")
            .authoritative("127.0.12.2", "onenet.test")
            .authoritative("127.0.12.3", "onenet.test")
            .authoritative("127.0.12.4", "twonets.test")
            .authoritative("127.1.12.4", "twonets.test")
            .authoritative("127.0.12.5", "unknown.test")
            .authoritative("127.0.12.6", "unknown.test")
            .authoritative("127.0.12.7", "unreachable.test")
            .authoritative("127.0.12.8", "single.test"));

    private static List<Finding> check(String domain) {
        return new NameServerCheck().run(DNS.context(domain)).findings();
    }

    @Test
    void allServersInOneSlash24AreSaid() {
        List<Finding> f = check("onenet.test");
        Finding same = single(f, "NS_SAME_NETWORK", Severity.WARNING);
        assertEquals("All name servers of the zone onenet.test are in one network, 127.0.12.0/24: ns1.onenet.test"
                + " (127.0.12.2), ns2.onenet.test (127.0.12.3). An outage, a routing problem or an attack on that"
                + " network makes onenet.test and its mail addresses unresolvable at once (RFC 2182 §3.1).",
                same.message());
        assertEquals("onenet.test", same.subject());
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, same.actor());
        assertTrue(same.remediation().contains("another network"), same.remediation());
        assertTrue(same.evidence().stream().anyMatch(l -> l.contains("127.0.12.3")), same.evidence().toString());
        // both servers answer: the zone works, but is not healthy
        absent(f, "NS_OK");
        absent(f, "NS_TOO_FEW");
    }

    @Test
    void serversInTwoSlash24sAreDiverse() {
        List<Finding> f = check("twonets.test");
        absent(f, "NS_SAME_NETWORK");
        single(f, "NS_OK");
    }

    @Test
    void aFailedAddressLookupIsNoProofOfOneNetwork() {
        // ns1 and ns2 share a /24, but ns3's address is unknown: it may well be elsewhere
        List<Finding> f = check("unknown.test");
        assertTrue(single(f, "DNS_LOOKUP_FAILED").subject().equals("ns3.failing.test"), f.toString());
        absent(f, "NS_SAME_NETWORK");
    }

    @Test
    void anUnreachableServerInAnotherNetworkStillMakesTheSetDiverse() {
        // nothing listens on 127.1.12.9: that is NS_UNREACHABLE, not a fact about the networks
        List<Finding> f = check("unreachable.test");
        single(f, "NS_UNREACHABLE", Severity.WARNING); // ns1 answers: lookups still succeed
        absent(f, "NS_SAME_NETWORK");
    }

    @Test
    void aSingleServerIsTooFewAndNothingMore() {
        List<Finding> f = check("single.test");
        single(f, "NS_TOO_FEW");
        absent(f, "NS_SAME_NETWORK");
    }

    @Test
    void ipv6ServersAreJudgedBySlash48() {
        assertTrue(NetworkDiversity.sameNetwork("d.test", "d.test", List.of(host("a.d.test", "2001:db8:1:1::53"),
                host("b.d.test", "2001:db8:1:ffff::53")), true, List.of()).orElseThrow().message()
                .contains("one network, 2001:db8:1::/48"));
        assertTrue(NetworkDiversity.sameNetwork("d.test", "d.test", List.of(host("a.d.test", "2001:db8:1::53"),
                host("b.d.test", "2001:db8:2::53")), true, List.of()).isEmpty());
    }

    @Test
    void everyFamilyInOneNetworkIsSaidPerFamily() {
        // one /24 and one /48: whichever family a resolver uses, it depends on one network
        Finding f = sameNetwork(host("a.d.test", "192.0.2.1", "2001:db8:1::1"),
                host("b.d.test", "192.0.2.2", "2001:db8:1::2")).orElseThrow();
        assertEquals(Severity.WARNING, f.severity());
        assertEquals("All name servers of the zone d.test are in one network per address family, 192.0.2.0/24 and"
                + " 2001:db8:1::/48: a.d.test (192.0.2.1, 2001:db8:1::1), b.d.test (192.0.2.2, 2001:db8:1::2). A"
                + " resolver that uses one address family depends on a single network: an outage, a routing problem"
                + " or an attack on it makes d.test and its mail addresses unresolvable for that resolver (RFC 2182"
                + " §3.1).", f.message());
        // one address of each family is one network of each, as before
        assertTrue(sameNetwork(host("a.d.test", "192.0.2.1"), host("b.d.test", "2001:db8:1::1")).orElseThrow()
                .message().contains("one network per address family, 192.0.2.0/24 and 2001:db8:1::/48"));
    }

    @Test
    void ipv4InOneSlash24IsAWarningThoughIpv6IsSpread() {
        // resolvers that use only IPv4 reach 192.0.2.0/24 alone, whatever the IPv6 addresses
        Finding f = sameNetwork(host("a.d.test", "192.0.2.1", "2001:db8:1::1"),
                host("b.d.test", "192.0.2.2", "2001:db8:2::1")).orElseThrow();
        assertEquals(Severity.WARNING, f.severity());
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, f.actor());
        assertEquals("The name servers of the zone d.test have their IPv6 addresses on separate networks, but all"
                + " their IPv4 addresses are in one network, 192.0.2.0/24: a.d.test (192.0.2.1, 2001:db8:1::1),"
                + " b.d.test (192.0.2.2, 2001:db8:2::1). A resolver that reaches name servers only over IPv4 (still"
                + " common in company networks) depends on that network: an outage, a routing problem or an attack"
                + " on it makes d.test and its mail addresses unresolvable for that resolver (RFC 2182 §3.1).",
                f.message());
        assertTrue(f.remediation().startsWith("Add a name server with an IPv4 address on another network"),
                f.remediation());
        assertTrue(f.message(SWEDISH).startsWith("Namnservrarna för zonen d.test har sina IPv6-adresser i olika"
                + " nät, men alla deras IPv4-adresser ligger i ett och samma nät, 192.0.2.0/24: a.d.test"),
                f.message(SWEDISH));
        assertTrue(f.remediation(SWEDISH).contains("IPv4-adress i ett annat nät"), f.remediation(SWEDISH));
    }

    @Test
    void aSingleIpv4AddressBesideSpreadIpv6IsOneNetworkForIpv4() {
        // NS_TOO_FEW is silent (three addresses), yet a resolver that uses only IPv4 has one server to ask
        Finding f = sameNetwork(host("a.d.test", "192.0.2.1", "2001:db8:1::1"), host("b.d.test", "2001:db8:2::1"))
                .orElseThrow();
        assertEquals(Severity.WARNING, f.severity());
        assertTrue(f.message().startsWith("The name servers of the zone d.test have their IPv6 addresses on"
                + " separate networks, but their only IPv4 address is in the network 192.0.2.0/24: a.d.test"
                + " (192.0.2.1, 2001:db8:1::1), b.d.test (2001:db8:2::1). A resolver that reaches name servers only"
                + " over IPv4"), f.message());
        assertTrue(f.message(SWEDISH).contains("men deras enda IPv4-adress ligger i nätet 192.0.2.0/24:"),
                f.message(SWEDISH));
    }

    @Test
    void ipv6InOneSlash48IsOnlyInformationWhileIpv4IsSpread() {
        // resolvers fall back to the IPv4 servers in two /24s; those that use only IPv6 are rare
        Finding f = sameNetwork(host("a.d.test", "192.0.2.1", "2001:db8:1::1"),
                host("b.d.test", "198.51.100.1", "2001:db8:1::2")).orElseThrow();
        assertEquals(Severity.INFO, f.severity());
        assertEquals("The name servers of the zone d.test have their IPv4 addresses on separate networks, but all"
                + " their IPv6 addresses are in one network, 2001:db8:1::/48: a.d.test (192.0.2.1, 2001:db8:1::1),"
                + " b.d.test (198.51.100.1, 2001:db8:1::2). Resolvers that can use IPv4 are not affected; a resolver"
                + " that reaches name servers only over IPv6 (rare) depends on that network: an outage, a routing"
                + " problem or an attack on it makes d.test and its mail addresses unresolvable for that resolver"
                + " (RFC 2182 §3.1).", f.message());
        assertTrue(f.remediation().startsWith("Not urgent: add a name server with an IPv6 address"),
                f.remediation());
        assertTrue(f.message(SWEDISH).contains("har sina IPv4-adresser i olika nät, men alla deras IPv6-adresser"
                + " ligger i ett och samma nät, 2001:db8:1::/48"), f.message(SWEDISH));
        assertTrue(sameNetwork(host("a.d.test", "192.0.2.1"), host("b.d.test", "198.51.100.1", "2001:db8:1::1"))
                .orElseThrow().message().contains("their only IPv6 address is in the network 2001:db8:1::/48"));
    }

    @Test
    void bothFamiliesSpreadAreDiverse() {
        assertTrue(sameNetwork(host("a.d.test", "192.0.2.1", "2001:db8:1::1"),
                host("b.d.test", "198.51.100.1", "2001:db8:2::1")).isEmpty());
        assertTrue(sameNetwork(host("a.d.test", "192.0.2.1"), host("b.d.test", "198.51.100.1"),
                host("c.d.test", "2001:db8:1::1"), host("e.d.test", "2001:db8:2::1")).isEmpty());
    }

    @Test
    void anIncompleteNsSetIsNotJudged() {
        assertTrue(NetworkDiversity.sameNetwork("d.test", "d.test", List.of(host("a.d.test", "192.0.2.1"),
                host("b.d.test", "192.0.2.2")), false, List.of()).isEmpty());
    }

    @Test
    void networkNames() {
        assertEquals("192.0.2.0/24", NetworkDiversity.network(InetAddresses.forString("192.0.2.77"), 24));
        assertEquals("2001:db8:ab::/48", NetworkDiversity.network(InetAddresses.forString("2001:db8:ab:cd::1"), 48));
    }

    private static Optional<Finding> sameNetwork(NameServers.Host... hosts) {
        return NetworkDiversity.sameNetwork("d.test", "d.test", List.of(hosts), true, List.of());
    }

    private static NameServers.Host host(String name, String... addresses) {
        return new NameServers.Host(name, Arrays.stream(addresses).map(InetAddresses::forString).toList());
    }
}
