package org.mailpath.engine.dnsbl;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.testing.fakedns.Findings.single;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailpath.engine.edns.ScriptedDnsServer;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.testing.dns.LoopbackDns;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/** Blocklist lookups through a scripted resolver on loopback. */
class DnsblLoopbackTest {

    @RegisterExtension
    static final LoopbackDns DNS = LoopbackDns.scripted("127.0.8.41", DnsblLoopbackTest::answer);

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
        List<Finding> f = new DnsblCheck().run(DNS.setup().withIp("192.0.2.25").withBlocklists("bl.test")
                .context("example.test")).findings();
        Finding failed = single(f, "DNS_LOOKUP_FAILED", Severity.WARNING);
        assertTrue(failed.message().contains("A addresses of MX mx.example.test were not looked up in blocklists"),
                failed.message());
        single(f, "DNSBL_NOT_LISTED");
    }
}
