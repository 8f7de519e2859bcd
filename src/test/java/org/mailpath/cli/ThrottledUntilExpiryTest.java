package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.engine.report.MessageEntry;
import org.mailpath.engine.report.ReportBuilder;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.ReportOptions;

/**
 * Comcast throttled a message until Salesforce gave up and bounced it as expired. The report said so ("deferred the
 * message at every attempt … more than a passing delay") and named both sides, while {@code analyze}'s JSON and text
 * kept the rule's meaning for a passing deferral and listed the fix under our admin alone, its own words being "send
 * fewer messages to Comcast addresses": the same message read differently in the two. Now the JSON's explanation is
 * the report's, and the text's "What to do" gives the fix its meaning and the recipient's side too; a deferral of
 * the same reply that Salesforce still retries keeps the rule's words and "no action needed".
 */
class ThrottledUntilExpiryTest {

    private static final String THROTTLED = "421 4.1.0 192.0.2.9 Throttled - try again later. Please see"
            + " https://postmaster.comcast.net/smtp-error-codes.php#RL000001";
    private static final String LEAD = "The recipient's servers deferred the message at every attempt until Salesforce"
            + " stopped retrying and bounced it as expired, which is more than a passing delay. What the reply says: ";
    private static final String TEAM_LINE = "Also for the recipient's mail team: their servers kept deferring these"
            + " messages until Salesforce gave up.";

    private static Path log(Path dir) {
        return LogFixtures.writeLog(dir, "log.csv",
                LogFixtures.row("11/30/2026 11:00", "R", "al@comcast.example", "m1", "", ""),
                LogFixtures.row("11/30/2026 11:00", "T", "al@comcast.example", "m1", THROTTLED, ""),
                LogFixtures.row("12/1/2026 11:01", "P", "al@comcast.example", "m1",
                        "554 5.4.5 [internal] Delivery not attempted (message expired)", ""),
                LogFixtures.row("12/1/2026 11:00", "R", "bo@comcast.example", "m2", "", ""),
                LogFixtures.row("12/1/2026 11:00", "T", "bo@comcast.example", "m2", THROTTLED, ""));
    }

    @Test
    void theJsonExplanationIsTheReportsMeaning(@TempDir Path dir) throws Exception {
        LogAnalysis analysis = LogFixtures.analyze(log(dir));
        MessageChain al = analysis.chains().stream().filter(c -> c.recipient().startsWith("al@")).findFirst()
                .orElseThrow();
        assertTrue(al.deferredUntilExpiry());
        String ruleWords = al.diagnosis().orElseThrow().explanation();
        JsonNode json = ChainJson.of(analysis, "al@comcast.example");
        assertEquals(LEAD + ruleWords, json.get("explanation").asText());
        assertEquals("SENDER_ADMIN", json.get("actor").asText(), "the JSON's actor stays our admin's");
        ReportModel report = new ReportBuilder(analysis, ReportOptions.defaults().withLanguage(Locale.ENGLISH))
                .build();
        MessageEntry entry = report.recipientDomains().getFirst().messages().stream()
                .filter(m -> m.recipient().startsWith("al@")).findFirst().orElseThrow();
        assertEquals(entry.explanation(), json.get("explanation").asText(), "the report and the JSON agree");
        assertEquals(entry.remediation(), json.get("remediation").asText());

        JsonNode bo = ChainJson.of(analysis, "bo@comcast.example");
        assertEquals(ruleWords, bo.get("explanation").asText(), "a deferral still retried keeps the rule's words");
    }

    @Test
    void theTextSaysWhatTheDeferralsCameToAndNamesTheRecipientsSide(@TempDir Path dir) {
        String out = CliRun.of("analyze", log(dir).toString()).out();
        String todo = out.substring(out.indexOf("What to do"));
        String admin = todo.substring(todo.indexOf("  Our Salesforce admin: 1 bounced"), todo.indexOf("  No action"));
        assertTrue(admin.contains("        Meaning: " + LEAD + "Comcast (Xfinity) is throttling mail"), admin);
        // more than "send fewer messages": the recipient's servers are where it stopped
        assertTrue(admin.contains("- To do: The receiving server kept deferring the message until Salesforce stopped"
                + " retrying"), admin);
        assertTrue(admin.contains("        " + TEAM_LINE), admin);
        String nobody = todo.substring(todo.indexOf("  No action needed: 1 deferred"));
        assertFalse(nobody.contains(TEAM_LINE), nobody);
        assertFalse(nobody.contains(LEAD), nobody);
    }
}
