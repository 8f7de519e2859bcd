package org.mailpath.engine.edns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.check.CheckOutcome;
import org.mailpath.engine.check.NameServerResult;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.NotChecked;
import org.mailpath.engine.finding.Severity;
import org.mailpath.testing.dns.CheckSetup;
import org.mailpath.testing.dns.TestDnsServer;

/** The EDNS check over every address of every name server, IPv6 included. */
class EdnsCheckTest {

    @Test
    void everyAddressIsTestedIncludingIpv6() throws Exception {
        try (TestDnsServer dns = TestDnsServer.builder()
                .zone("six.test", """
                        @   SOA ns1.six.test. h.six.test. 1 3600 600 86400 300
                        @   NS  ns1.six.test.
                        @   NS  ns2.six.test.
                        ns1 A    127.0.9.41
                        ns1 AAAA ::1
                        ns2 A    127.0.9.42
                        """)
                .resolver("127.0.9.40")
                .authoritative("127.0.9.41", "six.test")
                .authoritative("::1", "six.test")
                .authoritative("127.0.9.42", "six.test")
                .start()) {
            dns.behave("127.0.9.42", TestDnsServer.Misbehaviour.IGNORE_EDNS);
            CheckOutcome out = new EdnsCheck().run(CheckSetup.of(dns).context("six.test"));
            Map<String, String> verdicts = out.nameServers().stream()
                    .collect(Collectors.toMap(NameServerResult::address, NameServerResult::verdict));
            assertEquals(Map.of("127.0.9.41", "ok", "::1", "ok", "127.0.9.42", "compatible"), verdicts);
            List<Finding> nonCompliant = out.findings().stream()
                    .filter(f -> f.code().equals("EDNS_NONCOMPLIANT")).toList();
            assertEquals(1, nonCompliant.size(), out.findings().toString());
            assertEquals("ns2.six.test (127.0.9.42)", nonCompliant.getFirst().subject());
            assertTrue(nonCompliant.getFirst().evidence().stream().anyMatch(l -> l.startsWith(";; edns: six.test. SOA"
                    + " (EDNS version 0, udp 4096, flags none, options none) @127.0.9.42:") && l.contains("no EDNS")),
                    nonCompliant.getFirst().evidence().toString());
        }
    }

    @Test
    void testsDroppedFromTheBurstByARateLimiterAreAskedAgainAloneAndPass() throws Exception {
        try (TestDnsServer dns = zoneWithOneServer()) {
            dns.behave("127.0.9.51", TestDnsServer.Misbehaviour.RATE_LIMITED);
            CheckOutcome out = check(dns);
            assertEquals("ok", out.nameServers().getFirst().verdict(), out.nameServers().toString());
            assertTrue(out.nameServers().getFirst().tests().values().stream().noneMatch("timeout"::equals));
            assertEquals(List.of("EDNS_RATE_LIMITED", "EDNS_OK"), out.findings().stream().map(Finding::code).toList());
            Finding limited = out.findings().getFirst();
            assertEquals("The name server ns1.rrl.test (127.0.9.51) did not answer "
                    + TestDnsServer.Misbehaviour.RATE_LIMITED_DROPS + " of the 12 compliance questions sent together,"
                    + " but answered them when asked one at a time: it probably limits its response rate (RRL). The"
                    + " test results use the answers to the questions asked alone.", limited.message());
            assertEquals(TestDnsServer.Misbehaviour.RATE_LIMITED_DROPS, reasked(limited));
            assertEquals("Namnservern ns1.rrl.test (127.0.9.51) besvarade inte "
                    + TestDnsServer.Misbehaviour.RATE_LIMITED_DROPS + " av de 12 kompatibilitetsfrågorna som skickades"
                    + " samtidigt, men besvarade dem när de ställdes en i taget: den begränsar troligen sin"
                    + " svarsfrekvens (RRL). Testresultaten bygger på svaren på frågorna som ställdes en i taget.",
                    limited.message(Locale.of("sv")));
            assertEquals("Alla namnservrar för rrl.test klarar EDNS-kompatibilitetstesterna.",
                    out.findings().getLast().message(Locale.of("sv")));
        }
    }

    @Test
    void aServerThatReallyDropsEdnsIsAskedAgainOnlyTwiceAndStillFails() throws Exception {
        try (TestDnsServer dns = zoneWithOneServer()) {
            dns.behave("127.0.9.51", TestDnsServer.Misbehaviour.DROP_EDNS);
            CheckOutcome out = check(dns);
            assertEquals("dead", out.nameServers().getFirst().verdict());
            Finding dead = out.findings().stream().filter(f -> f.code().equals("EDNS_DEAD")).findFirst().orElseThrow();
            // it answers plain DNS, so the EDNS timeouts are its own problem (DNS Flag Day), not an unreachable server
            assertEquals(Severity.ERROR, dead.severity());
            assertEquals("ok", out.nameServers().getFirst().tests().get("dns"));
            assertEquals(2, reasked(dead), "edns and edns1 asked again, then no more");
            // the failed tests are the tester's identifiers, the same in every language
            String swedish = dead.message(Locale.of("sv"));
            assertTrue(swedish.startsWith("Namnservern ns1.rrl.test (127.0.9.51) fallerar DNS Flag Day-testerna på"
                    + " ett sätt som gör att resolvrar behandlar den som död (") && swedish.contains(" edns1=timeout")
                    && swedish.endsWith("): uppslagningar av domänen kan ta för lång tid eller misslyckas."), swedish);
            assertTrue(dead.remediation(Locale.of("sv")).startsWith("Uppdatera namnserverprogramvaran"),
                    dead.remediation(Locale.of("sv")));
            assertTrue(out.findings().stream().noneMatch(f -> f.code().equals("EDNS_RATE_LIMITED")));
        }
    }

