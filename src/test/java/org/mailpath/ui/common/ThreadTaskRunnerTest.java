package org.mailpath.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
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

    private void drainUi(Duration wait) throws InterruptedException {
        long end = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < end) {
            Runnable r = ui.poll(20, TimeUnit.MILLISECONDS);
            if (r != null) {
                r.run();
            }
        }
    }

    private static long workerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(ThreadTaskRunner.THREAD_PREFIX) && t.isAlive()).count();
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
        drainUi(Duration.ofMillis(400));
        assertTrue(threadName[0].startsWith("mailpath-demo-"));
        assertTrue(daemon[0]);
        assertEquals("ok done", events.getLast());
    }

    @Test
    void failuresAreReported() throws Exception {
        runner.run("failing", ctx -> {
            throw new IllegalStateException("boom");
        }, recorder());
        drainUi(Duration.ofMillis(300));
        assertEquals(List.of("failed boom"), events);
    }

    @Test
    void aJobOutOfMemoryIsReportedAsAFailure() throws Exception {
        runner.run("big", ctx -> {
            throw new OutOfMemoryError("Java heap space");
        }, recorder());
        drainUi(Duration.ofMillis(300));
        assertEquals(List.of("failed Java heap space"), events);
    }

    @Test
    void cancelStopsBlockedWorkWithinASecondAndLeavesNoThreadBehind() throws Exception {
        long before = workerThreads();
        CountDownLatch started = new CountDownLatch(3);
        for (int i = 0; i < 3; i++) {
            // one job sleeps, one polls the cancellation, one waits on a cancel hook: the three ways engine work stops
            int kind = i;
            runner.run("blocked", ctx -> {
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
            }, recorder());
        }
        assertTrue(started.await(5, TimeUnit.SECONDS));
        assertEquals(before + 3, workerThreads());
        long t0 = System.nanoTime();
        runner.close();
        assertEquals(List.of("cancelled", "cancelled", "cancelled"), events, "the UI hears of the cancel at once");
        // the tasks wait for their cancel without end, so their threads end only through it; the limit only ends a
        // hang (how soon they end depends on the machine's load, not on the code)
        while (workerThreads() > before && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(60)) {
            Thread.sleep(10);
        }
        assertEquals(before, workerThreads(), "every worker thread ended after the cancel");
        drainUi(Duration.ofMillis(200));
        assertEquals(3, events.size(), "nothing is delivered after a cancel");
    }

    @Test
    void uiActionsOfACancelledTaskAreDropped() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        RunningTask task = runner.run("late", ctx -> {
            go.await();
            ctx.ui(() -> events.add("late ui action"));
            return "x";
        }, recorder());
        task.cancel();
        go.countDown();
        drainUi(Duration.ofMillis(300));
        assertEquals(List.of("cancelled"), events);
    }

    @Test
    void aVmErrorIsCalledMemoryOrStackOnlyWhenItIsThat() {
        assertEquals("ran out of memory", ThreadTaskRunner.whatWentWrong(new OutOfMemoryError("Java heap space")));
        assertEquals("ran out of stack", ThreadTaskRunner.whatWentWrong(new StackOverflowError()));
        assertEquals("hit a VM error (InternalError)", ThreadTaskRunner.whatWentWrong(new InternalError("bad")));
    }
}
