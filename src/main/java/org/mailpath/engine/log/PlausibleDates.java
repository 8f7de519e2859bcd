package org.mailpath.engine.log;

import java.time.Instant;

/**
 * The dates a log's row may plausibly have: from 2000 to a day after it is read (a day for the time zones). A row
 * outside them is read as written with a warning ({@code repeated.DATE_RANGE}), and the analysis does not let it set
 * the log's end for its checks of messages Salesforce stopped retrying (an Email Log covers at most the last 30 days).
 */
public final class PlausibleDates {

    private static final Instant START = Instant.parse("2000-01-01T00:00:00Z");

    private PlausibleDates() {
    }

    /** The latest plausible date of a log read at {@code now}. */
    public static Instant end(Instant now) {
        return now.plusSeconds(86_400);
    }

    /** Whether {@code time} is plausible in a log whose latest plausible date is {@code end}. */
    public static boolean within(Instant time, Instant end) {
        return !time.isBefore(START) && !time.isAfter(end);
    }
}
