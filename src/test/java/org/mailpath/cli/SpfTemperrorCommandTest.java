package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.testing.dns.LoopbackDns;
import org.mailpath.testing.dns.TestDnsServer;

/**
 * {@code check --ip} and {@code analyze --check-dns --ip} when the SPF evaluation ends in temperror. A resolver of
 * this computer's that answers nothing leaves the SPF result not checked: exit 4 with {@code --fail-on}, no advice to
 * authorize the IP, nothing linked to the log's failing messages. A name whose lookup fails through a working
 * resolver (SERVFAIL) is still a WARNING of our admin's, linked to authentication failures, that names the failing
 * name instead of the IP.
 */
class SpfTemperrorCommandTest {

    /** acme.example is the sample log's sending domain: every question about it fails (SERVFAIL). */
    @RegisterExtension
    static final LoopbackDns DNS = LoopbackDns.zones(b -> b
            .zone("acme.example", "@ SOA ns.x. h.x. 1 1 1 1 1\n@ TXT \"v=spf1 include:_spf.salesforce.com -all\"\n")
            .misbehaveFor("acme.example", TestDnsServer.Misbehaviour.SERVFAIL)
            .resolver("127.0.9.81"));

    private static final String SAMPLE = LogFixtures.sample("sample-email-log.csv").toString();
    private static final String LINKS = "== DNS problems and the failing messages they may explain ==";

    /** A resolver address of the loopback where nothing listens: no question is ever answered. */
    private static String deadResolver() {
        return "127.0.9.99:" + DNS.port();
    }

    @Test
    void aResolverThatAnswersNothingLeavesTheSpfResultNotCheckedAndExitsFour() throws Exception {
        CliRun r = CliRun.of("check", "example.com", "--ip", "192.0.2.1", "--dkim-selector", "s1", "--resolver",
                deadResolver(), "--timeout", "500", "--fail-on", "warning");
        // before: 3, "1 problem found; 1 not checked", "WARNING SPF_RESULT … temperror" and "Authorize 192.0.2.1"
        assertEquals(MailPathCommand.EXIT_NOT_CHECKED, r.code(), r.out());
        assertTrue(r.out().contains("== example.com ==\nNot all checked: 2 NOT CHECKED from this network (below); no"
                + " problems found in the rest.\n"), r.out());
        assertTrue(r.out().contains("\n  NOT CHECKED SPF_RESULT  example.com\n          No SPF result for 192.0.2.1"
                + " sending as example.com: the resolver asked (" + deadResolver() + ") does not work"), r.out());
        assertTrue(r.out().contains("What to do (our local network): Check this computer's network connection"),
                r.out());
        assertFalse(r.out().contains("Authorize"), r.out());
        assertFalse(r.out().contains("WARNING") || r.out().contains("ERROR"), r.out());

        CliRun json = CliRun.of("check", "example.com", "--ip", "192.0.2.1", "--resolver", deadResolver(),
                "--timeout", "500", "--format", "json");
        JsonNode domain = FindingJson.MAPPER.readTree(json.out()).get("domains").get(0);
        JsonNode notMade = domain.get("checksNotMade");
        assertEquals(1, notMade.size(), notMade.toString());
        assertEquals("ALL", notMade.get(0).get("check").asText());
        domain.get("findings").forEach(f -> {
            if (f.get("code").asText().equals("SPF_RESULT")) {
                assertEquals("LOCAL_NETWORK", f.get("actor").asText(), f.toString());
            }
        });
    }

    @Test
    void aServfailForTheSpfRecordIsAWarningThatNamesTheFailingName() {
        CliRun r = CliRun.check(DNS, "acme.example", "--ip", "192.0.2.1", "--fail-on", "warning");
        assertEquals(MailPathCommand.EXIT_FINDINGS, r.code(), r.out());
        assertTrue(r.out().contains("\n  WARNING SPF_RESULT  acme.example\n          SPF result for 192.0.2.1 sending"
                + " as acme.example: temperror (DNS SERVFAIL for TXT acme.example; 0 DNS lookups)\n          What to do"
                + " (our Salesforce admin): There is nothing to authorize: the DNS lookup of acme.example failed, so"
                + " no SPF result for 192.0.2.1 could be computed."), r.out());
        assertFalse(r.out().contains("Authorize 192.0.2.1"), r.out());
    }

    @Test
    void analyzeLinksNoFailingMessageToAnSpfResultItCouldNotCheck() {
        CliRun dead = CliRun.of("analyze", SAMPLE, "--check-dns", "--ip", "198.51.100.200", "--resolver",
                deadResolver(), "--timeout", "500", "--fail-on", "warning");
        assertEquals(MailPathCommand.EXIT_NOT_CHECKED, dead.code(), dead.out());
        assertTrue(dead.out().contains("\n  NOT CHECKED SPF_RESULT  acme.example\n"), dead.out());
        assertFalse(dead.out().contains(LINKS), dead.out());
        assertFalse(dead.out().contains("Authorize"), dead.out());

        // the same log through a working resolver whose answers for acme.example fail: receivers may meet that too
        CliRun servfail = CliRun.of("analyze", SAMPLE, "--check-dns", "--ip", "198.51.100.200", "--resolver",
                DNS.resolver(), "--dns-port", String.valueOf(DNS.port()), "--timeout", "5000");
        assertEquals(0, servfail.code(), servfail.err());
        String links = servfail.out().substring(servfail.out().indexOf(LINKS));
        assertTrue(links.contains("\n  SPF_RESULT acme.example (sender domain acme.example): "), links);
    }
}
