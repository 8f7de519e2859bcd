package org.mailpath.engine.edns;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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

    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /** Listens on {@code address}, on {@code port} (0 = a free one). */
    public ScriptedDnsServer(String address, int port, Handler handler) throws IOException {
        InetAddress a = InetAddress.getByName(address);
        tcp = new ServerSocket(port, 50, a);
        udp = new DatagramSocket(new InetSocketAddress(a, tcp.getLocalPort()));
        Thread.ofVirtual().start(() -> udpLoop(handler));
        Thread.ofVirtual().start(() -> tcpLoop(handler));
    }

    public int port() {
        return udp.getLocalPort();
    }

    /** "address:port", for {@code --resolver}. */
    public String spec() {
        return udp.getLocalAddress().getHostAddress() + ":" + port();
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

    private void udpLoop(Handler handler) {
        byte[] buffer = new byte[65535];
        while (!closed) {
            try {
                DatagramPacket p = new DatagramPacket(buffer, buffer.length);
                udp.receive(p);
                Message query = new Message(java.util.Arrays.copyOf(p.getData(), p.getLength()));
                Message reply = handler.answer(query, false);
                if (reply != null) {
                    byte[] wire = reply.toWire(65535);
                    udp.send(new DatagramPacket(wire, wire.length, p.getSocketAddress()));
                }
            } catch (IOException e) {
                // closed, or one query that did not parse: go on until closed
            }
        }
    }

    private void tcpLoop(Handler handler) {
        while (!closed) {
            try {
                Socket s = tcp.accept();
                connections.add(s);
                Thread.ofVirtual().start(() -> serve(handler, s));
            } catch (IOException e) {
                // closed
            }
        }
    }

    private void serve(Handler handler, Socket s) {
        try (s) {
            DataInputStream in = new DataInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            while (!closed) {
                byte[] wire = new byte[in.readUnsignedShort()];
                in.readFully(wire);
                Message reply = handler.answer(new Message(wire), true);
                if (reply == null) {
                    continue;
                }
                byte[] data = reply.toWire(65535);
                out.write(new byte[] {(byte) (data.length >>> 8), (byte) data.length});
                out.write(data);
                out.flush();
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    @Override
    public void close() {
        closed = true;
        udp.close();
        try {
            tcp.close();
        } catch (IOException ignored) {
            // closing
        }
        for (Socket c : connections) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }
}
