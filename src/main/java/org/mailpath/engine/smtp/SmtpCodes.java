package org.mailpath.engine.smtp;

import java.util.List;

/**
 * The stable finding codes of the SMTP probe (scripts rely on them; never rename). Their severity, message and
 * remediation live in {@code findings.properties} next to this class; docs/findings.md lists them all.
 */
public final class SmtpCodes {

    /** The host answered, spoke SMTP and (if offered) TLS without a problem. */
    public static final String SMTP_OK = "SMTP_OK";
    public static final String SMTP_CONNECT_REFUSED = "SMTP_CONNECT_REFUSED";
    public static final String SMTP_CONNECT_TIMEOUT = "SMTP_CONNECT_TIMEOUT";
    public static final String SMTP_CONNECT_UNREACHABLE = "SMTP_CONNECT_UNREACHABLE";
    public static final String SMTP_PORT25_BLOCKED_LOCALLY = "SMTP_PORT25_BLOCKED_LOCALLY";
    public static final String SMTP_BANNER_SLOW = "SMTP_BANNER_SLOW";
    public static final String SMTP_BANNER_TIMEOUT = "SMTP_BANNER_TIMEOUT";
    public static final String SMTP_BANNER_REJECTED = "SMTP_BANNER_REJECTED";
    public static final String SMTP_REPLY_TIMEOUT = "SMTP_REPLY_TIMEOUT";
    public static final String SMTP_RESPONSE_TOO_LONG = "SMTP_RESPONSE_TOO_LONG";
    public static final String SMTP_PROTOCOL_ERROR = "SMTP_PROTOCOL_ERROR";
    public static final String SMTP_CONNECTION_DROPPED = "SMTP_CONNECTION_DROPPED";
    public static final String SMTP_EHLO_REJECTED = "SMTP_EHLO_REJECTED";
    public static final String SMTP_CAPABILITIES = "SMTP_CAPABILITIES";
    public static final String SMTP_NO_STARTTLS = "SMTP_NO_STARTTLS";
    public static final String SMTP_STARTTLS_REJECTED = "SMTP_STARTTLS_REJECTED";
    public static final String SMTP_TLS_OK = "SMTP_TLS_OK";
    public static final String SMTP_TLS_OLD_PROTOCOL = "SMTP_TLS_OLD_PROTOCOL";
    public static final String SMTP_TLS_WEAK_CIPHER = "SMTP_TLS_WEAK_CIPHER";
    public static final String SMTP_TLS_HANDSHAKE_FAILED = "SMTP_TLS_HANDSHAKE_FAILED";
    public static final String SMTP_CERT_EXPIRED = "SMTP_CERT_EXPIRED";
    public static final String SMTP_CERT_NOT_YET_VALID = "SMTP_CERT_NOT_YET_VALID";
    public static final String SMTP_CERT_SELF_SIGNED = "SMTP_CERT_SELF_SIGNED";
    public static final String SMTP_CERT_UNTRUSTED = "SMTP_CERT_UNTRUSTED";
    public static final String SMTP_CERT_NAME_MISMATCH = "SMTP_CERT_NAME_MISMATCH";
    /** The name matches only through the subject CN (no DNS subjectAltName): fine for most, not for MTA-STS. */
    public static final String SMTP_CERT_NAME_ONLY_IN_CN = "SMTP_CERT_NAME_ONLY_IN_CN";
    public static final String SMTP_MAIL_FROM_REJECTED = "SMTP_MAIL_FROM_REJECTED";
    public static final String SMTP_RCPT_ACCEPTED = "SMTP_RCPT_ACCEPTED";
    public static final String SMTP_RCPT_REJECTED = "SMTP_RCPT_REJECTED";
    public static final String SMTP_FCRDNS_MISMATCH = "SMTP_FCRDNS_MISMATCH";
    public static final String SMTP_HOSTNAME_MISMATCH = "SMTP_HOSTNAME_MISMATCH";
    public static final String SMTP_DOMAIN_NOT_FOUND = "SMTP_DOMAIN_NOT_FOUND";
    public static final String SMTP_NULL_MX = "SMTP_NULL_MX";
    public static final String SMTP_DNS_FAILED = "SMTP_DNS_FAILED";
    public static final String SMTP_NO_ADDRESS = "SMTP_NO_ADDRESS";
    public static final String SMTP_TARGETS_CAPPED = "SMTP_TARGETS_CAPPED";
    public static final String SMTP_DOMAINS_CAPPED = "SMTP_DOMAINS_CAPPED";

    /** Every code, in the order docs/findings.md lists them. */
    public static final List<String> ALL = List.of(SMTP_OK, SMTP_CONNECT_REFUSED, SMTP_CONNECT_TIMEOUT,
            SMTP_CONNECT_UNREACHABLE, SMTP_PORT25_BLOCKED_LOCALLY, SMTP_BANNER_SLOW, SMTP_BANNER_TIMEOUT,
            SMTP_BANNER_REJECTED, SMTP_REPLY_TIMEOUT, SMTP_RESPONSE_TOO_LONG, SMTP_PROTOCOL_ERROR,
            SMTP_CONNECTION_DROPPED, SMTP_EHLO_REJECTED, SMTP_CAPABILITIES, SMTP_NO_STARTTLS,
            SMTP_STARTTLS_REJECTED, SMTP_TLS_OK, SMTP_TLS_OLD_PROTOCOL, SMTP_TLS_WEAK_CIPHER,
            SMTP_TLS_HANDSHAKE_FAILED, SMTP_CERT_EXPIRED, SMTP_CERT_NOT_YET_VALID, SMTP_CERT_SELF_SIGNED,
            SMTP_CERT_UNTRUSTED, SMTP_CERT_NAME_MISMATCH, SMTP_CERT_NAME_ONLY_IN_CN, SMTP_MAIL_FROM_REJECTED,
            SMTP_RCPT_ACCEPTED, SMTP_RCPT_REJECTED, SMTP_FCRDNS_MISMATCH, SMTP_HOSTNAME_MISMATCH,
            SMTP_DOMAIN_NOT_FOUND, SMTP_NULL_MX, SMTP_DNS_FAILED, SMTP_NO_ADDRESS, SMTP_TARGETS_CAPPED,
            SMTP_DOMAINS_CAPPED);

    private SmtpCodes() {
    }
}
