package org.mailpath.engine.dane;

/**
 * Every finding code of the DANE check (RFC 7672: TLSA records of a recipient domain's MX hosts). Stable: scripts
 * rely on them; docs/findings.md explains each.
 */
public final class DaneFindingCodes {

    private DaneFindingCodes() {
    }

    /** No MX host publishes TLSA records: senders use TLS as usual. */
    public static final String DANE_NONE = "DANE_NONE";
    /** A host's TLSA records in a signed zone, at least one usable. */
    public static final String DANE_OK = "DANE_OK";
    /** Some MX hosts have DANE, others have no TLSA records (fine per host, RFC 7672 §2.2). */
    public static final String DANE_PARTIAL = "DANE_PARTIAL";
    /**
     * Usable TLSA records of MX hosts, but the domain's MX records are not signed (RFC 7672 §2.2.1): only some
     * senders use them, and a forged MX answer avoids them. Replaces DANE_OK and DANE_PARTIAL then.
     */
    public static final String DANE_MX_NOT_SIGNED = "DANE_MX_NOT_SIGNED";
    /** TLSA records in a zone that is not signed: senders ignore them. */
    public static final String DANE_NOT_SIGNED = "DANE_NOT_SIGNED";
    /**
     * The TLSA question of a host in a signed zone fails, or the zone is bogus: DANE senders skip or defer (ERROR
     * when no host is left); behind MX records that are not signed only those that ask TLSA there (WARNING).
     */
    public static final String DANE_LOOKUP_FAILED = "DANE_LOOKUP_FAILED";
    /**
     * TLSA records senders cannot use (PKIX usages, unknown parameters, malformed data). When none is usable, DANE
     * senders insist on TLS without authentication; behind MX records that are not signed only those that ask TLSA.
     */
    public static final String DANE_UNUSABLE = "DANE_UNUSABLE";

    // the SMTP probe's certificate against the host's TLSA records (RFC 7672 §3.1): DaneTlsCrossCheck

    /** The presented certificate matches a usable TLSA record of the host. */
    public static final String DANE_TLS_MATCH = "DANE_TLS_MATCH";
    /**
     * The presented chain matches none of the host's usable TLSA records: DANE senders do not deliver there (ERROR);
     * behind MX records that are not signed only those that use such records anyway (WARNING, RFC 7672 §2.2.1).
     */
    public static final String DANE_TLS_MISMATCH = "DANE_TLS_MISMATCH";
    /**
     * Usable TLSA records, but the host offers no STARTTLS or no handshake completes: DANE senders do not deliver
     * (ERROR; WARNING behind MX records that are not signed, as DANE_TLS_MISMATCH).
     */
    public static final String DANE_TLS_MISSING = "DANE_TLS_MISSING";
    /**
     * A note (INFO): the certificate was not matched because the host's TLSA answer fails DNSSEC validation, or the
     * TLSA question fails; the DANE check says what that does (DANE_LOOKUP_FAILED).
     */
    public static final String DANE_TLS_NOT_JUDGED = "DANE_TLS_NOT_JUDGED";
}
