package org.mailpath.engine.mtasts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTP CONNECT proxy on loopback that stands in for the internet: {@code CONNECT host:443} is tunnelled to the
 * local port routed for that host, anything else is answered 502. The client still speaks TLS to the name in the
 * URL (SNI and certificate checks for {@code mta-sts.<domain>}), so the production fetcher runs unchanged.
 */
final class ConnectProxy implements AutoCloseable {

    private final ServerSocket server;
    private final Map<String, Integer> routes = new ConcurrentHashMap<>();
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean demandCredentials;

    private ConnectProxy(ServerSocket server) {
        this.server = server;
        Thread.ofVirtual().name("test-connect-proxy").start(this::acceptLoop);
    }

    static ConnectProxy start() throws IOException {
        return new ConnectProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    }

    /** Tunnels {@code host:443} to 127.0.0.1:{@code localPort}. */
    void route(String host, int localPort) {
        routes.put(host + ":443", localPort);
    }

    /** From now on, answers every CONNECT with 407, as a proxy that wants credentials does. */
    void demandCredentials(boolean demand) {
        demandCredentials = demand;
    }

    /** The CONNECT targets asked so far ("host:port"). */
    List<String> asked() {
        return List.copyOf(asked);
    }

    ProxySelector selector() {
        return ProxySelector.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                open.add(client);
                Thread.ofVirtual().start(() -> tunnel(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void tunnel(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            String head = readHead(in);
            String[] request = head.lines().findFirst().orElse("").split(" ");
            if (request.length < 2 || !request[0].equals("CONNECT")) {
                out.write("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n".getBytes(
                        StandardCharsets.US_ASCII));
                return;
            }
            asked.add(request[1]);
            if (demandCredentials) {
                out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"corp\"\r\n"
                        + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return;
            }
            Integer port = routes.get(request[1]);
            if (port == null) {
                out.write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(
                        StandardCharsets.US_ASCII));
                out.flush();
                return;
            }
            try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), port)) {
                open.add(upstream);
                out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread back = Thread.ofVirtual().start(() -> pipe(upstream, client));
                pipe(client, upstream);
                back.join();
            }
        } catch (IOException | InterruptedException e) {
            // the client or the server went away: the tunnel ends
        }
    }

    private static void pipe(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException e) {
            try {
                to.close();
                from.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length && head.size() < 8192) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }
}
