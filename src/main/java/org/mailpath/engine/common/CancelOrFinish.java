package org.mailpath.engine.common;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The race between a cancel and work's point of no return (a report put in place, a command's standard output
 * begun), decided once, by whichever comes first: work cancelled first puts none of its output out; work that passed
 * its point first finishes, and ends as it would have without the cancel, which no longer counts. The CLI's signal
 * hook and the app's task runners each wrote this rule out; it is here once so that they cannot drift apart.
 * The cancel and the pass may come from different threads at the same moment (the hook or the UI thread, the
 * worker): exactly one of them wins.
 */
public final class CancelOrFinish {

    /** Leaves OPEN once, and for good. */
    private enum Outcome { OPEN, CANCELLED, FINISHING }

    private final AtomicReference<Outcome> outcome = new AtomicReference<>(Outcome.OPEN);

    /**
     * The cancel: whether it decided the race (the work is cancelled from now on). False once the work passed its
     * point, and for a second cancel: the first one already said so, and did what a cancel does.
     */
    public boolean cancel() {
        return outcome.compareAndSet(Outcome.OPEN, Outcome.CANCELLED);
    }

    /**
     * Passes the point of no return: from here the work finishes. Called again, it does nothing.
     * @throws CancelledException when the cancel came first: the caller puts nothing more out
     */
    public void pass() {
        if (!tryPass()) {
            throw new CancelledException();
        }
    }

    /** Passes the point unless the cancel came first: whether the work finishes (passed now, or before). */
    public boolean tryPass() {
        return outcome.compareAndSet(Outcome.OPEN, Outcome.FINISHING) || outcome.get() == Outcome.FINISHING;
    }

    /** Whether the cancel came first. */
    public boolean cancelled() {
        return outcome.get() == Outcome.CANCELLED;
    }
}
