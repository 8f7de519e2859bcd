package org.mailpath.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import org.mailpath.engine.analysis.LogAnalysis;

/** A message's entry in {@code analyze --format json}'s "chains", found by its recipient. */
final class ChainJson {

    private ChainJson() {
    }

    static JsonNode of(LogAnalysis analysis, String recipient) throws IOException {
        StringWriter json = new StringWriter();
        AnalysisJson.write(analysis, json);
        for (JsonNode c : new ObjectMapper().readTree(json.toString()).get("chains")) {
            if (c.get("recipient").asText().equals(recipient)) {
                return c;
            }
        }
        throw new AssertionError(json.toString());
    }
}
