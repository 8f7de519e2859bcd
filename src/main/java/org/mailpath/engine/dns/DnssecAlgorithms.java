package org.mailpath.engine.dns;

import java.util.Set;
import org.xbill.DNS.DNSSEC;

/**
 * What validating resolvers do with a DNSSEC algorithm or DS digest type (RFC 8624 §3.1 and §3.3): a zone whose DS
 * records use none they validate is treated as unsigned (RFC 4035 §5.2), however it is signed.
 */
final class DnssecAlgorithms {

    /** Validation MUST or RECOMMENDED (RFC 8624 §3.1); 1, 3, 6 MUST NOT, 12 (GOST) MAY and is rarely built in. */
    private static final Set<Integer> VALIDATED = Set.of(DNSSEC.Algorithm.RSASHA1, DNSSEC.Algorithm.RSA_NSEC3_SHA1,
            DNSSEC.Algorithm.RSASHA256, DNSSEC.Algorithm.RSASHA512, DNSSEC.Algorithm.ECDSAP256SHA256,
            DNSSEC.Algorithm.ECDSAP384SHA384, DNSSEC.Algorithm.ED25519, DNSSEC.Algorithm.ED448);
    /** SHA-1 signatures: validated today, NOT RECOMMENDED for signing (RFC 8624), refused where SHA-1 is disabled. */
    private static final Set<Integer> DEPRECATED = Set.of(DNSSEC.Algorithm.RSASHA1, DNSSEC.Algorithm.RSA_NSEC3_SHA1);
    /** DS digests validated (RFC 8624 §3.3): SHA-1, SHA-256, SHA-384; GOST is MAY and rarely built in. */
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
