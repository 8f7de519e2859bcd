package org.mailpath.engine.spf;

/**
 * An include or redirect written in the SPF record of {@code domain} that no receiver reaches: {@code decidedBy},
 * evaluated before it in the same record, matches every host, and RFC 7208 §4.6.2 ends the record at the first match
 * ("If it matches, processing ends and the qualifier value is returned as the result of that record"); a redirect is
 * followed only when no mechanism matches (§6.1). {@code result} is what {@code decidedBy} gives every host.
 */
public record SpfUnreachedTerm(SpfTerm term, String domain, SpfMechanism decidedBy, SpfResult result) {
}
