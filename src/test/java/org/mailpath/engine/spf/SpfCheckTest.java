package org.mailpath.engine.spf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.testing.fakedns.Findings.absent;
import static org.mailpath.testing.fakedns.Findings.single;

import com.google.common.net.InetAddresses;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.check.CheckContext;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.dns.DnsStatus;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.testing.fakedns.FakeDns;
import org.xbill.DNS.Type;

class SpfCheckTest {

    private static final String SALESFORCE = "_spf.salesforce.com. TXT \"v=spf1 ip4:13.108.0.0/14 -all\"\n";

    private static List<Finding> check(String zone) {
        return check(zone, null);
    }

    private static List<Finding> check(String zone, String ip) {
        return FakeDns.of(zone).run(new SpfCheck(), "example.com", FakeDns.options(ip, List.of(), List.of()));
    }

    private static Finding result(String zone, String ip) {
        return single(check(zone, ip), "SPF_RESULT");
    }

    @Test
    void validRecordIsOkWithItsLookupCount() {
        List<Finding> f = check("example.com. TXT \"v=spf1 include:_spf.salesforce.com mx -all\"\n"
                + "example.com. MX 10 mx.example.com.\n" + SALESFORCE);
        single(f, "SPF_OK", Severity.OK);
        assertTrue(single(f, "SPF_LOOKUP_COUNT").message().contains("needs 2 of 10"));
        single(f, "SPF_SALESFORCE", Severity.INFO);
        absent(f, "SPF_SALESFORCE_INCLUDE_MISSING");
        assertTrue(single(f, "SPF_OK").evidence().stream().anyMatch(l -> l.contains("_spf.salesforce.com: v=spf1")));
    }

    @Test
    void missingRecord() {
        List<Finding> f = check("example.com. TXT \"google-site-verification=abc\"\n");
        single(f, "SPF_MISSING", Severity.ERROR);
        absent(f, "SPF_OK");
        absent(f, "SPF_SALESFORCE");
    }

    @Test
    void missingRecordNamesTheLookAlikesReceiversDiscard() {
        // RFC 7208 §4.5: the record must begin with exactly "v=spf1", ended by a space or the end of the record
        List<String[]> cases = List.of(
                new String[] {"\" v=spf1 -all\"", "the TXT record \" v=spf1 -all\" is ignored by receivers: it begins"
                        + " with white space"},
                new String[] {"\"v=spf1\t-all\"", "is followed by a TAB"},
                new String[] {"\"v=spf1-all\"", "the TXT record \"v=spf1-all\" is ignored by receivers: there is no "
                        + "space between \"v=spf1\" and \"-all\""},
                new String[] {"\"v=spf10 -all\"", "its version is \"v=spf10\", not \"v=spf1\""});
        for (String[] c : cases) {
            List<Finding> f = check("example.com. TXT " + c[0]
                    + "\nexample.com. TXT \"google-site-verification=abc\"\n");
            Finding missing = single(f, "SPF_MISSING", Severity.ERROR);
            assertTrue(missing.message().startsWith("example.com publishes no SPF record (the TXT record")
                    && missing.message().contains(c[1]) && !missing.message().contains("google"), missing.message());
            assertTrue(missing.remediation().contains("begin with exactly \"v=spf1\" followed by a space"),
                    missing.remediation());
            absent(f, "SPF_OK");
        }
        Finding two = single(check("example.com. TXT \"v=spf1-all\"\nexample.com. TXT \" v=spf1 mx -all\"\n"),
                "SPF_MISSING");
        assertEquals(2, two.message().split("is ignored by receivers").length - 1, two.message());
        assertEquals("example.com publishes no SPF record", single(check("example.com. TXT \"hello\"\n"),
                "SPF_MISSING").message());
    }

    @Test
    void missingRecordGivesResultNone() {
        assertTrue(result("example.com. A 192.0.2.1\n", "192.0.2.1").message().contains(": none"));
    }

    @Test
    void multipleRecordsArePermerror() {
        String zone = "example.com. TXT \"v=spf1 -all\"\nexample.com. TXT \"v=spf1 ~all\"\n";
        List<Finding> f = check(zone);
        single(f, "SPF_MULTIPLE", Severity.ERROR);
        absent(f, "SPF_LOOKUP_COUNT"); // no record was evaluated: "needs 0 of 10" would be noise
        assertTrue(result(zone, "192.0.2.1").message().contains(": permerror"));
    }

    @Test
    void syntaxErrorNamesTheTerm() {
        List<Finding> findings = check("example.com. TXT \"v=spf1 ip4:192.0.2.300 -all\"\n");
        Finding f = single(findings, "SPF_SYNTAX", Severity.ERROR);
        assertTrue(f.message().contains("ip4:192.0.2.300"), f.message());
        absent(findings, "SPF_LOOKUP_COUNT");
    }

    @Test
    void syntaxErrorInAModifierNamesTheWholeTerm() {
        Finding f = single(check("example.com. TXT \"v=spf1 -all foo=%{z}\"\n"), "SPF_SYNTAX");
        assertEquals("SPF record of example.com: term \"foo=%{z}\": 'z' is not a macro letter", f.message());
    }

    @Test
    void syntaxErrorInsideAnIncludeIsReportedForThatDomain() {
        List<Finding> findings = check("example.com. TXT \"v=spf1 include:bad.example.net -all\"\n"
                + "bad.example.net. TXT \"v=spf1 ipv4:192.0.2.1 -all\"\n");
        Finding f = single(findings, "SPF_SYNTAX");
        assertEquals("bad.example.net", f.subject());
        // the domain's own record was evaluated: its count stands
        assertTrue(single(findings, "SPF_LOOKUP_COUNT").message().contains("needs 1 of 10"));
    }

    @Test
    void recordSplitOverSeveralStringsIsJoined() {
        single(check("example.com. TXT \"v=spf1 ip4:192.0.2.0/24\" \" -all\"\n"), "SPF_OK");
    }

    private static String includes(int count) {
        // one string per term: a TXT string holds at most 255 octets, receivers join them without separator
        StringBuilder zone = new StringBuilder("example.com. TXT \"v=spf1\" "
                + IntStream.rangeClosed(1, count).mapToObj(i -> "\" include:i" + i + ".example.net\"")
                .collect(Collectors.joining(" ")) + " \" -all\"\n");
        for (int i = 1; i <= count; i++) {
            zone.append("i").append(i).append(".example.net. TXT \"v=spf1 ip4:198.51.100.").append(i)
                    .append(" -all\"\n");
        }
        return zone.toString();
    }

    @Test
    void tenLookupsAreFineElevenAreTooMany() {
        absent(check(includes(10)), "SPF_TOO_MANY_LOOKUPS");
        Finding f = single(check(includes(11)), "SPF_TOO_MANY_LOOKUPS", Severity.ERROR);
        assertTrue(f.message().contains("needs 11 DNS lookups"), f.message());
    }

