package org.mailpath.engine.mtasts;

/**
 * Every finding code of the MTA-STS (RFC 8461) and TLS-RPT (RFC 8460) check of a recipient domain. Stable: scripts
 * rely on them; docs/findings.md explains each.
 */
public final class MtaStsFindingCodes {

    private MtaStsFindingCodes() {
    }

    // the _mta-sts TXT record (RFC 8461 §3.1)
    public static final String MTA_STS_NONE = "MTA_STS_NONE";
    public static final String MTA_STS_TXT_INVALID = "MTA_STS_TXT_INVALID";
    public static final String MTA_STS_TXT_MULTIPLE = "MTA_STS_TXT_MULTIPLE";

    // fetching the policy (RFC 8461 §3.3)
    public static final String MTA_STS_POLICY_UNREACHABLE = "MTA_STS_POLICY_UNREACHABLE";
    public static final String MTA_STS_POLICY_TLS = "MTA_STS_POLICY_TLS";
    public static final String MTA_STS_POLICY_REDIRECT = "MTA_STS_POLICY_REDIRECT";
    public static final String MTA_STS_POLICY_HTTP_STATUS = "MTA_STS_POLICY_HTTP_STATUS";
    public static final String MTA_STS_POLICY_MEDIA_TYPE = "MTA_STS_POLICY_MEDIA_TYPE";
    public static final String MTA_STS_POLICY_TOO_LARGE = "MTA_STS_POLICY_TOO_LARGE";

    // the policy (RFC 8461 §3.2, §4.1)
    public static final String MTA_STS_POLICY_SYNTAX = "MTA_STS_POLICY_SYNTAX";
    public static final String MTA_STS_MODE_TESTING = "MTA_STS_MODE_TESTING";
    public static final String MTA_STS_MODE_NONE = "MTA_STS_MODE_NONE";
    public static final String MTA_STS_MX_MISMATCH = "MTA_STS_MX_MISMATCH";
    public static final String MTA_STS_OK = "MTA_STS_OK";
    /** A policy in mode enforce or testing beside a null MX alone (RFC 7505): nothing to protect. */
    public static final String MTA_STS_NULL_MX = "MTA_STS_NULL_MX";

    // the MX hosts as the SMTP probe saw them, judged against the policy (RFC 8461 §4.2, §5): StsTlsCrossCheck
    public static final String MTA_STS_HOST_REFUSED = "MTA_STS_HOST_REFUSED";
    public static final String MTA_STS_HOSTS_PASS = "MTA_STS_HOSTS_PASS";
    public static final String MTA_STS_HOSTS_UNTESTED = "MTA_STS_HOSTS_UNTESTED";

    // the _smtp._tls TXT record (RFC 8460 §3)
    public static final String TLSRPT_NONE = "TLSRPT_NONE";
    public static final String TLSRPT_INVALID = "TLSRPT_INVALID";
    public static final String TLSRPT_MULTIPLE = "TLSRPT_MULTIPLE";
    public static final String TLSRPT_OK = "TLSRPT_OK";
}
