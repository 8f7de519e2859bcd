package org.mailpath.engine.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.engine.log.LogFixtures.HEADER;
import static org.mailpath.engine.log.LogFixtures.TLS;
import static org.mailpath.engine.log.LogFixtures.deliveredLog;
import static org.mailpath.engine.log.LogFixtures.row;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.analysis.UnusableLogException;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.ProgressListener;

/**
 * The small CSVs of a zip of several are parsed on the reading thread: a parse thread of their own cost each more than
 * its parsing (a zip of 20,000 two-row CSVs: about a third of its CPU time), so the threads a zip's read starts do not
 * grow with its members. What is read of each member is the same either way: rows, line numbers, problems, warnings,
 * names.
 */
class ZipMemberThreadsTest {

    @TempDir
    Path dir;

    /** Counts the parse threads the reader starts. */
    private static final class CountingThreads implements ThreadFactory {

        private final AtomicInteger started = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            started.incrementAndGet();
            return Thread.ofPlatform().daemon().unstarted(r);
        }
    }

    /** A sink per part, gathering the rows read. */
    private record Rows(List<LogRow> rows) implements PartSinks<Consumer<LogRow>> {
        @Override
        public List<Consumer<LogRow>> create(int parts) {
            return Stream.<Consumer<LogRow>>generate(() -> rows::add).limit(parts).toList();
        }
    }

    /** What was read of a member: its summary's words and counts, or its refusal. */
    private record Member(String name, long rows, long rejected, List<String> problems, String charset,
                          boolean complete, String refusal) {
    }

    /** A zip's members all read, as the analysis reads them (its zip held open), and their rows. */
    private record Read(List<Member> members, List<LogRow> rows) {
    }

    private static Read readAll(Path zip, EmailLogReader reader) {
        List<LogSource> sources = LogSource.of(zip);
        List<Member> members = new ArrayList<>();
        List<LogRow> rows = new ArrayList<>();
        try (OpenZips zips = OpenZips.of(sources)) {
            for (LogSource s : sources) {
                try {
                    ReadSummary summary = reader.readInParts(s, s.name(), 100, DateOrder.FROM_FIRST_ROWS,
                            new Rows(rows), ProgressListener.NONE, Cancellation.none()).summary();
                    members.add(new Member(summary.file(), summary.rows(), summary.rejectedRows(),
                            summary.problems().stream().map(p -> p.file() + ":" + p.line() + ":" + p.field() + ":"
                                    + p.rejected() + ":" + p.message()).toList(), summary.charset(),
                            summary.complete(), ""));
                } catch (UnusableLogException e) {
                    members.add(new Member(s.name(), 0, 0, List.of(), "", false, e.getMessage()));
                } finally {
                    zips.read(s);
                }
            }
        }
        return new Read(members, rows);
    }

    /** A zip of {@code n} two-row CSVs. */
    private Path zipOf(String name, int n) {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            entries.add("w" + i + ".csv");
            entries.add(deliveredLog("m" + i));
        }
        return LogFixtures.write(dir, name, LogFixtures.zip(entries.toArray(String[]::new)));
    }

    @Test
    void theThreadsStartedForAZipDoNotGrowWithItsMembers() {
        int[] started = new int[2];
        int[] sizes = {3, 60};
        for (int k = 0; k < sizes.length; k++) {
            CountingThreads threads = new CountingThreads();
            Read read = readAll(zipOf("z" + k + ".zip", sizes[k]), new EmailLogReader(LogLimits.DEFAULT,
                    LogSplit.MIN_BYTES, EmailLogReader.INLINE_MEMBER_MAX_BYTES, threads));
            assertEquals(2L * sizes[k], read.rows().size());
            assertTrue(read.members().stream().allMatch(m -> m.refusal().isEmpty() && m.rows() == 2));
            started[k] = threads.started.get();
        }
        assertEquals(started[0], started[1], "threads for 3 members, for 60");
    }

    @Test
    void aMemberReadOnTheReadingThreadGivesWhatAParseThreadGave() throws IOException {
        String bad = LogFixtures.lines(HEADER, row(LogFixtures.date(0), "R", "a@b.example", "x1", "", ""),
                row("not a date", "D", "a@b.example", "x1", "250 ok", TLS),
                row(LogFixtures.date(2), "Q", "a@b.example", "x1", "250 ok", TLS),
                row(LogFixtures.date(3), "D", "a@b.example", "x1", "250 ok", TLS) + ",\"open quote");
        String multiLine = LogFixtures.lines(HEADER, row(LogFixtures.date(0), "R", "a@b.example", "y1", "", ""),
                row(LogFixtures.date(1), "D", "a@b.example", "y1", "250 ok\r\nsecond line", TLS),
                row(LogFixtures.date(2), "D", "a@b.example", "y2", "250 ok", TLS));
        String semicolons = deliveredLog("z1").replace("\",\"", "\";\"");
        Path zip = dir.resolve("month.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String[] e : new String[][] {{"readme.txt", "hello"}, {"w1.csv", deliveredLog("m1")}, {"w2.csv", bad},
                    {"w3.csv", "just some words\r\nand more\r\n"}, {"w4.csv", multiLine}, {"w5.csv", semicolons},
                    {"w6.csv", deliveredLog("caf\u00e9")}, {"w7.csv", ""}}) {
                z.putNextEntry(new ZipEntry(e[0]));
                // w6.csv in Windows-1252, warned of
                z.write(e[1].getBytes(e[0].equals("w6.csv") ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        CountingThreads here = new CountingThreads();
        CountingThreads apart = new CountingThreads();
        Read inline = readAll(zip, new EmailLogReader(LogLimits.DEFAULT, LogSplit.MIN_BYTES,
                EmailLogReader.INLINE_MEMBER_MAX_BYTES, here));
        // every member on a parse thread of its own, as before
        Read threaded = readAll(zip, new EmailLogReader(LogLimits.DEFAULT, LogSplit.MIN_BYTES, -1, apart));
        assertEquals(threaded.members(), inline.members());
        assertEquals(threaded.rows(), inline.rows());
        assertEquals(0, here.started.get());
        assertTrue(apart.started.get() >= 5, "the members read, each on a thread: " + apart.started.get());
        // the comparison covers what it should: rows, rejected rows, warnings, refusals, every member named
        assertTrue(inline.rows().size() >= 8, inline.rows().toString());
        assertTrue(inline.members().stream().anyMatch(m -> m.rejected() > 0), inline.members().toString());
        assertTrue(inline.members().stream().anyMatch(m -> !m.refusal().isEmpty()), inline.members().toString());
        assertTrue(inline.members().stream().flatMap(m -> m.problems().stream())
                .anyMatch(p -> p.contains("readme.txt")), inline.members().toString());
        assertEquals(List.of("month.zip!w1.csv", "month.zip!w2.csv", "month.zip!w3.csv", "month.zip!w4.csv",
                "month.zip!w5.csv", "month.zip!w6.csv", "month.zip!w7.csv"),
                inline.members().stream().map(Member::name).toList());
    }

    @Test
    void aMemberLargerThanTheBoundAndAWholeFileStillGetAParseThread() {
        CountingThreads threads = new CountingThreads();
        Read read = readAll(zipOf("two.zip", 2), new EmailLogReader(LogLimits.DEFAULT, LogSplit.MIN_BYTES, 10,
                threads));
        assertEquals(4, read.rows().size());
        assertEquals(2, threads.started.get());
        CountingThreads whole = new CountingThreads();
        Read file = readAll(LogFixtures.write(dir, "one.csv", deliveredLog("m1")), new EmailLogReader(LogLimits.DEFAULT,
                LogSplit.MIN_BYTES, EmailLogReader.INLINE_MEMBER_MAX_BYTES, whole));
        assertEquals(2, file.rows().size());
        assertEquals(1, whole.started.get(), "a plain file is read as before");
    }
}
