package org.mailpath.engine.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.finding.Finding;
import org.mailpath.testing.dns.CheckSetup;
import org.mailpath.testing.dns.TestDnsServer;
import org.mailpath.testing.dns.TestDnsServer.Misbehaviour;

/** The findings of the DNS package are worded from its resource bundles, in English and in Swedish. */
class DnsFindingTextsSwedishTest {

    private static final Locale SWEDISH = Locale.of("sv");
    /** Only where nothing is ever answered: the outcome does not depend on speed. */
    private static final Duration SHORT = Duration.ofMillis(300);
    private static final String ZONE = "@ SOA ns.x. h.x. 1 1 1 1 1\n@ A 192.0.2.1\n";

    private static TestDnsServer server() throws Exception {
        return TestDnsServer.builder().zone("example.test", ZONE).resolver("127.0.2.31").start();
    }

    private static Finding existence(TestDnsServer dns, String domain, Duration timeout) {
        return new ExistenceCheck().run(CheckSetup.of(dns).withTimeout(timeout).context(domain)).findings().getFirst();
    }

    @Test
    void existenceAndNxdomainAreSaidInSwedish() throws Exception {
        try (TestDnsServer dns = server()) {
            Finding exists = existence(dns, "example.test", Duration.ofSeconds(5));
            assertEquals(DnsFindingCodes.DOMAIN_EXISTS, exists.code());
            assertEquals("example.test exists in the DNS.", exists.message());
            assertEquals("example.test finns i DNS.", exists.message(SWEDISH));

            Finding missing = existence(dns, "nope.example.test", Duration.ofSeconds(5));
            assertEquals(DnsFindingCodes.DOMAIN_NXDOMAIN, missing.code());
            assertEquals("nope.example.test does not exist (NXDOMAIN).", missing.message());
            assertEquals("nope.example.test finns inte (NXDOMAIN).", missing.message(SWEDISH));
            assertEquals("Kontrollera stavningen av domänen. Om den är rätt måste ägaren registrera domänen eller"
                    + " återställa dess DNS-delegering.", missing.remediation(SWEDISH));
        }
    }

    @Test
    void aBrokenResolverIsBlamedInSwedishToo() throws Exception {
        try (TestDnsServer dns = server()) {
            dns.behave("127.0.2.31", Misbehaviour.SILENT);
            Finding f = existence(dns, "example.test", SHORT);
            assertEquals(DnsFindingCodes.DNS_TIMEOUT, f.code());
            assertEquals(LookupFindings.BROKEN_RESOLVER_REMEDIATION, f.remediation());
            assertEquals(LookupFindings.brokenResolverRemediation().in(SWEDISH), f.remediation(SWEDISH));
            assertEquals("Inget användbart DNS-svar på example.test SOA: den tillfrågade resolvern ("
                    + dns.resolverSpec() + ") fungerar inte (inget svar över UDP inom 300 ms; den svarade inte heller på . NS, så den besvarar"
                    + " inga frågor alls), så detta säger ingenting om"
                    + " example.test.", f.message(SWEDISH));
            assertEquals("Kontrollera den här datorns nätverksanslutning och DNS-inställningar, eller använd en"
                    + " resolver som svarar (--resolver på kommandoraden, Resolverinställningar i appen), och"
                    + " kontrollera sedan igen.", f.remediation(SWEDISH));
        }
    }
}
