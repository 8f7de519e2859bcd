package org.mailpath.ui.dnscheck;

import java.util.List;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.engine.report.ReportFindings;

/**
 * The life of one check row: pending, running, then its outcome; or, left unfinished, cancelled (by the user) or
 * stopped (the run stopped on an error no one asked for: "Cancelled" there wrongly said the user stopped it).
 */
public enum CheckState {
    PENDING, RUNNING, OK, NOTE, NOT_CHECKED, WARNING, ERROR, CANCELLED, STOPPED;

    /**
     * The outcome of a finished check, from its findings (none at all means it passed): a problem of the domain
     * first; else not checked when this computer's network kept part of it from being made (as the report marks
     * it); else a note when it found nothing that passed, only notes ("no DKIM selector given", "not signed with
     * DNSSEC"), which an OK would wrongly call a pass; else OK.
     */
    public static CheckState of(List<Finding> findings) {
        Severity worst = findings.stream().filter(f -> !ReportFindings.notChecked(f)).map(Finding::severity)
                .min(Enum::compareTo).orElse(Severity.OK);
        if (worst == Severity.ERROR) {
            return ERROR;
        }
        if (worst == Severity.WARNING) {
            return WARNING;
        }
        if (findings.stream().anyMatch(ReportFindings::notChecked)) {
            return NOT_CHECKED;
        }
        boolean passed = findings.isEmpty() || findings.stream().anyMatch(f -> f.severity() == Severity.OK);
        return passed ? OK : NOTE;
    }

    public boolean finished() {
        return this == OK || this == NOTE || this == NOT_CHECKED || this == WARNING || this == ERROR;
    }
}
