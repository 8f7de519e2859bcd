package org.mailpath.testing.dns;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.ECPrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * installed, or fails it when {@code MAILPATH_REQUIRE_INTEROP=true} (CI). Zones can be signed by Knot with keys it
 * makes, or with a key the test made ({@link Builder#signedZone(String, String, ZoneSigner.Key)}), whose DS record
 * the test then knows before knotd starts.
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
        return missing("knotd");
    }

    /** Knot's key manager, installed beside knotd (package knot). */
    private static Path requireKeymgr(Path knotd) {
        Path keymgr = knotd.resolveSibling("keymgr");
        return Files.isExecutable(keymgr) ? keymgr : missing("keymgr");
    }

    private static Path missing(String binary) {
        String message = binary + " not installed (apt-get install knot): Knot DNS interop tests skipped";
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
        private final Map<String, ZoneSigner.Key> imported = new LinkedHashMap<>();
        /** Zones signed with NSEC3: extra iterations and salt length in octets. */
        private final Map<String, int[]> nsec3 = new LinkedHashMap<>();
        private final Set<String> nsec3OptOut = new LinkedHashSet<>();
        /** Signed zones' cds-cdnskey-publish setting (knot.conf(5), policy section). */
        private final Map<String, String> cdsPublish = new LinkedHashMap<>();
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

        /**
         * A zone Knot signs with {@code key} (an ECDSA P-256 key from {@link ZoneSigner.Key#ksk}, imported with
         * keymgr as the zone's only key before knotd starts), so that {@code key.ds()} is the zone's DS record.
         */
        public Builder signedZone(String name, String text, ZoneSigner.Key key) {
            imported.put(name, key);
            return zone(name, text);
        }

        /**
         * Has Knot prove names absent in the signed zone {@code name} with NSEC3 ({@code iterations} extra hash
         * iterations, a random salt of {@code saltLength} octets; Knot publishes them as the apex NSEC3PARAM) instead
         * of NSEC.
         */
        public Builder nsec3(String name, int iterations, int saltLength) {
            nsec3.put(name, new int[] {iterations, saltLength});
            return this;
        }

        /**
         * As {@link #nsec3(String, int, int)}, with opt-out (knot.conf(5): nsec3-opt-out): Knot sets the Opt-Out flag
         * in the zone's NSEC3 records.
         */
        public Builder nsec3OptOut(String name, int iterations, int saltLength) {
            nsec3OptOut.add(name);
            return nsec3(name, iterations, saltLength);
        }

        /**
         * Has Knot publish CDS and CDNSKEY records in the signed zone {@code name} as {@code mode} says (knot.conf(5):
         * cds-cdnskey-publish: none, delete-dnssec, rollover, always, double-ds; Knot's default is rollover).
         */
        public Builder cdsPublish(String name, String mode) {
            cdsPublish.put(name, mode);
            return this;
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
                try {
                    write(dir, p);
                    importKeys(knotd, dir);
                } catch (IOException | RuntimeException e) {
                    deleteTree(dir);
                    throw e;
                }
                Process process = new ProcessBuilder(knotd.toString(), "-c", dir.resolve("knot.conf").toString(),
                        "-s", dir.resolve("knot.sock").toString())
                        .redirectErrorStream(true).redirectOutput(dir.resolve("knot.log").toFile()).start();
                KnotServer server = new KnotServer(dir, process, p);
                if (server.awaitReady(addresses.getFirst(), zones.keySet())) {
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
            conf.append("policy:\n").append(policyEntry("fast", false, "")).append(policyEntry("imported", true, ""));
            // an NSEC3 or CDS zone gets its own copy of its policy with those settings (knot.conf(5), policy section)
            for (String zone : ownPolicies()) {
                int[] n = nsec3.get(zone);
                conf.append(policyEntry(policy(zone), imported.containsKey(zone), (n == null ? ""
                        : "    nsec3: on\n    nsec3-iterations: " + n[0] + "\n    nsec3-salt-length: " + n[1] + "\n"
                        + (nsec3OptOut.contains(zone) ? "    nsec3-opt-out: on\n" : ""))
                        + (cdsPublish.containsKey(zone) ? "    cds-cdnskey-publish: " + cdsPublish.get(zone) + "\n"
                        : "")));
            }
            conf.append("template:\n  - id: default\n    storage: \"").append(dir).append("\"\n    file: \"%s.zone\"\n");
            if (cookies) {
                conf.append("    global-module: mod-cookies\n");
            }
            conf.append("zone:\n");
            for (var z : zones.entrySet()) {
                conf.append("  - domain: ").append(z.getKey()).append('\n');
                if (signed.contains(z.getKey()) || imported.containsKey(z.getKey())) {
                    conf.append("    dnssec-signing: on\n    dnssec-policy: ").append(policy(z.getKey()))
                            .append('\n');
                }
                Files.writeString(dir.resolve(z.getKey() + ".zone"), "$TTL 300\n$ORIGIN " + z.getKey() + ".\n"
                        + z.getValue());
            }
            Files.writeString(dir.resolve("knot.conf"), conf.toString());
        }

        /**
         * One policy entry, ECDSA P-256 signing with Knot's own keys or, {@code importedKey}, with the test's own key
         * as the zone's only one (Knot neither makes nor rolls keys); {@code extra}: further settings, whole lines.
         */
        private static String policyEntry(String id, boolean importedKey, String extra) {
            return "  - id: " + id + "\n    algorithm: ecdsap256sha256\n"
                    + (importedKey ? "    manual: on\n    single-type-signing: on\n" : "") + extra;
        }

        /** The policy that signs {@code zone}: fast (Knot's keys), imported (the test's key), or its own copy. */
        private String policy(String zone) {
            String base = imported.containsKey(zone) ? "imported" : "fast";
            return ownPolicies().contains(zone) ? base + "-own-" + zone.replace('.', '-') : base;
        }

        /** The zones with NSEC3 or CDS settings of their own. */
        private Set<String> ownPolicies() {
            Set<String> own = new LinkedHashSet<>(nsec3.keySet());
            own.addAll(cdsPublish.keySet());
            return own;
        }

        /** Puts each test key into Knot's key database as its zone's key (signing and key signing at once). */
        private void importKeys(Path knotd, Path dir) throws IOException, InterruptedException {
            for (var entry : imported.entrySet()) {
                Path pem = dir.resolve(entry.getKey() + ".pem");
                Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pkcs8(entry.getValue()))
                        + "\n-----END PRIVATE KEY-----\n");
                Process keymgr = new ProcessBuilder(requireKeymgr(knotd).toString(), "-c",
                        dir.resolve("knot.conf").toString(), entry.getKey(), "import-pem", pem.toString(), "ksk=yes",
                        "zsk=yes").redirectErrorStream(true).start();
                String output = new String(keymgr.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!keymgr.waitFor(60, TimeUnit.SECONDS) || keymgr.exitValue() != 0) {
                    keymgr.destroyForcibly();
                    throw new IOException("keymgr import-pem failed for " + entry.getKey() + ": " + output);
                }
            }
        }
    }

    /**
     * An ECDSA P-256 key in PKCS#8 as OpenSSL writes it, with the public key inside the ECPrivateKey (RFC 5915):
     * keymgr (GnuTLS) refuses Java's own encoding, which leaves the public key out.
     */
    static byte[] pkcs8(ZoneSigner.Key key) {
        byte[] scalar = ((ECPrivateKey) key.privateKey()).getS().toByteArray();
        byte[] d = new byte[32];
        int n = Math.min(scalar.length, 32);
        System.arraycopy(scalar, scalar.length - n, d, 32 - n, n); // unsigned, 32 bytes
        byte[] point = concat(new byte[] {0x04}, key.dnskey().getKey()); // DNSKEY algorithm 13 holds x and y
        byte[] ecPrivateKey = der(0x30, concat(new byte[] {2, 1, 1}, der(0x04, d),
                der(0xA1, der(0x03, concat(new byte[] {0}, point)))));
        byte[] algorithm = HexFormat.of().parseHex("301306072a8648ce3d020106082a8648ce3d030107"); // EC, P-256
        return der(0x30, concat(new byte[] {2, 1, 0}, algorithm, der(0x04, ecPrivateKey)));
    }

    private static byte[] der(int tag, byte[] content) {
        byte[] length = content.length < 128 ? new byte[] {(byte) content.length}
                : content.length < 256 ? new byte[] {(byte) 0x81, (byte) content.length}
                : new byte[] {(byte) 0x82, (byte) (content.length >>> 8), (byte) content.length};
        return concat(new byte[] {(byte) tag}, length, content);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    public static Builder builder() {
        return new Builder();
    }

    public int port() {
        return port;
    }

    /**
     * Polls the SOA of every zone until knotd answers them all (it starts in well under a second on an idle machine;
     * a zone it signs is served once signed).
     */
    private boolean awaitReady(String address, java.util.Collection<String> zones)
            throws IOException, InterruptedException {
        // Generous: a loaded machine can be slow to start knotd; the loop ends as soon as it answers or dies.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(200);
            for (String zone : zones) {
                Message query = Message.newQuery(Record.newRecord(Name.fromString(zone + "."), Type.SOA, DClass.IN));
                while (!answers(socket, query, address)) {
                    if (System.nanoTime() >= deadline || !process.isAlive()) {
                        return false;
                    }
                    Thread.sleep(50);
                }
            }
        }
        return true;
    }

    private boolean answers(DatagramSocket socket, Message query, String address) throws IOException {
        byte[] wire = query.toWire();
        socket.send(new DatagramPacket(wire, wire.length, new InetSocketAddress(address, port)));
        try {
            DatagramPacket reply = new DatagramPacket(new byte[4096], 4096);
            socket.receive(reply);
            Message m = new Message(java.util.Arrays.copyOf(reply.getData(), reply.getLength()));
            return m.getHeader().getID() == query.getHeader().getID() && m.getRcode() == 0
                    && !m.getSection(1).isEmpty();
        } catch (IOException e) {
            return false; // not up yet (or still signing)
        }
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
        deleteTree(dir);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // temp dir left behind; harmless
        }
    }
}
