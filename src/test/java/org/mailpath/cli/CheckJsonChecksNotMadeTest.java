package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailpath.engine.dnsbl.DnsblZone;
import org.mailpath.testing.dns.LoopbackDns;
import org.mailpath.testing.dns.TestDnsServer.Misbehaviour;

/**
 * {@code check --format json} names, per domain, the checks this computer's network kept from being made
 * ({@code "checksNotMade"}), as the text output does, so that a script can tell "no problem found" from "not checked".
 */
class CheckJsonChecksNotMadeTest {

    /** The test network, its resolver timing out for the default blocklists' zen and failing (SERVFAIL) the others. */
    @RegisterExtension
    static final LoopbackDns DNS = LoopbackDns.network(b -> DnsblZone.defaults().forEach(z -> b.misbehaveFor(z.zone(),
            z.zone().startsWith("zen.") ? Misbehaviour.SILENT : Misbehaviour.SERVFAIL)));

    private static JsonNode domains(CliRun r) throws Exception {
        assertEquals(0, r.code(), r.err());
        return FindingJson.MAPPER.readTree(r.out()).get("domains");
    }

    private static List<String> codes(JsonNode array) {
        List<String> codes = new ArrayList<>();
        array.forEach(n -> codes.add(n.asText()));
        return codes;
    }

    @Test
    void blocklistLookupsThatFailNameTheBlocklistCheckAndNoOther() throws Exception {
        // zen times out: the timeout, long enough for every answer of the loopback, keeps the test short
        JsonNode domains = domains(CliRun.of("check", "--resolver", DNS.resolver(), "--dns-port",
                String.valueOf(DNS.port()), "--timeout", "1000", "--format", "json", "good.test", "mail.test"));
        JsonNode good = domains.get(0);
        JsonNode notMade = good.get("checksNotMade");
        assertEquals(1, notMade.size(), notMade.toString());
        assertEquals("DNSBL", notMade.get(0).get("check").asText());
        // the blocklists' timeout and failures are said once as the resolver's failure; its code is the reason
        assertEquals(List.of("DNS_LOOKUP_FAILED"), codes(notMade.get(0).get("reasons")));
        List<String> localCodes = new ArrayList<>();
        good.get("findings").forEach(f -> {
            if (f.get("actor").asText().equals("LOCAL_NETWORK")) {
                localCodes.add(f.get("code").asText());
            }
        });
        assertEquals(List.of("DNS_LOOKUP_FAILED"), localCodes, "the reason is one of the domain's findings");
        // mail.test has no MX host, so no blocklist was asked about it: every check of it was made
        assertEquals("mail.test", domains.get(1).get("domain").asText());
        assertTrue(domains.get(1).get("checksNotMade").isArray());
        assertEquals(0, domains.get(1).get("checksNotMade").size(), domains.get(1).get("checksNotMade").toString());
    }

    @Test
    void aDomainNotCheckedAsAWholeIsAll() throws Exception {
        // nothing listens there: every question times out, the existence check's first
        JsonNode domains = domains(CliRun.of("check", "--resolver", "127.0.1.99:" + DNS.port(), "--timeout", "200",
                "--format", "json", "good.test"));
        JsonNode notMade = domains.get(0).get("checksNotMade");
        assertEquals(1, notMade.size(), notMade.toString());
        assertEquals("ALL", notMade.get(0).get("check").asText());
        assertEquals(List.of("DNS_TIMEOUT"), codes(notMade.get(0).get("reasons")));
    }
}
