package org.mailpath.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.status.Diagnosis;
import org.junit.jupiter.api.Test;

/**
 * A size refusal of a message the log shows to be small (woodgrove.example's 12,633-byte 552 5.3.4) is the receiving
 * server's: one rule in MessageChain, which the report, the Events step, the JSON and the CLI's plan all read.
 */
class SmallSizeRefusalTest {

    private static MessageChain bounced(long bytes) {
        return TestChains.sizeRefusal("hr@woodgrove.example", bytes);
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
