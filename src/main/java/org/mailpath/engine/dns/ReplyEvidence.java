package org.mailpath.engine.dns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/** Evidence lines for a query sent straight to a server: what was asked, what came back, in zone-file text. */
public final class ReplyEvidence {

    /** Records quoted at most per reply (a reply of hundreds of records is summarised). */
    public static final int MAX_RECORDS = 20;

    private ReplyEvidence() {
    }

    public static List<String> lines(String question, String server, DnsTransport.Result result, Instant time) {
        List<String> lines = new ArrayList<>();
        switch (result) {
            case DnsTransport.Failure f -> lines.add(";; " + question + " @" + server + " -> " + f.label()
                    + (f.detail().isEmpty() ? "" : " (" + f.detail() + ")") + " at " + time);
            case DnsTransport.Reply r -> {
                Message m = r.message();
                OPTRecord opt = m.getOPT();
                lines.add(";; " + question + " @" + server + (r.tcp() ? " TCP" : " UDP") + " -> "
                        + Rcode.string(m.getRcode()) + " flags: " + m.getHeader().printFlags().strip()
                        + (opt == null ? "; no EDNS" : "; EDNS version " + opt.getVersion() + " udp "
                        + opt.getPayloadSize()) + "; " + r.size() + " bytes at " + time);
                List<Record> answer = m.getSection(Section.ANSWER);
                answer.stream().limit(MAX_RECORDS).forEach(rec -> lines.add(rec.toString()));
                if (answer.size() > MAX_RECORDS) {
                    lines.add(";; … " + (answer.size() - MAX_RECORDS) + " more records");
                }
            }
        }
        return List.copyOf(lines);
    }
}
