package org.mailpath.engine.edns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.testing.dns.TestDnsServer.Misbehaviour.*;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.testing.dns.LoopbackDns;
import org.mailpath.testing.dns.TestDnsNetwork;
import org.mailpath.testing.dns.TestDnsServer;
import org.xbill.DNS.Name;

/** Every ISC label the probe can give, against the test server's switchable misbehaviour. */
class EdnsProbeTest {

    @RegisterExtension
    static final LoopbackDns DNS = LoopbackDns.network();

    /** Runs all tests against the EDNS server; the timeout only matters for servers that never answer. */
    private static Map<String, String> run(Duration timeout, TestDnsServer.Misbehaviour... how) throws Exception {
        DNS.behave(TestDnsNetwork.EDNS_SERVER, how);
        InetSocketAddress server = new InetSocketAddress(InetAddress.getByName(TestDnsNetwork.EDNS_SERVER), DNS.port());
        Map<String, String> labels = new LinkedHashMap<>();
        for (EdnsTest t : EdnsTest.ALL) {
            labels.put(t.name(), EdnsProbe.run(t, Name.fromString("edns.test."), server, timeout,
                    Cancellation.none()).label());
        }
        return labels;
    }

    private static Map<String, String> run(TestDnsServer.Misbehaviour... how) throws Exception {
        return run(Duration.ofSeconds(5), how);
    }

