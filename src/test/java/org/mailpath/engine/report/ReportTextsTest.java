package org.mailpath.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.status.Category;
import org.mailpath.engine.status.StatusKnowledgeBase;

class ReportTextsTest {

    private static final String RULE = "cause.rule.";

    @Test
    void everyRulesOwnCauseNamesARuleOfTheKnowledgeBase() throws IOException {
        // a misspelt rule id would leave its replies with their category's words, silently
        JsonNode kb;
        try (InputStream in = StatusKnowledgeBase.class.getResourceAsStream("status-knowledge.json")) {
            kb = new ObjectMapper().readTree(in);
        }
        Set<String> ids = new HashSet<>(StatusKnowledgeBase.standard().ruleIds());
        kb.get("enhancedCodes").forEach(c -> ids.add("enhanced." + c.get("code").asText()));
        kb.get("basicCodes").forEach(c -> ids.add("basic." + c.get("code").asText()));
        List<String> unknown = new TreeSet<>(texts().stringPropertyNames()).stream()
                .filter(k -> k.startsWith(RULE) && !ids.contains(k.substring(RULE.length()))).toList();
        assertEquals(List.of(), unknown);
    }

    @Test
    void aRuleWithoutWordsOfItsOwnTakesItsCategorys() {
        ReportTexts texts = ReportTexts.english();
        assertEquals(texts.cause(Category.DNS), texts.cause(Category.DNS, "fallback"));
        assertEquals("the recipient domain declares with a null MX that it accepts no mail",
                texts.cause(Category.DNS, "enhanced:X.1.10"));
        assertFalse(texts.cause(Category.DNS).contains("standards"),
                "a DNS failure alone does not show that name servers break the standards");
    }

    private static Properties texts() throws IOException {
        Properties p = new Properties();
        try (InputStream in = ReportTexts.class.getResourceAsStream("report-text.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
