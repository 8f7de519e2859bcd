package org.mailpath.engine.edns;

import java.io.IOException;
import java.io.OutputStream;
import org.mailpath.testing.dns.RawDnsServer;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;

/**
 * A loopback DNS server (UDP and TCP on one port) whose every reply the test writes as a dnsjava message: for
 * answers that depend on the query type or on EDNS details which the zone-based {@code TestDnsServer} cannot
 * give (one type failing while another answers, a server echoing a wrong client cookie, …). Public so the tests
 * of the other DNS check packages can use it.
 */
public final class ScriptedDnsServer implements AutoCloseable {

    /** The reply to one query; null sends nothing (a server or firewall that drops it). */
    @FunctionalInterface
    public interface Handler {
        Message answer(Message query, boolean tcp);
    }

    private final RawDnsServer server;

    /** Listens on {@code address}, on {@code port} (0 = a free one). */
    public ScriptedDnsServer(String address, int port, Handler handler) throws IOException {
        server = new RawDnsServer(address, port, new RawDnsServer.Handler() {
            @Override
            public byte[] udp(byte[] query) {
                Message reply = answer(handler, query, false);
                return reply == null ? null : reply.toWire(65535);
            }

            @Override
            public boolean tcp(byte[] query, OutputStream out) throws IOException {
                Message reply = answer(handler, query, true);
                if (reply != null) {
                    byte[] data = reply.toWire(65535);
                    out.write(new byte[] {(byte) (data.length >>> 8), (byte) data.length});
                    out.write(data);
                    out.flush();
                }
                return true; // a silent query leaves the connection open, as a stalled server would
            }
        });
    }

    /** The handler's reply, or null for a query that does not parse (a real server would drop it too). */
    private static Message answer(Handler handler, byte[] wire, boolean tcp) {
        try {
            return handler.answer(new Message(wire), tcp);
        } catch (IOException e) {
            return null;
        }
    }

    public int port() {
        return server.port();
    }

    /** "address:port", for {@code --resolver}. */
    public String spec() {
        return server.spec();
    }

    /** An empty reply to {@code query}: same id, opcode, question and RD bit, QR set, NOERROR. */
    public static Message reply(Message query) {
        Message r = new Message(query.getHeader().getID());
        r.getHeader().setFlag(Flags.QR);
        r.getHeader().setOpcode(query.getHeader().getOpcode());
        if (query.getHeader().getFlag(Flags.RD)) {
            r.getHeader().setFlag(Flags.RD);
            r.getHeader().setFlag(Flags.RA);
        }
        if (query.getQuestion() != null) {
            r.addRecord(query.getQuestion(), Section.QUESTION);
        }
        return r;
    }

    /** A reply with {@code rcode} and no records. */
    public static Message reply(Message query, int rcode) {
        Message r = reply(query);
        r.getHeader().setRcode(rcode);
        return r;
    }

    /** A NOERROR reply carrying {@code records} (zone-file text, one a line, absolute names) in the answer. */
    public static Message answer(Message query, String... records) {
        Message r = reply(query, Rcode.NOERROR);
        for (String text : records) {
            r.addRecord(record(text), Section.ANSWER);
        }
        return r;
    }

    /** One record from zone-file text with absolute names ({@code "example.test. 300 IN A 192.0.2.1"}). */
    public static Record record(String text) {
        String[] parts = text.trim().split("\\s+", 2);
        try {
            Name owner = Name.fromString(parts[0]);
            String rest = parts[1];
            long ttl = 300;
            String[] fields = rest.split("\\s+", 2);
            if (fields[0].chars().allMatch(Character::isDigit)) {
                ttl = Long.parseLong(fields[0]);
                rest = fields[1];
                fields = rest.split("\\s+", 2);
            }
            if (fields[0].equalsIgnoreCase("IN")) {
                rest = fields[1];
                fields = rest.split("\\s+", 2);
            }
            int type = org.xbill.DNS.Type.value(fields[0]);
            return Record.fromString(owner, type, org.xbill.DNS.DClass.IN, ttl, fields.length > 1 ? fields[1] : "",
                    Name.root);
        } catch (IOException e) {
            throw new IllegalArgumentException("bad test record " + text, e);
        }
    }

    /** A name from text (absolute or not). */
    public static Name name(String text) {
        try {
            return Name.fromString(text.endsWith(".") ? text : text + ".");
        } catch (TextParseException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
