package org.mailpath.engine.check;

/** The individual checks that can be run for a domain (ids are stable; the UI shows one row per kind). */
public enum CheckKind {
    /** Domain exists (NXDOMAIN / SERVFAIL / timeout). */
    EXISTENCE,
    MX,
    NAME_SERVERS,
    EDNS,
    DNSSEC,
    SPF,
    DMARC,
    DKIM,
    PTR,
    DNSBL,
    /** MTA-STS policy (RFC 8461) against the MX hosts, and TLS-RPT (RFC 8460). */
    MTA_STS,
    /** DANE for SMTP (RFC 7672): TLSA records of the MX hosts. */
    DANE;

    /** Checks of a domain that receives our mail. */
    public static final java.util.Set<CheckKind> RECIPIENT =
            java.util.EnumSet.of(EXISTENCE, MX, NAME_SERVERS, EDNS, DNSSEC, DNSBL, MTA_STS, DANE);
    /** Checks of our own sending domain. */
    public static final java.util.Set<CheckKind> SENDER =
            java.util.EnumSet.of(EXISTENCE, SPF, DMARC, DKIM, PTR);
}
