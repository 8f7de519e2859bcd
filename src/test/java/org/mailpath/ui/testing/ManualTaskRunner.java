package org.mailpath.ui.testing;

import java.util.ArrayDeque;
import java.util.Deque;
import org.mailpath.engine.common.CancelOrFinish;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.CancelledException;
import org.mailpath.engine.common.Progress;
import org.mailpath.ui.common.Job;
import org.mailpath.ui.common.JobContext;
import org.mailpath.ui.common.RunningTask;
import org.mailpath.ui.common.TaskListener;
import org.mailpath.ui.common.TaskRunner;

/**
 * The test runner: jobs run on the test thread, held until the test runs them (so a test can look at the
 * "running" state and cancel) or, from {@link #atOnce()}, as soon as they are started. UI actions are handed over
 * one at a time under a lock, as the UI thread would take them, because some jobs (the DNS checks, each domain's
 * mail server test) fan out to worker threads of their own. Once a task has ended (succeeded, failed, cancelled)
 * nothing more of it reaches its listener.
 */
public final class ManualTaskRunner implements TaskRunner {

    private final Deque<Held> pending = new ArrayDeque<>();
    private final Object uiLock = new Object();
    private final boolean atOnce;

    public ManualTaskRunner() {
        this(false);
    }

    private ManualTaskRunner(boolean atOnce) {
        this.atOnce = atOnce;
    }

    /** A runner that runs each job (and what it starts) at once, inside {@link #run}. */
    public static ManualTaskRunner atOnce() {
        return new ManualTaskRunner(true);
    }

    /** A started job split in two: the worker's share, and the ending the UI thread would run. */
    private record Held(Runnable work, Runnable ending) {
    }

    @Override
    public <T> RunningTask run(String name, Job<T> job, TaskListener<T> listener) {
        Cancellation cancellation = new Cancellation();
        boolean[] ended = {false};
        // as the app's runner: a cancel and the job's point of no return exclude each other
        CancelOrFinish race = new CancelOrFinish();
        JobContext ctx = new JobContext() {
            @Override
            public Cancellation cancellation() {
                return cancellation;
            }

            @Override
            public void progress(Progress progress) {
                ui(() -> listener.progress(progress));
            }

            @Override
            public void ui(Runnable action) {
                synchronized (uiLock) {
                    if (!ended[0]) {
                        action.run();
                    }
                }
            }

            @Override
            public void passPointOfNoReturn() {
                race.pass();
            }
        };
        Runnable[] ending = {() -> { }};
        Runnable work = () -> {
            if (isEnded(ended)) {
                return;
            }
            try {
                T value = job.run(ctx);
                ending[0] = () -> listener.succeeded(value);
            } catch (CancelledException | InterruptedException e) {
                ending[0] = listener::cancelled;
            } catch (Exception e) {
                ending[0] = () -> listener.failed(e);
            }
        };
        pending.add(new Held(work, () -> {
            synchronized (uiLock) {
                if (!ended[0]) {
                    ended[0] = true;
                    ending[0].run();
                }
            }
        }));
        if (atOnce) {
            runAll();
        }
        return new RunningTask() {
            @Override
            public void cancel() {
                synchronized (uiLock) {
                    if (!ended[0] && race.cancel()) {
                        ended[0] = true;
                        cancellation.cancel();
                        listener.cancelled();
                    }
                }
            }

            @Override
            public boolean isDone() {
                return isEnded(ended);
            }
        };
    }

    private boolean isEnded(boolean[] ended) {
        synchronized (uiLock) {
            return ended[0];
        }
    }

    public int pendingCount() {
        return pending.size();
    }

    /** Runs every job started so far (and any they start). */
    public void runAll() {
        while (!pending.isEmpty()) {
            runNext(() -> { });
        }
    }

    /**
     * Runs the oldest waiting job; {@code betweenWorkAndEnding} runs after the worker's share and before the
     * listener hears the outcome, so a benchmark can time the two apart.
     */
    public void runNext(Runnable betweenWorkAndEnding) {
        Held next = pending.poll();
        if (next == null) {
            throw new IllegalStateException("no job is waiting");
        }
        next.work().run();
        betweenWorkAndEnding.run();
        next.ending().run();
    }
}
