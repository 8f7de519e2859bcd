package org.mailpath.ui.dnscheck;

import java.util.List;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;

/** The life of one check row: pending, running, then its outcome. */
public enum CheckState {
    PENDING, RUNNING, OK, WARNING, ERROR, CANCELLED;

    /** The outcome of a finished check: its worst finding (no finding at all means it passed). */
    public static CheckState of(List<Finding> findings) {
        Severity worst = findings.stream().map(Finding::severity).min(Enum::compareTo).orElse(Severity.OK);
        return switch (worst) {
            case ERROR -> ERROR;
            case WARNING -> WARNING;
            case INFO, OK -> OK;
        };
    }

    public boolean finished() {
        return this == OK || this == WARNING || this == ERROR;
    }
}
