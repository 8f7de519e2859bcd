package org.mailpath.cli;

import java.math.BigDecimal;
import java.time.Duration;

/** Seconds given on the command line (fractions allowed) as a {@link Duration}. */
final class Durations {

    /** The longest time limit accepted, one day. */
    static final double MAX_SECONDS = 86_400;

    private Durations() {
    }

    /**
     * {@code seconds} of the named option as a duration.
     * @throws IllegalArgumentException naming the option and the value when it is not above 0 and at most a day
     */
    static Duration seconds(String option, double seconds) {
        if (!(seconds > 0) || seconds > MAX_SECONDS) {
            throw new IllegalArgumentException(option + " must be more than 0 and at most 86400 seconds, not "
                    + plain(seconds));
        }
        return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
    }

    /** {@code 30} rather than {@code 30.0}, {@code 1000000000} rather than {@code 1.0E9}. */
    static String plain(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
                : String.valueOf(value);
    }
}
