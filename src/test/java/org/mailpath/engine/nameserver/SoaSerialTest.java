package org.mailpath.engine.nameserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.testing.fakedns.Findings.absent;
import static org.mailpath.testing.fakedns.Findings.single;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.testing.dns.CheckSetup;
import org.mailpath.testing.dns.TestDnsServer;

/**
 * Two loopback servers of one zone, on one port and in two networks: the primary and a secondary that may lag
 * behind.
 */
class SoaSerialTest {

    private static final String ZONE = """
            @   SOA ns1.serial.test. h.serial.test. %d 3600 600 86400 300
            @   NS  ns1.serial.test.
            @   NS  ns2.serial.test.
            ns1 A   127.0.9.2
            ns2 A   127.1.9.3
            """;

    private static List<Finding> check(long primary, long secondary) throws Exception {
        try (TestDnsServer one = TestDnsServer.builder().zone("serial.test", ZONE.formatted(primary))
                .resolver("127.0.9.1").authoritative("127.0.9.2", "serial.test").start();
             TestDnsServer two = TestDnsServer.builder().zone("serial.test", ZONE.formatted(secondary))
                     .authoritative("127.1.9.3", "serial.test").port(one.port()).start()) {
            return new NameServerCheck().run(CheckSetup.of(one).context("serial.test")).findings();
        }
    }

    @Test
    void aSecondaryServingAnOlderZoneIsSaid() throws Exception {
        List<Finding> f = check(2026010102, 2026010101);
        Finding mismatch = single(f, "NS_SOA_SERIAL_MISMATCH", Severity.WARNING);
        assertEquals("The name servers of serial.test serve different versions of the zone (SOA serial 2026010101 at"
                + " ns2.serial.test (127.1.9.3); 2026010102 at ns1.serial.test (127.0.9.2)): resolvers get old or"
                + " new records depending on the server they ask.", mismatch.message());
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, mismatch.actor());
        assertTrue(mismatch.evidence().stream().anyMatch(l -> l.contains(" 2026010101 ")), mismatch.evidence()
                .toString());
        absent(f, "NS_OK");
    }

    @Test
    void theSameSerialEverywhereIsFine() throws Exception {
        List<Finding> f = check(7, 7);
        absent(f, "NS_SOA_SERIAL_MISMATCH");
        single(f, "NS_OK");
    }
}
