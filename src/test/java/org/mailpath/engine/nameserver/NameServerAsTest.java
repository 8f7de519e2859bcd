package org.mailpath.engine.nameserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.testing.fakedns.Findings.absent;
import static org.mailpath.testing.fakedns.Findings.single;

import com.google.common.net.InetAddresses;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailpath.engine.check.CheckContext;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.CancelledException;
import org.mailpath.engine.dns.DnsAnswer;
import org.mailpath.engine.dns.DnsLookup;
import org.mailpath.engine.dns.DnsStatus;
import org.mailpath.engine.dns.DnssecAnswer;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.testing.dns.CheckSetup;
import org.mailpath.testing.dns.LoopbackDns;
import org.mailpath.testing.dns.TestDnsServer;
import org.mailpath.testing.fakedns.FakeDns;
import org.xbill.DNS.Type;

/**
 * NS_SINGLE_AS against loopback servers, with the loopback resolver serving a zone of Team Cymru's form
 * ({@value #ASN_ZONE}) in place of asn.cymru.com. The servers sit in two /24s (127.0.23.x and 127.1.23.x), so
 * NS_SAME_NETWORK does not say it first. IPv6 cannot be bound on loopback: the per-family rules are tested on
 * {@link AsDiversity} with an in-memory resolver.
 */
class NameServerAsTest {

    private static final String ASN_ZONE = "asn.test";
    private static final Locale SWEDISH = Locale.forLanguageTag("sv");
    /** Origins for the in-memory resolver: IPv4 in AS64500 (203.0.113.1 in AS64503), IPv6 in AS64501 and 64502. */
    private static final String ORIGINS = """
            1.2.0.192.origin.asn.test.      TXT "64500 | 192.0.2.0/24 | ZZ"
            2.2.0.192.origin.asn.test.      TXT "64500 | 192.0.2.0/24 | ZZ"
            1.100.51.198.origin.asn.test.   TXT "64500 | 198.51.100.0/24 | ZZ"
            1.113.0.203.origin.asn.test.    TXT "64503 | 203.0.113.0/24 | ZZ"
            $ORIGIN 8.b.d.0.1.0.0.2.origin6.asn.test.
            1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.1.0.0.0 TXT "64501 | 2001:db8:1::/48 | ZZ"
            2.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.1.0.0.0 TXT "64501 | 2001:db8:1::/48 | ZZ"
            1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.2.0.0.0 TXT "64501 | 2001:db8:2::/48 | ZZ"
            3.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.3.0.0.0 TXT "64502 | 2001:db8:3::/48 | ZZ"
            """;

