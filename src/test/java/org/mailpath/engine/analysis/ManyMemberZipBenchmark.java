package org.mailpath.engine.analysis;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.ProgressListener;

/**
 * The cost of a log split over many CSVs in one zip: the same 100,000 generated rows ({@link BenchmarkLog}) as 200
 * CSVs of 500 rows and as 2,000 CSVs of 50 ({@link BenchmarkZip}), and as one CSV, each analysed a few times in this
 * JVM; prints the best wall time and the CPU of all threads over that run. What a CSV costs beyond its rows is the
 * difference to the one CSV. Run: {@code mvn -Pbenchmark test -Dtest=ManyMemberZipBenchmark}.
 */
@Tag("benchmark")
class ManyMemberZipBenchmark {

    private static final int RUNS = 3;

    @Test
    void zipsOfManySmallCsvsAgainstOneCsv() throws Exception {
        Path dir = Path.of(System.getProperty("mailpath.projectDir", ".")).resolve("target/benchmark");
        Path zip200 = dir.resolve("zip-200x500.zip");
        Path zip2000 = dir.resolve("zip-2000x50.zip");
        BenchmarkZip.generate(zip200, 200, 500);
        BenchmarkZip.generate(zip2000, 2_000, 50);
        Path one = dir.resolve("email-log-100000.csv");
        System.out.println("| input | CSVs | best wall (ms) | CPU of that run, all threads (ms) |");
        System.out.println("|---|---|---|---|");
        for (Path file : List.of(one, zip200, zip2000)) {
            long bestWall = Long.MAX_VALUE;
            long cpuOfBest = 0;
            int files = 0;
            for (int run = 0; run < RUNS; run++) {
                long cpu0 = cpu();
                long t0 = System.nanoTime();
                LogAnalysis a = new EmailLogAnalyzer().analyze(file, ProgressListener.NONE, Cancellation.none());
                long wall = System.nanoTime() - t0;
                long cpu = cpu() - cpu0;
                files = a.files().size();
                Assertions.assertTrue(a.rows() >= 100_000, "rows: " + a.rows());
                if (wall < bestWall) {
                    bestWall = wall;
                    cpuOfBest = cpu;
                }
            }
            System.out.printf("| %s | %,d | %,d | %,d |%n", file.getFileName(), files, bestWall / 1_000_000,
                    cpuOfBest / 1_000_000);
        }
    }

    /** The CPU time of this process so far, in nanoseconds: the analysis's own threads and the collector's. */
    private static long cpu() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }
}
