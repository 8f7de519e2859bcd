package org.mailpath.engine.report;

import java.time.Instant;

/**
 * One log row of a message: {@code event} is the letter (R, D, T, P); {@code status} the exact reply line as
 * logged; {@code line} the physical line in the file; {@code tls} "cipher (verified)" or empty. {@code file} names
 * the file of {@code line} when several logs were analysed together, else it is empty.
 */
public record EventEntry(long line, Instant time, String event, boolean internalHandoff, String stage,
                         String relayHost, String relayAddress, String tls, String status, String file) {

    /** A row of a single log. */
    public EventEntry(long line, Instant time, String event, boolean internalHandoff, String stage, String relayHost,
                      String relayAddress, String tls, String status) {
        this(line, time, event, internalHandoff, stage, relayHost, relayAddress, tls, status, "");
    }
}
