package org.mailpath.engine.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.edns.ScriptedDnsServer;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * An NXDOMAIN with nothing in it (no SOA, no records: not self-contradicting) for one type of a name whose other
 * types answer in the same run: NXDOMAIN says nothing exists at the name (RFC 8020 §2), so the run's own answers
 * show the name servers answering inconsistently, a failed lookup, not a name that does not exist.
 */
class NxdomainBesideDataTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    /** u.test: NXDOMAIN (bare) for MX, while SOA and A answer; gone.test: NXDOMAIN for everything. */
    private static Message answer(Message query, boolean tcp) {
        String name = query.getQuestion().getName().toString();
        int type = query.getQuestion().getType();
        if (name.equals(".") && type == Type.NS) {
            return ScriptedDnsServer.answer(query, ". 300 IN NS a.root-servers.net.");
        }
        if (name.equals("u.test.") && type == Type.SOA) {
            return ScriptedDnsServer.answer(query, "u.test. 300 IN SOA ns1.u.test. h.u.test. 1 3600 600 86400 300");
        }
        if (name.equals("u.test.") && type == Type.A) {
            return ScriptedDnsServer.answer(query, "u.test. 300 IN A 192.0.2.1");
        }
        if (name.equals("u.test.") && type == Type.TXT) {
            return ScriptedDnsServer.reply(query, Rcode.NOERROR); // NODATA: the name exists too
        }
        return ScriptedDnsServer.reply(query, Rcode.NXDOMAIN);
    }

    @Test
    void aBareNxdomainForOneTypeOfANameWhoseOtherTypesAnswerIsAFailedLookupNotANameThatDoesNotExist()
            throws Exception {
        try (ScriptedDnsServer server = new ScriptedDnsServer("127.0.2.6", 0, NxdomainBesideDataTest::answer)) {
            DnsLookup lookup = DnsLookups.create(List.of(server.spec()), TIMEOUT);
            DnsAnswer mx = lookup.lookup("u.test", Type.MX, Cancellation.none());
            assertEquals(DnsStatus.NXDOMAIN, mx.status(), mx.toString());
            Finding nxdomain = LookupFindings.failure(mx).orElseThrow();
            assertEquals(DnsFindingCodes.DOMAIN_NXDOMAIN, nxdomain.code());
            // nothing else known of the name yet: the NXDOMAIN stands
            assertEquals(List.of(nxdomain), NxdomainBesideData.crossChecked(List.of(nxdomain), lookup));

            lookup.lookup("u.test", Type.SOA, Cancellation.none());
            lookup.lookup("u.test", Type.A, Cancellation.none());
            lookup.lookup("u.test", Type.TXT, Cancellation.none());
            List<Finding> crossed = NxdomainBesideData.crossChecked(List.of(nxdomain), lookup);
            assertEquals(1, crossed.size(), crossed.toString());
            Finding f = crossed.getFirst();
            assertEquals(DnsFindingCodes.DNS_LOOKUP_FAILED, f.code());
            assertEquals(Severity.ERROR, f.severity());
            assertEquals(Actor.RECIPIENT_MAIL_TEAM, f.actor());
            assertEquals("u.test", f.subject());
            assertEquals("The DNS question u.test MX failed: ERROR (NXDOMAIN, yet this run's answers to u.test A, SOA,"
                    + " TXT show that the name exists: its name servers answer inconsistently, as NXDOMAIN says that"
                    + " nothing at all exists at the name (RFC 8020), and senders asking this question are told that"
                    + " it does not exist).", f.message());
            assertTrue(f.evidence().getFirst().startsWith(";; u.test MX @" + server.spec()), f.evidence().toString());
            assertTrue(f.evidence().stream().anyMatch(l -> l.startsWith("u.test.") && l.endsWith("192.0.2.1")),
                    f.evidence().toString());
            assertTrue(f.evidence().stream().anyMatch(l -> l.startsWith(";; u.test SOA @") && l.contains("-> OK")),
                    f.evidence().toString());
        }
    }

    @Test
    void theCheckThatMadeTheFindingKeepsItsSeverityAndActorAndOtherFindingsStayAsTheyAre() throws Exception {
        try (ScriptedDnsServer server = new ScriptedDnsServer("127.0.2.6", 0, NxdomainBesideDataTest::answer)) {
            DnsLookup lookup = DnsLookups.create(List.of(server.spec()), TIMEOUT);
            Finding ours = LookupFindings.failure(lookup.lookup("u.test", Type.MX, Cancellation.none()))
                    .orElseThrow().withSeverity(Severity.WARNING).withActor(Actor.SENDER_ADMIN);
            lookup.lookup("u.test", Type.A, Cancellation.none());
            Finding other = LookupFindings.failure(lookup.lookup("_dmarc.u.test", Type.TXT, Cancellation.none()))
                    .orElseThrow();
            List<Finding> crossed = NxdomainBesideData.crossChecked(List.of(ours, other), lookup);
            assertEquals(DnsFindingCodes.DNS_LOOKUP_FAILED, crossed.get(0).code());
            assertEquals(Severity.WARNING, crossed.get(0).severity());
            assertEquals(Actor.SENDER_ADMIN, crossed.get(0).actor());
            // _dmarc.u.test has no answer of its own saying it exists: its NXDOMAIN stands
            assertEquals(other, crossed.get(1));
        }
    }

    @Test
    void aNameDeniedForEveryTypeStillDoesNotExist() throws Exception {
        try (ScriptedDnsServer server = new ScriptedDnsServer("127.0.2.6", 0, NxdomainBesideDataTest::answer)) {
            DnsLookup lookup = DnsLookups.create(List.of(server.spec()), TIMEOUT);
            Finding mx = LookupFindings.failure(lookup.lookup("gone.test", Type.MX, Cancellation.none()))
                    .orElseThrow();
            Finding a = LookupFindings.failure(lookup.lookup("gone.test", Type.A, Cancellation.none())).orElseThrow();
            assertEquals(List.of(mx, a), NxdomainBesideData.crossChecked(List.of(mx, a), lookup));
            assertEquals(DnsFindingCodes.DOMAIN_NXDOMAIN, mx.code());
        }
    }
}
