package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.report.VisibleText;

/**
 * The JSON of {@code analyze}, {@code check} and {@code probe} keeps a log field's or a DNS answer's control, bidi,
 * tag and other invisible characters exactly, escaped as {@code \}{@code uXXXX}: written as they were, a C1 CSI
 * (U+009B) or a right-to-left override reached the terminal of whoever ran it, as the text output never lets them.
 */
class JsonHiddenCharactersTest {

    /** C1 controls (CSI, NEL), bidi embeddings, overrides and isolates, tag characters, a soft hyphen, a ZWSP, DEL. */
    static final String HOSTILE = "550 \u009B2J\u0085 \u202Auser\u202B\u202C\u202D\u202E unknown \u2066x\u2067\u2068"
            + "\u2069 \uDB40\uDC01\uDB40\uDC41\uDB40\uDC7F \u00AD\u200B\u007F";
    /** Letters outside ASCII, written as they are (an emoji's surrogates are escaped: a pair parsers join). */
    static final String LETTERS = "Grüße från 日本 😀";

    @TempDir
    Path dir;

    /** Whether {@code json} holds any character the text output shows as a code, but for the printer's line ends. */
    static void noHiddenCharacter(String json) {
        json.codePoints().filter(c -> c != '\n' && c != '\r').filter(VisibleText::hidden).findFirst()
                .ifPresent(c -> {
                    throw new AssertionError(String.format("raw U+%04X in %s", c, json));
                });
    }

    private static List<String> texts(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isTextual()) {
            out.add(node.asText());
        }
        node.forEach(child -> out.addAll(texts(child)));
        return out;
    }

    @Test
    void analyzeEscapesHiddenCharactersOfTheLogAndKeepsThemExactly() throws IOException {
        String status = HOSTILE + " " + LETTERS;
        Path f = LogFixtures.writeLog(dir, "hostile.csv",
                LogFixtures.row("3/06/2026 13:37", "R", "a@acme.example", "m1", "", ""),
                LogFixtures.row("3/06/2026 13:38", "P", "a@acme.example", "m1", status, ""));
        CliRun r = CliRun.inLocale(StandardCharsets.UTF_8, "analyze", f.toString(), "--format", "json");
        assertEquals(0, r.code(), r.err());
        noHiddenCharacter(r.out());
        assertTrue(r.out().contains("\\u009B2J\\u0085 \\u202Auser"), r.out());
        assertTrue(r.out().contains("\\uDB40\\uDC01\\uDB40\\uDC41"), r.out());
        assertTrue(r.out().contains("Grüße från 日本 \\uD83D\\uDE00"), "only what is hidden is escaped: " + r.out());
        List<String> texts = texts(new ObjectMapper().readTree(r.out()));
        assertTrue(texts.stream().anyMatch(t -> t.contains(status)), texts.toString());
    }

    @Test
    void checkAndProbeJsonEscapeHiddenCharactersOfAnAnswer() throws IOException {
        Finding f = new Finding("SPF_SYNTAX", Severity.ERROR, "acme.example", "the record " + HOSTILE,
                List.of("acme.example. TXT \"v=spf1 " + HOSTILE + "\""), LETTERS, Actor.SENDER_ADMIN);
        // as check (CheckCommand) and probe (ProbeOutput.jsonText) write it
        for (String json : List.of(
                FindingJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(FindingJson.finding(f)),
                FindingJson.MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(FindingJson.findings(List.of(f))))) {
            noHiddenCharacter(json);
            List<String> texts = texts(new ObjectMapper().readTree(json));
            assertTrue(texts.contains("the record " + HOSTILE), json);
            assertTrue(texts.contains("acme.example. TXT \"v=spf1 " + HOSTILE + "\""), json);
            assertTrue(texts.contains(LETTERS), json);
            assertTrue(json.contains("Grüße från 日本"), json);
        }
    }
}
