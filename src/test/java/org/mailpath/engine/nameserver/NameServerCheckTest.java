package org.mailpath.engine.nameserver;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.testing.fakedns.Findings.absent;
import static org.mailpath.testing.fakedns.Findings.single;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.check.CheckContext;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.finding.Finding;
import org.mailpath.testing.dns.TestDnsNetwork;
import org.mailpath.testing.dns.TestDnsServer;

/** The name-server check against the loopback test DNS network. */
class NameServerCheckTest {

    private static TestDnsNetwork net;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @BeforeAll
    static void start() throws Exception {
        net = TestDnsNetwork.start(b -> b
                .zone("alias.test", """
                        @   SOA ns.alias.test. h.alias.test. 1 3600 600 86400 300
                        @   NS  ns.alias.test.
                        ns  A   127.0.1.30
                        www CNAME good.test.
                        """)
                .authoritative("127.0.1.30", "alias.test"));
    }

    @AfterAll
    static void stop() {
        net.close();
    }

    @AfterEach
    void behave() {
        net.server().behave(TestDnsNetwork.EDNS_SERVER);
    }

    static List<Finding> check(String domain) {
        CheckOptions options = net.options(TIMEOUT);
        return new NameServerCheck().run(new CheckContext(domain, options, net.lookup(TIMEOUT), Cancellation.none()))
                .findings();
    }

    @Test
    void aDomainThatIsACnameIsCheckedInTheZoneHoldingIt() {
        // www.alias.test CNAME good.test: the NS set the resolver returns is good.test's, whose servers do not
        // serve www.alias.test; the zone to test is alias.test
        List<Finding> f = check("www.alias.test");
        absent(f, "NS_LAME");
        Finding ok = single(f, "NS_OK");
        assertTrue(ok.message().startsWith("The zone alias.test is served by ns.alias.test;"), ok.message());
    }

    @Test
    void aTruncatedUdpAnswerIsNotALameDelegation() {
        // TC on every UDP answer (as response-rate limiting does); the same question over TCP is answered
        net.server().behave(TestDnsNetwork.EDNS_SERVER, TestDnsServer.Misbehaviour.ALWAYS_TRUNCATE);
        List<Finding> f = check("edns.test");
        absent(f, "NS_LAME");
        absent(f, "NS_UNREACHABLE");
        absent(f, "NS_NO_TCP");
    }
}
