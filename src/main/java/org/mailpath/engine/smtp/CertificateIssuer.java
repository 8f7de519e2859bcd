package org.mailpath.engine.smtp;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;

/** Whether one certificate issued another, as a path builder links them (RFC 5280 §6.1.3). */
public final class CertificateIssuer {

    private CertificateIssuer() {
    }

    /** {@code issuer} names and signed {@code cert}: the issuer name matches and the signature verifies. */
    public static boolean issued(X509Certificate issuer, X509Certificate cert) {
        if (!issuer.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
            return false;
        }
        try {
            cert.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
