package org.mailpath.engine.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Generates a realistic 1,000,000-row Email Log (about 2.4 rows per message) in target/ and compares a bare
 * Commons CSV pass with {@code analyze}, each in a child JVM with -Xms256m -Xmx256m (the java of this JVM; the
 * same fixed heap for both, so neither run is timed while G1 is still sizing it), in rounds of one child of each
 * ({@code -Dmailpath.benchmark.rounds}, 3). Prints rows/s, wall time, peak heap, CPU, and the ratio per round; then,
 * after the last round, Commons CSV alone over the two halves on two threads, the reader alone, and the reader with
 * the least any chain storage must do ({@link ChainFloor}), to show where the time goes. Run:
 * {@code mvn -Pbenchmark test -Dtest=LogAnalysisBenchmark}.
 */
@Tag("benchmark")
class LogAnalysisBenchmark {

    static final int ROWS = Integer.getInteger("mailpath.benchmark.rows", 1_000_000);
    /** Runs per child JVM; the best one counts. */
    private static final int RUNS_PER_CHILD = 3;
    /** Rounds of one bare and one analyze child JVM each. */
    static final int ROUNDS = Integer.getInteger("mailpath.benchmark.rounds", 3);
    @Test
    void analyzeVersusBareParse() throws Exception {
        Path file = Path.of(System.getProperty("mailpath.projectDir", ".")).resolve("target/benchmark/email-log-"
                + ROWS + ".csv");
        long t0 = System.nanoTime();
        long rows = generate(file);
        System.out.printf("Generated %,d rows, %,d MB in %s (%d ms)%n", rows, Files.size(file) >> 20, file,
                (System.nanoTime() - t0) / 1_000_000);
        // Rounds of a bare child then an analyze child, side by side: this machine's speed drifts by a third between
        // minutes, so a ratio is only fair between runs made close together.
        List<String> bare = new ArrayList<>();
        List<String> analyze = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            List<String> b = child("bare", file);
            List<String> a = child("analyze", file);
            Assertions.assertFalse(a.isEmpty(), "the analyze run in -Xmx256m produced no result");
            ratios.add((double) best(a) / best(b));
            bare.addAll(b);
            analyze.addAll(a);
        }
        // Where the time goes, next to the last round: the parse alone in two halves (what no analysis in halves can
        // beat), the reader alone (rows interpreted, no chains) and the reader with the least chain storage (what no
        // way of keeping chains can beat on this reader).
        List<String> halves = child("halves", file);
        List<String> read = child("read", file);
        List<String> floor = child("floor", file);
        long lastBareMs = best(bare.subList(bare.size() - RUNS_PER_CHILD, bare.size()));
        long bareMs = best(bare);
        long analyzeMs = best(analyze);
        System.out.println();
        System.out.println("| run | rows | best wall (ms) | rows/s | peak heap (MB) | CPU of that run (ms) |");
        System.out.println("|---|---|---|---|---|---|");
        print("bare Commons CSV pass", bare);
        print("mailpath analyze", analyze);
        print("Commons CSV alone over the two halves, two threads", halves);
        print("the reader alone (two halves, rows interpreted, no chains)", read);
        print("the reader and the least chain storage (ChainFloor: no texts, judging or joining)", floor);
        System.out.printf("after the last round, to its bare pass: Commons CSV in two halves %.2f, the reader alone"
                + " %.2f, the reader and the least chain storage %.2f%n", (double) best(halves) / lastBareMs,
                (double) best(read) / lastBareMs, (double) best(floor) / lastBareMs);
        List<Double> sorted = ratios.stream().sorted().toList();
        System.out.printf("analyze / bare per round (best of %d each): %s; median %.2f (goal <= 1.2)%n", RUNS_PER_CHILD,
                ratios.stream().map(r -> String.format("%.2f", r)).toList(), sorted.get(sorted.size() / 2));
        System.out.printf("analyze / bare = %.2f (best of all rounds each; goal <= 1.2); both with -Xmx256m on %d"
                + " cores%n", (double) analyzeMs / bareMs, Runtime.getRuntime().availableProcessors());
    }

    private static void print(String label, List<String> results) {
        String[] f = bestLine(results).split(" ");
        long rows = Long.parseLong(f[3]);
        long ms = Long.parseLong(f[4]);
        long peak = Long.parseLong(f[5]);
        String cpu = java.util.Arrays.stream(f).filter(x -> x.startsWith("cpuMillis=")).findFirst()
                .map(x -> x.substring("cpuMillis=".length())).orElse("?");
        System.out.printf("| %s | %,d | %,d | %,d | %d | %s |%n", label, rows, ms, rows * 1000 / Math.max(1, ms),
                peak >> 20, cpu);
    }

    private static long best(List<String> results) {
        return Long.parseLong(bestLine(results).split(" ")[4]);
    }

    private static String bestLine(List<String> results) {
        return results.stream().min((a, b) -> Long.compare(Long.parseLong(a.split(" ")[4]),
                Long.parseLong(b.split(" ")[4]))).orElseThrow();
    }

    private static List<String> child(String mode, Path file) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-Xms256m", "-Xmx256m", "-XX:+UseG1GC", "-cp", System.getProperty("java.class.path"),
                BenchmarkChild.class.getName(), mode, file.toString(), String.valueOf(RUNS_PER_CHILD));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<String> results = new ArrayList<>();
        try (var out = p.inputReader()) {
            String line;
            while ((line = out.readLine()) != null) {
                System.out.println("  [" + mode + "] " + line);
                if (line.startsWith("RESULT ")) {
                    results.add(line);
                }
            }
        }
        int exit = p.waitFor();
        Assertions.assertEquals(0, exit, mode + " child JVM failed (out of memory with -Xmx256m?)");
        return results;
    }

    /** Writes the log unless a file with that many rows is already there. */
    static long generate(Path file) throws IOException {
        return BenchmarkLog.generate(file, ROWS);
    }
}
