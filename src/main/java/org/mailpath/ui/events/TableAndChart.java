package org.mailpath.ui.events;

import java.util.List;
import org.mailpath.engine.report.LogEvidence;

/** The message table's rows, the chart's buckets and the log's evidence, made together on a worker by TableJob. */
record TableAndChart(List<MessageRow> rows, List<TimeBucket> buckets, TimeAxis axis, List<String> resultTexts,
                     List<String> causeTexts, LogEvidence evidence) {
}
