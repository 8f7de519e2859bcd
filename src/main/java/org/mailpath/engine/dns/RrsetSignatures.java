package org.mailpath.engine.dns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;

/**
 * Whether an RRset carries a signature a validating resolver accepts: an RRSIG by one of the given keys of the
 * zone that verifies (dnsjava's {@link DNSSEC#verify}) and is valid at the given time (RFC 4035 §5.3). The
 * signature is verified at its own inception time and its validity period compared with the clock apart, so an
 * expired but otherwise sound signature is told from a broken one.
 */
final class RrsetSignatures {

    private RrsetSignatures() {
    }

    /** How an RRset's signatures fare; {@link Valid} when one of them would satisfy a validator. */
    sealed interface Outcome {

        /**
         * Whether a validator rejects the RRset for it: {@link Valid} satisfies one, and {@link Unchecked} leaves
         * nothing to say (no DNSSEC data, or an algorithm dnsjava cannot verify).
         */
        default boolean rejected() {
            return !(this instanceof Valid) && !(this instanceof Unchecked);
        }

        /**
         * Evidence words (English) for the outcome, naming the key tag of the signature it rests on: "expired at
         * 2025-12-01T00:00:00Z (key tag 21788)". {@link Missing} is "none": the line it stands in says whose
         * signatures were looked for.
         */
        default String evidence() {
            return switch (this) {
                case Valid v -> "valid (key tag " + v.signature().getFootprint() + ")";
                case Missing m -> "none";
                case Unchecked u -> "not checked";
                case Expired e -> "expired at " + e.signature().getExpire() + " (key tag "
                        + e.signature().getFootprint() + ")";
                case NotYetValid n -> "valid only from " + n.signature().getTimeSigned() + " (key tag "
                        + n.signature().getFootprint() + ")";
                case Invalid i -> "invalid (key tag " + i.signature().getFootprint() + "): " + i.reason();
            };
        }
    }

    /** {@code key}: the key the signature verified with. */
    record Valid(RRSIGRecord signature, DNSKEYRecord key) implements Outcome {
    }

    /**
     * The reply carried no DNSSEC data, or dnsjava cannot verify the algorithm (never one validators use: it verifies
     * all of {@link DnssecAlgorithms}'s): nothing can be said.
     */
    record Unchecked() implements Outcome {
    }

    /** No RRSIG by any of the keys. */
    record Missing() implements Outcome {
    }

    record Expired(RRSIGRecord signature) implements Outcome {
    }

    record NotYetValid(RRSIGRecord signature) implements Outcome {
    }

    /** {@code reason}: dnsjava's words (English; evidence only). */
    record Invalid(RRSIGRecord signature, String reason) implements Outcome {
    }

    /** The outcome for the records of {@code answer}, which must be signed by one of {@code keys} of {@code zone}. */
    static Outcome check(DnssecAnswer answer, Name zone, List<DNSKEYRecord> keys, Instant now) {
        if (!answer.dnssecOk()) {
            return new Unchecked();
        }
        return check(answer.answer().records(), answer.signatures(), zone, keys, now);
    }

    /**
     * The outcome for {@code records} (one RRset, e.g. an NSEC3 record of a denial) and the {@code signatures} over
     * them, which must be by one of {@code keys} of {@code zone}.
     */
    static Outcome check(List<? extends Record> records, List<RRSIGRecord> signatures, Name zone,
                         List<DNSKEYRecord> keys, Instant now) {
        List<Outcome> failures = new ArrayList<>();
        for (Iterator<Outcome> each = outcomes(records, signatures, zone, keys, now).iterator(); each.hasNext(); ) {
            Outcome outcome = each.next();
            if (outcome instanceof Valid) {
                return outcome;
            }
            failures.add(outcome);
        }
        return failures.stream().filter(o -> o instanceof Expired || o instanceof NotYetValid).findFirst()
                .or(() -> failures.stream().filter(Invalid.class::isInstance).findFirst())
                .or(() -> failures.stream().findFirst())
                .orElse(new Missing());
    }

    /**
     * The outcome of each signature over the records of {@code answer} by {@code zone}, with each of {@code keys} it
     * names (key tag and algorithm), in the order of the signatures; made as they are asked for.
     */
    private static Stream<Outcome> outcomes(DnssecAnswer answer, Name zone, List<DNSKEYRecord> keys, Instant now) {
        return outcomes(answer.answer().records(), answer.signatures(), zone, keys, now);
    }

    private static Stream<Outcome> outcomes(List<? extends Record> records, List<RRSIGRecord> signatures, Name zone,
                                            List<DNSKEYRecord> keys, Instant now) {
        RRset rrset = new RRset();
        records.forEach(rrset::addRR);
        return signatures.stream().filter(sig -> sig.getSigner().equals(zone))
                .flatMap(sig -> keys.stream().filter(key -> key.getFootprint() == sig.getFootprint()
                                && key.getAlgorithm() == sig.getAlgorithm())
                        .map(key -> verify(rrset, sig, key, now)));
    }

    /**
     * The signatures over several answers of one zone, checked in order until a validator would reject one:
     * {@code verifiedTypes}, the record types whose signatures held before it; {@code rejection}, that answer and
     * its outcome. Answers whose signatures cannot be checked ({@link Unchecked}) are neither.
     */
    record Answers(List<Integer> verifiedTypes, Optional<Rejection> rejection) {
        Answers {
            verifiedTypes = List.copyOf(verifiedTypes);
        }
    }

    /** The answer a validator rejects, and why. */
    record Rejection(DnssecAnswer answer, Outcome outcome) {
    }

    /** {@link #check} for each of {@code answers} (OK answers only), up to the first one rejected. */
    static Answers checkEach(List<DnssecAnswer> answers, Name zone, List<DNSKEYRecord> keys, Instant now) {
        List<Integer> verified = new ArrayList<>();
        for (DnssecAnswer answer : answers) {
            Outcome outcome = check(answer, zone, keys, now);
            if (outcome.rejected()) {
                return new Answers(verified, Optional.of(new Rejection(answer, outcome)));
            }
            if (outcome instanceof Valid) {
                verified.add(answer.answer().type());
            }
        }
        return new Answers(verified, Optional.empty());
    }

    /**
     * Every signature over the records of {@code answer} by one of {@code keys} of {@code zone} that a validator
     * accepts at {@code now} (it verifies and {@code now} is within its validity period): the RRset validates until
     * the last of them expires, whatever the others do.
     */
    static List<RRSIGRecord> accepted(DnssecAnswer answer, Name zone, List<DNSKEYRecord> keys, Instant now) {
        if (!answer.dnssecOk()) {
            return List.of();
        }
        return outcomes(answer, zone, keys, now).filter(Valid.class::isInstance).map(o -> ((Valid) o).signature())
                .distinct().toList();
    }

    private static Outcome verify(RRset rrset, RRSIGRecord sig, DNSKEYRecord key, Instant now) {
        try {
            DNSSEC.verify(rrset, sig, key, sig.getTimeSigned());
        } catch (DNSSEC.UnsupportedAlgorithmException e) {
            return new Unchecked();
        } catch (DNSSEC.DNSSECException e) {
            return new Invalid(sig, String.valueOf(e.getMessage()));
        }
        if (now.isAfter(sig.getExpire())) {
            return new Expired(sig);
        }
        if (now.isBefore(sig.getTimeSigned())) {
            return new NotYetValid(sig);
        }
        return new Valid(sig, key);
    }
}
