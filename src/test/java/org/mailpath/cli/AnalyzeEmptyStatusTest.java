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
 * The defect: bounces whose P rows have an empty Delivery Status (the column lost by a spreadsheet's re-save, or the
 * cell just empty) were listed under "Recipient's mail team" with the knowledge base's fallback ("ask the recipient's
 * mail team what it means") and an empty example ("Example:  (contoso.example)"). With no reply text nobody knows the
 * cause: they are our admin's, to export the log again, in the text and the JSON alike; an unknown reply with text
 * stays the recipient's mail team's.
 */
class AnalyzeEmptyStatusTest {

    private static Path log(Path dir) throws Exception {
        return LogFixtures.writeLog(dir, "empty.csv",
                LogFixtures.row("3/5/2009 8:00", "P", "a@contoso.example", "m1", "", ""),
                LogFixtures.row("3/5/2009 8:05", "P", "b@contoso.example", "m2", "", ""),
                LogFixtures.row("3/5/2009 8:10", "P", "c@odd.example", "m3", "599 something odd happened", ""),
                LogFixtures.row("3/5/2009 9:00", "D", "u@fine.example", "m4", "250 2.0.0 Ok", ""));
    }

    @Test
    void bouncesWithoutReplyTextAreOurAdminsWithoutAnEmptyExample(@TempDir Path dir) throws Exception {
        Path log = log(dir);
        String out = CliRun.of("analyze", log.toString()).out();
        String todo = out.substring(out.indexOf("What to do"));
        assertFalse(todo.contains("Example:  ("), todo);
        assertFalse(todo.matches("(?s).*Example[^\n]*: \\(contoso\\.example\\).*"), todo);
        String admin = todo.substring(todo.indexOf("Our Salesforce admin"), todo.indexOf("Recipient's mail team"));
        assertTrue(admin.startsWith("Our Salesforce admin: 2 bounced"), todo);
        assertTrue(admin.contains("Export the log again with its Delivery Status column"), todo);
        assertTrue(admin.contains("The log holds no reply text for this event"), todo);
        assertTrue(admin.contains("(no reply text) (contoso.example)"), todo);
        // the unknown reply with text keeps the fallback: the recipient's mail team is asked what it means
        String team = todo.substring(todo.indexOf("Recipient's mail team"), todo.indexOf("\n\n"));
        assertTrue(team.startsWith("Recipient's mail team: 1 bounced"), todo);
        assertTrue(team.contains("599 something odd happened (odd.example)"), todo);
        assertFalse(team.contains("contoso.example"), todo);

        JsonNode chains = new ObjectMapper().readTree(CliRun.of("analyze", "--format", "json", log.toString())
                .out()).get("chains");
        int seen = 0;
        for (JsonNode c : chains) {
            String recipient = c.get("recipient").asText();
            if (recipient.endsWith("@contoso.example")) {
                assertEquals("BOUNCED", c.get("verdict").asText(), c.toString());
                assertEquals("UNKNOWN", c.get("category").asText(), c.toString());
                assertEquals("SENDER_ADMIN", c.get("actor").asText(), c.toString());
                assertEquals("empty-reply", c.get("ruleId").asText(), c.toString());
                assertEquals("", c.get("status").asText(), c.toString());
                assertTrue(c.get("remediation").asText().contains("ask Salesforce support, giving the Message ID"
                        + " Header"), c.toString());
                seen++;
            } else if (recipient.endsWith("@odd.example")) {
                assertEquals("RECIPIENT_MAIL_TEAM", c.get("actor").asText(), c.toString());
                assertEquals("fallback", c.get("ruleId").asText(), c.toString());
            }
        }
        assertEquals(2, seen, chains.toString());
    }
}
