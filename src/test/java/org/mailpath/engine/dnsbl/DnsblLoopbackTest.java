package org.mailpath.engine.dnsbl;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.testing.fakedns.Findings.single;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.check.CheckContext;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.edns.ScriptedDnsServer;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.testing.dns.CheckContexts;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/** Blocklist lookups through a scripted resolver on loopback. */
class DnsblLoopbackTest {

    private static ScriptedDnsServer resolver;

    @BeforeAll
    static void start() throws Exception {
        resolver = new ScriptedDnsServer("127.0.8.41", 0, DnsblLoopbackTest::answer);
    }

    @AfterAll
    static void stop() {
        resolver.close();
    }

    /** example.test's MX host has an IPv4 address question that fails; bl.test is a working, empty list. */
    private static Message answer(Message q, boolean tcp) {
        String name = q.getQuestion().getName().toString();
        int type = q.getQuestion().getType();
        if (name.equals("example.test.") && type == Type.MX) {
            return ScriptedDnsServer.answer(q, "example.test. MX 10 mx.example.test.");
        }
        if (name.equals("mx.example.test.") && type == Type.A) {
            return ScriptedDnsServer.reply(q, Rcode.SERVFAIL);
        }
        if (name.equals("2.0.0.127.bl.test.") && type == Type.A) {
            return ScriptedDnsServer.answer(q, "2.0.0.127.bl.test. A 127.0.0.2");
        }
        return ScriptedDnsServer.reply(q, name.endsWith("bl.test.") ? Rcode.NXDOMAIN : Rcode.NOERROR);
    }

    @Test
    void anMxAddressThatCouldNotBeReadIsSaid() {
        CheckOptions options = new CheckOptions(List.of(resolver.spec()), resolver.port(), Duration.ofSeconds(5),
                Optional.of("192.0.2.25"), List.of(), List.of("bl.test"));
        List<Finding> f = new DnsblCheck().run(CheckContexts.of("example.test", options)).findings();
        Finding failed = single(f, "DNS_LOOKUP_FAILED", Severity.WARNING);
        assertTrue(failed.message().contains("A addresses of MX mx.example.test were not looked up in blocklists"),
                failed.message());
        single(f, "DNSBL_NOT_LISTED");
    }
}
