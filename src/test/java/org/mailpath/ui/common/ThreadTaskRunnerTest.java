package org.mailpath.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.common.CancelledException;
import org.mailpath.engine.common.Progress;

/** The production runner, with a queue standing in for the JavaFX thread. */
class ThreadTaskRunnerTest {

    private final LinkedBlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
    private final ThreadTaskRunner runner = new ThreadTaskRunner(ui::add);
    private final List<String> events = new CopyOnWriteArrayList<>();

    private TaskListener<String> recorder() {
        return new TaskListener<>() {
            @Override
            public void progress(Progress p) {
                events.add("progress " + p.done());
            }

            @Override
            public void succeeded(String value) {
                events.add("ok " + value);
            }

            @Override
            public void failed(Throwable error) {
                events.add("failed " + error.getMessage());
            }

            @Override
            public void cancelled() {
                events.add("cancelled");
            }
        };
    }

    /**
     * Runs what reaches the UI until the listener has heard how the job ended. The bound only ends a hang: the
     * ending arrives as soon as the worker delivers it, however late the machine's load lets it run.
     */
    private void runUiUntilTheEnding() throws InterruptedException {
        while (events.stream().noneMatch(e -> e.startsWith("ok ") || e.startsWith("failed ") || e.equals("cancelled"))) {
            Runnable r = ui.poll(30, TimeUnit.SECONDS);
            assertTrue(r != null, "the job's ending reached the UI within 30 s");
            r.run();
        }
    }

    /** Runs what is already queued for the UI, waiting for nothing: the workers that could add more have ended. */
    private void runUiQueued() {
        for (Runnable r = ui.poll(); r != null; r = ui.poll()) {
            r.run();
        }
    }

    /** A job that records the thread it runs on: the test then knows its own workers, not others left running. */
    private static <T> Job<T> on(List<Thread> workers, Job<T> job) {
        return ctx -> {
            workers.add(Thread.currentThread());
            return job.run(ctx);
        };
    }

    private static long alive(List<Thread> workers) {
        return workers.stream().filter(Thread::isAlive).count();
    }

    @Test
    void resultsAndProgressArriveThroughTheUiExecutorOnNamedDaemonThreads() throws Exception {
        String[] threadName = new String[1];
        boolean[] daemon = new boolean[1];
        runner.run("demo", ctx -> {
            threadName[0] = Thread.currentThread().getName();
            daemon[0] = Thread.currentThread().isDaemon();
            ctx.progress(new Progress(5, 10, ""));
            return "done";
        }, recorder());
        runUiUntilTheEnding();
        assertTrue(threadName[0].startsWith("mailpath-demo-"));
        assertTrue(daemon[0]);
        assertEquals(List.of("progress 5", "ok done"), events);
    }

    @Test
    void failuresAreReported() throws Exception {
        runner.run("failing", ctx -> {
            throw new IllegalStateException("boom");
        }, recorder());
        runUiUntilTheEnding();
        assertEquals(List.of("failed boom"), events);
    }

    @Test
    void aJobOutOfMemoryIsReportedAsAFailure() throws Exception {
        runner.run("big", ctx -> {
            throw new OutOfMemoryError("Java heap space");
        }, recorder());
        runUiUntilTheEnding();
        assertEquals(List.of("failed Java heap space"), events);
    }

    @Test
    void cancelStopsBlockedWorkWithinASecondAndLeavesNoThreadBehind() throws Exception {
        List<Thread> workers = new CopyOnWriteArrayList<>();
        CountDownLatch started = new CountDownLatch(3);
        for (int i = 0; i < 3; i++) {
            // one job sleeps, one polls the cancellation, one waits on a cancel hook: the three ways engine work stops
            int kind = i;
            runner.run("blocked", on(workers, ctx -> {
                started.countDown();
                switch (kind) {
                    case 0 -> Thread.sleep(60_000);
                    case 1 -> {
                        while (true) {
                            ctx.cancellation().throwIfCancelled();
                            Thread.onSpinWait();
                        }
                    }
                    default -> {
                        CountDownLatch hook = new CountDownLatch(1);
                        ctx.cancellation().onCancel(hook::countDown);
                        while (!hook.await(10, TimeUnit.SECONDS)) {
                            Thread.onSpinWait();
                        }
                        ctx.cancellation().throwIfCancelled();
                    }
                }
                return "never";
            }), recorder());
        }
        assertTrue(started.await(30, TimeUnit.SECONDS));
        assertEquals(3, alive(workers));
        assertTrue(workers.stream().allMatch(t -> t.getName().startsWith(ThreadTaskRunner.THREAD_PREFIX + "blocked-")),
                workers.toString());
        long t0 = System.nanoTime();
        runner.close();
        assertEquals(List.of("cancelled", "cancelled", "cancelled"), events, "the UI hears of the cancel at once");
        // the tasks wait for their cancel without end, so their threads end only through it; the limit only ends a
        // hang (how soon they end depends on the machine's load, not on the code)
        for (Thread worker : workers) {
            worker.join(Duration.ofNanos(Math.max(1, TimeUnit.SECONDS.toNanos(60) - (System.nanoTime() - t0))));
        }
        assertEquals(0, alive(workers), "every worker thread ended after the cancel");
        runUiQueued();
        assertEquals(3, events.size(), "nothing is delivered after a cancel");
    }