    @Test
    void limitAppliesToTheEvaluationLikeReceiversDo() {
        // matched by the first include: pass after 1 lookup; an unlisted IP reaches the 11th: permerror
        assertTrue(result(includes(11), "198.51.100.1").message().contains(": pass"));
        // the 10th lookup is still allowed: an unlisted IP goes through all ten includes to -all
        Finding tenth = result(includes(10), "203.0.113.9");
        assertTrue(tenth.message().contains(": fail"), tenth.message());
        Finding unlisted = result(includes(11), "203.0.113.9");
        assertTrue(unlisted.message().contains(": permerror") && unlisted.message().contains("more than 10"),
                unlisted.message());
    }

    @Test
    void countsOnlyTheTermsRfc7208Counts() {
        List<Finding> f = check("""
                example.com. TXT "v=spf1 a mx ptr exists:e.example.com include:inc.example.com ip4:192.0.2.1 ip6:2001:db8::1 redirect=r.example.com"
                example.com. A 192.0.2.1
                example.com. MX 10 mx.example.com.
                e.example.com. A 127.0.0.2
                inc.example.com. TXT "v=spf1 a -all"
                inc.example.com. A 192.0.2.2
                r.example.com. TXT "v=spf1 -all"
                """);
        // a, mx, ptr, exists, include, inc's a, redirect = 7
        String count = single(f, "SPF_LOOKUP_COUNT").message();
        assertTrue(count.contains("needs 7 of 10"), count);
    }

    @Test
    void mxAddressSubLookupsDoNotCountButMoreThanTenHostsArePermerror() {
        StringBuilder ten = new StringBuilder("example.com. TXT \"v=spf1 mx -all\"\n");
        for (int i = 1; i <= 10; i++) {
            ten.append("example.com. MX ").append(i).append(" mx").append(i).append(".example.com.\n")
                    .append("mx").append(i).append(".example.com. A 192.0.2.").append(i).append('\n');
        }
        assertTrue(result(ten.toString(), "192.0.2.10").message().contains(": pass (matched \"mx\""));
        String eleven = ten + "example.com. MX 11 mx11.example.com.\n";
        single(check(eleven), "SPF_MX_TOO_MANY_HOSTS", Severity.ERROR);
        assertTrue(result(eleven, "192.0.2.1").message().contains(": permerror"));
    }

    @Test
    void voidLookupsOverTwo() {
        String two = "example.com. TXT \"v=spf1 a:nx1.example.com mx:nx2.example.com ip4:192.0.2.1 -all\"\n";
        absent(check(two), "SPF_VOID_LOOKUPS");
        String three = "example.com. TXT \"v=spf1 a:nx1.example.com mx:nx2.example.com exists:nx3.example.com "
                + "ip4:192.0.2.1 -all\"\n";
        single(check(three), "SPF_VOID_LOOKUPS", Severity.ERROR);
        assertTrue(result(three, "192.0.2.1").message().contains(": permerror"));
        assertTrue(result(two, "192.0.2.1").message().contains(": pass"));
    }

    @Test
    void plusAllAndBareAll() {
        single(check("example.com. TXT \"v=spf1 +all\"\n"), "SPF_PLUS_ALL", Severity.ERROR);
        single(check("example.com. TXT \"v=spf1 all\"\n"), "SPF_PLUS_ALL", Severity.ERROR);
        Finding inc = single(check("example.com. TXT \"v=spf1 include:lax.example.net -all\"\n"
                + "lax.example.net. TXT \"v=spf1 +all\"\n"), "SPF_PLUS_ALL");
        assertTrue(inc.message().contains("included"));
    }

    @Test
    void neutralAllAndNoAll() {
        single(check("example.com. TXT \"v=spf1 ip4:192.0.2.1 ?all\"\n"), "SPF_NEUTRAL_ALL", Severity.WARNING);
        single(check("example.com. TXT \"v=spf1 ip4:192.0.2.1\"\n"), "SPF_NO_ALL", Severity.WARNING);
        absent(check("example.com. TXT \"v=spf1 redirect=r.example.com\"\nr.example.com. TXT \"v=spf1 -all\"\n"),
                "SPF_NO_ALL");
    }

    @Test
    void termsAfterAll() {
        single(check("example.com. TXT \"v=spf1 -all ip4:192.0.2.1\"\n"), "SPF_UNREACHABLE_TERMS");
    }

    /**
     * RFC 7208 §5.1: "Any "redirect" modifier (Section 6.1) MUST be ignored when there is an "all" mechanism in the
     * record, regardless of the relative ordering of the terms": a redirect written before "-all" is never followed
     * (nor counted), and said so; without the "all" the same redirect is followed and nothing is said.
     */
    @Test
    void aRedirectBesideAllIsIgnoredWhereverItStands() {
        String target = "i1.example.net. TXT \"v=spf1 ip4:192.0.2.0/24 -all\"\n";
        List<Finding> ignored = check("example.com. TXT \"v=spf1 redirect=i1.example.net -all\"\n" + target);
        Finding f = single(ignored, "SPF_UNREACHABLE_TERMS", Severity.WARNING);
        assertEquals("In the SPF record of example.com, \"redirect=i1.example.net\" is never followed: the record has "
                + "\"-all\", and receivers ignore the redirect of a record with an \"all\" mechanism wherever it stands "
                + "(RFC 7208 §5.1)", f.message());
        assertEquals("Remove \"-all\" if the redirect is to decide for the servers no other term matches, or remove "
                + "\"redirect=i1.example.net\" if \"-all\" is meant.", f.remediation());
        absent(ignored, "SPF_OK");
        assertTrue(single(ignored, "SPF_LOOKUP_COUNT").message().contains("needs 0 of 10"));
        // the receiver agrees: the address the redirect target authorizes fails at "-all"
        assertTrue(result("example.com. TXT \"v=spf1 redirect=i1.example.net -all\"\n" + target, "192.0.2.7")
                .message().contains(": fail (matched \"-all\" in example.com"));

        List<Finding> followed = check("example.com. TXT \"v=spf1 redirect=i1.example.net\"\n" + target);
        absent(followed, "SPF_UNREACHABLE_TERMS");
        single(followed, "SPF_OK", Severity.OK);
        assertTrue(single(followed, "SPF_LOOKUP_COUNT").message().contains("needs 1 of 10"));
        // after "all" it is one of the terms after "all", as before
        Finding after = single(check("example.com. TXT \"v=spf1 -all redirect=i1.example.net\"\n" + target),
                "SPF_UNREACHABLE_TERMS");
        assertTrue(after.message().endsWith("come after \"all\" and are never used: redirect=i1.example.net"),
                after.message());
    }

