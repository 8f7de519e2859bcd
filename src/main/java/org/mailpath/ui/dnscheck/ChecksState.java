package org.mailpath.ui.dnscheck;

/** The designed states of the DNS checks screen. */
public enum ChecksState {
    /** No domain to check yet. */
    EMPTY,
    /** Domains chosen; nothing run yet. */
    READY,
    RUNNING,
    /** Ran to the end, or was cancelled with partial results. */
    DONE,
    /** The run could not start or broke; the reason in words. */
    FAILED
}
