package org.mailpath.ui.importing;

/** The designed states of the Import screen. */
public enum ImportState {
    /** Nothing opened yet: the drop zone invites a file. */
    EMPTY,
    /** A log is being read: progress and Cancel. */
    LOADING,
    /** The log could not be used: what went wrong, in words, and how to go on. */
    FAILED,
    /** Read: the summary and any file problems. */
    DONE
}
