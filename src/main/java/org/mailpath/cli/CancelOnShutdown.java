package org.mailpath.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.CancelledException;

/**
 * A command's shutdown hook for Ctrl-C and SIGTERM: cancels the work, waits for it to end ({@link #WAIT} at most) and
 * says {@code mailpath: cancelled}. The JVM halts as soon as its hooks have run, whatever the other threads are
 * doing: a hook that only set the cancel flag ended the run before the work saw it, in the middle of writing a report,
 * whose hidden temporary file stayed beside it, and without a word on stderr. The exit code stays the JVM's for the
 * signal (130 for Ctrl-C, 143 for SIGTERM). Installed for one run: {@link #close()} when the work has ended, or
 * the run as a whole by {@link #run}, as {@code analyze}, {@code check} and {@code probe} do.
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

    /** A command's work under the hook: its exit code, {@link CancelledException} once cancelled. */
    @FunctionalInterface
    interface Work<E extends Exception> {
        int run(Cancellation cancellation) throws E;
    }

    /**
     * Runs {@code work} with this hook installed for it, and its output too: the hook waits while output is written,
     * so what reaches stdout is either nothing or the whole of it, and the work writes none once cancelled (it
     * checks the flag before it writes). Work cancelled by the hook is {@link MailPathCommand#EXIT_CANCELLED}, said
     * by the hook alone; a {@link CancelledException} it did not cause goes on to the command line's handler.
     */
    static <E extends Exception> int run(PrintWriter err, String name, Work<E> work) throws E {
        Cancellation cancellation = new Cancellation();
        CancelOnShutdown onSignal = install(cancellation, err, name);
        try (onSignal) {
            return work.run(cancellation);
        } catch (CancelledException e) {
            if (!onSignal.cancelled()) {
                throw e;
            }
            // by Ctrl-C or SIGTERM: the hook says so, once, and the JVM's exit code for the signal stays
            return MailPathCommand.EXIT_CANCELLED;
        }
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
