package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
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
        SignalInTest jvm = new SignalInTest();
        CancelOnShutdown onSignal = new CancelOnShutdown(cancellation, new PrintWriter(err), jvm, "test-cancel");
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
        assertEquals(List.of(), jvm.halts(), "the JVM ends with the signal's code");
    }

    /** Work deaf to the cancel holds the JVM's end no longer than the hook's bound. */
    @Test
    void theHookWaitsAtMostItsBound() {
        Cancellation cancellation = new Cancellation();
        StringWriter err = new StringWriter();
        CancelOnShutdown onSignal = new CancelOnShutdown(cancellation, new PrintWriter(err),
                new SignalInTest(Duration.ofMillis(50)), "test-cancel");
        // the limit only ends a hang
        assertTimeoutPreemptively(Duration.ofSeconds(30), onSignal::onShutdown);
        assertTrue(cancellation.isCancelled());
        assertEquals("mailpath: cancelled" + System.lineSeparator(), err.toString());
    }

    /**
     * The race: a signal just after the work's last look at the cancel flag, before its output is put out. The point of
     * no return refuses it: nothing is written, the hook says cancelled and the JVM keeps the signal's code.
     */
    @Test
    void aSignalJustBeforeThePointOfNoReturnCancelsTheRun() throws Exception {
        SignalInTest jvm = new SignalInTest();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicReference<Thread> hook = new AtomicReference<>();
        int code = CancelOnShutdown.run(jvm, new PrintWriter(out), new PrintWriter(err), "test-cancel",
                (cancellation, end) -> {
                    cancellation.throwIfCancelled(); // the last look: not yet
                    hook.set(jvm.signal());
                    awaitCancel(cancellation);
                    end.pass();
                    new PrintWriter(out).append("the whole output").flush();
                    return 0;
                });
        hook.get().join();
        assertEquals(MailPathCommand.EXIT_CANCELLED, code);
        assertEquals("", out.toString());
        assertEquals("mailpath: cancelled" + System.lineSeparator(), err.toString());
        assertEquals(List.of(), jvm.halts(), "the JVM ends with the signal's code");
    }

    /**
     * A signal once the run has passed its point of no return, while its output is written: the run finishes, and
     * the JVM ends with its code (3 here, as --fail-on gives), not "cancelled" with 130 or 143.
     */
    @Test
    void aSignalAfterThePointOfNoReturnLetsTheRunEndWithItsCode() throws Exception {
        SignalInTest jvm = new SignalInTest();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicReference<Thread> hook = new AtomicReference<>();
        int code = CancelOnShutdown.run(jvm, new PrintWriter(out), new PrintWriter(err), "test-cancel",
                (cancellation, end) -> {
                    end.pass();
                    hook.set(jvm.signal());
                    jvm.untilTheHookWaits();
                    new PrintWriter(out).append("the whole output").flush();
                    return MailPathCommand.EXIT_FINDINGS;
                });
        hook.get().join();
        assertEquals(MailPathCommand.EXIT_FINDINGS, code);
        assertEquals("the whole output", out.toString());
        assertEquals("", err.toString());
        assertEquals(List.of(MailPathCommand.EXIT_FINDINGS), jvm.halts());
    }

    /** Output lost after the point of no return (a full disk): the JVM ends with 2 and its line, as without signal. */
    @Test
    void outputLostAfterThePointOfNoReturnIsTheCodeTheJvmEndsWith() throws Exception {
        SignalInTest jvm = new SignalInTest();
        StringWriter err = new StringWriter();
        PrintWriter full = new PrintWriter(new Writer() {
            @Override
            public void write(char[] c, int off, int len) throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        AtomicReference<Thread> hook = new AtomicReference<>();
        int code = CancelOnShutdown.run(jvm, full, new PrintWriter(err), "test-cancel", (cancellation, end) -> {
            end.pass();
            hook.set(jvm.signal());
            jvm.untilTheHookWaits();
            full.print("the whole output");
            return 0;
        });
        hook.get().join();
        assertEquals(MailPathCommand.EXIT_USAGE, code);
        assertEquals(List.of(MailPathCommand.EXIT_USAGE), jvm.halts());
        assertTrue(err.toString().startsWith("mailpath: the output could not be written in full"), err.toString());
        assertFalse(err.toString().contains("cancelled"), err.toString());
    }

    /**
     * Past the point of no return but still writing when the hook's wait runs out (a reader that stopped): the JVM's
     * end cuts the output off, so the run did not finish: "cancelled", and the signal's code.
     */
    @Test
    void aRunStillWritingWhenTheWaitRunsOutIsCancelled() {
        SignalInTest jvm = new SignalInTest(Duration.ofMillis(50));
        StringWriter err = new StringWriter();
        CancelOnShutdown onSignal = new CancelOnShutdown(new Cancellation(), new PrintWriter(err), jvm,
                "test-cancel");
        onSignal.passPointOfNoReturn();
        // the work never ends: the limit only ends a hang
        assertTimeoutPreemptively(Duration.ofSeconds(30), onSignal::onShutdown);
        assertEquals("mailpath: cancelled" + System.lineSeparator(), err.toString());
        assertEquals(List.of(), jvm.halts());
        assertFalse(onSignal.cancelled(), "the work was not told to stop: its output was on its way");
    }

    /** Waits until {@code cancellation} is cancelled (by the hook, on its thread). */
    static void awaitCancel(Cancellation cancellation) {
        CountDownLatch cancelled = new CountDownLatch(1);
        cancellation.onCancel(cancelled::countDown);
        try {
            assertTrue(cancelled.await(60, TimeUnit.SECONDS), "the hook cancelled the work");
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
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
