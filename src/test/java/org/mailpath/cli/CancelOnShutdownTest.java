package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.common.Cancellation;

/**
 * Ctrl-C or SIGTERM during {@code analyze}: the hook only set the cancel flag, and the JVM halted before the work saw
 * it, leaving a report's hidden temporary file beside it and nothing on stderr.
 */
class CancelOnShutdownTest {

    @TempDir
    Path dir;

    /** The hook cancels, waits while the work cleans up, then says so once. */
    @Test
    void theHookWaitsForTheWorkToStopAndSaysItWasCancelled() throws Exception {
        Cancellation cancellation = new Cancellation();
        StringWriter err = new StringWriter();
        CancelOnShutdown onSignal = new CancelOnShutdown(cancellation, new PrintWriter(err), Duration.ofMinutes(1),
                "test-cancel");
        Path temp = Files.createFile(dir.resolve(".report.pdf.1x2y.tmp"));
        CountDownLatch cleaning = new CountDownLatch(1);
        CountDownLatch mayClean = new CountDownLatch(1);
        AtomicBoolean leftWhenTold = new AtomicBoolean(true);
        Thread work = Thread.ofPlatform().start(() -> {
            try (onSignal) {
                while (!cancellation.isCancelled()) {
                    Thread.onSpinWait();
                }
                cleaning.countDown();
                mayClean.await();
                Files.delete(temp);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread hook = Thread.ofPlatform().start(() -> {
            onSignal.onShutdown();
            leftWhenTold.set(Files.exists(temp));
        });
        assertTrue(cleaning.await(30, TimeUnit.SECONDS), "the hook cancelled the work");
        assertTrue(hook.isAlive(), "the hook waits while the work cleans up");
        assertEquals("", err.toString());
        mayClean.countDown();
        hook.join();
        work.join();
        assertFalse(leftWhenTold.get(), "the temporary file was gone when the hook ended");
        assertEquals("mailpath: cancelled" + System.lineSeparator(), err.toString());
        assertTrue(onSignal.cancelled());
    }

    /** Work deaf to the cancel holds the JVM's end no longer than the hook's bound. */
    @Test
    void theHookWaitsAtMostItsBound() {
        Cancellation cancellation = new Cancellation();
        StringWriter err = new StringWriter();
        CancelOnShutdown onSignal = new CancelOnShutdown(cancellation, new PrintWriter(err), Duration.ofMillis(50),
                "test-cancel");
        // the limit only ends a hang
        assertTimeoutPreemptively(Duration.ofSeconds(30), onSignal::onShutdown);
        assertTrue(cancellation.isCancelled());
        assertEquals("mailpath: cancelled" + System.lineSeparator(), err.toString());
    }

    /**
     * SIGTERM to a JVM writing a report whose renderer never looks at the cancel flag: the JVM's exit code for the
     * signal, "mailpath: cancelled" on stderr, and no temporary file left beside the report (the JDK deletes it as
     * the JVM exits, after the hook's wait).
     */
    @Test
    void aSignalDuringAReportLeavesNoTemporaryFile() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "Process.destroy sends SIGTERM on Linux");
        Path report = dir.resolve("x.pdf");
        Process child = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ReportWriteUntilSignalled.class.getName(),
                report.toString()))
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertEquals("rendering", out.readLine(), "the child reached its renderer");
            try (Stream<Path> files = Files.list(dir)) {
                assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith(".x.pdf.")),
                        "the temporary file exists while the report is rendered");
            }
            child.destroy();
            // a guard against a hang only: the hook waits its few seconds, then the JVM ends
            assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child ended");
        } finally {
            child.destroyForcibly();
        }
        String stderr = Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);
        assertEquals(143, child.exitValue(), stderr);
        assertEquals("mailpath: cancelled\n", stderr);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("stderr.txt"), files.map(f -> f.getFileName().toString()).toList());
        }
    }
}