    @Test
    void ptrIsWarnedAndEvaluatedWithForwardConfirmation() {
        String zone = """
                example.com. TXT "v=spf1 ptr -all"
                3.2.0.192.in-addr.arpa. PTR mail.example.com.
                4.2.0.192.in-addr.arpa. PTR fake.example.com.
                mail.example.com. A 192.0.2.3
                fake.example.com. A 192.0.2.99
                """;
        single(check(zone), "SPF_PTR", Severity.WARNING);
        assertTrue(result(zone, "192.0.2.3").message().contains(": pass"));
        assertTrue(result(zone, "192.0.2.4").message().contains(": fail"));
        assertTrue(check(zone, "192.0.2.3").stream().noneMatch(f -> f.code().equals("SPF_MACRO_NEEDS_IP")),
                "no 'give --ip' advice when --ip was given");
    }

    private static Finding result(FakeDns dns, String ip) {
        return single(dns.run(new SpfCheck(), "example.com", FakeDns.options(ip, List.of(), List.of())),
                "SPF_RESULT");
    }

    @Test
    void ptrLookupErrorIsNoMatchNotTemperror() {
        // RFC 7208 §5.5: "If a DNS error occurs while doing the PTR RR lookup, then this mechanism fails to match."
        for (DnsStatus status : List.of(DnsStatus.SERVFAIL, DnsStatus.TIMEOUT)) {
            FakeDns dns = FakeDns.of("example.com. TXT \"v=spf1 ptr:example.com -all\"\n")
                    .fail("7.113.0.203.in-addr.arpa", Type.PTR, status);
            Finding r = result(dns, "203.0.113.7");
            assertTrue(r.message().contains(": fail (matched \"-all\""), r.message());
            assertTrue(r.evidence().stream().anyMatch(l -> l.contains("7.113.0.203.in-addr.arpa PTR failed")
                    && l.contains("\"ptr\" mechanism as not matching")), String.join("\n", r.evidence()));
        }
        FakeDns later = FakeDns.of("example.com. TXT \"v=spf1 ptr ip4:203.0.113.7 -all\"\n")
                .fail("7.113.0.203.in-addr.arpa", Type.PTR, DnsStatus.SERVFAIL);
        assertTrue(result(later, "203.0.113.7").message().contains(": pass (matched \"ip4:203.0.113.7\""));
    }

    @Test
    void ptrNameWhoseAddressLookupFailsIsSkipped() {
        // RFC 7208 §5.5: "If a DNS error occurs while doing an A RR lookup, then that domain name is skipped and the
        // search continues."
        String zone = """
                example.com. TXT "v=spf1 ptr -all"
                7.113.0.203.in-addr.arpa. PTR broken.example.com.
                7.113.0.203.in-addr.arpa. PTR mail.example.com.
                8.113.0.203.in-addr.arpa. PTR broken.example.com.
                mail.example.com. A 203.0.113.7
                """;
        FakeDns dns = FakeDns.of(zone).fail("broken.example.com", Type.A, DnsStatus.SERVFAIL);
        Finding pass = result(dns, "203.0.113.7");
        assertTrue(pass.message().contains(": pass (matched \"ptr\""), pass.message());
        assertTrue(pass.evidence().stream().anyMatch(l -> l.contains("broken.example.com A failed")
                && l.contains("skip this name")), String.join("\n", pass.evidence()));
        FakeDns only = FakeDns.of(zone).fail("broken.example.com", Type.A, DnsStatus.TIMEOUT);
        assertTrue(result(only, "203.0.113.8").message().contains(": fail (matched \"-all\""));
    }

    @Test
    void mxHostAddressErrorIsTemperror() {
        // RFC 7208 §5: a DNS error (RCODE other than 0 or 3, or a timeout) stops the mechanism with temperror; §5.4
        // notes no exception for the MX hosts' address lookups
        String zone = """
                example.com. TXT "v=spf1 mx -all"
                example.com. MX 10 mx1.example.com.
                example.com. MX 20 mx2.example.com.
                mx1.example.com. A 192.0.2.1
                mx2.example.com. A 192.0.2.2
                """;
        FakeDns second = FakeDns.of(zone).fail("mx2.example.com", Type.A, DnsStatus.SERVFAIL);
        Finding unlisted = result(second, "192.0.2.99");
        assertTrue(unlisted.message().contains(": temperror (DNS SERVFAIL for mx2.example.com (mx)"),
                unlisted.message());
        assertEquals(Severity.WARNING, unlisted.severity());
        // "If any address matches, the mechanism matches": a host asked before the failing one still matches
        assertTrue(result(second, "192.0.2.1").message().contains(": pass (matched \"mx\""));
        FakeDns first = FakeDns.of(zone).fail("mx1.example.com", Type.A, DnsStatus.TIMEOUT);
        assertTrue(result(first, "192.0.2.2").message().contains(": temperror"));
        FakeDns v6 = FakeDns.of(zone).fail("mx1.example.com", Type.AAAA, DnsStatus.SERVFAIL);
        assertTrue(result(v6, "2001:db8::1").message().contains(": temperror"));
        // NXDOMAIN is no error: the host has no addresses and the evaluation goes on (§5)
        String gone = zone.replace("mx2.example.com. A 192.0.2.2\n", "");
        assertTrue(result(gone, "192.0.2.99").message().contains(": fail (matched \"-all\""));
    }

    @Test
    void aAndExistsDnsErrorsAreTemperror() {
        FakeDns a = FakeDns.of("example.com. TXT \"v=spf1 a:flaky.example.net -all\"\n")
                .fail("flaky.example.net", Type.A, DnsStatus.SERVFAIL);
        assertTrue(result(a, "192.0.2.1").message().contains(": temperror"));
        FakeDns exists = FakeDns.of("example.com. TXT \"v=spf1 exists:%{i}.flaky.example.net -all\"\n")
                .fail("192.0.2.1.flaky.example.net", Type.A, DnsStatus.TIMEOUT);
        assertTrue(result(exists, "192.0.2.1").message().contains(": temperror"));
        FakeDns mx = FakeDns.of("example.com. TXT \"v=spf1 mx:flaky.example.net -all\"\n")
                .fail("flaky.example.net", Type.MX, DnsStatus.SERVFAIL);
        assertTrue(result(mx, "192.0.2.1").message().contains(": temperror"));
    }

    @Test
    void includeLoopEndsInAFindingAndPermerror() {
        String zone = """
                example.com. TXT "v=spf1 include:a.example.net -all"
                a.example.net. TXT "v=spf1 include:b.example.net -all"
                b.example.net. TXT "v=spf1 include:a.example.net -all"
                """;
        Finding loop = single(check(zone), "SPF_INCLUDE_LOOP", Severity.ERROR);
        assertTrue(loop.message().contains("example.com → a.example.net → b.example.net → a.example.net"),
                loop.message());
        assertTrue(result(zone, "192.0.2.1").message().contains(": permerror"));
    }

    @Test
    void selfRedirectLoop() {
        single(check("example.com. TXT \"v=spf1 redirect=example.com\"\n"), "SPF_INCLUDE_LOOP");
    }

