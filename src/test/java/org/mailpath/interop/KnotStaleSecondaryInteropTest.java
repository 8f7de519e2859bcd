package org.mailpath.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.dns.DnssecCheck;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.testing.dns.CheckSetup;
import org.mailpath.testing.dns.KnotServer;
import org.mailpath.testing.dns.ZoneSigner;
import org.mailpath.testing.fakedns.Findings;

/**
 * The DNSSEC check's comparison of the zone's name servers against two real Knot DNS servers on loopback, on one
 * port: ns1 (127.0.7.56) is a stale secondary, ns2 (127.0.7.57) serves the current copy. Each child zone of the
 * unsigned parent stale.test (served by both, with the children's DS records) is signed offline by the test with one
 * key ({@link ZoneSigner}, dnsjava's DNSSEC.sign) at fixed times around the check's fixed clock, and loaded by Knot as
 * a static zone: neither dnssec-signing nor dnssec-validation is set (knot.conf(5): both off by default), so Knot
 * serves the RRSIGs as given, expired ones included, and never re-signs them (the first test checks the times).
 * Knot also plays the resolver, as in {@link KnotDnsInteropTest}: ns1, whose copy the resolver then shows, or ns2.
 * Zones: one.stale.test (ns1 old, ns2 fresh), both.stale.test (both old), soon.stale.test (ns1's signatures run out
 * within hours, ns2 fresh).
 */
class KnotStaleSecondaryInteropTest {

    private static final String NS1 = "127.0.7.56";
    private static final String NS2 = "127.0.7.57";
    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    /** The old copy's signatures: made 40 days before NOW, expired a day before it. */
    private static final Instant EXPIRED = Instant.parse("2026-03-09T12:00:00Z");
    /** A copy whose signatures run out 3 hours after NOW, within Zonemaster's 12 hours. */
    private static final Instant SOON = Instant.parse("2026-03-10T15:00:00Z");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final List<String> CHILDREN = List.of("one", "both", "soon");

