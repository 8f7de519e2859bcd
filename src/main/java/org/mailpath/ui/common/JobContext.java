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
}
