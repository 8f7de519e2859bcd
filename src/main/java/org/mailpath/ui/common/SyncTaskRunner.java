package org.mailpath.ui.common;

import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.CancelledException;
import org.mailpath.engine.common.Progress;

/** Runs every job at once on the calling thread: deterministic view-model tests without a toolkit. */
public final class SyncTaskRunner implements TaskRunner {

    @Override
    public <T> RunningTask run(String name, Job<T> job, TaskListener<T> listener) {
        Cancellation cancellation = new Cancellation();
        JobContext context = new JobContext() {
            @Override
            public Cancellation cancellation() {
                return cancellation;
            }

            @Override
            public void progress(Progress progress) {
                listener.progress(progress);
            }

            @Override
            public void ui(Runnable action) {
                action.run();
            }

            @Override
            public void passPointOfNoReturn() {
                // nothing cancels the task but its cancellation (a test's), which counts only before this point
                cancellation.throwIfCancelled();
            }
        };
        try {
            T value = job.run(context);
            listener.succeeded(value);
        } catch (CancelledException | InterruptedException e) {
            listener.cancelled();
        } catch (Exception | VirtualMachineError e) {
            // as ThreadTaskRunner: a job out of memory (or stack) is a failure the view shows, not a crash. Other
            // Errors pass: an AssertionError in a test's fake job must fail the test, not become listener.failed.
            listener.failed(e);
        }
        return RunningTask.DONE;
    }
}
