package org.mailpath.engine.dane;

import java.util.Optional;
import org.mailpath.engine.finding.LocalText;
import org.xbill.DNS.TLSARecord;

/**
 * The three numbers of a TLSA record in RFC 7218's words, and whether SMTP senders can use the record. RFC 7672
 * §3.1: SMTP uses DANE-TA(2) and DANE-EE(3); §3.1.3: PKIX-TA(0) and PKIX-EE(1) are not to be published for SMTP,
 * and senders treat them as unusable (KumoMTA documents the same: "PKIX-TA(0), PKIX-EE(1), and private/unassigned
 * usages are treated as unusable", https://docs.kumomta.com/reference/kumo/make_egress_path/enable_dane). Selectors
 * are Cert(0) and SPKI(1), matching types Full(0), SHA2-256(1) and SHA2-512(2) (RFC 6698 §2.1, RFC 7218 §2); a
 * record with any other value, or association data of the wrong length for its digest, matches nothing.
 */
final class TlsaParameters {

    static final int PKIX_TA = 0;
    static final int PKIX_EE = 1;
    static final int DANE_TA = 2;
    static final int DANE_EE = 3;
    static final int SELECTOR_CERT = 0;
    static final int SELECTOR_SPKI = 1;
    static final int MATCHING_FULL = 0;
    static final int MATCHING_SHA256 = 1;
    static final int MATCHING_SHA512 = 2;
    private static final int SHA256_LENGTH = 32;
    private static final int SHA512_LENGTH = 64;
    /** DER's SEQUENCE tag: a certificate and a SubjectPublicKeyInfo both are one (RFC 5280 §4.1). */
    private static final int DER_SEQUENCE = 0x30;

    private TlsaParameters() {
    }

    /** "3 1 1 (DANE-EE SPKI SHA2-256)": the numbers as published, then their RFC 7218 acronyms. */
    static String describe(TLSARecord r) {
        return r.getCertificateUsage() + " " + r.getSelector() + " " + r.getMatchingType() + " ("
                + usage(r.getCertificateUsage()) + " " + selector(r.getSelector()) + " "
                + matching(r.getMatchingType()) + ")";
    }

    static String usage(int usage) {
        return switch (usage) {
            case PKIX_TA -> "PKIX-TA";
            case PKIX_EE -> "PKIX-EE";
            case DANE_TA -> "DANE-TA";
            case DANE_EE -> "DANE-EE";
            case 255 -> "PrivCert";
            default -> "usage " + usage;
        };
    }

    static String selector(int selector) {
        return switch (selector) {
            case SELECTOR_CERT -> "Cert";
            case SELECTOR_SPKI -> "SPKI";
            case 255 -> "PrivSel";
            default -> "selector " + selector;
        };
    }

    static String matching(int matching) {
        return switch (matching) {
            case MATCHING_FULL -> "Full";
            case MATCHING_SHA256 -> "SHA2-256";
            case MATCHING_SHA512 -> "SHA2-512";
            case 255 -> "PrivMatch";
            default -> "matching type " + matching;
        };
    }

    /** Why senders cannot use the record; empty when they can. */
    static Optional<LocalText> unusable(TLSARecord r) {
        int usage = r.getCertificateUsage();
        if (usage == PKIX_TA || usage == PKIX_EE) {
            return Optional.of(DaneCheck.TEXTS.text("reason.pkix", describe(r)));
        }
        if (usage != DANE_TA && usage != DANE_EE) {
            return Optional.of(DaneCheck.TEXTS.text("reason.usage", describe(r)));
        }
        if (r.getSelector() != SELECTOR_CERT && r.getSelector() != SELECTOR_SPKI) {
            return Optional.of(DaneCheck.TEXTS.text("reason.selector", describe(r)));
        }
        byte[] data = r.getCertificateAssociationData();
        return switch (r.getMatchingType()) {
            case MATCHING_SHA256 -> length(r, data, SHA256_LENGTH);
            case MATCHING_SHA512 -> length(r, data, SHA512_LENGTH);
            case MATCHING_FULL -> derSequence(data) ? Optional.empty()
                    : Optional.of(DaneCheck.TEXTS.text("reason.notDer", describe(r)));
            default -> Optional.of(DaneCheck.TEXTS.text("reason.matching", describe(r)));
        };
    }

    private static Optional<LocalText> length(TLSARecord r, byte[] data, int expected) {
        return data.length == expected ? Optional.empty()
                : Optional.of(DaneCheck.TEXTS.text("reason.length", describe(r), data.length, expected));
    }

    /** One whole DER SEQUENCE (definite length, short or long form), as a certificate or public key is. */
    static boolean derSequence(byte[] data) {
        if (data.length < 2 || (data[0] & 0xff) != DER_SEQUENCE) {
            return false;
        }
        int first = data[1] & 0xff;
        if (first < 0x80) {
            return data.length == 2 + first;
        }
        int octets = first & 0x7f;
        if (octets == 0 || octets > 4 || data.length < 2 + octets) {
            return false;
        }
        long length = 0;
        for (int i = 0; i < octets; i++) {
            length = (length << 8) | (data[2 + i] & 0xff);
        }
        return data.length == 2 + octets + length;
    }
}
