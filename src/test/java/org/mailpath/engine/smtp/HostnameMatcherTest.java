package org.mailpath.engine.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.smtp.CertificateFacts.NameMatch;

/** RFC 6125 name matching and the small TLS helpers. */
class HostnameMatcherTest {

    @Test
    void exactAndWildcardNames() {
        assertTrue(HostnameMatcher.matchesPattern("mx.example.com", "MX.Example.COM."));
        assertTrue(HostnameMatcher.matchesPattern("mx.example.com", "*.example.com"));
        assertFalse(HostnameMatcher.matchesPattern("a.mx.example.com", "*.example.com"), "one label only");
        assertFalse(HostnameMatcher.matchesPattern("example.com", "*.example.com"));
        assertFalse(HostnameMatcher.matchesPattern("example.com", "*.com"), "no wildcard over a TLD");
        assertFalse(HostnameMatcher.matchesPattern("mx.example.com", "m*.example.com"), "partial wildcards: no");
        assertFalse(HostnameMatcher.matchesPattern("mx.example.com", "*.*.com"));
        assertFalse(HostnameMatcher.matchesPattern("mx.example.com", "mx.example.co"));
        assertFalse(HostnameMatcher.matchesPattern("mx.example.com", ""));
    }

    @Test
    void theRfc6125RulesForInternationalNamesAndTheCommonName() {
        // RFC 6125 §6.4.2: a U-label host is compared as its A-label; §6.4.3: a wildcard only as the whole left-most
        // label, never inside an A-label; §6.4.4: no CN-ID match when the certificate has a DNS-ID
        CertificateNames idn = new CertificateNames(List.of("xn--bcher-kva.example.test"), List.of(), List.of());
        assertEquals(NameMatch.SUBJECT_ALT_NAME, HostnameMatcher.match("bücher.example.test", idn));
        assertEquals(NameMatch.SUBJECT_ALT_NAME, HostnameMatcher.match("BÜCHER.example.test.", idn));
        CertificateNames wildcard = new CertificateNames(List.of("*.example.test"), List.of(), List.of());
        assertEquals(NameMatch.SUBJECT_ALT_NAME, HostnameMatcher.match("bücher.example.test", wildcard));
        assertFalse(HostnameMatcher.matchesPattern("xn--bcher-kva.example.test", "xn--*.example.test"));
        CertificateNames sanAndCn = new CertificateNames(List.of("other.example.test"), List.of(),
                List.of("mx.example.test"));
        assertEquals(NameMatch.NONE, HostnameMatcher.match("mx.example.test", sanAndCn));
    }

    @Test
    void protocolNames() {
        assertTrue(ProbeTls.isOld("TLSv1"));
        assertTrue(ProbeTls.isOld("TLSv1.1"));
        assertTrue(ProbeTls.isOld("TLS10"));
        assertTrue(ProbeTls.isOld("SSLv3"));
        assertFalse(ProbeTls.isOld("TLSv1.2"));
        assertFalse(ProbeTls.isOld("TLSv1.3"));
        assertEquals("TLS 1.1", ProbeTls.readable("TLS11"));
        assertEquals(Optional.of("TLS 1.0"), ProbeTls.oldProtocolFrom(new javax.net.ssl.SSLHandshakeException(
                "The server selected protocol version TLS10 is not accepted by client preferences [TLS13, TLS12]")));
        assertEquals(Optional.empty(), ProbeTls.oldProtocolFrom(new javax.net.ssl.SSLHandshakeException("other")));
        assertTrue(ProbeTls.isWeakCipher("TLS_RSA_WITH_RC4_128_SHA"));
        assertFalse(ProbeTls.isWeakCipher("TLS_AES_128_GCM_SHA256"));
    }

    @Test
    void connectFailuresAreToldApart() {
        assertEquals(TargetResult.ConnectFailure.REFUSED,
                ConnectFailures.classify(new java.net.ConnectException("Connection refused")));
        assertEquals(TargetResult.ConnectFailure.TIMEOUT,
                ConnectFailures.classify(new java.net.SocketTimeoutException("Connect timed out")));
        assertEquals(TargetResult.ConnectFailure.UNREACHABLE,
                ConnectFailures.classify(new java.net.NoRouteToHostException("No route to host")));
        assertEquals(TargetResult.ConnectFailure.UNREACHABLE,
                ConnectFailures.classify(new java.net.SocketException("Network is unreachable")));
        // not "no route" (a reviewer's server that accepted and reset at once was told to try another network)
        assertEquals(TargetResult.ConnectFailure.REFUSED,
                ConnectFailures.classify(new java.net.SocketException("Connection reset by peer")));
        assertEquals(TargetResult.ConnectFailure.REFUSED,
                ConnectFailures.classify(new java.net.SocketException("Connection reset")));
    }
}
