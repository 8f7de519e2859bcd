package org.mailpath.engine.dnsbl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.testing.fakedns.Findings.absent;
import static org.mailpath.testing.fakedns.Findings.single;

import com.google.common.net.InetAddresses;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.dns.Addresses;
import org.mailpath.engine.dns.DnsStatus;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.testing.fakedns.FakeDns;
import org.xbill.DNS.Type;

class DnsblCheckTest {

    /** A working list: test points (IPv4 and IPv6), one listed sending IP with a reason, listed MX addresses. */
    private static final String ZONE = """
            example.com. MX 10 mx1.example.com.
            mx1.example.com. A 198.51.100.10
            mx1.example.com. AAAA 2001:db8::10
            2.0.0.127.bl.example.test. A 127.0.0.2
            2.0.0.127.bl.example.test. TXT "test point"
            2.0.0.0.0.0.f.7.f.f.f.f.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.bl.example.test. A 127.0.0.2
            25.2.0.192.bl.example.test. A 127.0.0.2
            25.2.0.192.bl.example.test. TXT "Listed for spam, see https://bl.example.test/192.0.2.25"
            10.100.51.198.bl.example.test. A 127.0.0.4
            0.1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.bl.example.test. A 127.0.0.3
            """;

    private static List<Finding> check(String zone, String ip, String... zones) {
        return FakeDns.of(zone).run(new DnsblCheck(), "example.com", FakeDns.options(ip, List.of(), List.of(zones)));
    }

