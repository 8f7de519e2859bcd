package org.mailpath.engine.dnsbl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailpath.engine.dns.DnsFindingCodes;
import org.mailpath.engine.dns.LookupFindings;
import org.mailpath.engine.edns.ScriptedDnsServer;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.testing.dns.LoopbackDns;
import org.xbill.DNS.Rcode;

/**
 * A "resolver" that refuses every question (an authoritative server for other zones, or a resolver serving other
 * networks, given with --resolver): it refuses the lists' questions because it refuses this computer, so their
 * failure is the resolver's, said as the other checks' failures are (DNS_LOOKUP_FAILED naming this computer's side,
 * which DnsFailuresOnce merges into one finding), not DNSBL_QUERY_REFUSED, whose advice (a resolver that is not a
 * public one, Spamhaus DQS) is for a list refusing this resolver. A resolver that answers the domain but refuses the
 * lists' names still gives DNSBL_QUERY_REFUSED (DnsblFailuresTogetherTest).
 */
class DnsblRefusingResolverTest {

    @RegisterExtension
    static final LoopbackDns DNS = LoopbackDns.scripted("127.0.8.43", (q, tcp) -> ScriptedDnsServer.reply(q,
            Rcode.REFUSED));

    private static final String LISTS = String.join(", ", DnsblZone.defaults().stream().map(DnsblZone::zone)
            .toList());

    @Test
    void theListsRefusedByAResolverThatRefusesEverythingAreTheResolversFailedLookups() {
        List<Finding> f = new DnsblCheck().run(DNS.setup().withIp("192.0.2.25").context("example.test")).findings();
        assertTrue(f.stream().noneMatch(x -> x.code().equals("DNSBL_QUERY_REFUSED")), f.toString());
        Finding lists = f.stream().filter(x -> x.subject().equals(LISTS)).findFirst().orElseThrow();
        assertEquals(DnsFindingCodes.DNS_LOOKUP_FAILED, lists.code());
        assertEquals(Actor.LOCAL_NETWORK, lists.actor());
        assertEquals("Blocklists not checked: the lookups in " + LISTS + " failed (REFUSED) at the resolver asked,"
                + " which says nothing about the lists. Their results are unknown, not clean", lists.message());
        assertTrue(lists.message(Locale.of("sv")).startsWith("Blocklistor kontrollerades inte: uppslagningarna i "
                + LISTS + " misslyckades (REFUSED) hos den tillfrågade resolvern"), lists.message(Locale.of("sv")));
        assertEquals(LookupFindings.BROKEN_RESOLVER_REMEDIATION, lists.remediation());
        assertFalse(lists.remediation().contains("DQS"), lists.remediation());
        // one question per list, its test point
        assertEquals(DnsblZone.defaults().size(), lists.evidence().size(), lists.evidence().toString());
        // the domain's own MX question, refused alike
        assertTrue(f.stream().anyMatch(x -> x.subject().equals("example.test")
                && x.code().equals(DnsFindingCodes.DNS_LOOKUP_FAILED) && x.actor() == Actor.LOCAL_NETWORK),
                f.toString());
        assertTrue(f.stream().allMatch(x -> x.actor() == Actor.LOCAL_NETWORK), f.toString());
    }

    @Test
    void oneListRefusedByThatResolverIsItsFailedLookupToo() {
        List<Finding> f = new DnsblCheck().run(DNS.setup().withIp("192.0.2.25").withBlocklists("bl.example.test")
                .context("example.test")).findings();
        assertTrue(f.stream().noneMatch(x -> x.code().equals("DNSBL_QUERY_REFUSED")), f.toString());
        Finding list = f.stream().filter(x -> x.subject().startsWith("2.0.0.127.bl.example.test")).findFirst()
                .orElseThrow(() -> new AssertionError(f.toString()));
        assertEquals(DnsFindingCodes.DNS_LOOKUP_FAILED, list.code());
        assertEquals(Actor.LOCAL_NETWORK, list.actor());
        assertTrue(list.message().contains("refuses to look names up for this computer"), list.message());
    }
}
