package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.log.LogFixtures;

/**
 * The text output's "… and N more" after its first 20 problems: N counts every problem not shown, those the reader
 * counted beyond its cap too, and the line says how many of them the JSON holds (it lists the first ones only).
 */
class TextProblemCountTest {

    @TempDir
    Path dir;

    @Test
    void theMoreCountHoldsEveryProblemCountedAndSaysHowManyTheJsonLists() throws Exception {
        StringBuilder log = new StringBuilder(LogFixtures.HEADER).append("\r\n")
                .append(LogFixtures.row("3/06/2026 13:37", "R", "admin@acme.example", "m1", "", "")).append("\r\n")
                .append(LogFixtures.row("3/06/2026 13:42", "D", "admin@acme.example", "m1", "250 2.0.0 OK",
                        LogFixtures.TLS)).append("\r\n");
        for (int i = 0; i < 2000; i++) {
            log.append("\"not a date\",\"x\",\"R\",\"a@b.example\",\"s\"\r\n");
        }
        Path file = LogFixtures.write(dir, "bad.csv", log.toString());
        CliRun text = CliRun.of("analyze", file.toString());
        assertEquals(0, text.code(), text.err());
        JsonNode json = new ObjectMapper().readTree(CliRun.of("analyze", file.toString(), "--format", "json").out());
        long listed = 0;
        long notListed = 0;
        for (JsonNode p : json.get("problems")) {
            // the message groups its count ("1,000 more"); the JSON's numbers are plain
            Matcher m = Pattern.compile("^([\\d,]+) more problems were counted but not listed").matcher(
                    p.get("message").asText());
            if (m.find()) {
                notListed += Long.parseLong(m.group(1).replace(",", ""));
            } else {
                listed++;
            }
        }
        assertTrue(notListed > 0, "the reader's cap is reached: " + notListed);
        long counted = listed + notListed;
        assertTrue(counted >= 2000, "every bad row is a problem: " + counted);
        String expected = "  … and " + (counted - 20) + " more were counted; --format json lists the first "
                + (listed - 20) + " of them.";
        assertTrue(text.out().contains("\n" + expected + "\n"), text.out());
        assertTrue(!text.out().contains("more problems were counted but not listed"), "the note is in the count");
    }
}
