package org.mailpath.engine.dns;

import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.RRSIGRecord;

/**
 * The answer to a question asked for DNSSEC data ({@link DnsLookup#lookupSigned}): the answer itself, the RRSIG
 * records over its records, and {@code dnssecOk}, whether the reply carried the DO bit, i.e. the resolver returns
 * DNSSEC records. Without it, missing signatures say nothing about the zone: the resolver dropped them.
 */
public record DnssecAnswer(DnsAnswer answer, List<RRSIGRecord> signatures, boolean dnssecOk) {

    public DnssecAnswer {
        signatures = List.copyOf(signatures);
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
