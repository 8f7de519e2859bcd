package org.mailpath.engine.common;

import java.util.List;

/**
 * Which stretch of a long piece of work a {@link Progress} is of. Most work has one; where work must be done over (a
 * log read again), the second stretch is told apart, so that its progress can start over from none under its own
 * label rather than the bar jump back unexplained or the first stretch be shrunk to a half after the fact.
 */
public sealed interface ProgressPhase {

    /** The work's only, or first, stretch. */
    ProgressPhase FIRST = new First();

    /** The work's only, or first, stretch. */
    record First() implements ProgressPhase {
    }

    /**
     * The logs read again with their dates day first, because the dates of {@code files} (their labels, at least one)
     * showed day first only after their first rows had been analysed month first.
     */
    record ReadAgainDayFirst(List<String> files) implements ProgressPhase {

        public ReadAgainDayFirst {
            files = List.copyOf(files);
            if (files.isEmpty()) {
                throw new IllegalArgumentException("a second read names the files whose dates caused it");
            }
        }
    }

    /**
     * The logs read again, the dates of {@code files} (their labels, at least one) month first: none of their rows
     * could be used day first, as their first rows had decided, and some were rejected only for a date that reads
     * only month first.
     */
    record ReadAgainMonthFirst(List<String> files) implements ProgressPhase {

        public ReadAgainMonthFirst {
            files = List.copyOf(files);
            if (files.isEmpty()) {
                throw new IllegalArgumentException("a second read names the files whose dates caused it");
            }
        }
    }
}
