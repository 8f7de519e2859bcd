package org.mailpath.testing.dns;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * A real Knot DNS server ({@code knotd}) for interop tests: zones and config in a temp dir, listening on
 * loopback addresses, started and stopped by the test. {@link #requireKnot()} skips the test when knotd is not
 * installed, or fails it when {@code MAILPATH_REQUIRE_INTEROP=true} (CI).
 */
public final class KnotServer implements AutoCloseable {

    private static final List<String> KNOTD = List.of("/usr/sbin/knotd", "/usr/bin/knotd", "/usr/local/sbin/knotd");

    private final Path dir;
    private final Process process;
    private final int port;

    private KnotServer(Path dir, Process process, int port) {
        this.dir = dir;
        this.process = process;
        this.port = port;
    }

    /** The knotd binary; skips (or, under MAILPATH_REQUIRE_INTEROP=true, fails) the test when there is none. */
    public static Path requireKnot() {
        for (String p : KNOTD) {
            if (Files.isExecutable(Path.of(p))) {
                return Path.of(p);
            }
        }
        String message = "knotd not installed (apt-get install knot): Knot DNS interop tests skipped";
        if ("true".equalsIgnoreCase(System.getenv("MAILPATH_REQUIRE_INTEROP"))) {
            throw new AssertionError(message.replace("skipped", "required by MAILPATH_REQUIRE_INTEROP"));
        }
        Assumptions.abort(message);
        return null;
    }

    /** Configures one knotd. */
    public static final class Builder {
        private final List<String> addresses = new ArrayList<>();
        private final Map<String, String> zones = new LinkedHashMap<>();
        private final List<String> signed = new ArrayList<>();
        private boolean cookies;
        private int port;

        public Builder listen(String address) {
            addresses.add(address);
            return this;
        }

        /** A zone (zone-file text without $TTL; {@code @} is the zone name). */
        public Builder zone(String name, String text) {
            zones.put(name, text);
            return this;
        }

        /** A zone Knot signs itself on load (ECDSA P-256). */
        public Builder signedZone(String name, String text) {
            signed.add(name);
            return zone(name, text);
        }

        /** Turns on mod-cookies: client-only cookies get BADCOOKIE with a server cookie. */
        public Builder cookies() {
            this.cookies = true;
            return this;
        }

        /** A fixed port (several servers on the same port need this); default: a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public KnotServer start() throws IOException, InterruptedException {
            Path knotd = requireKnot();
            for (int attempt = 0; attempt < 10; attempt++) {
                int p = port != 0 ? port : 20000 + ThreadLocalRandom.current().nextInt(40000);
                Path dir = Files.createTempDirectory("mailpath-knot");
                write(dir, p);
                Process process = new ProcessBuilder(knotd.toString(), "-c", dir.resolve("knot.conf").toString(),
                        "-s", dir.resolve("knot.sock").toString())
                        .redirectErrorStream(true).redirectOutput(dir.resolve("knot.log").toFile()).start();
                KnotServer server = new KnotServer(dir, process, p);
                if (server.awaitReady(addresses.getFirst(), zones.keySet().iterator().next())) {
                    return server;
                }
                server.close();
                if (port != 0) {
                    break;
                }
            }
            throw new IOException("knotd did not start answering on " + addresses);
        }

        private void write(Path dir, int p) throws IOException {
            StringBuilder conf = new StringBuilder();
            conf.append("server:\n    rundir: \"").append(dir).append("\"\n    listen: [ ")
                    .append(String.join(", ", addresses.stream().map(a -> a + "@" + p).toList())).append(" ]\n");
            conf.append("database:\n    storage: \"").append(dir).append("\"\n");
            conf.append("log:\n  - target: stderr\n    any: warning\n");
            conf.append("policy:\n  - id: fast\n    algorithm: ecdsap256sha256\n");
            conf.append("template:\n  - id: default\n    storage: \"").append(dir).append("\"\n    file: \"%s.zone\"\n");
            if (cookies) {
                conf.append("    global-module: mod-cookies\n");
            }
            conf.append("zone:\n");
            for (var z : zones.entrySet()) {
                conf.append("  - domain: ").append(z.getKey()).append('\n');
                if (signed.contains(z.getKey())) {
                    conf.append("    dnssec-signing: on\n    dnssec-policy: fast\n");
                }
                Files.writeString(dir.resolve(z.getKey() + ".zone"), "$TTL 300\n$ORIGIN " + z.getKey() + ".\n"
                        + z.getValue());
            }
            Files.writeString(dir.resolve("knot.conf"), conf.toString());
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public int port() {
        return port;
    }

    /** Polls the SOA of a zone until knotd answers it (it starts in well under a second on an idle machine). */
    private boolean awaitReady(String address, String zone) throws IOException, InterruptedException {
        Message query = Message.newQuery(Record.newRecord(Name.fromString(zone + "."), Type.SOA, DClass.IN));
        byte[] wire = query.toWire();
        // Generous: a loaded machine can be slow to start knotd; the loop ends as soon as it answers or dies.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(200);
            while (System.nanoTime() < deadline && process.isAlive()) {
                socket.send(new DatagramPacket(wire, wire.length, new InetSocketAddress(address, port)));
                try {
                    DatagramPacket reply = new DatagramPacket(new byte[4096], 4096);
                    socket.receive(reply);
                    Message m = new Message(java.util.Arrays.copyOf(reply.getData(), reply.getLength()));
                    if (m.getRcode() == 0 && !m.getSection(1).isEmpty()) {
                        return true;
                    }
                } catch (IOException e) {
                    // not up yet (or still signing)
                }
                Thread.sleep(50);
            }
        }
        return false;
    }

    /** knotd's log (for failure messages). */
    public String log() {
        try {
            return Files.readString(dir.resolve("knot.log"));
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // temp dir left behind; harmless
        }
    }
}
