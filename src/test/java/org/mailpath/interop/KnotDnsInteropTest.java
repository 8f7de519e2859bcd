package org.mailpath.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.check.CheckKind;
import org.mailpath.engine.check.DomainCheckResult;
import org.mailpath.engine.check.NameServerResult;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.testing.dns.KnotServer;
import org.mailpath.testing.dns.ZoneSigner;

/**
 * The DNS checks against real Knot DNS servers on loopback. Knot A (127.0.2.1, 127.1.2.2, with mod-cookies)
 * serves every zone and also plays the resolver (it answers its own zones whatever the RD bit; a DS question for a
 * zone whose parent it also serves is answered from the parent); Knot B (127.0.2.3) serves only an unrelated zone,
 * so servers listed on it are lame; nothing listens on 127.0.2.9. The zones under dnssec.test are signed by Knot with
 * keys the test makes, so their DS records in dnssec.test are known before Knot starts: one matches, one does not.
 * Codes Knot cannot produce (it is compliant, always has TCP, and signs correctly): NS_NO_TCP, EDNS_NONCOMPLIANT,
 * EDNS_OVERSIZED_UDP, DNS_TIMEOUT, the broken-signature DNSSEC codes — the in-process tests cover those.
 */
class KnotDnsInteropTest {

    private static KnotServer knotA;
    private static KnotServer knotB;
    private static final Set<CheckKind> DNS_KINDS = EnumSet.of(CheckKind.EXISTENCE, CheckKind.MX,
            CheckKind.NAME_SERVERS, CheckKind.EDNS, CheckKind.DNSSEC);

