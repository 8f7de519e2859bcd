package org.mailpath.engine.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.dns.DnsAnswer;
import org.mailpath.engine.dns.DnsStatus;
import org.mailpath.engine.domain.DnsAnswers;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.testing.fakedns.FakeDns;
import org.xbill.DNS.Type;

/** Which checks of a domain could not be made: named only where the domain's other checks were made. */
class ChecksNotMadeTest {

    private static Finding local(String code) {
        return new Finding(code, Severity.WARNING, "example.test", "m", List.of(), "r", Actor.LOCAL_NETWORK);
    }

    private static final Finding MX_OK = new Finding("MX_OK", Severity.OK, "example.test", "m", List.of(), "",
            Actor.NOBODY);

    private static Optional<Set<String>> of(Set<CheckKind> kinds, Finding... findings) {
        return ChecksNotMade.of(new DomainCheckResult("example.test", List.of(findings), List.of(),
                Optional.empty(), kinds));
    }

    @Test
    void checksAreNamedByTheirCodesInOneOrder() {
        assertEquals(Optional.of(List.of("DNSBL", "MTA_STS", "TLSRPT")), of(Set.of(), local("TLSRPT_x"),
                local("MTA_STS_POLICY_UNREACHABLE"), local("DNSBL_ZONE_UNUSABLE"), MX_OK).map(List::copyOf));
        assertEquals(Optional.of(Set.of()), of(Set.of(), MX_OK));
    }

    @Test
    void aResolverFailureIsPutToTheChecksThatMetItOnlyWhenTheyAreKnown() {
        // DNS_TIMEOUT of the blocklist zones: which check it was is known only from the run
        assertEquals(Optional.empty(), of(Set.of(), local("DNS_TIMEOUT"), MX_OK));
        assertEquals(Optional.of(Set.of("DNSBL")), of(Set.of(CheckKind.DNSBL), local("DNS_TIMEOUT"), MX_OK));
        assertEquals(Optional.of(List.of("DNSSEC", "NS")), of(EnumSet.of(CheckKind.NAME_SERVERS, CheckKind.DNSSEC),
                local("DNS_LOOKUP_FAILED"), MX_OK).map(List::copyOf));
    }

    /**
     * Every check a run can record as having met this network's failures is named by one of
     * {@link ChecksNotMade#CHECKS}: a kind named outside them would be dropped, and its failure said of no check.
     */
    @Test
    void everyCheckKindButTheExistenceCheckIsNamedByOneOfTheChecks() {
        for (CheckKind kind : CheckKind.values()) {
            if (kind != CheckKind.EXISTENCE) {
                Optional<Set<String>> named = of(Set.of(kind), local("DNS_TIMEOUT"), MX_OK);
                assertEquals(1, named.orElseThrow().size(), kind + " is named by none of the checks: " + named);
            }
        }
    }

    @Test
    void aResolverFailureNamingDefaultBlocklistsOnlyIsTheBlocklistChecks() {
        Finding zones = new Finding("DNS_TIMEOUT", Severity.WARNING, "zen.spamhaus.org, bl.spamcop.net", "m",
                List.of(), "r", Actor.LOCAL_NETWORK).withDnsNames(List.of("zen.spamhaus.org", "bl.spamcop.net"));
        Finding userZone = new Finding("DNS_TIMEOUT", Severity.WARNING, "2.0.0.127.bl.example.net", "m", List.of(),
                "r", Actor.LOCAL_NETWORK);
        assertEquals(Optional.of(Set.of("DNSBL")), of(Set.of(), zones, MX_OK));
        assertEquals(Optional.empty(), of(Set.of(), userZone, MX_OK));
        assertEquals(Optional.of(Set.of("DNSBL")), of(Set.of(CheckKind.DNSBL), userZone, MX_OK));
    }

    /**
     * The names a resolver failure is about are read as data: a subject worded otherwise (zones joined by "and", a
     * redacted mask) made the old code, which split the subject on ",", miss the blocklist checks and call the
     * domain not checked as a whole; a subject that reads like a zone does not make a name of the domain's one.
     */
    @Test
    void theNamesOfAResolverFailureAreItsDataNotItsSubjectsWords() {
        DnsAnswer timedOut = new DnsAnswer("2.0.0.127.zen.spamhaus.org", Type.A, DnsStatus.TIMEOUT, List.of(),
                List.of(), "127.0.0.1:53", Instant.parse("2026-12-07T03:24:43Z"), "");
        Finding asked = DnsAnswers.lookupFailed(timedOut, "Blocklist not checked.", Actor.LOCAL_NETWORK);
        assertEquals(List.of("2.0.0.127.zen.spamhaus.org"), asked.dnsNames());
        for (String subject : List.of("zen.spamhaus.org and bl.spamcop.net", "2.0.0.127.z**.spamhaus.org", "")) {
            assertEquals(Optional.of(Set.of("DNSBL")), of(Set.of(), withSubject(asked, subject), MX_OK), subject);
        }
        Finding domains = new Finding("DNS_TIMEOUT", Severity.WARNING, "zen.spamhaus.org", "m", List.of(), "r",
                Actor.LOCAL_NETWORK).withDnsNames(List.of("zen.spamhaus.org", "_mta-sts.example.test"));
        assertEquals(Optional.empty(), of(Set.of(), domains, MX_OK));
    }

