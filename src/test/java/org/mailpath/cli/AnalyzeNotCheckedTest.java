package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.check.CheckReport;
import org.mailpath.engine.check.DomainCheckResult;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.testing.dns.TestDnsServer;

/**
 * The console text of {@code analyze --check-dns} when this computer's network keeps the checks from being made:
 * they are counted apart from the domain's problems ("not checked from this network"), as the report does, and
 * said once.
 */
class AnalyzeNotCheckedTest {

    private static final String SENTENCE = "marked not checked could not be made from this computer's network: the DNS"
            + " resolver or its connection did not work for them. They say nothing about";

    @Test
    void aResolverThatDeniesEveryNameLeavesEveryDomainNotCheckedNotBroken() throws Exception {
        // a resolver that answers NXDOMAIN even for the root zone, as a captive portal (or this build machine) does
        try (TestDnsServer dns = TestDnsServer.builder()
                .zone("example.test", "@ SOA ns1 h 1 3600 600 86400 300\n@ NS ns1\nns1 A 127.0.9.72\n")
                .resolver("127.0.9.71").start()) {
            dns.behave("127.0.9.71", TestDnsServer.Misbehaviour.NXDOMAIN);
            CliRun run = CliRun.of("analyze", LogFixtures.sample("sample-email-log.csv").toString(),
                    "--check-dns", "--resolver", dns.resolverSpec(), "--timeout", "2000");
            assertEquals(0, run.code(), run.err());
            String text = run.out();
            assertTrue(text.contains("== fabrikam.example ==\nNot all checked: 1 NOT CHECKED from this network"
                    + " (below); no problems found in the rest.\n"), text);
            assertTrue(text.contains("  NOT CHECKED DNS_LOOKUP_FAILED  fabrikam.example\n"), text);
            assertFalse(text.contains("problem found"), text);
            assertFalse(text.contains("ERROR   DNS_LOOKUP_FAILED"), text);
            // said once, for all the domains
            assertEquals(1, text.split(Pattern.quote(SENTENCE), -1).length - 1, text);
            assertTrue(text.contains("The checks of 18 domains " + SENTENCE + " those domains and must be made again"
                    + " from a network where they work.\n"), text);

            // for a script: nothing found about the domains, but checks were not made
            CliRun failOn = CliRun.of("analyze", LogFixtures.sample("sample-email-log.csv").toString(),
                    "--check-dns", "--resolver", dns.resolverSpec(), "--timeout", "2000", "--fail-on", "error");
            assertEquals(MailPathCommand.EXIT_NOT_CHECKED, failOn.code(), failOn.out());
        }
    }

    @Test
    void problemsAndChecksNotMadeAreCountedApart() {
        Finding local = new Finding("DNS_LOOKUP_FAILED", Severity.ERROR, "a.test", "m", List.of(), "r",
                Actor.LOCAL_NETWORK);
        Finding spf = new Finding("SPF_MISSING", Severity.ERROR, "a.test", "m", List.of(), "r", Actor.SENDER_ADMIN);
        Finding dmarc = new Finding("DMARC_MISSING", Severity.WARNING, "b.test", "m", List.of(), "r",
                Actor.SENDER_ADMIN);
        StringWriter out = new StringWriter();
        CheckReportText.print(new CheckReport(List.of(new DomainCheckResult("a.test", List.of(local, spf), List.of()),
                new DomainCheckResult("b.test", List.of(dmarc), List.of()))), new PrintWriter(out, true));
        String text = out.toString();
        assertTrue(text.contains("== a.test ==\n1 problem found; 1 not checked from this network.\n"), text);
        assertTrue(text.contains("== b.test ==\n1 problem found.\n"), text);
        assertTrue(text.contains("  NOT CHECKED DNS_LOOKUP_FAILED  a.test\n"), text);
        assertTrue(text.contains("  ERROR   SPF_MISSING  a.test\n"), text);
        assertTrue(text.endsWith("The checks of a.test " + SENTENCE + " that domain and must be made again from a"
                + " network where they work.\n\n"), text);
        // nothing kept from being made: nothing said about it
        assertFalse(TextCountsTest.text(List.of(spf)).contains("this computer's network"));
    }
}
