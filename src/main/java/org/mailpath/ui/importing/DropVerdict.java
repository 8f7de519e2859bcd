package org.mailpath.ui.importing;

/** What the window shows while files are dragged over it. */
public enum DropVerdict {
    NONE, ACCEPT, REFUSE
}
