package org.mailpath.engine.dnsbl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.testing.fakedns.Findings.absent;
import static org.mailpath.testing.fakedns.Findings.single;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailpath.engine.edns.ScriptedDnsServer;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.testing.dns.LoopbackDns;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * IPv6 addresses and the IPv6 test points of RFC 5782 §5, through a scripted resolver on loopback that logs every
 * question. dual.test's MX has an IPv4 and an IPv6 address, v4only.test's only an IPv4 one. Lists: six.test lists
 * IPv6 addresses (its test point and 2001:db8::10), four.test IPv4 addresses only, wild6.test answers every IPv6
 * name (::FFFF:7F00:1 too), flaky6.test fails its IPv6 test point (SERVFAIL).
 */
class DnsblIpv6Test {

    /** ::FFFF:7F00:2 and ::FFFF:7F00:1 in 32 reversed nibbles, without the zone. */
    private static final String TEST_POINT = "2.0.0.0.0.0.f.7.f.f.f.f.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.";
    private static final String NEVER_LISTED = "1.0.0.0.0.0.f.7.f.f.f.f.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.";
    /** 2001:db8::10 reversed. */
    private static final String MX_IPV6 = "0.1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.";

    private static final List<String> QUESTIONS = new CopyOnWriteArrayList<>();

    @RegisterExtension
    static final LoopbackDns DNS = LoopbackDns.scripted("127.0.8.42", DnsblIpv6Test::answer);

    @BeforeEach
    void forget() {
        QUESTIONS.clear();
    }

    private static Message answer(Message q, boolean tcp) {
        String name = q.getQuestion().getName().toString();
        int type = q.getQuestion().getType();
        QUESTIONS.add(name + " " + Type.string(type));
        if (type == Type.MX && (name.equals("dual.test.") || name.equals("v4only.test."))) {
            return ScriptedDnsServer.answer(q, name + " MX 10 mx." + name);
        }
        if (name.startsWith("mx.") && type == Type.A) {
            return ScriptedDnsServer.answer(q, name + " A " + (name.contains("dual") ? "192.0.2.10" : "192.0.2.20"));
        }
        if (name.equals("mx.dual.test.") && type == Type.AAAA) {
            return ScriptedDnsServer.answer(q, name + " AAAA 2001:db8::10");
        }
        if (type == Type.A && name.startsWith("2.0.0.127.")) {
            return ScriptedDnsServer.answer(q, name + " A 127.0.0.2"); // every list passes its IPv4 test points
        }
        boolean ipv6Name = name.split("\\.").length > 32;
        if (type == Type.A && name.endsWith(".six.test.")
                && (name.equals(TEST_POINT + "six.test.") || name.equals(MX_IPV6 + "six.test."))) {
            return ScriptedDnsServer.answer(q, name + " A 127.0.0.3");
        }
        if (type == Type.A && name.endsWith(".wild6.test.") && ipv6Name) {
            return ScriptedDnsServer.answer(q, name + " A 127.0.0.2");
        }
        if (type == Type.A && name.equals(TEST_POINT + "code6.test.")) {
            return ScriptedDnsServer.answer(q, name + " A 192.0.2.99"); // a parked zone's web server
        }
        if (name.endsWith(".flaky6.test.") && ipv6Name) {
            return ScriptedDnsServer.reply(q, Rcode.SERVFAIL);
        }
        boolean list = List.of(".six.test.", ".four.test.", ".wild6.test.", ".flaky6.test.", ".code6.test.").stream()
                .anyMatch(name::endsWith);
        return ScriptedDnsServer.reply(q, list ? Rcode.NXDOMAIN : Rcode.NOERROR);
    }

    private static List<Finding> check(String domain, String... zones) {
        return new DnsblCheck().run(DNS.setup().withBlocklists(zones).context(domain)).findings();
    }

    private static Finding about(List<Finding> findings, String code, String subject) {
        return findings.stream().filter(f -> f.code().equals(code) && f.subject().equals(subject)).findFirst()
                .orElseThrow(() -> new AssertionError(code + " " + subject + " not in " + findings));
    }

    @Test
    void aListThatAnswersItsIpv6TestPointsIsAskedAboutIpv6Addresses() {
        List<Finding> f = check("dual.test", "six.test");
        assertTrue(QUESTIONS.contains(TEST_POINT + "six.test. A"), QUESTIONS.toString());
        assertTrue(QUESTIONS.contains(NEVER_LISTED + "six.test. A"), QUESTIONS.toString());
        Finding listed = single(f, "DNSBL_LISTED", Severity.INFO);
        assertEquals("2001:db8::10", listed.subject());
        assertTrue(about(f, "DNSBL_NOT_LISTED", "192.0.2.10").message().contains("six.test"), f.toString());
        absent(f, DnsblCheck.DNSBL_IPV6_NOT_CHECKED);
    }

    @Test
    void aListWithoutIpv6TestPointIsNotAskedAboutIpv6AddressesAndThatIsSaid() {
        List<Finding> f = check("dual.test", "four.test");
        Finding skipped = single(f, DnsblCheck.DNSBL_IPV6_NOT_CHECKED, Severity.INFO);
        assertEquals("four.test", skipped.subject());
        assertEquals("Blocklist four.test does not list its IPv6 test point ::FFFF:7F00:2 (NXDOMAIN), so it does not"
                + " list IPv6 addresses (RFC 5782 §5): 2001:db8::10 (MX mx.dual.test of dual.test) was not looked up"
                + " in it", skipped.message());
        assertEquals(Actor.NOBODY, skipped.actor());
        assertTrue(skipped.evidence().stream().anyMatch(l -> l.contains(TEST_POINT + "four.test")),
                skipped.evidence().toString());
        assertTrue(QUESTIONS.stream().noneMatch(q -> q.startsWith(MX_IPV6)), QUESTIONS.toString());
        // the IPv4 address was checked; the IPv6 one was not, so it is not called clean
        assertTrue(about(f, "DNSBL_NOT_LISTED", "192.0.2.10").message().contains("four.test"), f.toString());
        assertTrue(f.stream().noneMatch(x -> x.subject().equals("2001:db8::10")), f.toString());
    }

