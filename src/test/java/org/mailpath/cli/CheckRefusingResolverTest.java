package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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

    private static String resolverAddress() {
        return DNS.resolver().substring(0, DNS.resolver().lastIndexOf(':'));
    }

    @Test
    void aResolverThatRefusesEverythingIsFourAndBlamesNoDomain() {
        DNS.behave(resolverAddress(), TestDnsServer.Misbehaviour.REFUSED);
        CliRun r = CliRun.check(DNS, "--fail-on", "error", "good.test");
        assertEquals(MailPathCommand.EXIT_NOT_CHECKED, r.code(), r.out());
        assertTrue(r.out().contains("NOT CHECKED DNS_LOOKUP_FAILED  good.test"), r.out());
        assertFalse(r.out().contains("recipient"), r.out());
        assertFalse(r.out().contains("WARNING DNS_LOOKUP_FAILED"), r.out());
        assertFalse(r.out().contains("ERROR   DNS_LOOKUP_FAILED"), r.out());
        assertFalse(r.out().contains("Check the DNS servers of"), r.out());
        assertFalse(java.util.regex.Pattern.compile("\\d+ problems? found").matcher(r.out()).find(), r.out());
        // the refusal is said, and whose it is
        assertTrue(r.out().contains("REFUSED"), r.out());
        // without --fail-on: nothing found about the domain
        assertEquals(0, CliRun.check(DNS, "good.test").code());
    }

    @Test
    void theJsonPutsNoFindingToTheRecipientsMailTeam() throws Exception {
        DNS.behave(resolverAddress(), TestDnsServer.Misbehaviour.REFUSED);
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
}
