package org.mailpath.cli;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The JVM's shutdown as a test stands in for it: a run's hook is kept, not installed, for the test to run where it
 * means the signal to come ({@link #signal}), on its own thread as the JVM runs it; the code the hook would end the
 * JVM with is noted ({@link #halts}), this JVM goes on. The hook waits a minute for the work unless told otherwise, a
 * guard only.
 */
final class SignalInTest implements JvmShutdown {

    private final Duration wait;
    private volatile Thread hook;
    private final List<Integer> halts = new CopyOnWriteArrayList<>();

    SignalInTest() {
        this(Duration.ofMinutes(1));
    }

    /** The hook waits {@code wait} for the work. */
    SignalInTest(Duration wait) {
        this.wait = wait;
    }

    @Override
    public void addHook(Thread hook) {
        this.hook = hook;
    }

    @Override
    public void removeHook(Thread hook) {
        // kept: the test decides whether the signal comes
    }

    @Override
    public void halt(int status) {
        halts.add(status);
    }

    @Override
    public Duration workWait() {
        return wait;
    }

    /** Ctrl-C or SIGTERM now: the run's hook starts on its own thread, which is returned to be joined. */
    Thread signal() {
        Thread h = hook;
        h.start();
        return h;
    }

    /** Waits until the hook waits for the work: it has decided between cancelling and finishing. */
    void untilTheHookWaits() {
        Thread h = hook;
        while (h.getState() != Thread.State.TIMED_WAITING && h.getState() != Thread.State.TERMINATED) {
            Thread.onSpinWait();
        }
    }

    /** The codes the hook ended the JVM with: none when it let the signal's stand (a cancelled run). */
    List<Integer> halts() {
        return List.copyOf(halts);
    }
}
