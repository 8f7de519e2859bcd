package org.mailpath.engine.nameserver;

import static org.mailpath.testing.fakedns.Findings.absent;

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
        net = TestDnsNetwork.start();
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
    void aTruncatedUdpAnswerIsNotALameDelegation() {
        // TC on every UDP answer (as response-rate limiting does); the same question over TCP is answered
        net.server().behave(TestDnsNetwork.EDNS_SERVER, TestDnsServer.Misbehaviour.ALWAYS_TRUNCATE);
        List<Finding> f = check("edns.test");
        absent(f, "NS_LAME");
        absent(f, "NS_UNREACHABLE");
        absent(f, "NS_NO_TCP");
    }
}
