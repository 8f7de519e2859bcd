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
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * NXDOMAIN says nothing exists at the name (RFC 8020): one whose own reply shows the name exists (its records in
 * the answer, or the SOA of a zone whose apex it is) is the name servers answering inconsistently, a failed lookup
 * of the recipient's DNS, not a domain that does not exist (DOMAIN_NXDOMAIN, "check the spelling").
 */
class NxdomainContradictionTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final String SOA = "t.test. 300 IN SOA ns1.t.test. h.t.test. 1 3600 600 86400 300";

    /**
     * Like hdns.py's "nxmx" (NXDOMAIN for MX, with the zone's SOA, while SOA, A and TXT answer) and "nxans"
     * (NXDOMAIN carrying the records asked for, for TXT).
     */
    private static Message answer(Message query, boolean tcp) {
        String name = query.getQuestion().getName().toString();
        int type = query.getQuestion().getType();
        if (name.equals(".") && type == Type.NS) {
            return ScriptedDnsServer.answer(query, ". 300 IN NS a.root-servers.net.");
        }
        if (name.equals("t.test.") && type == Type.MX) {
            Message r = ScriptedDnsServer.reply(query, Rcode.NXDOMAIN);
            r.addRecord(ScriptedDnsServer.record(SOA), Section.AUTHORITY);
            return r;
        }
        if (name.equals("t.test.") && type == Type.TXT) {
            Message r = ScriptedDnsServer.answer(query, "t.test. 300 IN TXT \"v=spf1 -all\"");
            r.getHeader().setRcode(Rcode.NXDOMAIN);
            r.addRecord(ScriptedDnsServer.record(SOA), Section.AUTHORITY);
            return r;
        }
        if (name.equals("t.test.") && type == Type.SOA) {
            return ScriptedDnsServer.answer(query, SOA);
        }
        if (name.equals("t.test.") && type == Type.A) {
            return ScriptedDnsServer.answer(query, "t.test. 300 IN A 192.0.2.1");
        }
        Message r = ScriptedDnsServer.reply(query, Rcode.NXDOMAIN);
        r.addRecord(ScriptedDnsServer.record(SOA), Section.AUTHORITY);
        return r;
    }

    @Test
    void anNxdomainForTheApexOfTheZoneItNamesIsAnInconsistentAnswerNotANameThatDoesNotExist() throws Exception {
        try (ScriptedDnsServer server = new ScriptedDnsServer("127.0.2.4", 0, NxdomainContradictionTest::answer)) {
            DnsLookup lookup = DnsLookups.create(List.of(server.spec()), TIMEOUT);
            DnsAnswer mx = lookup.lookup("t.test", Type.MX, Cancellation.none());
            assertEquals(DnsStatus.ERROR, mx.status(), mx.toString());
            assertFalse(mx.resolverAtFault());
            Finding f = LookupFindings.failure(mx).orElseThrow();
            assertEquals(DnsFindingCodes.DNS_LOOKUP_FAILED, f.code());
            assertEquals(Actor.RECIPIENT_MAIL_TEAM, f.actor());
            assertEquals("The DNS question t.test MX failed: ERROR (NXDOMAIN, yet the reply's SOA record shows that"
                    + " t.test is the apex of a zone, which always exists: its name servers answer inconsistently, as"
                    + " NXDOMAIN says that nothing at all exists at the name (RFC 8020), and senders asking this"
                    + " question are told that it does not exist).", f.message());
            assertEquals(DnsStatus.OK, lookup.lookup("t.test", Type.SOA, Cancellation.none()).status());
        }
    }

    @Test
    void anNxdomainCarryingTheRecordsAskedForIsAnInconsistentAnswerAndTheRecordsAreNotUsed() throws Exception {
        try (ScriptedDnsServer server = new ScriptedDnsServer("127.0.2.4", 0, NxdomainContradictionTest::answer)) {
            DnsAnswer txt = DnsLookups.create(List.of(server.spec()), TIMEOUT)
                    .lookup("t.test", Type.TXT, Cancellation.none());
            assertEquals(DnsStatus.ERROR, txt.status(), txt.toString());
            assertTrue(txt.records().isEmpty(), txt.toString());
            assertTrue(txt.detail().startsWith("NXDOMAIN, yet the reply carries records of t.test"), txt.detail());
            assertEquals(Actor.RECIPIENT_MAIL_TEAM, LookupFindings.failure(txt).orElseThrow().actor());
        }
    }

    @Test
    void anNxdomainWithTheSoaOfTheZoneAboveIsANameThatDoesNotExist() throws Exception {
        try (ScriptedDnsServer server = new ScriptedDnsServer("127.0.2.4", 0, NxdomainContradictionTest::answer)) {
            DnsAnswer a = DnsLookups.create(List.of(server.spec()), TIMEOUT)
                    .lookup("_dmarc.t.test", Type.TXT, Cancellation.none());
            assertEquals(DnsStatus.NXDOMAIN, a.status(), a.toString());
            assertEquals(DnsFindingCodes.DOMAIN_NXDOMAIN, LookupFindings.failure(a).orElseThrow().code());
        }
    }
}
