package org.mailpath.engine.dns;

/**
 * Every finding code of the DNS checks (existence, MX, name servers, EDNS, DNSSEC). Stable: scripts rely on
 * them; docs/findings.md explains each.
 */
public final class DnsFindingCodes {

    private DnsFindingCodes() {
    }

    // existence and lookups
    public static final String DOMAIN_EXISTS = "DOMAIN_EXISTS";
    public static final String DOMAIN_NXDOMAIN = "DOMAIN_NXDOMAIN";
    /** The resolver answered with a failure (SERVFAIL, REFUSED, another rcode, malformed, CNAME loop). */
    public static final String DNS_LOOKUP_FAILED = "DNS_LOOKUP_FAILED";
    /** No resolver answered within the configured time. */
    public static final String DNS_TIMEOUT = "DNS_TIMEOUT";

    // MX
    public static final String MX_OK = "MX_OK";
    public static final String MX_MISSING_IMPLICIT = "MX_MISSING_IMPLICIT";
    public static final String MX_NONE = "MX_NONE";
    public static final String MX_NULL = "MX_NULL";
    public static final String MX_CNAME = "MX_CNAME";
    public static final String MX_IP_LITERAL = "MX_IP_LITERAL";
    public static final String MX_NO_ADDRESS = "MX_NO_ADDRESS";
    public static final String MX_PRIVATE_ADDRESS = "MX_PRIVATE_ADDRESS";
    public static final String MX_TOO_MANY = "MX_TOO_MANY";
    /** An MX target with IPv6 addresses only: senders without IPv6 cannot reach it. */
    public static final String MX_IPV6_ONLY = "MX_IPV6_ONLY";
    /** An MX target that is not a host name (control characters, raw bytes): senders skip it. */
    public static final String MX_INVALID_NAME = "MX_INVALID_NAME";

    // name servers
    public static final String NS_OK = "NS_OK";
    public static final String NS_MISSING = "NS_MISSING";
    public static final String NS_NO_ADDRESS = "NS_NO_ADDRESS";
    public static final String NS_LAME = "NS_LAME";
    public static final String NS_NO_TCP = "NS_NO_TCP";
    public static final String NS_UNREACHABLE = "NS_UNREACHABLE";
    public static final String NS_SKIPPED = "NS_SKIPPED";
    public static final String NS_TOO_MANY = "NS_TOO_MANY";
    /** Every address of the zone's name servers in one IPv4 /24 (and one IPv6 /48): RFC 2182 §3.1. */
    public static final String NS_SAME_NETWORK = "NS_SAME_NETWORK";

    // EDNS
    public static final String EDNS_OK = "EDNS_OK";
    public static final String EDNS_NONCOMPLIANT = "EDNS_NONCOMPLIANT";
    public static final String EDNS_DEAD = "EDNS_DEAD";
    public static final String EDNS_OVERSIZED_UDP = "EDNS_OVERSIZED_UDP";
    public static final String EDNS_RATE_LIMITED = "EDNS_RATE_LIMITED";

