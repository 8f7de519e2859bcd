package org.mailpath.engine.dns;

import java.time.Instant;
import java.util.List;
import org.xbill.DNS.Record;

/**
 * The answer to one DNS question, kept as evidence for the findings that rest on it.
 * {@code records} are the answer records of the asked type (after following CNAMEs);
 * {@code cnames} the CNAME records followed on the way; {@code server} the server that answered
 * ("host:port"); {@code detail} a short reason when the status is not OK/NODATA; {@code resolverAtFault} that the
 * failure came from resolvers that do not work at all (no answer, NXDOMAIN or SERVFAIL even for the root zone's NS),
 * so it says nothing about {@code name}: this computer's DNS is broken.
 */
public record DnsAnswer(String name, int type, DnsStatus status, List<Record> records, List<Record> cnames,
                        String server, Instant time, String detail, boolean resolverAtFault) {

    /** Records quoted at most in {@link #evidence()}. */
    public static final int MAX_EVIDENCE_RECORDS = 50;

    public DnsAnswer {
        records = List.copyOf(records);
        cnames = List.copyOf(cnames);
        server = server == null ? "" : server;
        detail = detail == null ? "" : detail;
    }

    /** An answer from (or a failure of) resolvers that answer other questions. */
    public DnsAnswer(String name, int type, DnsStatus status, List<Record> records, List<Record> cnames,
                     String server, Instant time, String detail) {
        this(name, type, status, records, cnames, server, time, detail, false);
    }

    public boolean ok() {
        return status == DnsStatus.OK;
    }

    /**
     * Evidence lines: the question, the server, status and time, then the records in zone-file text, at most
     * {@value #MAX_EVIDENCE_RECORDS} of them (an answer of thousands is summarised, as every finding quoting it
     * would carry them all).
     */
    public List<String> evidence() {
        var lines = new java.util.ArrayList<String>();
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
