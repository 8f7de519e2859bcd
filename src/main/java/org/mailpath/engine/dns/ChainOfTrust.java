package org.mailpath.engine.dns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.TTL;
import org.xbill.DNS.Type;

/**
 * Follows a zone's DNSSEC chain as a validating resolver does (RFC 4035 §5): a DS record at the parent, with an
 * algorithm and digest type validators support (SHA-1 DS records not counted beside SHA-256 or SHA-384 ones, RFC 4509
 * §3), must match a DNSKEY of the zone (key tag, algorithm, and the digest dnsjava computes from the key); that key
 * must have signed the DNSKEY set; the zone's keys must have signed the other records asked (SOA, MX). Signatures
 * must verify and be valid now. The first broken link is the verdict.
 */
final class ChainOfTrust {

    /**
     * The verdict, and what was computed on the way: the DS matches and the DS records the keys call for, as
     * evidence, and the key whose signature over the DNSKEY set verified (so it is not verified again).
     */
    record Result(DnssecVerdict verdict, List<String> notes, Optional<DNSKEYRecord> keySetSigner) {
        Result {
            notes = List.copyOf(notes);
        }

        Result(DnssecVerdict verdict, List<String> notes) {
            this(verdict, notes, Optional.empty());
        }
    }

    private static final int SHA256_LENGTH = 32;
    private static final int SHA384_LENGTH = 48;

    private ChainOfTrust() {
    }

    /**
     * @param ds       the zone's DS question (answered from the parent)
     * @param dnskey   the zone's DNSKEY question
     * @param signed   other answers of the zone to check the signatures of (OK answers only)
     */
    static Result judge(Name zone, DnssecAnswer ds, DnssecAnswer dnskey, List<DnssecAnswer> signed, Instant now) {
        List<DSRecord> dsRecords = ds.answer().records().stream().filter(DSRecord.class::isInstance)
                .map(DSRecord.class::cast).toList();
        List<DNSKEYRecord> keys = zoneKeys(dnskey);
        List<String> notes = new ArrayList<>();
        if (dsRecords.isEmpty()) {
            return new Result(keys.isEmpty() ? new DnssecVerdict.Unsigned() : new DnssecVerdict.NoDs(), notes);
        }
        if (keys.isEmpty()) {
            return new Result(new DnssecVerdict.DsWithoutDnskey(), notes);
        }
        List<DSRecord> usable = dsRecords.stream().filter(d -> DnssecAlgorithms.validated(d.getAlgorithm())
                && DnssecAlgorithms.validatedDigest(d.getDigestID())).toList();
        boolean sha2 = usable.stream().anyMatch(ChainOfTrust::sha2);
        List<DSRecord> considered = usable.stream().filter(d -> !(sha2 && d.getDigestID() == DNSSEC.Digest.SHA1))
                .toList();
        List<DNSKEYRecord> trusted = new ArrayList<>();
        for (DSRecord d : dsRecords) {
            List<DNSKEYRecord> matching = keys.stream().filter(k -> matches(d, k)).toList();
            boolean ignored = usable.contains(d) && !considered.contains(d);
            notes.add(";; DS " + d.getFootprint() + " " + d.getAlgorithm() + " " + d.getDigestID()
                    + (!usable.contains(d) ? ": algorithm or digest type not validated (RFC 9904)"
                    : ignored ? ": SHA-1, ignored beside a SHA-256 or SHA-384 DS (RFC 4509 §3; BIND and PowerDNS"
                            + " Recursor do so)" + (matching.isEmpty() ? "" : "; it would match the DNSKEY with"
                            + " key tag " + matching.getFirst().getFootprint())
                    : matching.isEmpty() ? ": matches no DNSKEY of the zone"
                    : ": matches the DNSKEY with key tag " + matching.getFirst().getFootprint()));
            if (considered.contains(d)) {
                matching.stream().filter(k -> !trusted.contains(k)).forEach(trusted::add);
            }
        }
        if (usable.isEmpty()) {
            return new Result(new DnssecVerdict.AlgorithmUnsupported(dsRecords), notes);
        }
        if (trusted.isEmpty()) {
            expectedDs(zone, keys).forEach(r -> notes.add(";; DS the zone's keys call for: " + r));
            return new Result(new DnssecVerdict.DsMismatch(considered, keys), notes);
        }
        RrsetSignatures.Outcome keySet = RrsetSignatures.check(dnskey, zone, trusted, now);
        if (keySet.rejected()) {
            return new Result(new DnssecVerdict.BadSignature(Type.DNSKEY, keySet, trusted), notes);
        }
        List<Integer> checked = new ArrayList<>();
        if (keySet instanceof RrsetSignatures.Valid) {
            RrsetSignatures.Answers others = RrsetSignatures.checkEach(signed, zone, keys, now);
            if (others.rejection().isPresent()) {
                RrsetSignatures.Rejection r = others.rejection().get();
                return new Result(new DnssecVerdict.BadSignature(r.answer().answer().type(), r.outcome(), keys),
                        notes);
            }
            checked.add(Type.DNSKEY);
            checked.addAll(others.verifiedTypes());
        }
        return new Result(new DnssecVerdict.Signed(trusted, checked), notes,
                keySet instanceof RrsetSignatures.Valid v ? Optional.of(v.key()) : Optional.empty());
    }

