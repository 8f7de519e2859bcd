package org.mailpath.engine.dns;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Type;

/**
 * How long the signatures of a zone whose chain holds stay valid, judged as Zonemaster's test case DNSSEC04 does
 * (zonemaster/zonemaster, docs/public/specifications/tests/DNSSEC-TP/dnssec04.md): less than 12 hours left is too
 * short ("a serious operational problem just in case of temporary network problems"), a validity of more than 180
 * days from inception to expiration too long ("wide open holes for replay attacks"). Zonemaster looks at every RRSIG
 * over the DNSKEY and SOA records; here only the signatures a validator accepts now count (they verify with a key of
 * the zone), over the DNSKEY, SOA and MX records, and an RRset is short of time only when its last-expiring such
 * signature is: an old signature beside a fresh one (during a key rollover) costs nothing.
 */
final class SignatureLifetimes {

    /** Zonemaster DNSSEC04 step 7 (REMAINING_SHORT): less remaining validity than this is too short. */
    static final Duration SHORT = Duration.ofHours(12);
    /** Zonemaster DNSSEC04 steps 8 and 9 (REMAINING_LONG, DURATION_LONG): more validity than this is too long. */
    static final Duration LONG = Duration.ofDays(180);

    private SignatureLifetimes() {
    }

    /** The record types whose accepted signatures all expire within {@link #SHORT}; {@code expires}, the first. */
    record Expiring(List<Integer> types, Instant expires) {
        Expiring {
            types = List.copyOf(types);
        }
    }

    /**
     * The record types with an accepted signature valid for more than {@link #LONG}; {@code longest}, the signature
     * with the longest validity among them.
     */
    record TooLong(List<Integer> types, RRSIGRecord longest) {
        TooLong {
            types = List.copyOf(types);
        }

        Duration validity() {
            return SignatureLifetimes.validity(longest);
        }
    }

    /** {@code notes}: one evidence line per RRset judged, saying until when it validates. */
    record Result(Optional<Expiring> expiring, Optional<TooLong> tooLong, List<String> notes) {
        Result {
            notes = List.copyOf(notes);
        }
    }

    /**
     * @param dnskey    the zone's DNSKEY answer, whose signatures count only by {@code keySetKeys} (the keys the DS
     *                  points to, as for a validator)
     * @param others    the zone's other signed answers (SOA, MX), whose signatures count by any of {@code zoneKeys}
     */
    static Result judge(Name zone, DnssecAnswer dnskey, List<DNSKEYRecord> keySetKeys, List<DnssecAnswer> others,
                        List<DNSKEYRecord> zoneKeys, Instant now) {
        List<Integer> expiringTypes = new ArrayList<>();
        Instant firstExpiry = Instant.MAX;
        List<Integer> longTypes = new ArrayList<>();
        Optional<RRSIGRecord> longest = Optional.empty();
        List<String> notes = new ArrayList<>();
        List<DnssecAnswer> answers = new ArrayList<>(List.of(dnskey));
        answers.addAll(others);
        for (DnssecAnswer answer : answers) {
            int type = answer.answer().type();
            List<RRSIGRecord> accepted = RrsetSignatures.accepted(answer, zone,
                    type == Type.DNSKEY ? keySetKeys : zoneKeys, now);
            Optional<RRSIGRecord> last = accepted.stream().max(Comparator.comparing(RRSIGRecord::getExpire));
            if (last.isEmpty()) {
                continue;
            }
            Instant expires = last.get().getExpire();
            notes.add(";; " + Type.string(type) + " signatures valid until " + expires + " (key tag "
                    + last.get().getFootprint() + "), " + Duration.between(now, expires).toHours()
                    + " hours from now");
            if (Duration.between(now, expires).compareTo(SHORT) < 0) {
                expiringTypes.add(type);
                firstExpiry = expires.isBefore(firstExpiry) ? expires : firstExpiry;
            }
            Optional<RRSIGRecord> tooLong = accepted.stream().filter(s -> validity(s).compareTo(LONG) > 0)
                    .max(Comparator.comparing(SignatureLifetimes::validity));
            if (tooLong.isPresent()) {
                longTypes.add(type);
                if (longest.isEmpty() || validity(tooLong.get()).compareTo(validity(longest.get())) > 0) {
                    longest = tooLong;
                }
            }
        }
        Optional<Expiring> expiring = expiringTypes.isEmpty() ? Optional.empty()
                : Optional.of(new Expiring(expiringTypes, firstExpiry));
        return new Result(expiring, longest.map(l -> new TooLong(longTypes, l)), notes);
    }

    /**
     * From inception to expiration. A signature valid now has no more left than this, so Zonemaster's "remaining
     * validity longer than 180 days" (REMAINING_LONG) is part of it.
     */
    static Duration validity(RRSIGRecord signature) {
        return Duration.between(signature.getTimeSigned(), signature.getExpire());
    }
}
