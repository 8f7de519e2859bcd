package org.mailpath.engine.edns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/**
 * Labels and verdicts checked against the outside sources they copy: ISC's genreport.c (DNS Compliance Testing,
 * github.com/damaestro/DNS-Compliance-Testing mirror of ISC's tool: process(), rcodetext(), opcodetext()) and
 * dnsflagday.net's evaluators (github.com/dns-violations/dnsflagday, js/domain-checker.js eval_edns_strict and
 * js/tcp-checker.js eval_tcp_strict). Scripted loopback servers give the replies.
 */
class GenreportLabelsTest {

    private static final String ADDRESS = "127.0.8.22";
    private static final String SOA = "labels.test. SOA ns.labels.test. h.labels.test. 1 3600 600 86400 300";
    private static final byte[] SERVER_PART = {9, 9, 9, 9, 9, 9, 9, 9};

    /** An authoritative SOA answer with an OPT record carrying {@code options} when the query had one. */
    private static Message soa(Message q, List<EDNSOption> options) {
        Message r = ScriptedDnsServer.answer(q, SOA);
        r.getHeader().setFlag(Flags.AA);
        if (q.getOPT() != null) {
            r.addRecord(new OPTRecord(1232, 0, 0, 0, options), Section.ADDITIONAL);
        }
        return r;
    }

    private static EdnsTest test(String name) {
        return EdnsTest.ALL.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    private static String label(ScriptedDnsServer server, String test) throws Exception {
        return EdnsProbe.run(test(test), Name.fromString("labels.test."), new InetSocketAddress(ADDRESS,
                server.port()), Duration.ofMillis(300), Cancellation.none()).label();
    }

    /** Every test's label, in genreport's order, with "signed" as EdnsCheck puts it (the do label here). */
    private static Map<String, String> labels(ScriptedDnsServer server) throws Exception {
        Map<String, String> labels = new LinkedHashMap<>();
        for (EdnsTest t : EdnsTest.ALL) {
            labels.put(t.name(), label(server, t.name()));
        }
        labels.put("signed", labels.get("do"));
        return labels;
    }

    @Test
    void rcodesAndOpcodesHaveGenreportsWordsNotDnsjavas() {
        // rcodetext(): named up to notzone, then badvers and badcookie; every other is rcode<n>
        assertEquals(List.of("noerror", "formerr", "servfail", "nxdomain", "notimp", "refused", "yxdomain",
                "yxrrset", "nxrrset", "notauth", "notzone", "rcode11", "rcode15", "badvers", "rcode17", "rcode22",
                "badcookie", "rcode24"), List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 15, 16, 17, 22, 23, 24).stream()
                .map(EdnsProbe::rcodeName).toList());
        // opcodetext(): query, iquery, status, notify, update; every other is opcode<n> (dnsjava says "dso")
        assertEquals(List.of("query", "iquery", "status", "opcode3", "notify", "update", "opcode6", "opcode15"),
                List.of(0, 1, 2, 3, 4, 5, 6, 15).stream().map(EdnsProbe::opcodeName).toList());
    }

    @Test
    void rcode15ToTheDoQueryIsDeadBy2020Rules() throws Exception {
        // tcp-checker.js: "rcode15" in do (or edns512tcp) is hard breakage; dnsjava's name for it is "RESERVED15"
        try (ScriptedDnsServer s = new ScriptedDnsServer(ADDRESS, 0, (q, tcp) -> {
            Message r = ScriptedDnsServer.reply(q, 15);
            if (q.getOPT() != null) {
                r.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
            }
            return r;
        })) {
            Map<String, String> labels = labels(s);
            assertEquals("rcode15", labels.get("dns"));
            assertEquals("rcode15", labels.get("do"));
            // version 0 in the reply without BADVERS to a version 1 question is genreport's badversion as well
            assertEquals("rcode15,badversion", labels.get("edns1"));
            assertEquals(FlagDay.DEAD, FlagDay.verdict(labels));
        }
    }

    @Test
    void silenceToEdnsVersion1AloneLeavesTheServerCompatible() throws Exception {
        // domain-checker.js: "ignore EDNS1, it will not cause problems during the flag day"
        try (ScriptedDnsServer s = new ScriptedDnsServer(ADDRESS, 0, (q, tcp) -> {
            OPTRecord opt = q.getOPT();
            return opt != null && opt.getVersion() == 1 ? null : soa(q, List.of());
        })) {
            Map<String, String> labels = labels(s);
            assertEquals("timeout", labels.get("edns1"));
            assertEquals("timeout", labels.get("edns1opt"));
            assertEquals("ok", labels.get("edns"));
            assertEquals("ok", labels.get("ednsopt"));
            assertEquals(FlagDay.COMPATIBLE, FlagDay.verdict(labels));
        }
    }

