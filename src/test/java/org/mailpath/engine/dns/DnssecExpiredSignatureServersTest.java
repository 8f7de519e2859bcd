package org.mailpath.engine.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Inet6Address;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.testing.dns.CheckSetup;
import org.mailpath.testing.dns.TestDnsServer;
import org.mailpath.testing.dns.ZoneSigner;
import org.mailpath.testing.dns.ZoneSigner.Key;
import org.mailpath.testing.fakedns.Findings;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * An expired signature in the resolver's answer, set against each of the zone's three name servers. Loopback servers
 * on one port: the resolver's copy is ns1's unless a test gives the resolver its own; a server given no zone copy has
 * nothing listening at its address (unreachable: the port-unreachable reply comes at once, nothing waits out a
 * timeout). The check runs at a fixed time; the old copy's signatures expired a day before it, the fresh copy's are
 * valid for weeks after.
 */
class DnssecExpiredSignatureServersTest {

    private static final String RESOLVER = "127.0.41.1";
    private static final String NS1 = "127.0.41.2";
    private static final String NS2 = "127.0.41.3";
    private static final String NS3 = "127.0.41.4";
    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    private static final Instant EXPIRED = Instant.parse("2026-03-09T12:00:00Z");
    private static final String EXPIRED_TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC).format(EXPIRED);
    private static final Key CSK = Key.ksk("exp.test");
    private static final String ZONE = """
            exp.test.      SOA ns1.exp.test. hostmaster.exp.test. 1 3600 600 2419200 300
            exp.test.      NS  ns1.exp.test.
            exp.test.      NS  ns2.exp.test.
            exp.test.      NS  ns3.exp.test.
            exp.test.      MX  10 mx.exp.test.
            mail.exp.test. MX  10 mx.exp.test.
            ns1.exp.test.  A   %s
            ns2.exp.test.  A   %s
            ns3.exp.test.  A   %s
            mx.exp.test.   A   192.0.2.25
            """.formatted(NS1, NS2, NS3);

    /** The zone signed by CSK from {@code inception} to {@code expiration}, and its DS. */
    private static String zone(Instant inception, Instant expiration) {
        return zone("", inception, expiration);
    }

    /** The zone with {@code extra} records (more name-server addresses), signed as {@link #zone(Instant, Instant)}. */
    private static String zone(String extra, Instant inception, Instant expiration) {
        return ZoneSigner.signText("exp.test", ZONE + extra, List.of(CSK), inception, expiration) + CSK.ds() + "\n";
    }

    /** An IPv6 address for each of ns1, ns2 and ns3, beside their IPv4 ones. */
    private static final String IPV6 = """
            ns1.exp.test.  AAAA 2001:db8::2
            ns2.exp.test.  AAAA 2001:db8::3
            ns3.exp.test.  AAAA 2001:db8::4
            """;

    /**
     * The network as a computer without IPv6 sees it: an IPv6 address cannot be reached at all (DnsTransport's
     * "skipped", as a "Network is unreachable" error for such an address gives), IPv4 as usual.
     */
    private static final ChildKeyServers.Exchange NO_IPV6 = (server, query, timeout, cancellation) ->
            server.getAddress() instanceof Inet6Address
                    ? new DnsTransport.Failure("skipped", DnsReasons.of("noIpv6"))
                    : ChildKeyServers.NETWORK.send(server, query, timeout, cancellation);

    /** Signed the day before NOW, valid for 29 days more: the primary's current copy. */
    private static final String FRESH = zone(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(29)));
    /** Signed 40 days before NOW, expired a day before it: the copy of a secondary cut off from its primary. */
    private static final String OLD = zone(NOW.minus(Duration.ofDays(40)), EXPIRED);

    /** The fresh copy with the signature over the MX records of mail.exp.test alone expired. */
    private static String freshWithExpiredMx() {
        List<Record> records = new ArrayList<>(ZoneSigner.sign("exp.test", ZoneSigner.parse("exp.test", ZONE),
                List.of(CSK), NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(29))));
        Name mail = Name.fromConstantString("mail.exp.test.");
        records.removeIf(r -> r instanceof RRSIGRecord s && s.getTypeCovered() == Type.MX && s.getName().equals(mail));
        records.add(CSK.sign(records.stream().filter(r -> r.getType() == Type.MX && r.getName().equals(mail))
                .toList(), NOW.minus(Duration.ofDays(40)), EXPIRED));
        return ZoneSigner.text(records) + CSK.ds() + "\n";
    }

    /**
     * The check of exp.test at NOW: ns1, ns2 and ns3 serve their copy (none: nothing listens there); the resolver
     * answers from {@code resolver}'s copy on a server of its own, or from ns1's when it is empty.
     */
    private static List<Finding> check(Optional<String> resolver, String ns1, String ns2, Optional<String> ns3)
            throws IOException {
        return check("exp.test", resolver, ns1, ns2, ns3);
    }

    /** The check of {@code domain}, a name in exp.test, as {@link #check(Optional, String, String, Optional)}. */
    private static List<Finding> check(String domain, Optional<String> resolver, String ns1, String ns2,
                                       Optional<String> ns3) throws IOException {
        return check(domain, resolver, ns1, ns2, ns3, ChildKeyServers.NETWORK);
    }

    /** As {@link #check(String, Optional, String, String, Optional)}, the servers reached through {@code network}. */
    private static List<Finding> check(String domain, Optional<String> resolver, String ns1, String ns2,
                                       Optional<String> ns3, ChildKeyServers.Exchange network) throws IOException {
        TestDnsServer.Builder first = TestDnsServer.builder().zone("exp.test", ns1).authoritative(NS1, "exp.test");
        if (resolver.isEmpty()) {
            first.resolver(RESOLVER);
        }
        try (TestDnsServer one = first.start();
             TestDnsServer two = TestDnsServer.builder().zone("exp.test", ns2).authoritative(NS2, "exp.test")
                     .port(one.port()).start();
             AutoCloseable three = ns3.isPresent() ? TestDnsServer.builder().zone("exp.test", ns3.get())
                     .authoritative(NS3, "exp.test").port(one.port()).start() : () -> { };
             AutoCloseable own = resolver.isPresent() ? TestDnsServer.builder().zone("exp.test", resolver.get())
                     .resolver(RESOLVER).port(one.port()).start() : () -> { }) {
            return new DnssecCheck(Clock.fixed(NOW, ZoneOffset.UTC), network)
                    .run(CheckSetup.of(RESOLVER + ":" + one.port(), one.port()).context(domain)).findings();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Finding expired(List<Finding> findings) {
        assertEquals(1, findings.size(), Findings.describe(findings));
        Finding f = Findings.single(findings, "DNSSEC_SIGNATURE_EXPIRED", Severity.ERROR);
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, f.actor());
        assertTrue(f.message().startsWith("The DNSSEC signature (RRSIG) of the DNSKEY records of exp.test (zone"
                + " exp.test, key tag " + CSK.dnskey().getFootprint() + ", algorithm 13 (ECDSAP256SHA256)) expired at "
                + EXPIRED_TEXT + ". "), f.message());
        return f;
    }

    private static boolean hasLine(Finding f, String start) {
        return f.evidence().stream().anyMatch(l -> l.startsWith(start));
    }

    @Test
    void oneStaleServerOfThreeMakesLookupsFailOnlyThroughIt() throws IOException {
        Finding f = expired(check(Optional.empty(), OLD, FRESH, Optional.of(FRESH)));
        assertTrue(f.message().contains(". Asked directly, only some name servers of the zone serve these records"
                + " with expired signatures. Expired: ns1.exp.test (127.0.41.2): DNSKEY, expired at " + EXPIRED_TEXT
                + ". Valid: ns2.exp.test (127.0.41.3); ns3.exp.test (127.0.41.4). A server with expired signatures"
                + " most likely answers from an old copy of the zone"), f.message());
        assertTrue(f.message().endsWith("So lookups fail intermittently, depending on the server a resolver asks, and"
                + " mail to exp.test is delayed or bounced only some of the time ('Domain Lookup Failed')."),
                f.message());
        assertFalse(f.message().contains("every lookup fails"), f.message());
        // the remedy is the stale server, not re-signing: the zone is re-signed
        assertTrue(f.remediation().startsWith("The domain's DNS operator must find why these servers no longer serve"
                + " the current, re-signed zone"), f.remediation());
        assertTrue(f.message(Locale.of("sv")).contains("Utgångna: ns1.exp.test (127.0.41.2): DNSKEY, gick ut "
                + EXPIRED_TEXT + ". Giltiga: ns2.exp.test (127.0.41.3); ns3.exp.test (127.0.41.4)."),
                f.message(Locale.of("sv")));
        assertTrue(f.evidence().contains(";; DNSKEY signatures asked of each name server (DO, no recursion), the"
                + " resolver's being expired: 1 expired, 2 valid, 0 not judged"), f.evidence().toString());
        assertTrue(hasLine(f, ";; ns1.exp.test (127.0.41.2) DNSKEY signatures: expired at " + EXPIRED),
                f.evidence().toString());
        assertTrue(hasLine(f, ";; ns3.exp.test (127.0.41.4) DNSKEY signatures: valid until"), f.evidence().toString());
    }

    @Test
    void everyServerStaleMeansEveryLookupFails() throws IOException {
        Finding f = expired(check(Optional.empty(), OLD, OLD, Optional.of(OLD)));
        // the wording from before servers were compared: now it is known to hold
        assertTrue(f.message().endsWith(". Validating resolvers, which most large mail providers use, treat exp.test"
                + " as bogus: every lookup fails (SERVFAIL), so mail to it is not delivered ('Domain Lookup"
                + " Failed')."), f.message());
        assertTrue(f.remediation().startsWith("The zone is no longer re-signed"), f.remediation());
        assertTrue(f.evidence().contains(";; DNSKEY signatures asked of each name server (DO, no recursion), the"
                + " resolver's being expired: 3 expired, 0 valid, 0 not judged"), f.evidence().toString());
    }

    @Test
    void anUnreachableServerIsSaidToBeUnknownNotGuessed() throws IOException {
        // ns1 and ns2 serve the old copy, ns3 does not answer: whether ns3 serves a valid copy is not known
        Finding f = expired(check(Optional.empty(), OLD, OLD, Optional.empty()));
        assertTrue(f.message().contains(". Asked directly, the name servers of the zone that could be judged serve"
                + " these records with expired signatures too: ns1.exp.test (127.0.41.2): DNSKEY, expired at "
                + EXPIRED_TEXT + "; ns2.exp.test (127.0.41.3): DNSKEY, expired at " + EXPIRED_TEXT + ". No answer"
                + " that could be judged (the evidence says why): ns3.exp.test (127.0.41.4). So whether any name"
                + " server of the zone serves valid signatures is not known."), f.message());
        assertTrue(f.message().endsWith("If the other servers serve them too, every lookup fails."), f.message());
        assertFalse(f.message().contains("treat exp.test as bogus: every lookup fails"), f.message());
        assertTrue(hasLine(f, ";; ns3.exp.test (127.0.41.4) DNSKEY signatures: no authoritative NOERROR answer, not"
                + " judged"), f.evidence().toString());
        assertTrue(f.message(Locale.of("sv")).contains("Inget svar som kunde bedömas (underlaget visar varför):"
                + " ns3.exp.test (127.0.41.4)."), f.message(Locale.of("sv")));
    }

    @Test
    void anUnreachableServerBesideAValidOneIsNamedApart() throws IOException {
        Finding f = expired(check(Optional.empty(), OLD, FRESH, Optional.empty()));
        assertTrue(f.message().contains("Expired: ns1.exp.test (127.0.41.2): DNSKEY, expired at " + EXPIRED_TEXT
                + ". Valid: ns2.exp.test (127.0.41.3). No answer that could be judged (the evidence says why):"
                + " ns3.exp.test (127.0.41.4). A server with expired signatures"), f.message());
        assertTrue(f.evidence().contains(";; DNSKEY signatures asked of each name server (DO, no recursion), the"
                + " resolver's being expired: 1 expired, 1 valid, 1 not judged"), f.evidence().toString());
    }

    @Test
    void aResolverCopyNoServerServesIsSaidToComeFromElsewhere() throws IOException {
        // every server of the zone judged, each with the re-signed copy: the old one the resolver got is not theirs
        Finding f = expired(check(Optional.of(OLD), FRESH, FRESH, Optional.of(FRESH)));
        assertTrue(f.message().contains(". Asked directly, none of the zone's name servers serves these records with"
                + " expired signatures, and every one of them was judged. Valid: ns1.exp.test (127.0.41.2);"
                + " ns2.exp.test (127.0.41.3); ns3.exp.test (127.0.41.4). The resolver's copy comes from elsewhere:"
                + " a name server or address that the delegation at the parent lists"), f.message());
        assertTrue(f.remediation().startsWith("Every name server in the zone's NS records serves the re-signed zone"),
                f.remediation());
        assertTrue(f.message(Locale.of("sv")).contains("Resolverns kopia kommer från annat håll: en namnserver eller"
                + " adress som delegeringen"), f.message(Locale.of("sv")));
    }

    @Test
    void aResolverCopyNoJudgedServerServesComesFromAnUnknownSourceWhenAServerWasNotJudged() throws IOException {
        // ns1 and ns2 serve the re-signed zone, ns3 gives no answer: ns3, asked and silent, is the likeliest source
        // of the resolver's old copy, so neither "elsewhere" nor "the servers asked serve the re-signed zone"
        Finding f = expired(check(Optional.of(OLD), FRESH, FRESH, Optional.empty()));
        assertTrue(f.message().contains(". Asked directly, none of the zone's name servers that could be judged serves"
                + " these records with expired signatures. Valid: ns1.exp.test (127.0.41.2); ns2.exp.test (127.0.41.3)."
                + " No answer that could be judged (the evidence says why): ns3.exp.test (127.0.41.4). So where the"
                + " resolver's copy comes from is not known: possibly one of the servers named as giving no answer"
                + " that could be judged or as not asked"), f.message());
        assertFalse(f.message().contains("comes from elsewhere"), f.message());
        assertFalse(f.message().contains("every lookup fails"), f.message());
        assertTrue(f.remediation().startsWith("The addresses of the zone's name servers that could be judged serve the"
                + " re-signed zone, but not every address could be judged or asked"), f.remediation());
        assertFalse(f.remediation().contains("The name servers asked serve the re-signed zone"), f.remediation());
        assertTrue(f.message(Locale.of("sv")).contains("Varifrån resolverns kopia kommer är alltså okänt"),
                f.message(Locale.of("sv")));
        assertTrue(f.remediation(Locale.of("sv")).startsWith("De adresser till zonens namnservrar som kunde bedömas"
                + " levererar den omsignerade zonen"), f.remediation(Locale.of("sv")));
        assertTrue(f.evidence().contains(";; DNSKEY signatures asked of each name server (DO, no recursion), the"
                + " resolver's being expired: 0 expired, 2 valid, 1 not judged"), f.evidence().toString());
    }

    @Test
    void aSilentAddressOfAJudgedServerIsNamedAmongTheSourcesElsewhere() throws IOException {
        // ns1 has a second address with nothing listening: ns1 is judged by its first, but the silent one may be
        // where the resolver's old copy came from, so it is named
        String extra = "ns1.exp.test.  A   127.0.41.5\n";
        Finding f = expired(check("exp.test", Optional.of(zone(extra, NOW.minus(Duration.ofDays(40)), EXPIRED)),
                zone(extra, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(29))),
                zone(extra, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(29))),
                Optional.of(zone(extra, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(29)))),
                ChildKeyServers.NETWORK));
        assertTrue(f.message().contains("and every one of them was judged. Valid: ns1.exp.test (127.0.41.2);"
                + " ns2.exp.test (127.0.41.3); ns3.exp.test (127.0.41.4). The resolver's copy comes from elsewhere: an"
                + " address of the servers above that gave no answer that could be judged (ns1.exp.test (127.0.41.5)),"
                + " a name server or address"), f.message());
        assertTrue(f.evidence().contains(";; DNSKEY signatures asked of each name server (DO, no recursion), the"
                + " resolver's being expired: 0 expired, 3 valid, 0 not judged"), f.evidence().toString());
    }

    /**
     * 17 addresses: ns1 has 15 (127.0.41.2 and 127.0.41.5 to .18), ns2 and ns3 one each. In name order the first 16
     * are asked, so ns3 is never asked: nothing listens at its address, which would leave it unjudged if it were.
     */
    @Test
    void everyServerAskedStaleButAnAddressNotAskedIsNotEveryLookupFailing() throws IOException {
        StringBuilder more = new StringBuilder();
        List<String> ns1 = new ArrayList<>(List.of(NS1));
        for (int i = 5; i <= 18; i++) {
            more.append("ns1.exp.test.  A   127.0.41.").append(i).append('\n');
            ns1.add("127.0.41." + i);
        }
        String old = zone(more.toString(), NOW.minus(Duration.ofDays(40)), EXPIRED);
        TestDnsServer.Builder builder = TestDnsServer.builder().zone("exp.test", old).resolver(RESOLVER);
        ns1.forEach(a -> builder.authoritative(a, "exp.test"));
        builder.authoritative(NS2, "exp.test");
        List<Finding> findings;
        try (TestDnsServer dns = builder.start()) {
            findings = new DnssecCheck(Clock.fixed(NOW, ZoneOffset.UTC))
                    .run(CheckSetup.of(RESOLVER + ":" + dns.port(), dns.port()).context("exp.test")).findings();
        }
        Finding f = expired(findings);
        assertTrue(f.message().contains(". Asked directly, every name server of the zone that was asked serves these"
                + " records with expired signatures: ns1.exp.test (127.0.41.2): DNSKEY, expired at " + EXPIRED_TEXT
                + "; "), f.message());
        // the texts name the limit applied; this zone's 17 addresses are one more than it
        assertEquals(16, ChildKeyServers.MAX_ADDRESSES);
        assertTrue(f.message().contains("ns2.exp.test (127.0.41.3): DNSKEY, expired at " + EXPIRED_TEXT + ". Not asked,"
                + " since at most " + ChildKeyServers.MAX_ADDRESSES + " addresses are: ns3.exp.test (127.0.41.4)"
                + " (1 address). Validating resolvers"), f.message());
        assertTrue(f.message().endsWith("Whether every lookup fails depends on the addresses not asked: if they serve"
                + " these signatures expired too, it does."), f.message());
        assertFalse(f.message().contains("every lookup fails (SERVFAIL)"), f.message());
        assertTrue(f.message(Locale.of("sv")).contains("Tillfrågades inte, eftersom högst "
                + ChildKeyServers.MAX_ADDRESSES + " adresser tillfrågas: ns3.exp.test (127.0.41.4) (1 adress)."),
                f.message(Locale.of("sv")));
        // still the zone's own fault: every server asked is stale
        assertTrue(f.remediation().startsWith("The zone is no longer re-signed"), f.remediation());
        assertTrue(f.evidence().contains(";; DNSKEY signatures asked of each name server (DO, no recursion), the"
                + " resolver's being expired: 2 expired, 0 valid, 0 not judged; 1 address not asked (at most 16"
                + " are)"), f.evidence().toString());
        assertTrue(f.evidence().contains(";; ns3.exp.test (127.0.41.4) DNSKEY signatures: not asked (past the first 16"
                + " addresses)"), f.evidence().toString());
        assertFalse(hasLine(f, ";; exp.test. DNSKEY (DO, no recursion) to ns3.exp.test"), f.evidence().toString());
    }

    @Test
    void everyServerStaleIsDefiniteThoughThisComputerHasNoIpv6() throws IOException {
        // each server's IPv6 address cannot be reached from here, its IPv4 one serves the old copy: the server is
        // judged by the address that answered, so every lookup fails, as with IPv4 alone
        String old = zone(IPV6, NOW.minus(Duration.ofDays(40)), EXPIRED);
        Finding f = expired(check("exp.test", Optional.empty(), old, old, Optional.of(old), NO_IPV6));
        assertTrue(f.message().endsWith(". Validating resolvers, which most large mail providers use, treat exp.test"
                + " as bogus: every lookup fails (SERVFAIL), so mail to it is not delivered ('Domain Lookup"
                + " Failed')."), f.message());
        assertFalse(f.message().contains("not known"), f.message());
        assertTrue(f.remediation().startsWith("The zone is no longer re-signed"), f.remediation());
        assertTrue(f.evidence().contains(";; DNSKEY signatures asked of each name server (DO, no recursion), the"
                + " resolver's being expired: 3 expired, 0 valid, 0 not judged; 3 addresses not reachable from this"
                + " computer taken to serve what their server's other addresses serve"), f.evidence().toString());
        assertTrue(hasLine(f, ";; ns2.exp.test (2001:db8::3) DNSKEY signatures: not reachable from this computer (no"
                + " route for its address family), not judged"), f.evidence().toString());
    }

    @Test
    void aServerNoneOfWhoseAddressesAnsweredStaysUnjudgedWithoutIpv6() throws IOException {
        // ns3's IPv4 address has nothing listening, its IPv6 one cannot be reached from here: ns3 is not judged,
        // while ns1 and ns2, judged by their IPv4 addresses, are
        String old = zone(IPV6, NOW.minus(Duration.ofDays(40)), EXPIRED);
        Finding f = expired(check("exp.test", Optional.empty(), old, old, Optional.empty(), NO_IPV6));
        assertTrue(f.message().contains("serve these records with expired signatures too: ns1.exp.test (127.0.41.2):"
                + " DNSKEY, expired at " + EXPIRED_TEXT + "; ns2.exp.test (127.0.41.3): DNSKEY, expired at "
                + EXPIRED_TEXT + ". No answer that could be judged (the evidence says why): ns3.exp.test (127.0.41.4)."
                + " Could not be asked from this computer, which has no route to their IPv6 addresses: ns3.exp.test"
                + " (2001:db8::4). So whether any name server"), f.message());
        assertFalse(f.message().contains("(2001:db8::2)"), f.message());
        assertTrue(f.evidence().contains(";; DNSKEY signatures asked of each name server (DO, no recursion), the"
                + " resolver's being expired: 2 expired, 0 valid, 1 not judged; 2 addresses not reachable from this"
                + " computer taken to serve what their server's other addresses serve"), f.evidence().toString());
    }

    /** A fourth name server with IPv6 addresses only, which a computer without IPv6 cannot ask at all. */
    private static final String IPV6_ONLY_SERVER = """
            exp.test.      NS   ns4.exp.test.
            ns4.exp.test.  AAAA 2001:db8::5
            ns4.exp.test.  AAAA 2001:db8::6
            """;

    @Test
    void aServerWithIpv6AddressesOnlyIsNamedAsNotAskedFromHereNotAsGivingNoAnswer() throws IOException {
        // ns1 serves the old copy, ns2 and ns3 the re-signed one, ns4 has IPv6 addresses only and this computer no
        // IPv6: ns4 was never asked, which the message says instead of "no answer that could be judged"
        String fresh = zone(IPV6_ONLY_SERVER, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(29)));
        String old = zone(IPV6_ONLY_SERVER, NOW.minus(Duration.ofDays(40)), EXPIRED);
        Finding f = expired(check("exp.test", Optional.empty(), old, fresh, Optional.of(fresh), NO_IPV6));
        assertTrue(f.message().contains(" Expired: ns1.exp.test (127.0.41.2): DNSKEY, expired at " + EXPIRED_TEXT
                + ". Valid: ns2.exp.test (127.0.41.3); ns3.exp.test (127.0.41.4). Could not be asked from this"
                + " computer, which has no route to their IPv6 addresses: ns4.exp.test (2001:db8::5); ns4.exp.test"
                + " (2001:db8::6). A server with expired signatures"), f.message());
        assertFalse(f.message().contains("No answer that could be judged"), f.message());
        assertTrue(f.message(Locale.of("sv")).contains(" Kunde inte tillfrågas från den här datorn, som saknar väg"
                + " till deras IPv6-adresser: ns4.exp.test (2001:db8::5); ns4.exp.test (2001:db8::6). En server"),
                f.message(Locale.of("sv")));
        // still a server not judged, as before
        assertTrue(f.evidence().contains(";; DNSKEY signatures asked of each name server (DO, no recursion), the"
                + " resolver's being expired: 1 expired, 2 valid, 1 not judged"), f.evidence().toString());
        assertTrue(hasLine(f, ";; ns4.exp.test (2001:db8::5) DNSKEY signatures: not reachable from this computer (no"
                + " route for its address family), not judged"), f.evidence().toString());
    }

    @Test
    void aServerWithIpv6AddressesOnlyLeavesEveryLookupFailingUnknown() throws IOException {
        // ns1 to ns3 serve the old copy; ns4 could not be asked: whether every lookup fails is still not known,
        // and ns4 is named as not asked from here, apart from ns3's silent IPv4 address
        String old = zone(IPV6_ONLY_SERVER, NOW.minus(Duration.ofDays(40)), EXPIRED);
        Finding f = expired(check("exp.test", Optional.empty(), old, old, Optional.of(old), NO_IPV6));
        assertTrue(f.message().contains("serve these records with expired signatures too: ns1.exp.test (127.0.41.2):"
                + " DNSKEY, expired at " + EXPIRED_TEXT + "; ns2.exp.test (127.0.41.3): DNSKEY, expired at "
                + EXPIRED_TEXT + "; ns3.exp.test (127.0.41.4): DNSKEY, expired at " + EXPIRED_TEXT + ". Could not be"
                + " asked from this computer, which has no route to their IPv6 addresses: ns4.exp.test (2001:db8::5);"
                + " ns4.exp.test (2001:db8::6). So whether any name server of the zone serves valid signatures is not"
                + " known."), f.message());
        assertFalse(f.message().contains("No answer that could be judged"), f.message());
        assertFalse(f.message().contains("every lookup fails (SERVFAIL)"), f.message());
        assertTrue(f.message(Locale.of("sv")).contains("; ns3.exp.test (127.0.41.4): DNSKEY, gick ut " + EXPIRED_TEXT
                + ". Kunde inte tillfrågas från den här datorn, som saknar väg till deras IPv6-adresser: ns4.exp.test"
                + " (2001:db8::5); ns4.exp.test (2001:db8::6). Om någon"), f.message(Locale.of("sv")));
        assertTrue(f.remediation().startsWith("The zone is no longer re-signed"), f.remediation());

        // ns3 silent besides: named apart, as giving no answer
        f = expired(check("exp.test", Optional.empty(), old, old, Optional.empty(), NO_IPV6));
        assertTrue(f.message().contains(". No answer that could be judged (the evidence says why): ns3.exp.test"
                + " (127.0.41.4). Could not be asked from this computer, which has no route to their IPv6 addresses:"
                + " ns4.exp.test (2001:db8::5); ns4.exp.test (2001:db8::6). So whether"), f.message());
    }

    @Test
    void aZoneWhoseServersHaveIpv6AddressesOnlyCouldNotBeAskedFromHere() throws IOException {
        // the zone's only name servers have IPv6 addresses only: none could be asked from this computer, so whether
        // every lookup fails is not known, and the message says why in those words
        String zone = """
                exp.test.      SOA  ns5.exp.test. hostmaster.exp.test. 1 3600 600 2419200 300
                exp.test.      NS   ns5.exp.test.
                exp.test.      NS   ns6.exp.test.
                exp.test.      MX   10 mx.exp.test.
                ns5.exp.test.  AAAA 2001:db8::7
                ns6.exp.test.  AAAA 2001:db8::8
                mx.exp.test.   A    192.0.2.25
                """;
        String old = ZoneSigner.signText("exp.test", zone, List.of(CSK), NOW.minus(Duration.ofDays(40)), EXPIRED)
                + CSK.ds() + "\n";
        Finding f = expired(check("exp.test", Optional.empty(), old, old, Optional.of(old), NO_IPV6));
        assertTrue(f.message().endsWith("Whether every name server of the zone serves it, so that every lookup fails,"
                + " is not known: none of its name servers could be asked from this computer, which has no route to"
                + " their IPv6 addresses: ns5.exp.test (2001:db8::7); ns6.exp.test (2001:db8::8)."), f.message());
        assertFalse(f.message().contains("could be judged"), f.message());
        assertTrue(f.message(Locale.of("sv")).endsWith("är okänt: ingen av dess namnservrar kunde tillfrågas från den"
                + " här datorn, som saknar väg till deras IPv6-adresser: ns5.exp.test (2001:db8::7); ns6.exp.test"
                + " (2001:db8::8)."), f.message(Locale.of("sv")));
        assertTrue(f.evidence().contains(";; DNSKEY signatures asked of each name server (DO, no recursion), the"
                + " resolver's being expired: 0 expired, 0 valid, 2 not judged"), f.evidence().toString());
    }

    @Test
    void anAddressNotAskedForWantOfIpv6IsAPossibleSourceNotAJudgedOne() throws IOException {
        // each server's IPv4 address serves the re-signed zone, its IPv6 one cannot be asked from here: the servers
        // count as judged, but the IPv6 addresses, never asked, are the likeliest source of the resolver's old copy,
        // so neither "every one of them was judged" nor "comes from elsewhere" (nor the registrar remedy)
        Instant signed = NOW.minus(Duration.ofDays(1));
        String fresh = zone(IPV6, signed, NOW.plus(Duration.ofDays(29)));
        Finding f = expired(check("exp.test", Optional.of(zone(IPV6, NOW.minus(Duration.ofDays(40)), EXPIRED)),
                fresh, fresh, Optional.of(fresh), NO_IPV6));
        assertTrue(f.message().contains(". Asked directly, none of the zone's name servers that could be judged serves"
                + " these records with expired signatures. Valid: ns1.exp.test (127.0.41.2); ns2.exp.test (127.0.41.3);"
                + " ns3.exp.test (127.0.41.4). Could not be asked from this computer, which has no route to their IPv6"
                + " addresses: ns1.exp.test (2001:db8::2); ns2.exp.test (2001:db8::3); ns3.exp.test (2001:db8::4). So"
                + " where the resolver's copy comes from is not known"), f.message());
        assertFalse(f.message().contains("every one of them was judged"), f.message());
        assertFalse(f.message().contains("comes from elsewhere"), f.message());
        assertTrue(f.remediation().startsWith("The addresses of the zone's name servers that could be judged serve the"
                + " re-signed zone, but not every address could be judged or asked"), f.remediation());
        assertTrue(f.remediation().contains("from a network that reaches them"), f.remediation());
        assertFalse(f.remediation().contains("Every name server in the zone's NS records"), f.remediation());
        assertTrue(f.message(Locale.of("sv")).contains("Kunde inte tillfrågas från den här datorn, som saknar väg till"
                + " deras IPv6-adresser: ns1.exp.test (2001:db8::2)"), f.message(Locale.of("sv")));
        assertTrue(f.message(Locale.of("sv")).contains("Varifrån resolverns kopia kommer är alltså okänt"),
                f.message(Locale.of("sv")));
        assertTrue(f.evidence().contains(";; DNSKEY signatures asked of each name server (DO, no recursion), the"
                + " resolver's being expired: 0 expired, 3 valid, 0 not judged; 3 addresses not reachable from this"
                + " computer, not asked: possible sources of the resolver's copy"), f.evidence().toString());
    }

    @Test
    void theUnreachableAddressesCountedAreTheOnesNamedWhenTheSourceIsUnknown() throws IOException {
        // ns1 to ns3 serve the re-signed zone by IPv4 and have an IPv6 address each; ns4 has IPv6 addresses only.
        // Without IPv6 here, all five IPv6 addresses are possible sources of the resolver's old copy: the message
        // names five, so the evidence counts five, not only the three of the servers judged by another address
        String extra = IPV6 + IPV6_ONLY_SERVER;
        String fresh = zone(extra, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(29)));
        Finding f = expired(check("exp.test", Optional.of(zone(extra, NOW.minus(Duration.ofDays(40)), EXPIRED)),
                fresh, fresh, Optional.of(fresh), NO_IPV6));
        assertTrue(f.message().contains("Could not be asked from this computer, which has no route to their IPv6"
                + " addresses: ns1.exp.test (2001:db8::2); ns2.exp.test (2001:db8::3); ns3.exp.test (2001:db8::4);"
                + " ns4.exp.test (2001:db8::5); ns4.exp.test (2001:db8::6). So where the resolver's copy comes from is"
                + " not known"), f.message());
        assertTrue(f.evidence().contains(";; DNSKEY signatures asked of each name server (DO, no recursion), the"
                + " resolver's being expired: 0 expired, 3 valid, 1 not judged; 5 addresses not reachable from this"
                + " computer, not asked: possible sources of the resolver's copy"), f.evidence().toString());

        // ns4 alone unreachable: counted, though its server was not judged by another address
        fresh = zone(IPV6_ONLY_SERVER, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(29)));
        f = expired(check("exp.test", Optional.of(zone(IPV6_ONLY_SERVER, NOW.minus(Duration.ofDays(40)), EXPIRED)),
                fresh, fresh, Optional.of(fresh), NO_IPV6));
        assertTrue(f.message().contains("Could not be asked from this computer, which has no route to their IPv6"
                + " addresses: ns4.exp.test (2001:db8::5); ns4.exp.test (2001:db8::6). So where"), f.message());
        assertTrue(f.evidence().contains(";; DNSKEY signatures asked of each name server (DO, no recursion), the"
                + " resolver's being expired: 0 expired, 3 valid, 1 not judged; 2 addresses not reachable from this"
                + " computer, not asked: possible sources of the resolver's copy"), f.evidence().toString());
    }

    @Test
    void anAddressNotAskedForWantOfIpv6IsNamedBesideASilentOne() throws IOException {
        // ns1 also has a second IPv4 address with nothing listening: named as giving no answer, beside the IPv6 ones
        String extra = IPV6 + "ns1.exp.test.  A   127.0.41.5\n";
        String fresh = zone(extra, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(29)));
        Finding f = expired(check("exp.test", Optional.of(zone(extra, NOW.minus(Duration.ofDays(40)), EXPIRED)),
                fresh, fresh, Optional.of(fresh), NO_IPV6));
        assertTrue(f.message().contains(" No answer that could be judged (the evidence says why): ns1.exp.test"
                + " (127.0.41.5). Could not be asked from this computer, which has no route to their IPv6 addresses:"
                + " ns1.exp.test (2001:db8::2); "), f.message());
        assertTrue(f.message().contains("So where the resolver's copy comes from is not known"), f.message());
    }

    @Test
    void anExpiredMxSignatureIsAskedOfEachServerAtTheDomain() throws IOException {
        // the MX of mail.exp.test, below the apex: asked of each server at that name
        List<Finding> findings = check("mail.exp.test", Optional.empty(), freshWithExpiredMx(), FRESH,
                Optional.of(FRESH));
        assertEquals(1, findings.size(), Findings.describe(findings));
        Finding f = Findings.single(findings, "DNSSEC_SIGNATURE_EXPIRED", Severity.ERROR);
        assertTrue(f.message().startsWith("The DNSSEC signature (RRSIG) of the MX records of mail.exp.test (zone"
                + " exp.test, key tag " + CSK.dnskey().getFootprint()), f.message());
        assertTrue(f.message().contains("Expired: ns1.exp.test (127.0.41.2): MX, expired at " + EXPIRED_TEXT
                + ". Valid: ns2.exp.test (127.0.41.3); ns3.exp.test (127.0.41.4)."), f.message());
        assertTrue(hasLine(f, ";; mail.exp.test. MX (DO, no recursion) to ns2.exp.test @127.0.41.3:"),
                f.evidence().toString());
        assertTrue(hasLine(f, ";; ns1.exp.test (127.0.41.2) mail.exp.test. MX signatures: expired at " + EXPIRED),
                f.evidence().toString());
    }

    @Test
    void anExpiredMxSignatureOfAMixedCaseDomainIsAskedAndShownAsTheDomainIsWritten() throws IOException {
        // the servers are asked at the domain as written (Mail.Exp.Test), and the evidence shows it so: the owner
        // name of the resolver's expired signature is in the resolver's letter case (mail.exp.test. here), so asking
        // at it would change what the evidence shows
        List<Finding> findings = check("Mail.Exp.Test", Optional.empty(), freshWithExpiredMx(), FRESH,
                Optional.of(FRESH));
        assertEquals(1, findings.size(), Findings.describe(findings));
        Finding f = Findings.single(findings, "DNSSEC_SIGNATURE_EXPIRED", Severity.ERROR);
        assertTrue(f.evidence().contains("mail.exp.test.\t\t300\tIN\tMX\t10 mx.exp.test."), f.evidence().toString());
        assertTrue(hasLine(f, ";; Mail.Exp.Test. MX (DO, no recursion) to ns2.exp.test @127.0.41.3:"),
                f.evidence().toString());
        assertTrue(hasLine(f, ";; ns1.exp.test (127.0.41.2) Mail.Exp.Test. MX signatures: expired at " + EXPIRED),
                f.evidence().toString());
        assertTrue(f.message().contains("Expired: ns1.exp.test (127.0.41.2): MX, expired at " + EXPIRED_TEXT
                + ". Valid: ns2.exp.test (127.0.41.3); ns3.exp.test (127.0.41.4)."), f.message());
    }

    @Test
    void aSignatureNotYetValidIsNotAskedOfTheServers() throws IOException {
        // only an expired signature is set against the servers' copies: a chain broken otherwise asks none of them
        AtomicInteger sent = new AtomicInteger();
        ChildKeyServers.Exchange counting = (server, query, timeout, cancellation) -> {
            sent.incrementAndGet();
            return ChildKeyServers.NETWORK.send(server, query, timeout, cancellation);
        };
        String future = zone(NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)));
        List<Finding> findings = check("exp.test", Optional.empty(), future, future, Optional.of(future), counting);
        assertEquals(1, findings.size(), Findings.describe(findings));
        Finding f = Findings.single(findings, "DNSSEC_SIGNATURE_NOT_YET_VALID", Severity.ERROR);
        assertEquals(0, sent.get(), f.evidence().toString());
        assertFalse(hasLine(f, ";; DNSKEY signatures asked of each name server"), f.evidence().toString());
    }
}