    @Test
    void explodingIncludeTreeStopsWithinBounds() {
        // every name under boom.example.net includes two longer names: an infinite tree
        FakeDns dns = FakeDns.of("""
                example.com. TXT "v=spf1 include:x.boom.example.net -all"
                *.boom.example.net. TXT "v=spf1 include:a.%{d} include:b.%{d} -all"
                """);
        List<Finding> f = dns.run(new SpfCheck(), "example.com", CheckOptions.defaults());
        assertTrue(single(f, "SPF_TOO_MANY_LOOKUPS").message().contains("at least 51"), f.get(0).message());
        assertTrue(dns.queryCount() <= SpfLimits.QUERY_CAP, "queries: " + dns.queryCount());
        FakeDns receiver = FakeDns.of("""
                example.com. TXT "v=spf1 include:x.boom.example.net -all"
                *.boom.example.net. TXT "v=spf1 include:a.%{d} include:b.%{d} -all"
                """);
        SpfEvaluation r = new SpfEvaluator(receiver, Cancellation.none(),
                Optional.of(InetAddresses.forString("192.0.2.1")),
                new SpfMacroContext("postmaster@example.com", Optional.empty(), "example.com"), true)
                .evaluate("example.com");
        assertEquals(SpfResult.PERMERROR, r.result());
        assertTrue(receiver.queryCount() <= 11, "queries: " + receiver.queryCount());
    }

    @Test
    void aMacroExpandingToANameDnsCannotAskMatchesNothing() {
        // a 64-character label: RFC 7208 leaves the result undefined; asking ends in a resolver error, and a
        // temperror would never clear, so a, mx and exists match nothing without a query
        FakeDns dns = FakeDns.of("example.com. TXT \"v=spf1 a:%{l}.example.com mx:%{l}.example.com "
                + "exists:%{l}.example.com -all\"\n");
        var ip = Optional.of(InetAddresses.forString("192.0.2.1"));
        SpfEvaluation r = new SpfEvaluator(dns, Cancellation.none(), ip,
                new SpfMacroContext("x".repeat(64) + "@example.com", ip, "example.com"), true).evaluate("example.com");
        assertEquals(SpfResult.FAIL, r.result(), r.reason());
        assertEquals(List.of("example.com TXT"), dns.queries());
        assertEquals(0, r.voidLookups());
    }

    @Test
    void pExpandsToTheValidatedNameInTheCurrentDomainAndItsPtrLookupCounts() {
        // RFC 7208 §7.3: of the names the PTR answer gives that resolve back to the IP, the current domain's own or
        // a subdomain of it before any other; the PTR lookup counts towards the 10 (§4.6.4)
        FakeDns dns = FakeDns.of("""
                example.com. TXT "v=spf1 exists:%{p}.allowed.example.net -all"
                1.2.0.192.in-addr.arpa. PTR other.example.org.
                1.2.0.192.in-addr.arpa. PTR mail.example.com.
                1.2.0.192.in-addr.arpa. PTR fake.example.com.
                other.example.org. A 192.0.2.1
                mail.example.com. A 192.0.2.1
                fake.example.com. A 192.0.2.99
                mail.example.com.allowed.example.net. A 127.0.0.2
                """);
        var ip = Optional.of(InetAddresses.forString("192.0.2.1"));
        SpfEvaluation r = new SpfEvaluator(dns, Cancellation.none(), ip,
                new SpfMacroContext("postmaster@example.com", ip, "example.com"), true).evaluate("example.com");
        assertEquals(SpfResult.PASS, r.result(), r.reason());
        assertEquals(2, r.lookups());
        assertTrue(r.tree().stream().anyMatch(l -> l.contains("→ mail.example.com.allowed.example.net")), r.tree()
                .toString());
    }

    @Test
    void pIsUnknownWhenThePtrLookupFails() {
        FakeDns dns = FakeDns.of("""
                example.com. TXT "v=spf1 exists:%{p}.allowed.example.net -all"
                unknown.allowed.example.net. A 127.0.0.2
                """).fail("1.2.0.192.in-addr.arpa", Type.PTR, DnsStatus.SERVFAIL);
        var ip = Optional.of(InetAddresses.forString("192.0.2.1"));
        SpfEvaluation r = new SpfEvaluator(dns, Cancellation.none(), ip,
                new SpfMacroContext("postmaster@example.com", ip, "example.com"), true).evaluate("example.com");
        assertEquals(SpfResult.PASS, r.result(), r.reason());
        assertTrue(r.problems().stream().anyMatch(p -> p.message().contains("expand the macro %{p} to \"unknown\"")),
                r.problems().toString());
    }

    @Test
    void includeWithoutRecord() {
        String zone = "example.com. TXT \"v=spf1 include:gone.example.net -all\"\n";
        Finding gone = single(check(zone), "SPF_INCLUDE_NO_RECORD", Severity.ERROR);
        assertEquals("\"include:gone.example.net\" points to gone.example.net, which has no SPF record (the name does "
                + "not exist): a permerror for every message that reaches this term", gone.message());
        assertTrue(result(zone, "192.0.2.1").message().contains(": permerror"));
        String noTxt = zone + "gone.example.net. A 192.0.2.1\n";
        assertTrue(single(check(noTxt), "SPF_INCLUDE_NO_RECORD").message().contains("(the name has no TXT records)"));
        String otherTxt = zone + "gone.example.net. TXT \"hello\"\n";
        assertTrue(single(check(otherTxt), "SPF_INCLUDE_NO_RECORD").message().contains(
                "(the name has TXT records, but none is an SPF record): a permerror"));
        String redirect = "example.com. TXT \"v=spf1 redirect=gone.example.net\"\n"
                + "gone.example.net. TXT \"v=spf1-all\"\n";
        Finding lookAlike = single(check(redirect), "SPF_INCLUDE_NO_RECORD");
        assertEquals("\"redirect=gone.example.net\" points to gone.example.net, which has no SPF record (the name has "
                + "TXT records, but none is an SPF record): a permerror for every message that reaches this term (the "
                + "TXT record \"v=spf1-all\" is ignored by receivers: there is no space between \"v=spf1\" and "
                + "\"-all\")", lookAlike.message());
        assertTrue(lookAlike.remediation().startsWith("Make the TXT record at gone.example.net begin with exactly"),
                lookAlike.remediation());
    }

    @Test
    void macrosAreExpandedWithTheIp() {
        String zone = """
                example.com. TXT "v=spf1 exists:%{i}._spf.%{d} -all"
                192.0.2.3._spf.example.com. A 127.0.0.2
                """;
        Finding needsIp = single(check(zone), "SPF_MACRO_NEEDS_IP", Severity.INFO);
        // the command line's advice is its --ip; the app, which asks for no sending IP, sends to the command line
        assertFalse(needsIp.message().contains("--ip"), needsIp.message());
        assertEquals("Give the sending IP with --ip to evaluate it.", needsIp.remediation());
        assertTrue(needsIp.forApp().remediation().startsWith("The app does not ask for the sending IP: evaluate it"
                + " on the command line"), needsIp.forApp().remediation());
        assertTrue(needsIp.forApp().remediation(java.util.Locale.of("sv")).startsWith("Appen frågar inte"),
                needsIp.forApp().remediation(java.util.Locale.of("sv")));
        Finding pass = result(zone, "192.0.2.3");
        assertTrue(pass.message().contains(": pass"));
        // the evidence shows the name that was asked, under the record that holds the term
        int record = pass.evidence().indexOf("example.com: v=spf1 exists:%{i}._spf.%{d} -all");
        assertEquals("  exists:%{i}._spf.%{d} → 192.0.2.3._spf.example.com", pass.evidence().get(record + 1),
                String.join("\n", pass.evidence()));
        Finding fail = result(zone, "192.0.2.4");
        assertTrue(fail.message().contains(": fail"));
        assertTrue(fail.evidence().contains("  exists:%{i}._spf.%{d} → 192.0.2.4._spf.example.com"),
                String.join("\n", fail.evidence()));
    }

