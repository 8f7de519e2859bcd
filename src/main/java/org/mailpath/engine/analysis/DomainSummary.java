package org.mailpath.engine.analysis;

/** Counts per recipient domain. */
public record DomainSummary(String domain, long messages, long delivered, long bounced, long deferred) {

    /** The messages of the domain Salesforce received and had not handed on within the log: the rest. */
    public long receivedOnly() {
        return messages - delivered - bounced - deferred;
    }
}