    private static Map<String, String> expect(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (EdnsTest t : EdnsTest.ALL) {
            m.put(t.name(), "ok");
        }
        m.put("optlist", "ok,cookie"); // the test server answers cookies (informational tag)
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Test
    void thePlainTestsLabelTellsALameServer() {
        // what NS_LAME judges on the same SOA question: an rcode, no AA, no SOA
        for (String lame : java.util.List.of("refused", "servfail", "notauth", "nxdomain", "rcode15", "noaa",
                "nosoa", "refused,opt")) {
            assertTrue(EdnsProbe.lame(lame), lame);
        }
        // no answer, or an answer that serves the zone, is not lameness
        for (String other : java.util.List.of("ok", "ok,nsid", "timeout", "failed", "connection-refused", "reset",
                "eof", "mismatch", "malformed", "opt", "")) {
            org.junit.jupiter.api.Assertions.assertFalse(EdnsProbe.lame(other), other);
        }
    }

    @Test
    void aLabelWithoutAnyReplyTellsAnUnreachableServer() {
        for (String none : java.util.List.of("timeout", "connection-refused", "failed")) {
            assertTrue(EdnsProbe.noReply(none), none);
        }
        // something answered, or at least took the connection
        for (String some : java.util.List.of("ok", "noopt", "refused", "servfail", "reset", "eof", "malformed",
                "mismatch", "skipped", "")) {
            org.junit.jupiter.api.Assertions.assertFalse(EdnsProbe.noReply(some), some);
        }
    }

    @Test
    void compliantServerPassesEverything() throws Exception {
        Map<String, String> r = run();
        assertEquals(expect(), r);
        assertEquals(FlagDay.OK, FlagDay.verdict(r));
    }

    @Test
    void firewallDroppingEdnsIsDead() throws Exception {
        Map<String, String> r = run(Duration.ofMillis(300), DROP_EDNS);
        assertEquals(expect("edns", "timeout", "edns1", "timeout", "edns@512", "timeout", "ednsopt", "timeout",
                "edns1opt", "timeout", "do", "timeout", "ednsflags", "timeout", "optlist", "timeout",
                "ednstcp", "timeout", "edns@1232", "timeout"), r);
        assertEquals(FlagDay.DEAD, FlagDay.verdict(r));
    }

    @Test
    void formerrOnOptionsIsCompatible() throws Exception {
        Map<String, String> r = run(FORMERR_ON_OPTION);
        assertEquals(expect("ednsopt", "formerr,noopt", "edns1opt", "formerr,noopt", "optlist", "formerr,noopt"), r);
        assertEquals(FlagDay.COMPATIBLE, FlagDay.verdict(r));
    }

    @Test
    void serverWithoutEdnsGivesNoopt() throws Exception {
        Map<String, String> r = run(IGNORE_EDNS);
        assertEquals(expect("edns", "noopt", "edns1", "noerror,noopt,soa", "edns@512", "noopt",
                "ednsopt", "noopt", "edns1opt", "noerror,noopt,soa", "do", "noopt", "ednsflags", "noopt",
                "optlist", "noopt", "ednstcp", "noopt", "edns@1232", "noopt"), r);
        assertEquals(FlagDay.COMPATIBLE, FlagDay.verdict(r));
    }

    @Test
    void echoedOptionsAndUnknownFlagsAreFlagged() throws Exception {
        assertEquals(expect("ednsopt", "echoed", "edns1opt", "echoed", "optlist", "ok,cookie,subnet"),
                run(ECHO_OPTIONS));
        Map<String, String> mbz = run(UNKNOWN_FLAGS);
        assertEquals("mbz", mbz.get("ednsflags"));
        assertEquals("mbz", mbz.get("edns"));
        assertEquals("ok", mbz.get("dns"));
        assertEquals(FlagDay.COMPATIBLE, FlagDay.verdict(mbz));
    }

    private static java.util.List<String> evidence(String test, TestDnsServer.Misbehaviour... how) throws Exception {
        DNS.behave(TestDnsNetwork.EDNS_SERVER, how);
        InetSocketAddress server = new InetSocketAddress(InetAddress.getByName(TestDnsNetwork.EDNS_SERVER), DNS.port());
        EdnsTest t = EdnsTest.ALL.stream().filter(x -> x.name().equals(test)).findFirst().orElseThrow();
        return EdnsProbe.run(t, Name.fromString("edns.test."), server, Duration.ofSeconds(5), Cancellation.none())
                .evidence();
    }

    @Test
    void evidenceShowsTheQuestionAsSentAndTheOptOfTheReply() throws Exception {
        java.util.List<String> echoed = evidence("ednsopt", ECHO_OPTIONS);
        assertTrue(echoed.getFirst().startsWith(";; ednsopt: edns.test. SOA (EDNS version 0, udp 4096, flags none,"
                + " options {CODE100: <>}) @127.0.1.10:"), echoed.toString());
        assertEquals(";; OPT in reply: EDNS version 0, udp 1232, flags none, options {CODE100: <>}", echoed.get(1));
        java.util.List<String> flags = evidence("ednsflags", UNKNOWN_FLAGS);
        assertTrue(flags.getFirst().contains("(EDNS version 0, udp 4096, flags 0x0080, options none)"),
                flags.toString());
        assertEquals(";; OPT in reply: EDNS version 0, udp 1232, flags 0x00c0, options none", flags.get(1));
        java.util.List<String> plain = evidence("dns");
        assertTrue(plain.getFirst().startsWith(";; dns: edns.test. SOA (no EDNS) @"), plain.toString());
        assertTrue(evidence("edns1").getFirst().contains("(EDNS version 1, udp 4096"));
    }

    @Test
    void wrongBadversIsBadversion() throws Exception {
        Map<String, String> r = run(WRONG_BADVERS);
        assertEquals(expect("edns1", "noerror,badversion,soa", "edns1opt", "noerror,badversion,soa"), r);
    }

    @Test
    void noTcpIsDeadSince2020() throws Exception {
        Map<String, String> r = run(NO_TCP);
        assertEquals(expect("ednstcp", "connection-refused", "tcp", "connection-refused"), r);
        assertEquals(FlagDay.DEAD, FlagDay.verdict(r));
    }

    @Test
    void oversizedUdpAnswersAreTooBig() throws Exception {
        Map<String, String> r = run(OVERSIZED_UDP);
        assertEquals(expect("edns@512", "toobig", "edns@1232", "toobig"), r);
        assertEquals(FlagDay.COMPATIBLE, FlagDay.verdict(r));
    }

    @Test
    void silentServerTimesOutEverywhere() throws Exception {
        Map<String, String> r = run(Duration.ofMillis(300), SILENT);
        r.values().forEach(v -> assertEquals("timeout", v));
        assertEquals(FlagDay.DEAD, FlagDay.verdict(r));
    }

    @Test
    void badcookieIsRetriedWithTheServerCookie() throws Exception {
        assertEquals(expect(), run(REQUIRE_COOKIE));
    }

    @Test
    void servfailAndRefusedAreRcodeLabels() throws Exception {
        Map<String, String> r = run(SERVFAIL);
        assertEquals("servfail", r.get("dns"));
        assertEquals("ok", r.get("edns1"), "BADVERS comes before the failure, as with Knot");
        assertEquals(FlagDay.DEAD, FlagDay.verdict(r));
        assertEquals("malformed", run(MALFORMED).get("dns"));
    }
}
