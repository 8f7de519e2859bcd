package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.log.LogFixtures;

/**
 * The JSON of the samples must stay exactly as in src/test/resources/log/*.golden.json. After an intended change,
 * regenerate with {@code mvn test -Dtest=AnalysisJsonGoldenTest -Dmailpath.updateGolden=true} and review the diff.
 */
class AnalysisJsonGoldenTest {

    @ParameterizedTest
    @ValueSource(strings = {"sample-email-log.csv", "synthetic-with-bad-rows.csv", "synthetic-no-tls-columns.csv"})
    void jsonMatchesGolden(String sample) throws Exception {
        LogAnalysis a = LogFixtures.analyze(LogFixtures.sample(sample));
        StringWriter w = new StringWriter();
        AnalysisJson.write(a, w);
        String actual = w.toString().replace("\r\n", "\n") + "\n";
        Path golden = Path.of(System.getProperty("mailpath.projectDir", "."))
                .resolve("src/test/resources/log").resolve(sample.replaceAll("\\.csv$", "") + ".golden.json");
        if (Boolean.getBoolean("mailpath.updateGolden")) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertEquals(read(golden), actual, "JSON differs from " + golden);
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
