package org.mailpath.engine.analysis;

/** Counts per recipient domain. */
public record DomainSummary(String domain, long messages, long delivered, long bounced, long deferred) {
}
