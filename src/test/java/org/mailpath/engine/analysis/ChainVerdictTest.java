package org.mailpath.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.engine.log.LogFixtures.TLS;
import static org.mailpath.engine.log.LogFixtures.row;
import static org.mailpath.engine.log.LogFixtures.writeLog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.engine.status.Category;

class ChainVerdictTest {

    @TempDir
    Path dir;

    private static final String A = "a@acme.example";
    private static final String B = "b@acme.example";
    private static final String EXPIRED = "554 5.4.7 [internal] exceeded max time without delivery";
    private static final String DNS_T = "421 4.4.0 [internal] no mail servers for this domain could be reached at this time";

    private LogAnalysis analyze(String... rows) throws UnusableLogException {
        return LogFixtures.analyze(writeLog(dir, "log.csv", rows));
    }

    private MessageChain only(String... rows) throws UnusableLogException {
        LogAnalysis a = analyze(rows);
        assertEquals(1, a.chains().size());
        return a.chains().get(0);
    }

    @Test
    void externalDeliveryIsDelivered() throws Exception {
        MessageChain c = only(row("3/6/2009 13:37", "R", A, "m", "", ""),
                row("3/6/2009 13:38", "D", A, "m", "250 2.0.0 OK", TLS));
        assertEquals(Verdict.DELIVERED, c.verdict());
        assertEquals("RD", c.eventLetters());
        assertEquals("250 2.0.0 OK", c.status());
        assertTrue(c.diagnosis().isEmpty());
        assertEquals(0, c.retries());
    }

    @Test
    void plainTextDeliveryWithColonCipherIsStillADelivery() throws Exception {
        assertEquals(Verdict.DELIVERED, only(row("3/6/2009 13:38", "D", A, "m", "250 OK", ":")).verdict());
    }

    @Test
    void internalHandOffIsNotADelivery() throws Exception {
        MessageChain c = only(row("3/6/2009 13:37", "R", A, "m", "", ""),
                row("3/6/2009 13:37", "D", A, "m", "250 queued internally", "None"));
        assertEquals(Verdict.RECEIVED_ONLY, c.verdict());
        assertTrue(c.events().get(1).internalHandoff());
    }

    @Test
    void onlyReceptionIsReceivedOnly() throws Exception {
        assertEquals(Verdict.RECEIVED_ONLY, only(row("3/6/2009 13:37", "R", A, "m", "", "")).verdict());
    }

    @Test
    void permanentFailureIsBouncedWithCauseFromItsReply() throws Exception {
        MessageChain c = only(row("3/6/2009 13:37", "R", A, "m", "", ""),
                row("3/6/2009 13:37", "P", A, "m", "550 5.1.1 user unknown", ""));
        assertEquals(Verdict.BOUNCED, c.verdict());
        assertEquals(Category.RECIPIENT, c.category().orElseThrow());
        assertEquals("550 5.1.1 user unknown", c.status());
    }

    @Test
    void expiredBounceTakesItsCauseFromTheLastTransientFailure() throws Exception {
        MessageChain c = only(row("3/6/2009 13:37", "R", A, "m", "", ""),
                row("3/6/2009 13:37", "T", A, "m", "451 4.7.5 [internal] TLS negotiation failed", ""),
                row("3/6/2009 13:42", "T", A, "m", DNS_T, ""),
                row("3/7/2009 13:37", "P", A, "m", EXPIRED, ""));
        assertEquals(Verdict.BOUNCED, c.verdict());
        assertEquals(2, c.retries());
        assertEquals(Category.DNS, c.category().orElseThrow());
        assertEquals(DNS_T, c.status());
        assertEquals("salesforce.no-mail-servers", c.diagnosis().orElseThrow().ruleId());
    }

    /** The log's window can cut off the R row, so the only T may be the chain's first event (index 0). */
    @Test
    void expiredBounceTakesItsCauseFromATransientFailureThatIsTheFirstEvent() throws Exception {
        MessageChain c = only(row("3/6/2009 13:37", "T", A, "m", "452 4.2.2 Mailbox full", ""),
                row("3/7/2009 13:37", "P", A, "m", EXPIRED, ""));
        assertEquals(Verdict.BOUNCED, c.verdict());
        assertEquals("TP", c.eventLetters());
        assertEquals(Category.MAILBOX_FULL, c.category().orElseThrow());
        assertEquals("452 4.2.2 Mailbox full", c.status());
    }

    @Test
    void expiredBounceWithoutTransientFailureKeepsItsOwnReply() throws Exception {
        MessageChain c = only(row("3/7/2009 13:37", "P", A, "m", EXPIRED, ""));
        assertEquals(Category.NETWORK, c.category().orElseThrow());
        assertEquals(EXPIRED, c.status());
    }

