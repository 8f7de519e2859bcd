package org.mailpath.engine.analysis;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BoundedInputStream;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.ProgressListener;

/**
 * Run by {@link LogAnalysisBenchmark} in a child JVM (so that -Xmx applies): {@code bare FILE} parses with plain
 * Commons CSV, {@code halves FILE} the same over the file's two halves on two threads (the floor of reading in two
 * halves), {@code read FILE} runs the EmailLogReader alone (rows interpreted, no chains), {@code analyze FILE} runs
 * {@link EmailLogAnalyzer}. Prints one line per run:
 * {@code RESULT mode iteration rows wallMillis peakHeapBytes [messages= retainedMB=] cpuMillis=}.
 */
public final class BenchmarkChild {

    private BenchmarkChild() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path file = Path.of(args[1]);
        int iterations = Integer.parseInt(args[2]);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 1; i <= iterations; i++) {
            System.gc();
            AtomicLong peak = new AtomicLong();
            Thread sampler = Thread.ofPlatform().daemon().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            long cpuStart = processCpuNanos();
            long start = System.nanoTime();
            long rows;
            Object keep = null;
            if (mode.equals("bare")) {
                rows = bare(file);
            } else if (mode.equals("halves")) {
                rows = halves(file);
            } else if (mode.equals("read")) {
                // EmailLogReader alone (rows interpreted, nothing analysed): the floor for analyze
                rows = new org.mailpath.engine.log.EmailLogReader().readInParts(file,
                        n -> java.util.Collections.nCopies(n, (java.util.function.Consumer<org.mailpath.engine.log.LogRow>) row -> { }),
                        ProgressListener.NONE, Cancellation.none()).summary().rows();
            } else if (mode.equals("floor")) {
                // the reader and the least any chain storage must do (ChainFloor): the floor of a rewrite
                var read = new org.mailpath.engine.log.EmailLogReader().readInParts(file,
                        n -> java.util.stream.Stream.generate(ChainFloor::new).limit(n).toList(),
                        ProgressListener.NONE, Cancellation.none());
                rows = read.summary().rows();
                keep = read;
            } else {
                LogAnalysis a = new EmailLogAnalyzer().analyze(file, ProgressListener.NONE, Cancellation.none());
                rows = a.rows();
                keep = a;
            }
            long wall = (System.nanoTime() - start) / 1_000_000;
            long cpu = (processCpuNanos() - cpuStart) / 1_000_000;
            peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            sampler.interrupt();
            sampler.join();
            String retained = "";
            if (keep instanceof LogAnalysis a) {
                System.gc();
                retained = " messages=" + a.messages() + " retainedMB=" + (memory.getHeapMemoryUsage().getUsed() >> 20);
            }
            System.out.println("RESULT " + mode + " " + i + " " + rows + " " + wall + " " + peak.get() + retained + " cpuMillis=" + cpu);
            // lets a profiler (jcmd PID GC.class_histogram) look at what an analysis retains
            Thread.sleep(Long.getLong("mailpath.benchmark.holdMillis", 0));
            java.lang.ref.Reference.reachabilityFence(keep);
        }
    }

    /** CPU time of the whole JVM (all threads, GC included): what an analysis costs on a shared machine. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static long bare(Path file) throws Exception {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long records = records(reader);
            return records > 0 ? records - 1 : 0;
        }
    }

    /**
     * Commons CSV alone over the two halves of the file (cut after the line feed nearest past the middle; the
     * benchmark log has no line break inside a field), one thread each, as the reader splits a large log.
     */
    private static long halves(Path file) throws Exception {
        long size = Files.size(file);
        long cut = size / 2;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            in.skipNBytes(cut);
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                cut++;
            }
            cut++;
        }
        long secondStart = cut;
        long[] second = new long[1];
        Throwable[] failure = new Throwable[1];
        Thread other = Thread.ofPlatform().start(() -> {
            try {
                second[0] = range(file, secondStart, size - secondStart);
            } catch (Exception | Error e) {
                failure[0] = e;
            }
        });
        long first = range(file, 0, cut);
        other.join();
        if (failure[0] != null) {
            throw new IllegalStateException(failure[0]);
        }
        return first + second[0] - 1;
    }

    private static long range(Path file, long start, long length) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(start);
            InputStream bounded = BoundedInputStream.builder().setInputStream(in).setMaxCount(length).get();
            return records(new BufferedReader(new InputStreamReader(bounded, StandardCharsets.UTF_8)));
        }
    }

    /** The records Commons CSV reads, each with its values made, as any reader of them would. */
    private static long records(Reader reader) throws IOException {
        long records = 0;
        long values = 0;
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(CSVFormat.RFC4180).get()) {
            for (CSVRecord r : parser) {
                records++;
                values += r.values().length;
            }
        }
        return values > 0 ? records : 0;
    }
}
