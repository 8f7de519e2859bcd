package org.mailpath.ui.common;

/**
 * Runs engine work away from the UI thread. Every {@link TaskListener} callback, and every action passed to
 * {@link JobContext#ui(Runnable)}, runs on the UI thread, so view-models may touch their properties there.
 * Production uses {@link ThreadTaskRunner}; view-model tests use {@link SyncTaskRunner}.
 */
public interface TaskRunner {

    /**
     * Starts {@code job}. {@code name} names the worker thread ("mailpath-" + name + "-" + n) so a thread dump
     * says what is running.
     */
    <T> RunningTask run(String name, Job<T> job, TaskListener<T> listener);
}
