package org.mailpath.engine.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.analysis.UnusableLogException;

/**
 * A record longer than the limit is cut and handed over as {@link CsvRecords#OVERSIZED}; every other record must
 * come out exactly as Commons CSV reads the whole text unguarded, on the same physical line, whatever line breaks the
 * cut text held.
 */
class CsvRecordsCutTest {

    @TempDir
    Path dir;

    /** A record as Commons CSV reads the unguarded text, with the characters the guard counts for it. */
    private record Expected(long line, List<String> values, long length) {
    }

    private static List<Expected> unguarded(String text) throws Exception {
        List<Expected> out = new ArrayList<>();
        List<long[]> starts = new ArrayList<>();
        List<List<String>> values = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(CsvRecords.format(','))
                .get()) {
            long previousEnd = 0;
            for (CSVRecord r : parser) {
                starts.add(new long[] {previousEnd + 1, r.getCharacterPosition()});
                values.add(Arrays.asList(r.values()));
                previousEnd = parser.getCurrentLineNumber();
            }
        }
        for (int i = 0; i < starts.size(); i++) {
            long start = starts.get(i)[1];
            // up to the line feed that ends it (not counted), or to the end of the text
            long length = i + 1 < starts.size() ? starts.get(i + 1)[1] - start - 1 : text.length() - start;
            out.add(new Expected(starts.get(i)[0], values.get(i), length));
        }
        return out;
    }

    private List<String> guarded(String text, int limit) throws Exception {
        Path file = LogFixtures.write(dir, "t.csv", text);
        LogLimits limits = new LogLimits(LogLimits.DEFAULT.maxInflatedBytes(), LogLimits.DEFAULT.maxInflationRatio(),
                LogLimits.DEFAULT.ratioFloorBytes(), limit, LogLimits.DEFAULT.maxStoredProblems());
        List<String> out = new ArrayList<>();
        try (LogInput input = LogInput.open(file, limits)) {
            CsvRecords.End end = CsvRecords.read(input, 0, (line, values) -> out.add(line + " "
                    + (values == CsvRecords.OVERSIZED ? "CUT" : Arrays.asList(values))));
            out.add("error " + end.error());
        }
        return out;
    }

    @Test
    void everyRecordWithinTheLimitIsReadAsWithoutTheGuardOnItsLine() throws Exception {
        String[] pieces = {"\"", ",", "\",\"", "\"\"", "\n", "\r\n", "ab", "x,y", "\",", ",\"", "\"\n", "\"\r\n",
            "long text without quotes ", "q\"q"};
        assertEquals(true, compareRandomTexts(new Random(11), pieces, 1_500, 80, 5, 60) > 1_000);
    }

    @Test
    void recordsCutAcrossTheParsersReadsAreReadAsWithoutTheGuard() throws Exception {
        // texts of many 8 KB reads, so that cut records begin, end and hold line breaks across reads
        String[] pieces = {"\"", ",", "\",\"", "\"\"", "\n", "\r\n", "\",", ",\"", "\"\r\n",
            "x".repeat(3_000), "y\n".repeat(2_000), "z\r\n".repeat(700), "w".repeat(9_000)};
        assertEquals(true, compareRandomTexts(new Random(12), pieces, 120, 60, 500, 20_000) > 80);
    }

    /** Compares guarded and unguarded reading of random texts; returns how many texts were compared. */
    private int compareRandomTexts(Random random, String[] pieces, int rounds, int maxPieces, int minLimit,
                                   int maxLimit) throws Exception {
        int compared = 0;
        for (int round = 0; round < rounds; round++) {
            StringBuilder sb = new StringBuilder("h");
            int n = random.nextInt(maxPieces);
            for (int i = 0; i < n; i++) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            // a short last record without a line feed: the guard counts a record's characters up to its line feed
            String text = sb.append("\nend").toString();
            int limit = minLimit + random.nextInt(maxLimit - minLimit);
            List<String> expected = new ArrayList<>();
            try {
                for (Expected e : unguarded(text)) {
                    expected.add(e.line() + " " + (e.length() > limit ? "CUT" : e.values()));
                }
            } catch (Exception parseError) {
                continue; // Commons CSV itself stops on this text: nothing to compare
            }
            expected.add("error null");
            List<String> actual;
            try {
                actual = guarded(text, limit);
            } catch (UnusableLogException notText) {
                continue;
            }
            assertEquals(expected, actual, "limit " + limit + ": '" + text.replace("\r", "\\r").replace("\n", "\\n")
                    + "'");
            compared++;
        }
        return compared;
    }

    @Test
    void aCutRecordWithManyLinesLeavesTheNextRecordOnItsLine() throws Exception {
        String text = "first,row\r\n\"" + "a line\r\n".repeat(5_000) + "\",end\r\nnext,row\n\"open" + "x\n".repeat(1_000);
        assertEquals(List.of("1 [first, row]", "2 CUT", "5003 [next, row]", "5004 CUT", "error null"),
                guarded(text, 1_000));
    }
}
