package org.mailpath.engine.dns;

import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Record;

/**
 * The answer to a question asked for DNSSEC data ({@link DnsLookup#lookupSigned}): the answer itself, the RRSIG
 * records over its records, and {@code dnssecOk}, whether the reply carried the DO bit, i.e. the resolver returns
 * DNSSEC records. Without it, missing signatures say nothing about the zone: the resolver dropped them.
 * {@code denial}: for a NODATA or NXDOMAIN answer with DNSSEC data, the NSEC and NSEC3 records of the reply's
 * authority section and the RRSIG records over them (what proves the answer, RFC 4035 §3.1.3, RFC 5155 §7.2);
 * empty otherwise. Not part of {@link #evidence()}: the findings that judge them quote them.
 */
public record DnssecAnswer(DnsAnswer answer, List<RRSIGRecord> signatures, boolean dnssecOk, List<Record> denial) {

    public DnssecAnswer {
        signatures = List.copyOf(signatures);
        denial = List.copyOf(denial);
    }

    /** An answer without NSEC or NSEC3 records (a positive one, or one whose denial was not kept). */
    public DnssecAnswer(DnsAnswer answer, List<RRSIGRecord> signatures, boolean dnssecOk) {
        this(answer, signatures, dnssecOk, List.of());
    }

    /** An answer that carries no DNSSEC data (a failure, or a lookup that cannot ask for it). */
    public static DnssecAnswer withoutDnssec(DnsAnswer answer) {
        return new DnssecAnswer(answer, List.of(), false);
    }

    /** The answer's evidence lines, then its signatures (or that the reply had no DNSSEC data). */
    public List<String> evidence() {
        List<String> lines = new ArrayList<>(answer.evidence());
        signatures.stream().limit(DnsAnswer.MAX_EVIDENCE_RECORDS).forEach(s -> lines.add(s.toString()));
        if (!dnssecOk && (answer.status() == DnsStatus.OK || answer.status() == DnsStatus.NODATA)) {
            lines.add(";; the reply carried no DNSSEC data (no DO bit): signatures not seen");
        }
        return List.copyOf(lines);
    }
}
