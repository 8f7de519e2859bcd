package org.mailpath.engine.log;

import java.time.Instant;

/**
 * One accepted data row of an Email Log. {@code line} is the 1-based physical line where the record starts.
 * Empty cells are empty strings; unparseable numbers are 0 (and reported as a warning).
 */
public record LogRow(long line, Instant time, MailEvent event, String internalMessageId, String recipient,
                     String sender, String remoteHost, long bytes, String userId, String messageIdHeader,
                     int retryCount, long secondsInQueue, String deliveryStage, String relayAddress,
                     String relayHost, String deliveryStatus, String tlsCipher, String tlsVerified) {
}
