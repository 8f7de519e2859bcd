package org.mailpath.engine.edns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.common.Cancellation;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.Flags;
import org.xbill.DNS.GenericEDNSOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;

/** DNS cookies (RFC 7873, RFC 9018) in the optlist probe, against scripted loopback servers. */
class EdnsCookieTest {

    private static final byte[] SERVER_PART = {9, 9, 9, 9, 9, 9, 9, 9};

    /** A compliant SOA answer whose COOKIE option carries {@code client} + a server cookie. */
    private static Message answer(Message q, byte[] client, int rcode) {
        Message r = ScriptedDnsServer.answer(q, "cookie.test. SOA ns.cookie.test. h.cookie.test. 1 3600 600 86400 300");
        r.getHeader().setFlag(Flags.AA);
        byte[] data = Arrays.copyOf(client, 16);
        System.arraycopy(SERVER_PART, 0, data, 8, 8);
        List<EDNSOption> options = List.of(new GenericEDNSOption(EdnsTest.COOKIE, data));
        if (rcode == 23) {
            r.removeAllRecords(Section.ANSWER);
        }
        r.getHeader().setRcode(rcode & 0xf);
        r.addRecord(new OPTRecord(1232, rcode >>> 4, 0, 0, options), Section.ADDITIONAL);
        return r;
    }

    private static String optlist(ScriptedDnsServer server) throws Exception {
        EdnsTest optlist = EdnsTest.ALL.stream().filter(t -> t.name().equals("optlist")).findFirst().orElseThrow();
        return EdnsProbe.run(optlist, Name.fromString("cookie.test."), new InetSocketAddress("127.0.8.21",
                server.port()), Duration.ofSeconds(5), Cancellation.none()).label();
    }

    @Test
    void ourClientCookieEchoedIsOk() throws Exception {
        try (ScriptedDnsServer s = new ScriptedDnsServer("127.0.8.21", 0,
                (q, tcp) -> answer(q, EdnsTest.CLIENT_COOKIE, Rcode.NOERROR))) {
            assertEquals("ok,cookie", optlist(s));
        }
    }

    @Test
    void anotherClientCookieMakesResolversDiscardTheReply() throws Exception {
        byte[] wrong = {8, 7, 6, 5, 4, 3, 2, 1};
        try (ScriptedDnsServer s = new ScriptedDnsServer("127.0.8.21", 0,
                (q, tcp) -> answer(q, wrong, Rcode.NOERROR))) {
            assertEquals("cookie-mismatch", optlist(s));
        }
    }

    @Test
    void badcookieWithAnotherClientCookieIsNotRetried() throws Exception {
        byte[] wrong = {8, 7, 6, 5, 4, 3, 2, 1};
        AtomicInteger queries = new AtomicInteger();
        try (ScriptedDnsServer s = new ScriptedDnsServer("127.0.8.21", 0, (q, tcp) -> {
            queries.incrementAndGet();
            return answer(q, wrong, 23);
        })) {
            assertEquals("cookie-mismatch+badcookie", optlist(s));
            assertEquals(1, queries.get());
        }
    }
}
