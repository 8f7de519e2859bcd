package org.mailpath.testing.dns;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback DNS server that answers with whatever bytes the test gives, on UDP and TCP of one port: for packets
 * no well-behaved server (nor {@link TestDnsServer}) sends. The handler sees each query's bytes; on TCP it writes
 * to the connection itself (so it can lie about lengths, stall or close). {@code ScriptedDnsServer} builds
 * dnsjava-message answers on it.
 */
public final class RawDnsServer implements AutoCloseable {

    /** What the server does with a query. */
    public interface Handler {
        /** The UDP datagram to send back, or null for none. */
        byte[] udp(byte[] query);

        /**
         * Writes (or not) the TCP reply to {@code query}, the message without its length prefix.
         *
         * @return true to read another query on the same connection, false to close it
         */
        boolean tcp(byte[] query, OutputStream out) throws IOException;
    }

    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /** Listens on {@code address}, on a free port. */
    public RawDnsServer(String address, Handler handler) throws IOException {
        this(address, 0, handler);
    }

    /** Listens on {@code address}, on {@code port} (0 = a free one), UDP and TCP alike. */
    public RawDnsServer(String address, int port, Handler handler) throws IOException {
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

    private void udpLoop(Handler handler) {
        byte[] buffer = new byte[65535];
        while (!closed) {
            try {
                DatagramPacket p = new DatagramPacket(buffer, buffer.length);
                udp.receive(p);
                byte[] reply = handler.udp(Arrays.copyOf(p.getData(), p.getLength()));
                if (reply != null) {
                    udp.send(new DatagramPacket(reply, reply.length, p.getSocketAddress()));
                }
            } catch (IOException e) {
                // closed, or one bad exchange: go on until closed
            }
        }
    }

    private void tcpLoop(Handler handler) {
        while (!closed) {
            try {
                Socket s = tcp.accept();
                connections.add(s);
                Thread.ofVirtual().start(() -> {
                    try (s) {
                        DataInputStream in = new DataInputStream(s.getInputStream());
                        boolean more = true;
                        while (more && !closed) {
                            byte[] query = new byte[in.readUnsignedShort()];
                            in.readFully(query);
                            more = handler.tcp(query, s.getOutputStream());
                        }
                    } catch (IOException e) {
                        // the client went away
                    }
                });
            } catch (IOException e) {
                // closed
            }
        }
    }

    /** Blocks a TCP handler until the server is closed (a server that accepts and never answers). */
    public void stall() {
        while (!closed) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
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
        connections.forEach(c -> {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing
            }
        });
    }
}
