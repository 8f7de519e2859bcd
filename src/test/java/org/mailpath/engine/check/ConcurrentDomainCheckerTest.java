package org.mailpath.engine.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.CancelledException;
import org.mailpath.engine.dmarc.DmarcCheck;
import org.mailpath.engine.dns.DnsAnswer;
import org.mailpath.engine.dns.DnsFindingCodes;
import org.mailpath.engine.dns.DnsLookup;
import org.mailpath.engine.dns.DnsStatus;
import org.mailpath.engine.dns.LookupFindings;
import org.mailpath.engine.dnsbl.DnsblCheck;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.testing.dns.CheckSetup;
import org.mailpath.testing.dns.TestDnsServer;
import org.mailpath.testing.fakedns.FakeDns;
import org.xbill.DNS.Type;

/** How the checker merges the findings of a domain's checks: duplicates once, distinct facts all kept. */
class ConcurrentDomainCheckerTest {

    private static List<Finding> run(FakeDns dns, CheckOptions options, List<DomainCheck> checks,
                                     CheckKind... kinds) {
        CheckReport report = new ConcurrentDomainChecker(checks, o -> dns).check(
                List.of(new CheckRequest("example.com", EnumSet.copyOf(List.of(kinds)))), options,
                CheckListener.NONE, Cancellation.none());
        return report.domains().getFirst().findings();
    }

    private static List<Finding> withCode(List<Finding> findings, String code) {
        return findings.stream().filter(f -> f.code().equals(code)).toList();
    }

    @Test
    void anAddressOnTwoBlocklistsIsReportedForEach() {
        FakeDns dns = FakeDns.of("""
                example.com. A 198.51.100.1
                2.0.0.127.one.example.test. A 127.0.0.2
                2.0.0.127.two.example.test. A 127.0.0.2
                25.2.0.192.one.example.test. A 127.0.0.2
                25.2.0.192.two.example.test. A 127.0.0.3
                """);
        List<Finding> listed = withCode(run(dns, FakeDns.options("192.0.2.25", List.of(),
                List.of("one.example.test", "two.example.test")), List.of(new DnsblCheck()), CheckKind.DNSBL),
                "DNSBL_LISTED");
        assertEquals(List.of("192.0.2.25", "192.0.2.25"), listed.stream().map(Finding::subject).toList());
        assertEquals(List.of(true, true), List.of(listed.get(0).message().contains("one.example.test"),
                listed.get(1).message().contains("two.example.test")), listed.toString());
    }

    @Test
    void twoUnauthorizedReportDomainsAreTwoFindings() {
        FakeDns dns = FakeDns.of("""
                _dmarc.example.com. TXT "v=DMARC1; p=reject; rua=mailto:agg@reports.net; ruf=mailto:f@forensic.org"
                """);
        List<Finding> unauthorized = withCode(run(dns, CheckOptions.defaults(), List.of(new DmarcCheck()),
                CheckKind.DMARC), "DMARC_REPORT_UNAUTHORIZED");
        assertEquals(2, unauthorized.size(), unauthorized.toString());
    }

    /**
     * Cancelled while it is still handing out checks: the checker's pool is shut down by the cancellation, so
     * handing out the next check fails, and that must end the run as cancelled, not as an internal error (a
     * RejectedExecutionException, seen once in CI through DnsChecksTest). Many domains, and the first check to run
     * cancels: whether the checker is still handing out checks then depends on the threads, and either way the run
     * must end cancelled.
     */
    @Test
    void cancellingWhileChecksAreHandedOutEndsTheRunAsCancelled() {
        Cancellation cancellation = new Cancellation();
        DomainCheck cancelling = TestChecks.check(CheckKind.SPF, context -> {
            cancellation.cancel();
            return CheckOutcome.of(List.of());
        });
        List<CheckRequest> requests = IntStream.range(0, 2_000)
                .mapToObj(i -> new CheckRequest("d" + i + ".example", EnumSet.of(CheckKind.SPF))).toList();
        assertThrows(CancelledException.class, () -> new ConcurrentDomainChecker(List.of(cancelling),
                o -> FakeDns.of("")).check(requests, CheckOptions.defaults(), CheckListener.NONE, cancellation));
    }

