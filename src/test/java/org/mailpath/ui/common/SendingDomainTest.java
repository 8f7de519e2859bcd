package org.mailpath.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.check.AnalysisDnsChecks;
import org.mailpath.engine.check.CheckKind;
import org.mailpath.engine.check.CheckRequest;
import org.mailpath.ui.testing.TestAnalyses;

/** The sending domain the DNS and DKIM steps start from is the one {@code analyze --check-dns} checks first. */
class SendingDomainTest {

    /** A message to a recipient of r.example whose Sender cell is {@code sender}. */
    private static MessageChain sentAs(String sender) {
        MessageChain c = TestAnalyses.delivered("someone@r.example", 0, 0);
        return new MessageChain(c.messageIdHeader(), c.internalMessageId(), c.recipient(), sender, c.userId(),
                c.events(), c.verdict(), c.retries(), c.status(), c.diagnosis(), c.addressProblem(),
                c.retriesBeforeDelivery(), c.stale(), c.staleReceived(), c.viaRelay());
    }

    private static LogAnalysis log(String... senders) {
        return TestAnalyses.of(Stream.of(senders).map(SendingDomainTest::sentAs).toList());
    }

    /** The sending domains {@code analyze --check-dns} checks of {@code log}, first the one it takes first. */
    private static List<String> checkedByAnalyze(LogAnalysis log) {
        return AnalysisDnsChecks.plan(log, Optional.empty()).requests().stream()
                .filter(r -> r.kinds().containsAll(CheckKind.SENDER)).map(CheckRequest::domain).toList();
    }

    /**
     * A Sender cell with its display name: the whole cell's last '@' gave "acme.example>", which is no domain, so the
     * step started without the domain that {@code analyze --check-dns} checks.
     */
    @Test
    void aSenderWithItsDisplayNameGivesTheDomainInItsBrackets() {
        assertEquals(Optional.of("acme.example"), SendingDomain.of(log("Mary Jones <mary.jones@acme.example>")));
        assertEquals(Optional.of("acme.example"), SendingDomain.of(log("\"Jones, Mary\" <Mary.Jones@ACME.example>")));
        LogAnalysis log = log("Mary Jones <mary.jones@acme.example>", "Mary Jones <mary.jones@acme.example>",
                "other@other.example");
        assertEquals(Optional.of("acme.example"), SendingDomain.of(log));
        assertEquals("acme.example", checkedByAnalyze(log).getFirst(), "the same domain as analyze --check-dns");
    }

    @Test
    void bounceManagementEnvelopesGiveTheRealSendingDomainAndSalesforcesOwnAddressesNone() {
        assertEquals(Optional.of("acme.example"),
                SendingDomain.of(log("user=acme.example__0a1b@x1y2.bnc.salesforce.com")));
        assertEquals(Optional.of("acme.example"),
                SendingDomain.of(log("Bounces <user=acme.example__0a1b@x1y2.bnc.salesforce.com>")));
        assertEquals(Optional.of("acme.example"), SendingDomain.of(log("Support@ACME.example")));
        // Salesforce's own addresses say nothing of the user's domain
        assertEquals(Optional.empty(), SendingDomain.of(log("noreply@salesforce.com")));
        assertEquals(Optional.empty(), SendingDomain.of(log("no-bounce-tag@x1y2.bnc.salesforce.com")));
        assertEquals(Optional.empty(), SendingDomain.of(log("not an address")));
    }

    /**
     * Salesforce's addresses sent more than ours: the app started from our domain, but analyze --check-dns checked
     * salesforce.com first, as one of ours. Both take the one engine reading now ({@code OwnSendingDomain}).
     */
    @Test
    void salesforcesOwnAddressesAreNoSendingDomainOfOursInTheAppOrInAnalyze() {
        LogAnalysis log = log("noreply@salesforce.com", "noreply@salesforce.com",
                "no-bounce-tag@x1y2.bnc.salesforce.com", "u@acme.example");
        assertEquals(Optional.of("acme.example"), SendingDomain.of(log));
        assertEquals(List.of("acme.example"), checkedByAnalyze(log));
    }

    /** Equally frequent sending domains: the first seen, which analyze --check-dns also checks first. */
    @Test
    void ofEquallyFrequentDomainsTheFirstSeenAsAnalyzeTakesIt() {
        // the app took the last by name (zeta.example), analyze the first seen
        LogAnalysis log = log("a@alpha.example", "b@zeta.example", "c@zeta.example", "d@alpha.example");
        assertEquals(Optional.of("alpha.example"), SendingDomain.of(log));
        assertEquals("alpha.example", checkedByAnalyze(log).getFirst());
        LogAnalysis more = log("a@alpha.example", "b@zeta.example", "c@zeta.example");
        assertEquals(Optional.of("zeta.example"), SendingDomain.of(more));
        assertEquals("zeta.example", checkedByAnalyze(more).getFirst());
        assertEquals(Optional.empty(), SendingDomain.of(log()));
    }
}
