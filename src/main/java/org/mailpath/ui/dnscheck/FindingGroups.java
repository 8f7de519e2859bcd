package org.mailpath.ui.dnscheck;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.mailpath.engine.address.IdnaNames;
import org.mailpath.engine.check.DomainCheckResult;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.engine.report.ReportFindings;
import org.mailpath.ui.common.Messages;

/**
 * The findings list of a run, grouped by domain and severity, and the one order of the domains it shares with the
 * table: problems first.
 */
final class FindingGroups {

    private FindingGroups() {
    }

    /**
     * The domains with errors, then those with warnings, then those with checks not made, before the rest; each
     * domain's rows stay together and in their order (its mail servers' rows after its DNS checks).
     */
    static void problemsFirst(ObservableList<CheckRow> rows) {
        Map<String, Integer> rank = domainRanks(rows);
        // List.sort is stable: within a rank, the domains and their rows keep their order
        FXCollections.sort(rows, Comparator.comparingInt(r -> rank.get(IdnaNames.lookupName(r.domain()))));
    }

    /** The groups of {@code results}' findings, in the table's order ({@link #problemsFirst(List, List)}). */
    static List<FindingGroup> of(List<DomainCheckResult> results, List<CheckRow> rows, Messages messages) {
        return problemsFirst(group(results, messages), rows);
    }

    /**
     * Each domain of the table (its lookup name) by its worst row: 0 with errors, 1 with warnings, 2 with checks not
     * made, 3 for the rest. The one ranking of the table and the findings, so the two list the domains alike.
     */
    private static Map<String, Integer> domainRanks(List<CheckRow> rows) {
        Map<String, Integer> rank = new HashMap<>();
        for (CheckRow r : rows) {
            int worst = switch (r.state()) {
                case ERROR -> 0;
                case WARNING -> 1;
                case NOT_CHECKED -> 2;
                default -> 3;
            };
            rank.merge(IdnaNames.lookupName(r.domain()), worst, Math::min);
        }
        return rank;
    }

    /**
     * The findings in the table's order ({@link #problemsFirst(ObservableList)}): its domains by their rows' ranking
     * ({@link #domainRanks}), a domain with findings but no row (none in practice) by its findings' severity.
     */
    private static List<FindingGroup> problemsFirst(List<FindingGroup> found, List<CheckRow> rows) {
        Map<String, Integer> rank = domainRanks(rows);
        Map<String, Integer> byFindings = new HashMap<>();
        for (FindingGroup g : found) {
            int worst = g.severity() == Severity.ERROR ? 0 : g.severity() == Severity.WARNING ? 1
                    : g.findings().stream().anyMatch(ReportFindings::notChecked) ? 2 : 3;
            byFindings.merge(IdnaNames.lookupName(g.domain()), worst, Math::min);
        }
        byFindings.forEach(rank::putIfAbsent);
        List<FindingGroup> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt(g -> rank.get(IdnaNames.lookupName(g.domain()))));
        return sorted;
    }

    private static List<FindingGroup> group(List<DomainCheckResult> results, Messages messages) {
        List<FindingGroup> out = new ArrayList<>();
        for (DomainCheckResult r : results) {
            // a check this computer's network kept from being made says nothing about the domain: not a warning
            // about it, but "Not checked", as its row in the table and the report say
            Map<Boolean, List<Finding>> byNotChecked = r.findings().stream()
                    .collect(Collectors.partitioningBy(ReportFindings::notChecked));
            Map<Severity, List<Finding>> bySeverity = byNotChecked.get(false).stream()
                    .collect(Collectors.groupingBy(Finding::severity, () -> new EnumMap<>(Severity.class),
                            Collectors.toList()));
            bySeverity.forEach((severity, findings) -> out.add(new FindingGroup(r.domain(), severity,
                    messages.get("dns.severity." + severity.name()), findings)));
            List<Finding> notChecked = List.copyOf(byNotChecked.get(true));
            if (!notChecked.isEmpty()) {
                out.add(new FindingGroup(r.domain(), Severity.INFO, messages.get("dns.state.NOT_CHECKED"),
                        notChecked));
            }
        }
        return out;
    }
}