    @Test
    void uiActionsOfACancelledTaskAreDropped() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new CopyOnWriteArrayList<>();
        CountDownLatch ended = new CountDownLatch(1);
        RunningTask task = runner.run("late", on(workers, ctx -> {
            try {
                // uninterruptibly: the action is queued whether or not the cancel's interrupt came first
                while (true) {
                    try {
                        go.await();
                        break;
                    } catch (InterruptedException e) {
                        // the cancel's: the job goes on to queue its late action
                    }
                }
                ctx.ui(() -> events.add("late ui action"));
                return "x";
            } finally {
                ended.countDown();
            }
        }), recorder());
        task.cancel();
        go.countDown();
        assertTrue(ended.await(30, TimeUnit.SECONDS));
        workers.getFirst().join(Duration.ofSeconds(30));
        runUiQueued();
        assertEquals(List.of("cancelled"), events);
    }

    /**
     * Cancel once the job has passed its point of no return (an export putting its report in place) no longer
     * counts: the job is neither interrupted (its file channel would close) nor flagged, and its listener hears its
     * result, not "cancelled". Before, the cancel interrupted the move and the step said "Export cancelled" for a
     * report that was saved.
     */
    @Test
    void aCancelAfterThePointOfNoReturnLetsTheJobFinishUninterrupted() throws Exception {
        CountDownLatch passed = new CountDownLatch(1);
        CountDownLatch cancelPressed = new CountDownLatch(1);
        boolean[] interruptedOrFlagged = new boolean[2];
        RunningTask task = runner.run("report-export", ctx -> {
            ctx.passPointOfNoReturn();
            passed.countDown();
            cancelPressed.await(); // an interrupt here would end the job with InterruptedException
            interruptedOrFlagged[0] = Thread.currentThread().isInterrupted();
            interruptedOrFlagged[1] = ctx.cancellation().isCancelled();
            return "saved";
        }, recorder());
        assertTrue(passed.await(30, TimeUnit.SECONDS));
        task.cancel();
        assertEquals(List.of(), events, "no cancelled() for a job past its point of no return");
        assertFalse(task.isDone());
        cancelPressed.countDown();
        ui.take().run(); // the job's own ending, which the cancel did not discard
        assertEquals(List.of("ok saved"), events);
        assertFalse(interruptedOrFlagged[0], "the worker was not interrupted");
        assertFalse(interruptedOrFlagged[1], "the job's cancellation was not set");
        assertTrue(task.isDone());
    }

    /**
     * A job that finished past its point of no return, its result still waiting for the UI thread when Cancel is
     * pressed, is delivered: before, the cancel discarded it and said "cancelled". A job without such a point is
     * still cancelled so (a preview of an earlier choice is worth nothing).
     */
    @Test
    void aFinishedResultWaitingForTheUiIsDeliveredOnlyPastThePointOfNoReturn() throws Exception {
        RunningTask saved = runner.run("report-export", ctx -> {
            ctx.passPointOfNoReturn();
            return "saved";
        }, recorder());
        Runnable ending = ui.take();
        saved.cancel();
        ending.run();
        RunningTask preview = runner.run("preview", ctx -> "text", recorder());
        ending = ui.take();
        preview.cancel();
        ending.run();
        assertEquals(List.of("ok saved", "cancelled"), events);
    }

    /** A cancel before the point of no return wins: the job cannot pass it, and only "cancelled" is heard. */
    @Test
    void aCancelBeforeThePointOfNoReturnKeepsTheJobFromPassingIt() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch ended = new CountDownLatch(1);
        boolean[] refused = new boolean[1];
        RunningTask task = runner.run("report-export", ctx -> {
            try {
                started.countDown();
                while (!ctx.cancellation().isCancelled()) {
                    Thread.onSpinWait(); // the last check behind it, the placing ahead
                }
                try {
                    ctx.passPointOfNoReturn();
                } catch (CancelledException e) {
                    refused[0] = true;
                    throw e;
                }
                return "saved";
            } finally {
                ended.countDown();
            }
        }, recorder());
        assertTrue(started.await(30, TimeUnit.SECONDS));
        task.cancel();
        assertTrue(ended.await(30, TimeUnit.SECONDS));
        assertTrue(refused[0], "the point refused a cancelled job");
        ui.take().run();
        assertEquals(List.of("cancelled"), events, "nothing is delivered after the cancel");
    }

    @Test
    void aVmErrorIsCalledMemoryOrStackOnlyWhenItIsThat() {
        assertEquals("ran out of memory", ThreadTaskRunner.whatWentWrong(new OutOfMemoryError("Java heap space")));
        assertEquals("ran out of stack", ThreadTaskRunner.whatWentWrong(new StackOverflowError()));
        assertEquals("hit a VM error (InternalError)", ThreadTaskRunner.whatWentWrong(new InternalError("bad")));
    }

    /**
     * The window's close cancels the jobs and waits for them to end: workers are daemon threads, which the JVM stops
     * where they are once the window is gone, and an export stopped so left its hidden temporary file in the user's
     * folder. The job here deletes its file only when the test lets it, after close has begun to wait.
     */
    @Test
    void closeWaitsForACancelledJobToCleanUp(@TempDir Path dir) throws Exception {
        Path temp = Files.createFile(dir.resolve(".report.pdf.1x2y.tmp"));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch cleaning = new CountDownLatch(1);
        CountDownLatch mayClean = new CountDownLatch(1);
        runner.run("report-export", ctx -> {
            try {
                started.countDown();
                new CountDownLatch(1).await(); // a render that ends only by the interrupt of a cancel
                return "written";
            } finally {
                Thread.interrupted();
                cleaning.countDown();
                mayClean.await();
                Files.deleteIfExists(temp);
            }
        }, recorder());
        assertTrue(started.await(30, TimeUnit.SECONDS));
        AtomicBoolean leftAtClose = new AtomicBoolean(true);
        Thread closer = Thread.ofPlatform().start(() -> {
            runner.close();
            leftAtClose.set(Files.exists(temp));
        });
        assertTrue(cleaning.await(30, TimeUnit.SECONDS), "the cancel interrupted the job");
        assertTrue(closer.isAlive(), "close waits while the job cleans up");
        mayClean.countDown();
        closer.join();
        assertFalse(leftAtClose.get(), "the temporary file was gone when close returned");
    }

    /** A job deaf to its cancel keeps the window's close waiting no longer than the bound. */
    @Test
    void closeWaitsAtMostItsBound() throws Exception {
        ThreadTaskRunner bounded = new ThreadTaskRunner(ui::add, Duration.ofMillis(50));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> workers = new CopyOnWriteArrayList<>();
        bounded.run("deaf", on(workers, ctx -> {
            started.countDown();
            while (release.getCount() > 0) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    // deaf: goes on
                }
            }
            return "done";
        }), recorder());
        assertTrue(started.await(30, TimeUnit.SECONDS));
        try {
            // the limit only ends a hang: close waits 50 ms, and then returns
            assertTimeoutPreemptively(Duration.ofSeconds(30), bounded::close);
            assertEquals(1, alive(workers), "the deaf job still runs");
        } finally {
            release.countDown();
        }
    }

    /**
     * A log-privacy review: a file that is no Email Log was logged with the words the user reads, which quote its
     * cells ("Date: 'alice@contoso.example' is not a date"), into the log file users are asked to attach to bug
     * reports. The listener still gets those words; the log gets none of them.
     */
    @Test
    void aFileThatIsNoEmailLogIsToldToTheUserNotQuotedInTheLog() throws Exception {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(ThreadTaskRunner.class.getName());
        List<String> logged = new CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                logged.add(String.valueOf(r.getMessage()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(capture);
        try {
            runner.run("import", ctx -> {
                throw new org.mailpath.engine.analysis.UnusableLogException(
                        "swapped.csv has no usable row: Date: 'alice@contoso.example' is not a date");
            }, recorder());
            runUiUntilTheEnding();
        } finally {
            logger.removeHandler(capture);
        }
        assertEquals(List.of("failed swapped.csv has no usable row: Date: 'alice@contoso.example' is not a date"),
                events);
        assertFalse(logged.isEmpty(), "the failure is still noted");
        assertTrue(logged.stream().noneMatch(l -> l.contains("alice@") || l.contains("swapped.csv")), logged.toString());
    }
}