    @Test
    void aTimeoutInAnEdnsVersion0TestIsStillDead() {
        Map<String, String> labels = new LinkedHashMap<>();
        EdnsTest.ALL.forEach(t -> labels.put(t.name(), "ok"));
        labels.put("ednsflags", "timeout");
        assertEquals(FlagDay.DEAD, FlagDay.verdict(labels));
    }

    @Test
    void badcookieWithoutAServerCookieIsAFailure() throws Exception {
        // process(): BADCOOKIE passes a cookie test only with "seencookie", a COOKIE option of 16 to 40 bytes
        // (RFC 7873 §4: 8-byte client cookie and 8- to 32-byte server cookie); an echoed client cookie is not one
        try (ScriptedDnsServer s = new ScriptedDnsServer(ADDRESS, 0, (q, tcp) -> {
            Message r = ScriptedDnsServer.reply(q, Rcode.NOERROR);
            r.getHeader().setFlag(Flags.AA);
            r.addRecord(new OPTRecord(1232, 23 >>> 4, 0, 0,
                    List.of(new GenericEDNSOption(EdnsTest.COOKIE, EdnsTest.CLIENT_COOKIE))), Section.ADDITIONAL);
            r.getHeader().setRcode(23 & 0xf);
            return r;
        })) {
            assertEquals("badcookie", label(s, "optlist"));
        }
    }

    @Test
    void cookieMismatchStandsAmongTheInformationalTagsWithoutOk() throws Exception {
        // process(): a server cookie after another client cookie clears ok and is printed after nsid and expire
        byte[] wrong = {8, 7, 6, 5, 4, 3, 2, 1, 9, 9, 9, 9, 9, 9, 9, 9};
        try (ScriptedDnsServer s = new ScriptedDnsServer(ADDRESS, 0, (q, tcp) -> soa(q, List.of(
                new GenericEDNSOption(3, new byte[] {'n', 's', '1'}),
                new GenericEDNSOption(EdnsTest.COOKIE, wrong))))) {
            assertEquals("nsid,cookie-mismatch", label(s, "optlist"));
            // to a question without a cookie the same option is only noted (genreport's last "cookie" branch)
            assertEquals("ok,nsid,cookie", label(s, "edns"));
        }
    }

    @Test
    void ourCookieWithNsidAndExpireKeepsGenreportsOrder() throws Exception {
        byte[] ours = new byte[16];
        System.arraycopy(EdnsTest.CLIENT_COOKIE, 0, ours, 0, 8);
        System.arraycopy(SERVER_PART, 0, ours, 8, 8);
        try (ScriptedDnsServer s = new ScriptedDnsServer(ADDRESS, 0, (q, tcp) -> soa(q, List.of(
                new GenericEDNSOption(EdnsTest.COOKIE, ours), new GenericEDNSOption(8, new byte[] {0, 1, 0, 0}),
                new GenericEDNSOption(9, new byte[] {0, 0, 0, 60}), new GenericEDNSOption(3, new byte[] {1}))))) {
            assertEquals("ok,nsid,expire,cookie,subnet", label(s, "optlist"));
        }
    }

    @Test
    void badversToAPlainQueryIsBadversion() throws Exception {
        // process(): "badversion" compares the reply's OPT version with the test's, 0 when the query had no OPT
        try (ScriptedDnsServer s = new ScriptedDnsServer(ADDRESS, 0, (q, tcp) -> {
            Message r = ScriptedDnsServer.reply(q, Rcode.NOERROR);
            r.getHeader().setFlag(Flags.AA);
            r.addRecord(new OPTRecord(1232, Rcode.BADVERS >>> 4, 0), Section.ADDITIONAL);
            return r;
        })) {
            assertEquals("badvers,badversion,opt", label(s, "dns"));
        }
    }

    @Test
    void anSoaInTheAnswerToADnskeyQuestionIsNoSoaTag() throws Exception {
        // process(): the "soa" tag is only for SOA questions
        try (ScriptedDnsServer s = new ScriptedDnsServer(ADDRESS, 0, (q, tcp) -> {
            Message r = soa(q, List.of());
            r.getHeader().setRcode(Rcode.NXDOMAIN);
            return r;
        })) {
            List<String> labels = new ArrayList<>();
            for (String t : List.of("edns", "ednstcp")) {
                labels.add(label(s, t));
            }
            assertEquals(List.of("nxdomain,soa", "nxdomain"), labels);
        }
    }
}
