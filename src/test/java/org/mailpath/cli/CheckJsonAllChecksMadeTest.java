package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailpath.engine.dnsbl.DnsblZone;
import org.mailpath.testing.dns.LoopbackDns;

/**
 * {@code check --format json} of a domain every check of which could be made: {@code "checksNotMade"} is there,
 * empty, so that a script need not tell a missing field from a made check.
 */
class CheckJsonAllChecksMadeTest {

    /**
     * The test network, serving the default blocklists as RFC 5782 §5 has them answer their test points (127.0.0.2
     * listed, 127.0.0.1 not): without them its resolver finds the lists unusable, a check not made.
     */
    @RegisterExtension
    static final LoopbackDns DNS = LoopbackDns.network(b -> DnsblZone.defaults().forEach(z -> b.zone(z.zone(),
            "@ SOA ns.x. h.x. 1 3600 600 86400 300\n2.0.0.127 A 127.0.0.2\n")));

    @Test
    void aDomainWhoseChecksWereAllMadeHasAnEmptyList() throws Exception {
        CliRun r = CliRun.check(DNS, "--format", "json", "good.test");
        assertEquals(0, r.code(), r.err());
        JsonNode good = FindingJson.MAPPER.readTree(r.out()).get("domains").get(0);
        assertTrue(good.get("checksNotMade").isArray(), good.toString());
        assertEquals(0, good.get("checksNotMade").size(), good.get("checksNotMade").toString());
    }
}
