package org.mailpath.ui.dnscheck;

import java.util.Comparator;
import java.util.List;
import org.mailpath.engine.finding.Finding;
import org.mailpath.ui.common.Messages;

/** Findings in words: a row's one line, and the plain text the step copies. */
final class FindingText {

    private final Messages messages;

    FindingText(Messages messages) {
        this.messages = messages;
    }

    /** A check's row: its worst finding's message, or that it found no problem. */
    String rowSummary(List<Finding> findings) {
        return findings.stream().min(Comparator.comparing(Finding::severity)).map(f -> f.message(messages.locale()))
                .orElse(messages.get("dns.row.ok"));
    }

    /** One finding as plain text: what, where, the evidence, what to do and who. */
    String of(Finding f) {
        StringBuilder sb = new StringBuilder();
        sb.append('[').append(f.severity()).append("] ").append(f.code()).append(" — ").append(f.subject()).append('\n');
        sb.append(f.message(messages.locale())).append('\n');
        f.evidence().forEach(e -> sb.append("    ").append(e).append('\n'));
        String remediation = f.remediation(messages.locale());
        if (!remediation.isEmpty()) {
            sb.append(messages.get("dns.finding.todo")).append(": ").append(remediation).append('\n');
        }
        sb.append(messages.format("events.detail.actor", messages.get("actor." + f.actor().name()))).append('\n');
        return sb.toString();
    }

    /** Every group under a heading of its domain and title, each finding as {@link #of}. */
    String all(List<FindingGroup> groups) {
        StringBuilder sb = new StringBuilder();
        for (FindingGroup g : groups) {
            sb.append("== ").append(g.domain()).append(" — ").append(g.title()).append('\n');
            g.findings().forEach(f -> sb.append(of(f)).append('\n'));
        }
        return sb.toString();
    }
}