    /**
     * The zone keys (flag 256) of a DNSKEY answer: keys without it sign nothing (RFC 4034 §2.1.1). dnsjava's
     * CDNSKEYRecord is a DNSKEYRecord, hence the type test.
     */
    static List<DNSKEYRecord> zoneKeys(DnssecAnswer dnskey) {
        return dnskey.answer().records().stream().filter(DNSKEYRecord.class::isInstance)
                .map(DNSKEYRecord.class::cast).filter(k -> k.getType() == Type.DNSKEY)
                .filter(k -> (k.getFlags() & DNSKEYRecord.Flags.ZONE_KEY) != 0).toList();
    }

    /**
     * A usable SHA-256 or SHA-384 DS of the right length. Beside one, validators ignore SHA-1 DS records
     * (RFC 4509 §3 "SHOULD"; BIND lib/dns/validator.c skips them when a supported SHA-256/SHA-384 DS is present,
     * PowerDNS Recursor keeps only the best digest type), so a SHA-1 DS that matches cannot rescue a SHA-256 DS
     * that does not.
     */
    private static boolean sha2(DSRecord ds) {
        return ds.getDigestID() == DNSSEC.Digest.SHA256 && ds.getDigest().length == SHA256_LENGTH
                || ds.getDigestID() == DNSSEC.Digest.SHA384 && ds.getDigest().length == SHA384_LENGTH;
    }

    /** Key tag, algorithm and digest (computed by dnsjava from the key) all agree (also for a CDS record). */
    static boolean matches(DSRecord ds, DNSKEYRecord key) {
        if (ds.getFootprint() != key.getFootprint() || ds.getAlgorithm() != key.getAlgorithm()
                || !DnssecAlgorithms.validatedDigest(ds.getDigestID())) {
            return false;
        }
        try {
            DSRecord computed = new DSRecord(key.getName(), DClass.IN, 0, ds.getDigestID(), key); // no TTL in a digest
            return Arrays.equals(computed.getDigest(), ds.getDigest());
        } catch (IllegalArgumentException e) {
            return false; // a digest type dnsjava cannot compute
        }
    }

    /** The SHA-256 DS records of the zone's key-signing keys (every zone key when none has the SEP flag). */
    private static List<DSRecord> expectedDs(Name zone, List<DNSKEYRecord> keys) {
        List<DNSKEYRecord> sep = keys.stream().filter(k -> (k.getFlags() & DNSKEYRecord.Flags.SEP_KEY) != 0)
                .filter(k -> DnssecAlgorithms.validated(k.getAlgorithm())).toList();
        return (sep.isEmpty() ? keys : sep).stream()
                .map(k -> new DSRecord(zone, DClass.IN, shownTtl(k.getTTL()), DNSSEC.Digest.SHA256, k)).toList();
    }

    /**
     * A received TTL as a record made here may carry it: one with the top bit set (a server may send it; dnsjava
     * reads it, but refuses it in a new record) counts as zero (RFC 2181 §8).
     */
    private static long shownTtl(long ttl) {
        return ttl > TTL.MAX_VALUE ? 0 : ttl;
    }
}
