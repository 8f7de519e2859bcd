package org.mailpath.ui.events;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.status.Category;
import org.mailpath.ui.common.Messages;

/** The causes of a log's bounces and deferrals: each cause's counts, most frequent first, and the chart's bars. */
final class CauseCounts {

    /** Bars of single causes in the chart; beyond them one bar gathers the rest (a sixth cause gets its own bar). */
    static final int CAUSE_BARS = 5;

    private final Messages messages;

    CauseCounts(Messages messages) {
        this.messages = messages;
    }

    List<CauseCount> causes(LogAnalysis a) {
        Map<Category, long[]> map = new EnumMap<>(Category.class);
        a.bounceCategories().forEach((c, n) -> map.computeIfAbsent(c, k -> new long[2])[0] += n);
        a.deferralCategories().forEach((c, n) -> map.computeIfAbsent(c, k -> new long[2])[1] += n);
        return map.entrySet().stream()
                .map(e -> new CauseCount(e.getKey(), messages.category(e.getKey()), e.getValue()[0], e.getValue()[1]))
                .filter(c -> c.total() > 0)
                .sorted(Comparator.comparingLong(CauseCount::total).reversed())
                .toList();
    }

    List<CauseBar> bars(List<CauseCount> all) {
        List<CauseBar> bars = new ArrayList<>();
        int single = all.size() <= CAUSE_BARS + 1 ? all.size() : CAUSE_BARS;
        for (CauseCount c : all.subList(0, single)) {
            bars.add(new CauseBar(c.label(), c.bounced(), c.deferred(), List.of(c), countsText(c.label(), c.bounced(),
                    c.deferred())));
        }
        if (single < all.size()) {
            List<CauseCount> rest = all.subList(single, all.size());
            String label = messages.format("events.causes.other", rest.size());
            long bounced = rest.stream().mapToLong(CauseCount::bounced).sum();
            long deferred = rest.stream().mapToLong(CauseCount::deferred).sum();
            StringBuilder text = new StringBuilder(countsText(label, bounced, deferred));
            rest.forEach(c -> text.append('\n').append(countsText(c.label(), c.bounced(), c.deferred())));
            bars.add(new CauseBar(label, bounced, deferred, rest, text.toString()));
        }
        return bars;
    }

    private String countsText(String label, long bounced, long deferred) {
        return label + ": " + messages.get("events.causes.bounced") + " " + bounced + ", "
                + messages.get("events.causes.deferred") + " " + deferred;
    }
}
