package org.mailpath.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.engine.status.Diagnosis;

/**
 * Microsoft 365 throttled a message at every attempt until Salesforce gave up and bounced it as expired. Its meaning
 * was said so only in the report (ReportBuilder), while {@code analyze}'s text and JSON and the Events step, which
 * read the chain's explanation, kept the rule's words for a passing deferral ("temporarily throttling") beside a
 * remediation saying "more than a passing delay". The chain's own explanation says what the deferrals came to first,
 * then the rule's words, for our admin and the recipient's mail team, in English and Swedish; a deferral still retried
 * and a throttling reply that bounced at once keep the rule's words.
 */
class DeferredUntilExpiryMeaningTest {

    private static final String BUSY = "451 4.7.500 Server busy. Please try again later from [13.110.74.201]. (S77719)"
            + " [DM6NAM12FT015.eop-nam12.prod.protection.outlook.com]";
    private static final Locale SWEDISH = Locale.forLanguageTag("sv");

    private static List<MessageChain> chains(Path dir) throws Exception {
        Path log = LogFixtures.writeLog(dir, "log.csv",
                LogFixtures.row("11/30/2026 11:00", "R", "grace@contoso.example", "m1", "", ""),
                LogFixtures.row("11/30/2026 11:00", "T", "grace@contoso.example", "m1", BUSY, ""),
                LogFixtures.row("11/30/2026 20:15", "T", "grace@contoso.example", "m1", BUSY, ""),
                LogFixtures.row("12/1/2026 11:01", "P", "grace@contoso.example", "m1",
                        "554 5.4.5 [internal] Delivery not attempted (message expired)", ""),
                LogFixtures.row("12/1/2026 10:00", "R", "lee@contoso.example", "m2", "", ""),
                LogFixtures.row("12/1/2026 10:00", "T", "lee@contoso.example", "m2", BUSY, ""),
                LogFixtures.row("12/1/2026 9:00", "R", "kim@contoso.example", "m3", "", ""),
                LogFixtures.row("12/1/2026 9:00", "P", "kim@contoso.example", "m3",
                        BUSY.replace("451 4.7.500", "554 5.7.500"), ""));
        return LogFixtures.analyze(log).chains();
    }

    private static MessageChain to(List<MessageChain> chains, String recipient) {
        return chains.stream().filter(c -> c.recipient().equals(recipient)).findFirst().orElseThrow();
    }

    /** The lead of {@code key} in chains.properties, its {0} (the rule's words) left out. */
    private static String lead(String key, Locale language) {
        String pattern = ResourceBundle.getBundle(ChainWords.BUNDLE, language).getString(key).replace("''", "'");
        return pattern.substring(0, pattern.indexOf("{0}"));
    }

    @Test
    void deferralsUntilSalesforceGaveUpAreSaidFirstThenTheRulesWords(@TempDir Path dir) throws Exception {
        MessageChain grace = to(chains(dir), "grace@contoso.example");
        assertTrue(grace.deferredUntilExpiry());
        assertEquals(Actor.SENDER_ADMIN, grace.actor().orElseThrow());
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, grace.stoppedBy().orElseThrow());
        Diagnosis d = grace.diagnosis().orElseThrow();
        assertEquals("microsoft.server-busy", d.ruleId());
        assertEquals("The recipient's servers deferred the message at every attempt until Salesforce stopped retrying"
                + " and bounced it as expired, which is more than a passing delay. What the reply says: Microsoft 365"
                + " is temporarily throttling mail from the sending IP.", grace.explanation(Locale.ENGLISH).orElseThrow());
        assertEquals("Your servers deferred the message at every attempt until Salesforce stopped retrying and bounced"
                + " it as expired, which is more than a passing delay. What the reply says: "
                + d.mailTeamExplanation(Locale.ENGLISH), grace.mailTeamExplanation(Locale.ENGLISH).orElseThrow());
        String sv = grace.explanation(SWEDISH).orElseThrow();
        assertEquals(lead("deferredUntilExpiry.explanation", SWEDISH) + d.explanation(SWEDISH), sv);
        assertTrue(sv.startsWith("Mottagarens servrar sköt upp meddelandet vid varje försök"), sv);
        assertEquals(lead("deferredUntilExpiry.mailTeamExplanation", SWEDISH) + d.mailTeamExplanation(SWEDISH),
                grace.mailTeamExplanation(SWEDISH).orElseThrow());
    }

    @Test
    void aDeferralStillRetriedAndAThrottlingBouncedAtOnceKeepTheRulesWords(@TempDir Path dir) throws Exception {
        List<MessageChain> chains = chains(dir);
        for (String recipient : List.of("lee@contoso.example", "kim@contoso.example")) {
            MessageChain c = to(chains, recipient);
            assertFalse(c.deferredUntilExpiry(), recipient);
            Diagnosis d = c.diagnosis().orElseThrow();
            for (Locale language : List.of(Locale.ENGLISH, SWEDISH)) {
                assertEquals(d.explanation(language), c.explanation(language).orElseThrow(), recipient);
                assertEquals(d.mailTeamExplanation(language), c.mailTeamExplanation(language).orElseThrow(),
                        recipient);
            }
        }
    }
}