    @Test
    void aSilentServerIsAskedAgainOnlyThePlainQuestion() throws Exception {
        try (TestDnsServer dns = zoneWithOneServer()) {
            dns.behave("127.0.9.51", TestDnsServer.Misbehaviour.SILENT);
            CheckOutcome out = check(dns);
            assertEquals("dead", out.nameServers().getFirst().verdict());
            Finding dead = out.findings().stream().filter(f -> f.code().equals("EDNS_DEAD")).findFirst().orElseThrow();
            // no test got an answer, plain DNS included: the name-server check's NS_UNREACHABLE is the error
            assertEquals(Severity.INFO, dead.severity());
            assertTrue(dead.message().contains("(dns=timeout): that it cannot be reached, reported as NS_UNREACHABLE"),
                    dead.message());
            assertTrue(dead.evidence().getFirst().startsWith(";; ns1.rrl.test (127.0.9.51): dns=timeout edns=timeout"),
                    dead.evidence().toString());
            assertTrue(out.findings().stream().noneMatch(f -> f.code().equals("EDNS_OK")), out.findings().toString());
            assertEquals(1, reasked(dead));
            assertTrue(dead.evidence().stream().anyMatch(l -> l.startsWith(";; no answer when sent with the other"
                    + " tests; asked again alone 200 ms later:")), dead.evidence().toString());
        }
    }

    private static TestDnsServer zoneWithOneServer() throws Exception {
        return TestDnsServer.builder()
                .zone("rrl.test", """
                        @   SOA ns1.rrl.test. h.rrl.test. 1 3600 600 86400 300
                        @   NS  ns1.rrl.test.
                        ns1 A   127.0.9.51
                        """)
                .resolver("127.0.9.50")
                .authoritative("127.0.9.51", "rrl.test")
                .start();
    }

    /** Each server's tests with a 600 ms timeout, so tests asked again wait 200 ms. */
    private static CheckOutcome check(TestDnsServer dns) {
        return new EdnsCheck().run(CheckSetup.of(dns).withTimeout(Duration.ofMillis(600)).context("rrl.test"));
    }

    private static long reasked(Finding finding) {
        return finding.evidence().stream().filter(l -> l.startsWith(AskedAlone.MARK)).count();
    }
    /**
     * No name server could be looked up, so none was tested: that is no pass. A resolver cut off from the internet
     * (it answers the root's NS, fails everything in test) makes the check not checked; a domain whose own servers
     * fail keeps the failed lookup as its problem.
     */
    @Test
    void nameServersThatCouldNotBeLookedUpAreNoPass() throws Exception {
        String zone = "@ SOA ns1.x.test. h.x.test. 1 3600 600 86400 300\n@ NS ns1.x.test.\n";
        try (TestDnsServer dns = TestDnsServer.builder()
                .zone("cut.test", zone)
                .misbehaveFor("test", TestDnsServer.Misbehaviour.SERVFAIL)
                .resolver("127.0.9.60")
                .start()) {
            CheckOutcome out = new EdnsCheck().run(CheckSetup.of(dns).context("cut.test"));
            assertTrue(out.nameServers().isEmpty(), out.nameServers().toString());
            assertFalse(out.findings().isEmpty(), "no server tested is no pass");
            assertTrue(out.findings().stream().allMatch(NotChecked::is), out.findings().toString());
            assertTrue(out.findings().stream().noneMatch(f -> f.code().equals("EDNS_OK")), out.findings().toString());
        }
        try (TestDnsServer dns = TestDnsServer.builder()
                .zone("fine.test", zone)
                .zone("broken.test", zone)
                .misbehaveFor("broken.test", TestDnsServer.Misbehaviour.SERVFAIL)
                .resolver("127.0.9.60")
                .start()) {
            CheckOutcome out = new EdnsCheck().run(CheckSetup.of(dns).context("broken.test"));
            assertEquals(List.of("DNS_LOOKUP_FAILED"), out.findings().stream().map(Finding::code).toList());
            Finding failed = out.findings().getFirst();
            assertEquals(Severity.ERROR, failed.severity());
            assertEquals(Actor.RECIPIENT_MAIL_TEAM, failed.actor());
            assertFalse(NotChecked.is(failed));
        }
    }
}
