package org.mailpath.engine.status;

/** Stable cause categories of a delivery failure (ids appear in JSON output; never rename). */
public enum Category {
    RECIPIENT, MAILBOX_FULL, ADDRESS_SYNTAX, DNS, NETWORK, TLS, AUTHENTICATION, REPUTATION,
    CONTENT_POLICY, SIZE, RATE_LIMIT, REMOTE_SERVER, UNKNOWN
}
