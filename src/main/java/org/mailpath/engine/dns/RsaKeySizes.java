package org.mailpath.engine.dns;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;

/**
 * The modulus sizes of a zone's RSA keys, judged as Zonemaster's test case DNSSEC14 does (zonemaster/zonemaster,
 * docs/public/specifications/tests/DNSSEC-TP/dnssec14.md): algorithms 5, 7 and 8 allow 512 to 4096 bits, 10
 * (RSASHA512) 1024 to 4096 (its table cites RFC 3110, RFC 5155 and RFC 5702 §2), and a key inside those limits but
 * shorter than 2048 bits is below what NIST SP 800-57 Part 1 recommends. Other algorithms have fixed sizes and are
 * not judged. The size is that of the modulus as the key's data gives it ({@link #modulusBits}).
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

    /**
     * The bit length of the modulus of an RSA key as a DNSKEY carries it (RFC 3110 §2: the exponent's length in one
     * byte, or a zero byte and two bytes; the exponent; the modulus); empty when the data is too short for that.
     * Read here, not through dnsjava's {@code getPublicKey}: the JDK refuses to make RSA keys below 512 bits (and far
     * above 4096), the very keys DNSSEC14 is about.
     */
    static OptionalInt modulusBits(byte[] key) {
        if (key.length == 0) {
            return OptionalInt.empty();
        }
        int exponentLength = key[0] & 0xFF;
        int exponentAt = 1;
        if (exponentLength == 0) {
            if (key.length < 3) {
                return OptionalInt.empty();
            }
            exponentLength = (key[1] & 0xFF) << 8 | key[2] & 0xFF;
            exponentAt = 3;
        }
        int modulusAt = exponentAt + exponentLength;
        if (exponentLength == 0 || modulusAt >= key.length) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(new BigInteger(1, Arrays.copyOfRange(key, modulusAt, key.length)).bitLength());
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
            OptionalInt size = modulusBits(key.getKey());
            if (size.isEmpty()) {
                notes.add(";; DNSKEY key tag " + key.getFootprint() + ": RSA key data too short for its encoding"
                        + " (RFC 3110 §2): size not judged");
                continue;
            }
            int bits = size.getAsInt();
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
