package org.mailpath.ui.events;

/** One summary card: which filter it stands for, its words, the count and its share of all messages. */
public record SummaryCard(VerdictFilter filter, String title, long count, String percent) {
}
