package org.mailpath.engine.report;

import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;

/** How a report counts a finding: a problem of its subject, or a check this computer could not make. */
public final class ReportFindings {

    private ReportFindings() {
    }

    /**
     * A check this computer's network kept from being made (its resolver failed, port 25 is blocked…): it says
     * nothing about its subject, whatever its severity.
     */
    public static boolean notChecked(Finding f) {
        return f.actor() == Actor.LOCAL_NETWORK && f.severity() != Severity.OK;
    }

    /** A problem the checks found about the subject itself (ERROR or WARNING, not one of this computer's). */
    public static boolean problem(Finding f) {
        return !notChecked(f) && (f.severity() == Severity.ERROR || f.severity() == Severity.WARNING);
    }
}
