package org.mailpath.engine.dns;

import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;

/**
 * The modulus sizes of a zone's RSA keys, judged as Zonemaster's test case DNSSEC14 does (zonemaster/zonemaster,
 * docs/public/specifications/tests/DNSSEC-TP/dnssec14.md): algorithms 5, 7 and 8 allow 512 to 4096 bits, 10
 * (RSASHA512) 1024 to 4096 (its table cites RFC 3110, RFC 5155 and RFC 5702 §2), and a key inside those limits but
 * shorter than 2048 bits is below what NIST SP 800-57 Part 1 recommends. Other algorithms have fixed sizes and are
 * not judged. The size is that of the modulus of the key as dnsjava decodes it (RFC 3110 §2 encoding).
 */
final class RsaKeySizes {

    /** NIST SP 800-57 Part 1's shortest recommended RSA key, as DNSSEC14 cites it (DNSKEY_SMALLER_THAN_REC). */
    static final int RECOMMENDED = 2048;
    /** DNSSEC14's maximum for every RSA algorithm (DNSKEY_TOO_LARGE_FOR_ALGO). */
    static final int MAXIMUM = 4096;
    private static final Set<Integer> RSA = Set.of(DNSSEC.Algorithm.RSASHA1, DNSSEC.Algorithm.RSA_NSEC3_SHA1,
            DNSSEC.Algorithm.RSASHA256, DNSSEC.Algorithm.RSASHA512);

    private RsaKeySizes() {
    }

    /** A zone key and its modulus size in bits. */
    record Sized(DNSKEYRecord key, int bits) {
    }

    /**
     * The RSA keys below their algorithm's minimum ({@code tooSmall}), inside the limits but below
     * {@link #RECOMMENDED} ({@code belowRecommended}), above {@link #MAXIMUM} ({@code tooLarge}), in DNSSEC14's
     * order (a key is in one list at most); {@code notes}, a line per RSA key.
     */
    record Result(List<Sized> tooSmall, List<Sized> belowRecommended, List<Sized> tooLarge, List<String> notes) {
        Result {
            tooSmall = List.copyOf(tooSmall);
            belowRecommended = List.copyOf(belowRecommended);
            tooLarge = List.copyOf(tooLarge);
            notes = List.copyOf(notes);
        }
    }

    /** DNSSEC14's minimum for an RSA algorithm (DNSKEY_TOO_SMALL_FOR_ALGO). */
    static int minimum(int algorithm) {
        return algorithm == DNSSEC.Algorithm.RSASHA512 ? 1024 : 512;
    }

    static Result judge(List<DNSKEYRecord> zoneKeys) {
        List<Sized> tooSmall = new ArrayList<>();
        List<Sized> belowRecommended = new ArrayList<>();
        List<Sized> tooLarge = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (DNSKEYRecord key : zoneKeys) {
            if (!RSA.contains(key.getAlgorithm())) {
                continue;
            }
            PublicKey publicKey;
            try {
                publicKey = key.getPublicKey();
            } catch (DNSSEC.DNSSECException e) {
                // a key dnsjava cannot decode is no valid path anyway; its signatures are judged elsewhere
                notes.add(";; DNSKEY key tag " + key.getFootprint() + ": RSA key not decoded (" + e.getMessage()
                        + "): size not judged");
                continue;
            }
            if (!(publicKey instanceof RSAPublicKey rsa)) {
                continue;
            }
            int bits = rsa.getModulus().bitLength();
            notes.add(";; DNSKEY key tag " + key.getFootprint() + ", algorithm " + key.getAlgorithm() + ": RSA "
                    + bits + " bits");
            Sized sized = new Sized(key, bits);
            if (bits < minimum(key.getAlgorithm())) {
                tooSmall.add(sized);
            } else if (bits < RECOMMENDED) {
                belowRecommended.add(sized);
            } else if (bits > MAXIMUM) {
                tooLarge.add(sized);
            }
        }
        return new Result(tooSmall, belowRecommended, tooLarge, notes);
    }
}
