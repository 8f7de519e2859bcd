package org.mailpath.ui.common;

/** A handle on started work. */
public interface RunningTask {

    /** A task that has already ended; handy as the initial value of a field. */
    RunningTask DONE = new RunningTask() {
        @Override
        public void cancel() {
        }

        @Override
        public boolean isDone() {
            return true;
        }
    };

    /**
     * Signals the job to stop and interrupts its thread. The listener's {@code cancelled()} is called at once
     * (on the calling UI thread) and nothing else is delivered afterwards. Does nothing once the task ended, nor once
     * the job passed its {@link JobContext#passPointOfNoReturn() point of no return}: that job finishes, and its
     * listener hears how (a report put in place is reported as saved, not as cancelled).
     */
    void cancel();

    boolean isDone();
}
