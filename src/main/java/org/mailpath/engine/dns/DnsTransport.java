package org.mailpath.engine.dns;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.CancelledException;
import org.mailpath.engine.finding.LocalText;
import org.mailpath.engine.finding.Localizable;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;
import org.xbill.DNS.WireParseException;

/**
 * Sends one DNS message over UDP or TCP on plain JDK sockets and reads the reply, treating every packet as
 * hostile: replies are read into a 64 KiB buffer (so an oversized answer is seen whole, never cut), replies
 * with another id or question are ignored on UDP (as ISC's genreport does) and a mismatch on TCP, unparseable
 * bytes and packets that are not responses (QR clear) are {@code malformed}. Everything is bounded by the given
 * time; nothing throws for network trouble (only {@link CancelledException} when cancelled). Failure labels are
 * genreport's: {@code timeout}, {@code connection-refused}, {@code reset}, {@code eof}, {@code malformed}, {@code mismatch},
 * {@code skipped} (address family not available here), {@code failed}.
 */
public final class DnsTransport {

    /** Largest DNS message (TCP length prefix is 16 bits). */
    public static final int MAX_MESSAGE = 65535;
    /**
     * Exchanges in progress at once in this process: many domains × servers × probes must not exhaust file
     * descriptors (which would turn into false "failed" results) nor flood one server.
     */
    public static final int MAX_CONCURRENT = 256;
    private static final Semaphore SLOTS = new Semaphore(MAX_CONCURRENT);

    private DnsTransport() {
    }

    /** What one exchange gave: a parsed reply or a failure label. */
    public sealed interface Result permits Reply, Failure {
    }

    /** A parsed reply; {@code size} is its length on the wire. */
    public record Reply(Message message, int size, boolean tcp) implements Result {
    }

    /**
     * No usable reply; {@code label} is a genreport transport tag, {@code reason} a short reason that can be shown in
     * the user's language (empty when the label says it all).
     */
    public record Failure(String label, Localizable reason) implements Result {

        /** The label of an address this computer has no route to (its family, IPv6, is not available here). */
        static final String UNREACHABLE_HERE = "skipped";

        /** This computer has no route to the address: a fact about here, not about the server asked. */
        public boolean unreachableHere() {
            return label.equals(UNREACHABLE_HERE);
        }

        /** The reason in English (evidence lines, logs); empty when there is none. */
        public String detail() {
            return reason.toString();
        }
    }

    /**
     * UDP exchange: the query is sent {@code sends} times, evenly spread over {@code timeout}, and the first
     * matching reply wins.
     */
    public static Result udp(InetSocketAddress server, Message query, Duration timeout, int sends,
                             Cancellation cancellation) {
        Permits.acquire(SLOTS, cancellation);
        try {
            return udpExchange(server, query, timeout, sends, cancellation);
        } finally {
            SLOTS.release();
        }
    }

    /**
     * UDP ({@link #udp}), then TCP when the UDP reply is truncated: a truncated reply is no answer (RFC 2181 §9: a
     * client "should ignore that response, and query again" over TCP).
     */
    public static Result udpThenTcp(InetSocketAddress server, Message query, Duration timeout, int sends,
                                    Cancellation cancellation) {
        Result udp = udp(server, query, timeout, sends, cancellation);
        return udp instanceof Reply r && r.message().getHeader().getFlag(Flags.TC)
                ? tcp(server, query, timeout, cancellation) : udp;
    }

    /** TCP exchange with a 2-byte length prefix; connect and read together are bounded by {@code timeout}. */
    public static Result tcp(InetSocketAddress server, Message query, Duration timeout, Cancellation cancellation) {
        Permits.acquire(SLOTS, cancellation);
        try {
            return tcpExchange(server, query, timeout, cancellation);
        } finally {
            SLOTS.release();
        }
    }

