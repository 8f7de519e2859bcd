package org.mailpath.engine.report;

/** Verdict counts of the included messages to one recipient domain. */
public record DomainRow(String domain, long messages, long delivered, long bounced, long deferred,
                        long receivedOnly) {
}
