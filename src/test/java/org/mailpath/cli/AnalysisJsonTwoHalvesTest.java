package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mailpath.engine.analysis.EmailLogAnalyzer;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.ProgressListener;
import org.mailpath.engine.log.EmailLogReader;
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.engine.log.LogLimits;
import org.mailpath.engine.status.StatusKnowledgeBase;

/**
 * The JSON of {@code analyze} is the same, byte for byte, whether a log is read in one pass or in two halves in
 * parallel (chains across the cut joined, problems and line numbers as in one pass).
 */
class AnalysisJsonTwoHalvesTest {

    @TempDir
    Path dir;

    private static String json(Path file, long splitMinBytes) throws Exception {
        EmailLogAnalyzer analyzer = new EmailLogAnalyzer(StatusKnowledgeBase.standard(),
                new EmailLogReader(LogLimits.DEFAULT, splitMinBytes));
        StringWriter w = new StringWriter();
        AnalysisJson.write(analyzer.analyze(file, ProgressListener.NONE, Cancellation.none()), w);
        return w.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sample-email-log.csv", "synthetic-with-bad-rows.csv", "synthetic-no-tls-columns.csv",
        "synthetic-bom-lf.csv", "synthetic-no-header.csv", "synthetic-japanese-header-reordered.csv"})
    void samplesGiveTheSameJson(String sample) throws Exception {
        Path file = LogFixtures.sample(sample);
        assertEquals(json(file, Long.MAX_VALUE), json(file, 0));
    }

    @Test
    void copiesOfRowsAreLeftOutTheSameWay() throws Exception {
        // the sample joined with its own second half, as two overlapping exports, then every row of that twice
        List<String> sample = Files.readAllLines(LogFixtures.sample("sample-email-log.csv"));
        List<String> joined = new ArrayList<>(sample);
        joined.addAll(sample.subList(sample.size() / 2, sample.size()));
        List<String> doubled = new ArrayList<>(List.of(sample.getFirst()));
        joined.subList(1, joined.size()).forEach(line -> doubled.addAll(List.of(line, line)));
        for (List<String> log : List.of(joined, doubled)) {
            Path file = LogFixtures.write(dir, "copies.csv", String.join("\r\n", log) + "\r\n");
            String once = json(file, Long.MAX_VALUE);
            assertTrue(once.contains("rows are exact copies of an earlier row"), once);
            assertEquals(once, json(file, 0));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r\n", "\n"})
    void quirkyLogGivesTheSameJson(String newline) throws Exception {
        Path file = LogFixtures.write(dir, "quirky.csv", LogFixtures.quirkyLog(3000, newline, true));
        assertEquals(json(file, Long.MAX_VALUE), json(file, 0));
    }

    @Test
    void rowsOfSeparatorsOnlyAcrossTheCutGiveTheSameJson() throws Exception {
        String log = LogFixtures.quirkyLog(3000, "\r\n", false);
        int middle = log.indexOf("\r\n", log.length() / 2) + 2;
        String emptied = ",".repeat(16) + "\r\n";
        Path file = LogFixtures.write(dir, "leftovers.csv", emptied + log.substring(0, middle) + emptied.repeat(400)
                + log.substring(middle) + emptied.repeat(5));
        String once = json(file, Long.MAX_VALUE);
        assertTrue(once.contains("\"blankRows\" : 406"), once);
        assertTrue(once.contains("406 rows hold only separators (lines 1, "), once);
        assertEquals(once, json(file, 0));
    }
}