    private static Result udpExchange(InetSocketAddress server, Message query, Duration timeout, int sends,
                                      Cancellation cancellation) {
        byte[] wire = query.toWire(MAX_MESSAGE);
        long deadline = System.nanoTime() + timeout.toNanos();
        long interval = timeout.toNanos() / Math.max(1, sends);
        try (DatagramSocket socket = new DatagramSocket();
             AutoCloseable hook = cancellation.onCancel(socket::close)) {
            socket.connect(server);
            byte[] buffer = new byte[MAX_MESSAGE];
            int sent = 0;
            long nextSend = System.nanoTime();
            while (true) {
                long now = System.nanoTime();
                if (now >= deadline) {
                    return new Failure("timeout", DnsReasons.udpTimeout(timeout));
                }
                if (sent < sends && now >= nextSend) {
                    socket.send(new DatagramPacket(wire, wire.length));
                    sent++;
                    nextSend = now + interval;
                }
                long wait = Math.min(deadline, sent < sends ? nextSend : deadline) - System.nanoTime();
                socket.setSoTimeout((int) Math.max(1, wait / 1_000_000));
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(packet);
                } catch (SocketTimeoutException e) {
                    continue;
                }
                byte[] data = Arrays.copyOf(packet.getData(), packet.getLength());
                Result result = parse(data, query, false);
                if (result instanceof Failure f && f.label().equals("mismatch")) {
                    continue; // a reply to some other question: keep waiting, like genreport
                }
                return result;
            }
        } catch (PortUnreachableException e) {
            // Nothing listens there; genreport would wait out its retries and say timeout.
            return new Failure("timeout", DnsReasons.of("portUnreachable"));
        } catch (IOException e) {
            cancellation.throwIfCancelled();
            return networkFailure(server, e);
        } catch (Exception e) { // AutoCloseable.close() of the hook
            cancellation.throwIfCancelled();
            return new Failure("failed", networkWordsText(e));
        }
    }

    private static Result tcpExchange(InetSocketAddress server, Message query, Duration timeout,
                                      Cancellation cancellation) {
        byte[] wire = query.toWire(MAX_MESSAGE);
        long deadline = System.nanoTime() + timeout.toNanos();
        // always direct, as DNS over UDP is: a SOCKS proxy from this computer's proxy settings is not the path asked
        try (Socket socket = new Socket(Proxy.NO_PROXY);
             AutoCloseable hook = cancellation.onCancel(() -> closeQuietly(socket))) {
            socket.connect(server, (int) Math.max(1, timeout.toMillis()));
            OutputStream out = socket.getOutputStream();
            byte[] framed = new byte[wire.length + 2];
            framed[0] = (byte) (wire.length >>> 8);
            framed[1] = (byte) wire.length;
            System.arraycopy(wire, 0, framed, 2, wire.length);
            out.write(framed);
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] prefix = readFully(socket, in, 2, deadline);
            int length = ((prefix[0] & 0xff) << 8) | (prefix[1] & 0xff);
            byte[] data = readFully(socket, in, length, deadline);
            return parse(data, query, true);
        } catch (SocketTimeoutException e) {
            cancellation.throwIfCancelled();
            return new Failure("timeout", DnsReasons.tcpTimeout(timeout));
        } catch (ConnectException e) {
            cancellation.throwIfCancelled();
            return new Failure("connection-refused", DnsReasons.of("tcpRefused"));
        } catch (EOFException e) {
            cancellation.throwIfCancelled();
            return new Failure("eof", DnsReasons.of("eof"));
        } catch (IOException e) {
            cancellation.throwIfCancelled();
            return networkFailure(server, e);
        } catch (Exception e) {
            cancellation.throwIfCancelled();
            return new Failure("failed", networkWordsText(e));
        }
    }

    /** Reads exactly {@code n} bytes before the deadline (a server dripping a byte a second is still cut off). */
    private static byte[] readFully(Socket socket, InputStream in, int n, long deadline) throws IOException {
        byte[] data = new byte[n];
        int off = 0;
        while (off < n) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new SocketTimeoutException("deadline");
            }
            socket.setSoTimeout((int) Math.max(1, left));
            int r = in.read(data, off, n - off);
            if (r < 0) {
                throw new EOFException();
            }
            off += r;
        }
        return data;
    }

    /** Parses and matches a reply (package-private for the robustness test). */
    static Result parse(byte[] data, Message query, boolean tcp) {
        if (data.length < 2 || ((data[0] & 0xff) << 8 | (data[1] & 0xff)) != query.getHeader().getID()) {
            return new Failure("mismatch", tcp ? DnsReasons.of("otherQueryId") : DnsReasons.verbatim(""));
        }
        Message reply;
        try {
            reply = new Message(data);
        } catch (WireParseException e) {
            return new Failure("malformed", DnsReasons.of("malformed", String.valueOf(e.getMessage())));
        } catch (IOException | RuntimeException e) {
            return new Failure("malformed", DnsReasons.of("malformed", e.toString()));
        }
        if (!reply.getHeader().getFlag(org.xbill.DNS.Flags.QR)) {
            // the query itself came back (a reflecting middlebox or a broken server): it answers nothing
            return new Failure("malformed", DnsReasons.of("notAResponse"));
        }
        Record asked = query.getQuestion();
        Record answered = reply.getQuestion();
        // Many FORMERR/NOTIMP replies carry no question; only a different question is a mismatch.
        if (asked != null && answered != null
                && (!asked.getName().equals(answered.getName()) || asked.getType() != answered.getType())) {
            return new Failure("mismatch", DnsReasons.of("otherQuestion", answered.getName().toString(),
                    org.xbill.DNS.Type.string(answered.getType())));
        }
        return new Reply(reply, data.length, tcp);
    }

    private static Failure networkFailure(InetSocketAddress server, IOException e) {
        String text = String.valueOf(e.getMessage());
        if (server.getAddress() instanceof Inet6Address
                && (e instanceof NoRouteToHostException || text.contains("unreachable")
                || text.contains("not supported") || text.contains("family"))) {
            return new Failure(Failure.UNREACHABLE_HERE, DnsReasons.of("noIpv6"));
        }
        if (e instanceof SocketException && text.toLowerCase(java.util.Locale.ROOT).contains("reset")) {
            return new Failure("reset", DnsReasons.of("reset"));
        }
        return new Failure("failed", networkWordsText(e));
    }

    /**
     * A network error in words for evidence and messages: the operating system's own text ("Network is
     * unreachable"), or what kind of error it is, never a Java class name.
     */
    static String networkWords(Exception e) {
        return networkWordsText(e).toString();
    }

    /** {@link #networkWords} in words that can be shown in the user's language (the system's text stays as it is). */
    static LocalText networkWordsText(Exception e) {
        String kind = switch (e) {
            case NoRouteToHostException x -> "noRoute";
            case java.net.ConnectException x -> "connectFailed";
            case java.net.BindException x -> "noLocalPort";
            case SocketException x -> "networkError";
            case IOException x -> "ioError";
            default -> "unexpectedError";
        };
        LocalText words = DnsReasons.of("network." + kind);
        String text = e.getMessage();
        // the system's text is left out when it only repeats our words
        return text == null || text.isBlank() || text.equalsIgnoreCase(words.toString()) ? words
                : DnsReasons.of("network.withText", words, text.strip());
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing to interrupt a blocked read; nothing to do
        }
    }
}
