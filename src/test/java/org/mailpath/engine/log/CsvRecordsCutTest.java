package org.mailpath.engine.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.analysis.UnusableLogException;

/**
 * A record longer than the limit is cut and handed over as {@link CsvRecords#OVERSIZED}; every other record must
 * come out exactly as Commons CSV reads the whole text unguarded, on the same physical line, whatever line breaks the
 * cut text held, once the quotes the guard took to be left open ({@link CsvRecords#quoteLeftOpen}) are closed at the
 * end of their lines in that text too.
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
        return guarded(text, limit, new TreeSet<>());
    }

    /** {@code openLines}: receives the lines of the records whose quote was left open. */
    private List<String> guarded(String text, int limit, Set<Long> openLines) throws Exception {
        Path file = LogFixtures.write(dir, "t.csv", text);
        LogLimits limits = new LogLimits(LogLimits.DEFAULT.maxInflatedBytes(), LogLimits.DEFAULT.maxInflationRatio(),
                LogLimits.DEFAULT.ratioFloorBytes(), limit, LogLimits.DEFAULT.maxStoredProblems());
        List<String> out = new ArrayList<>();
        try (LogInput input = LogInput.open(file, limits)) {
            CsvRecords.End end = CsvRecords.read(input, 0, (line, values) -> {
                if (CsvRecords.quoteLeftOpen(values)) {
                    openLines.add(line);
                    values = Arrays.copyOf(values, values.length - 1);
                }
                return out.add(line + " " + (values == CsvRecords.OVERSIZED ? "CUT" : Arrays.asList(values)));
            });
            // a record closed at its line's end and then cut for its length comes out cut, unmarked
            openLines.addAll(input.guard().openQuoteLines());
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
            Set<Long> openLines = new TreeSet<>();
            List<String> actual;
            try {
                actual = guarded(text, limit, openLines);
            } catch (UnusableLogException notText) {
                continue;
            }
            List<String> expected = new ArrayList<>();
            try {
                for (Expected e : unguarded(closedAtLineEnds(text, openLines))) {
                    // the quote put in to close a record does not count towards its length
                    long length = e.length() - (openLines.contains(e.line()) ? 1 : 0);
                    expected.add(e.line() + " " + (length > limit ? "CUT" : e.values()));
                }
            } catch (Exception parseError) {
                continue; // Commons CSV itself stops on this text: nothing to compare
            }
            expected.add("error null");
            assertEquals(expected, actual, "limit " + limit + ": '" + text.replace("\r", "\\r").replace("\n", "\\n")
                    + "'");
            compared++;
        }
        return compared;
    }

    /** {@code text} with a quote put before the line break that ends each of {@code lines} (or at its end). */
    private static String closedAtLineEnds(String text, Set<Long> lines) {
        StringBuilder sb = new StringBuilder(text.length() + lines.size());
        long line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean breakStarts = c == '\r' || (c == '\n' && (i == 0 || text.charAt(i - 1) != '\r'));
            if (breakStarts && lines.contains(line)) {
                sb.append('"');
            }
            sb.append(c);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
            }
        }
        if (lines.contains(line)) {
            sb.append('"');
        }
        return sb.toString();
    }

    @Test
    void aCutRecordWithManyLinesLeavesTheNextRecordOnItsLine() throws Exception {
        // each quote opens a line longer than the limit: it is cut before its first line break, and a cut record's
        // text is passed over to the end of its quoted field, however many lines that takes
        String longer = "y".repeat(1_500);
        String text = "first,row\r\n\"" + longer + "a line\r\n".repeat(5_000) + "\",end\r\nnext,row\n\"open" + longer
                + "x\n".repeat(1_000);
        assertEquals(List.of("1 [first, row]", "2 CUT", "5003 [next, row]", "5004 CUT", "error null"),
                guarded(text, 1_000));
    }
}
