package org.mailpath.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.mailpath.engine.common.Cancellation;

/**
 * A command's shutdown hook for Ctrl-C and SIGTERM: cancels the work, waits for it to end ({@link #WAIT} at most) and
 * says {@code mailpath: cancelled}. The JVM halts as soon as its hooks have run, whatever the other threads are
 * doing: a hook that only set the cancel flag ended the run before the work saw it, in the middle of writing a report,
 * whose hidden temporary file stayed beside it, and without a word on stderr. The exit code stays the JVM's for the
 * signal (130 for Ctrl-C, 143 for SIGTERM). Installed for one run: {@link #close()} when the work has ended.
 */
final class CancelOnShutdown implements AutoCloseable {

    /** How long the hook waits for the work to stop: a report being laid out does not look at the cancel flag. */
    static final Duration WAIT = Duration.ofSeconds(3);

    private final Cancellation cancellation;
    private final PrintWriter err;
    private final Duration wait;
    private final CountDownLatch workEnded = new CountDownLatch(1);
    private final Thread hook;

    CancelOnShutdown(Cancellation cancellation, PrintWriter err, Duration wait, String name) {
        this.cancellation = cancellation;
        this.err = err;
        this.wait = wait;
        this.hook = new Thread(this::onShutdown, name);
    }

    /** Installs the hook for {@code cancellation}'s work, whose end the caller tells by {@link #close()}. */
    static CancelOnShutdown install(Cancellation cancellation, PrintWriter err, String name) {
        CancelOnShutdown c = new CancelOnShutdown(cancellation, err, WAIT, name);
        Runtime.getRuntime().addShutdownHook(c.hook);
        return c;
    }

    /** Whether the work was cancelled by the hook (the hook says so on stderr; the work need not). */
    boolean cancelled() {
        return cancellation.isCancelled();
    }

    /** The hook's work: runs on the JVM's shutdown, before it halts. */
    void onShutdown() {
        cancellation.cancel();
        try {
            // the work cleans up as it stops (a report's temporary file is deleted); one still at work after the
            // wait is stopped by the halt, and a report's temporary file then deleted as the JVM exits
            workEnded.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        err.println("mailpath: cancelled");
        err.flush();
    }

    /** The work has ended: the hook no longer waits for it, and a run that was not cancelled removes it. */
    @Override
    public void close() {
        workEnded.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs, or ran, and says the run was cancelled
        }
    }
}
