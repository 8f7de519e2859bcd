package org.mailpath.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.log.LogFixtures;

/**
 * A file given twice is read once by the analysis ({@code analyze a.csv a.csv b.csv}), and the appendix's rows are
 * read again from the same files in the same order: b.csv's events must show b.csv's rows, not a.csv's.
 */
class FileGivenTwiceRawRowsTest {

    @TempDir
    Path dir;

    @Test
    void theAppendixOfTheFileAfterARepeatedOneHoldsItsOwnRows() throws Exception {
        List<String> lines = Files.readAllLines(LogFixtures.sample("sample-email-log.csv"));
        int n = lines.size();
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        List<String> first = new ArrayList<>(lines.subList(0, n / 2));
        List<String> second = new ArrayList<>(List.of(lines.get(0)));
        second.addAll(lines.subList(n / 2, n));
        Files.write(a, first);
        Files.write(b, second);
        List<Path> given = List.of(a, a, b);

        LogAnalysis analysis = LogFixtures.analyze(given);
        ReportModel model = new ReportBuilder(analysis, ReportOptions.defaults().withEveryMessage())
                .rawRows(LogFileRawRows.of(given)).build();

        Map<Long, List<String>> bRows = records(b);
        List<Appendix.RawRow> ofB = model.appendix().rows().stream().filter(r -> r.file().equals("b.csv")).toList();
        assertFalse(ofB.isEmpty(), model.appendix().rows().toString());
        for (Appendix.RawRow r : ofB) {
            assertEquals(bRows.get(r.line()), List.copyOf(r.cells()), "line " + r.line() + " of b.csv");
        }
    }

    /** The file's records by line number, as Commons CSV reads them. */
    private static Map<Long, List<String>> records(Path file) throws Exception {
        Map<Long, List<String>> byLine = new HashMap<>();
        try (Reader in = Files.newBufferedReader(file)) {
            for (CSVRecord r : CSVFormat.DEFAULT.parse(in)) {
                byLine.put(r.getRecordNumber(), r.toList());
            }
        }
        return byLine;
    }
}
