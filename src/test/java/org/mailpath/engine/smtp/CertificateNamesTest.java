package org.mailpath.engine.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.smtp.CertificateFacts.NameMatch;
import org.mailpath.testing.smtp.TestCertificates;

class CertificateNamesTest {

    @Test
    void theSubjectAltNamesAreSplitIntoDnsNamesAndAddressesInTheCertificatesOrder() throws Exception {
        CertificateNames names = CertificateNames.of(TestCertificates.shared().selfSigned("mx.example.test",
                "dns:mx.example.test,ip:192.0.2.7,dns:mail.example.test", "-1d", 30).chain().getFirst());
        assertEquals(List.of("mx.example.test", "mail.example.test"), names.dnsNames());
        assertEquals(List.of("192.0.2.7"), names.ipAddresses());
        assertEquals(List.of("mx.example.test"), names.commonNames());
        assertEquals(List.of("mx.example.test", "mail.example.test", "192.0.2.7"), names.all());
        assertEquals(NameMatch.SUBJECT_ALT_NAME, HostnameMatcher.match("mail.example.test", names));
        assertEquals(NameMatch.SUBJECT_ALT_NAME, HostnameMatcher.match("[192.0.2.7]", names));
        assertEquals(NameMatch.NONE, HostnameMatcher.match("[192.0.2.8]", names));
    }

    @Test
    void withoutDnsSubjectAltNamesTheCommonNameNamesTheHost() throws Exception {
        CertificateNames names = CertificateNames.of(TestCertificates.shared().selfSigned("old.example.test",
                "ip:192.0.2.9", "-1d", 30).chain().getFirst());
        assertEquals(List.of(), names.dnsNames());
        assertEquals(List.of("old.example.test", "192.0.2.9"), names.all());
        assertEquals(NameMatch.COMMON_NAME_ONLY, HostnameMatcher.match("old.example.test", names));
    }

    @Test
    void theCommonNamesAreInTheSubjectsEncodedOrderSoTheLastIsTheMostSpecific() throws Exception {
        // keytool -dname "CN=other.example.test, CN=mx.example.test": RFC 2253 text lists the last encoded RDN first
        X509Certificate cert = TestCertificates.shared().selfSigned("other.example.test, CN=mx.example.test", "",
                "-1d", 30).chain().getFirst();
        assertEquals("CN=other.example.test,CN=mx.example.test", cert.getSubjectX500Principal().getName());
        CertificateNames names = CertificateNames.of(cert);
        assertEquals(List.of("mx.example.test", "other.example.test"), names.commonNames());
        assertEquals(Optional.of("other.example.test"), names.mostSpecificCommonName());
        // any CN counts for the match (OpenSSL's X509_check_host); only the last for Java's HostnameChecker
        assertEquals(NameMatch.COMMON_NAME_ONLY, HostnameMatcher.match("mx.example.test", names));
        assertFalse(HostnameMatcher.mostSpecificCommonNameMatches("mx.example.test", names));
        assertTrue(HostnameMatcher.mostSpecificCommonNameMatches("OTHER.example.test.", names));
    }

    @Test
    void aSubjectWithoutCommonNameHasNoMostSpecificOne() {
        CertificateNames names = new CertificateNames(List.of(), List.of(), List.of());
        assertEquals(Optional.empty(), names.mostSpecificCommonName());
        assertFalse(HostnameMatcher.mostSpecificCommonNameMatches("mx.example.test", names));
    }
}
