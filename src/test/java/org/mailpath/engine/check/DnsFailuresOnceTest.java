package org.mailpath.engine.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.dns.DnsAnswer;
import org.mailpath.engine.dns.DnsFindingCodes;
import org.mailpath.engine.dns.DnsStatus;
import org.mailpath.engine.dns.LookupFindings;
import org.mailpath.engine.domain.DnsAnswers;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.FindingTexts;
import org.mailpath.engine.finding.Severity;
import org.xbill.DNS.Type;

/**
 * The resolver's failures said once: the count, what each failure leaves unknown, and every distinct advice. The
 * parts are worded as the blocklist check words them (its bundle), as a reviewer's run gave them: two lists that
 * timed out alike (one finding naming both), and one that failed alone with its list's note.
 */
class DnsFailuresOnceTest {

    private static final FindingTexts DNSBL = FindingTexts.of("org.mailpath.engine.dnsbl.findings");
    private static final String SERVER = "127.0.0.1:5392";
    private static final Instant AT = Instant.parse("2026-12-07T03:24:43Z");

    /** Barracuda and PSBL timed out alike: one finding for both, Barracuda's note in its advice. */
    private static Finding twoListsTimedOut() {
        Object zones = "b.barracudacentral.org, psbl.surriel.com";
        return new Finding(DnsFindingCodes.DNS_TIMEOUT, Severity.WARNING, "b.barracudacentral.org, psbl.surriel.com",
                DNSBL.text("lookupFailed.zones.message", zones, "TIMEOUT"),
                List.of(";; 2.0.0.127.b.barracudacentral.org A @" + SERVER + " -> TIMEOUT",
                        ";; 20.2.0.192.psbl.surriel.com A @" + SERVER + " -> TIMEOUT"),
                DNSBL.text("lookupFailed.zones.noted.remediation", zones, DNSBL.text("note.barracuda")),
                Actor.LOCAL_NETWORK).withDnsNames(List.of("b.barracudacentral.org", "psbl.surriel.com"));
    }

    /** Mailspike answered SERVFAIL: its own finding, its note in the message. */
    private static Finding mailspikeFailed() {
        DnsAnswer servfail = new DnsAnswer("2.0.0.127.bl.mailspike.net", Type.A, DnsStatus.SERVFAIL, List.of(),
                List.of(), SERVER, AT, "");
        return DnsAnswers.lookupFailed(servfail, DNSBL.text("lookupFailed.zone.noted", "bl.mailspike.net",
                DNSBL.text("note.mailspike")), Actor.LOCAL_NETWORK);
    }

    private static Finding merged(List<Finding> parts) {
        List<Finding> out = DnsFailuresOnce.merge("example.test", parts);
        assertEquals(1, out.size(), out.toString());
        return out.getFirst();
    }

    @Test
    void theCountIsTheQuestionsNamed() {
        Finding once = merged(List.of(twoListsTimedOut(), mailspikeFailed()));
        assertTrue(once.message().startsWith("3 DNS questions (b.barracudacentral.org, psbl.surriel.com, "
                + "2.0.0.127.bl.mailspike.net) failed at the resolver asked"), once.message());
        assertTrue(once.message(Locale.forLanguageTag("sv")).startsWith("3 DNS-frågor ("),
                once.message(Locale.forLanguageTag("sv")));
    }

    /**
     * The names are the finding's data, not its subject's text: a subject worded for people (a redacted report's
     * mask, another language's "och" between the zones) made the old code, which split the subject on ", ", take
     * two zones for one name and count "2 DNS questions" naming three, or name the mask.
     */
    @Test
    void theNamesCountedAreTheFindingsNotItsSubjectsWords() {
        for (String subject : List.of("b.barracudacentral.org och psbl.surriel.com", "[redacted]", "")) {
            Finding once = merged(List.of(withSubject(twoListsTimedOut(), subject), mailspikeFailed()));
            assertTrue(once.message().startsWith("3 DNS questions (b.barracudacentral.org, psbl.surriel.com, "
                    + "2.0.0.127.bl.mailspike.net) failed at the resolver asked"), subject + ": " + once.message());
        }
    }

    /** {@code f} with another subject (as a report or another check may word it), its names kept. */
    private static Finding withSubject(Finding f, String subject) {
        return new Finding(f.code(), f.severity(), subject, f.message(), f.evidence(), f.remediation(), f.actor(),
                f.messageText(), f.remediationText(), f.mailTeamRemediation(), f.mailTeamRemediationText(),
                f.dnsNames());
    }

