package org.mailpath.engine.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.testing.fakedns.FakeDns;
import org.xbill.DNS.Type;

/** The walk up to a zone's apex, for the name servers' NS and DNSSEC's SOA. */
class ZoneApexTest {

    private static final FakeDns DNS = FakeDns.of("""
            example.test.          SOA ns.example.test. h.example.test. 1 3600 600 86400 300
            example.test.          NS  ns.example.test.
            www.example.test.      A   192.0.2.1
            a.b.example.test.      A   192.0.2.2
            alias.example.test.    CNAME host.other.test.
            other.test.            SOA ns.other.test. h.other.test. 1 3600 600 86400 300
            host.other.test.       A   192.0.2.3
            """);

    @Test
    void theApexItselfIsOneQuestion() {
        ZoneApex<DnsAnswer> apex = ZoneApex.find(DNS, "example.test", Type.SOA, Cancellation.none());
        assertEquals("example.test", apex.zone());
        assertEquals(1, apex.answers().size());
        assertEquals(DnsStatus.OK, apex.last().status());
    }

    @Test
    void noDataWalksUpToTheApex() {
        ZoneApex<DnsAnswer> apex = ZoneApex.find(DNS, "a.b.example.test.", Type.SOA, Cancellation.none());
        assertEquals("example.test", apex.zone());
        // the name is asked as given; the zone and its parents without the trailing dot
        assertEquals(List.of("a.b.example.test.", "b.example.test", "example.test"),
                apex.answers().stream().map(DnsAnswer::name).toList());
        assertEquals(DnsStatus.OK, apex.last().status());
    }

    @Test
    void aNameWithACnameIsNoApexEvenWhenTheTargetAnswers() {
        // the resolver follows the CNAME to other.test's SOA: that belongs to the target's zone, not the name's
        ZoneApex<DnsAnswer> apex = ZoneApex.find(DNS, "alias.example.test", Type.SOA, Cancellation.none());
        assertEquals("example.test", apex.zone());
        assertEquals(2, apex.answers().size());
        assertEquals(List.of(), apex.last().cnames());
    }

    @Test
    void theSignedWalkFollowsTheSameRules() {
        DnssecAnswer first = DNS.lookupSigned("alias.example.test", Type.SOA, Cancellation.none());
        ZoneApex<DnssecAnswer> apex = ZoneApex.findSigned(DNS, "alias.example.test", Type.SOA, first,
                Cancellation.none());
        assertEquals("example.test", apex.zone());
        assertEquals(List.of(first), apex.answers().subList(0, 1));
        assertEquals("example.test", apex.last().answer().name());
        assertEquals(DnsStatus.OK, apex.last().answer().status());
    }

    @Test
    void aFailureStopsTheWalkAndIsTheLastAnswer() {
        ZoneApex<DnsAnswer> apex = ZoneApex.find(DNS, "missing.example.test", Type.SOA, Cancellation.none());
        assertEquals("missing.example.test", apex.zone());
        assertEquals(DnsStatus.NXDOMAIN, apex.last().status());
    }

    @Test
    void aWalkHasAtLeastTheNamesOwnAnswer() {
        assertThrows(IllegalArgumentException.class, () -> new ZoneApex<DnsAnswer>("example.test", List.of()));
    }
}
