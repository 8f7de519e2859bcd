package org.mailpath.engine.dns;

import java.util.Set;
import org.xbill.DNS.DNSSEC;

/**
 * What validating resolvers do with a DNSSEC algorithm or DS digest type: a zone whose DS records use none they
 * validate is treated as unsigned (RFC 4035 §5.2), however it is signed. The levels are RFC 8624's, which RFC 9904
 * (November 2025) moved unchanged into the IANA registries' columns "Implement for DNSSEC Validation" and "Use for
 * DNSSEC Signing" (https://www.iana.org/assignments/dns-sec-alg-numbers, .../ds-rr-types).
 */
final class DnssecAlgorithms {

    /**
     * Validation MUST or RECOMMENDED: 5, 7, 8, 10, 13 MUST; 14, 15, 16 RECOMMENDED. Left out: 1, 3, 6 MUST NOT;
     * 12 (ECC-GOST), 17 (SM2SM3), 23 (ECC-GOST12) and the private 253, 254 only MAY, rarely built in.
     */
    private static final Set<Integer> VALIDATED = Set.of(DNSSEC.Algorithm.RSASHA1, DNSSEC.Algorithm.RSA_NSEC3_SHA1,
            DNSSEC.Algorithm.RSASHA256, DNSSEC.Algorithm.RSASHA512, DNSSEC.Algorithm.ECDSAP256SHA256,
            DNSSEC.Algorithm.ECDSAP384SHA384, DNSSEC.Algorithm.ED25519, DNSSEC.Algorithm.ED448);
    /**
     * SHA-1 signatures: validation MUST, signing NOT RECOMMENDED (draft-ietf-dnsop-must-not-sha1: MUST NOT); refused
     * where SHA-1 signatures are disabled, e.g. RHEL 9's DEFAULT crypto policy, whose BIND and Unbound treat such
     * zones as insecure (Red Hat solution 6955455).
     */
    private static final Set<Integer> DEPRECATED = Set.of(DNSSEC.Algorithm.RSASHA1, DNSSEC.Algorithm.RSA_NSEC3_SHA1);
    /**
     * DS digests validated: SHA-1 and SHA-256 MUST, SHA-384 RECOMMENDED; 3 (GOST R 34.11-94), 5 (GOST R 34.11-2012)
     * and 6 (SM3) only MAY, rarely built in.
     */
    private static final Set<Integer> DIGESTS = Set.of(DNSSEC.Digest.SHA1, DNSSEC.Digest.SHA256,
            DNSSEC.Digest.SHA384);

    private DnssecAlgorithms() {
    }

    static boolean validated(int algorithm) {
        return VALIDATED.contains(algorithm);
    }

    static boolean deprecated(int algorithm) {
        return DEPRECATED.contains(algorithm);
    }

    static boolean validatedDigest(int digestType) {
        return DIGESTS.contains(digestType);
    }

    /** "13 (ECDSAP256SHA256)", or the number alone for an unassigned one. */
    static String name(int algorithm) {
        return numbered(algorithm, DNSSEC.Algorithm.string(algorithm));
    }

    /** "2 (SHA-256)", or the number alone for an unassigned one. */
    static String digestName(int digestType) {
        return numbered(digestType, DNSSEC.Digest.string(digestType));
    }

    /** dnsjava gives an unassigned number's mnemonic as the number itself. */
    private static String numbered(int value, String mnemonic) {
        return mnemonic.equals(Integer.toString(value)) ? mnemonic : value + " (" + mnemonic + ")";
    }
}
