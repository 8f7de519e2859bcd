package org.mailpath.engine.dnsbl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.testing.fakedns.Findings.single;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailpath.engine.edns.ScriptedDnsServer;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.testing.dns.LoopbackDns;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * Blocklists that fail alike, through a scripted resolver on loopback: one finding per cause names every list it
 * kept from being asked (the sample's recipient had five "not checked" findings that differed only in the list's
 * name), keeping the codes; a list that fails in its own way keeps its own finding.
 */
class DnsblFailuresTogetherTest {

    @RegisterExtension
    static final LoopbackDns DNS = LoopbackDns.scripted("127.0.8.42", DnsblFailuresTogetherTest::answer);

    /**
     * example.test: one MX host at 192.0.2.25. Lists named gone*.test answer NXDOMAIN for everything (no test point),
     * refused*.test are REFUSED, broken*.test SERVFAIL, odd.test answers its test point outside 127/8, ok.test works.
     */
    private static Message answer(Message q, boolean tcp) {
        String name = q.getQuestion().getName().toString();
        int type = q.getQuestion().getType();
        if (name.equals("example.test.") && type == Type.MX) {
            return ScriptedDnsServer.answer(q, "example.test. MX 10 mx.example.test.");
        }
        if (name.equals("mx.example.test.") && type == Type.A) {
            return ScriptedDnsServer.answer(q, "mx.example.test. A 192.0.2.25");
        }
        if (name.matches(".*\\.refused\\d\\.test\\.")) {
            return ScriptedDnsServer.reply(q, Rcode.REFUSED);
        }
        if (name.matches(".*\\.broken\\d\\.test\\.")) {
            return ScriptedDnsServer.reply(q, Rcode.SERVFAIL);
        }
        if (name.equals("2.0.0.127.odd.test.") && type == Type.A) {
            return ScriptedDnsServer.answer(q, "2.0.0.127.odd.test. A 192.0.2.99");
        }
        if (name.equals("2.0.0.127.ok.test.") && type == Type.A) {
            return ScriptedDnsServer.answer(q, "2.0.0.127.ok.test. A 127.0.0.2");
        }
        return ScriptedDnsServer.reply(q, name.endsWith(".test.") && !name.equals("mx.example.test.")
                ? Rcode.NXDOMAIN : Rcode.NOERROR);
    }

    private static List<Finding> check(String... zones) {
        return new DnsblCheck().run(DNS.setup().withBlocklists(zones).context("example.test")).findings();
    }

    @Test
    void listsThatDoNotAnswerThisResolverAreOneFindingNamingThemAll() {
        List<Finding> f = check("gone1.test", "gone2.test", "gone3.test", "ok.test");
        Finding unusable = single(f, "DNSBL_ZONE_UNUSABLE", Severity.WARNING);
        assertEquals("gone1.test, gone2.test, gone3.test", unusable.subject());
        assertEquals(Actor.LOCAL_NETWORK, unusable.actor());
        assertTrue(unusable.message().startsWith("Blocklists not checked: none of gone1.test, gone2.test, gone3.test"
                + " lists its test point 127.0.0.2 (NXDOMAIN): this computer's resolver"), unusable.message());
        assertTrue(unusable.message(Locale.of("sv")).startsWith("Blocklistor kontrollerades inte: ingen av gone1.test,"
                + " gone2.test, gone3.test"), unusable.message(Locale.of("sv")));
        // each list's question is the evidence
        assertEquals(3, unusable.evidence().size(), unusable.evidence().toString());
        assertTrue(unusable.evidence().get(1).contains("2.0.0.127.gone2.test"), unusable.evidence().toString());
        assertTrue(unusable.remediation().contains("Resolver settings in the app"), unusable.remediation());
        // the working list still counts
        assertTrue(single(f, "DNSBL_NOT_LISTED").message().endsWith("is not listed on ok.test"),
                single(f, "DNSBL_NOT_LISTED").message());
    }

    @Test
    void refusalsAndFailedLookupsAreOneFindingEachAndTheirCodesStay() {
        List<Finding> f = check("refused1.test", "broken1.test", "refused2.test", "broken2.test", "refused3.test");
        Finding refused = single(f, "DNSBL_QUERY_REFUSED", Severity.WARNING);
        assertEquals("refused1.test, refused2.test, refused3.test", refused.subject());
        assertTrue(refused.message().startsWith("Blocklists not checked: refused1.test, refused2.test, refused3.test"
                + " refused the lookups: the resolver or the list REFUSED the query."), refused.message());
        Finding failed = single(f, "DNS_LOOKUP_FAILED", Severity.WARNING);
        assertEquals("broken1.test, broken2.test", failed.subject());
        // the zones as data too: DnsFailuresOnce and ChecksNotMade read them there, not from the subject's text
        assertEquals(List.of("broken1.test", "broken2.test"), failed.dnsNames());
        assertEquals(Actor.LOCAL_NETWORK, failed.actor());
        assertTrue(failed.message().contains("the lookups in broken1.test, broken2.test failed (SERVFAIL)"),
                failed.message());
        assertTrue(failed.message(Locale.of("sv")).contains("uppslagningarna i broken1.test, broken2.test misslyckades"),
                failed.message(Locale.of("sv")));
        assertEquals(2, f.size(), f.toString());
    }

    @Test
    void aListThatFailsAloneOrInItsOwnWayKeepsItsOwnFinding() {
        List<Finding> f = check("gone1.test", "odd.test", "refused1.test");
        List<Finding> unusable = f.stream().filter(x -> x.code().equals("DNSBL_ZONE_UNUSABLE")).toList();
        assertEquals(List.of("gone1.test", "odd.test"), unusable.stream().map(Finding::subject).sorted().toList());
        assertTrue(unusable.stream().anyMatch(x -> x.message().equals("Blocklist gone1.test does not list its test"
                + " point 127.0.0.2 (NXDOMAIN): the list is dead, misspelled or does not answer this resolver; its"
                + " answers are ignored")), unusable.toString());
        assertTrue(single(f, "DNSBL_QUERY_REFUSED").message().startsWith("Blocklist refused1.test refused the lookup"));
    }

    @Test
    void theDefaultListsNotesAreGivenOnceEachInTheirFinding() {
        // the default lists through a resolver that knows none of them, as in the app's sample
        List<Finding> f = new DnsblCheck().run(DNS.setup().context("example.test")).findings();
        Finding unusable = single(f, "DNSBL_ZONE_UNUSABLE", Severity.WARNING);
        assertEquals("zen.spamhaus.org, bl.spamcop.net, b.barracudacentral.org, psbl.surriel.com, bl.mailspike.net",
                unusable.subject());
        String advice = unusable.remediation();
        for (String note : List.of("Spamhaus ZEN", "Barracuda Reputation Block List", "Mailspike")) {
            assertEquals(advice.indexOf(note), advice.lastIndexOf(note), advice);
            assertTrue(advice.contains(note), advice);
        }
        assertTrue(unusable.remediation(Locale.of("sv")).startsWith("Kontrollera resolvern"),
                unusable.remediation(Locale.of("sv")));
        assertEquals(1, f.stream().filter(x -> x.actor() == Actor.LOCAL_NETWORK).count(), f.toString());
    }
}
