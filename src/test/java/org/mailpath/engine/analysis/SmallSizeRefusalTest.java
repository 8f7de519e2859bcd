package org.mailpath.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.log.MailEvent;
import org.mailpath.engine.status.Diagnosis;
import org.mailpath.engine.status.SmtpReply;
import org.mailpath.engine.status.StatusKnowledgeBase;
import org.junit.jupiter.api.Test;

/**
 * A size refusal of a message the log shows to be small (woodgrove.example's 12,633-byte 552 5.3.4) is the receiving
 * server's: one rule in MessageChain, which the report, the Events step, the JSON and the CLI's plan all read.
 */
class SmallSizeRefusalTest {

    private static final String REPLY = "552 5.3.4 Message size exceeds fixed limit";

    private static MessageChain bounced(long bytes) {
        Diagnosis d = StatusKnowledgeBase.standard().diagnose(SmtpReply.parse(REPLY));
        Instant t = Instant.parse("2026-11-16T09:09:07Z");
        List<ChainEvent> events = List.of(
                new ChainEvent(53, t, MailEvent.RECEIVED, "10.0.0.2", bytes, 0, 0, "", "", "", "", "", ""),
                new ChainEvent(54, t, MailEvent.PERMANENT_FAILURE, "10.0.0.2", bytes, 0, 0, "after DATA",
                        "192.0.2.109", "mx.woodgrove.example", REPLY, "", ""));
        return TestChains.chain("m@x", "16/A4", "hr@woodgrove.example", "s@acme.example", "", events,
                Verdict.BOUNCED, 0, REPLY, Optional.of(d), Optional.empty());
    }

    @Test
    void aSmallMessageRefusedAsTooLargeIsTheReceivingServers() {
        MessageChain c = bounced(12_633);
        assertEquals(12_633, c.sizeBytes().orElseThrow());
        assertTrue(c.refusedAsTooLargeWhileSmall());
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, c.actor().orElseThrow());
        String explanation = c.explanation(Locale.ENGLISH).orElseThrow();
        assertTrue(explanation.contains("refused the message as too large although it was 12.3 KB,"), explanation);
        String fix = c.remediation(Locale.ENGLISH).orElseThrow();
        assertFalse(fix.contains("If the message is large"), fix);
        assertTrue(fix.contains("recipient's mail team"), fix);
        assertTrue(c.sharedWords(Locale.ENGLISH).orElseThrow().cause().endsWith("although it was less than 1 MB"));
        String sv = c.explanation(Locale.forLanguageTag("sv")).orElseThrow();
        assertTrue(sv.contains("fast det var 12,3 kB,"), sv);
    }

    @Test
    void smallMessagesOfDifferentSizesShareTheirGroupingWordsButNotTheirOwn() {
        MessageChain small = bounced(900);
        MessageChain larger = bounced(12_633);
        assertTrue(small.explanation(Locale.ENGLISH).orElseThrow().contains("although it was 900 bytes,"));
        assertFalse(small.remediation(Locale.ENGLISH).equals(larger.remediation(Locale.ENGLISH)));
        for (Locale l : List.of(Locale.ENGLISH, Locale.forLanguageTag("sv"))) {
            assertEquals(small.sharedWords(l), larger.sharedWords(l));
        }
        MessageChain.SharedWords w = small.sharedWords(Locale.ENGLISH).orElseThrow();
        assertTrue(w.remediation().contains("a message of less than 1 MB should pass"), w.remediation());
        assertFalse(w.toString().contains("KB"), w.toString());
    }

    @Test
    void aLargeMessageKeepsTheDiagnosisWords() {
        MessageChain c = bounced(40L * 1024 * 1024);
        assertFalse(c.refusedAsTooLargeWhileSmall());
        Diagnosis d = c.diagnosis().orElseThrow();
        assertEquals(d.actor(), c.actor().orElseThrow());
        assertEquals(d.explanation(), c.explanation(Locale.ENGLISH).orElseThrow());
        assertTrue(c.sharedWords(Locale.ENGLISH).isEmpty());
    }

    @Test
    void withoutASizeNothingIsDecided() {
        MessageChain c = bounced(0);
        assertTrue(c.sizeBytes().isEmpty());
        assertFalse(c.refusedAsTooLargeWhileSmall());
    }
}