    @Test
    void theSameFactFromTwoChecksIsOneFindingWithTheEvidenceOfBoth() {
        Finding bySoa = nxdomain(";; missing.example SOA -> NXDOMAIN");
        Finding byMx = nxdomain(";; missing.example MX -> NXDOMAIN");
        List<Finding> tidy = ConcurrentDomainChecker.tidy(List.of(
                new Finding("MX_NONE", Severity.WARNING, "missing.example", "no MX", List.of(), "", Actor.NOBODY),
                bySoa, byMx, bySoa));
        assertEquals(List.of("DOMAIN_NXDOMAIN", "MX_NONE"), tidy.stream().map(Finding::code).toList(), "worst first");
        assertEquals(List.of(";; missing.example SOA -> NXDOMAIN", ";; missing.example MX -> NXDOMAIN"),
                tidy.getFirst().evidence());
    }

    @Test
    void theWorstOfTwoAlikeFindingsIsKept() {
        Finding warning = new Finding("DNS_TIMEOUT", Severity.WARNING, "Example.com", "same", List.of(), "",
                Actor.NOBODY);
        Finding error = new Finding("DNS_TIMEOUT", Severity.ERROR, "example.com", "same", List.of(), "",
                Actor.NOBODY);
        assertEquals(List.of(error), ConcurrentDomainChecker.tidy(List.of(warning, error)));
    }

    /**
     * A domain's checks' findings are read against the run's answers together: a name that three checks found
     * NXDOMAIN is read once (it was read once per check), its contradicted NXDOMAIN is a failed lookup in each, and
     * the checks this computer's network kept from being made are still told check by check.
     */
    @Test
    void aDomainsChecksAreCrossCheckedTogetherAndStillToldApart() {
        String name = "missing.example";
        Instant at = Instant.parse("2026-12-07T03:00:00Z");
        DnsAnswer soa = new DnsAnswer(name, Type.SOA, DnsStatus.NODATA, List.of(), List.of(), "127.0.0.1:53", at, "");
        DnsAnswer mx = new DnsAnswer(name, Type.MX, DnsStatus.NXDOMAIN, List.of(), List.of(), "127.0.0.1:53", at, "");
        Map<String, Integer> read = new ConcurrentHashMap<>();
        DnsLookup dns = new DnsLookup() {
            @Override
            public DnsAnswer lookup(String n, int type, Cancellation cancellation) {
                throw new AssertionError("the checks here ask nothing");
            }

            @Override
            public List<DnsAnswer> answered(String n) {
                read.merge(n, 1, Integer::sum);
                return n.equals(name) ? List.of(soa, mx) : List.of();
            }
        };
        Finding nxdomain = LookupFindings.failure(mx).orElseThrow();
        Finding timeout = new Finding(DnsFindingCodes.DNS_TIMEOUT, Severity.WARNING, "zen.spamhaus.org",
                "timed out", List.of(), "", Actor.LOCAL_NETWORK);
        List<DomainCheck> checks = List.of(TestChecks.check(CheckKind.EXISTENCE, nxdomain),
                TestChecks.check(CheckKind.MX, nxdomain), TestChecks.check(CheckKind.NAME_SERVERS, nxdomain),
                TestChecks.check(CheckKind.DNSBL, timeout));
        DomainCheckResult result = new ConcurrentDomainChecker(checks, o -> dns).check(List.of(new CheckRequest(name,
                EnumSet.of(CheckKind.EXISTENCE, CheckKind.MX, CheckKind.NAME_SERVERS, CheckKind.DNSBL))),
                CheckOptions.defaults(), CheckListener.NONE, Cancellation.none()).domains().getFirst();
        assertEquals(Map.of(name, 1), read);
        assertEquals(List.of(DnsFindingCodes.DNS_LOOKUP_FAILED, DnsFindingCodes.DNS_TIMEOUT),
                result.findings().stream().map(Finding::code).toList(), result.findings().toString());
        assertEquals(Set.of(CheckKind.DNSBL), result.checksNotMade());
    }

