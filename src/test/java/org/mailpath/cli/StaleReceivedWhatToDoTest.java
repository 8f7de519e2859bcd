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
import org.mailpath.engine.report.ReportTexts;

/**
 * A received-only message whose last row is more than 24 hours before the log's end ("staleReceived": true) is our
 * admin's in the report, with the advice to request a log that covers the day after it was received
 * (receivedOnly.stale). {@code analyze} named nobody for it: "actor" and "remediation" were null in the JSON, and its
 * "What to do" left it out. A message received within the log's last 24 hours may still be handed on: it names nobody
 * in the JSON, as in the report, but has the app's explanation and next step (a log that runs later,
 * NotYetHandedOn), listed apart in "What to do" under our admin, as the app names who acts.
 */
class StaleReceivedWhatToDoTest {

    private static final String FULL = "452 4.2.2 The email account that you tried to reach is over quota. - gsmtp";

    private static Path log(Path dir) throws Exception {
        return LogFixtures.writeLog(dir, "own.csv",
                LogFixtures.row("3/5/2009 8:00", "R", "x@old.example", "m1", "", ""),
                LogFixtures.row("3/5/2009 8:10", "T", "y@stale.example", "m2", FULL, ""),
                LogFixtures.row("3/7/2009 8:30", "R", "z@new.example", "m3", "", ""),
                LogFixtures.row("3/7/2009 9:00", "D", "u@fine.example", "m4", "250 2.0.0 Ok", ""));
    }

    @Test
    void aStaleReceivedOnlyMessageIsOurAdminsWithTheReportsAdvice(@TempDir Path dir) throws Exception {
        Path log = log(dir);
        String advice = ReportTexts.english().get("receivedOnly.stale");
        String out = CliRun.of("analyze", log.toString()).out();
        assertTrue(out.contains("What to do"), out);
        String todo = out.substring(out.indexOf("What to do"), out.indexOf("Delivered messages") > 0
                ? out.indexOf("Delivered messages") : out.length());
        assertTrue(todo.contains("  Our Salesforce admin: 1 deferred, 2 received only\n"), todo);
        // the stale deferral's request and the received-only message's own, each once
        assertTrue(todo.contains("      - To do: " + advice + "\n"), todo);
        assertEquals(1, todo.split("Request a log that covers the day after it was received", -1).length - 1, todo);
        assertTrue(todo.contains("(old.example)"), todo);
        // received 30 minutes before the log's end: it may still be handed on, so a log that runs later is asked for
        String fresh = ReportTexts.english().format("receivedOnly.todo", "2009-03-07 09:00 UTC");
        assertTrue(todo.contains("    Received only, not yet handed to any mail server outside Salesforce when the"
                + " log ended (RECEIVED_ONLY): 1 received only\n      - To do: " + fresh + "\n        Meaning: "
                + ReportTexts.english().get("receivedOnly.meaning") + "\n"), todo);
        assertTrue(todo.contains("(new.example)"), todo);

        JsonNode chains = new ObjectMapper().readTree(CliRun.of("analyze", "--format", "json", log.toString()).out())
                .get("chains");
        int seen = 0;
        for (JsonNode c : chains) {
            String recipient = c.get("recipient").asText();
            if (recipient.endsWith("@old.example")) {
                assertTrue(c.get("staleReceived").asBoolean(), c.toString());
                assertEquals("SENDER_ADMIN", c.get("actor").asText(), c.toString());
                assertEquals(advice, c.get("remediation").asText(), c.toString());
                seen++;
            } else if (recipient.endsWith("@new.example")) {
                assertFalse(c.has("staleReceived"), c.toString());
                // its next step is our admin's in the JSON too, as the text lists it (a final reader found them apart)
                assertEquals("SENDER_ADMIN", c.get("actor").asText(), c.toString());
                assertEquals(ReportTexts.english().format("receivedOnly.todo", "2009-03-07 09:00 UTC"),
                        c.get("remediation").asText(), c.toString());
                assertEquals(ReportTexts.english().get("receivedOnly.meaning"), c.get("explanation").asText(),
                        c.toString());
                seen++;
            }
        }
        assertEquals(2, seen, chains.toString());
    }

    @Test
    void aLogOfStaleReceivedOnlyMessagesAloneStillHasWhatToDo(@TempDir Path dir) throws Exception {
        Path log = LogFixtures.writeLog(dir, "own.csv",
                LogFixtures.row("3/5/2009 8:00", "R", "x@old.example", "m1", "", ""),
                LogFixtures.row("3/5/2009 9:00", "R", "w@old.example", "m2", "", ""),
                LogFixtures.row("3/7/2009 9:00", "D", "u@fine.example", "m4", "250 2.0.0 Ok", ""));
        String out = CliRun.of("analyze", log.toString()).out();
        assertTrue(out.contains("What to do"), out);
        String todo = out.substring(out.indexOf("What to do"));
        assertTrue(todo.contains("  Our Salesforce admin: 2 received only\n"), todo);
        assertTrue(todo.contains("Request a log that covers the day after it was received"), todo);
    }
}
