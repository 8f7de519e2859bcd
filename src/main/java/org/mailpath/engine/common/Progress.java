package org.mailpath.engine.common;

/**
 * A progress report: {@code done} of {@code total} units (total 0 = unknown), with a short
 * machine-independent message (a file name, a domain, a check id) that the UI words, and, where the work counts
 * items of its own besides its units, how many so far ({@code items}; -1 = not counted): reading a log reports
 * bytes as units and data rows as items. Done and items count within the {@code phase}: a phase after the first
 * starts again from none ({@link ProgressPhase}).
 */
public record Progress(long done, long total, String message, long items, ProgressPhase phase) {

    public Progress {
        message = message == null ? "" : message;
        phase = phase == null ? ProgressPhase.FIRST : phase;
    }

    /** Progress of the first (or only) phase. */
    public Progress(long done, long total, String message, long items) {
        this(done, total, message, items, ProgressPhase.FIRST);
    }

    public Progress(long done, long total, String message) {
        this(done, total, message, -1);
    }

    /** Fraction done in [0, 1] of the phase, or -1 when the total is unknown. */
    public double fraction() {
        return total <= 0 ? -1 : Math.min(1.0, (double) done / total);
    }

    /** This progress, as of {@code phase}. */
    public Progress in(ProgressPhase phase) {
        return new Progress(done, total, message, items, phase);
    }
}
