package org.mailpath.report.io;

import org.mailpath.engine.common.CancelledException;

/**
 * The step after which work's output cannot be taken back (a report put in place, a command's standard output
 * begun). Passing it and the cancel exclude each other, whichever comes first wins: work that has passed it finishes
 * and ends as it would have without the cancel (the CLI's Ctrl-C and SIGTERM, the app's Cancel and window close); work
 * cancelled first puts none of its output out.
 */
@FunctionalInterface
public interface PointOfNoReturn {

    /** For work nothing cancels: nothing to race. */
    PointOfNoReturn NONE = () -> { };

    /**
     * Passes it: from here the work finishes. Called again, it does nothing.
     * @throws CancelledException when the work was cancelled first: the caller writes nothing more
     */
    void pass();
}
