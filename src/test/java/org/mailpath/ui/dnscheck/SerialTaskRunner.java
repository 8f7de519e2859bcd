package org.mailpath.ui.dnscheck;

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

/**
 * Runs jobs on the test thread, at once or (when holding) on {@link #runAll()}, like the shared runners, but hands
 * the UI actions of a job's workers (the DNS checks and each domain's probe run concurrently) over one at a time,
 * as the UI thread would. Cancelling from inside a job needs holding: the view-model gets the handle first.
 */
final class SerialTaskRunner implements TaskRunner {

    private final Deque<Runnable> pending = new ArrayDeque<>();
    private final Object ui = new Object();
    private final boolean hold;

    SerialTaskRunner(boolean hold) {
        this.hold = hold;
    }

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
                ui(() -> listener.progress(progress));
            }

            @Override
            public void ui(Runnable action) {
                synchronized (ui) {
                    if (!ended[0]) {
                        action.run();
                    }
                }
            }
        };
        pending.add(() -> {
            Runnable ending;
            try {
                T value = job.run(ctx);
                ending = () -> listener.succeeded(value);
            } catch (CancelledException | InterruptedException e) {
                ending = listener::cancelled;
            } catch (Exception e) {
                Exception error = e;
                ending = () -> listener.failed(error);
            }
            synchronized (ui) {
                if (!ended[0]) {
                    ended[0] = true;
                    ending.run();
                }
            }
        });
        if (!hold) {
            runAll();
        }
        return new RunningTask() {
            @Override
            public void cancel() {
                synchronized (ui) {
                    if (!ended[0]) {
                        ended[0] = true;
                        cancellation.cancel();
                        listener.cancelled();
                    }
                }
            }

            @Override
            public boolean isDone() {
                synchronized (ui) {
                    return ended[0];
                }
            }
        };
    }

    /** Runs every job started so far. */
    void runAll() {
        while (!pending.isEmpty()) {
            pending.poll().run();
        }
    }
}
