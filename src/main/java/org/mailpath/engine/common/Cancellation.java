package org.mailpath.engine.common;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A cancellation signal passed into long-running engine work. Work polls {@link #throwIfCancelled()}
 * between steps; blocking I/O registers an {@link #onCancel(Runnable)} hook (e.g. closing a socket) so
 * that cancelling interrupts it promptly.
 */
public final class Cancellation {

    private volatile boolean cancelled;
    private final List<Runnable> hooks = new CopyOnWriteArrayList<>();

    /** A signal that nobody will ever cancel. */
    public static Cancellation none() {
        return new Cancellation();
    }

    public void cancel() {
        if (cancelled) {
            return;
        }
        cancelled = true;
        for (Runnable hook : hooks) {
            try {
                hook.run();
            } catch (RuntimeException e) {
                System.getLogger(Cancellation.class.getName())
                        .log(System.Logger.Level.DEBUG, "cancel hook failed", e);
            }
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public void throwIfCancelled() {
        if (cancelled) {
            throw new CancelledException();
        }
    }

    /**
     * Runs {@code hook} when cancelled (at once if already cancelled).
     *
     * @return a handle that unregisters the hook; close it when the guarded I/O is done
     */
    public AutoCloseable onCancel(Runnable hook) {
        hooks.add(hook);
        if (cancelled) {
            hook.run();
        }
        return () -> hooks.remove(hook);
    }
}
