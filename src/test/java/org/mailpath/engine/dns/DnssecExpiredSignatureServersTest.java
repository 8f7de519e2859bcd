package org.mailpath.engine.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
        return ZoneSigner.signText("exp.test", ZONE, List.of(CSK), inception, expiration) + CSK.ds() + "\n";
    }

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
            return new DnssecCheck(Clock.fixed(NOW, ZoneOffset.UTC))
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
        Finding f = expired(check(Optional.of(OLD), FRESH, FRESH, Optional.of(FRESH)));
        assertTrue(f.message().contains(". Asked directly, none of the zone's name servers serves these records with"
                + " expired signatures. Valid: ns1.exp.test (127.0.41.2); ns2.exp.test (127.0.41.3); ns3.exp.test"
                + " (127.0.41.4). The resolver's copy comes from elsewhere"), f.message());
        assertTrue(f.remediation().startsWith("The name servers asked serve the re-signed zone"), f.remediation());
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
}
