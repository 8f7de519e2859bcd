package org.mailpath.ui.events;

/**
 * One summary card: which filter it stands for, its words, the count and its share of all messages, and a line
 * under them (empty when none): the Delivered card's "of which 6 after retry", which is part of its count, not a
 * card of its own, so the cards add up to all messages.
 */
public record SummaryCard(VerdictFilter filter, String title, long count, String percent, String note) {
}
