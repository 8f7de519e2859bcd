package org.mailpath.engine.nameserver;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.testing.fakedns.Findings.absent;
import static org.mailpath.testing.fakedns.Findings.single;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailpath.engine.edns.ScriptedDnsServer;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.testing.dns.LoopbackDns;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * The addresses of NS names, from one scripted loopback server that is both the resolver and the zone's
 * authoritative server (127.0.8.31): the address question of ns2 fails.
 */
class NameServerAddressTest {

    @RegisterExtension
    static final LoopbackDns DNS = LoopbackDns.scripted("127.0.8.31", NameServerAddressTest::answer);

    private static Message answer(Message q, boolean tcp) {
        String name = q.getQuestion().getName().toString();
        int type = q.getQuestion().getType();
        if (name.equals("nsfail.test.") && type == Type.NS) {
            return ScriptedDnsServer.answer(q, "nsfail.test. NS ns1.nsfail.test.", "nsfail.test. NS ns2.nsfail.test.",
                    "nsfail.test. NS ns3.nsfail.test.");
        }
        if (name.equals("nsfail.test.") && type == Type.SOA) {
            Message r = ScriptedDnsServer.answer(q, "nsfail.test. SOA ns1.nsfail.test. h.nsfail.test. 1 2 3 4 5");
            r.getHeader().setFlag(Flags.AA);
            return r;
        }
        if (name.equals("ns1.nsfail.test.") && type == Type.A) {
            return ScriptedDnsServer.answer(q, "ns1.nsfail.test. A 127.0.8.31");
        }
        if (name.equals("ns2.nsfail.test.") && type == Type.A) {
            return ScriptedDnsServer.reply(q, Rcode.SERVFAIL);
        }
        if (name.equals("ns3.nsfail.test.")) {
            return ScriptedDnsServer.reply(q, Rcode.NXDOMAIN);
        }
        return ScriptedDnsServer.reply(q, Rcode.NOERROR);
    }

    @Test
    void aFailedAddressQuestionIsNotNoAddress() {
        List<Finding> f = new NameServerCheck().run(DNS.context("nsfail.test")).findings();
        Finding failed = single(f, "DNS_LOOKUP_FAILED", Severity.WARNING);
        assertTrue(failed.subject().equals("ns2.nsfail.test") && failed.message().contains("SERVFAIL"),
                failed.toString());
        // ns3 really has no address: that one is said
        assertTrue(single(f, "NS_NO_ADDRESS").subject().equals("ns3.nsfail.test"), f.toString());
        absent(f, "NS_LAME");
    }
}
