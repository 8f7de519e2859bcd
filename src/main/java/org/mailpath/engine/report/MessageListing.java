package org.mailpath.engine.report;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Which of a report's messages are listed in full, with their events and raw rows, when a list limit leaves some
 * out ({@link ReportBuilder#listLimit}).
 */
final class MessageListing {

    /**
     * What the listed messages are chosen to show one of each, in turn ({@link #listed}): each outcome, each cause
     * (the category of a bounce or deferral), each reply of a cause (the diagnosis's rule), each recipient domain.
     */
    private static final List<Function<RankedChain, List<Object>>> REPRESENTED = List.of(
            k -> List.of(k.verdict()),
            k -> List.of(k.verdict(), k.category()),
            k -> List.of(k.verdict(), k.category(), k.rule()),
            k -> List.of(k.recipientDomain()));

    private MessageListing() {
    }

    /**
     * The places of the chains listed in full: every included one, or {@code listLimit} of them chosen so that a short
     * list still shows every kind of trouble. The most important messages alone were the earliest bounces (a
     * limit of 5 listed five bounces of two causes, no deferral, and left most domains' headings empty). So first one
     * message of each outcome (bounced, deferred, delivered, received only), then of each cause, then of each reply
     * of a cause, then of each recipient domain, each the most important of its kind (and, among those, one to a
     * domain not yet listed), the kinds in order of their most important message; then the most important of the
     * rest. The rule is said where the report says how many it lists ({@code intro.mailTeam.notListed}).
     */
    static BitSet listed(List<RankedChain> included, int listLimit) {
        BitSet listed = new BitSet();
        if (listLimit == 0 || included.size() <= listLimit) {
            included.forEach(k -> listed.set(k.index()));
            return listed;
        }
        List<RankedChain> byImportance = included.stream().sorted(RankedChain.IMPORTANCE).toList();
        Set<String> domainsListed = new HashSet<>();
        int count = 0;
        for (Function<RankedChain, List<Object>> kind : REPRESENTED) {
            Set<List<Object>> shown = new HashSet<>();
            byImportance.stream().filter(k -> listed.get(k.index())).forEach(k -> shown.add(kind.apply(k)));
            Map<List<Object>, List<RankedChain>> unshown = new LinkedHashMap<>();
            for (RankedChain k : byImportance) {
                if (!listed.get(k.index()) && !shown.contains(kind.apply(k))) {
                    unshown.computeIfAbsent(kind.apply(k), x -> new ArrayList<>()).add(k);
                }
            }
            for (List<RankedChain> group : unshown.values()) {
                if (count == listLimit) {
                    return listed;
                }
                RankedChain pick = group.stream().filter(k -> !domainsListed.contains(k.recipientDomain())).findFirst()
                        .orElse(group.getFirst());
                listed.set(pick.index());
                domainsListed.add(pick.recipientDomain());
                count++;
            }
        }
        for (RankedChain k : byImportance) {
            if (count == listLimit) {
                break;
            }
            if (!listed.get(k.index())) {
                listed.set(k.index());
                count++;
            }
        }
        return listed;
    }
}
