package org.mailpath.testing.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private Postfix (Debian's package) started by a test: its own configuration and queue in a temporary folder,
 * three smtpd listeners on high loopback ports (STARTTLS offered with a given certificate; TLS off; TLS 1.0/1.1
 * only), nothing ever relayed or delivered (every transport is {@code discard}, and the probe never sends DATA). Needs root, because Postfix
 * drops privileges to its {@code postfix} user; {@link #unavailableReason()} says why it cannot run here.
 */
public final class PostfixInstance implements AutoCloseable {

    private static final Path POSTFIX = Path.of("/usr/sbin/postfix");
    private static final Path DAEMONS = Path.of("/usr/lib/postfix/sbin");

    private final Path dir;
    private final int tlsPort;
    private final int plainPort;
    private final int oldTlsPort;
    private final Process process;
    private final Path log;

    /** Empty when a private Postfix can run here; otherwise why not. */
    public static java.util.Optional<String> unavailableReason() {
        if (!Files.isExecutable(POSTFIX) || !Files.isDirectory(DAEMONS)) {
            return java.util.Optional.of("Postfix is not installed (apt-get install postfix)");
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return java.util.Optional.of("a private Postfix instance needs root (it switches to the postfix user)");
        }
        return java.util.Optional.empty();
    }

    /**
     * @param chainPem PEM chain (leaf first) for STARTTLS
     * @param keyPem   PEM private key
     */
    public static PostfixInstance start(Path chainPem, Path keyPem, Duration startupLimit) throws IOException {
        return new PostfixInstance(chainPem, keyPem, startupLimit);
    }

    private PostfixInstance(Path chainPem, Path keyPem, Duration startupLimit) throws IOException {
        dir = Files.createTempDirectory("mailpath-postfix");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path queue = Files.createDirectories(dir.resolve("queue"));
        Path data = Files.createDirectories(dir.resolve("data"));
        var users = dir.getFileSystem().getUserPrincipalLookupService();
        Files.setOwner(data, users.lookupPrincipalByName("postfix"));
        Path cert = dir.resolve("chain.pem");
        Path key = dir.resolve("key.pem");
        Files.copy(chainPem, cert);
        Files.copy(keyPem, key);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        tlsPort = freePort();
        plainPort = freePort();
        oldTlsPort = freePort();
        log = dir.resolve("postfix.log");
        Files.writeString(dir.resolve("main.cf"), String.join("\n",
                "compatibility_level = 3.6",
                "queue_directory = " + queue,
                "data_directory = " + data,
                "command_directory = /usr/sbin",
                "daemon_directory = " + DAEMONS,
                "mail_owner = postfix",
                "setgid_group = postdrop",
                "inet_interfaces = 127.0.0.1",
                "inet_protocols = ipv4",
                "myhostname = mx.interop.test",
                "mydomain = interop.test",
                "mydestination = interop.test",
                "mynetworks = 127.0.0.0/8",
                "local_recipient_maps = inline:{ known=ok }",
                "alias_maps =",
                "alias_database =",
                "default_transport = discard:this test server delivers nothing",
                "relay_transport = discard:this test server delivers nothing",
                "local_transport = discard:this test server delivers nothing",
                "smtpd_banner = $myhostname ESMTP MailPath interop",
                "smtpd_peername_lookup = no",
                "smtpd_tls_cert_file = " + cert,
                "smtpd_tls_key_file = " + key,
                "smtpd_tls_security_level = may",
                "maillog_file = /dev/stdout",
                "biff = no",
                ""));
        String daemons = """
                cleanup   unix  n       -       n       -       0       cleanup
                qmgr      unix  n       -       n       300     1       qmgr
                tlsmgr    unix  -       -       n       1000?   1       tlsmgr
                rewrite   unix  -       -       n       -       -       trivial-rewrite
                bounce    unix  -       -       n       -       0       bounce
                defer     unix  -       -       n       -       0       bounce
                trace     unix  -       -       n       -       0       bounce
                verify    unix  -       -       n       -       1       verify
                proxymap  unix  -       -       n       -       -       proxymap
                error     unix  -       -       n       -       -       error
                retry     unix  -       -       n       -       -       error
                discard   unix  -       -       n       -       -       discard
                anvil     unix  -       -       n       -       1       anvil
                scache    unix  -       -       n       -       1       scache
                postlog   unix-dgram n  -       n       -       1       postlogd
                """;
        Files.writeString(dir.resolve("master.cf"),
                "127.0.0.1:" + tlsPort + " inet n - n - - smtpd\n"
                        + "127.0.0.1:" + plainPort + " inet n - n - - smtpd -o smtpd_tls_security_level=none\n"
                        // an outdated server: TLS 1.0 and 1.1 only (OpenSSL needs security level 0 for them)
                        + "127.0.0.1:" + oldTlsPort + " inet n - n - - smtpd"
                        + " -o { smtpd_tls_protocols = >=TLSv1, <=TLSv1.1 }"
                        + " -o { tls_medium_cipherlist = DEFAULT:@SECLEVEL=0 }\n"
                        + daemons);
        process = new ProcessBuilder(POSTFIX.toString(), "-c", dir.toString(), "start-fg")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            awaitBanner(tlsPort, startupLimit);
            awaitBanner(plainPort, startupLimit);
            awaitBanner(oldTlsPort, startupLimit);
        } catch (IOException e) {
            close();
            throw new IOException(e.getMessage() + "\n" + log(), e);
        }
    }

    public int tlsPort() {
        return tlsPort;
    }

    public int plainPort() {
        return plainPort;
    }

    /** A listener that offers STARTTLS with TLS 1.0 and 1.1 only. */
    public int oldTlsPort() {
        return oldTlsPort;
    }

    /** Postfix's own log so far (for failure messages). */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private void awaitBanner(int port, Duration limit) throws IOException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IOException("postfix exited with " + process.exitValue());
            }
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                s.setSoTimeout(5000);
                InputStream in = s.getInputStream();
                byte[] b = new byte[3];
                if (in.readNBytes(b, 0, 3) == 3 && new String(b, StandardCharsets.US_ASCII).equals("220")) {
                    s.getOutputStream().write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        throw new IOException("postfix did not greet on port " + port + " within " + limit);
    }

    @Override
    public void close() throws IOException {
        try {
            Process stop = new ProcessBuilder(POSTFIX.toString(), "-c", dir.toString(), "stop")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            stop.waitFor(60, TimeUnit.SECONDS);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                // a leftover temp folder is harmless
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** For messages: the ports in use. */
    @Override
    public String toString() {
        return "postfix in " + dir + " on ports " + List.of(tlsPort, plainPort, oldTlsPort);
    }
}
