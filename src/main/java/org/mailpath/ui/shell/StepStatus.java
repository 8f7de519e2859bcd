package org.mailpath.ui.shell;

/** How a step shows in the step indicator. */
public enum StepStatus {
    /** The step on screen. */
    CURRENT,
    /** Visited and its work done: reachable again with one click. */
    DONE,
    /**
     * Visited and its work run to the end, but most of it could not be made from this computer's network (the DNS
     * checks where DNS answers nothing): a tick would read as all well, though the work found out next to nothing.
     */
    NOT_CHECKED,
    /**
     * Visited, its work begun and stopped part way with what finished kept (the DNS checks cancelled or failed, even
     * before any of them ended): the report holds what finished of it, if anything, and the last step says how much, so
     * it is neither done nor skipped.
     */
    PARTLY_DONE,
    /**
     * Gone past without its work done (never opened, or left before it ran): allowed, yet it must not look done, for
     * the report then has nothing from it.
     */
    SKIPPED,
    /** Reachable (every step before it is complete) but not visited yet. */
    AVAILABLE,
    /** Not reachable until an earlier step is complete. */
    LOCKED
}
