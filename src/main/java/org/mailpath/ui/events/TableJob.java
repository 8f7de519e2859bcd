package org.mailpath.ui.events;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.mailpath.engine.address.MixedScripts;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.analysis.Verdict;
import org.mailpath.engine.report.LogEvidence;
import org.mailpath.ui.common.JobContext;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.VerdictWords;

/** The worker's job of the step: the table's rows, the chart over time and the log's evidence in one pass. */
final class TableJob {

    private final Messages messages;

    TableJob(Messages messages) {
        this.messages = messages;
    }

    TableAndChart run(LogAnalysis a, JobContext ctx) {
        List<MessageChain> chains = a.chains();
        List<MessageRow> built = new ArrayList<>(chains.size());
        Set<String> results = new LinkedHashSet<>();
        Set<String> causeTexts = new LinkedHashSet<>();
        TimeCounts chart = new TimeCounts(a, messages);
        LogEvidence.Gatherer gatherer = new LogEvidence.Gatherer();
        for (int i = 0; i < chains.size(); i++) {
            if ((i & 1023) == 0) {
                ctx.cancellation().throwIfCancelled();
            }
            // one pass: each chain is unpacked once for its row and its events in the chart
            MessageChain chain = chains.get(i);
            MessageRow row = row(chain);
            built.add(row);
            results.add(row.verdict());
            if (!row.cause().isEmpty()) {
                causeTexts.add(row.cause());
            }
            chart.add(chain);
            gatherer.add(chain);
        }
        // a second pass only for a log with Salesforce's Domain Lookup Failed: when its domain's servers answered
        LogEvidence evidence = gatherer.evidence(chains);
        return new TableAndChart(built, chart.buckets(), chart.axis(), List.copyOf(results),
                List.copyOf(causeTexts), evidence);
    }

    private MessageRow row(MessageChain c) {
        String cause = c.category().map(messages::category).orElse("");
        // shown, not searched or copied: a look-alike domain with its ASCII form beside it (раypal.com (xn--…))
        return new MessageRow(c, MixedScripts.shownAddress(c.recipient()), c.sender(), VerdictWords.of(c, messages),
                EventSigns.of(c), cause, c.verdict() == Verdict.DELIVERED);
    }
}