    private static Finding nxdomain(String evidence) {
        return new Finding("DOMAIN_NXDOMAIN", Severity.ERROR, "missing.example",
                "missing.example does not exist (NXDOMAIN).", List.of(evidence), "", Actor.RECIPIENT_MAIL_TEAM);
    }
    /**
     * A failed lookup of our own sending domain (checked with the sender checks only) is ours to act on, whichever
     * check met it; the same failure of a recipient's domain stays its mail team's.
     */
    @Test
    void ourSendingDomainsFailedLookupIsOursToActOn() throws Exception {
        String zone = "@ SOA ns.x.test. h.x.test. 1 1 1 1 1\n@ TXT \"v=spf1 -all\"\n";
        try (TestDnsServer dns = TestDnsServer.builder()
                .zone("fine.test", zone)
                .zone("acme.test", zone)
                .misbehaveFor("acme.test", TestDnsServer.Misbehaviour.SERVFAIL)
                .resolver("127.0.9.70")
                .start()) {
            CheckOptions options = CheckSetup.of(dns).options();
            List<Finding> ours = DomainCheckers.standard().check(List.of(new CheckRequest("acme.test",
                    CheckKind.SENDER)), options, CheckListener.NONE, Cancellation.none()).domains().getFirst()
                    .findings();
            Finding soa = soaFailure(ours);
            assertEquals(Actor.SENDER_ADMIN, soa.actor(), ours.toString());
            assertTrue(ours.stream().noneMatch(f -> f.actor() == Actor.RECIPIENT_MAIL_TEAM), ours.toString());
            List<Finding> theirs = DomainCheckers.standard().check(List.of(new CheckRequest("acme.test",
                    CheckKind.RECIPIENT)), options, CheckListener.NONE, Cancellation.none()).domains().getFirst()
                    .findings();
            assertEquals(Actor.RECIPIENT_MAIL_TEAM, soaFailure(theirs).actor(), theirs.toString());
        }
    }

    /**
     * Our sending domain checked as a recipient's too (the sender domain a run is given, which the log also shows
     * receiving): every finding about it is ours to act on, those of the recipient checks too (NS_TOO_FEW), not the
     * recipient's mail team's. The same domain checked with no word of whose it is ({@code check DOMAIN}) keeps them.
     */
    @Test
    void ourSendingDomainCheckedAsARecipientsTooIsOursToActOn() throws Exception {
        String zone = "@ SOA ns1.acme.test. h.acme.test. 1 3600 600 86400 300\n@ NS ns1.acme.test.\n"
                + "ns1 A 127.0.9.76\n@ MX 10 mx.acme.test.\nmx A 192.0.2.10\n@ TXT \"v=spf1 -all\"\n";
        try (TestDnsServer dns = TestDnsServer.builder()
                .zone("acme.test", zone)
                .resolver("127.0.9.75")
                .authoritative("127.0.9.76", "acme.test")
                .start()) {
            CheckOptions options = CheckSetup.of(dns).options();
            CheckRequest all = CheckRequest.all("acme.test");
            List<Finding> ours = DomainCheckers.standard().check(List.of(all.asOurs()), options, CheckListener.NONE,
                    Cancellation.none()).domains().getFirst().findings();
            Finding tooFew = ours.stream().filter(f -> f.code().equals("NS_TOO_FEW")).findFirst()
                    .orElseThrow(() -> new AssertionError(ours.toString()));
            assertEquals(Actor.SENDER_ADMIN, tooFew.actor(), ours.toString());
            assertTrue(ours.stream().noneMatch(f -> f.actor() == Actor.RECIPIENT_MAIL_TEAM), ours.toString());
            List<Finding> unsaid = DomainCheckers.standard().check(List.of(all), options, CheckListener.NONE,
                    Cancellation.none()).domains().getFirst().findings();
            assertEquals(Actor.RECIPIENT_MAIL_TEAM, unsaid.stream().filter(f -> f.code().equals("NS_TOO_FEW"))
                    .findFirst().orElseThrow().actor(), unsaid.toString());
        }
    }

    private static Finding soaFailure(List<Finding> findings) {
        return findings.stream()
                .filter(f -> f.code().equals("DNS_LOOKUP_FAILED") && f.message().contains("acme.test SOA"))
                .findFirst().orElseThrow(() -> new AssertionError(findings.toString()));
    }

    /** A thread dump says what runs: each check runs on a thread named for the domain checks. */
    @Test
    void checksRunOnNamedThreads() {
        Set<String> names = ConcurrentHashMap.newKeySet();
        DomainCheck naming = TestChecks.check(CheckKind.SPF, context -> {
            names.add(Thread.currentThread().getName());
            return CheckOutcome.of(List.of());
        });
        new ConcurrentDomainChecker(List.of(naming), o -> FakeDns.of("")).check(
                List.of(new CheckRequest("a.example", EnumSet.of(CheckKind.SPF)),
                        new CheckRequest("b.example", EnumSet.of(CheckKind.SPF))),
                CheckOptions.defaults(), CheckListener.NONE, Cancellation.none());
        assertEquals(2, names.size(), names.toString());
        assertTrue(names.stream().allMatch(n -> n.matches("mailpath-domain-check-\\d+")), names.toString());
    }
}