    @RegisterExtension
    static final LoopbackDns DNS = LoopbackDns.zones(b -> b
            .zone("oneas.test", zone("oneas.test", "127.0.23.2", "127.1.23.2"))
            .zone("twoas.test", zone("twoas.test", "127.0.23.3", "127.1.23.3"))
            .zone("failing.test", zone("failing.test", "127.0.23.4", "127.1.23.4"))
            .zone("unannounced.test", zone("unannounced.test", "127.0.23.5", "127.1.23.5"))
            .zone("silent.test", zone("silent.test", "127.0.23.6", "127.1.23.6"))
            .zone("multi.test", zone("multi.test", "127.0.23.7", "127.1.23.7"))
            .zone("samenet.test", zone("samenet.test", "127.0.23.8", "127.0.23.9"))
            .zone(ASN_ZONE, """
                    @   SOA ns.asn.test. h.asn.test. 1 3600 600 86400 300
                    2.23.0.127.origin   TXT "64500 | 127.0.23.0/24 | ZZ | test | 2020-01-01"
                    2.23.1.127.origin   TXT "64500 | 127.1.0.0/16 | ZZ | test | 2020-01-01"
                    3.23.0.127.origin   TXT "64500 | 127.0.23.0/24 | ZZ | test | 2020-01-01"
                    3.23.1.127.origin   TXT "64501 | 127.1.23.0/24 | ZZ | test | 2020-01-01"
                    4.23.0.127.origin   TXT "64500 | 127.0.23.0/24 | ZZ | test | 2020-01-01"
                    4.23.1.127.origin   TXT "64500 | 127.1.23.0/24 | ZZ | test | 2020-01-01"
                    5.23.0.127.origin   TXT "64500 | 127.0.23.0/24 | ZZ | test | 2020-01-01"
                    6.23.0.127.origin   TXT "64500 | 127.0.23.0/24 | ZZ | test | 2020-01-01"
                    6.23.1.127.origin   TXT "64500 | 127.1.23.0/24 | ZZ | test | 2020-01-01"
                    7.23.0.127.origin   TXT "64500 | 127.0.23.0/24 | ZZ | test | 2020-01-01"
                    7.23.1.127.origin   TXT "64500 64502 | 127.1.23.0/24 | ZZ | test | 2020-01-01"
                    8.23.0.127.origin   TXT "64500 | 127.0.23.0/24 | ZZ | test | 2020-01-01"
                    9.23.0.127.origin   TXT "64500 | 127.0.23.0/24 | ZZ | test | 2020-01-01"
                    """)
            // the resolver cannot get 127.1.23.4's origin, and never answers for 127.1.23.6's
            .misbehaveFor("4.23.1.127.origin." + ASN_ZONE, TestDnsServer.Misbehaviour.SERVFAIL)
            .misbehaveFor("6.23.1.127.origin." + ASN_ZONE, TestDnsServer.Misbehaviour.SILENT)
            .resolver("127.0.23.1")
            .authoritative("127.0.23.2", "oneas.test").authoritative("127.1.23.2", "oneas.test")
            .authoritative("127.0.23.3", "twoas.test").authoritative("127.1.23.3", "twoas.test")
            .authoritative("127.0.23.4", "failing.test").authoritative("127.1.23.4", "failing.test")
            .authoritative("127.0.23.5", "unannounced.test").authoritative("127.1.23.5", "unannounced.test")
            .authoritative("127.0.23.6", "silent.test").authoritative("127.1.23.6", "silent.test")
            .authoritative("127.0.23.7", "multi.test").authoritative("127.1.23.7", "multi.test")
            .authoritative("127.0.23.8", "samenet.test").authoritative("127.0.23.9", "samenet.test"));

    private static String zone(String name, String ns1, String ns2) {
        return "@ SOA ns1." + name + ". h." + name + ". 1 3600 600 86400 300\n"
                + "@ NS ns1." + name + ".\n@ NS ns2." + name + ".\n"
                + "ns1 A " + ns1 + "\nns2 A " + ns2 + "\n";
    }

    /** Loopback addresses are no public ones: these tests allow asking for every address. */
    private static NameServerCheck asking() {
        return new NameServerCheck(ASN_ZONE, a -> true);
    }

    private static List<Finding> check(String domain) {
        return asking().run(DNS.context(domain)).findings();
    }

    /** Public addresses' origins asked, as the app asks them, in the test's IP-to-ASN zone. */
    private static AsDiversity publicOnly() {
        return new AsDiversity(ASN_ZONE, AsDiversity.PUBLIC);
    }