    @Test
    void expandedNamesOfNestedTermsAreIndentedUnderTheirRecord() {
        String zone = """
                example.com. TXT "v=spf1 include:_spf.%{d} -all"
                _spf.example.com. TXT "v=spf1 a:%{d2}.mail.example.net -all"
                """;
        List<String> tree = single(check(zone), "SPF_LOOKUP_COUNT").evidence();
        assertTrue(tree.containsAll(List.of("  include:_spf.%{d} → _spf.example.com",
                "  _spf.example.com: v=spf1 a:%{d2}.mail.example.net -all",
                "    a:%{d2}.mail.example.net → example.com.mail.example.net")), String.join("\n", tree));
    }

    @Test
    void resultsForEveryQualifierAndIpv6() {
        String zone = """
                example.com. TXT "v=spf1 ip4:192.0.2.0/24 ?ip4:198.51.100.1 ~ip4:198.51.100.2 a:v6.example.com//64 -all"
                v6.example.com. AAAA 2001:db8:1:2::1
                """;
        assertTrue(result(zone, "192.0.2.77").message().contains(": pass"));
        assertTrue(result(zone, "198.51.100.1").message().contains(": neutral"));
        assertTrue(result(zone, "198.51.100.2").message().contains(": softfail"));
        assertTrue(result(zone, "2001:db8:1:2::ff").message().contains(": pass"));
        assertTrue(result(zone, "2001:db8:1:3::1").message().contains(": fail"));
        assertEquals(Severity.ERROR, result(zone, "203.0.113.1").severity());
    }

    @Test
    void dnsFailureInIncludeIsTemperror() {
        String zone = "example.com. TXT \"v=spf1 include:flaky.example.net -all\"\n";
        FakeDns dns = FakeDns.of(zone).fail("flaky.example.net", Type.TXT, DnsStatus.SERVFAIL);
        List<Finding> f = dns.run(new SpfCheck(), "example.com", FakeDns.options("192.0.2.1", List.of(), List.of()));
        assertTrue(single(f, "SPF_RESULT").message().contains(": temperror"));
        single(f, "DNS_LOOKUP_FAILED", Severity.WARNING);
    }

    @Test
    void redirectIsFollowedAndCounted() {
        String zone = """
                example.com. TXT "v=spf1 redirect=_spf.example.com"
                _spf.example.com. TXT "v=spf1 mx -all"
                _spf.example.com. MX 10 mx.example.com.
                mx.example.com. A 192.0.2.25
                """;
        assertTrue(result(zone, "192.0.2.25").message().contains(": pass (matched \"mx\" in _spf.example.com"));
        assertTrue(single(check(zone), "SPF_LOOKUP_COUNT").message().contains("needs 2 of 10"));
    }

    @Test
    void salesforceCases() {
        String without = "example.com. TXT \"v=spf1 ip4:192.0.2.1 -all\"\n";
        FakeDns dns = FakeDns.of(without);
        single(dns.run(new SpfCheck(), "example.com", CheckOptions.defaults()), "SPF_SALESFORCE_INCLUDE_MISSING",
                Severity.WARNING);
        single(dns.run(new SpfCheck(SalesforceSending.WITHOUT_BOUNCE_MANAGEMENT), "example.com",
                CheckOptions.defaults()), "SPF_SALESFORCE_INCLUDE_MISSING", Severity.ERROR);
        List<Finding> bounce = dns.run(new SpfCheck(SalesforceSending.WITH_BOUNCE_MANAGEMENT), "example.com",
                CheckOptions.defaults());
        absent(bounce, "SPF_SALESFORCE_INCLUDE_MISSING");
        assertTrue(single(bounce, "SPF_SALESFORCE").message().contains("DMARC must pass through DKIM"));
        // nested include counts too
        absent(check("example.com. TXT \"v=spf1 include:_spf.example.com -all\"\n"
                + "_spf.example.com. TXT \"v=spf1 include:_spf.salesforce.com -all\"\n" + SALESFORCE),
                "SPF_SALESFORCE_INCLUDE_MISSING");
    }

    /**
     * "v=spf1 -all" declares the domain sends no mail (a null-MX, parked domain): `check` does not tell it to
     * authorize Salesforce. When the log shows Salesforce sends with it as envelope sender, the record is wrong and
     * the include is needed all the same.
     */
    @Test
    void aDomainThatSendsNoMailIsNotToldToAddSalesforce() {
        FakeDns dns = FakeDns.of("example.com. MX 0 .\nexample.com. TXT \"v=spf1  -ALL\"\n");
        List<Finding> unknown = dns.run(new SpfCheck(), "example.com", CheckOptions.defaults());
        absent(unknown, "SPF_SALESFORCE_INCLUDE_MISSING");
        single(unknown, "SPF_OK", Severity.OK);
        // nor does the note tell it what Salesforce would need: before, "… the SPF of example.com must include"
        String note = single(unknown, "SPF_SALESFORCE", Severity.INFO).message();
        assertEquals("Salesforce: the SPF of example.com is \"v=spf1 -all\", which says no server sends mail as"
                + " example.com, Salesforce's included; it needs nothing for Salesforce as long as no mail is sent as"
                + " example.com.", note);
        Finding missing = single(dns.run(new SpfCheck(SalesforceSending.WITHOUT_BOUNCE_MANAGEMENT), "example.com",
                CheckOptions.defaults()), "SPF_SALESFORCE_INCLUDE_MISSING", Severity.ERROR);
        assertTrue(missing.message().startsWith("The SPF of example.com is \"v=spf1 -all\", which says no server"
                + " sends mail as example.com, but the Email Log shows Salesforce sending as example.com"),
                missing.message());
        assertEquals("Add \"include:_spf.salesforce.com\" before the \"all\" of the SPF record of example.com.",
                missing.remediation());
        // with Bounce Management the note says so, and still asks for nothing in SPF
        List<Finding> managed = dns.run(new SpfCheck(SalesforceSending.WITH_BOUNCE_MANAGEMENT), "example.com",
                CheckOptions.defaults());
        absent(managed, "SPF_SALESFORCE_INCLUDE_MISSING");
        assertTrue(single(managed, "SPF_SALESFORCE").message().contains("DMARC must pass through DKIM"));
        // a record that authorizes anything at all is a sending domain's
        single(check("example.com. TXT \"v=spf1 ip4:192.0.2.1 -all\"\n"), "SPF_SALESFORCE_INCLUDE_MISSING",
                Severity.WARNING);
        single(check("example.com. TXT \"v=spf1 -all redirect=_spf.example.com\"\n"
                + "_spf.example.com. TXT \"v=spf1 -all\"\n"), "SPF_SALESFORCE_INCLUDE_MISSING", Severity.WARNING);
    }

