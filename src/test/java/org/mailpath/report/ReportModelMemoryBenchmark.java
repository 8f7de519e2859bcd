package org.mailpath.report;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.analysis.BenchmarkLog;
import org.mailpath.engine.analysis.EmailLogAnalyzer;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.ProgressListener;
import org.mailpath.engine.report.LogFileRawRows;
import org.mailpath.engine.report.RawRowSource;
import org.mailpath.engine.report.ReportBuilder;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.ReportOptions;
import org.mailpath.report.io.ReportWriter;
import org.mailpath.report.io.WriteResult;

/**
 * The heap a report's model of a large log keeps: generates a realistic log of about 120,000 messages
 * ({@code -Dmailpath.benchmark.reportRows}, 290,000 rows), analyses it, then builds the model of every message with
 * no list limit (as {@code --report-limit 0}) with and without the appendix's raw rows, and prints what each keeps
 * after a full GC over the analysis alone; then writes the report in every format ({@code
 * -Dmailpath.benchmark.reportFormats}, all) and prints the time, the reports written at a fixed time so that two runs
 * can be compared byte for byte ({@code -Dmailpath.benchmark.reportOut} keeps them). Run:
 * {@code mvn -Pbenchmark test -Dtest=ReportModelMemoryBenchmark}.
 */
@Tag("benchmark")
class ReportModelMemoryBenchmark {

    private static final int ROWS = Integer.getInteger("mailpath.benchmark.reportRows", 290_000);
    /** A fixed time of writing, so that two runs (before and after a change) write the same bytes. */
    private static final ReportOptions OPTIONS =
            ReportOptions.defaults().withGeneratedAt(java.time.Instant.parse("2026-12-01T12:00:00Z"));

    @TempDir
    Path dir;

    @Test
    void modelOfAHundredAndTwentyThousandMessages() throws Exception {
        Path log = Path.of(System.getProperty("mailpath.projectDir", ".")).resolve("target/benchmark/email-log-"
                + ROWS + ".csv");
        BenchmarkLog.generate(log, ROWS);
        LogAnalysis analysis = new EmailLogAnalyzer().analyze(log, ProgressListener.NONE, Cancellation.none());
        long base = retained();
        System.out.printf(Locale.ROOT, "ReportModelMemoryBenchmark: %,d rows, %,d messages; analysis retains %,d MB%n",
                analysis.rows(), analysis.messages(), base >> 20);

        long start = System.nanoTime();
        ReportModel bare = new ReportBuilder(analysis, OPTIONS).rawRows(RawRowSource.none()).build();
        long bareMs = (System.nanoTime() - start) / 1_000_000;
        long bareBytes = retained() - base;
        System.out.printf(Locale.ROOT, "ReportModelMemoryBenchmark: model without raw rows: %,d messages listed,"
                + " built in %,d ms, retains %,d MB%n", bare.listedMessages(), bareMs, bareBytes >> 20);
        bare = null;

        start = System.nanoTime();
        ReportModel model = new ReportBuilder(analysis, OPTIONS).rawRows(new LogFileRawRows(log))
                .build();
        long ms = (System.nanoTime() - start) / 1_000_000;
        long bytes = retained() - base;
        System.out.printf(Locale.ROOT, "ReportModelMemoryBenchmark: model with %,d raw rows: built in %,d ms,"
                + " retains %,d MB (appendix about %,d MB)%n", model.appendix().rows().size(), ms, bytes >> 20,
                (bytes - bareBytes) >> 20);

        String formats = System.getProperty("mailpath.benchmark.reportFormats", "");
        for (ReportFormat format : ReportFormat.values()) {
            if (!formats.isEmpty() && !formats.toLowerCase(Locale.ROOT).contains(format.extension())) {
                continue;
            }
            // -Dmailpath.benchmark.reportOut=DIR keeps the reports there, to compare two runs' bytes
            Path out = Path.of(System.getProperty("mailpath.benchmark.reportOut", dir.toString()))
                    .resolve("report." + format.extension());
            start = System.nanoTime();
            WriteResult r = ReportWriter.write(out, format, model, false);
            ms = (System.nanoTime() - start) / 1_000_000;
            if (!(r instanceof WriteResult.Written w)) {
                throw new AssertionError(r);
            }
            System.out.printf(Locale.ROOT, "ReportModelMemoryBenchmark: %-4s written in %,d ms, %,d bytes%n", format,
                    ms, w.bytes());
        }
        // keeps both alive up to here, so each measure above counts what they retain
        System.out.println("ReportModelMemoryBenchmark: done " + analysis.rows() + " " + model.listedMessages());
    }

    /** The heap in use after full collections: what is reachable. */
    private static long retained() {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
