package org.mailpath.engine.nameserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.testing.dns.CheckSetup;
import org.mailpath.testing.dns.TestDnsServer;

/** NS sets no sane zone has, from the loopback test DNS server. */
class HostileNameServersTest {

    @Test
    void fiftyNameServersThatDoNotResolveAreTestedInPartAndSaidSo() throws Exception {
        StringBuilder zone = new StringBuilder("@ SOA ns0.nowhere.test. h.x. 1 1 1 1 1\n");
        for (int i = 0; i < 50; i++) {
            zone.append("@ NS ns").append(i).append(".nowhere.test.\n");
        }
        try (TestDnsServer dns = TestDnsServer.builder().zone("fifty.test", zone.toString())
                .resolver("127.0.7.11").start()) {
            List<Finding> findings = new NameServerCheck().run(CheckSetup.of(dns).context("fifty.test")).findings();

            List<Finding> tooMany = findings.stream().filter(f -> f.code().equals("NS_TOO_MANY")).toList();
            assertEquals(1, tooMany.size(), findings.toString());
            assertEquals(Severity.INFO, tooMany.getFirst().severity());
            assertEquals("The zone fifty.test lists 50 name servers with at least 0 addresses; only the first 13 names"
                    + " (in alphabetical order) and 0 addresses were tested.", tooMany.getFirst().message());
            assertEquals(NameServers.MAX_HOSTS, findings.stream().filter(f -> f.code().equals("NS_NO_ADDRESS"))
                    .count());
            assertTrue(findings.stream().noneMatch(f -> f.code().equals("NS_OK")));
        }
    }

    @Test
    void thirteenNameServersAreAllTestedAndFourteenAreTooMany() throws Exception {
        List<String> thirteen = codesOf(NameServers.MAX_HOSTS);
        assertFalse(thirteen.contains("NS_TOO_MANY"), thirteen.toString());
        assertEquals(NameServers.MAX_HOSTS, thirteen.stream().filter(c -> c.equals("NS_NO_ADDRESS")).count(),
                "every one of the 13 is tested");
        assertEquals(1, codesOf(NameServers.MAX_HOSTS + 1).stream().filter(c -> c.equals("NS_TOO_MANY")).count());
    }

    /** The codes of the check of a zone with {@code count} name servers that do not resolve. */
    private static List<String> codesOf(int count) throws Exception {
        StringBuilder zone = new StringBuilder("@ SOA ns0.nowhere.test. h.x. 1 1 1 1 1\n");
        for (int i = 0; i < count; i++) {
            zone.append("@ NS ns").append(i).append(".nowhere.test.\n");
        }
        try (TestDnsServer dns = TestDnsServer.builder().zone("many.test", zone.toString())
                .resolver("127.0.7.11").start()) {
            return new NameServerCheck().run(CheckSetup.of(dns).context("many.test")).findings().stream()
                    .map(Finding::code).toList();
        }
    }
}
