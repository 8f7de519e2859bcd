package org.mailpath.engine.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
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
import org.xbill.DNS.Type;

/**
 * The DNSKEY and SOA signatures as each name server serves them (Zonemaster DNSSEC04's questions and 12-hour
 * threshold, asked of every server). Two loopback servers on one port serve one zone signed by one key: ns1 (with
 * the resolver) a freshly signed copy, ns2 a copy signed at another time, as a secondary that no longer receives zone
 * transfers keeps serving. The check runs at a fixed time; the signatures lie days or hours from it.
 */
class DnssecServerSignaturesTest {

    private static final String RESOLVER = "127.0.29.1";
    private static final String NS1 = "127.0.29.2";
    private static final String NS2 = "127.0.29.3";
    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final Key CSK = Key.ksk("sig.test");
    private static final String ZONE = """
            sig.test.      SOA ns1.sig.test. hostmaster.sig.test. 1 3600 600 2419200 300
            sig.test.      NS  ns1.sig.test.
            sig.test.      NS  ns2.sig.test.
            sig.test.      MX  10 mx.sig.test.
            ns1.sig.test.  A   %s
            ns2.sig.test.  A   %s
            mx.sig.test.   A   192.0.2.25
            """.formatted(NS1, NS2);

    /** The zone signed by CSK with signatures valid from {@code inception} to {@code expiration}, and its DS. */
    private static String zone(Instant inception, Instant expiration) {
        return ZoneSigner.signText("sig.test", ZONE, List.of(CSK), inception, expiration) + CSK.ds() + "\n";
    }

