package org.mailpath.engine.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;

/** What the date tests of this package assert of a date text. */
final class LogDateAssertions {

    private LogDateAssertions() {
    }

    /** {@code dates} reads {@code text} as the instant {@code expected} (ISO-8601, as {@link Instant#parse}). */
    static void assertReads(LogDates dates, String text, String expected) {
        assertEquals(Optional.of(Instant.parse(expected)), dates.parse(text).map(ParsedDate::time));
    }

    static void assertReads(LogDates dates, String text, String expected, String message) {
        assertEquals(Optional.of(Instant.parse(expected)), dates.parse(text).map(ParsedDate::time), message);
    }
}
