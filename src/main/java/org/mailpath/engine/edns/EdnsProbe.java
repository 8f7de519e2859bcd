package org.mailpath.engine.edns;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.dns.DnsClient;
import org.mailpath.engine.dns.DnsTransport;
import org.mailpath.engine.dns.ReplyEvidence;
import org.mailpath.engine.dns.SilentServers;
import org.xbill.DNS.DClass;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.Flags;
import org.xbill.DNS.GenericEDNSOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Runs one {@link EdnsTest} against one server address and labels the outcome the way genreport's
 * {@code process()} does ({@code ok}, {@code timeout}, {@code noopt}, {@code badversion}, {@code echoed},
 * {@code mbz}, {@code toobig}, {@code formerr}, …). Queries are built with dnsjava's message classes and sent
 * on our own sockets ({@link DnsTransport}), because {@code SimpleResolver} rewrites OPT records, retries over
 * TCP and cuts oversized replies. A BADCOOKIE answer carrying a server cookie is retried once with that cookie
 * (what a resolver does; Knot's mod-cookies requires it).
 */
public final class EdnsProbe {

    private static final int UDP_SENDS = 3;
    private static final int BADCOOKIE = 23;
    /** The rcode names of genreport.c's rcodetext() (ISC DNS Compliance Testing). */
    private static final Map<Integer, String> RCODES = Map.ofEntries(Map.entry(0, "noerror"),
            Map.entry(1, "formerr"), Map.entry(2, "servfail"), Map.entry(3, "nxdomain"), Map.entry(4, "notimp"),
            Map.entry(5, "refused"), Map.entry(6, "yxdomain"), Map.entry(7, "yxrrset"), Map.entry(8, "nxrrset"),
            Map.entry(9, "notauth"), Map.entry(10, "notzone"), Map.entry(16, "badvers"),
            Map.entry(BADCOOKIE, "badcookie"));
    /** The opcode names of genreport.c's opcodetext(). */
    private static final Map<Integer, String> OPCODES = Map.of(0, "query", 1, "iquery", 2, "status", 4, "notify",
            5, "update");

    private EdnsProbe() {
    }

    /** The time between two sends of one UDP question (the timeout is spread over its sends). */
    static Duration retransmitInterval(Duration timeout) {
        return timeout.dividedBy(UDP_SENDS);
    }

    /** A test's label and the evidence lines of its exchanges. */
    public record Outcome(String label, List<String> evidence, boolean signed) {

        public Outcome {
            evidence = List.copyOf(evidence);
        }
    }

    public static Outcome run(EdnsTest test, Name zone, InetSocketAddress server, Duration timeout,
                              Cancellation cancellation) {
        Message query = query(test, zone, test.options());
        List<String> evidence = new ArrayList<>();
        DnsTransport.Result result = exchange(test, server, query, timeout, cancellation, evidence);
        if (result instanceof DnsTransport.Reply reply && reply.message().getRcode() == BADCOOKIE
                && test.sendsCookie()) {
            byte[] serverCookie = cookie(reply.message());
            // A reply whose client cookie is not ours is discarded by a resolver (RFC 7873 §5.3): no retry with it.
            if (serverCookie(serverCookie) && clientCookieMatches(serverCookie)) {
                List<EDNSOption> options = new ArrayList<>();
                for (EDNSOption o : test.options()) {
                    options.add(o.getCode() == EdnsTest.COOKIE ? new GenericEDNSOption(EdnsTest.COOKIE, serverCookie)
                            : o);
                }
                query = query(test, zone, options);
                result = exchange(test, server, query, timeout, cancellation, evidence);
            }
        }
        return switch (result) {
            case DnsTransport.Failure f -> new Outcome(f.label(), evidence, false);
            case DnsTransport.Reply r -> new Outcome(evaluate(test, query, r, zone), evidence, hasRrsig(r.message()));
        };
    }

    private static DnsTransport.Result exchange(EdnsTest test, InetSocketAddress server, Message query,
                                                Duration timeout, Cancellation cancellation, List<String> evidence) {
        // The question as sent, EDNS included: "edns1" or "ednsflags" mean nothing without the version and flags.
        String question = test.name() + ": " + query.getQuestion().getName() + " " + Type.string(test.qtype())
                + " (" + edns(query.getOPT()) + ")";
        String where = DnsClient.hostPort(server);
        DnsTransport.Result result = test.tcp() ? DnsTransport.tcp(server, query, timeout, cancellation)
                : DnsTransport.udp(server, query, timeout, UDP_SENDS, cancellation);
        evidence.addAll(lines(question, where, result));
        if (!test.tcp() && !test.ignoreTruncation() && result instanceof DnsTransport.Reply r
                && r.message().getHeader().getFlag(Flags.TC)) {
            result = DnsTransport.tcp(server, query, timeout, cancellation);
            evidence.addAll(lines(question + " (truncated, retried over TCP)", where, result));
        }
        return result;
    }

    /** The reply's evidence, with its OPT record in full after the first line (echoed options, flags, version). */
    private static List<String> lines(String question, String where, DnsTransport.Result result) {
        List<String> lines = new ArrayList<>(ReplyEvidence.lines(question, where, result, Instant.now()));
        if (result instanceof DnsTransport.Reply r && r.message().getOPT() != null) {
            lines.add(1, ";; OPT in reply: " + edns(r.message().getOPT()));
        }
        return lines;
    }

    /** An OPT record in words: version, buffer size, flags (DO and any other bit), options (at most 10). */
    static String edns(OPTRecord opt) {
        if (opt == null) {
            return "no EDNS";
        }
        List<String> flags = new ArrayList<>();
        if ((opt.getFlags() & EdnsTest.DO) != 0) {
            flags.add("do");
        }
        if ((opt.getFlags() & 0x7fff) != 0) {
            flags.add(String.format("0x%04x", opt.getFlags() & 0x7fff));
        }
        List<EDNSOption> options = opt.getOptions();
        List<String> listed = new ArrayList<>(options.stream().limit(10).map(Object::toString).toList());
        if (options.size() > 10) {
            listed.add("… " + (options.size() - 10) + " more");
        }
        return "EDNS version " + opt.getVersion() + ", udp " + opt.getPayloadSize() + ", flags "
                + (flags.isEmpty() ? "none" : String.join(" ", flags)) + ", options "
                + (listed.isEmpty() ? "none" : String.join(" ", listed));
    }

    static Message query(EdnsTest test, Name zone, List<EDNSOption> options) {
        Message query = Message.newQuery(Record.newRecord(zone, test.qtype(), DClass.IN));
        query.getHeader().unsetFlag(Flags.RD);
        if (test.hasOpt()) {
            query.addRecord(new OPTRecord(test.payload(), 0, test.version(), test.flags(), options),
                    Section.ADDITIONAL);
        }
        return query;
    }

    /** genreport's process(): failure tags in its order, "ok" when there is none, then informational tags. */
    static String evaluate(EdnsTest test, Message query, DnsTransport.Reply reply, Name zone) {
        Message m = reply.message();
        List<String> tags = new ArrayList<>();
        int rcode = m.getRcode();
        OPTRecord opt = m.getOPT();
        OPTRecord sent = query.getOPT();
        byte[] cookie = cookie(m);
        // genreport's "seencookie": a whole server cookie came back; only then does BADCOOKIE pass a cookie test
        boolean cookieBack = serverCookie(cookie);
        if (m.getHeader().getOpcode() != query.getHeader().getOpcode()) {
            tags.add(opcodeName(m.getHeader().getOpcode()));
        }
        if (test.version() <= 0) {
            if (rcode != Rcode.NOERROR && !(rcode == BADCOOKIE && test.sendsCookie() && cookieBack)) {
                tags.add(rcodeName(rcode));
            }
        } else if (rcode != Rcode.BADVERS) {
            tags.add(rcodeName(rcode));
        }
        if (opt != null && opt.getVersion() != 0) {
            tags.add("version-not-zero");
        }
        // genreport compares with the test's version, 0 when no OPT was sent: BADVERS to a plain query is wrong too
        int asked = Math.max(test.version(), 0);
        if (opt != null && ((opt.getVersion() < asked && rcode != Rcode.BADVERS)
                || (opt.getVersion() >= asked && rcode == Rcode.BADVERS))) {
            tags.add("badversion");
        }
        if (sent != null && opt == null) {
            tags.add("noopt");
        }
        if (sent == null && opt != null) {
            tags.add("opt");
        }
        boolean soa = m.getSection(Section.ANSWER).stream()
                .anyMatch(r -> r.getType() == Type.SOA && r.getName().equals(zone));
        if (test.qtype() == Type.SOA && test.version() <= 0 && !test.ignoreTruncation() && rcode == Rcode.NOERROR
                && !soa) {
            tags.add("nosoa");
        }
        if (test.qtype() == Type.SOA && soa && (test.version() > 0 || rcode != Rcode.NOERROR)) {
            tags.add("soa");
        }
        if (opt != null && !opt.getOptions(EdnsTest.UNKNOWN_OPTION).isEmpty()) {
            tags.add("echoed");
        }
        if ((test.flags() & EdnsTest.DO) != 0 && opt != null && (opt.getFlags() & EdnsTest.DO) == 0
                && hasRrsig(m)) {
            tags.add("nodo");
        }
        if (test.version() <= 0 && rcode == Rcode.NOERROR && !m.getHeader().getFlag(Flags.AA)) {
            tags.add("noaa");
        }
        if (m.getHeader().getFlag(Flags.RD)) {
            tags.add("rd");
        }
        if (m.getHeader().getFlag(Flags.AD) && (test.flags() & EdnsTest.DO) == 0) {
            tags.add("ad");
        }
        if (m.getHeader().getFlag(Flags.CD)) {
            tags.add("cd");
        }
        if (m.getHeader().getFlag(9)) {
            tags.add("z");
        }
        if (opt != null && (opt.getFlags() & 0x7fff) != 0) {
            tags.add("mbz");
        }
        if (test.ignoreTruncation() && !reply.tcp() && reply.size() > test.payload()) {
            tags.add("toobig");
        }
        // Another client cookie in the reply: genreport withholds "ok" without a failure tag of its own and says
        // "cookie-mismatch" among the informational tags; RFC 7873 §5.3 has a client discard such a reply.
        boolean mismatch = test.sendsCookie() && cookieBack && !clientCookieMatches(cookie);
        List<String> out = new ArrayList<>(tags.isEmpty() && !mismatch ? List.of("ok") : tags);
        out.addAll(informational(test, m, opt));
        return String.join(",", out);
    }

    private static List<String> informational(EdnsTest test, Message m, OPTRecord opt) {
        List<String> info = new ArrayList<>();
        if (opt == null) {
            return info;
        }
        if (opt.getOptions(3).stream().anyMatch(o -> data(o).length > 0)) {
            info.add("nsid");
        }
        if (opt.getOptions(9).stream().anyMatch(o -> data(o).length == 4)) {
            info.add("expire");
        }
        byte[] cookie = cookie(m);
        String badcookie = m.getRcode() == BADCOOKIE ? "+badcookie" : "";
        if (serverCookie(cookie) && test.sendsCookie()) {
            info.add((clientCookieMatches(cookie) ? "cookie" : "cookie-mismatch") + badcookie);
        } else if (serverCookie(cookie)) {
            info.add("cookie"); // a server cookie to a question that sent none: genreport notes it as such
        }
        if (!opt.getOptions(8).isEmpty()) {
            info.add("subnet");
        }
        return info;
    }

    /** A whole COOKIE option came back: client cookie (8 bytes) and server cookie (8–32 bytes, RFC 7873 §4). */
    private static boolean serverCookie(byte[] cookie) {
        return cookie.length >= 16 && cookie.length <= 40;
    }

    private static boolean clientCookieMatches(byte[] cookie) {
        return Arrays.equals(Arrays.copyOf(cookie, 8), EdnsTest.CLIENT_COOKIE);
    }

    private static byte[] cookie(Message m) {
        OPTRecord opt = m.getOPT();
        if (opt == null) {
            return new byte[0];
        }
        return opt.getOptions(EdnsTest.COOKIE).stream().findFirst().map(EdnsProbe::data).orElse(new byte[0]);
    }

    private static byte[] data(EDNSOption option) {
        byte[] wire = option.toWire();
        return Arrays.copyOfRange(wire, Math.min(4, wire.length), wire.length);
    }

    private static boolean hasRrsig(Message m) {
        return m.getSection(Section.ANSWER).stream().anyMatch(r -> r.getType() == Type.RRSIG);
    }

    /**
     * Whether the label of the plain {@code dns} test (the zone's SOA, no EDNS) says the server does not serve the
     * zone: an rcode other than NOERROR (as {@link #rcodeName} spells it), no AA flag, or no SOA. These are the
     * name-server check's tests of the same question (NS_LAME); a failure to answer at all is not lameness.
     */
    static boolean lame(String dnsLabel) {
        return FlagDay.tags(dnsLabel).stream().anyMatch(t -> t.equals("noaa") || t.equals("nosoa")
                || t.startsWith("rcode") || !t.equals("noerror") && RCODES.containsValue(t));
    }

    /**
     * Whether a test's label says no reply came at all: a timeout (ICMP port unreachable included), a refused TCP
     * connection (nothing listens) or a network error. A server whose every test ends so, the plain {@code dns} test
     * too, is unreachable: the name-server check's NS_UNREACHABLE, not an EDNS problem. A reset, eof or garbled
     * reply means something is there.
     */
    static boolean noReply(String label) {
        return SilentServers.noReply(FlagDay.tags(label).getFirst());
    }

    /**
     * genreport's rcodetext(): its own names, "rcode" and the number for every other (dnsjava's would say
     * "reserved15" or "badkey", and FlagDay's 2020 rule looks for "rcode15").
     */
    static String rcodeName(int rcode) {
        return RCODES.getOrDefault(rcode, "rcode" + rcode);
    }

    /** genreport's opcodetext(): its own names, "opcode" and the number for every other (not dnsjava's "dso"). */
    static String opcodeName(int opcode) {
        return OPCODES.getOrDefault(opcode, "opcode" + opcode);
    }
}