    @Test
    void transientFailuresWithoutOutcomeAreDeferredWithCauseFromLastT() throws Exception {
        MessageChain c = only(row("3/6/2009 13:37", "R", A, "m", "", ""),
                row("3/6/2009 13:37", "T", A, "m", "451 4.7.1 Greylisted, try later", ""),
                row("3/6/2009 13:42", "T", A, "m", "452 4.2.2 mailbox over quota", ""));
        assertEquals(Verdict.DEFERRED, c.verdict());
        assertEquals(2, c.retries());
        assertEquals(Category.MAILBOX_FULL, c.category().orElseThrow());
    }

    @Test
    void deliveredAfterRetryIsCounted() throws Exception {
        LogAnalysis a = analyze(row("3/6/2009 13:37", "T", A, "m", "451 4.7.1 greylisted", ""),
                row("3/6/2009 13:42", "D", A, "m", "250 OK", TLS),
                row("3/6/2009 13:37", "D", "b@acme.example", "m", "250 OK", TLS));
        assertEquals(1, a.deliveredAfterRetry());
        assertTrue(a.chains().get(0).deliveredAfterRetry());
        assertEquals(2L, a.count(Verdict.DELIVERED));
    }

    @Test
    void aTransientFailureAfterTheDeliveryIsARetryButNotADeliveryAfterRetry() throws Exception {
        // retries counts every T row (issue 2's contract); only a T before the delivering D makes it "after retry"
        LogAnalysis a = analyze(row("3/6/2009 13:37", "R", A, "m1", "", ""),
                row("3/6/2009 13:38", "D", A, "m1", "250 OK", TLS),
                row("3/6/2009 13:43", "T", A, "m1", "451 4.7.1 greylisted", ""),
                row("3/6/2009 13:37", "R", B, "m2", "", ""),
                row("3/6/2009 13:38", "T", B, "m2", "451 4.7.1 greylisted", ""),
                row("3/6/2009 13:43", "D", B, "m2", "250 OK", TLS),
                row("3/6/2009 13:44", "T", B, "m2", "451 4.7.1 greylisted", ""));
        MessageChain rdt = a.chains().get(0);
        assertEquals(Verdict.DELIVERED, rdt.verdict());
        assertEquals(1, rdt.retries());
        assertEquals(0, rdt.retriesBeforeDelivery());
        assertFalse(rdt.deliveredAfterRetry());
        MessageChain rtdt = a.chains().get(1);
        assertEquals("RTDT", rtdt.eventLetters());
        assertEquals(2, rtdt.retries());
        assertEquals(1, rtdt.retriesBeforeDelivery());
        assertTrue(rtdt.deliveredAfterRetry());
        assertEquals(1, a.deliveredAfterRetry());
    }

    @Test
    void aChainMadeWithoutAnAnalysisCountsItsRetriesBeforeTheDeliveryFromItsEvents() throws Exception {
        MessageChain c = only(row("3/6/2009 13:38", "T", A, "m", "451 later", ""),
                row("3/6/2009 13:39", "T", A, "m", "451 later", ""),
                row("3/6/2009 13:40", "D", A, "m", "250 OK", TLS),
                row("3/6/2009 13:41", "T", A, "m", "451 later", ""));
        assertEquals(2, c.retriesBeforeDelivery());
        assertEquals(c, madeWithoutAnAnalysis(c));
    }

    @Test
    void aTransientFailureAfterAnInternalHandOffCountsAsARetryBeforeTheDelivery() throws Exception {
        // the hand-off (a D with TLS_Cipher None) delivered nothing: both Ts came before the delivering D
        MessageChain c = only(row("3/6/2009 13:37", "T", A, "m", "451 later", ""),
                row("3/6/2009 13:38", "D", A, "m", "250 queued internally", "None"),
                row("3/6/2009 13:39", "T", A, "m", "451 later", ""),
                row("3/6/2009 13:40", "D", A, "m", "250 OK", TLS),
                row("3/6/2009 13:41", "T", A, "m", "451 later", ""));
        assertEquals(3, c.retries());
        assertEquals(2, c.retriesBeforeDelivery());
        assertEquals(c, madeWithoutAnAnalysis(c));
    }

    /** The chain made again by the constructor that counts retries before the delivery from the events. */
    private static MessageChain madeWithoutAnAnalysis(MessageChain c) {
        return TestChains.chain(c.messageIdHeader(), c.internalMessageId(), c.recipient(), c.sender(), c.userId(),
                List.copyOf(c.events()), c.verdict(), c.retries(), c.status(), c.diagnosis(), c.addressProblem());
    }

