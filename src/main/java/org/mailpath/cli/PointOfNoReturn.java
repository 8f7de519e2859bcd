package org.mailpath.cli;

import org.mailpath.engine.common.CancelledException;

/**
 * The step after which a run's output cannot be taken back (a report put in place, standard output begun): a run
 * that has passed it finishes, and ends with its own exit code even when Ctrl-C or SIGTERM comes after
 * ({@link CancelOnShutdown}); one cancelled first puts none of its output out.
 */
@FunctionalInterface
interface PointOfNoReturn {

    /** For work without a shutdown hook: nothing to race. */
    PointOfNoReturn NONE = () -> { };

    /**
     * Passes it: from here the run finishes. Called again, it does nothing.
     * @throws CancelledException when the run was cancelled first: the caller writes nothing more
     */
    void pass();
}
