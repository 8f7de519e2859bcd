package org.mailpath.ui.testing;

import java.util.ArrayDeque;
import java.util.Deque;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.CancelledException;
import org.mailpath.engine.common.Progress;
import org.mailpath.ui.common.Job;
import org.mailpath.ui.common.JobContext;
import org.mailpath.ui.common.RunningTask;
import org.mailpath.ui.common.TaskListener;
import org.mailpath.ui.common.TaskRunner;

/** Holds jobs until the test runs them, so tests can look at the "running" state and cancel. */
public final class ManualTaskRunner implements TaskRunner {

    private final Deque<Runnable> pending = new ArrayDeque<>();

    @Override
    public <T> RunningTask run(String name, Job<T> job, TaskListener<T> listener) {
        Cancellation cancellation = new Cancellation();
        boolean[] ended = {false};
        JobContext ctx = new JobContext() {
            @Override
            public Cancellation cancellation() {
                return cancellation;
            }

            @Override
            public void progress(Progress progress) {
                if (!ended[0]) {
                    listener.progress(progress);
                }
            }

            @Override
            public void ui(Runnable action) {
                if (!ended[0]) {
                    action.run();
                }
            }
        };
        pending.add(() -> {
            if (ended[0]) {
                return;
            }
            try {
                T value = job.run(ctx);
                if (!ended[0]) {
                    ended[0] = true;
                    listener.succeeded(value);
                }
            } catch (CancelledException | InterruptedException e) {
                if (!ended[0]) {
                    ended[0] = true;
                    listener.cancelled();
                }
            } catch (Exception e) {
                if (!ended[0]) {
                    ended[0] = true;
                    listener.failed(e);
                }
            }
        });
        return new RunningTask() {
            @Override
            public void cancel() {
                if (!ended[0]) {
                    ended[0] = true;
                    cancellation.cancel();
                    listener.cancelled();
                }
            }

            @Override
            public boolean isDone() {
                return ended[0];
            }
        };
    }

    public int pendingCount() {
        return pending.size();
    }

    /** Runs every job started so far (and any they start). */
    public void runAll() {
        while (!pending.isEmpty()) {
            pending.poll().run();
        }
    }
}