    /**
     * Salesforce's Email Relay hands the mail to the organisation's own relay, and receivers check the relay's IP
     * (RFC 7208 §4.1): when the IP given with --ip passes, the missing include matters only if Salesforce sends
     * directly, so it is INFO and names both cases. Before, a WARNING said "Add include:_spf.salesforce.com" beside
     * SPF_RESULT pass.
     */
    @Test
    void aMissingIncludeBesideAPassingRelayIpIsInformationNamingBothCases() {
        String zone = "example.com. TXT \"v=spf1 ip4:198.51.100.25 -all\"\n";
        List<Finding> f = check(zone, "198.51.100.25");
        single(f, "SPF_RESULT", Severity.OK);
        Finding missing = single(f, "SPF_SALESFORCE_INCLUDE_MISSING", Severity.INFO);
        assertEquals("The SPF of example.com does not include _spf.salesforce.com. The SPF of example.com passes "
                + "198.51.100.25, the IP checked: if Salesforce sends through Email Relay from 198.51.100.25, receivers "
                + "check that IP, and the SPF of example.com needs nothing more for that mail; if Salesforce sends "
                + "directly (from its own servers, without Bounce Management), receivers check Salesforce's servers, "
                + "and the SPF of example.com needs _spf.salesforce.com.", missing.message());
        assertEquals("Only if Salesforce sends directly, not through Email Relay: Add \"include:_spf.salesforce.com\" "
                + "before the \"all\" of the SPF record of example.com.", missing.remediation());
        assertEquals(Actor.SENDER_ADMIN, missing.actor());
        // the log's case too: it shows the domain as envelope sender, not whether the mail went through the relay
        single(FakeDns.of(zone).run(new SpfCheck(SalesforceSending.WITHOUT_BOUNCE_MANAGEMENT), "example.com",
                FakeDns.options("198.51.100.25", List.of(), List.of())), "SPF_SALESFORCE_INCLUDE_MISSING",
                Severity.INFO);
        // an IP the record does not pass, or none given: as before
        single(check(zone, "192.0.2.1"), "SPF_SALESFORCE_INCLUDE_MISSING", Severity.WARNING);
        single(check(zone), "SPF_SALESFORCE_INCLUDE_MISSING", Severity.WARNING);
        // a qualified include keeps its own words, and the relay's case is added to them
        Finding qualified = single(check("example.com. TXT \"v=spf1 ip4:198.51.100.25 ~include:_spf.salesforce.com"
                + " -all\"\n" + SALESFORCE, "198.51.100.25"), "SPF_SALESFORCE_INCLUDE_MISSING", Severity.INFO);
        assertTrue(qualified.message().startsWith("The SPF of example.com does not authorize _spf.salesforce.com: "
                + "\"~include:_spf.salesforce.com\" has the qualifier \"~\""), qualified.message());
        assertTrue(qualified.message().contains("if Salesforce sends through Email Relay from 198.51.100.25"),
                qualified.message());
    }

    /**
     * What the Email Log shows of the domain comes with the check's context (analyze hands it over in the request):
     * it decides over the case the check was made with, and UNKNOWN in the context leaves that case.
     */
    @Test
    void theCaseTheLogShowsComesWithTheContext() {
        FakeDns dns = FakeDns.of("example.com. MX 0 .\nexample.com. TXT \"v=spf1 -all\"\n");
        List<Finding> without = new SpfCheck().run(new CheckContext("example.com", CheckOptions.defaults(), dns,
                Cancellation.none(), SalesforceSending.WITHOUT_BOUNCE_MANAGEMENT)).findings();
        single(without, "SPF_SALESFORCE_INCLUDE_MISSING", Severity.ERROR);
        assertTrue(single(without, "SPF_SALESFORCE").message().startsWith("Salesforce sends without Bounce Management:"
                + " the SPF of example.com does not include _spf.salesforce.com."));
        List<Finding> with = new SpfCheck(SalesforceSending.WITHOUT_BOUNCE_MANAGEMENT).run(new CheckContext(
                "example.com", CheckOptions.defaults(), dns, Cancellation.none(),
                SalesforceSending.WITH_BOUNCE_MANAGEMENT)).findings();
        absent(with, "SPF_SALESFORCE_INCLUDE_MISSING");
        single(dns.run(new SpfCheck(SalesforceSending.WITHOUT_BOUNCE_MANAGEMENT), "example.com",
                CheckOptions.defaults()), "SPF_SALESFORCE_INCLUDE_MISSING", Severity.ERROR);
    }

    /**
     * An include of Salesforce after a term that passes every host (here an include whose record is "+all") is
     * written, but no receiver reaches it: it is not missing, and the domain is not told to add it. SPF_PLUS_ALL is
     * the error; Salesforce's servers pass as every server does.
     */
    @Test
    void anIncludeAfterATermThatPassesEveryHostIsThereButNeverDecides() {
        String zone = "example.com. TXT \"v=spf1 include:p.example.net include:_spf.salesforce.com -all\"\n"
                + "p.example.net. TXT \"v=spf1 +all\"\n" + SALESFORCE;
        for (SalesforceSending sending : List.of(SalesforceSending.UNKNOWN,
                SalesforceSending.WITHOUT_BOUNCE_MANAGEMENT)) {
            List<Finding> f = FakeDns.of(zone).run(new SpfCheck(sending), "example.com", CheckOptions.defaults());
            absent(f, "SPF_SALESFORCE_INCLUDE_MISSING");
            single(f, "SPF_PLUS_ALL", Severity.ERROR);
            String message = single(f, "SPF_SALESFORCE", Severity.INFO).message();
            assertTrue(message.contains("the SPF of example.com names _spf.salesforce.com in "
                    + "\"include:_spf.salesforce.com\", but receivers never reach it: \"include:p.example.net\" in the "
                    + "SPF record of example.com matches every server first, so it never decides"), message);
            assertFalse(message.contains("does not include"), message);
        }
        // the receiver's view agrees: every address passes at the first include
        assertTrue(result(zone, "198.51.100.1").message().contains(": pass (matched \"include:p.example.net\""));
        // "+all" written before it in the record itself
        Finding state = single(check("example.com. TXT \"v=spf1 +all include:_spf.salesforce.com\"\n" + SALESFORCE),
                "SPF_SALESFORCE");
        assertTrue(state.message().contains("\"+all\" in the SPF record of example.com matches every server first"),
                state.message());
    }

