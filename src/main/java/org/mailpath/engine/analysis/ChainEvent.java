package org.mailpath.engine.analysis;

import java.time.Instant;
import org.mailpath.engine.log.MailEvent;

/**
 * One row of a message chain, reduced to what the diagnosis and the timeline need.
 * Empty strings stand for empty cells. {@code line} is the physical line in the file, so the raw row
 * can be read again for a report appendix without keeping every row in memory. {@code file} is the index of the file
 * the row is in, among the logs analysed together ({@link LogAnalysis#files}; 0 for a single log).
 * {@code fileLacksTlsColumn}: that file has no TLS_Cipher column (an older export), so {@link #internalHandoff} is
 * told by the Relay Address there.
 */
public record ChainEvent(long line, Instant time, MailEvent event, String remoteHost, long bytes,
                         int retryCount, long secondsInQueue, String deliveryStage, String relayAddress,
                         String relayHost, String status, String tlsCipher, String tlsVerified, int file,
                         boolean fileLacksTlsColumn) {

    /** An event of the first (or only) file, which has the TLS_Cipher column. */
    public ChainEvent(long line, Instant time, MailEvent event, String remoteHost, long bytes, int retryCount,
                      long secondsInQueue, String deliveryStage, String relayAddress, String relayHost, String status,
                      String tlsCipher, String tlsVerified) {
        this(line, time, event, remoteHost, bytes, retryCount, secondsInQueue, deliveryStage, relayAddress,
                relayHost, status, tlsCipher, tlsVerified, 0, false);
    }

    /**
     * A hand-off between Salesforce mail servers, not a delivery: a D whose TLS_Cipher is {@code None}, or, in a file
     * without that column, a D to a Relay Address that is not public ({@link InternalHandoff}).
     */
    public boolean internalHandoff() {
        return event == MailEvent.DELIVERED && InternalHandoff.of(tlsCipher, relayAddress, fileLacksTlsColumn);
    }
}
