package org.mailpath.engine.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.engine.log.PartRows.readInParts;
import static org.mailpath.engine.log.PartRows.rows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mailpath.engine.analysis.UnusableLogException;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.CancelledException;
import org.mailpath.engine.common.Progress;
import org.mailpath.engine.common.ProgressListener;

/**
 * Reading a log in two halves in parallel must give exactly what one pass gives (rows with their line numbers,
 * counts, problems, warnings), and must fall back to one pass whenever the cut could change that.
 */
class TwoPartReadTest {

    @TempDir
    Path dir;

    /** Reads {@code file} both ways, checks they agree, and returns how many parts the parallel attempt used. */
    private static int compareBothWays(Path file) throws UnusableLogException {
        PartedRead<PartRows> single = readInParts(file, Long.MAX_VALUE);
        PartedRead<PartRows> halves = readInParts(file, 0);
        assertEquals(1, single.parts().size());
        assertEquals(single.summary(), halves.summary(), "summary and problems of " + file.getFileName());
        assertEquals(rows(single), rows(halves), "rows of " + file.getFileName());
        assertEquals(rows(single), LogFixtures.read(file).rows(), "the plain read gives the same rows");
        return halves.parts().size();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r\n", "\n"})
    void quirkyLogReadInHalvesEqualsOnePass(String newline) throws Exception {
        Path file = LogFixtures.write(dir, "quirky.csv", LogFixtures.quirkyLog(3000, newline, true));
        assertEquals(2, compareBothWays(file), "read in two halves");
        PartedRead<PartRows> halves = readInParts(file, 0);
        assertTrue(halves.summary().rejectedRows() > 10, "rejected rows in both halves");
        assertTrue(halves.parts().get(0).rows.stream().anyMatch(r -> r.messageIdHeader().startsWith("spanning")));
        assertTrue(halves.parts().get(1).rows.stream().anyMatch(r -> r.messageIdHeader().startsWith("spanning")));
    }

    @Test
    void byteOrderMarkAndProblemsBeyondTheCap() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        // every 7th row rejected: more problems than are stored (1000), spread over both halves
        StringBuilder sb = new StringBuilder(LogFixtures.HEADER).append("\r\n");
        for (int i = 0; i < 12_000; i++) {
            String row = LogFixtures.row(LogFixtures.date(i), "R", "a@example.com", "m" + i, "", "");
            sb.append(i % 7 == 0 ? row.replace(LogFixtures.date(i), "") : row).append("\r\n");
        }
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        Path file = LogFixtures.write(dir, "bom.csv", out.toByteArray());
        assertEquals(2, compareBothWays(file));
        assertEquals(12_000 / 7 + 1, readInParts(file, 0).summary().rejectedRows());
    }

    /**
     * Rows of separators only (Excel's leftovers) in the first half, in the second, and a run across the cut: the
     * halves' counts and runs join into what one pass gives, the run across the cut one run.
     */
    @Test
    void rowsOfSeparatorsInBothHalvesAndAcrossTheCutAreSaidAsInOnePass() throws Exception {
        String emptied = ",".repeat(16) + "\r\n";
        String log = LogFixtures.quirkyLog(3000, "\r\n", false);
        int early = log.indexOf("\r\n", 2000) + 2;
        int middle = log.indexOf("\r\n", log.length() / 2) + 2;
        int late = log.lastIndexOf("\r\n", log.length() - 2000) + 2;
        String block = emptied.repeat(500);
        String text = log.substring(0, early) + emptied + log.substring(early, middle) + block
                + log.substring(middle, late) + emptied.repeat(3) + log.substring(late) + emptied.repeat(2);
        Path file = LogFixtures.write(dir, "leftovers.csv", text);
        long cut = LogSplit.cutAfter(file, text.length() / 2, text.length()).orElseThrow();
        int blockStart = early + emptied.length() + (middle - early);
        assertTrue(cut > blockStart && cut < blockStart + block.length(), "the cut is inside the block");

        assertEquals(2, compareBothWays(file), "read in two halves");
        ReadSummary summary = readInParts(file, 0).summary();
        assertEquals(1 + 500 + 3 + 2, summary.separatorOnlyRows());
        long blockLine = log.substring(0, middle).lines().count() + 2;
        String warning = summary.problems().stream().map(FileProblem::message)
                .filter(m -> m.contains("hold only separators")).findFirst().orElseThrow();
        // the one before the block on the line after the row it follows; the block after that one line more
        assertTrue(warning.startsWith("506 rows hold only separators (lines " + (log.substring(0, early).lines()
                .count() + 1) + ", " + blockLine + "\u2013" + (blockLine + 499) + ", "), warning);
        assertEquals(readInParts(file, Long.MAX_VALUE).summary().rows(), summary.rows());
    }

