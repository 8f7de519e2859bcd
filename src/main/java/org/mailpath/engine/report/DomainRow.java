package org.mailpath.engine.report;

/**
 * Verdict counts of the included messages to one recipient domain. {@code copiesOfOneMessage}: they are, more than
 * one, the copies of one message to several recipients ({@link TitleBlock#copiesOfOneMessage}, for the domain's
 * messages); added last, and kept out of the JSON.
 */
public record DomainRow(String domain, long messages, long delivered, long bounced, long deferred,
                        long receivedOnly, boolean copiesOfOneMessage) {

    /** Counts of messages that are not the copies of one message. */
    public DomainRow(String domain, long messages, long delivered, long bounced, long deferred, long receivedOnly) {
        this(domain, messages, delivered, bounced, deferred, receivedOnly, false);
    }
}
