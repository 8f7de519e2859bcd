package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.engine.report.RawRowSource;
import picocli.CommandLine;

/**
 * Work that runs out of Java's memory or stack ends in one line on stderr and exit 1, never in a stack trace: picocli
 * gives its exception handler Exceptions only, and an Error left the command line as the JVM's own dump.
 */
class OutOfResourcesTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MailPathCommand.configure(new CommandLine(command), new PrintWriter(out, true),
                new PrintWriter(err, true)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static void oneLineWithoutJava(Run r) {
        assertEquals(MailPathCommand.EXIT_INTERNAL, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(r.err().contains("Error") || r.err().contains("java.") || r.err().contains("\tat "), r.err());
        assertTrue(r.err().startsWith("mailpath: "), r.err());
    }

    @Test
    void aLogTooBigForTheHeapIsOneLineNamingALargerHeap() {
        Run r = run(new AnalyzeCommand((files, p, c) -> {
            throw new OutOfMemoryError("Java heap space");
        }), sample());
        oneLineWithoutJava(r);
        assertTrue(r.err().startsWith("mailpath: not enough memory for this work (Java may use at most "), r.err());
        assertTrue(r.err().contains("run with a larger heap (java -Xmx"), r.err());
        // no report was asked for: restricting one would not help
        assertFalse(r.err().contains("--domain"), r.err());
    }

    @Test
    void withAReportAskedForItSaysSoAndOffersDomain() {
        Run r = run(new AnalyzeCommand((files, p, c) -> {
            throw new OutOfMemoryError("Java heap space");
        }), sample(), "--report", dir.resolve("r.pdf").toString());
        oneLineWithoutJava(r);
        assertTrue(r.err().contains("not enough memory for this report"), r.err());
        assertTrue(r.err().contains("use --domain to restrict it to one recipient domain, or run with a larger heap"),
                r.err());
    }

    @Test
    void aReportOfOneDomainIsNotToldToUseDomain() {
        Run r = run(new AnalyzeCommand((files, p, c) -> {
            throw new OutOfMemoryError("Java heap space");
        }), sample(), "--report", dir.resolve("r.pdf").toString(), "--domain", "example.com");
        oneLineWithoutJava(r);
        assertTrue(r.err().contains("not enough memory for this report"), r.err());
        assertFalse(r.err().contains("--domain"), r.err());
    }

    @Test
    void aStackOverflowIsOneLineToo() {
        Run r = run(new AnalyzeCommand((files, p, c) -> {
            throw new StackOverflowError();
        }), sample());
        oneLineWithoutJava(r);
        assertTrue(r.err().contains("larger stack (java -Xss"), r.err());
    }

    /** As analyze runs the report: the model is built, here reading the raw rows, and runs out of memory. */
    private static ReportOnlyCommand reportRunningOutOfMemory() {
        return new ReportOnlyCommand(file -> new RawRowSource() {
            @Override
            public List<String> header() {
                return List.of("Date");
            }

            @Override
            public Map<Long, List<String>> rows(Set<Long> lines, Cancellation cancellation) {
                throw new OutOfMemoryError("Java heap space");
            }
        });
    }

    @Test
    void aReportTooBigIsOneLineAndNoFileIsLeft() throws IOException {
        Path out = dir.resolve("big.pdf");
        // a log-privacy review: the log file got nothing of it, though DEVELOPERS.md says running out of memory is
        // logged at ERROR with its trace
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(ReportExportOptions.class.getName());
        List<java.util.logging.Level> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                if (record.getThrown() instanceof OutOfMemoryError) {
                    logged.add(record.getLevel());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(capture);
        Run r;
        try {
            r = run(reportRunningOutOfMemory(), sample(), "--report", out.toString());
        } finally {
            logger.removeHandler(capture);
        }
        assertEquals(List.of(java.util.logging.Level.SEVERE), logged);
        oneLineWithoutJava(r);
        assertTrue(r.err().startsWith("mailpath: not enough memory for this report (Java may use at most "), r.err());
        assertTrue(r.err().contains("use --domain"), r.err());
        List<Path> left = new ArrayList<>();
        try (var files = Files.list(dir)) {
            files.forEach(left::add);
        }
        assertEquals(List.of(), left, "neither the report nor its temporary file");
    }

    @Test
    void theLargerHeapIsTwiceTheLimitInWholeGigabytes() {
        assertEquals("-Xmx1g", ResourceLimits.largerHeap(128L << 20));
        assertEquals("-Xmx1g", ResourceLimits.largerHeap(512L << 20));
        assertEquals("-Xmx2g", ResourceLimits.largerHeap(600L << 20));
        assertEquals("-Xmx12g", ResourceLimits.largerHeap(6L << 30));
        assertTrue(ResourceLimits.memoryLine("this report", true, 128L << 20).startsWith(
                "not enough memory for this report (Java may use at most 128 MB here): use --domain"));
    }

    private static String sample() {
        return LogFixtures.sample("sample-email-log.csv").toString();
    }
}
