package org.mailpath.engine.analysis;

import java.util.List;
import org.mailpath.engine.log.LogColumn;

/**
 * The text fields of an event that repeat across many rows (same relay host, stage, cipher), pooled so that a
 * million-row log keeps one copy of each combination. The reply text is kept apart: it is often unique.
 */
record EventText(String remoteHost, String deliveryStage, String relayAddress, String relayHost, String tlsCipher,
                 String tlsVerified) {

    /** The log column of each field, in the fields' order (the order a chain stores them in). */
    static final List<LogColumn> COLUMNS = List.of(LogColumn.REMOTE_HOST, LogColumn.DELIVERY_STAGE,
            LogColumn.RELAY_ADDRESS, LogColumn.RELAY_HOST, LogColumn.TLS_CIPHER, LogColumn.TLS_VERIFIED);

    /** {@code values} in the order of {@link #COLUMNS}. */
    static EventText of(List<String> values) {
        return new EventText(values.get(0), values.get(1), values.get(2), values.get(3), values.get(4),
                values.get(5));
    }

    /** The fields in the order of {@link #COLUMNS}. */
    List<String> values() {
        return List.of(remoteHost, deliveryStage, relayAddress, relayHost, tlsCipher, tlsVerified);
    }

    /** The characters of all its texts: what keeping it costs the shared table. */
    int chars() {
        return remoteHost.length() + deliveryStage.length() + relayAddress.length() + relayHost.length()
                + tlsCipher.length() + tlsVerified.length();
    }
}
