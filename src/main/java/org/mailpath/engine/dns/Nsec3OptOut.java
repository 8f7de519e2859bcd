package org.mailpath.engine.dns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.NSEC3Record;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * Whether a zone signed with NSEC3 uses opt-out, judged from the NSEC3 records of the denials the check already
 * receives (the NODATA answers for CDS and CDNSKEY at the apex, which most zones do not publish): no question is
 * asked for it. The NSEC3PARAM record cannot tell, its flags being always 0 (RFC 5155 §4.1.2); each NSEC3 record
 * carries its own Opt-Out flag, which "indicates whether this NSEC3 RR may cover unsigned delegations" (RFC 5155
 * §3.1.2.1). Such a record proves only that a name covered by it is absent or an unsigned delegation, so RFC 9276
 * §3.1 says: "For small zones, the use of opt-out-based NSEC3 records is NOT RECOMMENDED. For very large and sparsely
 * signed zones, where the majority of the records are insecure delegations, opt-out MAY be used." Zonemaster
 * (DNSSEC03) judges the same flag in the NSEC3 record of a NODATA answer at the apex.
 *
 * <p>Only records of the zone ({@code <hash>.<zone>}) whose signature by the zone's keys verifies and is valid count:
 * the questions are asked with CD, so a record no validator would accept says nothing. One record with the flag shows
 * that the zone uses opt-out; records without it do not show the contrary for the whole zone (only signers that set
 * the flag on every record of the chain make them agree), so they make no claim beyond an evidence line.
 */
final class Nsec3OptOut {

    /** {@code optOut}: a verified NSEC3 record of the zone with the Opt-Out flag; {@code notes}: evidence lines. */
    record Result(Optional<NSEC3Record> optOut, List<String> notes) {
        Result {
            notes = List.copyOf(notes);
        }
    }

    private Nsec3OptOut() {
    }

    /** The NSEC3 records in the denials of {@code answers}, judged against {@code keys}, the zone's keys. */
    static Result judge(Name zone, List<DnssecAnswer> answers, List<DNSKEYRecord> keys, Instant now) {
        Map<Name, List<NSEC3Record>> byOwner = new LinkedHashMap<>();
        List<RRSIGRecord> signatures = new ArrayList<>();
        for (DnssecAnswer a : answers) {
            for (Record r : a.denial()) {
                if (r instanceof NSEC3Record n && ofZone(n.getName(), zone)) {
                    List<NSEC3Record> set = byOwner.computeIfAbsent(n.getName(), k -> new ArrayList<>());
                    if (!set.contains(n)) {
                        set.add(n);
                    }
                } else if (r instanceof RRSIGRecord s && s.getTypeCovered() == Type.NSEC3 && !signatures.contains(s)) {
                    signatures.add(s);
                }
            }
        }
        List<String> notes = new ArrayList<>();
        List<NSEC3Record> verified = new ArrayList<>();
        byOwner.forEach((owner, set) -> {
            List<RRSIGRecord> over = signatures.stream().filter(s -> s.getName().equals(owner)).toList();
            if (RrsetSignatures.check(set, over, zone, keys, now) instanceof RrsetSignatures.Valid) {
                verified.addAll(set);
            } else {
                notes.add(";; NSEC3 " + owner + ": no valid signature by the zone's keys, Opt-Out flag not judged");
            }
        });
        Optional<NSEC3Record> optOut = verified.stream()
                .filter(n -> (n.getFlags() & NSEC3Record.Flags.OPT_OUT) != 0).findFirst();
        optOut.ifPresentOrElse(n -> notes.add(";; " + n + " (Opt-Out flag set: it may cover unsigned delegations,"
                        + " RFC 5155 §3.1.2.1)"),
                () -> verified.stream().findFirst().ifPresent(n -> notes.add(";; " + n + " (Opt-Out flag clear)")));
        return new Result(optOut, notes);
    }

    /** An NSEC3 owner name is one hash label above the zone's apex (RFC 5155 §3). */
    private static boolean ofZone(Name owner, Name zone) {
        return owner.labels() == zone.labels() + 1 && owner.subdomain(zone);
    }
}
