package org.mailpath.testing.smtp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Certificates for TLS tests, made with the JDK's own keytool (no extra library): self-signed or signed by a
 * test CA, valid now, expired or not yet valid, for any names. keytool is a separate JVM per call, so certificates
 * are made once per test JVM and shared ({@link #shared()}), with one CA for all of them.
 */
public final class TestCertificates {

    public static final String PASSWORD = "changeit";
    private static volatile TestCertificates shared;

    private final Path dir;
    private final Map<String, Material> made = new ConcurrentHashMap<>();
    private int serial;
    private Path caStore;
    private X509Certificate caCert;

    private TestCertificates(Path dir) {
        this.dir = dir;
    }

    /** The per-JVM instance (files in a temporary folder removed at exit). */
    public static synchronized TestCertificates shared() throws IOException {
        if (shared == null) {
            Path dir = Files.createTempDirectory("mailpath-test-certs");
            dir.toFile().deleteOnExit();
            shared = new TestCertificates(dir);
        }
        return shared;
    }

    /** A server's key and chain, and the trust store that trusts its CA (empty for self-signed ones). */
    public record Material(KeyStore keys, KeyStore trust, List<X509Certificate> chain, PrivateKey key) {

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

        /** Writes the chain (leaf first) and the PKCS#8 key as PEM files, e.g. for Postfix. */
        public void writePem(Path chainFile, Path keyFile) throws IOException {
            StringBuilder pem = new StringBuilder();
            try {
                for (X509Certificate c : chain) {
                    pem.append(pem("CERTIFICATE", c.getEncoded()));
                }
            } catch (GeneralSecurityException e) {
                throw new IOException(e);
            }
            Files.writeString(chainFile, pem);
            Files.writeString(keyFile, pem("PRIVATE KEY", key.getEncoded()));
        }

        private static String pem(String type, byte[] der) {
            return "-----BEGIN " + type + "-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                    + "\n-----END " + type + "-----\n";
        }
    }

    /**
     * @param san   keytool's SAN extension, e.g. "dns:mx.example.test"; empty for a certificate with none (the
     *              subject CN then names the host, as for old certificates)
     * @param start keytool's -startdate, e.g. "-1d" (yesterday) or "-30d"
     * @param days  validity in days from the start
     */
    public synchronized Material selfSigned(String cn, String san, String start, int days) throws IOException {
        String id = "self " + cn + " " + san + " " + start + " " + days;
        Material m = made.get(id);
        if (m == null) {
            Path ks = dir.resolve("self-" + (++serial) + ".p12");
            keytool(withSan(san, "-genkeypair", "-keystore", ks.toString(), "-alias", "server", "-keyalg", "EC",
                    "-groupname", "secp256r1", "-dname", "CN=" + cn, "-startdate", start, "-validity",
                    String.valueOf(days)));
            KeyStore keys = load(ks);
            m = material(keys, (PrivateKey) key(keys), List.of((X509Certificate) cert(keys)), emptyStore());
            made.put(id, m);
        }
        return m;
    }

    /** A certificate signed by the test CA; the material's trust store holds that CA. */
    public synchronized Material caSigned(String cn, String san, String start, int days) throws IOException {
        String id = "ca " + cn + " " + san + " " + start + " " + days;
        Material m = made.get(id);
        if (m == null) {
            ensureCa();
            int n = ++serial;
            Path ks = dir.resolve("server-" + n + ".p12");
            Path csr = dir.resolve("server-" + n + ".csr");
            Path crt = dir.resolve("server-" + n + ".crt");
            keytool("-genkeypair", "-keystore", ks.toString(), "-alias", "server", "-keyalg", "EC", "-groupname",
                    "secp256r1", "-dname", "CN=" + cn);
            keytool("-certreq", "-keystore", ks.toString(), "-alias", "server", "-file", csr.toString());
            keytool(withSan(san, "-gencert", "-rfc", "-keystore", caStore.toString(), "-alias", "ca", "-infile",
                    csr.toString(), "-outfile", crt.toString(), "-startdate", start, "-validity",
                    String.valueOf(days)));
            KeyStore generated = load(ks);
            X509Certificate leaf = parse(Files.readAllBytes(crt));
            KeyStore trust = emptyStore();
            try {
                trust.setCertificateEntry("ca", caCert);
            } catch (GeneralSecurityException e) {
                throw new IOException(e);
            }
            m = material(generated, (PrivateKey) key(generated), List.of(leaf, caCert), trust);
            made.put(id, m);
        }
        return m;
    }

    /** keytool's arguments, with "-ext SAN=…" unless {@code san} is empty. */
    private static String[] withSan(String san, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!san.isEmpty()) {
            all.addAll(List.of("-ext", "SAN=" + san));
        }
        return all.toArray(String[]::new);
    }

    private void ensureCa() throws IOException {
        if (caStore == null) {
            Path ca = dir.resolve("ca.p12");
            keytool("-genkeypair", "-keystore", ca.toString(), "-alias", "ca", "-keyalg", "EC", "-groupname",
                    "secp256r1", "-dname", "CN=MailPath Test CA", "-ext", "bc:c", "-startdate", "-30d",
                    "-validity", "3650");
            caCert = (X509Certificate) cert(load(ca));
            caStore = ca;
        }
    }

    private static Material material(KeyStore source, PrivateKey key, List<X509Certificate> chain, KeyStore trust)
            throws IOException {
        try {
            KeyStore keys = emptyStore();
            keys.setKeyEntry("server", key, PASSWORD.toCharArray(), chain.toArray(Certificate[]::new));
            return new Material(keys, trust, chain, key);
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private static java.security.Key key(KeyStore ks) throws IOException {
        try {
            String alias = ks.aliases().nextElement();
            return ks.getKey(alias, PASSWORD.toCharArray());
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private static Certificate cert(KeyStore ks) throws IOException {
        try {
            return ks.getCertificate(ks.aliases().nextElement());
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private static X509Certificate parse(byte[] pem) throws IOException {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem));
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
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

    private void keytool(String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        // a short-lived JVM: skip the optimising compiler, it only costs start-up time
        cmd.addAll(List.of("-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC"));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("keytool " + String.join(" ", args) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        for (String a : args) {
            if (a.startsWith(dir.toString())) {
                Path.of(a).toFile().deleteOnExit();
            }
        }
    }
}
