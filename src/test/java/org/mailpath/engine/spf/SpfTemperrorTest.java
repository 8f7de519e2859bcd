package org.mailpath.engine.spf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.testing.fakedns.Findings.single;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailpath.engine.check.AnalysisDnsChecks.Role;
import org.mailpath.engine.check.FindingCauses;
import org.mailpath.engine.dns.LookupFindings;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.NotChecked;
import org.mailpath.engine.finding.Severity;
import org.mailpath.engine.status.Category;
import org.mailpath.testing.dns.CheckSetup;
import org.mailpath.testing.dns.LoopbackDns;
import org.mailpath.testing.dns.TestDnsServer;

/**
 * SPF_RESULT when check_host() ends in temperror (RFC 7208 §2.6.6, §5: a DNS lookup that times out or gets an rcode
 * other than NOERROR and NXDOMAIN), through a real resolver on loopback. A temperror is never advice to authorize the
 * IP: when this computer's resolver does not work at all, the SPF was not checked (actor LOCAL_NETWORK, nothing
 * linked to failing messages); when a name's servers fail it (SERVFAIL through a working resolver), it stays a
 * finding of our admin's that names the name that failed.
 */
class SpfTemperrorTest {

    @RegisterExtension
    static final LoopbackDns DNS = LoopbackDns.zones(b -> b
            .zone("spf.test", """
                    @ SOA ns.x. h.x. 1 1 1 1 1
                    @ TXT "v=spf1 include:_spf.flaky.test -all"
                    """)
            .zone("flaky.test", "@ SOA ns.x. h.x. 1 1 1 1 1\n_spf TXT \"v=spf1 ip4:192.0.2.0/24 -all\"\n")
            .zone("own.test", "@ SOA ns.x. h.x. 1 1 1 1 1\n@ TXT \"v=spf1 ip4:192.0.2.0/24 -all\"\n")
            .misbehaveFor("flaky.test", TestDnsServer.Misbehaviour.SERVFAIL)
            .misbehaveFor("own.test", TestDnsServer.Misbehaviour.SERVFAIL)
            .resolver("127.0.8.1"));

    private static List<Finding> check(CheckSetup setup, String domain) {
        return new SpfCheck().run(setup.withIp("192.0.2.1").context(domain)).findings();
    }

    @Test
    void aResolverThatAnswersNothingLeavesTheSpfNotCheckedWithoutAdviceToAuthorize() {
        // nothing listens at this address: every question, the root zone's NS too, goes unanswered
        CheckSetup dead = CheckSetup.of("127.0.8.99:" + DNS.port(), DNS.port()).withTimeout(Duration.ofMillis(500));
        List<Finding> f = check(dead, "spf.test");
        Finding result = single(f, "SPF_RESULT", Severity.WARNING);
        assertEquals(Actor.LOCAL_NETWORK, result.actor());
        assertTrue(NotChecked.is(result), "a check this computer's network kept from being made");
        // why the resolver is at fault, once (what the question met depends on the platform: no answer, or ICMP)
        assertTrue(result.message().matches("No SPF result for 192\\.0\\.2\\.1 sending as spf\\.test: the resolver"
                + " asked \\(127\\.0\\.8\\.99:" + DNS.port() + "\\) does not work \\([^;()]*(\\([^()]*\\))?; it did not"
                + " answer \\. NS either, so it answers no question\\), so the failed lookup \\(DNS TIMEOUT for TXT"
                + " spf\\.test\\) says nothing about the SPF of spf\\.test"), result.message());
        // the evidence: the question and its outcome, without the reason again
        assertTrue(result.evidence().stream().noneMatch(l -> l.contains(". NS")), result.evidence().toString());
        assertTrue(result.evidence().stream().anyMatch(l -> l.startsWith(";; spf.test TXT @127.0.8.99:" + DNS.port()
                + " -> TIMEOUT")), result.evidence().toString());
        assertEquals(LookupFindings.BROKEN_RESOLVER_REMEDIATION, result.remediation());
        assertFalse(result.remediation().contains("Authorize"), result.remediation());
        // nothing about the domain: no failing message is linked to it
        assertEquals(java.util.Set.of(), FindingCauses.categories(result, Role.SENDER));
        // the walk's own failure is the resolver's too, so the whole SPF check says nothing about spf.test
        assertTrue(f.stream().filter(x -> x.severity() != Severity.OK && x.severity() != Severity.INFO)
                .allMatch(NotChecked::is), f.toString());
        assertTrue(result.message(Locale.of("sv")).startsWith("Inget SPF-resultat för 192.0.2.1 som skickar som"
                + " spf.test: den tillfrågade resolvern"), result.message(Locale.of("sv")));
    }

    @Test
    void aServfailForTheDomainsOwnRecordIsOurAdminsWithoutAdviceToAuthorize() {
        List<Finding> f = check(DNS.setup(), "own.test");
        Finding result = single(f, "SPF_RESULT", Severity.WARNING);
        assertEquals(Actor.SENDER_ADMIN, result.actor());
        assertFalse(NotChecked.is(result));
        assertTrue(result.message().startsWith("SPF result for 192.0.2.1 sending as own.test: temperror (DNS SERVFAIL"
                + " for TXT own.test"), result.message());
        assertTrue(result.remediation().startsWith("There is nothing to authorize: the DNS lookup of own.test failed,"
                + " so no SPF result for 192.0.2.1 could be computed. Check the DNS servers of own.test"),
                result.remediation());
        assertFalse(result.remediation().contains("Authorize"), result.remediation());
        assertTrue(result.remediation(Locale.of("sv")).startsWith("Det finns inget att godkänna: DNS-uppslagningen"
                + " av own.test misslyckades"), result.remediation(Locale.of("sv")));
        // receivers meet the same failure and give temperror: it may explain authentication failures
        assertTrue(FindingCauses.categories(result, Role.SENDER).contains(Category.AUTHENTICATION));
    }

    @Test
    void aServfailInAnIncludeNamesTheIncludedName() {
        Finding result = single(check(DNS.setup(), "spf.test"), "SPF_RESULT", Severity.WARNING);
        assertEquals(Actor.SENDER_ADMIN, result.actor());
        assertTrue(result.message().contains(": temperror (DNS SERVFAIL for TXT _spf.flaky.test"), result.message());
        assertTrue(result.remediation().startsWith("There is nothing to authorize: the DNS lookup of _spf.flaky.test"
                + " failed"), result.remediation());
    }
}
