package org.mailpath.engine.dnsbl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.testing.fakedns.Findings.absent;
import static org.mailpath.testing.fakedns.Findings.single;

import java.util.List;
import java.util.Locale;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.check.CheckContext;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.engine.spf.SalesforceSending;
import org.mailpath.testing.fakedns.FakeDns;

/** Who acts on a listing, how much it weighs, and the addresses the blocklist check looks up or leaves out. */
class DnsblWhoActsAndWeightTest {

    /** The default lists answering their test points; 13.110.6.221 (Salesforce's) and 192.0.2.25 on zen and psbl. */
    private static final String ZONES = """
            example.com. MX 10 mx1.example.com.
            mx1.example.com. A 198.51.100.10
            2.0.0.127.zen.spamhaus.org. A 127.0.0.2
            2.0.0.127.bl.spamcop.net. A 127.0.0.2
            2.0.0.127.b.barracudacentral.org. A 127.0.0.2
            2.0.0.127.psbl.surriel.com. A 127.0.0.2
            2.0.0.127.bl.mailspike.net. A 127.0.0.2
            221.6.110.13.zen.spamhaus.org. A 127.0.0.2
            25.2.0.192.psbl.surriel.com. A 127.0.0.2
            26.2.0.192.zen.spamhaus.org. A 127.0.0.3
            10.100.51.198.zen.spamhaus.org. A 127.0.0.2
            """;

    private static List<Finding> check(String zone, String ip) {
        return FakeDns.of(zone).run(new DnsblCheck(), "example.com", FakeDns.options(ip, List.of(), List.of()));
    }

    private static Finding listed(List<Finding> f, String ip) {
        return f.stream().filter(x -> x.code().equals("DNSBL_LISTED") && x.subject().equals(ip)).findFirst()
                .orElseThrow(() -> new AssertionError(f.toString()));
    }

    @Test
    void aListedSalesforceIpIsSalesforceSupportsToHaveRemoved() {
        Finding f = listed(check(ZONES, "13.110.6.221"), "13.110.6.221");
        assertEquals(Actor.SALESFORCE_SUPPORT, f.actor());
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(f.remediation().startsWith("Open a case with Salesforce support"), f.remediation());
        assertTrue(f.remediation().contains("zen.spamhaus.org"), f.remediation());
        assertTrue(f.remediation(Locale.of("sv")).startsWith("Öppna ett ärende hos Salesforce support"));
        // another IP given with --ip keeps our admin's advice
        Finding ours = listed(check(ZONES, "192.0.2.26"), "192.0.2.26");
        assertEquals(Actor.SENDER_ADMIN, ours.actor());
        assertTrue(ours.remediation().startsWith("Find and stop the cause"), ours.remediation());
    }

    @Test
    void aListingOfAReceivingAddressIsInformationOnly() {
        Finding mx = listed(check(ZONES, "192.0.2.26"), "198.51.100.10");
        assertEquals(Severity.INFO, mx.severity());
        assertTrue(mx.remediation().startsWith("Nothing to do for receiving mail"), mx.remediation());
    }

    @Test
    void aListingOnAMinorListIsAWarningAndOnAMajorOneAnError() {
        List<Finding> f = check(ZONES, "192.0.2.25");
        assertEquals(Severity.WARNING, listed(f, "192.0.2.25").severity());
        assertEquals(Severity.ERROR, listed(check(ZONES, "192.0.2.26"), "192.0.2.26").severity());
    }

    @Test
    void ipsTheBouncesNameAreLookedUpAndOnlySalesforcesRangesGoToSalesforceAlone() {
        FakeDns dns = FakeDns.of(ZONES);
        CheckContext ctx = new CheckContext("example.com", FakeDns.options(null, List.of(), List.of()), dns,
                Cancellation.none(), SalesforceSending.UNKNOWN, List.of("192.0.2.26", "13.110.6.221", "10.0.0.1"));
        List<Finding> f = new DnsblCheck().run(ctx).findings();
        // outside Salesforce's published ranges the client IP may be the admin's own Email Relay: the admin decides
        Finding named = listed(f, "192.0.2.26");
        assertEquals(Actor.SENDER_ADMIN, named.actor());
        assertTrue(named.message().contains("sending IP named in a bounce"), named.message());
        assertTrue(named.remediation().startsWith("If 192.0.2.26 is an outbound mail server of the sending organization"),
                named.remediation());
        assertTrue(named.remediation().contains("open a case with Salesforce support"), named.remediation());
        assertTrue(named.remediation(Locale.of("sv")).startsWith("Om 192.0.2.26 är en utgående e-postserver"));
        Finding salesforce = listed(f, "13.110.6.221");
        assertEquals(Actor.SALESFORCE_SUPPORT, salesforce.actor());
        assertTrue(salesforce.remediation().startsWith("Open a case with Salesforce support"),
                salesforce.remediation());
        // a private address a reply names is no list's concern: not looked up at all
        assertFalse(dns.queries().stream().anyMatch(q -> q.contains("1.0.0.10.")), dns.queries().toString());
    }