    @Test
    void aDeferralWhoseLastTransientFailureIsOver24HoursBeforeTheLogEndsIsStale() throws Exception {
        LogAnalysis a = analyze(row("3/6/2009 8:00", "R", A, "old", "", ""),
                row("3/6/2009 8:00", "T", A, "old", DNS_T, ""),
                row("3/6/2009 8:59", "T", B, "day", DNS_T, ""),
                row("3/6/2009 9:00", "T", "c@acme.example", "exactly", DNS_T, ""),
                row("3/7/2009 9:00", "R", "d@acme.example", "end", "", ""));
        assertEquals(List.of(Verdict.DEFERRED, Verdict.DEFERRED, Verdict.DEFERRED, Verdict.RECEIVED_ONLY),
                a.chains().stream().map(MessageChain::verdict).toList(), "the verdict stays DEFERRED");
        assertEquals(List.of(true, true, false, false), a.chains().stream().map(MessageChain::stale).toList(),
                "more than 24 hours before the end is stale, exactly 24 hours is not yet");
        assertEquals(2, a.staleDeferrals());
        assertEquals(Category.DNS, a.chains().getFirst().category().orElseThrow(), "the cause stays the last T's");
    }

    @Test
    void aReceivedOnlyMessageOver24HoursBeforeTheLogEndsIsFlaggedAsAStaleDeferralIs() throws Exception {
        LogAnalysis a = analyze(row("3/5/2009 9:00", "R", A, "old", "", ""),
                row("3/6/2009 8:00", "T", B, "deferred", DNS_T, ""),
                row("3/6/2009 9:00", "R", "c@acme.example", "exactly", "", ""),
                row("3/7/2009 9:00", "R", "d@acme.example", "end", "", ""));
        assertEquals(List.of(Verdict.RECEIVED_ONLY, Verdict.DEFERRED, Verdict.RECEIVED_ONLY, Verdict.RECEIVED_ONLY),
                a.chains().stream().map(MessageChain::verdict).toList(), "the verdict stays RECEIVED_ONLY");
        assertEquals(List.of(true, false, false, false), a.chains().stream().map(MessageChain::staleReceived).toList(),
                "48 hours before the end is stale, exactly 24 hours is not yet, and a deferral has its own flag");
        assertEquals(List.of(false, true, false, false), a.chains().stream().map(MessageChain::stale).toList());
        assertEquals(1, a.staleReceived());
        assertEquals(1, a.staleDeferrals());
    }

    @Test
    void aDeferralIsNotStaleInALogThatEndsWithinItsRetryPeriod() throws Exception {
        LogAnalysis a = analyze(row("3/6/2009 8:00", "T", A, "m", DNS_T, ""),
                row("3/7/2009 7:59", "R", B, "n", "", ""));
        assertFalse(a.chains().getFirst().stale());
        assertEquals(0, a.staleDeferrals());
    }

    @Test
    void lastOutcomeDecides() throws Exception {
        // delivered, then bounced on a later attempt: the last outcome (P) wins, and vice versa
        assertEquals(Verdict.BOUNCED, only(row("3/6/2009 13:37", "D", A, "m", "250 OK", TLS),
                row("3/6/2009 13:40", "P", A, "m", "550 5.1.1 gone", "")).verdict());
        assertEquals(Verdict.DELIVERED, only(row("3/6/2009 13:40", "D", A, "m", "250 OK", TLS),
                row("3/6/2009 13:37", "P", A, "m", "550 5.1.1 gone", "")).verdict());
    }

    @Test
    void eventsAreOrderedByTimeThenFileOrder() throws Exception {
        MessageChain c = only(row("3/6/2009 13:42", "D", A, "m", "250 OK", TLS),
                row("3/6/2009 13:37", "R", A, "m", "", ""),
                row("3/6/2009 13:37", "T", A, "m", "451 later", ""));
        assertEquals("RTD", c.eventLetters());
        assertEquals(List.of(3L, 4L, 2L), c.events().stream().map(ChainEvent::line).toList());
    }

    @Test
    void chainKeyIsMessageIdAndLowerCasedRecipient() throws Exception {
        LogAnalysis a = analyze(row("3/6/2009 13:37", "R", "A@Acme.Example", "m", "", ""),
                row("3/6/2009 13:38", "D", "a@acme.example", "m", "250 OK", TLS),
                row("3/6/2009 13:37", "R", "cc@acme.example", "m", "", ""),
                row("3/6/2009 13:37", "R", "a@acme.example", "other", "", ""));
        assertEquals(3, a.messages());
        assertEquals("RD", a.chains().get(0).eventLetters());
        assertEquals("A@Acme.Example", a.chains().get(0).recipient());
    }

