package org.mailpath.testing.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Certificates for TLS tests, made with the JDK's own keytool (no extra library): self-signed or signed by a
 * test CA, valid now, expired or not yet valid, for any names.
 */
public final class TestCertificates {

    public static final String PASSWORD = "changeit";

    private final Path dir;
    private int serial;

    public TestCertificates(Path dir) {
        this.dir = dir;
    }

    /** A server's key and chain, and the trust store that trusts its CA (empty for self-signed ones). */
    public record Material(KeyStore keys, KeyStore trust, Path keyStoreFile, Path certificateFile) {

        public SSLContext serverContext() {
            try {
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keys, PASSWORD.toCharArray());
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(kmf.getKeyManagers(), null, null);
                return ctx;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * @param start keytool's -startdate, e.g. "-1d" (yesterday) or "-30d"
     * @param days  validity in days from the start
     */
    public Material selfSigned(String cn, String san, String start, int days) throws IOException {
        Path ks = dir.resolve("self-" + (++serial) + ".p12");
        keytool("-genkeypair", "-keystore", ks.toString(), "-alias", "server", "-keyalg", "EC", "-groupname",
                "secp256r1", "-dname", "CN=" + cn, "-ext", "SAN=" + san, "-startdate", start, "-validity",
                String.valueOf(days));
        Path crt = dir.resolve("self-" + serial + ".crt");
        keytool("-exportcert", "-rfc", "-keystore", ks.toString(), "-alias", "server", "-file", crt.toString());
        return new Material(load(ks), emptyStore(), ks, crt);
    }

    /** A certificate signed by a fresh test CA; the material's trust store holds that CA. */
    public Material caSigned(String cn, String san, String start, int days) throws IOException {
        int n = ++serial;
        Path ca = dir.resolve("ca-" + n + ".p12");
        Path caCrt = dir.resolve("ca-" + n + ".crt");
        Path ks = dir.resolve("server-" + n + ".p12");
        Path csr = dir.resolve("server-" + n + ".csr");
        Path crt = dir.resolve("server-" + n + ".crt");
        keytool("-genkeypair", "-keystore", ca.toString(), "-alias", "ca", "-keyalg", "EC", "-groupname",
                "secp256r1", "-dname", "CN=MailPath Test CA " + n, "-ext", "bc:c", "-startdate", "-30d",
                "-validity", "3650");
        keytool("-exportcert", "-rfc", "-keystore", ca.toString(), "-alias", "ca", "-file", caCrt.toString());
        keytool("-genkeypair", "-keystore", ks.toString(), "-alias", "server", "-keyalg", "EC", "-groupname",
                "secp256r1", "-dname", "CN=" + cn);
        keytool("-certreq", "-keystore", ks.toString(), "-alias", "server", "-file", csr.toString());
        keytool("-gencert", "-rfc", "-keystore", ca.toString(), "-alias", "ca", "-infile", csr.toString(),
                "-outfile", crt.toString(), "-ext", "SAN=" + san, "-startdate", start, "-validity",
                String.valueOf(days));
        keytool("-importcert", "-noprompt", "-keystore", ks.toString(), "-alias", "ca", "-file", caCrt.toString());
        keytool("-importcert", "-noprompt", "-keystore", ks.toString(), "-alias", "server", "-file", crt.toString());
        KeyStore trust = emptyStore();
        try (InputStream in = Files.newInputStream(caCrt)) {
            trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
        return new Material(load(ks), trust, ks, crt);
    }

    /** PEM of the server chain (leaf first) and the private key are not needed by Java; Postfix needs files. */
    public static List<Certificate> chain(Material m) throws GeneralSecurityException {
        return new ArrayList<>(List.of(m.keys().getCertificateChain("server")));
    }

    private static KeyStore load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, PASSWORD.toCharArray());
            return ks;
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private static KeyStore emptyStore() throws IOException {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            return ks;
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private static void keytool(String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("keytool " + String.join(" ", args) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
