package org.mailpath.engine.dns;

/** How a DNS question ended. NXDOMAIN, SERVFAIL and TIMEOUT are different findings, so they stay apart. */
public enum DnsStatus {
    /** NOERROR with at least one record of the asked type. */
    OK,
    /** NOERROR, but no record of the asked type (a "void" lookup for SPF). */
    NODATA,
    NXDOMAIN,
    SERVFAIL,
    REFUSED,
    /** No answer within the configured time from any server. */
    TIMEOUT,
    /** Another rcode, a malformed packet, an answer to a different question, a network error. */
    ERROR
}
