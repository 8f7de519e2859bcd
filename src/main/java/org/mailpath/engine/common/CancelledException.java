package org.mailpath.engine.common;

/** Thrown by engine work that stopped because its {@link Cancellation} was cancelled. */
public final class CancelledException extends RuntimeException {
    public CancelledException() {
        super("cancelled", null, false, false);
    }
}
