package org.mailpath.engine.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.testing.BrokenCheck;
import org.mailpath.testing.dns.LoopbackDns;
import org.mailpath.testing.dns.TestDnsNetwork;
import org.mailpath.testing.dns.TestDnsServer;

/** Every finding code of the DNS checks, produced by the real checks against the test DNS network. */
class DnsChecksTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @RegisterExtension
    static final LoopbackDns DNS = LoopbackDns.network();

    /** The kinds of this area (the standard checker also has SPF, DMARC, … which are tested elsewhere). */
    private static final EnumSet<CheckKind> DNS_KINDS = EnumSet.of(CheckKind.EXISTENCE, CheckKind.MX,
            CheckKind.NAME_SERVERS, CheckKind.EDNS, CheckKind.DNSSEC);

    private static DomainCheckResult check(String domain, Duration timeout, CheckKind... kinds) {
        CheckReport report = DomainCheckers.standard().check(
                List.of(new CheckRequest(domain, kinds.length == 0 ? DNS_KINDS
                        : EnumSet.copyOf(List.of(kinds)))),
                DNS.setup().withTimeout(timeout).options(), CheckListener.NONE, Cancellation.none());
        assertEquals(1, report.domains().size());
        return report.domains().getFirst();
    }

    private static DomainCheckResult check(String domain, CheckKind... kinds) {
        return check(domain, TIMEOUT, kinds);
    }

    private static Set<String> codes(DomainCheckResult r) {
        return r.findings().stream().map(Finding::code).collect(Collectors.toSet());
    }

    private static Finding find(DomainCheckResult r, String code, String subject) {
        return r.findings().stream().filter(f -> f.code().equals(code) && f.subject().contains(subject))
                .findFirst().orElseThrow(() -> new AssertionError(code + " " + subject + " not in " + r.findings()));
    }

    @Test
    void healthyDomainIsAllOk() {
        DomainCheckResult r = check("good.test");
        assertEquals(Set.of("DOMAIN_EXISTS", "MX_OK", "MX_IPV6_ONLY", "NS_OK", "EDNS_OK", "DNSSEC_SIGNED"), codes(r));
        // mx2 has an AAAA record only: a note, as mx1 takes the mail of senders without IPv6
        assertEquals(Severity.INFO, find(r, "MX_IPV6_ONLY", "mx2.good.test").severity());
        assertTrue(r.findings().stream().allMatch(f -> f.severity() == Severity.OK
                || f.code().equals("MX_IPV6_ONLY")), r.findings().toString());
        assertEquals(2, r.nameServers().size());
        r.nameServers().forEach(ns -> assertEquals("ok", ns.verdict(), ns.toString()));
        assertEquals("ok,yes", r.nameServers().getFirst().tests().get("signed"));
        Finding mx = find(r, "MX_OK", "good.test");
        assertTrue(mx.message().contains("10 mx1.good.test, 20 mx2.good.test."), mx.message());
        assertTrue(mx.evidence().stream().anyMatch(l -> l.contains("192.0.2.10")), mx.evidence().toString());
    }

    @Test
    void everyMxProblemOfATarget() {
        DomainCheckResult r = check("broken.test", CheckKind.MX);
        assertEquals(Severity.WARNING, find(r, "MX_CNAME", "alias.broken.test").severity());
        assertEquals(Severity.ERROR, find(r, "MX_IP_LITERAL", "192.0.2.1").severity());
        // another MX still works, so a target without address is a warning
        assertEquals(Severity.WARNING, find(r, "MX_NO_ADDRESS", "noaddr.broken.test").severity());
        assertTrue(find(r, "MX_PRIVATE_ADDRESS", "private.broken.test").message().contains("10.1.2.3"));
        assertTrue(find(r, "MX_PRIVATE_ADDRESS", "loopback.broken.test").message().contains("127.0.0.1"));
        assertFalse(codes(r).contains("MX_OK"));
    }

    @Test
    void implicitAndMissingMx() {
        Finding implicit = find(check("implicit.mail.test", CheckKind.MX), "MX_MISSING_IMPLICIT", "implicit");
        assertTrue(implicit.message().contains("192.0.2.20"));
        assertEquals(Set.of("MX_NONE"), codes(check("nomail.mail.test", CheckKind.MX)));
        assertEquals(Set.of("MX_MISSING_IMPLICIT", "MX_PRIVATE_ADDRESS"),
                codes(check("privimpl.mail.test", CheckKind.MX)));
    }

    @Test
    void hostileMxTargetsEndInFindings() {
        DomainCheckResult loop = check("loop.mail.test", CheckKind.MX);
        assertTrue(find(loop, "DNS_LOOKUP_FAILED", "mx.loop.mail.test").message().contains("loop"));
        DomainCheckResult chain = check("chain.mail.test", CheckKind.MX);
        assertTrue(find(chain, "DNS_LOOKUP_FAILED", "c1.mail.test").message().contains("longer"));
    }

    @Test
    void nxdomainServfailAndTimeoutAreDifferentFindings() {
        DomainCheckResult nx = check("missing.test");
        assertEquals(Set.of("DOMAIN_NXDOMAIN"), codes(nx));
        assertEquals(1, nx.findings().size(), "reported once although every check saw it: " + nx.findings());
        assertEquals(Set.of("DNS_LOOKUP_FAILED"), codes(check("servfail.test", CheckKind.EXISTENCE)));
        assertTrue(find(check("servfail.test", CheckKind.EXISTENCE), "DNS_LOOKUP_FAILED", "servfail")
                .message().contains("SERVFAIL"));
        // never answered: the outcome does not depend on how short the timeout is
        assertEquals(Set.of("DNS_TIMEOUT"), codes(check("silent.test", Duration.ofMillis(300),
                CheckKind.EXISTENCE, CheckKind.MX)));
    }

    @Test
    void aDomainThatDoesNotExistIsOneFindingWhateverRecipientChecksRun() {
        // no MTA-STS/TLS-RPT advice ("publish a policy", "Optional: publish TXT v=TLSRPTv1 …") for a missing domain
        DomainCheckResult nx = check("missing.test", CheckKind.RECIPIENT.toArray(CheckKind[]::new));
        assertEquals(List.of("DOMAIN_NXDOMAIN"), nx.findings().stream().map(Finding::code).toList(),
                nx.findings().toString());
    }

    @ParameterizedTest
    @EnumSource(value = TestDnsServer.Misbehaviour.class, names = {"SILENT", "NXDOMAIN", "SERVFAIL"})
    void aResolverThatDoesNotWorkIsBlamedForEveryFailureNotTheDomain(TestDnsServer.Misbehaviour how) {
        DNS.behave(TestDnsNetwork.RESOLVER, how);
        DomainCheckResult r = check("good.test", Duration.ofMillis(300), CheckKind.values());
        assertFalse(codes(r).contains("DOMAIN_NXDOMAIN"), r.findings().toString());
        assertTrue(codes(r).contains(how == TestDnsServer.Misbehaviour.SILENT ? "DNS_TIMEOUT"
                : "DNS_LOOKUP_FAILED"), r.findings().toString());
        for (Finding f : r.findings()) {
            // advice that asks no question (our admin's: give the selectors, the sending IP) is not a failure
            if (f.actor() != Actor.NOBODY && !Set.of("DKIM_NO_SELECTOR", "PTR_NOT_CHECKED").contains(f.code())) {
                assertEquals(Actor.LOCAL_NETWORK, f.actor(), f.toString());
            }
        }
        Finding first = r.findings().getFirst();
        assertTrue(first.remediation().contains("this computer's network"), first.remediation());
        assertTrue(first.message().contains("failed at the resolver asked, not at good.test"), first.message());
        assertEquals(1, r.findings().stream().filter(f -> f.actor() == Actor.LOCAL_NETWORK).count(),
                "one cause, said once: " + r.findings());
        // the words of the run: why the resolver is at fault is said once, in the merged message; its evidence is
        // the questions and their outcomes (before: the reason on every answer line and in every part's message)
        String why = how == TestDnsServer.Misbehaviour.SILENT
                ? "it did not answer . NS either, so it answers no question"
                : "it answers NXDOMAIN or SERVFAIL even for . NS, the root zone, so it cannot resolve any name";
        assertTrue(first.message().contains("failed at the resolver asked, not at good.test: the resolver does not"
                + " work (" + why + "). So these checks say nothing about good.test"), first.message());
        for (Finding f : r.findings()) {
            String words = f.message() + "\n" + String.join("\n", f.evidence());
            assertTrue(words.indexOf(". NS") == words.lastIndexOf(". NS"), "said once: " + words);
            assertTrue(f.evidence().stream().noneMatch(l -> l.contains(". NS") || l.contains("does not work")),
                    f.evidence().toString());
        }
        assertTrue(first.evidence().size() > 1 && first.evidence().stream().allMatch(l -> l.matches(
                ";; \\S+ [A-Z]+ @\\S+ -> [A-Z]+( \\([^()]*\\))? at \\S+")), first.evidence().toString());
    }

    @Test
    void lameTcplessAndAddresslessNameServers() {
        DomainCheckResult r = check("broken.test", CheckKind.NAME_SERVERS);
        assertTrue(find(r, "NS_LAME", "ns1.broken.test").message().contains("REFUSED"));
        find(r, "NS_NO_TCP", "ns2.broken.test");
        find(r, "NS_NO_ADDRESS", "ns3.broken.test");
        assertFalse(codes(r).contains("NS_OK"));
        Finding lame = find(r, "NS_LAME", "127.0.1.4");
        assertTrue(lame.evidence().stream().anyMatch(l -> l.contains("REFUSED")), lame.evidence().toString());
    }

    @Test
    void aLameServerIsReportedOnceAsAnErrorAndItsEdnsResultsPointAtIt() {
        DomainCheckResult r = check("broken.test", CheckKind.NAME_SERVERS, CheckKind.EDNS);
        assertEquals(Severity.ERROR, find(r, "NS_LAME", "127.0.1.4").severity());
        Finding edns = find(r, "EDNS_DEAD", "127.0.1.4");
        assertEquals(Severity.INFO, edns.severity());
        assertEquals(Actor.NOBODY, edns.actor());
        assertTrue(edns.message().startsWith("The name server ns1.broken.test (127.0.1.4) does not serve the zone "
                + "(dns=refused): that lame delegation, reported as NS_LAME for this server, is the cause"),
                edns.message());
        // the tester's labels stay, in its words: first every test, then the failed exchanges
        assertTrue(edns.evidence().getFirst().startsWith(";; ns1.broken.test (127.0.1.4): dns=refused edns=refused"),
                edns.evidence().toString());
        assertTrue(edns.evidence().stream().anyMatch(l -> l.contains("REFUSED")), edns.evidence().toString());
        assertEquals("dead", r.nameServers().stream().filter(ns -> ns.address().equals("127.0.1.4")).findFirst()
                .orElseThrow().verdict());
        assertFalse(codes(r).contains("EDNS_OK"), r.findings().toString());
    }

    @Test
    void unreachableNameServer() {
        DomainCheckResult r = check("deadns.test", Duration.ofMillis(500), CheckKind.NAME_SERVERS, CheckKind.EDNS);
        assertEquals(Severity.ERROR, find(r, "NS_UNREACHABLE", "ns.deadns.test").severity());
        // no answer to any test, plain DNS included: the EDNS tests only repeat NS_UNREACHABLE, so they point at it
        Finding edns = find(r, "EDNS_DEAD", "ns.deadns.test");
        assertEquals(Severity.INFO, edns.severity());
        assertEquals(Actor.NOBODY, edns.actor());
        assertTrue(edns.message().startsWith("The name server ns.deadns.test (127.0.1.20) does not answer at all, not"
                + " even plain DNS (dns=timeout): that it cannot be reached, reported as NS_UNREACHABLE for this"
                + " server, is the cause, and its failed EDNS tests (dns=timeout edns=timeout"), edns.message());
        // the tester's labels stay, in its words: TCP finds nothing listening
        assertTrue(edns.evidence().getFirst().startsWith(";; ns.deadns.test (127.0.1.20): dns=timeout edns=timeout")
                && edns.evidence().getFirst().contains("ednstcp=connection-refused"), edns.evidence().toString());
        assertTrue(edns.message(java.util.Locale.of("sv")).startsWith("Namnservern ns.deadns.test (127.0.1.20) svarar"
                + " inte alls"), edns.message(java.util.Locale.of("sv")));
        assertEquals("dead", r.nameServers().getFirst().verdict());
        assertFalse(codes(r).contains("EDNS_OK"), r.findings().toString());
    }

    @Test
    void ednsFindingsFollowTheVerdict() {
        DNS.behave(TestDnsNetwork.EDNS_SERVER, TestDnsServer.Misbehaviour.IGNORE_EDNS);
        DomainCheckResult r = check("edns.test", CheckKind.EDNS);
        Finding f = find(r, "EDNS_NONCOMPLIANT", "ns.edns.test");
        assertTrue(f.message().contains("edns=noopt"), f.message());
        assertEquals("compatible", r.nameServers().getFirst().verdict());

        DNS.behave(TestDnsNetwork.EDNS_SERVER, TestDnsServer.Misbehaviour.OVERSIZED_UDP);
        r = check("edns.test", CheckKind.EDNS);
        find(r, "EDNS_OVERSIZED_UDP", "ns.edns.test");
        assertEquals("toobig", r.nameServers().getFirst().tests().get("edns@1232"));

        DNS.behave(TestDnsNetwork.EDNS_SERVER, TestDnsServer.Misbehaviour.NO_TCP);
        r = check("edns.test", CheckKind.EDNS);
        find(r, "EDNS_DEAD", "ns.edns.test");
    }

    @Test
    void dnssecChainsAreFollowedThroughTheResolver() {
        assertEquals(Set.of("DNSSEC_UNSIGNED"), codes(check("broken.test", CheckKind.DNSSEC)));
        assertEquals(Set.of("DNSSEC_NO_DS"), codes(check("edns.test", CheckKind.DNSSEC)));
        // good.test is signed when the network starts: its signatures come over the wire (DO) and verify
        Finding signed = find(check("good.test", CheckKind.DNSSEC), "DNSSEC_SIGNED", "good.test");
        assertTrue(signed.message().contains("the signatures of its DNSKEY, SOA, MX records are valid"),
                signed.message());
        // a name below the apex is judged by its zone
        Finding below = find(check("mx1.good.test", CheckKind.DNSSEC), "DNSSEC_SIGNED", "mx1.good.test");
        assertTrue(below.message().contains("its zone good.test"), below.message());
    }

    @Test
    void aCheckThatThrowsBecomesAFindingAndTheOthersGoOn() {
        DomainCheck broken = new BrokenCheck(CheckKind.SPF, "boom");
        List<String> events = new ArrayList<>();
        CheckListener listener = new CheckListener() {
            @Override
            public synchronized void started(String domain, CheckKind kind) {
                events.add("start " + kind);
            }

            @Override
            public synchronized void finished(String domain, CheckKind kind, List<Finding> findings) {
                events.add("end " + kind);
            }
        };
        List<DomainCheck> checks = new ArrayList<>(DomainCheckers.standardChecks());
        checks.add(broken);
        var checker = new ConcurrentDomainChecker(checks, o -> DNS.lookup(TIMEOUT));
        CheckReport report = checker.check(List.of(new CheckRequest("Good.Test.", EnumSet.of(CheckKind.MX,
                CheckKind.SPF))), DNS.options(), listener, Cancellation.none());
        DomainCheckResult r = report.domains().getFirst();
        assertEquals("good.test", r.domain());
        assertEquals(Set.of("CHECK_FAILED", "MX_OK", "MX_IPV6_ONLY"), codes(r));
        Finding failed = r.findings().getFirst();
        assertEquals("CHECK_FAILED", failed.code(), "worst first");
        assertFalse(failed.message().contains("Exception"), "no Java in the message: " + failed.message());
        assertTrue(failed.evidence().getFirst().contains("IllegalStateException: boom"), failed.evidence().toString());
        assertEquals(Set.of("start MX", "end MX", "start SPF", "end SPF"), Set.copyOf(events));
    }

    @Test
    void manyDomainsAtOnce() {
        List<CheckRequest> requests = List.of("good.test", "broken.test", "missing.test", "nullmx.mail.test").stream()
                .map(d -> new CheckRequest(d, DNS_KINDS)).toList();
        CheckReport report = DomainCheckers.standard().check(requests, DNS.options(), CheckListener.NONE,
                Cancellation.none());
        assertEquals(List.of("good.test", "broken.test", "missing.test", "nullmx.mail.test"),
                report.domains().stream().map(DomainCheckResult::domain).toList());
        assertTrue(codes(report.domains().get(3)).contains("MX_NULL"));
    }

    @Test
    void cancellingStopsARunLongBeforeItsTimeouts() throws Exception {
        Cancellation cancellation = new Cancellation();
        List<String> started = java.util.Collections.synchronizedList(new ArrayList<>());
        CheckListener listener = new CheckListener() {
            @Override
            public void started(String domain, CheckKind kind) {
                started.add(domain + " " + kind);
            }
        };
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            // silent.test never answers; with a 60 s timeout only cancellation can end this run
            var future = pool.submit(() -> DomainCheckers.standard().check(
                    List.of(new CheckRequest("silent.test", DNS_KINDS), new CheckRequest("deadns.test", DNS_KINDS)),
                    DNS.setup().withTimeout(Duration.ofSeconds(60)).options(), listener, cancellation));
            while (started.size() < 2) {
                Thread.sleep(10);
            }
            cancellation.cancel();
            var e = org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> future.get(20, java.util.concurrent.TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof org.mailpath.engine.common.CancelledException, e.getCause().toString());
        }
    }
}