    /**
     * One cached lookup read by three checks (the same MX answer, line for line): one question, listed once, so the
     * count matches the lines (the copy review's run said "9 DNS questions" over ten lines, one of them three times).
     */
    @Test
    void theSameAnswerReadByThreeChecksIsOneQuestionListedOnce() {
        DnsAnswer mx = new DnsAnswer("example.test", Type.MX, DnsStatus.NXDOMAIN, List.of(), List.of(), SERVER, AT, "");
        DnsAnswer dmarc = new DnsAnswer("_dmarc.example.test", Type.TXT, DnsStatus.NXDOMAIN, List.of(), List.of(),
                SERVER, AT, "");
        List<Finding> parts = List.of(mx, mx, dmarc, mx).stream()
                .map(a -> DnsAnswers.lookupFailed(a, DNSBL.text("note.mailspike"), Actor.LOCAL_NETWORK)).toList();
        Finding once = merged(parts);
        assertTrue(once.message().startsWith("2 DNS questions (example.test, _dmarc.example.test) failed"),
                once.message());
        assertEquals(once.evidence().stream().distinct().toList(), once.evidence());
        assertEquals(2, once.evidence().stream().filter(l -> l.contains(" -> ")).count(), once.evidence().toString());
    }

    @Test
    void whatTheFailuresLeaveUnknownStaysInTheMessage() {
        Finding once = merged(List.of(twoListsTimedOut(), mailspikeFailed()));
        assertTrue(once.message().contains("Their results are unknown, not clean."), once.message());
        assertTrue(once.message().contains("blocklist bl.mailspike.net could not be asked (Mailspike: free public"),
                once.message());
        // said in the message, not again in the evidence; the answers stay there
        assertFalse(once.evidence().stream().anyMatch(l -> l.contains("unknown, not clean")), once.evidence()
                .toString());
        assertTrue(once.evidence().contains(";; 20.2.0.192.psbl.surriel.com A @" + SERVER + " -> TIMEOUT"));
        String sv = once.message(Locale.forLanguageTag("sv"));
        assertTrue(sv.contains(DNSBL.text("lookupFailed.zones.message", "b.barracudacentral.org, psbl.surriel.com",
                "TIMEOUT").in(Locale.forLanguageTag("sv"))), sv);
    }

    @Test
    void everyDistinctAdviceIsKeptOnce() {
        Finding once = merged(List.of(twoListsTimedOut(), mailspikeFailed(), mailspikeFailed()));
        assertTrue(once.remediation().contains("the resolver's IP must be registered (free) at barracudacentral.org"),
                once.remediation());
        assertTrue(once.remediation().contains("Check the DNS servers of 2.0.0.127.bl.mailspike.net"),
                once.remediation());
        assertEquals(once.remediation().indexOf("Check the DNS servers of 2.0.0.127.bl.mailspike.net"),
                once.remediation().lastIndexOf("Check the DNS servers of 2.0.0.127.bl.mailspike.net"),
                once.remediation());
        assertEquals(Actor.LOCAL_NETWORK, once.actor());
        // the app's words for each advice that has them (Resolver settings, not --resolver)
        String inApp = once.forApp().remediation();
        assertFalse(inApp.contains("--resolver"), inApp);
        assertTrue(inApp.contains("barracudacentral.org"), inApp);
    }

    @Test
    void aRestatedQuestionStaysEvidenceAndTheAdviceIsSaidOnce() {
        // REFUSED questions: their messages only restate the question and outcome the evidence shows
        List<Finding> refused = List.of("example.test", "_dmarc.example.test").stream()
                .map(name -> LookupFindings.failure(new DnsAnswer(name, Type.TXT, DnsStatus.REFUSED, List.of(),
                        List.of(), SERVER, AT, "")).orElseThrow()).toList();
        Finding once = merged(refused);
        assertEquals("2 DNS questions (example.test, _dmarc.example.test) failed at the resolver asked, not at "
                + "example.test, so these checks say nothing about example.test; the evidence says what the resolver "
                + "did with each.", once.message());
        assertTrue(once.evidence().contains(";; " + refused.getFirst().message()), once.evidence().toString());
        assertEquals(refused.getFirst().remediation(), once.remediation());
    }
}
