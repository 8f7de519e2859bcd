package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.log.LogFixtures;

/**
 * The review: {@code analyze} warned that 2 deferrals were stale ("Request a log that covers the day after the last
 * deferral") and then listed the stale greylisting one under "No action needed … Salesforce retries" and the stale
 * full mailbox under the recipient's mail team; the JSON chains said NOBODY and RECIPIENT_MAIL_TEAM where the report
 * says our admin. A stale deferral is our admin's, with the request-a-log advice, in the text and the JSON alike; a
 * deferral still within Salesforce's 24 hours keeps its reply's.
 */
class StaleDeferralWhatToDoTest {

    private static final String GREY = "451 4.7.1 Greylisted, please try again later";
    private static final String FULL = "452 4.2.2 The email account that you tried to reach is over quota. - gsmtp";

    private static Path log(Path dir) throws Exception {
        return LogFixtures.writeLog(dir, "own.csv",
                LogFixtures.row("3/5/2009 8:00", "T", "x@stale.example", "m1", FULL, ""),
                LogFixtures.row("3/5/2009 8:10", "T", "y@grey.example", "m2", GREY, ""),
                LogFixtures.row("3/7/2009 8:00", "T", "z@fresh.example", "m3", GREY, ""),
                LogFixtures.row("3/7/2009 9:00", "D", "u@fine.example", "m4", "250 2.0.0 Ok", ""));
    }

    @Test
    void staleDeferralsAreOurAdminsWithTheRequestALogAdvice(@TempDir Path dir) throws Exception {
        Path log = log(dir);
        CliRun text = CliRun.of("analyze", log.toString());
        String out = text.out();
        String todo = out.substring(out.indexOf("What to do"), out.indexOf("Delivered messages") > 0
                ? out.indexOf("Delivered messages") : out.length());
        String admin = todo.substring(todo.indexOf("Our Salesforce admin"));
        admin = admin.substring(0, admin.indexOf("\n  No action needed") > 0 ? admin.indexOf("\n  No action needed")
                : admin.length());
        assertTrue(admin.startsWith("Our Salesforce admin: 2 deferred"), todo);
        assertTrue(admin.contains("Request a log that covers the day after the last deferral"), todo);
        assertTrue(admin.contains("(stale.example)") && admin.contains("(grey.example)"), todo);
        assertFalse(todo.contains("Recipient's mail team"), todo);
        // the fresh greylisting is still retried: nothing to do
        String nobody = todo.substring(todo.indexOf("No action needed"));
        assertTrue(nobody.startsWith("No action needed: 1 deferred"), todo);
        assertTrue(nobody.contains("(fresh.example)"), todo);

        CliRun json = CliRun.of("analyze", "--format", "json", log.toString());
        JsonNode chains = new ObjectMapper().readTree(json.out()).get("chains");
        int seen = 0;
        for (JsonNode c : chains) {
            String recipient = c.get("recipient").asText();
            if (recipient.endsWith("@stale.example") || recipient.endsWith("@grey.example")) {
                assertTrue(c.get("stale").asBoolean(), c.toString());
                assertEquals("SENDER_ADMIN", c.get("actor").asText(), c.toString());
                assertTrue(c.get("remediation").asText().contains("Request a log that covers the day after"),
                        c.toString());
                seen++;
            } else if (recipient.endsWith("@fresh.example")) {
                assertEquals("NOBODY", c.get("actor").asText(), c.toString());
            }
        }
        assertEquals(2, seen, chains.toString());
    }
}
