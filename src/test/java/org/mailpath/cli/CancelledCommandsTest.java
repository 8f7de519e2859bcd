package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.check.CheckReport;
import org.mailpath.engine.check.DomainCheckResult;
import org.mailpath.engine.analysis.EmailLogAnalyzer;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.engine.report.WordingHook;
import org.mailpath.testing.smtp.FakeDns;
import org.mailpath.testing.smtp.TinyDnsServer;

/**
 * Ctrl-C or SIGTERM during a command. {@code check} and {@code probe}: their hook only set the cancel flag and the JVM halted at
 * once, with nothing on stderr and, when it came while the output was written ({@code check --format json >
 * out.json}), half of it in the file. They now cancel as {@code analyze} does ({@link CancelOnShutdown}): before
 * their point of no return the line {@code mailpath: cancelled}, the JVM's exit code for the signal, and no output;
 * after it the whole output and the run's own code. None of the commands writes its output, or puts a report in
 * place, once cancelled.
 */
class CancelledCommandsTest {

    @TempDir
    Path dir;

    /** SIGTERM while the checks run: nothing on stdout, the line on stderr, exit 143. */
    @Test
    void checkCancelledWhileCheckingWritesNothing() throws Exception {
        Signalled r = runUntilSignalled("checking", "--format", "json", "example.test");
        assertEquals(143, r.code(), r.err());
        assertEquals("mailpath: cancelled\n", r.err());
        assertEquals("", r.out());
    }

    /**
     * SIGTERM halfway through writing the JSON, past the run's point of no return: the whole of it is written, and the
     * run ends as finished, with its own code and no "cancelled" (it said cancelled, with 143, and a script threw a
     * whole result away).
     */
    @Test
    void checkSignalledWhileWritingFinishesTheRun() throws Exception {
        Signalled r = runUntilSignalled("writing", "--format", "json", "example.test");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        JsonNode root = FindingJson.MAPPER.readTree(r.out());
        assertEquals("example.test", root.get("domains").get(0).get("domain").asText(), r.out());
        assertTrue(r.out().endsWith("}\n"), r.out());
    }

    /** SIGTERM while the probe waits for a server's greeting: nothing on stdout, the line on stderr, exit 143. */
    @Test
    void probeCancelledWhileProbingWritesNothing() throws Exception {
        FakeDns zone = new FakeDns().add("example.test", org.xbill.DNS.Type.MX, "10 mx.example.test.")
                .loopbackNamed("mx.example.test");
        try (TinyDnsServer dns = new TinyDnsServer(zone);
             ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Process child = start("cli", "probe", "example.test", "--port", String.valueOf(silent.getLocalPort()),
                    "--resolver", dns.address(), "--timeout", "60", "--banner-timeout", "300", "--no-mta-sts",
                    "--format", "json");
            // the probe has connected and waits for a greeting that never comes
            try (Socket connected = silent.accept()) {
                Signalled r = signal(child);
                assertEquals(143, r.code(), r.err());
                assertEquals("mailpath: cancelled\n", r.err());
                assertEquals("", r.out());
            }
        }
    }

    /** Cancelled as the checks end, before a word of output: none is written (in this JVM: no hook, no line). */
    @Test
    void checkCancelledAsTheChecksEndWritesNothing() {
        CheckCommand check = new CheckCommand();
        check.checker = (requests, options, listener, cancellation) -> {
            cancellation.cancel();
            return new CheckReport(List.of(new DomainCheckResult("example.test", List.of(), List.of())));
        };
        CliRun r = CliRun.ofCommand(check, "--format", "json", "example.test");
        assertEquals(MailPathCommand.EXIT_CANCELLED, r.code(), r.err());
        assertEquals("", r.out());
        assertEquals("", r.err(), "the hook says it, in the JVM that a signal ends");

        CheckCommand notCancelled = new CheckCommand();
        notCancelled.checker = (requests, options, listener, cancellation) ->
                new CheckReport(List.of(new DomainCheckResult("example.test", List.of(), List.of())));
        CliRun written = CliRun.ofCommand(notCancelled, "--format", "json", "example.test");
        assertEquals(0, written.code(), written.err());
        assertTrue(written.out().contains("\"example.test\""), written.out());
    }

    /**
     * analyze cancelled as the log's analysis ends: no summary on stdout, no report put in place (it said "report
     * written" after the cancel), no temporary file.
     */
    @Test
    void analyzeCancelledAsTheAnalysisEndsWritesNothing() throws IOException {
        AnalyzeCommand analyze = new AnalyzeCommand((file, progress, cancellation) -> {
            LogAnalysis analysis = new EmailLogAnalyzer().analyze(file, progress, cancellation);
            cancellation.cancel();
            return analysis;
        });
        Path report = dir.resolve("report.txt");
        CliRun r = CliRun.ofCommand(analyze, LogFixtures.sample("sample-email-log.csv").toString(),
                "--report", report.toString());
        assertEquals(MailPathCommand.EXIT_CANCELLED, r.code(), r.err());
        assertEquals("", r.out());
        assertEquals("", r.err(), "the hook says it, in the JVM that a signal ends");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.toList(), "no report, no temporary file");
        }
    }

    /**
     * analyze cancelled while the report is built: the build stops at the message it was wording (it was built to its
     * end, which on a 300,000-row log kept a Ctrl-C waiting seconds), then the run ends as one cancelled while its
     * report is written does: exit 130, no report put in place, no temporary file.
     */
    @Test
    void analyzeCancelledWhileTheReportIsBuiltStopsTheBuild() throws IOException {
        AtomicInteger worded = new AtomicInteger();
        AnalyzeCommand analyze = new AnalyzeCommand((file, progress, cancellation) ->
                WordingHook.wordingEach(new EmailLogAnalyzer().analyze(file, progress, cancellation), locale -> {
                    // the report's words (in Swedish), not the summary's (English) before it
                    if (locale.getLanguage().equals("sv")) {
                        worded.incrementAndGet();
                        cancellation.cancel();
                    }
                }));
        Path report = dir.resolve("report.txt");
        CliRun r = CliRun.ofCommand(analyze, LogFixtures.sample("sample-email-log.csv").toString(),
                "--report", report.toString(), "--report-language", "sv");
        assertEquals(MailPathCommand.EXIT_CANCELLED, r.code(), r.err());
        assertEquals(1, worded.get(), "the message being worded as the run was cancelled, and no other");
        // the summary comes before the report and is out by then, as with a cancel while the report is written
        assertTrue(r.out().startsWith("MailPath analysis of sample-email-log.csv"), r.out());
        assertEquals("", r.err(), "the hook says it, in the JVM that a signal ends");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.toList(), "no report, no temporary file");
        }
    }

    private record Signalled(int code, String out, String err) {
    }

    private Signalled runUntilSignalled(String mode, String... args) throws Exception {
        Process child = start(mode, args);
        Path ready = dir.resolve("ready");
        // a guard against a hang only: the child gets there at once
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(ready) && child.isAlive() && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertTrue(Files.exists(ready), "the child got to where the signal is to come: "
                + Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8));
        return signal(child);
    }

    private Process start(String mode, String... args) throws IOException {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "Process.destroy sends SIGTERM on Linux");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CommandUntilSignalled.class.getName(),
                dir.resolve("ready").toString(), mode));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
    }

    private Signalled signal(Process child) throws Exception {
        try {
            child.destroy();
            // a guard against a hang only: the hook waits its few seconds at most, then the JVM ends
            assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child ended");
        } finally {
            child.destroyForcibly();
        }
        return new Signalled(child.exitValue(),
                Files.readString(dir.resolve("stdout.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8));
    }
}