    /** Signed the day before NOW, valid for 30 days: what the primary serves. */
    private static String fresh() {
        return zone(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(29)));
    }

    /** The exchanges the check had with the zone's servers, counted. */
    private static final class Counted implements ChildKeyServers.Exchange {
        private final AtomicInteger sent = new AtomicInteger();

        @Override
        public DnsTransport.Result send(java.net.InetSocketAddress server, org.xbill.DNS.Message query,
                                        Duration timeout, org.mailpath.engine.common.Cancellation cancellation) {
            sent.incrementAndGet();
            return ChildKeyServers.NETWORK.send(server, query, timeout, cancellation);
        }
    }

    /** The DNSSEC check of sig.test at NOW: ns1 and the resolver serve {@code first}, ns2 serves {@code second}. */
    private static List<Finding> check(String first, String second, boolean ns2Serves, Counted exchange)
            throws IOException {
        try (TestDnsServer one = TestDnsServer.builder().zone("sig.test", first).resolver(RESOLVER)
                .authoritative(NS1, "sig.test").start();
             TestDnsServer two = TestDnsServer.builder().zone("sig.test", second)
                     .authoritative(NS2, ns2Serves ? new String[] {"sig.test"} : new String[0])
                     .port(one.port()).start()) {
            return new DnssecCheck(Clock.fixed(NOW, ZoneOffset.UTC), exchange)
                    .run(CheckSetup.of(RESOLVER + ":" + one.port(), one.port()).context("sig.test")).findings();
        }
    }

    private static List<Finding> check(String first, String second) throws IOException {
        return check(first, second, true, new Counted());
    }

    private static void codes(List<Finding> findings, String... expected) {
        assertEquals(List.of(expected).stream().sorted().toList(), Findings.codes(findings).stream().sorted().toList(),
                Findings.describe(findings));
    }

    @Test
    void nsec3OptOutReachesTheCheckThroughTheResolversDenial() throws IOException {
        // the loopback resolver answers CDS and CDNSKEY at the apex NODATA with the NSEC3 record matching it in the
        // authority section, as a resolver asked with DO does: the check judges it from there, asking nothing more
        String optOut = ZoneSigner.signText("sig.test", ZONE + "sig.test. NSEC3PARAM 1 0 0 -\n"
                        + ZoneSigner.nsec3("sig.test", "sig.test", 1, Type.SOA, Type.NS, Type.MX, Type.RRSIG,
                        Type.DNSKEY, Type.NSEC3PARAM) + "\n", List.of(CSK), NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(29))) + CSK.ds() + "\n";
        List<Finding> findings = check(optOut, optOut);
        codes(findings, "DNSSEC_SIGNED", "DNSSEC_NSEC3_OPT_OUT");
        assertTrue(Findings.single(findings, "DNSSEC_NSEC3_OPT_OUT", Severity.INFO).message()
                .contains("carry the Opt-Out flag (" + ZoneSigner.nsec3("sig.test", "sig.test", 1).getName()
                        + " NSEC3 1 1 0 - "), Findings.describe(findings));
    }

    @Test
    void serversServingCurrentSignaturesAddNothing() throws IOException {
        List<Finding> findings = check(fresh(), zone(NOW.minus(Duration.ofDays(3)), NOW.plus(Duration.ofDays(11))));
        codes(findings, "DNSSEC_SIGNED");
        List<String> evidence = findings.getFirst().evidence();
        assertTrue(evidence.contains(";; DNSKEY and SOA signatures asked of each name server (DO, no recursion): none"
                + " expired or expiring within 12 hours (4 of 4 answers judged)"), evidence.toString());
    }

    @Test
    void aServerServingExpiredSignaturesIsAnErrorNamingIt() throws IOException {
        // ns2 stopped receiving the zone: its copy was signed 40 days ago and its signatures ran out yesterday
        Instant expired = NOW.minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        List<Finding> findings = check(fresh(), zone(NOW.minus(Duration.ofDays(40)), expired));
        codes(findings, "DNSSEC_SIGNED", "DNSSEC_SIGNATURE_EXPIRED");
        Finding f = Findings.single(findings, "DNSSEC_SIGNATURE_EXPIRED", Severity.ERROR);
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, f.actor());
        assertEquals("Some name servers of the zone sig.test of sig.test serve DNSSEC signatures (RRSIG) that have"
                + " expired (ns2.sig.test (127.0.29.3): DNSKEY, SOA, expired at " + TIME.format(expired) + "), while"
                + " the signatures the resolver got are valid. Such a server most likely answers from an old copy of"
                + " the zone: a secondary that no longer receives it from its primary keeps serving the old copy until"
                + " the SOA expire time passes. Validating resolvers, which most large mail providers use, that get"
                + " their answer from such a server treat sig.test as bogus: lookups fail (SERVFAIL) or work"
                + " depending on which server a resolver asks, so mail to sig.test is delayed or bounced only some of"
                + " the time ('Domain Lookup Failed').", f.message());
        assertTrue(f.remediation().startsWith("The domain's DNS operator must find why these servers no longer serve"
                + " the current, re-signed zone"), f.remediation());
        assertTrue(f.message(Locale.of("sv")).startsWith("Några namnservrar för zonen sig.test för sig.test levererar"
                + " DNSSEC-signaturer (RRSIG) som har gått ut (ns2.sig.test (127.0.29.3): DNSKEY, SOA, gick ut "
                + TIME.format(expired) + ")"), f.message(Locale.of("sv")));
        List<String> evidence = f.evidence();
        assertTrue(evidence.stream().anyMatch(l -> l.startsWith(";; ns2.sig.test (127.0.29.3) SOA signatures: expired"
                + " at " + expired)), evidence.toString());
        assertTrue(evidence.stream().anyMatch(l -> l.startsWith(";; ns1.sig.test (127.0.29.2) SOA signatures: valid"
                + " until")), evidence.toString());
        assertTrue(evidence.stream().anyMatch(l -> l.startsWith(";; sig.test. DNSKEY (DO, no recursion) to"
                + " ns2.sig.test @127.0.29.3:")), evidence.toString());
        assertTrue(Findings.single(findings, "DNSSEC_SIGNED", Severity.OK).evidence().contains(";; DNSKEY and SOA"
                + " signatures asked of each name server (DO, no recursion): 2 RRset(s) expired, 0 expiring within"
                + " 12 hours"), findings.toString());
    }

    @Test
    void aServerWhoseSignaturesRunOutSoonIsAWarningNamingIt() throws IOException {
        Instant soon = NOW.plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        List<Finding> findings = check(fresh(), zone(NOW.minus(Duration.ofDays(27)), soon));
        codes(findings, "DNSSEC_SIGNED", "DNSSEC_SIGNATURE_EXPIRES_SOON");
        Finding f = Findings.single(findings, "DNSSEC_SIGNATURE_EXPIRES_SOON", Severity.WARNING);
        assertTrue(f.message().startsWith("Some name servers of the zone sig.test of sig.test serve DNSSEC signatures"
                + " (RRSIG) valid for less than the 12 more hours Zonemaster (DNSSEC04) requires (ns2.sig.test"
                + " (127.0.29.3): DNSKEY, SOA, runs out at " + TIME.format(soon) + "), while the signatures the"
                + " resolver got last longer."), f.message());
        assertTrue(f.message(Locale.of("sv")).contains("(ns2.sig.test (127.0.29.3): DNSKEY, SOA, går ut "
                + TIME.format(soon) + ")"), f.message(Locale.of("sv")));
    }

    @Test
    void signaturesRunningOutEverywhereAreReportedOnceByTheResolversView() throws IOException {
        // both copies run out within 12 hours: the resolver-side warning says it; no second one for the servers
        String soon = zone(NOW.minus(Duration.ofDays(27)), NOW.plus(Duration.ofHours(5)));
        List<Finding> findings = check(soon, soon);
        codes(findings, "DNSSEC_SIGNED", "DNSSEC_SIGNATURE_EXPIRES_SOON");
        assertTrue(Findings.single(findings, "DNSSEC_SIGNATURE_EXPIRES_SOON", Severity.WARNING).message()
                .startsWith("The DNSSEC signatures (RRSIG) of the DNSKEY, SOA, MX records of sig.test"),
                findings.toString());
    }

    @Test
    void aServerThatDoesNotServeTheZoneIsNoSignatureFinding() throws IOException {
        // REFUSED (a lame delegation) is the name-server check's finding
        List<Finding> findings = check(fresh(), fresh(), false, new Counted());
        codes(findings, "DNSSEC_SIGNED");
        // the per-server lines go with a per-server finding only; the summary counts the answers judged
        assertTrue(findings.getFirst().evidence().contains(";; DNSKEY and SOA signatures asked of each name server"
                + " (DO, no recursion): none expired or expiring within 12 hours (2 of 4 answers judged)"),
                findings.getFirst().evidence().toString());
    }

    @Test
    void unsignedZonesCostNoQuestionToTheServers() throws IOException {
        String plain = ZONE;
        Counted exchange = new Counted();
        List<Finding> findings = check(plain, plain, true, exchange);
        codes(findings, "DNSSEC_UNSIGNED");
        assertEquals(0, exchange.sent.get());
        Counted signed = new Counted();
        check(fresh(), fresh(), true, signed);
        assertEquals(4, signed.sent.get(), "DNSKEY and SOA of each of the two servers (no CDS: not asked)");
    }

    @Test
    void expiredSignaturesAtTheResolverAreSetAgainstEachServer() throws IOException {
        // the chain breaks at the resolver, which got ns1's old copy: ns2 serves the re-signed zone, so only lookups
        // answered by ns1 fail (DnssecExpiredSignatureServersTest words each case)
        Instant expired = NOW.minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        String old = zone(NOW.minus(Duration.ofDays(40)), expired);
        Counted exchange = new Counted();
        List<Finding> findings = check(old, fresh(), true, exchange);
        codes(findings, "DNSSEC_SIGNATURE_EXPIRED");
        String message = findings.getFirst().message();
        assertTrue(message.startsWith("The DNSSEC signature (RRSIG) of the DNSKEY records"), message);
        assertTrue(message.contains("Expired: ns1.sig.test (127.0.29.2): DNSKEY, expired at " + TIME.format(expired)
                + ". Valid: ns2.sig.test (127.0.29.3)."), message);
        assertEquals(2, exchange.sent.get(), "the DNSKEY set of each of the two servers, nothing else");
    }
}
