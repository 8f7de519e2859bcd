package org.mailpath.engine.mx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.testing.fakedns.Findings.absent;
import static org.mailpath.testing.fakedns.Findings.single;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailpath.engine.edns.ScriptedDnsServer;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.testing.dns.LoopbackDns;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/** MX cases whose answers depend on the query type, from a scripted resolver on loopback. */
class MxCheckLoopbackTest {

    @RegisterExtension
    static final LoopbackDns DNS = LoopbackDns.scripted("127.0.8.11", MxCheckLoopbackTest::answer);

    /** No MX anywhere; the A question of servfail.test fails, that of silent.test is never answered. */
    private static Message answer(Message q, boolean tcp) {
        String name = q.getQuestion().getName().toString();
        int type = q.getQuestion().getType();
        if (name.equals("typo.test.") && type == Type.MX) {
            return ScriptedDnsServer.answer(q, "typo.test. MX 10 192.0.2.1.typo.test.");
        }
        if (name.equals("192.0.2.1.typo.test.")) {
            return ScriptedDnsServer.reply(q, Rcode.NXDOMAIN);
        }
        if (name.equals("priv6.test.") && type == Type.MX) {
            return ScriptedDnsServer.answer(q, "priv6.test. MX 10 mx.priv6.test.");
        }
        if (type == Type.MX) {
            return ScriptedDnsServer.reply(q, Rcode.NOERROR);
        }
        if (type == Type.AAAA && name.equals("impl6.test.")) {
            return ScriptedDnsServer.answer(q, "impl6.test. AAAA fd00:0:0::25", "impl6.test. AAAA 2001:db8::25");
        }
        if (type == Type.AAAA && name.equals("mx.priv6.test.")) {
            return ScriptedDnsServer.answer(q, "mx.priv6.test. AAAA fd00::25");
        }
        return switch (name) {
            case "servfail.test." -> type == Type.A ? ScriptedDnsServer.reply(q, Rcode.SERVFAIL)
                    : ScriptedDnsServer.reply(q, Rcode.NOERROR);
            case "silent.test." -> type == Type.A ? null : ScriptedDnsServer.reply(q, Rcode.NOERROR);
            default -> ScriptedDnsServer.reply(q, Rcode.NOERROR);
        };
    }

    private static List<Finding> check(String domain) {
        return new MxCheck().run(DNS.setup().withTimeout(Duration.ofMillis(500)).context(domain)).findings();
    }

    @Test
    void implicitMxWhoseAddressLookupFailsIsNotMxNone() {
        List<Finding> f = check("servfail.test");
        absent(f, "MX_NONE");
        assertTrue(single(f, "DNS_LOOKUP_FAILED", Severity.ERROR).message().contains("SERVFAIL"), f.toString());
    }

    @Test
    void implicitMxWhoseAddressLookupTimesOutIsNotMxNone() {
        List<Finding> f = check("silent.test");
        absent(f, "MX_NONE");
        single(f, "DNS_TIMEOUT");
    }

    @Test
    void ipv6AddressesAreShownInTheirShortForm() {
        List<Finding> implicit = check("impl6.test");
        String message = single(implicit, "MX_MISSING_IMPLICIT").message();
        assertTrue(message.contains("fd00::25, 2001:db8::25."), message);
        assertTrue(single(implicit, "MX_PRIVATE_ADDRESS").message().endsWith(": fd00::25."), implicit.toString());
        String target = single(check("priv6.test"), "MX_PRIVATE_ADDRESS").message();
        assertTrue(target.contains("resolves to fd00::25,"), target);
    }

    @Test
    void anIpAddressWithTheZoneAppendedIsAnIpLiteral() {
        List<Finding> f = check("typo.test");
        absent(f, "MX_NO_ADDRESS");
        Finding literal = single(f, "MX_IP_LITERAL", Severity.ERROR);
        assertTrue(literal.message().contains("looks like the IP address 192.0.2.1 with the zone's name appended"),
                literal.message());
    }

    @Test
    void aDomainWithoutAnyAddressIsStillMxNone() {
        single(check("nothing.test"), "MX_NONE", Severity.ERROR);
    }

    @Test
    void findingsAreWordedInSwedishFromTheBundle() {
        Locale swedish = Locale.of("sv");
        Finding literal = single(check("typo.test"), "MX_IP_LITERAL", Severity.ERROR);
        assertEquals("MX-målet 192.0.2.1.typo.test ser ut som IP-adressen 192.0.2.1 med zonens namn tillagt (skriven"
                + " utan avslutande punkt); det har ingen A- eller AAAA-post, så ingen e-post kan levereras dit.",
                literal.message(swedish));
        assertEquals("Låt MX-posten peka på värdnamnet för e-postservern på 192.0.2.1 (en MX-post kan inte innehålla"
                + " en IP-adress).", literal.remediation(swedish));
        Finding none = single(check("nothing.test"), "MX_NONE", Severity.ERROR);
        assertEquals("nothing.test har varken MX- eller A/AAAA-poster: det finns ingenstans att leverera dess e-post.",
                none.message(swedish));
        assertEquals("Publish MX records for nothing.test.", none.remediation());
        assertEquals("Publicera MX-poster för nothing.test.", none.remediation(swedish));
    }
}
