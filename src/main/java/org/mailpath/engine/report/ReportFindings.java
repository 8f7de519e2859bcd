package org.mailpath.engine.report;

import java.util.List;
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

    /**
     * What a report says once about the domains whose checks this computer's network kept from being made: that
     * the checks say nothing about them and must be made again from a network where they work.
     */
    public static String notCheckedSentence(ReportTexts texts, List<String> domains) {
        return new ConclusionWriter(texts).aboutNames("conclusion.notChecked", domains);
    }
}
