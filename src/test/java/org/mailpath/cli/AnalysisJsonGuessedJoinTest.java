package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.mailpath.engine.log.LogFixtures.INTERNAL_MESSAGE_ID;
import static org.mailpath.engine.log.LogFixtures.MESSAGE_ID_HEADER;
import static org.mailpath.engine.log.LogFixtures.TLS;
import static org.mailpath.engine.log.LogFixtures.row;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.log.LogFixtures;

/**
 * {@code analyze --format json} of a log without the Message ID Header column and one without the Internal Message ID
 * column: they share no ID, so a message whose rows are in both is joined by a unique match (a guess) or left apart
 * for matching more than one. Each such chain says so, last and only where true ({@code "joinedByGuess": true},
 * {@code "maybeCountedTwice": true}); the others keep their form.
 */
class AnalysisJsonGuessedJoinTest {

    private static final String GUESS_FIELDS = "joinedByGuess|maybeCountedTwice";

    @TempDir
    Path dir;

    private Path log(String name, int lacking, String... rows) {
        return LogFixtures.writeWithout(dir, name, List.of(lacking), rows);
    }

    @Test
    void eachChainThatRestsOnAGuessSaysSoLast() throws Exception {
        // a@: one R, one D: joined; b@: two R's and one D: left apart, all three; c@: its R only, nothing to match
        Path r = log("no-header.csv", MESSAGE_ID_HEADER, row("3/6/2009 13:30", "R", "a@acme.example", "m1", "", ""),
                row("3/6/2009 13:30", "R", "b@other.example", "m2", "", ""),
                row("3/6/2009 13:30", "R", "b@other.example", "m3", "", ""),
                row("3/6/2009 13:30", "R", "c@third.example", "m4", "", ""));
        Path d = log("no-internal-id.csv", INTERNAL_MESSAGE_ID,
                row("3/6/2009 13:31", "D", "a@acme.example", "m1", "250 OK", TLS),
                row("3/6/2009 13:31", "D", "b@other.example", "m2", "250 OK", TLS));
        CliRun run = CliRun.of("analyze", r.toString(), d.toString(), "--format", "json");
        assertEquals(0, run.code(), run.err());
        JsonNode j = new ObjectMapper().readTree(run.out());
        Map<String, String> seen = new TreeMap<>();
        for (JsonNode c : j.get("chains")) {
            List<String> names = new ArrayList<>();
            c.fieldNames().forEachRemaining(names::add);
            String last = names.getLast();
            String key = c.get("recipient").asText() + " " + c.get("events").asText();
            if (last.matches(GUESS_FIELDS)) {
                assertEquals(true, c.get(last).asBoolean(), c.toString());
                assertEquals("finalRelayAddress", names.get(names.size() - 2), "after every other field: " + c);
                seen.merge(key, last, (x, y) -> x + ", " + y);
            } else {
                assertFalse(names.stream().anyMatch(n -> n.matches(GUESS_FIELDS)), c.toString());
                seen.merge(key, "-", (x, y) -> x + ", " + y);
            }
        }
        assertEquals(Map.of("a@acme.example RD", "joinedByGuess", "b@other.example D", "maybeCountedTwice",
                "b@other.example R", "maybeCountedTwice, maybeCountedTwice", "c@third.example R", "-"), seen);
        // and the warnings that count them are there too
        List<String> messages = StreamSupport.stream(j.get("problems").spliterator(), false)
                .map(p -> p.get("message").asText()).toList();
        assertEquals(2, messages.stream().filter(m -> m.contains("share no ID")).count(), messages.toString());
    }

    @Test
    void aSingleLogsChainsHaveNoSuchField() throws Exception {
        CliRun run = CliRun.of("analyze", LogFixtures.sample("sample-email-log.csv").toString(), "--format", "json");
        assertEquals(0, run.code(), run.err());
        for (JsonNode c : new ObjectMapper().readTree(run.out()).get("chains")) {
            assertFalse(c.has("joinedByGuess") || c.has("maybeCountedTwice"), c.toString());
        }
    }
}