    @BeforeAll
    static void start() throws Exception {
        ZoneSigner.Key okKey = ZoneSigner.Key.ksk("ok.dnssec.test");
        ZoneSigner.Key badKey = ZoneSigner.Key.ksk("dsbad.dnssec.test");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            many.append("many MX ").append(i).append(" mx1\n");
        }
        knotA = KnotServer.builder().listen("127.0.2.1").listen("127.1.2.2").cookies()
                .zone("interop.test", """
                        @        SOA   ns1 hostmaster 1 3600 600 86400 300
                        @        NS    ns1
                        @        NS    ns2
                        @        MX    10 mx1
                        @        MX    20 mx2
                        ns1      A     127.0.2.1
                        ns2      A     127.1.2.2
                        mx1      A     192.0.2.10
                        mx2      AAAA  2001:db8::25
                        broken   MX    10 alias
                        broken   MX    20 192.0.2.1.
                        broken   MX    30 noaddr
                        broken   MX    40 private
                        alias    CNAME mx1
                        noaddr   TXT   "no address"
                        private  A     10.1.2.3
                        nullmx   MX    0 .
                        implicit A     192.0.2.20
                        nomail   TXT   "v=spf1 -all"
                        """ + many)
                .signedZone("signed.test", """
                        @   SOA ns1 hostmaster 1 3600 600 86400 300
                        @   NS  ns1
                        @   MX  10 mx1.interop.test.
                        ns1 A   127.0.2.1
                        """)
                .zone("dnssec.test", """
                        @     SOA ns1 hostmaster 1 3600 600 86400 300
                        @     NS  ns1
                        ns1   A   127.0.2.1
                        ok    NS  ns1
                        ok    DS  %s
                        dsbad NS  ns1
                        dsbad DS  12345 13 2 %s
                        """.formatted(okKey.ds().rdataToString(), "CD".repeat(32)))
                .signedZone("ok.dnssec.test", """
                        @    SOA ns1.dnssec.test. hostmaster 1 3600 600 86400 300
                        @    NS  ns1.dnssec.test.
                        @    MX  10 mx1.interop.test.
                        mail A   192.0.2.10
                        """, okKey)
                .signedZone("dsbad.dnssec.test", """
                        @    SOA ns1.dnssec.test. hostmaster 1 3600 600 86400 300
                        @    NS  ns1.dnssec.test.
                        @    MX  10 mx1.interop.test.
                        """, badKey)
                .zone("lame.test", """
                        @   SOA ns1 hostmaster 1 3600 600 86400 300
                        @   NS  ns1
                        @   NS  ns2
                        @   NS  ns3.interop.test.
                        @   MX  10 mx1.interop.test.
                        ns1 A   127.0.2.1
                        ns2 A   127.0.2.3
                        """)
                .zone("unreach.test", """
                        @   SOA ns1 hostmaster 1 3600 600 86400 300
                        @   NS  ns1
                        @   MX  10 mx1.interop.test.
                        ns1 A   127.0.2.9
                        """)
                .start();
        knotB = KnotServer.builder().listen("127.0.2.3").port(knotA.port())
                .zone("other.test", "@ SOA ns1 hostmaster 1 3600 600 86400 300\n@ NS ns1\nns1 A 127.0.2.3\n")
                .start();
    }

    @AfterAll
    static void stop() {
        if (knotB != null) {
            knotB.close();
        }
        if (knotA != null) {
            knotA.close();
        }
    }

    private static DomainCheckResult check(String domain) {
        return check(domain, DNS_KINDS);
    }

    private static DomainCheckResult check(String domain, Set<CheckKind> kinds) {
        return KnotChecks.check(knotA, "127.0.2.1", domain, kinds);
    }

    private static Finding only(DomainCheckResult r, String code) {
        assertEquals(Set.of(code), codes(r), r.findings().toString() + knotA.log());
        return r.findings().getFirst();
    }

    private static Set<String> codes(DomainCheckResult r) {
        return r.findings().stream().map(Finding::code).collect(Collectors.toSet());
    }

    @Test
    void healthyZoneOnKnotPassesEverything() {
        DomainCheckResult r = check("interop.test");
        // mx2 has an AAAA record only: MX_IPV6_ONLY, a note while mx1 has IPv4
        assertEquals(Set.of("DOMAIN_EXISTS", "MX_OK", "MX_IPV6_ONLY", "NS_OK", "EDNS_OK", "DNSSEC_UNSIGNED"), codes(r),
                r.findings().toString() + knotA.log());
        assertTrue(r.findings().stream().allMatch(f -> f.severity() == Severity.OK || f.severity() == Severity.INFO),
                r.findings().toString());
        assertEquals(2, r.nameServers().size());
        for (NameServerResult ns : r.nameServers()) {
            assertEquals("ok", ns.verdict(), ns.tests().toString());
            // mod-cookies answers the client-only cookie with BADCOOKIE; the retry with its cookie succeeds
            assertEquals("ok,nsid,expire,cookie", ns.tests().get("optlist"));
        }
    }

    @Test
    void mxProblemsOnKnot() {
        assertTrue(codes(check("broken.interop.test")).containsAll(
                List.of("MX_CNAME", "MX_IP_LITERAL", "MX_NO_ADDRESS", "MX_PRIVATE_ADDRESS")));
        assertTrue(codes(check("nullmx.interop.test")).contains("MX_NULL"));
        assertTrue(codes(check("implicit.interop.test")).contains("MX_MISSING_IMPLICIT"));
        assertTrue(codes(check("nomail.interop.test")).contains("MX_NONE"));
        assertTrue(codes(check("many.interop.test")).contains("MX_TOO_MANY"));
    }

    @Test
    void nonexistentAndRefusedNames() {
        assertEquals(Set.of("DOMAIN_NXDOMAIN"), codes(check("missing.interop.test")));
        // Knot refuses names outside its zones, as a resolver that does not serve us would
        assertTrue(codes(check("elsewhere.example")).contains("DNS_LOOKUP_FAILED"));
    }

    @Test
    void lameAndUnreachableServers() {
        DomainCheckResult lame = check("lame.test");
        Set<String> codes = codes(lame);
        assertTrue(codes.containsAll(List.of("NS_LAME", "NS_NO_ADDRESS", "EDNS_DEAD")), lame.findings().toString());
        // the lame server's failed EDNS tests are its lameness again: a note pointing at NS_LAME
        assertTrue(lame.findings().stream().filter(f -> f.code().equals("EDNS_DEAD"))
                .allMatch(f -> f.severity() == Severity.INFO && f.message().contains("NS_LAME")),
                lame.findings().toString());
        Map<String, String> verdicts = lame.nameServers().stream()
                .collect(Collectors.toMap(NameServerResult::address, NameServerResult::verdict));
        assertEquals(Map.of("127.0.2.1", "ok", "127.0.2.3", "dead"), verdicts);
        DomainCheckResult unreach = check("unreach.test");
        assertTrue(codes(unreach).containsAll(List.of("NS_UNREACHABLE", "EDNS_DEAD")), unreach.findings().toString());
        // nothing answers at 127.0.2.9: its failed EDNS tests are a note pointing at NS_UNREACHABLE, the error
        assertTrue(unreach.findings().stream().filter(f -> f.code().equals("EDNS_DEAD"))
                .allMatch(f -> f.severity() == Severity.INFO && f.message().contains("NS_UNREACHABLE")),
                unreach.findings().toString());
        assertTrue(unreach.findings().stream().anyMatch(f -> f.code().equals("NS_UNREACHABLE")
                && f.severity() == Severity.ERROR), unreach.findings().toString());
    }

    @Test
    void knotsSignaturesVerifyAndItsDsAnswersAreFollowed() {
        Finding ok = only(check("ok.dnssec.test", EnumSet.of(CheckKind.DNSSEC)), "DNSSEC_SIGNED");
        assertTrue(ok.message().contains("the signatures of its DNSKEY, SOA, MX records are valid"), ok.message());
        // a name below the apex is judged by its zone
        Finding below = only(check("mail.ok.dnssec.test", EnumSet.of(CheckKind.DNSSEC)), "DNSSEC_SIGNED");
        assertTrue(below.message().contains("its zone ok.dnssec.test"), below.message());
        // the audit's dsbad case: signed, but the parent's DS matches no DNSKEY
        Finding bad = only(check("dsbad.dnssec.test", EnumSet.of(CheckKind.DNSSEC)), "DNSSEC_DS_MISMATCH");
        assertEquals(Severity.ERROR, bad.severity());
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, bad.actor());
        assertTrue(bad.message().contains("key tag 12345"), bad.message());
    }

    @Test
    void zoneSignedByKnot() {
        DomainCheckResult r = check("signed.test");
        assertTrue(codes(r).contains("DNSSEC_NO_DS"), r.findings().toString());
        assertEquals("ok,yes", r.nameServers().getFirst().tests().get("signed"));
    }
}