    private static KnotServer stale;
    private static KnotServer fresh;
    private static final Map<String, ZoneSigner.Key> KEYS = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        StringBuilder parent = new StringBuilder("@ SOA ns1 hostmaster 1 3600 600 86400 300\n@ NS ns1\n@ NS ns2\n"
                + "ns1 A " + NS1 + "\nns2 A " + NS2 + "\n");
        for (String child : CHILDREN) {
            ZoneSigner.Key key = ZoneSigner.Key.ksk(child + ".stale.test");
            KEYS.put(child, key);
            parent.append(child).append(" NS ns1\n").append(child).append(" NS ns2\n").append(child).append(" DS ")
                    .append(key.ds().rdataToString()).append('\n');
        }
        String valid = signed("one", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(29)));
        stale = KnotServer.builder().listen(NS1)
                .zone("stale.test", parent.toString())
                .zone("one.stale.test", signed("one", NOW.minus(Duration.ofDays(40)), EXPIRED))
                .zone("both.stale.test", signed("both", NOW.minus(Duration.ofDays(40)), EXPIRED))
                .zone("soon.stale.test", signed("soon", NOW.minus(Duration.ofDays(27)), SOON))
                .start();
        fresh = KnotServer.builder().listen(NS2).port(stale.port())
                .zone("stale.test", parent.toString())
                .zone("one.stale.test", valid)
                .zone("both.stale.test", signed("both", NOW.minus(Duration.ofDays(40)), EXPIRED))
                .zone("soon.stale.test", signed("soon", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(29))))
                .start();
    }

    @AfterAll
    static void stop() {
        if (stale != null) {
            stale.close();
        }
        if (fresh != null) {
            fresh.close();
        }
    }

    /** The zone {@code child}.stale.test with its NS set at ns1 and ns2, signed by its key for the times given. */
    private static String signed(String child, Instant inception, Instant expiration) {
        return ZoneSigner.signText(child + ".stale.test", """
                @   SOA ns1.stale.test. hostmaster.stale.test. 1 3600 600 2419200 300
                @   NS  ns1.stale.test.
                @   NS  ns2.stale.test.
                @   MX  10 mx.stale.test.
                """, List.of(KEYS.get(child)), inception, expiration);
    }

    /** The DNSSEC check of {@code domain} at NOW, with the Knot at {@code resolver} as resolver. */
    private static List<Finding> check(String domain, String resolver) {
        return new DnssecCheck(Clock.fixed(NOW, ZoneOffset.UTC))
                .run(CheckSetup.of(resolver + ":" + stale.port(), stale.port()).context(domain)).findings();
    }

    private static String logs() {
        return "\nns1 knotd:\n" + stale.log() + "\nns2 knotd:\n" + fresh.log();
    }

    /** The one finding: DNSSEC_SIGNATURE_EXPIRED of the DNSKEY set of {@code child}.stale.test the resolver got. */
    private static Finding expired(List<Finding> findings, String child) {
        assertEquals(1, findings.size(), Findings.describe(findings) + logs());
        Finding f = Findings.single(findings, "DNSSEC_SIGNATURE_EXPIRED", Severity.ERROR);
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, f.actor());
        assertTrue(f.message().startsWith("The DNSSEC signature (RRSIG) of the DNSKEY records of " + child
                + ".stale.test (zone " + child + ".stale.test, key tag " + KEYS.get(child).dnskey().getFootprint()
                + ", algorithm 13 (ECDSAP256SHA256)) expired at " + TIME.format(EXPIRED) + ". "), f.message());
        return f;
    }

    private static boolean hasLine(Finding f, String start) {
        return f.evidence().stream().anyMatch(l -> l.startsWith(start));
    }

    @Test
    void aStaleSecondaryBesideAFreshServerFailsOnlyTheLookupsItAnswers() {
        // the resolver is ns1, so it shows the stale copy; ns2, asked straight, serves the re-signed zone
        Finding f = expired(check("one.stale.test", NS1), "one");
        assertTrue(f.message().contains(". Asked directly, only some name servers of the zone serve these records"
                + " with expired signatures. Expired: ns1.stale.test (" + NS1 + "): DNSKEY, expired at "
                + TIME.format(EXPIRED) + ". Valid: ns2.stale.test (" + NS2 + "). A server with expired signatures"
                + " most likely answers from an old copy of the zone"), f.message());
        assertTrue(f.message().endsWith("So lookups fail intermittently, depending on the server a resolver asks, and"
                + " mail to one.stale.test is delayed or bounced only some of the time ('Domain Lookup Failed')."),
                f.message());
        assertFalse(f.message().contains("every lookup fails"), f.message());
        assertTrue(f.remediation().startsWith("The domain's DNS operator must find why these servers no longer serve"
                + " the current, re-signed zone"), f.remediation());
        assertTrue(f.evidence().contains(";; DNSKEY signatures asked of each name server (DO, no recursion), the"
                + " resolver's being expired: 1 expired, 1 valid, 0 not judged"), f.evidence().toString());
        assertTrue(hasLine(f, ";; ns1.stale.test (" + NS1 + ") DNSKEY signatures: expired at " + EXPIRED),
                f.evidence().toString());
        // the times the test signed with: Knot served the RRSIGs as loaded, without re-signing them
        int tag = KEYS.get("one").dnskey().getFootprint();
        assertTrue(hasLine(f, ";; ns2.stale.test (" + NS2 + ") DNSKEY signatures: valid until "
                + NOW.plus(Duration.ofDays(29)) + " (key tag " + tag + ")"), f.evidence().toString());
        // Knot's own answers are in the evidence: the exchange with each server, straight
        assertTrue(hasLine(f, ";; one.stale.test. DNSKEY (DO, no recursion) to ns2.stale.test @" + NS2 + ":"),
                f.evidence().toString());
    }

    @Test
    void bothServersStaleMeansEveryLookupFails() {
        Finding f = expired(check("both.stale.test", NS1), "both");
        assertTrue(f.message().endsWith(". Validating resolvers, which most large mail providers use, treat"
                + " both.stale.test as bogus: every lookup fails (SERVFAIL), so mail to it is not delivered ('Domain"
                + " Lookup Failed')."), f.message());
        assertFalse(f.message().contains("only some of the time"), f.message());
        assertTrue(f.remediation().startsWith("The zone is no longer re-signed"), f.remediation());
        assertTrue(f.evidence().contains(";; DNSKEY signatures asked of each name server (DO, no recursion), the"
                + " resolver's being expired: 2 expired, 0 valid, 0 not judged"), f.evidence().toString());
        assertTrue(hasLine(f, ";; ns2.stale.test (" + NS2 + ") DNSKEY signatures: expired at " + EXPIRED),
                f.evidence().toString());
    }

    @Test
    void aStaleSecondaryBehindAResolverWithTheFreshCopyIsNamed() {
        // the resolver is ns2: its copy validates, and ns1, asked straight, serves the expired one
        List<Finding> findings = check("one.stale.test", NS2);
        assertEquals(List.of("DNSSEC_SIGNATURE_EXPIRED", "DNSSEC_SIGNED"), Findings.codes(findings).stream().sorted()
                .toList(), Findings.describe(findings) + logs());
        Finding f = Findings.single(findings, "DNSSEC_SIGNATURE_EXPIRED", Severity.ERROR);
        assertTrue(f.message().startsWith("Some name servers of the zone one.stale.test of one.stale.test serve DNSSEC"
                + " signatures (RRSIG) that have expired (ns1.stale.test (" + NS1 + "): DNSKEY, SOA, expired at "
                + TIME.format(EXPIRED) + "), while the signatures the resolver got are valid."), f.message());
        assertFalse(f.message().contains("ns2.stale.test"), f.message());
    }

    @Test
    void aSecondaryWhoseSignaturesRunOutSoonIsWarnedOf() {
        List<Finding> findings = check("soon.stale.test", NS2);
        assertEquals(List.of("DNSSEC_SIGNATURE_EXPIRES_SOON", "DNSSEC_SIGNED"), Findings.codes(findings).stream()
                .sorted().toList(), Findings.describe(findings) + logs());
        Finding f = Findings.single(findings, "DNSSEC_SIGNATURE_EXPIRES_SOON", Severity.WARNING);
        assertTrue(f.message().startsWith("Some name servers of the zone soon.stale.test of soon.stale.test serve"
                + " DNSSEC signatures (RRSIG) valid for less than the 12 more hours Zonemaster (DNSSEC04) requires"
                + " (ns1.stale.test (" + NS1 + "): DNSKEY, SOA, runs out at " + TIME.format(SOON) + "), while the"
                + " signatures the resolver got last longer."), f.message());
    }
}
