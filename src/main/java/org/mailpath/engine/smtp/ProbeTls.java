package org.mailpath.engine.smtp;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The JDK TLS client the probe uses for STARTTLS. It accepts any certificate during the handshake, because the
 * probe judges the certificate itself afterwards ({@link CertificateCheck}) and reports every problem instead of
 * one handshake failure. Nothing is ever sent over this connection but SMTP commands without mail data.
 * Protocols and ciphers are the JDK's defaults (TLS 1.2 and 1.3), the same floor current mail servers use.
 */
final class ProbeTls {

    private static final Pattern SERVER_SELECTED = Pattern.compile("server selected protocol version (\\S+)");

    private ProbeTls() {
    }

    static SSLSocketFactory socketFactory() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new javax.net.ssl.TrustManager[] {new AcceptAll()}, null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no TLS", e);
        }
    }

    /** True for protocol names older than TLS 1.2 ("SSLv3", "TLSv1", "TLSv1.1", and the JDK's "TLS10" style). */
    static boolean isOld(String protocol) {
        String p = protocol.toUpperCase(Locale.ROOT).replace("V", "").replace(".", "");
        return p.startsWith("SSL") || p.equals("TLS1") || p.equals("TLS10") || p.equals("TLS11");
    }

    /**
     * The old protocol version the server insisted on, when a handshake failed for that reason (the JDK client
     * says so in its alert message, e.g. "The server selected protocol version TLS10 is not accepted"): a protocol
     * name, or our words (a LocalText) when the server refused the versions we offer.
     */
    static Optional<Object> oldProtocolFrom(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                Matcher m = SERVER_SELECTED.matcher(t.getMessage());
                if (m.find() && isOld(m.group(1))) {
                    return Optional.of(readable(m.group(1)));
                }
                // a server that understands the client offers only TLS 1.2 and 1.3 and refuses both
                if (t.getMessage().contains("fatal alert: protocol_version")) {
                    return Optional.of(SmtpFindings.text("phrase.olderThanTls12"));
                }
            }
        }
        return Optional.empty();
    }

    /** "TLS10" → "TLS 1.0", "TLSv1.1" → "TLS 1.1", "SSLv3" → "SSL 3.0". */
    static String readable(String protocol) {
        String p = protocol.toUpperCase(Locale.ROOT).replace("V", "").replace(".", "");
        return switch (p) {
            case "TLS1", "TLS10" -> "TLS 1.0";
            case "TLS11" -> "TLS 1.1";
            case "TLS12" -> "TLS 1.2";
            case "TLS13" -> "TLS 1.3";
            case "SSL3", "SSL30" -> "SSL 3.0";
            default -> protocol;
        };
    }

    /** Cipher suites nobody should negotiate any more. */
    static boolean isWeakCipher(String suite) {
        List<String> weak = List.of("_NULL_", "_anon_", "_EXPORT", "_RC4_", "_DES_", "_3DES_", "_MD5");
        return weak.stream().anyMatch(suite::contains) || suite.endsWith("_NULL");
    }

    /** Accepts every chain: the probe evaluates it after the handshake. */
    private static final class AcceptAll extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
