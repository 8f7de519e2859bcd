package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailpath.engine.check.CheckReport;
import org.mailpath.engine.check.DomainCheckResult;
import org.mailpath.engine.dnsbl.DnsblZone;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.testing.dns.LoopbackDns;
import org.mailpath.testing.dns.TestDnsServer.Misbehaviour;

/**
 * {@code check}'s text when this computer's network kept only some checks of a domain from being made (its
 * blocklist lookups failed, the domain's own DNS answered): it names those checks, as the report does, and does not
 * call the domain not checked as a whole.
 */
class CheckNotCheckedPartTest {

    /** The test network, the default blocklists failing (SERVFAIL) through its resolver, or not answering at all. */
    @RegisterExtension
    static final LoopbackDns DNS = LoopbackDns.network(b -> DnsblZone.defaults().forEach(z -> b.misbehaveFor(z.zone(),
            z.zone().startsWith("zen.") ? Misbehaviour.SILENT : Misbehaviour.SERVFAIL)));

    private static final String WHOLE = "marked not checked could not be made";
    private static final String PART = " could not be made from this computer's network: the DNS resolver or its"
            + " connection did not work for them. They say nothing about";

    @Test
    void blocklistLookupsThatFailLeaveTheOtherChecksStanding() {
        // zen times out: the timeout, long enough for every answer of the loopback, keeps the test short
        CliRun r = CliRun.of("check", "--resolver", DNS.resolver(), "--dns-port", String.valueOf(DNS.port()),
                "--timeout", "1000", "good.test", "broken.test");
        assertEquals(0, r.code(), r.err());
        String text = r.out();
        // before: "2 problems found; 2 not checked from this network." and "The checks of good.test and
        // broken.test marked not checked … say nothing about those domains"
        assertTrue(text.contains("== good.test ==\n2 problems found; the blocklist checks could not be made from this"
                + " network (below).\n"), text);
        assertTrue(text.contains("== broken.test ==\n12 problems found; the blocklist checks could not be made from"
                + " this network (below).\n"), text);
        // the blocklists' timeout and failures, said once as the resolver's failure: only the run knew whose they were
        assertTrue(text.contains("  NOT CHECKED DNS_LOOKUP_FAILED  good.test\n"), text);
        assertTrue(text.contains("| ;; 2.0.0.127.zen.spamhaus.org A @" + DNS.resolver() + " -> TIMEOUT"), text);
        assertTrue(text.contains("| ;; 2.0.0.127.bl.spamcop.net A @" + DNS.resolver() + " -> SERVFAIL"), text);
        assertTrue(text.endsWith("The blocklist checks of good.test and broken.test" + PART + " those domains and"
                + " must be made again from a network where they work. The other checks of those domains were"
                + " made.\n\n"), text);
        assertFalse(text.contains(WHOLE), text);
    }

    @Test
    void aDomainWithoutProblemsSaysWhichChecksWereNotMadeFirst() {
        Finding unusable = new Finding("DNSBL_ZONE_UNUSABLE", Severity.WARNING, "zen.spamhaus.org", "m", List.of(),
                "r", Actor.LOCAL_NETWORK);
        Finding policy = new Finding("MTA_STS_POLICY_UNREACHABLE", Severity.WARNING, "a.test", "m", List.of(), "r",
                Actor.LOCAL_NETWORK);
        Finding exists = new Finding("DOMAIN_EXISTS", Severity.OK, "a.test", "m", List.of(), "", Actor.NOBODY);
        StringWriter out = new StringWriter();
        CheckReportText.print(new CheckReport(List.of(
                new DomainCheckResult("a.test", List.of(unusable, policy, exists), List.of()),
                new DomainCheckResult("b.test", List.of(unusable), List.of()))), new PrintWriter(out, true));
        String text = out.toString();
        assertTrue(text.contains("== a.test ==\nNot all checked: the blocklist and MTA-STS checks could not be made"
                + " from this network (below); the other checks found no problems.\n"), text);
        // nothing else found about b.test: not checked as a whole, said apart
        assertTrue(text.contains("== b.test ==\nNot all checked: 1 NOT CHECKED from this network (below); no"
                + " problems found in the rest.\n"), text);
        assertTrue(text.endsWith("The checks of b.test " + WHOLE + " from this computer's network: the DNS resolver"
                + " or its connection did not work for them. They say nothing about that domain and"
                + " must be made again from a network where they work.\nThe blocklist and MTA-STS checks of a.test"
                + PART + " that domain and must be made again from a network where they work. The other checks of"
                + " that domain were made.\n\n"), text);
    }
}
