package org.mailpath.ui.shell;

/** How a step shows in the step indicator. */
public enum StepStatus {
    /** The step on screen. */
    CURRENT,
    /** Visited and complete: reachable again with one click. */
    DONE,
    /** Reachable (every step before it is complete) but not visited yet. */
    AVAILABLE,
    /** Not reachable until an earlier step is complete. */
    LOCKED
}
