package org.mailpath.engine.analysis;

/**
 * The text fields of an event that repeat across many rows (same relay host, stage, cipher), pooled so that a
 * million-row log keeps one copy of each combination. The reply text is kept apart: it is often unique.
 */
record EventText(String remoteHost, String deliveryStage, String relayAddress, String relayHost, String tlsCipher,
                 String tlsVerified) {

    /** The characters of all its texts: what keeping it costs the shared table. */
    int chars() {
        return remoteHost.length() + deliveryStage.length() + relayAddress.length() + relayHost.length()
                + tlsCipher.length() + tlsVerified.length();
    }
}
