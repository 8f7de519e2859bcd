package org.mailpath.ui.events;

import java.util.ArrayList;
import java.util.List;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.Verdict;
import org.mailpath.report.ReportWording;
import org.mailpath.ui.common.Formats;
import org.mailpath.ui.common.Messages;

/** The step's summary cards of a log: one per verdict, with its count and its share of every message. */
final class SummaryCards {

    private SummaryCards() {
    }

    static List<SummaryCard> of(LogAnalysis a, Messages messages) {
        // the four verdicts share out every message; the report's rule for their shares, so app and report agree
        List<VerdictFilter> verdicts = List.of(VerdictFilter.DELIVERED, VerdictFilter.BOUNCED, VerdictFilter.DEFERRED,
                VerdictFilter.RECEIVED_ONLY);
        long[] counts = {a.count(Verdict.DELIVERED), a.count(Verdict.BOUNCED), a.count(Verdict.DEFERRED),
                a.count(Verdict.RECEIVED_ONLY)};
        long[] shares = ReportWording.percentages(counts);
        List<SummaryCard> built = new ArrayList<>();
        for (int i = 0; i < verdicts.size(); i++) {
            String note = verdicts.get(i) == VerdictFilter.DELIVERED && a.deliveredAfterRetry() > 0
                    ? messages.format("events.card.afterRetry", a.deliveredAfterRetry()) : "";
            built.add(new SummaryCard(verdicts.get(i), messages.get("events.card." + verdicts.get(i).name()), counts[i],
                    Formats.percent(shares[i], messages.locale()), note));
        }
        return built;
    }
}