    @Test
    void aSpecialPurposeIpIsNotLookedUpAndSaysWhy() {
        FakeDns dns = FakeDns.of(ZONES);
        List<Finding> f = dns.run(new DnsblCheck(), "example.com", FakeDns.options("10.0.0.1", List.of(), List.of()));
        Finding nc = single(f, "DNSBL_NOT_CHECKED", Severity.INFO);
        assertTrue(nc.message().contains("never on a public blocklist"), nc.message());
        assertTrue(nc.message().contains("private address"), nc.message());
        assertTrue(nc.remediation().contains("Remote Host"), nc.remediation());
        assertFalse(f.stream().anyMatch(x -> x.subject().equals("10.0.0.1") && x.code().equals("DNSBL_NOT_LISTED")));
        assertFalse(dns.queries().stream().anyMatch(q -> q.contains("1.0.0.10.")), dns.queries().toString());
        single(check(ZONES, "fe80::1"), "DNSBL_NOT_CHECKED", Severity.INFO);
        single(check(ZONES, "127.0.0.5"), "DNSBL_NOT_CHECKED", Severity.INFO);
    }

    @Test
    void aScopedAddressIsNotAnAddressAndNeverCrashes() {
        Finding nc = single(check(ZONES, "fe80::1%lo"), "DNSBL_NOT_CHECKED", Severity.WARNING);
        assertTrue(nc.message().contains("is not an IP address"), nc.message());
    }

    @Test
    void addressesPastTheLimitAreCounted() {
        StringBuilder zone = new StringBuilder(ZONES.replace("mx1.example.com. A 198.51.100.10\n", ""));
        for (int i = 1; i <= 25; i++) {
            zone.append("mx1.example.com. A 198.51.100.").append(100 + i).append('\n');
        }
        List<Finding> f = check(zone.toString(), "192.0.2.26");
        Finding nc = single(f, "DNSBL_NOT_CHECKED", Severity.INFO);
        // 1 sending IP and 19 MX addresses were looked up: 6 left
        assertTrue(nc.message().startsWith("6 more addresses of the MX hosts of example.com were not looked up"),
                nc.message());
        assertTrue(nc.message(Locale.of("sv")).startsWith("6 adresser till"), nc.message(Locale.of("sv")));
    }

    @Test
    void aResolverThatRewritesNonExistentNamesIsSaidOnce() {
        StringBuilder zone = new StringBuilder(ZONES);
        for (DnsblZone z : DnsblZone.defaults()) {
            zone.append("1.0.0.127.").append(z.zone()).append(". A 198.51.100.99\n");
        }
        List<Finding> f = check(zone.toString(), "192.0.2.26");
        Finding once = single(f, "DNSBL_ZONE_UNUSABLE");
        assertEquals(Actor.LOCAL_NETWORK, once.actor());
        assertTrue(once.message().contains("this computer's resolver answers 198.51.100.99 for names that do not exist"),
                once.message());
        absent(f, "DNSBL_LISTED");
        // one list alone answering so is still that list's own fault
        Finding alone = single(check(ZONES + "1.0.0.127.bl.spamcop.net. A 198.51.100.99\n", "192.0.2.26"),
                "DNSBL_ZONE_UNUSABLE");
        assertEquals("bl.spamcop.net", alone.subject());
    }

    @Test
    void aListingMayExplainOnlyARefusalNamingItsListOrNone() {
        Finding psbl = listed(check(ZONES, "192.0.2.25"), "192.0.2.25");
        Finding zen = listed(check(ZONES, "192.0.2.26"), "192.0.2.26");
        String spamhaus = "550 5.7.1 Client host [192.0.2.25] blocked using Spamhaus";
        BiPredicate<List<String>, String> psblExplains = DnsblListings.explainer(psbl, new DnsblListings.Replies());
        BiPredicate<List<String>, String> zenExplains = DnsblListings.explainer(zen, new DnsblListings.Replies());
        assertFalse(psblExplains.test(List.of("192.0.2.25"), spamhaus));
        assertTrue(psblExplains.test(List.of("192.0.2.25"), "550 5.7.1 blocked: bad reputation"));
        assertTrue(zenExplains.test(List.of(), "550 5.7.1 blocked using zen.spamhaus.org"));
        // the reply names another client IP: the listing of this one says nothing of it
        assertFalse(zenExplains.test(List.of("192.0.2.25"), spamhaus));
    }
}
