package org.mailpath.engine.dns;

import java.time.Instant;
import java.util.List;
import org.xbill.DNS.Record;

/**
 * The answer to one DNS question, kept as evidence for the findings that rest on it.
 * {@code records} are the answer records of the asked type (after following CNAMEs);
 * {@code cnames} the CNAME records followed on the way; {@code server} the server that answered
 * ("host:port"); {@code detail} a short reason when the status is not OK/NODATA.
 */
public record DnsAnswer(String name, int type, DnsStatus status, List<Record> records, List<Record> cnames,
                        String server, Instant time, String detail) {

    public DnsAnswer {
        records = List.copyOf(records);
        cnames = List.copyOf(cnames);
        server = server == null ? "" : server;
        detail = detail == null ? "" : detail;
    }

    public boolean ok() {
        return status == DnsStatus.OK;
    }

    /** Evidence lines: the question, the server, status and time, then every record in zone-file text. */
    public List<String> evidence() {
        var lines = new java.util.ArrayList<String>();
        lines.add(";; " + name + " " + org.xbill.DNS.Type.string(type) + " @" + server + " -> " + status
                + (detail.isEmpty() ? "" : " (" + detail + ")") + " at " + time);
        cnames.forEach(r -> lines.add(r.toString()));
        records.forEach(r -> lines.add(r.toString()));
        return List.copyOf(lines);
    }
}
