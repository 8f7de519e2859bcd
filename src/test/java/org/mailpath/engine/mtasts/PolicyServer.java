package org.mailpath.engine.mtasts;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/** An HTTPS server on loopback (JDK's HttpsServer) answering scripted replies per Host header and path. */
final class PolicyServer implements AutoCloseable {

    /** A scripted answer; {@code arrived}/{@code release}, when given, hold it until released (cancellation tests). */
    record Reply(int status, Map<String, String> headers, byte[] body, Optional<CountDownLatch> arrived,
                 Optional<CountDownLatch> release) {

        static Reply policy(String text) {
            return of(200, "text/plain; charset=utf-8", text);
        }

        static Reply of(int status, String contentType, String body) {
            return new Reply(status, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8),
                    Optional.empty(), Optional.empty());
        }

        static Reply redirect(String location) {
            return new Reply(301, Map.of("Location", location), new byte[0], Optional.empty(), Optional.empty());
        }

        Reply held(CountDownLatch arrivedSignal, CountDownLatch releaseSignal) {
            return new Reply(status, headers, body, Optional.of(arrivedSignal), Optional.of(releaseSignal));
        }
    }

    private final HttpsServer server;
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private PolicyServer(HttpsServer server) {
        this.server = server;
    }

    static PolicyServer start(SSLContext tls) throws IOException {
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(tls));
        https.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        PolicyServer policies = new PolicyServer(https);
        https.createContext("/", policies::handle);
        https.start();
        return policies;
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Answers {@code reply} to GET https://host/.well-known/mta-sts.txt. */
    void serve(String host, Reply reply) {
        serve(host, MtaStsPolicySource.WELL_KNOWN_PATH, reply);
    }

    void serve(String host, String path, Reply reply) {
        replies.put(host + path, reply);
    }

    /** "host path" of every request received. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String host = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Host")).orElse("")
                    .replaceFirst(":\\d+$", "");
            String path = exchange.getRequestURI().getPath();
            requests.add(host + " " + path);
            Reply reply = replies.getOrDefault(host + path, Reply.of(404, "text/plain", "not found"));
            reply.arrived().ifPresent(CountDownLatch::countDown);
            if (reply.release().isPresent()) {
                try {
                    reply.release().get().await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            if (reply.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(reply.body());
                } catch (IOException e) {
                    // the client stopped reading (a body over the limit): nothing to do
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
