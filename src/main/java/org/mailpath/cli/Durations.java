package org.mailpath.cli;

import java.time.Duration;

/** Seconds given on the command line (fractions allowed) as a {@link Duration}. */
final class Durations {

    private Durations() {
    }

    static Duration seconds(double seconds) {
        if (!(seconds > 0) || seconds > 86_400) {
            throw new IllegalArgumentException("a time limit must be between 0 and 86400 seconds, not " + seconds);
        }
        return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
    }
}
