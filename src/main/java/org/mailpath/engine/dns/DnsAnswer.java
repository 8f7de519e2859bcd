package org.mailpath.engine.dns;

import java.time.Instant;
import java.util.List;
import org.mailpath.engine.finding.Localizable;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Record;

/**
 * The answer to one DNS question, kept as evidence for the findings that rest on it.
 * {@code records} are the answer records of the asked type (after following CNAMEs);
 * {@code cnames} the CNAME records followed on the way; {@code server} the server that answered
 * ("host:port"); {@code detailText} a short reason when the status is not OK/NODATA (or how the answer came,
 * e.g. over TCP), shown in the user's language inside findings ({@link #detail()} is it in English, for evidence);
 * {@code resolverAtFault} that the failure came from resolvers that do not work at all (no answer, NXDOMAIN or
 * SERVFAIL even for the root zone's NS, a referral or REFUSED), so it says nothing about {@code name}: this
 * computer's DNS is broken or refuses this computer.
 */
public record DnsAnswer(String name, int type, DnsStatus status, List<Record> records, List<Record> cnames,
                        String server, Instant time, Localizable detailText, boolean resolverAtFault) {

    /** Records quoted at most in {@link #evidence()}. */
    public static final int MAX_EVIDENCE_RECORDS = 50;

    public DnsAnswer {
        records = List.copyOf(records);
        cnames = List.copyOf(cnames);
        server = server == null ? "" : server;
        detailText = detailText == null ? DnsReasons.verbatim("") : detailText;
    }

    /** An answer whose detail is text that is not ours to translate (or no detail: empty). */
    public DnsAnswer(String name, int type, DnsStatus status, List<Record> records, List<Record> cnames,
                     String server, Instant time, String detail, boolean resolverAtFault) {
        this(name, type, status, records, cnames, server, time, DnsReasons.verbatim(detail), resolverAtFault);
    }

    /** An answer from (or a failure of) resolvers that answer other questions. */
    public DnsAnswer(String name, int type, DnsStatus status, List<Record> records, List<Record> cnames,
                     String server, Instant time, String detail) {
        this(name, type, status, records, cnames, server, time, detail, false);
    }

    /** The detail in English (evidence lines, logs); empty when there is none. */
    public String detail() {
        return detailText.toString();
    }

    public boolean ok() {
        return status == DnsStatus.OK;
    }

    /**
     * This NXDOMAIN as the failed lookup it is when the name's own servers contradict it: ERROR, no records, and
     * {@code reason} before its detail. Not the resolver's fault: it relayed what the name's servers said.
     */
    DnsAnswer failedBecause(Localizable reason) {
        return new DnsAnswer(name, type, DnsStatus.ERROR, List.of(), cnames, server, time,
                DnsReasons.both(reason, detailText), false);
    }

    /** The name the records are at: the last CNAME's target, or the name asked when there is no CNAME. */
    public String finalName() {
        return cnames.isEmpty() ? name : Addresses.display(((CNAMERecord) cnames.getLast()).getTarget());
    }

    /**
     * Evidence lines: the question, the server, status (with its detail, but not the reason a resolver is at fault:
     * {@link ResolverFault}) and time, then the records in zone-file text, at most
     * {@value #MAX_EVIDENCE_RECORDS} of them (an answer of thousands is summarised, as every finding quoting it
     * would carry them all).
     */
    public List<String> evidence() {
        var lines = new java.util.ArrayList<String>();
        // a resolver's fault is explained once, in the finding's message: the line keeps the question's outcome
        String detail = ResolverFault.of(detailText).map(f -> f.outcome().toString()).orElseGet(this::detail);
        lines.add(";; " + name + " " + org.xbill.DNS.Type.string(type) + " @" + server + " -> " + status
                + (detail.isEmpty() ? "" : " (" + detail + ")") + " at " + time);
        cnames.forEach(r -> lines.add(r.toString()));
        records.stream().limit(MAX_EVIDENCE_RECORDS).forEach(r -> lines.add(r.toString()));
        if (records.size() > MAX_EVIDENCE_RECORDS) {
            lines.add(";; … " + (records.size() - MAX_EVIDENCE_RECORDS) + " more records");
        }
        return List.copyOf(lines);
    }
}
