package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailpath.engine.dnsbl.DnsblZone;
import org.mailpath.testing.dns.LoopbackDns;
import org.mailpath.testing.dns.TestDnsServer;

/**
 * {@code check} through a "resolver" that answers REFUSED to every question (a name server authoritative for other
 * zones, or a resolver that serves other networks, given with --resolver): its refusals are this computer's side's,
 * said once as a check not made, exit 4 with --fail-on as for a resolver that does not answer; no check's lookup
 * failure is put to the recipient's mail team (it said "Check the DNS servers of good.test" four times).
 */
class CheckRefusingResolverTest {

    @RegisterExtension
    static final LoopbackDns DNS = LoopbackDns.network();

    @Test
    void aResolverThatRefusesEverythingIsFourAndBlamesNoDomain() {
        DNS.behave(DNS.resolverAddress(), TestDnsServer.Misbehaviour.REFUSED);
        CliRun r = CliRun.check(DNS, "--fail-on", "error", "good.test");
        assertEquals(MailPathCommand.EXIT_NOT_CHECKED, r.code(), r.out());
        assertTrue(r.out().contains("NOT CHECKED DNS_LOOKUP_FAILED  good.test"), r.out());
        assertFalse(r.out().contains("recipient"), r.out());
        RefusedQuestions.assertNothingBlamed(r.out());
        assertFalse(r.out().contains("Check the DNS servers of"), r.out());
        // the refusal is said, and whose it is
        assertTrue(r.out().contains("REFUSED"), r.out());
        // without --fail-on: nothing found about the domain
        assertEquals(0, CliRun.check(DNS, "good.test").code());
    }

    @Test
    void theJsonPutsNoFindingToTheRecipientsMailTeam() throws Exception {
        DNS.behave(DNS.resolverAddress(), TestDnsServer.Misbehaviour.REFUSED);
        CliRun r = CliRun.check(DNS, "--format", "json", "good.test");
        assertEquals(0, r.code(), r.err());
        JsonNode domain = FindingJson.MAPPER.readTree(r.out()).get("domains").get(0);
        List<String> notOurs = new ArrayList<>();
        domain.get("findings").forEach(f -> {
            String actor = f.get("actor").asText();
            if (!actor.equals("LOCAL_NETWORK") && !f.get("code").asText().startsWith("DKIM_NO_SELECTOR")
                    && !f.get("severity").asText().equals("INFO")) {
                notOurs.add(f.get("code").asText() + " " + actor);
            }
        });
        assertEquals(List.of(), notOurs, r.out());
        JsonNode notMade = domain.get("checksNotMade");
        assertEquals(1, notMade.size(), notMade.toString());
        assertEquals("ALL", notMade.get(0).get("check").asText());
        assertEquals("DNS_LOOKUP_FAILED", notMade.get(0).get("reasons").get(0).asText());
    }

    /**
     * The blocklists' questions were refused by the same resolver: they are among the questions the one finding
     * counts and names, not a list's refusal (DNSBL_QUERY_REFUSED, advising another resolver than a public one or
     * Spamhaus DQS, which is for a list that refuses this resolver).
     */
    @Test
    void theBlocklistsQuestionsAreCountedInTheOneFindingNotSaidAsAListsRefusal() throws Exception {
        DNS.behave(DNS.resolverAddress(), TestDnsServer.Misbehaviour.REFUSED);
        CliRun text = CliRun.check(DNS, "--ip", "192.0.2.25", "good.test");
        assertFalse(text.out().contains("DNSBL_QUERY_REFUSED"), text.out());
        assertFalse(text.out().contains("Spamhaus DQS"), text.out());
        JsonNode withLists = resolverFinding("--ip", "192.0.2.25");
        RefusedQuestions.assertCountsEveryList(withLists);
        // without --ip no list is asked (the refused MX leaves no address to look up): the sending IP adds its PTR
        // question and one question per list, its test point 127.0.0.2
        JsonNode withoutLists = resolverFinding();
        assertEquals(RefusedQuestions.count(withoutLists) + 1 + DnsblZone.defaults().size(),
                RefusedQuestions.count(withLists), withLists.toString());
    }

    /** The one DNS finding naming this computer's side in {@code check good.test ARGS} as JSON; no list's refusal. */
    private static JsonNode resolverFinding(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--format", "json", "good.test"));
        CliRun r = CliRun.check(DNS, all.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        JsonNode findings = FindingJson.MAPPER.readTree(r.out()).get("domains").get(0).get("findings");
        List<JsonNode> resolver = new ArrayList<>();
        findings.forEach(f -> {
            assertFalse(f.get("code").asText().equals("DNSBL_QUERY_REFUSED"), f.toString());
            if (f.get("code").asText().startsWith("DNS_") && f.get("actor").asText().equals("LOCAL_NETWORK")) {
                resolver.add(f);
            }
        });
        assertEquals(1, resolver.size(), r.out());
        return resolver.getFirst();
    }
}