    @Test
    void theIpv6FindingsAreWordedInSwedishToo() {
        Locale swedish = Locale.of("sv");
        Finding skipped = single(check("dual.test", "four.test"), DnsblCheck.DNSBL_IPV6_NOT_CHECKED);
        assertEquals("Blocklistan four.test listar inte sin IPv6-testadress ::FFFF:7F00:2 (NXDOMAIN), så den listar"
                + " inte IPv6-adresser (RFC 5782 §5): adressen 2001:db8::10 (MX mx.dual.test för dual.test) slogs"
                + " inte upp i den", skipped.message(swedish));
        Finding notListed = about(check("dual.test", "four.test"), "DNSBL_NOT_LISTED", "192.0.2.10");
        assertEquals("192.0.2.10 (MX mx.dual.test för dual.test) är inte listad på four.test",
                notListed.message(swedish));
    }

    @Test
    void aListThatAnswersItsIpv6TestPointWithANonReturnCodeIsNotBelievedForIpv6() {
        Finding wrong = single(check("dual.test", "code6.test"), DnsblCheck.DNSBL_IPV6_NOT_CHECKED, Severity.WARNING);
        assertEquals("Blocklist code6.test answers 192.0.2.99 for its IPv6 test point " + TEST_POINT + "code6.test,"
                + " which is not a 127.0.0.0/8 return code; its IPv6 answers are ignored: 2001:db8::10 (MX"
                + " mx.dual.test of dual.test) was not looked up in it", wrong.message());
        assertEquals("Remove code6.test from the blocklist zones or tell its operator; its IPv4 answers are still"
                + " used.", wrong.remediation());
        assertEquals(Actor.LOCAL_NETWORK, wrong.actor());
        assertEquals("Blocklistan code6.test svarar 192.0.2.99 för sin IPv6-testadress " + TEST_POINT + "code6.test,"
                + " vilket inte är en returkod i 127.0.0.0/8; dess IPv6-svar ignoreras: adressen 2001:db8::10 (MX"
                + " mx.dual.test för dual.test) slogs inte upp i den", wrong.message(Locale.of("sv")));
        assertTrue(QUESTIONS.stream().noneMatch(q -> q.startsWith(MX_IPV6)), QUESTIONS.toString());
    }

    @Test
    void ipv4AddressesAloneCostNoIpv6Questions() {
        List<Finding> f = check("v4only.test", "six.test", "four.test");
        assertTrue(QUESTIONS.stream().noneMatch(q -> q.split("\\.").length > 32), QUESTIONS.toString());
        assertEquals(List.of("1.0.0.127.four.test. A", "1.0.0.127.six.test. A", "2.0.0.127.four.test. A",
                "2.0.0.127.six.test. A", "20.2.0.192.four.test. A", "20.2.0.192.six.test. A"), QUESTIONS.stream()
                .filter(q -> q.contains(".four.test.") || q.contains(".six.test.")).sorted().toList());
        absent(f, DnsblCheck.DNSBL_IPV6_NOT_CHECKED);
        single(f, "DNSBL_NOT_LISTED", Severity.OK);
    }

    @Test
    void aListThatListsEveryIpv6AddressIsNotBelievedForIpv6() {
        List<Finding> f = check("dual.test", "wild6.test");
        Finding wild = single(f, DnsblCheck.DNSBL_IPV6_NOT_CHECKED, Severity.WARNING);
        assertTrue(wild.message().contains("lists ::FFFF:7F00:1") && wild.message().contains("2001:db8::10"),
                wild.message());
        assertTrue(QUESTIONS.stream().noneMatch(q -> q.startsWith(MX_IPV6)), QUESTIONS.toString());
        absent(f, "DNSBL_LISTED");
        // its IPv4 answers passed their own test points and stand
        about(f, "DNSBL_NOT_LISTED", "192.0.2.10");
    }

    @Test
    void aFailedIpv6TestPointIsNoVerdictOnTheList() {
        List<Finding> f = check("dual.test", "flaky6.test");
        single(f, "DNS_LOOKUP_FAILED");
        absent(f, DnsblCheck.DNSBL_IPV6_NOT_CHECKED);
        absent(f, "DNSBL_NOT_LISTED");
    }

    @Test
    void theDefaultListsAreAskedAsTheirOperatorsDocumentThemWithoutIpv6TestPoints() {
        List<Finding> f = check("dual.test");
        assertTrue(QUESTIONS.contains(MX_IPV6 + "zen.spamhaus.org. A"), QUESTIONS.toString());
        assertTrue(QUESTIONS.stream().noneMatch(q -> q.startsWith(TEST_POINT) || q.startsWith(NEVER_LISTED)),
                QUESTIONS.toString());
        assertEquals(List.of(MX_IPV6 + "zen.spamhaus.org. A"), QUESTIONS.stream().filter(q -> q.startsWith(MX_IPV6))
                .toList(), "the IPv4-only lists are not asked about the IPv6 address");
        absent(f, DnsblCheck.DNSBL_IPV6_NOT_CHECKED);
    }
}
