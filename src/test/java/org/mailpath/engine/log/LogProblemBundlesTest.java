package org.mailpath.engine.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * What the reader's {@code problems.properties} must hold beyond the rules every engine bundle keeps
 * ({@code FindingBundlesTest}: valid patterns, apostrophes doubled, translations complete).
 */
class LogProblemBundlesTest {

    private static final Path ENGLISH = Path.of("src/main/resources/org/mailpath/engine/log/problems.properties");

    @Test
    void everyRepeatedWarningHasBothWordings() throws IOException {
        Properties english = new Properties();
        try (Reader in = Files.newBufferedReader(ENGLISH, StandardCharsets.UTF_8)) {
            english.load(in);
        }
        List<String> missing = new ArrayList<>();
        for (ProblemLog.Repeated kind : ProblemLog.Repeated.values()) {
            for (String number : List.of(".one", ".many")) {
                if (!english.containsKey("repeated." + kind.name() + number)) {
                    missing.add("repeated." + kind.name() + number);
                }
            }
        }
        assertEquals(List.of(), missing);
    }
}