    /**
     * An include of Salesforce after a term that fails every host is written, but Salesforce's servers get fail:
     * still SPF_SALESFORCE_INCLUDE_MISSING, which says so and asks to move the include, not to add it.
     */
    @Test
    void anIncludeAfterATermThatFailsEveryHostIsNamedAndToBeMoved() {
        String zone = "example.com. TXT \"v=spf1 -all include:_spf.salesforce.com\"\n" + SALESFORCE;
        List<Finding> f = check(zone);
        single(f, "SPF_UNREACHABLE_TERMS", Severity.WARNING);
        Finding missing = single(f, "SPF_SALESFORCE_INCLUDE_MISSING", Severity.WARNING);
        assertEquals("The SPF of example.com never reaches \"include:_spf.salesforce.com\" (needed if Salesforce "
                + "sends without Bounce Management): \"-all\" in the SPF record of example.com matches every server "
                + "first, so Salesforce's servers get fail, not pass (RFC 7208 §4.6.2: the first term that matches "
                + "decides)", missing.message());
        assertEquals("Move \"include:_spf.salesforce.com\" before \"-all\" in the SPF record of example.com.",
                missing.remediation());
        assertTrue(single(f, "SPF_SALESFORCE").message().contains("so Salesforce's servers get fail, not pass"));
        assertTrue(result(zone, "13.108.0.1").message().contains(": fail (matched \"-all\""));
        // a redirect to Salesforce beside "-all" is never followed either
        Finding redirect = single(check("example.com. TXT \"v=spf1 redirect=_spf.salesforce.com -all\"\n"
                + SALESFORCE), "SPF_SALESFORCE_INCLUDE_MISSING", Severity.WARNING);
        assertTrue(redirect.message().startsWith("The SPF of example.com never reaches "
                + "\"redirect=_spf.salesforce.com\""), redirect.message());
        // nested: the included record's own "~all" comes first there
        Finding nested = single(check("example.com. TXT \"v=spf1 include:_spf.example.com -all\"\n"
                + "_spf.example.com. TXT \"v=spf1 ~all include:_spf.salesforce.com\"\n" + SALESFORCE),
                "SPF_SALESFORCE_INCLUDE_MISSING");
        assertTrue(nested.message().contains("\"~all\" in the SPF record of _spf.example.com matches every server "
                + "first, so Salesforce's servers get softfail"), nested.message());
    }

    @Test
    void onlyABareOrPlusIncludeAuthorizesSalesforce() {
        for (String q : List.of("-", "~", "?")) {
            String zone = "example.com. TXT \"v=spf1 ip4:192.0.2.1 " + q + "include:_spf.salesforce.com -all\"\n"
                    + SALESFORCE;
            List<Finding> f = check(zone);
            Finding missing = single(f, "SPF_SALESFORCE_INCLUDE_MISSING", Severity.WARNING);
            String label = switch (q) {
                case "-" -> "fail";
                case "~" -> "softfail";
                default -> "neutral";
            };
            assertTrue(missing.message().contains("\"" + q + "include:_spf.salesforce.com\" has the qualifier \""
                    + q + "\"") && missing.message().contains("get " + label + ", not pass"), missing.message());
            assertTrue(missing.remediation().contains("write \"include:_spf.salesforce.com\""),
                    missing.remediation());
            assertTrue(single(f, "SPF_SALESFORCE").message().contains("only through \"" + q + "include:"),
                    single(f, "SPF_SALESFORCE").message());
            // the receiver's view agrees: Salesforce's servers do not pass
            assertTrue(result(zone, "13.108.0.1").message().contains(": " + label + " "), result(zone,
                    "13.108.0.1").message());
        }
        absent(check("example.com. TXT \"v=spf1 +include:_spf.salesforce.com -all\"\n" + SALESFORCE),
                "SPF_SALESFORCE_INCLUDE_MISSING");
        // a qualifier further up the tree counts too: a pass of the inner record is a softfail of the domain
        Finding nested = single(check("example.com. TXT \"v=spf1 ~include:_spf.example.com -all\"\n"
                + "_spf.example.com. TXT \"v=spf1 include:_spf.salesforce.com -all\"\n" + SALESFORCE),
                "SPF_SALESFORCE_INCLUDE_MISSING");
        assertTrue(nested.message().contains("\"~include:_spf.example.com\""), nested.message());
    }

    @Test
    void anIncludeInARecordWithASyntaxErrorIsThereButUnusable() {
        String zone = "example.com. TXT \"v=spf1 include:_spf.salesforce.com ip4:192.0.2.300 -all\"\n" + SALESFORCE;
        for (SalesforceSending sending : List.of(SalesforceSending.UNKNOWN,
                SalesforceSending.WITHOUT_BOUNCE_MANAGEMENT)) {
            List<Finding> f = FakeDns.of(zone).run(new SpfCheck(sending), "example.com", CheckOptions.defaults());
            single(f, "SPF_SYNTAX", Severity.ERROR);
            String message = single(f, "SPF_SALESFORCE", Severity.INFO).message();
            assertTrue(message.contains("the SPF of example.com includes _spf.salesforce.com, but the record as a "
                    + "whole is not usable: it has a syntax error (see SPF_SYNTAX), so receivers give permerror and "
                    + "Salesforce's mail fails SPF"), message);
            absent(f, "SPF_SALESFORCE_INCLUDE_MISSING");
        }
    }

    @Test
    void aRecordWithASyntaxErrorAndNoIncludeStillSaysItIsMissing() {
        List<Finding> f = check("example.com. TXT \"v=spf1 ip4:192.0.2.1 foo -all\"\n");
        single(f, "SPF_SYNTAX", Severity.ERROR);
        Finding missing = single(f, "SPF_SALESFORCE_INCLUDE_MISSING", Severity.WARNING);
        assertTrue(missing.message().startsWith("The SPF of example.com does not include _spf.salesforce.com"),
                missing.message());
        assertTrue(single(f, "SPF_SALESFORCE").message().contains("does not include _spf.salesforce.com"));
        // an unusable record gives no pass to a qualified include either: it is named as such
        Finding qualified = single(check("example.com. TXT \"v=spf1 ~include:_spf.salesforce.com foo -all\"\n"),
                "SPF_SALESFORCE_INCLUDE_MISSING");
        assertTrue(qualified.message().contains("\"~include:_spf.salesforce.com\" has the qualifier \"~\""),
                qualified.message());
    }

    @Test
    void twoRecordsOneWithTheIncludeAreUnusable() {
        String zone = "example.com. TXT \"v=spf1 ip4:192.0.2.1 -all\"\n"
                + "example.com. TXT \"v=spf1 include:_spf.salesforce.com -all\"\n" + SALESFORCE;
        List<Finding> f = check(zone);
        single(f, "SPF_MULTIPLE", Severity.ERROR);
        String message = single(f, "SPF_SALESFORCE", Severity.INFO).message();
        assertTrue(message.contains("the SPF of example.com includes _spf.salesforce.com, but the domain publishes "
                + "2 SPF records where only one is allowed (see SPF_MULTIPLE), so receivers give permerror and "
                + "Salesforce's mail fails SPF"), message);
        absent(f, "SPF_SALESFORCE_INCLUDE_MISSING");
        // neither of the two has it: still missing
        single(check("example.com. TXT \"v=spf1 ip4:192.0.2.1 -all\"\nexample.com. TXT \"v=spf1 mx -all\"\n"),
                "SPF_SALESFORCE_INCLUDE_MISSING", Severity.WARNING);
    }