    @Test
    void internalMessageIdStandsInForAnEmptyMessageIdHeader() throws Exception {
        String r = row("3/6/2009 13:37", "R", A, "x", "", "").replace("\"x@sfdc.example\"", "\"\"");
        String d = row("3/6/2009 13:38", "D", A, "x", "250 OK", TLS).replace("\"x@sfdc.example\"", "\"\"");
        String other = row("3/6/2009 13:38", "D", A, "y", "250 OK", TLS).replace("\"y@sfdc.example\"", "\"\"");
        LogAnalysis a = analyze(r, d, other);
        assertEquals(2, a.messages());
        assertEquals("16/A4-x", a.chains().get(0).internalMessageId());
        assertEquals("", a.chains().get(0).messageIdHeader());
        assertEquals("RD", a.chains().get(0).eventLetters());
    }

    @Test
    void invalidRecipientIsReportedWhateverTheLogSays() throws Exception {
        MessageChain c = only(row("3/6/2009 13:38", "D", "john..doe@acme.example", "m", "250 OK", TLS));
        assertEquals(Verdict.DELIVERED, c.verdict());
        assertTrue(c.addressProblem().orElseThrow().toString().contains("two dots"));
    }

    @Test
    void countsPerCategoryAndDomain() throws Exception {
        LogAnalysis a = analyze(row("3/6/2009 13:37", "P", "x@bad.example", "m1", "554 5.4.4 [internal] Domain Lookup Failed", ""),
                row("3/6/2009 13:37", "P", "y@bad.example", "m2", "554 5.4.4 [internal] Domain Lookup Failed", ""),
                row("3/6/2009 13:37", "T", "z@slow.example", "m3", DNS_T, ""),
                row("3/6/2009 13:37", "D", "ok@good.example", "m4", "250 OK", TLS));
        assertEquals(Map.of(Category.DNS, 2L), a.bounceCategories());
        assertEquals(Map.of(Category.DNS, 1L), a.deferralCategories());
        assertEquals(List.of(new DomainSummary("bad.example", 2, 0, 2, 0), new DomainSummary("slow.example", 1, 0, 0, 1),
                new DomainSummary("good.example", 1, 1, 0, 0)), a.domains());
        assertEquals(4, a.rows());
    }

    @Test
    void sampleCoversEveryVerdictAndCategory() throws Exception {
        LogAnalysis a = LogFixtures.analyze(LogFixtures.sample("sample-email-log.csv"));
        for (Verdict v : Verdict.values()) {
            assertTrue(a.count(v) > 0, v.name());
        }
        java.util.Set<Category> seen = java.util.EnumSet.noneOf(Category.class);
        seen.addAll(a.bounceCategories().keySet());
        seen.addAll(a.deferralCategories().keySet());
        assertEquals(java.util.EnumSet.allOf(Category.class), seen);
    }

    /**
     * A plain 550 to the message's content (Delivery Stage "after DATA") came after the server accepted the
     * recipient at RCPT TO: no missing mailbox. The same text at RCPT TO keeps the open meaning, in one analysis
     * (the replies' cache keeps the stages apart), and a reply with an enhanced code says what it says at any stage.
     */
    @Test
    void aPlain550ToTheContentIsAPolicyRefusalNotAMissingMailbox() throws Exception {
        LogAnalysis a = analyze(row("3/6/2009 13:37", "R", A, "m1", "", ""),
                atStage(row("3/6/2009 13:37", "P", A, "m1", "550 Request refused", ""), "after DATA"),
                row("3/6/2009 13:38", "R", B, "m2", "", ""),
                atStage(row("3/6/2009 13:38", "P", B, "m2", "550 Request refused", ""), "during RCPT TO"),
                row("3/6/2009 13:39", "R", "c@acme.example", "m3", "", ""),
                atStage(row("3/6/2009 13:39", "P", "c@acme.example", "m3", "550 5.1.1 user unknown", ""),
                        "after DATA"));
        Map<String, MessageChain> byRecipient = new HashMap<>();
        a.chains().forEach(c -> byRecipient.put(c.recipient(), c));
        MessageChain content = byRecipient.get(A);
        assertEquals("basic:550:content", content.diagnosis().orElseThrow().ruleId());
        assertEquals(Category.CONTENT_POLICY, content.category().orElseThrow());
        assertFalse(content.diagnosis().orElseThrow().explanation().contains("does not exist"));
        MessageChain rcpt = byRecipient.get(B);
        assertEquals("basic:550", rcpt.diagnosis().orElseThrow().ruleId());
        assertEquals(Category.UNKNOWN, rcpt.category().orElseThrow());
        assertEquals("enhanced:X.1.1", byRecipient.get("c@acme.example").diagnosis().orElseThrow().ruleId());
    }

    /** {@code line} (made by {@link LogFixtures#row}) with its Delivery Stage set to {@code stage}. */
    private static String atStage(String line, String stage) {
        List<String> cells = new ArrayList<>(LogFixtures.cells(line));
        cells.set(11, stage);
        return String.join(",", cells.stream().map(LogFixtures::q).toList());
    }
}
