package org.mailpath.ui.dnscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;

/** The findings list's lines: each domain named once, before its groups; each group's heading before its findings. */
class FindingLineTest {

    private static Finding finding(String code, Severity severity, String domain) {
        return new Finding(code, severity, domain, code + " of " + domain, List.of(), "", Actor.NOBODY);
    }

    @Test
    void eachDomainIsNamedOnceAndEachGroupHeadsItsFindings() {
        Finding a1 = finding("A1", Severity.ERROR, "a.example");
        Finding a2 = finding("A2", Severity.ERROR, "a.example");
        Finding a3 = finding("A3", Severity.WARNING, "a.example");
        Finding b1 = finding("B1", Severity.INFO, "b.example");
        FindingGroup aErrors = new FindingGroup("a.example", Severity.ERROR, "Errors", List.of(a1, a2));
        FindingGroup aWarnings = new FindingGroup("a.example", Severity.WARNING, "Warnings", List.of(a3));
        FindingGroup bNotes = new FindingGroup("b.example", Severity.INFO, "Notes", List.of(b1));

        assertEquals(List.of(new FindingLine.DomainHeading("a.example"), new FindingLine.SeverityHeading(aErrors),
                        new FindingLine.Entry(a1), new FindingLine.Entry(a2), new FindingLine.SeverityHeading(aWarnings),
                        new FindingLine.Entry(a3), new FindingLine.DomainHeading("b.example"),
                        new FindingLine.SeverityHeading(bNotes), new FindingLine.Entry(b1)),
                FindingLine.of(List.of(aErrors, aWarnings, bNotes)));
        assertEquals(List.of(), FindingLine.of(List.of()));
    }
}