    /**
     * {@code log} with a stray byte ({@code é} as the one byte 0xE9) in the recipient's domain on each line of
     * {@code stray} (1-based physical lines), two on those of {@code twice}, and every other recipient's domain from
     * line {@code utf8From} on a UTF-8 name ({@code bücher.example}); {@code newline} ends its lines.
     */
    private static byte[] withStrayBytes(String log, String newline, Set<Integer> stray, Set<Integer> twice,
                                         int utf8From) {
        List<String> lines = new ArrayList<>(List.of(log.split(newline, -1)));
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean once = stray.contains(i + 1);
            if (once || twice.contains(i + 1)) {
                assertTrue(line.contains("@example.com"), "line " + (i + 1) + " has a recipient: " + line);
                lines.set(i, line.replace("@example.com", once ? "@exampl\u0001.com" : "@\u0001xampl\u0001.com"));
            } else if (i + 1 >= utf8From) {
                lines.set(i, line.replace("@example.com", "@b\u00fccher.example"));
            }
        }
        byte[] bytes = String.join(newline, lines).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 1) {
                bytes[i] = (byte) 0xE9;
            }
        }
        return bytes;
    }

    private static String strayWarning(ReadSummary summary) {
        List<String> said = summary.problems().stream()
                .filter(p -> p.messageText().filter(t -> t.key().startsWith("file.strayBytes")).isPresent())
                .map(FileProblem::message).toList();
        assertEquals(1, said.size(), summary.problems().toString());
        return said.getFirst();
    }

    /**
     * Stray bytes in both halves of a UTF-8 log: each half counts its own, and the two are joined into the one warning
     * one pass gives (the lines named running from the first half into the second).
     */
    @ParameterizedTest
    @ValueSource(strings = {"\r\n", "\n"})
    void strayBytesInBothHalvesAreSaidAsInOnePass(String newline) throws Exception {
        String log = LogFixtures.quirkyLog(3000, newline, false);
        byte[] bytes = withStrayBytes(log, newline, Set.of(10, 700, 1800, 2500, 2990), Set.of(11), 1);
        Path file = LogFixtures.write(dir, "stray.csv", bytes);
        long cut = LogSplit.cutAfter(file, bytes.length / 2, bytes.length).orElseThrow();
        long cutLine = LogSplit.linesBefore(file, cut).orElseThrow() + 1;
        assertTrue(cutLine > 700 && cutLine < 1800, "the cut is between lines 700 and 1800: " + cutLine);

        assertEquals(2, compareBothWays(file), "read in two halves");
        ReadSummary summary = readInParts(file, 0).summary();
        assertEquals("UTF-8", summary.charset());
        assertEquals("stray.csv is UTF-8 but for 7 bytes that are not, on 6 lines (10, 11, 700, 1800, 2500 and 1"
                + " more), as rows edited in another program may hold; they were read as Windows-1252 (Western"
                + " European). Check the names with accents on those lines.", strayWarning(summary));
    }

    /** Stray bytes only in the second half, the first half all UTF-8: the lines named are the second half's. */
    @Test
    void strayBytesOnlyInTheSecondHalfAreNamedByTheirLines() throws Exception {
        String log = LogFixtures.quirkyLog(3000, "\r\n", false);
        Path file = LogFixtures.write(dir, "late-stray.csv", withStrayBytes(log, "\r\n", Set.of(2990), Set.of(1900),
                1));
        assertEquals(2, compareBothWays(file), "read in two halves");
        assertTrue(strayWarning(readInParts(file, 0).summary()).startsWith("late-stray.csv is UTF-8 but for 3 bytes that"
                + " are not, on 2 lines (1900 and 2990), "));
    }

    /**
     * Stray bytes in a log whose first bytes are all ASCII: one pass decides its encoding at the first byte that is
     * not, on bytes a half may end before, so the halves are dropped and it is read in one pass.
     */
    @Test
    void strayBytesAfterAnAllAsciiStartAreReadInOnePass() throws Exception {
        String log = LogFixtures.quirkyLog(3000, "\r\n", false);
        byte[] bytes = withStrayBytes(log, "\r\n", Set.of(402, 1800, 2500), Set.of(), 401);
        Path file = LogFixtures.write(dir, "ascii-start.csv", bytes);
        assertTrue(LateEncodingStream.firstHighByte(bytes, 0, LogInput.SAMPLE) < 0, "the sample is ASCII");
        assertEquals(1, compareBothWays(file), "read in one pass");
        ReadSummary summary = readInParts(file, 0).summary();
        assertEquals("UTF-8", summary.charset());
        assertTrue(strayWarning(summary).startsWith("ascii-start.csv is UTF-8 but for 3 bytes that are not, on 3"
                + " lines (402, 1800 and 2500), "), strayWarning(summary));
    }

    @Test
    void windows1252OnlyInTheSecondHalfIsReadInOnePassAsWindows1252() throws Exception {
        String ascii = LogFixtures.quirkyLog(4000, "\r\n", false);
        String accented = LogFixtures.row(LogFixtures.date(1), "P", "jos\u00e9@example.com", "mj", "550 5.1.1 no", "");
        byte[] bytes = (ascii + accented + "\r\n").getBytes(java.nio.charset.Charset.forName("windows-1252"));
        Path file = LogFixtures.write(dir, "late-1252.csv", bytes);
        assertEquals(1, compareBothWays(file), "the halves are dropped: one pass decides the encoding");
        PartedRead<PartRows> read = readInParts(file, 0);
        assertEquals("windows-1252", read.summary().charset());
        assertTrue(rows(read).stream().anyMatch(r -> r.recipient().equals("jos\u00e9@example.com")));
    }

    @Test
    void cancellingWhileReadingInHalvesStopsBothHalves() throws Exception {
        Path file = LogFixtures.write(dir, "cancel.csv", LogFixtures.quirkyLog(20_000, "\r\n", false));
        Cancellation cancellation = new Cancellation();
        List<Long> progress = new ArrayList<>();
        assertThrows(CancelledException.class, () -> new EmailLogReader(LogLimits.DEFAULT, 0).readInParts(file,
                n -> PartRows.forParts(n), p -> {
                    progress.add(p.done());
                    cancellation.cancel();
                }, cancellation));
        assertEquals(1, progress.size(), "progress is reported on the calling thread, until cancelled");
        // the reader joins the second half's thread before it lets the cancellation through
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("mailpath-second-half")), "the second half's thread ended");
    }

    @Test
    void progressCountsTheRowsOfBothHalves() throws Exception {
        Path file = LogFixtures.write(dir, "rows.csv", LogFixtures.quirkyLog(20_000, "\n", false));
        List<Progress> reports = new ArrayList<>();
        PartedRead<PartRows> halves = new EmailLogReader(LogLimits.DEFAULT, 0).readInParts(file,
                n -> PartRows.forParts(n), reports::add, Cancellation.none());
        assertEquals(2, halves.parts().size());
        long rows = halves.summary().rows();
        long firstHalf = halves.parts().getFirst().rows.size();
        assertFalse(reports.isEmpty());
        for (int i = 1; i < reports.size(); i++) {
            assertTrue(reports.get(i).items() >= reports.get(i - 1).items(), "row counts only grow");
        }
        assertTrue(reports.getLast().items() <= rows, "never more rows than the file holds");
        // the first half's thread reports after its last batch, so its rows are all counted by then
        assertTrue(reports.getLast().items() >= firstHalf, reports.getLast() + " vs " + firstHalf);
    }

    @Test
    void eachHalfReadCleanlyMayWorkOnUntilTheOtherHalfIsRead() throws Exception {
        Path file = LogFixtures.write(dir, "ahead.csv", LogFixtures.quirkyLog(20_000, "\n", false));
        Map<PartRows, Integer> rowsWhenCalled = Collections.synchronizedMap(new IdentityHashMap<>());
        AtomicInteger calls = new AtomicInteger();
        PartSinks<PartRows> sinks = new PartSinks<>() {
            @Override
            public List<PartRows> create(int parts) {
                return PartRows.forParts(parts);
            }

            @Override
            public void whileOthersRead(PartRows part, BooleanSupplier othersDone) {
                calls.incrementAndGet();
                rowsWhenCalled.put(part, part.rows.size());
                // each half's hook waits for the other half: this ends only if both say when they are read
                while (!othersDone.getAsBoolean()) {
                    Thread.onSpinWait();
                }
            }
        };
        PartedRead<PartRows> halves = new EmailLogReader(LogLimits.DEFAULT, 0).readInParts(file, sinks,
                ProgressListener.NONE, Cancellation.none());
        assertEquals(2, halves.parts().size());
        assertEquals(2, calls.get(), "called once per half");
        for (PartRows part : halves.parts()) {
            assertEquals(part.rows.size(), rowsWhenCalled.get(part), "called after all of the half's rows");
        }
    }

    @Test
    void theColumnsAreKnownOnceBeforeEitherHalfWorksAhead() throws Exception {
        // an older export without the TLS columns: work done ahead judges its D rows by that
        Path file = LogFixtures.sample("synthetic-no-tls-columns.csv");
        List<String> calls = Collections.synchronizedList(new ArrayList<>());
        PartSinks<PartRows> sinks = new PartSinks<>() {
            @Override
            public List<PartRows> create(int parts) {
                return PartRows.forParts(parts);
            }

            @Override
            public void columnsKnown(ColumnMapping columns) {
                calls.add("columns, TLS_Cipher " + columns.has(LogColumn.TLS_CIPHER));
            }

            @Override
            public void whileOthersRead(PartRows part, BooleanSupplier othersDone) {
                calls.add("ahead");
            }
        };
        PartedRead<PartRows> halves = new EmailLogReader(LogLimits.DEFAULT, 0).readInParts(file, sinks,
                ProgressListener.NONE, Cancellation.none());
        assertEquals(2, halves.parts().size());
        assertEquals(List.of("columns, TLS_Cipher false", "ahead", "ahead"), calls);
    }

    @Test
    void cutInsideAQuotedFieldFallsBackToOnePass() throws Exception {
        StringBuilder sb = new StringBuilder(LogFixtures.HEADER).append("\r\n");
        for (int i = 0; i < 1000; i++) {
            // the middle row has a reply of many short lines: the first line feed after the middle is inside it
            String status = i == 500 ? "line\n".repeat(20_000) : "250 ok";
            sb.append(LogFixtures.row(LogFixtures.date(i), "R", "a@example.com", "m" + i, status, "")).append("\r\n");
        }
        Path file = LogFixtures.write(dir, "quoted-middle.csv", sb.toString());
        assertEquals(1, compareBothWays(file), "read in one pass");
    }

    @Test
    void strayQuoteInTheFirstHalfFallsBackToOnePass() throws Exception {
        String log = LogFixtures.quirkyLog(2000, "\r\n", false).replaceFirst("\"10\\.0\\.0\\.1\"", "10.0\"0.1");
        Path file = LogFixtures.write(dir, "stray-quote.csv", log);
        assertEquals(1, compareBothWays(file));
    }

    @Test
    void unclosedQuoteInTheSecondHalfIsReportedAsInOnePass() throws Exception {
        Path file = LogFixtures.write(dir, "unclosed.csv", LogFixtures.quirkyLog(2000, "\r\n", false) + "\"1/2/2026 1:00,x\r\nmore");
        // the text after the quote is held to the end of the second half, which one pass reads on: read in one pass
        assertEquals(1, compareBothWays(file));
        assertTrue(readInParts(file, 0).summary().problems().stream().anyMatch(p -> p.message().contains(
                "is not closed on its line")));
    }

    @Test
    void aQuoteLeftOpenInTheFirstHalfReadsOnAtTheNextLineAsInOnePass() throws Exception {
        String log = LogFixtures.quirkyLog(3000, "\r\n", false);
        // a row's last cell loses its closing quote: RFC 4180 would run it on through the rest of the file
        int at = log.indexOf(",\"\"\r\n", 30_000);
        String open = log.substring(0, at) + ",\"\r\n" + log.substring(at + 5);
        Path whole = LogFixtures.write(dir, "whole.csv", log);
        Path file = LogFixtures.write(dir, "open.csv", open);
        compareBothWays(file);
        PartedRead<PartRows> read = readInParts(file, 0);
        assertEquals(rows(readInParts(whole, 0)).size() - 1, rows(read).size(), "only the row with the open quote is lost");
        assertTrue(read.summary().problems().stream().anyMatch(p -> p.rejected()
                && p.message().contains("is not closed on its line")), read.summary().problems().toString());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void anOverlongRecordInEitherHalfIsSkippedAsInOnePass(boolean inFirstHalf) throws Exception {
        String log = LogFixtures.quirkyLog(2000, "\r\n", false);
        // on one line: a quoted field over 1,000 lines long is taken to be a quote left open (RecordGuardReader)
        String overlong = "\"" + "x".repeat((4 << 20) + 10) + "\"\r\n";
        String after = LogFixtures.row("11/16/2026 9:01", "R", "after@example.com", "after", "", "") + "\r\n";
        int cut = inFirstHalf ? log.indexOf("\r\n", 1000) + 2 : log.length();
        Path file = LogFixtures.write(dir, "long.csv", log.substring(0, cut) + overlong + after + log.substring(cut));
        assertEquals(1, compareBothWays(file), "read in one pass");
        PartedRead<PartRows> read = readInParts(file, 0);
        assertTrue(rows(read).stream().anyMatch(r -> r.messageIdHeader().startsWith("after")), "the row after it");
        assertTrue(read.summary().problems().stream().anyMatch(p -> p.rejected()
                && p.message().startsWith("The row is longer than 4,194,304 characters")));
    }

    @Test
    void headerOnlyInTheFirstHalfAfterBlankLines() throws Exception {
        // the first half holds only blank lines: no layout to hand to the second half, so one pass
        String log = "\r\n".repeat(200_000) + LogFixtures.quirkyLog(100, "\r\n", false);
        Path file = LogFixtures.write(dir, "blank-start.csv", log);
        assertEquals(1, compareBothWays(file));
    }

    /**
     * {@code parts}: how many parts the read that may split makes; 1 where it falls back to one pass (compressed,
     * not UTF-8, not comma-separated), and then the comparison alone proves nothing about halves.
     */
    @ParameterizedTest
    @CsvSource({"sample-email-log.csv, 2", "synthetic-with-bad-rows.csv, 2", "synthetic-no-tls-columns.csv, 2",
        "synthetic-bom-lf.csv, 2", "synthetic-iso-dates.csv, 2", "synthetic-japanese-header-reordered.csv, 2",
        "synthetic-lowercase-events.csv, 2", "synthetic-no-header.csv, 2", "synthetic-semicolon.csv, 1",
        "synthetic-windows-1252.csv, 1", "synthetic-email-log.csv.gz, 1", "synthetic-email-log.zip, 1"})
    void samplesReadTheSameWayBothWays(String sample, int parts) throws Exception {
        assertEquals(parts, compareBothWays(LogFixtures.sample(sample)), "parts of " + sample);
    }

    @Test
    void linesBeforeCountsLineBreaksAsCommonsCsvDoes() throws Exception {
        Random random = new Random(3);
        byte[] alphabet = {'a', ',', '\r', '\n', '"'};
        for (int round = 0; round < 200; round++) {
            byte[] data = new byte[1 + random.nextInt(300)];
            for (int i = 0; i < data.length; i++) {
                data[i] = alphabet[random.nextInt(alphabet.length)];
            }
            Path file = LogFixtures.write(dir, "bytes.bin", data);
            int cut = random.nextInt(data.length + 1);
            long breaks = 0;
            long quotes = 0;
            for (int i = 0; i < cut; i++) {
                if (data[i] == '\r' || (data[i] == '\n' && (i == 0 || data[i - 1] != '\r'))) {
                    breaks++;
                }
                if (data[i] == '"') {
                    quotes++;
                }
            }
            OptionalLong counted = LogSplit.linesBefore(file, cut);
            assertEquals(quotes % 2 == 0 ? OptionalLong.of(breaks) : OptionalLong.empty(), counted,
                    "round " + round + ", cut " + cut);
            // the same count beside a byte offset (a stray byte's line), whatever the quotes
            assertEquals(OptionalLong.of(breaks), LogSplit.lineBreaksBefore(file, cut), "round " + round);
            assertEquals(OptionalLong.empty(), LogSplit.lineBreaksBefore(file, data.length + 1L), "past the end");
        }
    }
}
