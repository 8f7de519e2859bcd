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
     * The logs read again, their dates day first if {@code dayFirst}, else month first, because of the dates of
     * {@code files} (their labels, at least one). Day first: they showed day first only after their first rows had
     * been analysed month first (or none of their rows could be used month first). Month first: none of their rows
     * could be used day first, as their first rows had decided, and some were rejected only for a date that reads only
     * month first. One variant for both: they differ only in the order, which the one who waits is told.
     */
    record ReadAgain(boolean dayFirst, List<String> files) implements ProgressPhase {

        public ReadAgain {
            files = List.copyOf(files);
            if (files.isEmpty()) {
                throw new IllegalArgumentException("a second read names the files whose dates caused it");
            }
        }
    }
}
