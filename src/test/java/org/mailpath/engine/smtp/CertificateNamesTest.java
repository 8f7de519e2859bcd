package org.mailpath.engine.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
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
}