    @Test
    void serversAllAnnouncedFromOneAsAreSaid() {
        List<Finding> f = check("oneas.test");
        Finding one = single(f, "NS_SINGLE_AS", Severity.INFO);
        assertEquals("All name servers of the zone oneas.test are announced from one autonomous system, AS64500:"
                + " ns1.oneas.test (127.0.23.2), ns2.oneas.test (127.1.23.2). That is common and often fine: large"
                + " anycast DNS operators (such as Cloudflare, AS13335, or Amazon Route 53) run all their servers in"
                + " their own network, from many sites. Still, a routing incident or a mistake in that one network"
                + " can make oneas.test and its mail addresses unresolvable at once (RFC 2182 §3.1).", one.message());
        assertTrue(one.remediation().contains("secondary name server in another autonomous system"),
                one.remediation());
        assertEquals("oneas.test", one.subject());
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, one.actor());
        // the TXT answers it rests on, beside the NS and address answers
        assertTrue(one.evidence().stream().anyMatch(l -> l.contains("2.23.1.127.origin.asn.test")
                && l.contains("TXT")), one.evidence().toString());
        assertTrue(one.evidence().stream().anyMatch(l -> l.contains("64500 | 127.1.0.0/16")),
                one.evidence().toString());
        assertTrue(one.evidence().stream().anyMatch(l -> l.contains("ns2.oneas.test") && l.contains(" A ")),
                one.evidence().toString());
        assertTrue(one.message(SWEDISH).contains("ett och samma autonoma system, AS64500"),
                one.message(SWEDISH));
        // information: the servers work, and NS_OK says so
        single(f, "NS_OK");
        absent(f, "NS_SAME_NETWORK");
    }

    @Test
    void serversInTwoAsesAreDiverseAndTheEvidenceNamesThem() {
        List<Finding> f = check("twoas.test");
        absent(f, "NS_SINGLE_AS");
        Finding ok = single(f, "NS_OK");
        assertTrue(ok.evidence().contains(
                ";; origin AS per name-server address: 127.0.23.3 AS64500, 127.1.23.3 AS64501"),
                ok.evidence().toString());
    }

    @Test
    void aFailedAsLookupIsNoProofOfOneAs() {
        List<Finding> f = check("failing.test");
        absent(f, "NS_SINGLE_AS");
        // quiet: the lookup is no fact about the zone, but its answer is kept with NS_OK
        absent(f, "DNS_LOOKUP_FAILED");
        Finding ok = single(f, "NS_OK");
        assertTrue(ok.evidence().stream().anyMatch(l -> l.contains("4.23.1.127.origin.asn.test")
                && l.contains("SERVFAIL")), ok.evidence().toString());
        assertTrue(ok.evidence().stream().noneMatch(l -> l.startsWith(";; origin AS")), ok.evidence().toString());
    }

    @Test
    void anAddressWithoutAnOriginIsNotJudged() {
        // 127.1.23.5 has no TXT record (NXDOMAIN): unannounced, or unknown to the service
        List<Finding> f = check("unannounced.test");
        absent(f, "NS_SINGLE_AS");
        single(f, "NS_OK");
    }

    @Test
    void aTimedOutAsLookupIsNotJudged() {
        // the resolver never answers for 127.1.23.6's origin: that question alone is asked with a short timeout, which
        // it always reaches; every other question and the loopback probes NS_OK needs have a timeout no loaded
        // machine comes near, so the outcome does not depend on how fast the machine is
        String silent = "6.23.1.127.origin." + ASN_ZONE;
        CheckSetup patient = DNS.setup().withTimeout(Duration.ofSeconds(30));
        DnsLookup quick = DNS.lookup(Duration.ofMillis(200));
        DnsLookup everyOther = patient.lookup();
        DnsLookup lookup = new DnsLookup() {
            @Override
            public DnsAnswer lookup(String name, int type, Cancellation cancellation) {
                return (isSilent(name) ? quick : everyOther).lookup(name, type, cancellation);
            }

            @Override
            public DnssecAnswer lookupSigned(String name, int type, Cancellation cancellation) {
                return (isSilent(name) ? quick : everyOther).lookupSigned(name, type, cancellation);
            }

            @Override
            public List<DnsAnswer> answered(String name) {
                return (isSilent(name) ? quick : everyOther).answered(name);
            }

            private boolean isSilent(String name) {
                return name.replaceFirst("\\.$", "").equalsIgnoreCase(silent);
            }
        };
        List<Finding> f = asking().run(new CheckContext("silent.test", patient.options(), lookup, Cancellation.none()))
                .findings();
        absent(f, "NS_SINGLE_AS");
        absent(f, "DNS_TIMEOUT");
        Finding ok = single(f, "NS_OK");
        assertTrue(ok.evidence().stream().anyMatch(l -> l.contains(silent)), ok.evidence().toString());
        assertTrue(ok.evidence().stream().noneMatch(l -> l.startsWith(";; origin AS")), ok.evidence().toString());
    }

    @Test
    void aSecondOriginOfAPrefixMakesTheSetDiverse() {
        List<Finding> f = check("multi.test");
        absent(f, "NS_SINGLE_AS");
        assertTrue(single(f, "NS_OK").evidence().contains(
                ";; origin AS per name-server address: 127.0.23.7 AS64500, 127.1.23.7 AS64500 AS64502"));
    }

    @Test
    void oneNetworkIsSaidInsteadOfOneAs() {
        List<Finding> f = check("samenet.test");
        single(f, "NS_SAME_NETWORK", Severity.WARNING);
        absent(f, "NS_SINGLE_AS");
    }

    @Test
    void addressesThatAreNotPublicAreNotAskedByDefault() {
        // the check as run: the servers' loopback addresses are not sent to Team Cymru (nor to the test's zone)
        List<Finding> f = new NameServerCheck().run(DNS.context("oneas.test")).findings();
        absent(f, "NS_SINGLE_AS");
        List<String> evidence = single(f, "NS_OK").evidence();
        assertTrue(evidence.stream().noneMatch(l -> l.contains(".origin")), evidence.toString());
    }

    @Test
    void aPrivateAddressAmongPublicOnesAsksNothing() {
        // split DNS: an internal address must not leak to the IP-to-ASN service through the resolver
        FakeDns dns = FakeDns.of("""
                1.2.0.192.origin.asn.test.   TXT "64500 | 192.0.2.0/24 | ZZ"
                1.0.0.10.origin.asn.test.    TXT "64500 | 10.0.0.0/8 | ZZ"
                """);
        AsDiversity.Judgement j = publicOnly().judge(dns.context("d.test", CheckOptions.defaults()),
                servers(host("a.d.test", "192.0.2.1"), host("b.d.test", "10.0.0.1")));
        assertTrue(j.finding().isEmpty());
        assertTrue(j.evidence().isEmpty());
        assertEquals(List.of(), dns.queries());
    }

    @Test
    void everyFamilyInOneAsIsSaidPerFamily() {
        FakeDns dns = FakeDns.of(ORIGINS);
        AsDiversity asns = publicOnly();
        // IPv4 from AS64500, IPv6 from AS64501: a resolver of either family depends on one AS
        Finding f = asns.judge(dns.context("d.test", CheckOptions.defaults()), servers(
                host("a.d.test", "192.0.2.1", "2001:db8:1::1"), host("b.d.test", "198.51.100.1", "2001:db8:2::1")))
                .finding().orElseThrow();
        assertEquals(Severity.INFO, f.severity());
        assertTrue(f.message().startsWith("All name servers of the zone d.test are announced from one autonomous"
                + " system per address family, AS64500 for IPv4 and AS64501 for IPv6: a.d.test (192.0.2.1,"
                + " 2001:db8:1::1), b.d.test (198.51.100.1, 2001:db8:2::1)."), f.message());
        assertTrue(f.message(SWEDISH).contains("AS64500 för IPv4 och AS64501 för IPv6"), f.message(SWEDISH));
        // IPv6 only, one AS
        assertTrue(asns.judge(dns.context("d.test", CheckOptions.defaults()), servers(
                host("a.d.test", "2001:db8:1::1"), host("b.d.test", "2001:db8:2::1"))).finding().orElseThrow()
                .message().contains("one autonomous system, AS64501:"));
    }

    @Test
    void ipv4InOneAsIsSaidThoughIpv6IsInSeveral() {
        // resolvers that use only IPv4 reach AS64500 alone, whatever the IPv6 addresses
        AsDiversity.Judgement j = publicOnly().judge(FakeDns.of(ORIGINS).context("d.test",
                CheckOptions.defaults()), servers(host("a.d.test", "192.0.2.1", "2001:db8:1::1"),
                host("b.d.test", "198.51.100.1", "2001:db8:3::3")));
        Finding f = j.finding().orElseThrow();
        assertEquals(Severity.INFO, f.severity());
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, f.actor());
        assertEquals("The name servers of the zone d.test have their IPv6 addresses announced from several"
                + " autonomous systems, but all their IPv4 addresses are announced from one autonomous system,"
                + " AS64500: a.d.test (192.0.2.1, 2001:db8:1::1), b.d.test (198.51.100.1, 2001:db8:3::3). A resolver"
                + " that reaches name servers only over IPv4 (still common in company networks) depends on that"
                + " network: a routing incident or a mistake in it can make d.test and its mail addresses"
                + " unresolvable for that resolver (RFC 2182 §3.1).", f.message());
        assertTrue(f.remediation().contains("add a name server with an IPv4 address in another autonomous system"),
                f.remediation());
        assertTrue(f.message(SWEDISH).startsWith("Namnservrarna för zonen d.test har sina IPv6-adresser i flera"
                + " autonoma system, men alla deras IPv4-adresser annonseras från ett och samma autonoma system,"
                + " AS64500:"), f.message(SWEDISH));
        // the message names IPv4's AS only: the evidence names every address's
        String origins = ";; origin AS per name-server address: 192.0.2.1 AS64500, 2001:db8:1::1 AS64501,"
                + " 198.51.100.1 AS64500, 2001:db8:3::3 AS64502";
        assertTrue(f.evidence().contains(origins), f.evidence().toString());
        assertTrue(j.evidence().contains(origins), j.evidence().toString());
    }

    @Test
    void aSingleIpv4AddressBesideIpv6InSeveralAsesIsOneAsForIpv4() {
        Finding f = publicOnly().judge(FakeDns.of(ORIGINS).context("d.test", CheckOptions.defaults()),
                servers(host("a.d.test", "192.0.2.1", "2001:db8:1::1"), host("b.d.test", "2001:db8:3::3")))
                .finding().orElseThrow();
        assertTrue(f.message().contains("but their only IPv4 address is announced from AS64500: a.d.test"),
                f.message());
        assertTrue(f.message(SWEDISH).contains("men deras enda IPv4-adress annonseras från AS64500:"),
                f.message(SWEDISH));
    }

    @Test
    void ipv6InOneAsWhileIpv4IsInSeveralIsNotSaid() {
        // resolvers fall back to IPv4, in two ASes; below INFO there is no finding to say the rest with
        AsDiversity.Judgement j = publicOnly().judge(FakeDns.of(ORIGINS).context("d.test",
                CheckOptions.defaults()), servers(host("a.d.test", "192.0.2.1", "2001:db8:1::1"),
                host("b.d.test", "203.0.113.1", "2001:db8:2::1")));
        assertTrue(j.finding().isEmpty());
        assertTrue(j.evidence().contains(";; origin AS per name-server address: 192.0.2.1 AS64500, 2001:db8:1::1"
                + " AS64501, 203.0.113.1 AS64503, 2001:db8:2::1 AS64501"), j.evidence().toString());
    }

    @Test
    void bothFamiliesInSeveralAsesAreDiverse() {
        assertTrue(publicOnly().judge(FakeDns.of(ORIGINS).context("d.test", CheckOptions.defaults()),
                servers(host("a.d.test", "192.0.2.1", "2001:db8:1::1"),
                        host("b.d.test", "203.0.113.1", "2001:db8:3::3"))).finding().isEmpty());
    }

    @Test
    void oneNetworkForEveryFamilyAsksNothing() {
        FakeDns dns = FakeDns.of(ORIGINS);
        AsDiversity.Judgement j = publicOnly().judge(dns.context("d.test", CheckOptions.defaults()),
                discovered(host("a.d.test", "192.0.2.1"), host("b.d.test", "192.0.2.2")));
        assertTrue(j.finding().isEmpty());
        assertEquals(0, dns.queryCount());
    }

    @Test
    void ipv4InOneNetworkIsNotRepeatedAsOneAs() {
        // NS_SAME_NETWORK said it of 192.0.2.0/24 (a WARNING); its AS adds nothing, the IPv6 side being in two
        NameServers servers = discovered(host("a.d.test", "192.0.2.1", "2001:db8:1::1"),
                host("b.d.test", "192.0.2.2", "2001:db8:3::3"));
        assertTrue(servers.problems().getFirst().message().contains("all their IPv4 addresses are in one network"));
        assertTrue(publicOnly().judge(FakeDns.of(ORIGINS).context("d.test", CheckOptions.defaults()),
                servers).finding().isEmpty());
    }

    @Test
    void oneAsForEveryFamilyIsNewsBesideOneNetworkForOne() {
        // IPv4 in one /24 (NS_SAME_NETWORK), IPv6 in two /48s of one AS: every resolver depends on an AS each
        Finding f = publicOnly().judge(FakeDns.of(ORIGINS).context("d.test", CheckOptions.defaults()),
                discovered(host("a.d.test", "192.0.2.1", "2001:db8:1::1"),
                        host("b.d.test", "192.0.2.2", "2001:db8:2::1"))).finding().orElseThrow();
        assertTrue(f.message().contains("one autonomous system per address family, AS64500 for IPv4 and AS64501"
                + " for IPv6:"), f.message());
        // IPv6 in one /48 (NS_SAME_NETWORK, INFO), IPv4 in two /24s of one AS
        NameServers ipv6InOneNetwork = discovered(host("a.d.test", "192.0.2.1", "2001:db8:1::1"),
                host("b.d.test", "198.51.100.1", "2001:db8:1::2"));
        assertEquals(Severity.INFO, ipv6InOneNetwork.problems().getFirst().severity());
        assertTrue(publicOnly().judge(FakeDns.of(ORIGINS).context("d.test", CheckOptions.defaults()),
                ipv6InOneNetwork).finding().orElseThrow().message().contains("AS64500 for IPv4 and AS64501 for"
                + " IPv6"));
    }

    @Test
    void anIncompleteNsSetIsNotAsked() {
        FakeDns dns = FakeDns.of("1.2.0.192.origin.asn.test. TXT \"64500 | 192.0.2.0/24 | ZZ\"\n");
        NameServers incomplete = new NameServers("d.test", List.of(host("a.d.test", "192.0.2.1"),
                host("b.d.test", "192.0.2.2")), false, List.of(), List.of());
        AsDiversity.Judgement j = publicOnly().judge(dns.context("d.test", CheckOptions.defaults()),
                incomplete);
        assertTrue(j.finding().isEmpty());
        assertTrue(j.evidence().isEmpty());
        assertEquals(0, dns.queryCount());
    }

    @Test
    void aFailedQuestionIsNoOrigin() {
        FakeDns failing = FakeDns.of("1.2.0.192.origin.asn.test. TXT \"64500 | 192.0.2.0/24 | ZZ\"\n")
                .fail("2.2.0.192.origin.asn.test", Type.TXT, DnsStatus.TIMEOUT);
        assertTrue(publicOnly().judge(failing.context("d.test", CheckOptions.defaults()), servers(
                host("a.d.test", "192.0.2.1"), host("b.d.test", "192.0.2.2"))).finding().isEmpty());
    }

    @Test
    void anUnexpectedFailureOfTheLookupIsNoJudgementNotAFailedCheck() {
        FakeDns dns = FakeDns.of("1.2.0.192.origin.asn.test. TXT \"64500 | 192.0.2.0/24 | ZZ\"\n");
        DnsLookup breaking = (name, type, cancellation) -> {
            if (name.startsWith("2.2.0.192.")) {
                throw new IllegalStateException("a bug in the lookup");
            }
            return dns.lookup(name, type, cancellation);
        };
        AsDiversity.Judgement j = publicOnly().judge(new CheckContext("d.test",
                CheckOptions.defaults(), breaking, Cancellation.none()), servers(host("a.d.test", "192.0.2.1"),
                host("b.d.test", "192.0.2.2")));
        assertTrue(j.finding().isEmpty());
        assertTrue(j.evidence().isEmpty());
    }

    @Test
    void aCancelledRunStaysCancelled() {
        FakeDns dns = FakeDns.of("1.2.0.192.origin.asn.test. TXT \"64500 | 192.0.2.0/24 | ZZ\"\n");
        Cancellation cancelled = new Cancellation();
        cancelled.cancel();
        assertThrows(CancelledException.class, () -> publicOnly().judge(new CheckContext("d.test",
                CheckOptions.defaults(), dns, cancelled), servers(host("a.d.test", "192.0.2.1"),
                host("b.d.test", "192.0.2.2"))));
    }

    private static NameServers servers(NameServers.Host... hosts) {
        return new NameServers("d.test", List.of(hosts), true, List.of(), List.of());
    }

    /** The servers as {@link NameServers#discover} leaves them: with NS_SAME_NETWORK when it is made. */
    private static NameServers discovered(NameServers.Host... hosts) {
        List<Finding> problems = NetworkDiversity.sameNetwork("d.test", "d.test", List.of(hosts), true, List.of())
                .stream().toList();
        return new NameServers("d.test", List.of(hosts), true, problems, List.of());
    }

    private static NameServers.Host host(String name, String... addresses) {
        return new NameServers.Host(name, Arrays.stream(addresses).map(InetAddresses::forString).toList());
    }
}
