package org.mailpath.ui.common;

import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.Progress;

/** What a running {@link Job} can use: its stop signal, a progress sink and a way to reach the UI thread. */
public interface JobContext {

    Cancellation cancellation();

    /** Reports progress; bursts are coalesced so the UI thread sees only the latest value. */
    void progress(Progress progress);

    /** Runs {@code action} on the UI thread, unless the task was cancelled in the meantime. */
    void ui(Runnable action);

    /**
     * The job's point of no return (a report about to be put in place): from here a cancel no longer counts, the
     * job runs to its end and its listener hears that end, not {@code cancelled()}. The cancel neither sets the
     * {@link #cancellation()} nor interrupts the thread any more. Passing it and the cancel exclude each other;
     * called again, it does nothing.
     * @throws org.mailpath.engine.common.CancelledException when the task was cancelled first
     */
    void passPointOfNoReturn();
}