    private static Finding withSubject(Finding f, String subject) {
        return new Finding(f.code(), f.severity(), subject, f.message(), f.evidence(), f.remediation(), f.actor(),
                f.messageText(), f.remediationText(), f.mailTeamRemediation(), f.mailTeamRemediationText(),
                f.dnsNames());
    }

    @Test
    void aDomainIsNotCheckedAsAWholeWhenNothingElseWasFoundOrItsExistenceWasNot() {
        assertEquals(Optional.empty(), of(Set.of(CheckKind.DNSBL), local("DNSBL_ZONE_UNUSABLE")));
        assertEquals(Optional.empty(), of(EnumSet.of(CheckKind.EXISTENCE, CheckKind.DNSBL), local("DNS_TIMEOUT"),
                MX_OK));
    }

    @Test
    void theRunRecordsWhichChecksMetThisNetworksFailures() {
        DomainCheck dnsbl = TestChecks.check(CheckKind.DNSBL, local("DNS_TIMEOUT"));
        DomainCheck mx = TestChecks.check(CheckKind.MX, MX_OK);
        DomainCheckResult result = new ConcurrentDomainChecker(List.of(dnsbl, mx),
                o -> FakeDns.of("")).check(List.of(new CheckRequest("example.test",
                EnumSet.of(CheckKind.DNSBL, CheckKind.MX))), CheckOptions.defaults(), CheckListener.NONE,
                Cancellation.none()).domains().getFirst();
        assertEquals(Set.of(CheckKind.DNSBL), result.checksNotMade());
        assertEquals(Optional.of(Set.of("DNSBL")), ChecksNotMade.of(result));
    }

    private static List<CheckNotMade> listed(Set<CheckKind> kinds, Finding... findings) {
        return ChecksNotMade.listed(new DomainCheckResult("example.test", List.of(findings), List.of(),
                Optional.empty(), kinds));
    }

    @Test
    void theChecksNotMadeAreListedWithTheCodesThatSayWhyInTheOrderTheyAreNamed() {
        assertEquals(List.of(new CheckNotMade("DNSBL", List.of("DNSBL_ZONE_UNUSABLE")),
                        new CheckNotMade("MTA_STS", List.of("MTA_STS_POLICY_UNREACHABLE")),
                        new CheckNotMade("TLSRPT", List.of("TLSRPT_x"))),
                listed(Set.of(), local("TLSRPT_x"), local("MTA_STS_POLICY_UNREACHABLE"), local("DNSBL_ZONE_UNUSABLE"),
                        local("DNSBL_ZONE_UNUSABLE"), MX_OK));
        assertEquals(List.of(), listed(Set.of(), MX_OK), "every check made");
        assertEquals(List.of(), listed(Set.of()), "nothing found, nothing kept from being made");
    }

    @Test
    void aResolverFailureIsAReasonOfEveryCheckTheRunSawMeetIt() {
        assertEquals(List.of(new CheckNotMade("DNSSEC", List.of("DNS_LOOKUP_FAILED")),
                        new CheckNotMade("NS", List.of("DNS_LOOKUP_FAILED"))),
                listed(EnumSet.of(CheckKind.NAME_SERVERS, CheckKind.DNSSEC), local("DNS_LOOKUP_FAILED"), MX_OK));
        // the MTA-STS check's own finding is its own; which of the two met the timeout only the run could tell
        assertEquals(List.of(new CheckNotMade("DNSBL", List.of("DNS_TIMEOUT")),
                        new CheckNotMade("MTA_STS", List.of("DNS_TIMEOUT", "MTA_STS_POLICY_UNREACHABLE"))),
                listed(EnumSet.of(CheckKind.DNSBL, CheckKind.MTA_STS), local("DNS_TIMEOUT"),
                        local("MTA_STS_POLICY_UNREACHABLE"), MX_OK));
    }

    @Test
    void aDomainNotCheckedAsAWholeIsListedAsAllWithEveryReason() {
        assertEquals(List.of(new CheckNotMade(ChecksNotMade.ALL, List.of("DNSBL_ZONE_UNUSABLE", "DNS_TIMEOUT"))),
                listed(Set.of(CheckKind.DNSBL), local("DNSBL_ZONE_UNUSABLE"), local("DNS_TIMEOUT")));
        assertEquals(List.of(new CheckNotMade(ChecksNotMade.ALL, List.of("DNS_TIMEOUT"))),
                listed(EnumSet.of(CheckKind.EXISTENCE, CheckKind.DNSBL), local("DNS_TIMEOUT"), MX_OK));
        // a resolver failure the run did not put to any check
        assertEquals(List.of(new CheckNotMade(ChecksNotMade.ALL, List.of("DNS_TIMEOUT"))),
                listed(Set.of(), local("DNS_TIMEOUT"), MX_OK));
    }
}
