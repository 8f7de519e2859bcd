package org.mailpath.engine.log;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * One accepted data row of an Email Log. {@code line} is the 1-based physical line where the record starts.
 * Empty cells are empty strings; unparseable numbers are 0 (and reported as a warning). {@code time} lies between
 * {@link #EARLIEST} and {@link #LATEST}: the reader rejects a row dated outside them.
 */
public record LogRow(long line, Instant time, MailEvent event, String internalMessageId, String recipient,
                     String sender, String remoteHost, long bytes, String userId, String messageIdHeader,
                     int retryCount, long secondsInQueue, String deliveryStage, String relayAddress,
                     String relayHost, String deliveryStatus, String tlsCipher, String tlsVerified) {

    /**
     * The earliest and latest time a row may have. The analysis keeps a million rows' times in little memory, as
     * seconds since 2000 in an int (1931-12-13 to 2068-01-19); these whole years inside that span are what it can
     * keep as written. An Email Log covers at most the last 30 days, so a date outside them is a damaged cell, not
     * mail: the reader rejects its row rather than have the analysis change the date.
     */
    public static final Instant EARLIEST = Instant.parse("1932-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("2067-12-31T23:59:59Z");
    /** The years of {@link #EARLIEST} and {@link #LATEST}, as the reader's refusal of a row outside them says them. */
    public static final int EARLIEST_YEAR = EARLIEST.atZone(ZoneOffset.UTC).getYear();
    public static final int LATEST_YEAR = LATEST.atZone(ZoneOffset.UTC).getYear();

    public LogRow {
        if (!keeps(time)) {
            throw new IllegalArgumentException("time " + time + " outside " + EARLIEST + " to " + LATEST);
        }
    }

    /** Whether a row may have {@code time}: it lies from {@link #EARLIEST} to {@link #LATEST}, both included. */
    public static boolean keeps(Instant time) {
        return !time.isBefore(EARLIEST) && !time.isAfter(LATEST);
    }
}
