package org.mailpath.engine.analysis;

import java.time.Instant;
import org.mailpath.engine.log.MailEvent;

/**
 * One row of a message chain, reduced to what the diagnosis and the timeline need.
 * Empty strings stand for empty cells. {@code line} is the physical line in the file, so the raw row
 * can be read again for a report appendix without keeping every row in memory.
 */
public record ChainEvent(long line, Instant time, MailEvent event, String remoteHost, long bytes,
                         int retryCount, long secondsInQueue, String deliveryStage, String relayAddress,
                         String relayHost, String status, String tlsCipher, String tlsVerified) {

    /** A D whose TLS_Cipher is {@code None}: a hand-off between Salesforce mail servers, not a delivery. */
    public boolean internalHandoff() {
        return event == MailEvent.DELIVERED && "None".equalsIgnoreCase(tlsCipher.strip());
    }
}
