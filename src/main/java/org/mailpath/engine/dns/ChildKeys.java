package org.mailpath.engine.dns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xbill.DNS.CDNSKEYRecord;
import org.xbill.DNS.CDSRecord;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * The CDS and CDNSKEY records of a signed zone (RFC 7344, RFC 8078): the DS records the zone asks its parent to
 * publish, which parents that automate DS updates (and BIND's dnssec-cds) take over once they are "validly signed by
 * a key represented in the existing DS records" (dnssec-cds(1)). Judged as Zonemaster's test cases DNSSEC15-18 do
 * (zonemaster/zonemaster docs/public/specifications/tests/DNSSEC-TP/dnssec15.md … dnssec18.md), through the resolver
 * rather than at each name server: a record that matches no DNSKEY of the zone or whose key does not sign the DNSKEY
 * set would break the chain once the parent acts on it; one the parent cannot trust is ignored. Nothing here makes a
 * lookup fail today.
 */
final class ChildKeys {

    /** RFC 8078 §4: "CDS 0 0 0 00" and "CDNSKEY 0 3 0 AA==", algorithm 0, ask the parent to remove every DS. */
    private static final int DELETE_ALGORITHM = 0;

    private ChildKeys() {
    }

    /** A CDS or CDNSKEY record as its messages name it: the key tag and algorithm of the key it stands for. */
    record KeyId(int tag, int algorithm) {
    }

    /** What is wrong with (or worth saying about) the zone's CDS or CDNSKEY records. */
    sealed interface Problem {
    }

    /** {@code type} (CDS or CDNSKEY) holds the delete record alone (Zonemaster DS16_DELETE_CDS, INFO). */
    record Delete(int type) implements Problem {
    }

    /** The delete record beside others (DS16_MIXED_DELETE_CDS, ERROR there): the request is ambiguous. */
    record MixedDelete(int type) implements Problem {
    }

    /** Records that match no DNSKEY of the zone (DS16_CDS_MATCHES_NO_DNSKEY, WARNING). */
    record NoKey(int type, List<KeyId> records) implements Problem {
        NoKey {
            records = List.copyOf(records);
        }
    }

    /** Records whose key does not sign the DNSKEY set (DS16_DNSKEY_NOT_SIGNED_BY_CDS, WARNING). */
    record KeyNotSigning(int type, List<KeyId> records) implements Problem {
        KeyNotSigning {
            records = List.copyOf(records);
        }
    }

    /**
     * The RRset lacks a valid signature by a key the parent's DS points to ({@code trusted}), so the parent must
     * ignore it (DS16_CDS_UNSIGNED, DS16_CDS_INVALID_RRSIG, DS16_CDS_SIGNED_BY_UNKNOWN_DNSKEY, DS18_NO_MATCH_CDS_RRSIG_DS:
     * ERROR there). {@code byTrusted}: the outcome for the trusted keys; {@code byZoneKeys}: for any key of the zone.
     */
    record Untrusted(int type, RrsetSignatures.Outcome byTrusted, RrsetSignatures.Outcome byZoneKeys,
                     List<DNSKEYRecord> trusted) implements Problem {
        Untrusted {
            trusted = List.copyOf(trusted);
        }
    }

    /** CDS and CDNSKEY both published, but for different keys (DS15_MISMATCH_CDS_CDNSKEY, ERROR there). */
    record Disagree(List<KeyId> cds, List<KeyId> cdnskey) implements Problem {
        Disagree {
            cds = List.copyOf(cds);
            cdnskey = List.copyOf(cdnskey);
        }
    }

    /** The problems, and evidence lines saying what each record matched. */
    record Result(List<Problem> problems, List<String> notes) {
        Result {
            problems = List.copyOf(problems);
            notes = List.copyOf(notes);
        }
    }

    /**
     * @param dnskey  the zone's DNSKEY answer (its keys and their signatures over the DNSKEY set)
     * @param trusted the keys the parent's DS records point to ({@link DnssecVerdict.Signed#trusted})
     * @param keySetSigner the key whose signature over the DNSKEY set the chain of trust already verified
     */
    static Result judge(Name zone, DnssecAnswer cds, DnssecAnswer cdnskey, DnssecAnswer dnskey,
                        List<DNSKEYRecord> trusted, Optional<DNSKEYRecord> keySetSigner, Instant now) {
        List<DNSKEYRecord> keys = ChainOfTrust.zoneKeys(dnskey);
        List<CDSRecord> cdsRecords = records(cds, CDSRecord.class);
        List<CDNSKEYRecord> cdnskeyRecords = records(cdnskey, CDNSKEYRecord.class);
        List<Problem> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (cdsRecords.isEmpty() && cdnskeyRecords.isEmpty()) {
            notes.add(";; no CDS or CDNSKEY at the zone apex: the parent is not asked to change the DS records");
            return new Result(problems, notes);
        }
        Zone z = new Zone(zone, keys, dnskey, trusted, now);
        keySetSigner.ifPresent(k -> z.signers().put(k, true));
        judgeSet(Type.CDS, cdsRecords, cds, z, problems, notes);
        judgeSet(Type.CDNSKEY, cdnskeyRecords, cdnskey, z, problems, notes);
        if (!cdsRecords.isEmpty() && !cdnskeyRecords.isEmpty() && !agree(cdsRecords, cdnskeyRecords)) {
            problems.add(new Disagree(cdsRecords.stream().map(ChildKeys::id).toList(),
                    cdnskeyRecords.stream().map(ChildKeys::id).toList()));
        }
        if (cdsRecords.isEmpty() != cdnskeyRecords.isEmpty()) {
            // RFC 7344 §4 wants both; Zonemaster says so as a NOTICE (DS15_HAS_CDS_NO_CDNSKEY), not worth a finding
            notes.add(";; " + (cdsRecords.isEmpty() ? "CDNSKEY without CDS" : "CDS without CDNSKEY")
                    + " (RFC 7344 §4: publish both)");
        }
        return new Result(problems, notes);
    }

    private static <T extends Record> List<T> records(DnssecAnswer answer, Class<T> type) {
        return answer.answer().records().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /**
     * What one RRset is judged against: the zone's keys, its DNSKEY answer, the keys the DS points to, the time;
     * and, per key, whether it signs the DNSKEY set, verified once however many CDS and CDNSKEY records stand for it
     * (one key usually has a CDS, often two digest types, and a CDNSKEY).
     */
    private record Zone(Name name, List<DNSKEYRecord> keys, DnssecAnswer dnskey, List<DNSKEYRecord> trusted,
                        Instant now, Map<DNSKEYRecord, Boolean> signers) {

        Zone(Name name, List<DNSKEYRecord> keys, DnssecAnswer dnskey, List<DNSKEYRecord> trusted, Instant now) {
            this(name, keys, dnskey, trusted, now, new HashMap<>());
        }

        /** A reply without DNSSEC data cannot tell: the key is taken to sign. */
        boolean signsKeySet(DNSKEYRecord key) {
            return !dnskey.dnssecOk() || signers.computeIfAbsent(key, k -> RrsetSignatures.check(dnskey, name,
                    List.of(k), now) instanceof RrsetSignatures.Valid);
        }
    }

    private static void judgeSet(int type, List<? extends Record> records, DnssecAnswer answer, Zone zone,
                                 List<Problem> problems, List<String> notes) {
        if (records.isEmpty()) {
            return;
        }
        if (records.stream().anyMatch(ChildKeys::delete)) {
            problems.add(records.size() == 1 ? new Delete(type) : new MixedDelete(type));
            notes.add(";; " + Type.string(type) + " delete record (RFC 8078 §4)" + (records.size() == 1
                    ? ": the parent is asked to remove every DS record" : " beside " + (records.size() - 1)
                    + " other record(s): an ambiguous request"));
        } else {
            List<KeyId> noKey = new ArrayList<>();
            List<KeyId> notSigning = new ArrayList<>();
            for (Record r : records) {
                KeyId id = id(r);
                String line = ";; " + Type.string(type) + " " + id.tag() + " " + id.algorithm();
                DNSKEYRecord key = zone.keys().stream().filter(k -> matches(r, k)).findFirst().orElse(null);
                if (key == null) {
                    noKey.add(id);
                    notes.add(line + ": matches no DNSKEY of the zone");
                } else if (!zone.signsKeySet(key)) {
                    notSigning.add(id);
                    notes.add(line + ": matches the DNSKEY with key tag " + key.getFootprint()
                            + ", which does not sign the DNSKEY set");
                } else {
                    notes.add(line + ": matches the DNSKEY with key tag " + key.getFootprint());
                }
            }
            if (!noKey.isEmpty()) {
                problems.add(new NoKey(type, noKey));
            }
            if (!notSigning.isEmpty()) {
                problems.add(new KeyNotSigning(type, notSigning));
            }
        }
        RrsetSignatures.Outcome byTrusted = RrsetSignatures.check(answer, zone.name(), zone.trusted(), zone.now());
        if (byTrusted.rejected()) {
            problems.add(new Untrusted(type, byTrusted, RrsetSignatures.check(answer, zone.name(), zone.keys(),
                    zone.now()), zone.trusted()));
        }
    }

    /**
     * A CDS whose digest dnsjava computes from the key (as for a DS; key tag and algorithm alone for a digest type it
     * does not compute, rather than call a record stale that cannot be checked); a CDNSKEY with the key's RDATA.
     */
    private static boolean matches(Record record, DNSKEYRecord key) {
        return switch (record) {
            case CDSRecord cds -> cdsOf(cds, key);
            case CDNSKEYRecord cdnskey -> Arrays.equals(cdnskey.rdataToWireCanonical(), key.rdataToWireCanonical());
            default -> false;
        };
    }

    /**
     * RFC 7344 §4: both RRsets, when published, must stand for the same keys: each CDS derived from a CDNSKEY and
     * each CDNSKEY behind a CDS, or both the delete record (Zonemaster dnssec15.md step 8).
     */
    private static boolean agree(List<CDSRecord> cds, List<CDNSKEYRecord> cdnskey) {
        boolean cdsCovered = cds.stream().allMatch(d -> delete(d) ? cdnskey.stream().anyMatch(ChildKeys::delete)
                : cdnskey.stream().anyMatch(k -> !delete(k) && cdsOf(d, k)));
        boolean cdnskeyCovered = cdnskey.stream().allMatch(k -> delete(k) ? cds.stream().anyMatch(ChildKeys::delete)
                : cds.stream().anyMatch(d -> !delete(d) && cdsOf(d, k)));
        return cdsCovered && cdnskeyCovered;
    }

    private static boolean cdsOf(CDSRecord cds, DNSKEYRecord key) {
        return DnssecAlgorithms.validatedDigest(cds.getDigestID()) ? ChainOfTrust.matches(cds, key)
                : cds.getFootprint() == key.getFootprint() && cds.getAlgorithm() == key.getAlgorithm();
    }

    private static boolean delete(Record record) {
        return switch (record) {
            case CDSRecord cds -> cds.getAlgorithm() == DELETE_ALGORITHM;
            case CDNSKEYRecord cdnskey -> cdnskey.getAlgorithm() == DELETE_ALGORITHM;
            default -> false;
        };
    }

    private static KeyId id(Record record) {
        return switch (record) {
            case CDSRecord cds -> new KeyId(cds.getFootprint(), cds.getAlgorithm());
            case CDNSKEYRecord cdnskey -> new KeyId(cdnskey.getFootprint(), cdnskey.getAlgorithm());
            default -> throw new IllegalArgumentException("neither CDS nor CDNSKEY: " + record);
        };
    }
}
