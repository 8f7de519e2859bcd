package org.mailpath.engine.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.edns.ScriptedDnsServer;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.testing.dns.TestDnsServer;
import org.mailpath.testing.dns.TestDnsServer.Misbehaviour;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A resolver that answers with a referral (NOERROR, no answer, NS records in the authority section, not
 * authoritative) does not recurse: its empty answers say nothing about the names asked, so they are not NODATA
 * (no MX, no SPF, ...) but the resolver's failure, as a dead resolver's are. A real NODATA carries the zone's SOA
 * (RFC 2308 §2.2) and stays NODATA.
 */
class ResolverReferralTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final String ZONE = "@ SOA ns.x. h.x. 1 1 1 1 1\n@ A 192.0.2.1\n@ TXT \"v=spf1 -all\"\n";

    private static TestDnsServer server() throws Exception {
        return TestDnsServer.builder().zone("example.test", ZONE).resolver("127.0.2.1").resolver("127.0.2.2")
                .start();
    }

    @Test
    void anUpwardReferralIsTheResolversFailureNotNodata() throws Exception {
        try (TestDnsServer dns = server()) {
            dns.behave("127.0.2.1", Misbehaviour.UPWARD_REFERRAL);
            DnsLookup lookup = DnsLookups.create(List.of("127.0.2.1:" + dns.port()), TIMEOUT);
            for (int type : List.of(Type.MX, Type.TXT, Type.NS)) {
                DnsAnswer a = lookup.lookup("example.test", type, Cancellation.none());
                assertEquals(DnsStatus.ERROR, a.status(), a.toString());
                assertTrue(a.resolverAtFault(), a.toString());
                assertTrue(a.records().isEmpty());
            }
            DnsAnswer mx = lookup.lookup("example.test", Type.MX, Cancellation.none());
            Finding f = LookupFindings.failure(mx).orElseThrow();
            assertEquals(DnsFindingCodes.DNS_LOOKUP_FAILED, f.code());
            assertEquals(Actor.LOCAL_NETWORK, f.actor());
            assertEquals(LookupFindings.BROKEN_RESOLVER_REMEDIATION, f.remediation());
            assertEquals("No usable DNS answer for example.test MX: the resolver asked (127.0.2.1:" + dns.port()
                    + ") does not work (a referral to the name servers of . instead of an answer; it does not look"
                    + " names up for this computer as a resolver must: it is a name server that does not recurse (or"
                    + " not for this computer)), so this says nothing about example.test.", f.message());
            assertTrue(f.evidence().getFirst().contains("-> ERROR (a referral to the name servers of . instead of an"
                    + " answer) at "), f.evidence().toString());
            // the DNSSEC questions too
            DnssecAnswer signed = lookup.lookupSigned("example.test", Type.SOA, Cancellation.none());
            assertEquals(DnsStatus.ERROR, signed.answer().status());
            assertTrue(signed.answer().resolverAtFault());
        }
    }

    /** A referral down to the zone itself, with RA set: still no answer a resolver owes. */
    @Test
    void aReferralToTheZonesOwnServersWithRecursionAvailableIsTheResolversFailureToo() throws Exception {
        ScriptedDnsServer.Handler handler = (query, tcp) -> {
            Message reply = ScriptedDnsServer.reply(query); // RA set, as the query has RD
            if (query.getQuestion().getType() == Type.NS) {
                reply.addRecord(ScriptedDnsServer.record("t.test. 300 IN NS ns1.t.test."), Section.ANSWER);
            } else {
                reply.addRecord(ScriptedDnsServer.record("t.test. 300 IN NS ns1.t.test."), Section.AUTHORITY);
                reply.addRecord(ScriptedDnsServer.record("ns1.t.test. 300 IN A 127.0.0.1"), Section.ADDITIONAL);
            }
            return reply;
        };
        try (ScriptedDnsServer server = new ScriptedDnsServer("127.0.2.3", 0, handler)) {
            DnsLookup lookup = DnsLookups.create(List.of(server.spec()), TIMEOUT);
            DnsAnswer mx = lookup.lookup("t.test", Type.MX, Cancellation.none());
            assertEquals(DnsStatus.ERROR, mx.status(), mx.toString());
            assertTrue(mx.resolverAtFault());
            assertTrue(mx.detail().startsWith("a referral to the name servers of t.test instead of an answer"),
                    mx.detail());
            assertEquals(DnsStatus.OK, lookup.lookup("t.test", Type.NS, Cancellation.none()).status());
        }
    }

    @Test
    void aNodataWithTheZonesSoaStaysNodata() throws Exception {
        try (TestDnsServer dns = server()) {
            DnsAnswer a = DnsLookups.create(List.of(dns.resolverSpec()), TIMEOUT)
                    .lookup("example.test", Type.MX, Cancellation.none());
            assertEquals(DnsStatus.NODATA, a.status());
            assertFalse(a.resolverAtFault());
        }
        // an authoritative answer that holds only NS records in its authority section (no SOA) is NODATA too
        ScriptedDnsServer.Handler handler = (query, tcp) -> {
            Message reply = ScriptedDnsServer.reply(query);
            reply.getHeader().setFlag(Flags.AA);
            reply.addRecord(ScriptedDnsServer.record("t.test. 300 IN NS ns1.t.test."), Section.AUTHORITY);
            return reply;
        };
        try (ScriptedDnsServer server = new ScriptedDnsServer("127.0.2.3", 0, handler)) {
            DnsAnswer a = DnsLookups.create(List.of(server.spec()), TIMEOUT)
                    .lookup("t.test", Type.MX, Cancellation.none());
            assertEquals(DnsStatus.NODATA, a.status(), a.toString());
            assertFalse(a.resolverAtFault());
        }
    }

    @Test
    void aResolverThatRefersIsPassedForTheNextOne() throws Exception {
        try (TestDnsServer dns = server()) {
            dns.behave("127.0.2.1", Misbehaviour.UPWARD_REFERRAL);
            DnsAnswer a = DnsLookups.create(List.of("127.0.2.1:" + dns.port(), "127.0.2.2:" + dns.port()), TIMEOUT)
                    .lookup("example.test", Type.TXT, Cancellation.none());
            assertEquals(DnsStatus.OK, a.status(), a.toString());
            assertFalse(a.resolverAtFault());
            assertEquals("127.0.2.2:" + dns.port(), a.server());
        }
    }
}
