package org.mailpath.ui.dnscheck;

import java.util.ArrayList;
import java.util.List;
import org.mailpath.engine.finding.Finding;

/**
 * One line of the findings list as drawn: a domain's name, a severity's heading, or a finding. The list is flat so
 * that a virtualized list draws only the lines in sight (300 domains had 12,000 findings, drawn at once as cards).
 */
public sealed interface FindingLine {

    /** The name of the domain whose findings follow. */
    record DomainHeading(String domain) implements FindingLine { }

    /** A severity's heading over its findings, with how many there are. */
    record SeverityHeading(FindingGroup group) implements FindingLine { }

    /** One finding, under its heading. */
    record Entry(Finding finding) implements FindingLine { }

    /** The groups in order, each domain's name before its first group, each group's heading before its findings. */
    static List<FindingLine> of(List<FindingGroup> groups) {
        List<FindingLine> lines = new ArrayList<>();
        String lastDomain = null;
        for (FindingGroup g : groups) {
            if (!g.domain().equals(lastDomain)) {
                lines.add(new DomainHeading(g.domain()));
                lastDomain = g.domain();
            }
            lines.add(new SeverityHeading(g));
            g.findings().forEach(f -> lines.add(new Entry(f)));
        }
        return List.copyOf(lines);
    }
}
