package org.mailpath.engine.smtp;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs an action (closing the socket) when a deadline passes before the guarded step ends. Socket timeouts
 * bound each read, but a server that trickles one byte a second, or a TLS handshake that never finishes, only
 * stops when the socket is closed under it.
 */
final class Watchdog {

    private final Runnable onExpiry;
    private volatile boolean fired;

    Watchdog(Runnable onExpiry) {
        this.onExpiry = onExpiry;
    }

    /** True once any guard has expired (the socket is closed then). */
    boolean fired() {
        return fired;
    }

    /** Guards the step until the returned handle is closed; expires at {@code deadlineNanos} (System.nanoTime). */
    Guard arm(long deadlineNanos) {
        AtomicBoolean done = new AtomicBoolean();
        Thread timer = Thread.ofVirtual().name("smtp-probe-deadline").start(() -> {
            try {
                long wait = deadlineNanos - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(Duration.ofNanos(wait));
                }
            } catch (InterruptedException e) {
                return;
            }
            if (done.compareAndSet(false, true)) {
                fired = true;
                onExpiry.run();
            }
        });
        return () -> {
            if (done.compareAndSet(false, true)) {
                timer.interrupt();
            }
        };
    }

    /** An armed deadline; closing it disarms it. */
    interface Guard extends AutoCloseable {
        @Override
        void close();
    }
}
