package org.mailpath.cli;

import java.time.Duration;

/**
 * The JVM's shutdown as a run's {@link CancelOnShutdown} hook meets it: where the hook is installed, how long it waits
 * for the work, and how the JVM ends with a finished run's own exit code. A test stands in for it, to run the hook
 * (the signal) at the point it means, and to see the code the JVM would end with, without ending its own JVM.
 */
interface JvmShutdown {

    /** The JVM's own. */
    JvmShutdown RUNTIME = new JvmShutdown() {
        @Override
        public void addHook(Thread hook) {
            Runtime.getRuntime().addShutdownHook(hook);
        }

        @Override
        public void removeHook(Thread hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook runs, or ran, and decides how the run ends
            }
        }

        @Override
        public void halt(int status) {
            // the only way to an exit code other than the signal's once a signal began the shutdown: System.exit
            // would wait for this hook, and so for ever
            Runtime.getRuntime().halt(status);
        }
    };

    void addHook(Thread hook);

    /** Removes the hook, if the shutdown has not begun (then it runs, or ran). */
    void removeHook(Thread hook);

    /** Ends the JVM at once with {@code status}, from the hook. */
    void halt(int status);

    /** How long the hook waits for the work to stop, or to finish its output. */
    default Duration workWait() {
        return CancelOnShutdown.WAIT;
    }
}
