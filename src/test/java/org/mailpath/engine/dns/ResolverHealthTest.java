package org.mailpath.engine.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.testing.dns.TestDnsServer;
import org.mailpath.testing.dns.TestDnsServer.Misbehaviour;
import org.xbill.DNS.Type;

/**
 * A timeout, NXDOMAIN or SERVFAIL is about the domain only if the resolver works: one that answers nothing, or
 * fails even for the root zone, makes it this computer's, and one that drops EDNS queries is asked without EDNS.
 */
class ResolverHealthTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** Only where nothing is ever answered: the outcome does not depend on speed. */
    private static final Duration SHORT = Duration.ofMillis(300);
    private static final String ZONE = "@ SOA ns.x. h.x. 1 1 1 1 1\n@ A 192.0.2.1\n@ TXT \"v=spf1 -all\"\n";

    private static TestDnsServer server(Misbehaviour... resolverBehaviour) throws Exception {
        TestDnsServer dns = TestDnsServer.builder()
                .zone("example.test", ZONE)
                .zone("quiet.test", ZONE)
                .misbehaveFor("quiet.test", Misbehaviour.SILENT)
                .resolver("127.0.2.1")
                .start();
        dns.behave("127.0.2.1", resolverBehaviour);
        return dns;
    }

    @Test
    void aResolverThatAnswersNothingIsBlamedNotTheDomain() throws Exception {
        try (TestDnsServer dns = server(Misbehaviour.SILENT)) {
            DnsAnswer a = DnsLookups.create(List.of(dns.resolverSpec()), SHORT)
                    .lookup("example.test", Type.A, Cancellation.none());
            assertEquals(DnsStatus.TIMEOUT, a.status());
            assertTrue(a.resolverAtFault());
            assertTrue(a.detail().contains("did not answer . NS either"), a.detail());
            Finding f = LookupFindings.failure(a).orElseThrow();
            assertEquals(DnsFindingCodes.DNS_TIMEOUT, f.code());
            assertEquals(Actor.LOCAL_NETWORK, f.actor());
            assertTrue(f.message().contains("does not work, not even for the root zone"), f.message());
            assertEquals(LookupFindings.BROKEN_RESOLVER_REMEDIATION, f.remediation());
        }
    }

    @Test
    void aSilentNameOnAWorkingResolverStaysTheDomainsProblem() throws Exception {
        try (TestDnsServer dns = server()) {
            DnsAnswer a = DnsLookups.create(List.of(dns.resolverSpec()), SHORT)
                    .lookup("quiet.test", Type.A, Cancellation.none());
            assertEquals(DnsStatus.TIMEOUT, a.status());
            assertFalse(a.resolverAtFault());
            assertEquals(Actor.RECIPIENT_MAIL_TEAM, LookupFindings.failure(a).orElseThrow().actor());
        }
    }

    @Test
    void aResolverThatDeniesEveryNameOrFailsForTheRootIsBlamedNotTheDomain() throws Exception {
        try (TestDnsServer dns = server(Misbehaviour.NXDOMAIN)) {
            DnsAnswer a = DnsLookups.create(List.of(dns.resolverSpec()), TIMEOUT)
                    .lookup("example.test", Type.TXT, Cancellation.none());
            assertEquals(DnsStatus.ERROR, a.status(), "not NXDOMAIN: the name's existence is unknown");
            assertTrue(a.resolverAtFault());
            assertTrue(a.detail().startsWith("NXDOMAIN; ") && a.detail().contains("even for . NS"), a.detail());
            Finding f = LookupFindings.failure(a).orElseThrow();
            assertEquals(DnsFindingCodes.DNS_LOOKUP_FAILED, f.code());
            assertEquals(Actor.LOCAL_NETWORK, f.actor());
        }
        try (TestDnsServer dns = server(Misbehaviour.SERVFAIL)) {
            DnsAnswer a = DnsLookups.create(List.of(dns.resolverSpec()), TIMEOUT)
                    .lookup("example.test", Type.A, Cancellation.none());
            assertEquals(DnsStatus.SERVFAIL, a.status());
            assertTrue(a.resolverAtFault());
            assertEquals(Actor.LOCAL_NETWORK, LookupFindings.failure(a).orElseThrow().actor());
        }
    }

    @Test
    void aMissingNameOnAWorkingResolverIsTheDomainsProblem() throws Exception {
        try (TestDnsServer dns = server()) {
            DnsLookup lookup = DnsLookups.create(List.of(dns.resolverSpec()), TIMEOUT);
            DnsAnswer a = lookup.lookup("nothing.example.test", Type.A, Cancellation.none());
            assertEquals(DnsStatus.NXDOMAIN, a.status());
            assertFalse(a.resolverAtFault());
            Finding f = LookupFindings.failure(a).orElseThrow();
            assertEquals(DnsFindingCodes.DOMAIN_NXDOMAIN, f.code());
            assertEquals(Actor.RECIPIENT_MAIL_TEAM, f.actor());
        }
    }

    @Test
    void aResolverDroppingEdnsIsAskedWithoutIt() throws Exception {
        try (TestDnsServer dns = server(Misbehaviour.DROP_EDNS)) {
            DnsLookup lookup = DnsLookups.create(List.of(dns.resolverSpec()), TIMEOUT);
            DnsAnswer first = lookup.lookup("example.test", Type.A, Cancellation.none());
            assertEquals(DnsStatus.OK, first.status());
            assertTrue(first.detail().contains("without EDNS"), first.detail());
            long before = dns.queries();
            DnsAnswer second = lookup.lookup("example.test", Type.TXT, Cancellation.none());
            assertEquals(DnsStatus.OK, second.status());
            assertEquals(1, dns.queries() - before, "once known, the resolver is asked without EDNS at once");
        }
    }

    @Test
    void oneSilentResolverBesideAWorkingOneIsNotBlamed() throws Exception {
        try (TestDnsServer dns = TestDnsServer.builder()
                .zone("quiet.test", ZONE)
                .zone("failing.test", ZONE)
                .misbehaveFor("quiet.test", Misbehaviour.SILENT)
                .misbehaveFor("failing.test", Misbehaviour.SERVFAIL)
                .resolver("127.0.2.1")
                .resolver("127.0.2.2")
                .start()) {
            dns.behave("127.0.2.1", Misbehaviour.SILENT);
            String first = "127.0.2.1:" + dns.port();
            String second = "127.0.2.2:" + dns.port();
            DnsAnswer a = DnsLookups.create(List.of(first, second), SHORT)
                    .lookup("quiet.test", Type.A, Cancellation.none());
            assertEquals(DnsStatus.TIMEOUT, a.status());
            assertFalse(a.resolverAtFault(), "the second resolver answers other questions");
            DnsAnswer both = DnsLookups.create(List.of(first, first), SHORT)
                    .lookup("quiet.test", Type.A, Cancellation.none());
            assertTrue(both.resolverAtFault());
            // a working resolver's SERVFAIL, then a resolver that denies every name: the SERVFAIL is the answer
            dns.behave("127.0.2.1");
            dns.behave("127.0.2.2", Misbehaviour.NXDOMAIN);
            DnsAnswer mixed = DnsLookups.create(List.of(first, second), TIMEOUT)
                    .lookup("failing.test", Type.A, Cancellation.none());
            assertEquals(DnsStatus.SERVFAIL, mixed.status(), mixed.toString());
            assertFalse(mixed.resolverAtFault(), mixed.toString());
        }
    }
}
