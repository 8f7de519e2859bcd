package org.mailpath.engine.dns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * Follows a zone's DNSSEC chain as a validating resolver does (RFC 4035 §5): a DS record at the parent, with an
 * algorithm and digest type validators support, must match a DNSKEY of the zone (key tag, algorithm, and the
 * digest dnsjava computes from the key); that key must have signed the DNSKEY set; the zone's keys must have signed
 * the other records asked (SOA, MX). Signatures must verify and be valid now. The first broken link is the verdict.
 */
final class ChainOfTrust {

    /** The verdict, and what was computed on the way (DS matches, the DS records the keys call for), as evidence. */
    record Result(DnssecVerdict verdict, List<String> notes) {
        Result {
            notes = List.copyOf(notes);
        }
    }

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
        List<DNSKEYRecord> keys = dnskey.answer().records().stream().filter(DNSKEYRecord.class::isInstance)
                .map(DNSKEYRecord.class::cast)
                .filter(k -> (k.getFlags() & DNSKEYRecord.Flags.ZONE_KEY) != 0).toList();
        List<String> notes = new ArrayList<>();
        if (dsRecords.isEmpty()) {
            return new Result(keys.isEmpty() ? new DnssecVerdict.Unsigned() : new DnssecVerdict.NoDs(), notes);
        }
        if (keys.isEmpty()) {
            return new Result(new DnssecVerdict.DsWithoutDnskey(), notes);
        }
        List<DSRecord> usable = dsRecords.stream().filter(d -> DnssecAlgorithms.validated(d.getAlgorithm())
                && DnssecAlgorithms.validatedDigest(d.getDigestID())).toList();
        List<DNSKEYRecord> trusted = new ArrayList<>();
        for (DSRecord d : dsRecords) {
            List<DNSKEYRecord> matching = keys.stream().filter(k -> matches(d, k)).toList();
            notes.add(";; DS " + d.getFootprint() + " " + d.getAlgorithm() + " " + d.getDigestID()
                    + (!usable.contains(d) ? ": algorithm or digest type not validated (RFC 8624)"
                    : matching.isEmpty() ? ": matches no DNSKEY of the zone"
                    : ": matches the DNSKEY with key tag " + matching.getFirst().getFootprint()));
            if (usable.contains(d)) {
                matching.stream().filter(k -> !trusted.contains(k)).forEach(trusted::add);
            }
        }
        if (usable.isEmpty()) {
            return new Result(new DnssecVerdict.AlgorithmUnsupported(dsRecords), notes);
        }
        if (trusted.isEmpty()) {
            expectedDs(zone, keys).forEach(r -> notes.add(";; DS the zone's keys call for: " + r));
            return new Result(new DnssecVerdict.DsMismatch(dsRecords, keys), notes);
        }
        RrsetSignatures.Outcome keySet = RrsetSignatures.check(dnskey, zone, trusted, now);
        if (!(keySet instanceof RrsetSignatures.Valid) && !(keySet instanceof RrsetSignatures.Unchecked)) {
            return new Result(new DnssecVerdict.BadSignature(Type.DNSKEY, keySet, trusted), notes);
        }
        List<Integer> checked = new ArrayList<>();
        if (keySet instanceof RrsetSignatures.Valid) {
            checked.add(Type.DNSKEY);
            for (DnssecAnswer answer : signed) {
                RrsetSignatures.Outcome outcome = RrsetSignatures.check(answer, zone, keys, now);
                if (outcome instanceof RrsetSignatures.Valid) {
                    checked.add(answer.answer().type());
                } else if (!(outcome instanceof RrsetSignatures.Unchecked)) {
                    return new Result(new DnssecVerdict.BadSignature(answer.answer().type(), outcome, keys), notes);
                }
            }
        }
        return new Result(new DnssecVerdict.Signed(trusted, checked), notes);
    }

    /** Key tag, algorithm and digest (computed by dnsjava from the key) all agree. */
    private static boolean matches(DSRecord ds, DNSKEYRecord key) {
        if (ds.getFootprint() != key.getFootprint() || ds.getAlgorithm() != key.getAlgorithm()
                || !DnssecAlgorithms.validatedDigest(ds.getDigestID())) {
            return false;
        }
        try {
            DSRecord computed = new DSRecord(key.getName(), DClass.IN, ds.getTTL(), ds.getDigestID(), key);
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
                .map(k -> new DSRecord(zone, DClass.IN, k.getTTL(), DNSSEC.Digest.SHA256, k)).toList();
    }
}