    @Test
    void badIpIsAFindingNotACrash() {
        assertEquals(Severity.WARNING, result("example.com. TXT \"v=spf1 -all\"\n", "not-an-ip").severity());
    }

    @Test
    void includeOfAnInvalidNameAfterExpansion() {
        // "%{d}" + 61 letters expands to the label "com" + 61 letters: 64 octets, too long for DNS
        Finding f = single(check("example.com. TXT \"v=spf1 include:%{d}" + "a".repeat(61) + ".example.net -all\"\n"),
                "SPF_INCLUDE_NO_RECORD");
        assertTrue(f.message().contains("not a valid domain name"), f.message());
    }

    @Test
    void cancellationStopsTheWalk() {
        Cancellation cancelled = new Cancellation();
        cancelled.cancel();
        FakeDns dns = FakeDns.of(includes(11));
        org.junit.jupiter.api.Assertions.assertThrows(org.mailpath.engine.common.CancelledException.class,
                () -> new SpfCheck().run(new org.mailpath.engine.check.CheckContext("example.com",
                        CheckOptions.defaults(), dns, cancelled)));
        assertEquals(0, dns.queryCount());
    }

    @Test
    void walkThroughDeadServersGivesUpAfterAFewFailures() {
        FakeDns dns = FakeDns.of(includes(9));
        for (int i = 1; i <= 9; i++) {
            dns.fail("i" + i + ".example.net", Type.TXT, DnsStatus.TIMEOUT);
        }
        List<Finding> f = dns.run(new SpfCheck(), "example.com", CheckOptions.defaults());
        assertEquals(1 + SpfLimits.MAX_FAILED_QUERIES, dns.queryCount());
        assertTrue(single(f, "SPF_LOOKUP_COUNT").message().contains("needs at least 5 of 10"));
        assertEquals(SpfLimits.MAX_FAILED_QUERIES, f.stream().filter(x -> x.code().equals("DNS_TIMEOUT"))
                .count());
    }

    @Test
    void answerLargerThan512Bytes() {
        StringBuilder zone = new StringBuilder("example.com. TXT \"v=spf1\"");
        for (int i = 0; i < 24; i++) {
            zone.append(" \" ip4:198.51.100.").append(i).append('"');
        }
        zone.append(" \" -all\"\n");
        absent(check(zone.toString()), "SPF_RECORD_TOO_LONG");
        zone.append("example.com. TXT \"google-site-verification=").append("x".repeat(200)).append("\"\n");
        single(check(zone.toString()), "SPF_RECORD_TOO_LONG", Severity.WARNING);
    }

    @Test
    void termsNamingTheSenderOrHeloAreNotEvaluatedWithMadeUpValues() {
        // RFC 7208 §7.2: %{s l o} come from MAIL FROM, %{h} from HELO; a check of the domain has no message, and
        // the postmaster@DOMAIN / HELO DOMAIN it used to make up asked names no receiver asks, whose void answers
        // gave SPF_VOID_LOOKUPS (and permerror with --ip) for a record a receiver passes
        FakeDns dns = FakeDns.of("example.com. TXT \"v=spf1 exists:%{l}._u.%{d} exists:%{h}._h.%{d} "
                + "exists:%{s}._s.%{d} ip4:1.2.3.4 -all\"\n");
        List<Finding> walk = dns.run(new SpfCheck(), "example.com", FakeDns.options(null, List.of(), List.of()));
        absent(walk, "SPF_VOID_LOOKUPS");
        absent(walk, "SPF_MACRO_NEEDS_IP");
        List<Finding> message = walk.stream().filter(f -> f.code().equals("SPF_MACRO_NEEDS_MESSAGE")).toList();
        assertEquals(3, message.size(), walk.toString());
        assertEquals(Severity.INFO, message.getFirst().severity());
        assertTrue(message.getFirst().message().startsWith("\"exists:%{l}._u.%{d}\" in example.com depends on each "
                + "message (its sender or HELO name"), message.getFirst().message());
        assertTrue(single(walk, "SPF_LOOKUP_COUNT").message().contains("needs 3 of 10"),
                single(walk, "SPF_LOOKUP_COUNT").message());
        single(walk, "SPF_OK", Severity.OK);
        assertEquals(List.of("example.com TXT"), dns.queries(), "no name made of a made-up sender or HELO is asked");

        List<Finding> withIp = dns.run(new SpfCheck(), "example.com", FakeDns.options("1.2.3.4", List.of(), List.of()));
        Finding pass = single(withIp, "SPF_RESULT", Severity.OK);
        assertTrue(pass.message().startsWith("SPF result for 1.2.3.4 sending as example.com: pass"), pass.message());
        assertTrue(pass.message().contains("for messages that no term naming the sender or HELO name matches first: "
                + "\"exists:%{l}._u.%{d}\", \"exists:%{h}._h.%{d}\", \"exists:%{s}._s.%{d}\" came before and were not "
                + "evaluated"), pass.message());
        assertEquals(3, withIp.stream().filter(f -> f.code().equals("SPF_MACRO_NEEDS_MESSAGE")).count(),
                "--ip gives no message: the advice stays");
        absent(withIp, "SPF_VOID_LOOKUPS");
    }

    @Test
    void anIncludeNamingTheHeloIsNoMissingRecord() {
        FakeDns dns = FakeDns.of("example.com. TXT \"v=spf1 include:%{h}._h.example.com -all\"\n");
        List<Finding> walk = dns.run(new SpfCheck(), "example.com", FakeDns.options(null, List.of(), List.of()));
        absent(walk, "SPF_INCLUDE_NO_RECORD");
        single(walk, "SPF_MACRO_NEEDS_MESSAGE", Severity.INFO);
        Finding fail = single(dns.run(new SpfCheck(), "example.com", FakeDns.options("192.0.2.1", List.of(),
                List.of())), "SPF_RESULT");
        assertTrue(fail.message().startsWith("SPF result for 192.0.2.1 sending as example.com: fail"), fail.message());
        assertTrue(fail.message().contains("\"include:%{h}._h.example.com\" came before and was not evaluated"),
                fail.message());
        // %{d} needs no message: it is still expanded and asked
        FakeDns byDomain = FakeDns.of("example.com. TXT \"v=spf1 include:_h.%{d} -all\"\n");
        single(byDomain.run(new SpfCheck(), "example.com", FakeDns.options(null, List.of(), List.of())),
                "SPF_INCLUDE_NO_RECORD");
    }
}
