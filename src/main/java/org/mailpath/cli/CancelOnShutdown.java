package org.mailpath.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.mailpath.engine.common.CancelOrFinish;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.CancelledException;
import org.mailpath.report.io.PointOfNoReturn;

/**
 * A command's shutdown hook for Ctrl-C and SIGTERM. The rule: a run is cancelled until it passes its {@link
 * PointOfNoReturn} (its report put in place, or its standard output begun, the output prepared whole in memory
 * before, so that it is written in one go, but for analyze's JSON, which is streamed), and finished from there.
 * <ul>
 * <li>A signal before that point cancels the work, waits for it to end ({@link #WAIT} at most) and says
 *     {@code mailpath: cancelled}; the exit code stays the JVM's for the signal (130 for Ctrl-C, 143 for SIGTERM), and
 *     the work writes no output and puts no report in place: the point refuses it.
 * <li>A signal after it waits for the run to end (as long) and ends the JVM with the run's own exit code, with no
 *     "cancelled": a script kept no complete result as cancelled, nor missed a report that was written. A run still
 *     writing when the wait runs out is cut off by the JVM's end: its output is not whole, and it says cancelled.
 * </ul>
 * Before, the point was a check of the cancel flag, and a signal just after it ended a run whose output was whole, or
 * whose report was in place, with "mailpath: cancelled" and 130. The JVM halts as soon as its hooks have run,
 * whatever the other threads are doing: the hook waits for the work, so that a report's temporary file is deleted
 * and something is said on stderr. Installed for one run ({@link #run}, as {@code analyze}, {@code check} and
 * {@code probe} do), or by {@link #install} until {@link #close()}.
 */
final class CancelOnShutdown implements AutoCloseable {

    /** {@link #WAIT} in seconds, a constant for the help text ({@link ExitCodeHelp#CANCELLED}). */
    static final int WAIT_SECONDS = 3;

    /** How long the hook waits for the work to stop: a report being laid out does not look at the cancel flag. */
    static final Duration WAIT = Duration.ofSeconds(WAIT_SECONDS);

    private final Cancellation cancellation;
    private final PrintWriter err;
    private final JvmShutdown jvm;
    /** The run's race with the signal: the hook's cancel against the run's point of no return (or its end). */
    private final CancelOrFinish race = new CancelOrFinish();
    private final CountDownLatch workEnded = new CountDownLatch(1);
    /** The run's exit code once it has finished; set before {@link #workEnded} opens. */
    private volatile OptionalInt finishedWith = OptionalInt.empty();
    private final Thread hook;

    CancelOnShutdown(Cancellation cancellation, PrintWriter err, JvmShutdown jvm, String name) {
        this.cancellation = cancellation;
        this.err = err;
        this.jvm = jvm;
        this.hook = new Thread(this::onShutdown, name);
    }

    /** Installs the hook for {@code cancellation}'s work, whose end the caller tells by {@link #close()}. */
    static CancelOnShutdown install(Cancellation cancellation, PrintWriter err, String name) {
        return install(cancellation, err, JvmShutdown.RUNTIME, name);
    }

    private static CancelOnShutdown install(Cancellation cancellation, PrintWriter err, JvmShutdown jvm, String name) {
        CancelOnShutdown c = new CancelOnShutdown(cancellation, err, jvm, name);
        jvm.addHook(c.hook);
        return c;
    }

    /** A command's work under the hook: its exit code, {@link CancelledException} once cancelled. */
    @FunctionalInterface
    interface Work<E extends Exception> {
        /** Passes {@code end} just before its output is put out (a run that never does, at its end). */
        int run(Cancellation cancellation, PointOfNoReturn end) throws E;
    }

    /**
     * Runs {@code work} with this hook installed for it ({@code jvm}'s), and its output to {@code out} too. Work
     * cancelled by the hook is {@link MailPathCommand#EXIT_CANCELLED}, said by the hook alone; a
     * {@link CancelledException} it did not cause goes on to the command line's handler. A run that ends with a code
     * has passed its point of no return by then, at the latest; whether its output reached {@code out} in full is
     * asked here, so that the code the hook may end the JVM with is the one the command line ends with.
     */
    static <E extends Exception> int run(JvmShutdown jvm, PrintWriter out, PrintWriter err, String name, Work<E> work)
            throws E {
        Cancellation cancellation = new Cancellation();
        CancelOnShutdown onSignal = install(cancellation, err, jvm, name);
        try (onSignal) {
            int code = work.run(cancellation, onSignal::passPointOfNoReturn);
            if (!onSignal.ended()) {
                return MailPathCommand.EXIT_CANCELLED; // the hook came first, and says so
            }
            int finished = MailPathCommand.withOutputChecked(code, out, err);
            onSignal.finishedWith = OptionalInt.of(finished);
            return finished;
        } catch (CancelledException e) {
            if (!onSignal.cancelled()) {
                throw e;
            }
            // by Ctrl-C or SIGTERM: the hook says so, once, and the JVM's exit code for the signal stays
            return MailPathCommand.EXIT_CANCELLED;
        }
    }

    /**
     * Whether the work was cancelled (by the hook, which says so on stderr; the work need not). Asked of the race
     * too: the hook decides it before it sets the cancel flag, and a run reaching its point in between got a CancelledException
     * that, asked of the flag alone, went on to the command line's handler, which said "cancelled" a second time.
     */
    boolean cancelled() {
        return race.cancelled() || cancellation.isCancelled();
    }

    /**
     * The run's point of no return: from here a signal no longer cancels it.
     * @throws CancelledException when it was cancelled first
     */
    void passPointOfNoReturn() {
        cancellation.throwIfCancelled();
        race.pass();
    }

    /** The run's end, its point of no return if it had not passed one: whether the hook had not come first. */
    private boolean ended() {
        return race.tryPass();
    }

    /** The hook's work: runs on the JVM's shutdown, before it halts. */
    void onShutdown() {
        if (race.cancel()) {
            cancellation.cancel();
            // the work cleans up as it stops (a report's temporary file is deleted); one still at work after the
            // wait is stopped by the halt, and a report's temporary file then deleted as the JVM exits
            workEnded();
            sayCancelled();
            return;
        }
        // past its point of no return: the output is being written, or is
        OptionalInt code = workEnded() ? finishedWith : OptionalInt.empty();
        if (code.isEmpty()) {
            // still writing (or it failed): the JVM's end cuts the output off, and a whole one is not there
            sayCancelled();
            return;
        }
        err.flush();
        jvm.halt(code.getAsInt());
    }

    /** Waits for the work to end, {@link JvmShutdown#workWait()} at most; whether it did. */
    private boolean workEnded() {
        try {
            return workEnded.await(jvm.workWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void sayCancelled() {
        err.println("mailpath: cancelled");
        err.flush();
    }

    /** The work has ended: the hook no longer waits for it, and a run that was not cancelled removes it. */
    @Override
    public void close() {
        workEnded.countDown();
        jvm.removeHook(hook);
    }
}
