package org.mailpath.engine.common;

/**
 * A progress report: {@code done} of {@code total} units (total 0 = unknown), with a short
 * machine-independent message (a file name, a domain, a check id); the UI words it.
 */
public record Progress(long done, long total, String message) {

    public Progress {
        message = message == null ? "" : message;
    }

    /** Fraction done in [0, 1], or -1 when the total is unknown. */
    public double fraction() {
        return total <= 0 ? -1 : Math.min(1.0, (double) done / total);
    }
}