    // DNSSEC
    public static final String DNSSEC_SIGNED = "DNSSEC_SIGNED";
    public static final String DNSSEC_UNSIGNED = "DNSSEC_UNSIGNED";
    public static final String DNSSEC_NO_DS = "DNSSEC_NO_DS";
    public static final String DNSSEC_DS_WITHOUT_DNSKEY = "DNSSEC_DS_WITHOUT_DNSKEY";
    /**
     * The zone's own link holds, but a zone above it is not securely delegated (no DS at its parent, or DS records of
     * algorithms validators do not support): no chain of trust from the root, so validators treat the zone as
     * unsigned (an island of security).
     */
    public static final String DNSSEC_PARENT_INSECURE = "DNSSEC_PARENT_INSECURE";
    /** A link of the chain above the zone is broken (a DS signature, or a DS leading to no signing key): bogus. */
    public static final String DNSSEC_PARENT_BOGUS = "DNSSEC_PARENT_BOGUS";
    /** No DS record at the parent matches a DNSKEY of the zone: validating resolvers answer SERVFAIL. */
    public static final String DNSSEC_DS_MISMATCH = "DNSSEC_DS_MISMATCH";
    /** An RRset (DNSKEY, SOA, MX) has no RRSIG by the key that should have signed it. */
    public static final String DNSSEC_NO_SIGNATURE = "DNSSEC_NO_SIGNATURE";
    public static final String DNSSEC_SIGNATURE_EXPIRED = "DNSSEC_SIGNATURE_EXPIRED";
    public static final String DNSSEC_SIGNATURE_NOT_YET_VALID = "DNSSEC_SIGNATURE_NOT_YET_VALID";
    /**
     * The signatures of the DNSKEY, SOA or MX records are valid but all expire within 12 hours (Zonemaster DNSSEC04
     * REMAINING_SHORT): the zone is probably no longer re-signed, and validating resolvers fail the domain once they
     * do.
     */
    public static final String DNSSEC_SIGNATURE_EXPIRES_SOON = "DNSSEC_SIGNATURE_EXPIRES_SOON";
    /**
     * A valid signature of the DNSKEY, SOA or MX records with more than 180 days from inception to expiration
     * (Zonemaster DNSSEC04 REMAINING_LONG, DURATION_LONG): recorded answers can be replayed that long.
     */
    public static final String DNSSEC_SIGNATURE_LIFETIME_LONG = "DNSSEC_SIGNATURE_LIFETIME_LONG";
    /**
     * An RSA zone key smaller than its algorithm allows (512 bits; 1024 for RSASHA512), as Zonemaster DNSSEC14
     * (DNSKEY_TOO_SMALL_FOR_ALGO) reads RFC 3110 and RFC 5702.
     */
    public static final String DNSSEC_RSA_KEY_TOO_SMALL = "DNSSEC_RSA_KEY_TOO_SMALL";
    /** An RSA zone key larger than 4096 bits (Zonemaster DNSSEC14 DNSKEY_TOO_LARGE_FOR_ALGO). */
    public static final String DNSSEC_RSA_KEY_TOO_LARGE = "DNSSEC_RSA_KEY_TOO_LARGE";
    /** An RSA zone key shorter than the 2048 bits NIST recommends (Zonemaster DNSSEC14 DNSKEY_SMALLER_THAN_REC). */
    public static final String DNSSEC_RSA_KEY_SHORT = "DNSSEC_RSA_KEY_SHORT";
    /** An RRSIG that does not verify with the key it names. */
    public static final String DNSSEC_SIGNATURE_INVALID = "DNSSEC_SIGNATURE_INVALID";
    /** No DS record uses an algorithm and digest validators support (RFC 8624): the zone counts as unsigned. */
    public static final String DNSSEC_ALGORITHM_UNSUPPORTED = "DNSSEC_ALGORITHM_UNSUPPORTED";
    /** The chain holds only through SHA-1 algorithms (5, 7), which RFC 8624 says not to sign with. */
    public static final String DNSSEC_ALGORITHM_DEPRECATED = "DNSSEC_ALGORITHM_DEPRECATED";
    /**
     * The zone's NSEC3 uses extra hash iterations, where RFC 9276 requires 0; above 50, BIND, Knot Resolver and
     * PowerDNS Recursor treat its proofs of non-existence as insecure.
     */
    public static final String DNSSEC_NSEC3_ITERATIONS = "DNSSEC_NSEC3_ITERATIONS";
    /** The zone's NSEC3 uses a salt (and no extra iterations), which RFC 9276 says not to use. */
    public static final String DNSSEC_NSEC3_SALT = "DNSSEC_NSEC3_SALT";
    /**
     * The zone's NSEC3 records carry the Opt-Out flag (seen in a denial the check received), which RFC 9276 §3.1
     * does not recommend for small zones.
     */
    public static final String DNSSEC_NSEC3_OPT_OUT = "DNSSEC_NSEC3_OPT_OUT";
    /**
     * A DNSKEY algorithm that does not sign the DNSKEY, SOA or MX records (RFC 6840 §5.11 requires every one to);
     * validators accept any single valid path, so lookups still work.
     */
    public static final String DNSSEC_ALGORITHM_INCOMPLETE = "DNSSEC_ALGORITHM_INCOMPLETE";
    /** The zone's CDS or CDNSKEY is the RFC 8078 "delete" record alone: the parent is asked to turn DNSSEC off. */
    public static final String DNSSEC_CDS_DELETE = "DNSSEC_CDS_DELETE";
    /** The delete record beside records for keys: a contradictory request. */
    public static final String DNSSEC_CDS_MIXED_DELETE = "DNSSEC_CDS_MIXED_DELETE";
    /** CDS or CDNSKEY records that match no DNSKEY of the zone: taken over, they would break the chain. */
    public static final String DNSSEC_CDS_NO_KEY = "DNSSEC_CDS_NO_KEY";
    /** CDS or CDNSKEY records for keys that do not sign the DNSKEY set: taken over, they would break the chain. */
    public static final String DNSSEC_CDS_KEY_NOT_SIGNING = "DNSSEC_CDS_KEY_NOT_SIGNING";
    /** CDS or CDNSKEY records not validly signed by a key the DS points to: the parent must ignore them. */
    public static final String DNSSEC_CDS_UNTRUSTED = "DNSSEC_CDS_UNTRUSTED";
    /** CDS and CDNSKEY records published for different keys (RFC 7344 §4: they must agree). */
    public static final String DNSSEC_CDS_CDNSKEY_MISMATCH = "DNSSEC_CDS_CDNSKEY_MISMATCH";
    /** The zone's name servers do not all serve the same CDS (or CDNSKEY) records: parents hold the change back. */
    public static final String DNSSEC_CDS_INCONSISTENT = "DNSSEC_CDS_INCONSISTENT";

    /** A check crashed; the others went on (raised by the checker, not by a check). */
    public static final String CHECK_FAILED = "CHECK_FAILED";
}
