package org.mailpath.engine.report;

import java.util.List;
import java.util.Set;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.NotChecked;
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
        return NotChecked.is(f);
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
        return texts.aboutNames("conclusion.notChecked", domains);
    }

    /**
     * What a report says once about the domains of which only {@code checks} (named as
     * {@link org.mailpath.engine.check.ChecksNotMade} names them) could not be made: that those checks say nothing
     * about them and must be made again, and that the other checks were made.
     */
    public static String notCheckedPartSentence(ReportTexts texts, List<String> domains, Set<String> checks) {
        return texts.aboutNames("conclusion.notCheckedPart", domains, texts.checksPhrase(checks));
    }

    /** {@code checks} in words, as the report names them: "blocklist", "blocklist and MTA-STS". */
    public static String checksPhrase(ReportTexts texts, Set<String> checks) {
        return texts.checksPhrase(checks);
    }
}