    @Test
    void listedSendingIpWithReasonAndListedMxAddresses() {
        List<Finding> f = check(ZONE, "192.0.2.25", "bl.example.test");
        List<Finding> listed = f.stream().filter(x -> x.code().equals("DNSBL_LISTED")).toList();
        assertEquals(3, listed.size(), f.toString());
        Finding sending = listed.stream().filter(x -> x.subject().equals("192.0.2.25")).findFirst().orElseThrow();
        assertEquals(Severity.ERROR, sending.severity());
        assertTrue(sending.message().contains("Listed for spam"), sending.message());
        Finding mx = listed.stream().filter(x -> x.subject().equals("198.51.100.10")).findFirst().orElseThrow();
        // a receiving address's listing does not stop mail arriving there: information, like PBL's
        assertEquals(Severity.INFO, mx.severity());
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, mx.actor());
        assertTrue(listed.stream().anyMatch(x -> x.subject().equals("2001:db8::10")));
    }

    @Test
    void listingsAndRefusalsAreWordedInSwedishToo() {
        Locale swedish = Locale.of("sv");
        List<Finding> f = check(ZONE, "192.0.2.25", "bl.example.test");
        Finding sending = f.stream().filter(x -> x.code().equals("DNSBL_LISTED") && x.subject().equals("192.0.2.25"))
                .findFirst().orElseThrow();
        assertEquals("192.0.2.25 (avsändande IP) är listad på bl.example.test (127.0.0.2): Listed for spam, see"
                + " https://bl.example.test/192.0.2.25", sending.message(swedish));
        assertEquals("Ta reda på och stoppa orsaken (kapat konto, öppet relä, dålig utskickslista) och begär sedan"
                + " borttagning på listans webbplats (se orsaken ovan).", sending.remediation(swedish));
        Finding refused = single(check("*.zen.example.test. A 127.255.255.254\n", "192.0.2.25", "zen.example.test"),
                "DNSBL_QUERY_REFUSED");
        assertEquals("Blocklistan zen.example.test vägrade uppslagningen: den svarade 127.255.255.254 (frågan gick via"
                + " en publik/öppen resolver (eller en resolver utan omvänd DNS)). Resultatet är okänt, inte rent",
                refused.message(swedish));
        assertEquals("Blocklist zen.example.test refused the lookup: it answered 127.255.255.254 (query through a"
                + " public/open resolver (or a resolver without reverse DNS)). Its results are unknown, not clean",
                refused.message());
    }

    @Test
    void aDefaultListsNoteOnHowToGetAnswersIsGivenInTheReadersLanguage() {
        // No zones named: the default lists. Spamhaus refuses public resolvers; its note says what to do instead.
        List<Finding> f = check("*.zen.spamhaus.org. A 127.255.255.254\n", "192.0.2.25");
        Finding refused = f.stream().filter(x -> x.code().equals("DNSBL_QUERY_REFUSED")
                && x.subject().equals("zen.spamhaus.org")).findFirst().orElseThrow();
        assertTrue(refused.remediation().endsWith("check through a resolver that is not a public one, or use Spamhaus DQS"), refused.remediation());
        assertTrue(refused.remediation(Locale.of("sv")).endsWith("kontrollera via en resolver som inte är publik, eller använd Spamhaus DQS"),
                refused.remediation(Locale.of("sv")));
        // Every default list's note exists in every language (a missing key would fail at load).
        DnsblZone.defaults().forEach(z -> z.note().ifPresent(n -> assertFalse(n.in(Locale.of("sv")).equals(
                n.toString()), z.zone())));
    }

    @Test
    void cleanAddresses() {
        Finding ok = single(check(ZONE, "192.0.2.26", "bl.example.test").stream()
                .filter(x -> x.subject().equals("192.0.2.26")).toList(), "DNSBL_NOT_LISTED", Severity.OK);
        assertTrue(ok.message().contains("bl.example.test"));
    }

    @Test
    void spamhausErrorCodesAreRefusalsNeverListings() {
        List<Finding> f = check("*.zen.example.test. A 127.255.255.254\n", "192.0.2.25", "zen.example.test");
        Finding refused = single(f, "DNSBL_QUERY_REFUSED", Severity.WARNING);
        assertTrue(refused.message().contains("public/open resolver"), refused.message());
        absent(f, "DNSBL_LISTED");
        absent(f, "DNSBL_NOT_LISTED");
    }

    @Test
    void rateLimitAnswerForOneAddress() {
        List<Finding> f = check(ZONE + "25.2.0.192.zen.example.test. A 127.255.255.255\n"
                + "2.0.0.127.zen.example.test. A 127.0.0.2\n", "192.0.2.25", "zen.example.test");
        assertTrue(single(f, "DNSBL_QUERY_REFUSED").message().contains("too many queries"));
        absent(f, "DNSBL_LISTED");
    }

    @Test
    void refusedRcode() {
        FakeDns dns = FakeDns.of(ZONE).fail("2.0.0.127.bl.example.test", Type.A, DnsStatus.REFUSED);
        single(dns.run(new DnsblCheck(), "example.com", FakeDns.options("192.0.2.25", List.of(),
                List.of("bl.example.test"))), "DNSBL_QUERY_REFUSED");
    }

    @Test
    void brokenListsAreDetectedWithTheTestPoints() {
        // no test point: dead or misspelled list
        Finding dead = single(check(ZONE, "192.0.2.25", "dead.example.test"), "DNSBL_ZONE_UNUSABLE");
        assertTrue(dead.message().contains("127.0.0.2"));
        // lists everything
        List<Finding> all = check("*.all.example.test. A 127.0.0.2\n", "192.0.2.25", "all.example.test");
        assertTrue(single(all, "DNSBL_ZONE_UNUSABLE").message().contains("127.0.0.1"));
        absent(all, "DNSBL_LISTED");
    }

    @Test
    void answersOutside127AreNotListings() {
        List<Finding> f = check("2.0.0.127.park.example.test. A 127.0.0.2\n25.2.0.192.park.example.test. A 203.0.113.80\n",
                "192.0.2.25", "park.example.test");
        single(f, "DNSBL_ZONE_UNUSABLE");
        absent(f, "DNSBL_LISTED");
    }

    @Test
    void aTestPointAnsweredOutside127MakesTheZoneUnusable() {
        List<Finding> f = check("2.0.0.127.odd.example.test. A 10.0.0.2\n", "192.0.2.25", "odd.example.test");
        Finding unusable = single(f, "DNSBL_ZONE_UNUSABLE", Severity.WARNING);
        assertTrue(unusable.message().contains("10.0.0.2") && unusable.message().contains("test point"),
                unusable.message());
        // the zone's silence about the address is no evidence either
        absent(f, "DNSBL_NOT_LISTED");
    }

    @Test
    void timeoutIsALookupFailure() {
        FakeDns dns = FakeDns.of(ZONE).fail("25.2.0.192.bl.example.test", Type.A, DnsStatus.TIMEOUT);
        List<Finding> f = dns.run(new DnsblCheck(), "example.com", FakeDns.options("192.0.2.25", List.of(),
                List.of("bl.example.test")));
        single(f, "DNS_TIMEOUT");
    }

    @Test
    void implicitMxAndIpv4OnlyZones() {
        FakeDns dns = FakeDns.of("example.com. A 198.51.100.10\n" + ZONE.lines().skip(3)
                .reduce("", (a, b) -> a + b + "\n"));
        List<Finding> f = dns.run(new DnsblCheck(), "example.com", FakeDns.options(null, List.of(),
                List.of("bl.example.test")));
        assertEquals("198.51.100.10", single(f, "DNSBL_LISTED").subject());
    }

    @Test
    void badIpIsAFinding() {
        single(check(ZONE, "nope", "bl.example.test"), "DNSBL_NOT_CHECKED", Severity.WARNING);
    }

    @Test
    void defaultZonesAreData() {
        List<DnsblZone> zones = DnsblZone.defaults();
        assertTrue(zones.stream().anyMatch(z -> z.zone().equals("zen.spamhaus.org")
                && z.ipv6() == DnsblZone.Ipv6.YES));
        assertTrue(zones.size() >= 4);
        assertFalse(zones.stream().anyMatch(z -> z.zone().contains(" ")));
    }

    @Test
    void queryNames() {
        assertEquals("25.2.0.192.bl.example.test", Addresses.reversedUnder(InetAddresses.forString("192.0.2.25"),
                "bl.example.test"));
        assertTrue(Addresses.reversedUnder(InetAddresses.forString("2001:db8::1"), "z.test")
                .matches("1(\\.0){23}\\.8\\.b\\.d\\.0\\.1\\.0\\.0\\.2\\.z\\.test"));
    }

    @Test
    void cancellationStopsEveryZone() {
        org.mailpath.engine.common.Cancellation cancelled = new org.mailpath.engine.common.Cancellation();
        cancelled.cancel();
        FakeDns dns = FakeDns.of(ZONE);
        org.junit.jupiter.api.Assertions.assertThrows(org.mailpath.engine.common.CancelledException.class,
                () -> new DnsblCheck().run(new org.mailpath.engine.check.CheckContext("example.com",
                        FakeDns.options("192.0.2.25", List.of(), List.of("bl.example.test", "b.example.test")), dns,
                        cancelled)));
        assertEquals(0, dns.queryCount());
    }

    @Test
    void theMxHostsAskedAboutAreTheTenMostPreferredEachOnceWithoutTheNullMx() {
        // the root of a null MX beside others was asked for as a host ("." A and AAAA) and took one of the ten
        // places, a host named twice took two, and hosts of equal preference were cut in the answer's order
        StringBuilder zone = new StringBuilder("example.com. MX 0 .\nexample.com. MX 5 MX3.example.com.\n");
        for (int i = 12; i >= 1; i--) {
            zone.append("example.com. MX ").append(i <= 2 ? 5 : 10).append(" mx").append(i).append(".example.com.\n");
        }
        FakeDns dns = FakeDns.of(zone.toString());
        dns.run(new DnsblCheck(), "example.com", FakeDns.options(null, List.of(), List.of("bl.example.test")));
        List<String> asked = dns.queries().stream().filter(q -> q.endsWith(" A") || q.endsWith(" AAAA"))
                .filter(q -> !q.contains("bl.example.test")).toList();
        assertEquals(List.of("mx1.example.com A", "mx1.example.com AAAA", "mx2.example.com A", "mx2.example.com AAAA",
                "mx3.example.com A", "mx3.example.com AAAA", "mx10.example.com A", "mx10.example.com AAAA",
                "mx11.example.com A", "mx11.example.com AAAA", "mx12.example.com A", "mx12.example.com AAAA",
                "mx4.example.com A", "mx4.example.com AAAA", "mx5.example.com A", "mx5.example.com AAAA",
                "mx6.example.com A", "mx6.example.com AAAA", "mx7.example.com A", "mx7.example.com AAAA"), asked);
    }
}
