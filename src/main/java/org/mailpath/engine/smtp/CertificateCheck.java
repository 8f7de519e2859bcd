package org.mailpath.engine.smtp;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;

/**
 * Judges the certificate chain a server sent during STARTTLS: validity dates of every certificate, self-signed
 * leaf, a path to a trusted CA (JDK PKIX, no revocation: the probe must not contact CAs), and the host name (the MX
 * host name, or the host the user named). The handshake itself accepted any certificate so that all of this can be
 * reported instead of one failure. The advice names the host as the target was reached
 * ({@link SmtpFindings#of(String, ProbeTarget, String, List, Object...)}): "the MX host name" only for an MX host.
 */
final class CertificateCheck {

    private final Set<TrustAnchor> anchors;

    CertificateCheck(Optional<KeyStore> trustStore) {
        this.anchors = anchors(trustStore);
    }

    /**
     * The findings about a chain, and the same as facts ({@link CertificateFacts}) for other judges.
     * {@link #leafPinned()}: the same findings, one for one, worded for a server whose own certificate senders that
     * validate DANE accept as it is (a matching DANE-EE record, {@link TlsJudge.Verdict#leafPinned()}): its issuer,
     * names and dates then fail only the senders that check it against public CAs.
     */
    record Judgement(List<Judged> judged, CertificateFacts facts, ProbeTarget target, String subject,
                     List<String> evidence) {
        Judgement {
            judged = List.copyOf(judged);
            evidence = List.copyOf(evidence);
        }

        /** The findings in their usual words. */
        List<Finding> findings() {
            return judged.stream().map(Judged::finding).toList();
        }

        /** The findings worded for a leaf DANE-EE pins, worded only when asked: few servers need it. */
        List<Finding> leafPinned() {
            return judged.stream().map(j -> j.pinnedArgs()
                    .map(args -> SmtpFindings.variant(j.finding().code(), DANE_EE, target, subject, evidence,
                            args.toArray()))
                    .orElse(j.finding())).toList();
        }
    }

    /**
     * One finding in its usual words, and its arguments when a leaf DANE-EE pins words it differently (the same code
     * as variant {@link #DANE_EE}); empty when the same words hold.
     */
    record Judged(Finding finding, Optional<List<Object>> pinnedArgs) {
        Judged {
            pinnedArgs = pinnedArgs.map(List::copyOf);
        }
    }

    /** The variant of the certificate codes for a leaf DANE-EE pins (RFC 7672 §3.1.1). */
    static final String DANE_EE = "daneEe";

    /** {@code leafNames}: the names of the chain's first certificate ({@link CertificateNames#ofLeaf}). */
    Judgement evaluate(ProbeTarget target, List<X509Certificate> chain, CertificateNames leafNames, Instant now,
                       String subject, List<String> evidence) {
        List<Judged> findings = new ArrayList<>();
        if (chain.isEmpty()) {
            return new Judgement(findings, CertificateFacts.NO_CERTIFICATE, target, subject, evidence);
        }
        String host = target.host();
        X509Certificate leaf = chain.getFirst();
        boolean expired = false;
        boolean notYetValid = false;
        for (X509Certificate cert : chain) {
            if (isAnchor(cert)) {
                continue; // the client's copy of a root decides, not the one the server sent
            }
            String name = cert.getSubjectX500Principal().getName();
            if (now.isAfter(cert.getNotAfter().toInstant())) {
                findings.add(pinnable(SmtpCodes.SMTP_CERT_EXPIRED, target, subject, evidence, name,
                        cert.getNotAfter().toInstant()));
                expired = true;
            } else if (now.isBefore(cert.getNotBefore().toInstant())) {
                findings.add(pinnable(SmtpCodes.SMTP_CERT_NOT_YET_VALID, target, subject, evidence, name,
                        cert.getNotBefore().toInstant()));
                notYetValid = true;
            }
        }
        CertificateFacts.Trust trust = CertificateFacts.Trust.TRUSTED;
        if (isSelfSigned(leaf) && !isAnchor(leaf)) {
            findings.add(pinnable(SmtpCodes.SMTP_CERT_SELF_SIGNED, target, subject, evidence,
                    leaf.getSubjectX500Principal().getName(), SmtpFindings.certificateName(target)));
            trust = CertificateFacts.Trust.SELF_SIGNED;
        } else {
            // dates are reported above; judge the path at a moment when the leaf is valid
            Instant when = expired || notYetValid ? midpoint(leaf) : now;
            Optional<Object> untrusted = untrustedReason(chain, when);
            if (untrusted.isPresent()) {
                findings.add(pinnable(SmtpCodes.SMTP_CERT_UNTRUSTED, target, subject, evidence,
                        untrusted.get()));
                trust = CertificateFacts.Trust.UNTRUSTED;
            }
        }
        CertificateFacts.NameMatch name = HostnameMatcher.match(host, leafNames);
        switch (name) {
            case NONE -> findings.add(nameMismatch(target, leafNames, subject, evidence));
            case COMMON_NAME_ONLY -> findings.add(new Judged(commonNameOnly(target, leafNames, subject, evidence),
                    Optional.empty()));
            case SUBJECT_ALT_NAME -> { }
        }
        return new Judgement(findings, new CertificateFacts(trust, expired, notYetValid, name, leafNames.dnsNames(),
                leafNames.commonNames()), target, subject, evidence);
    }

    /**
     * {@code code} in its usual words, and the arguments to word it, for a leaf DANE-EE pins, in words that say senders
     * validating DANE accept it and only those checking against public CAs fail: the code and severity stay (Salesforce's Required Verify
     * checks against public CAs, and DANE does not change that).
     */
    private static Judged pinnable(String code, ProbeTarget target, String subject, List<String> evidence,
                                   Object... args) {
        return new Judged(SmtpFindings.of(code, target, subject, evidence, args), Optional.of(List.of(args)));
    }

    /**
     * The host named only by a CN. When only a less specific one of several CNs names it, senders disagree: Java
     * (HostnameChecker, RFC 2818 §3.1) matches only the most specific CN and rejects the certificate, OpenSSL
     * (X509_check_host, so Postfix) tries every CN; so it is a WARNING like a name mismatch, not the INFO.
     */
    private static Finding commonNameOnly(ProbeTarget target, CertificateNames names, String subject,
                                          List<String> evidence) {
        String host = target.host();
        String all = String.join(", ", names.commonNames());
        if (HostnameMatcher.mostSpecificCommonNameMatches(host, names)) {
            return SmtpFindings.of(SmtpCodes.SMTP_CERT_NAME_ONLY_IN_CN, target, subject, evidence, host, all);
        }
        String code = SmtpCodes.SMTP_CERT_NAME_ONLY_IN_CN;
        return SmtpFindings.variant(code, "notMostSpecific", target, Severity.WARNING, subject, evidence,
                Actor.RECIPIENT_MAIL_TEAM, host, all, names.mostSpecificCommonName().orElse(""));
    }

    /**
     * The certificate does not name the host. A server probed by its IP address is a different matter: senders check
     * the certificate against the host name they looked up (the MX host name: RFC 8461 §4.2, RFC 7672 §3.2.2, the
     * "certificate-host-mismatch" of RFC 8460), never against an address, so a certificate that names no address
     * refuses no sender. It is said as an INFO for the user, who can probe the server by its name to learn more.
     */
    private static Judged nameMismatch(ProbeTarget target, CertificateNames names, String subject,
                                       List<String> evidence) {
        String code = SmtpCodes.SMTP_CERT_NAME_MISMATCH;
        if (target.byAddress()) {
            return new Judged(SmtpFindings.variant(code, "address", Severity.INFO, subject, evidence,
                    Actor.SENDER_ADMIN, target.host(), names.all()), Optional.empty());
        }
        return pinnable(code, target, subject, evidence, target.host(), names.all());
    }

    /** One line per certificate: position, subject, issuer, validity, names ({@code leafNames}, the first's). */
    static List<String> describe(List<X509Certificate> chain, CertificateNames leafNames) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate c = chain.get(i);
            lines.add("certificate " + i + ": subject=" + c.getSubjectX500Principal().getName()
                    + "; issuer=" + c.getIssuerX500Principal().getName()
                    + "; valid " + c.getNotBefore().toInstant() + " to " + c.getNotAfter().toInstant()
                    + (i == 0 ? "; names=" + leafNames.all() : "")
                    + "; key=" + c.getPublicKey().getAlgorithm() + "; signature=" + c.getSigAlgName());
        }
        return lines;
    }

    static boolean isSelfSigned(X509Certificate cert) {
        return CertificateIssuer.issued(cert, cert);
    }

    /** Why the chain leads to no trusted CA: the JDK's words, or ours (a LocalText); empty when it does. */
    private Optional<Object> untrustedReason(List<X509Certificate> chain, Instant when) {
        if (anchors.isEmpty()) {
            return Optional.of(SmtpFindings.text("phrase.noTrustedCas"));
        }
        List<X509Certificate> path = new ArrayList<>(chain);
        while (path.size() > 1 && isSelfSigned(path.getLast())) {
            path.removeLast(); // a root the server sent along is not part of the path to validate
        }
        try {
            PKIXParameters params = new PKIXParameters(anchors);
            params.setRevocationEnabled(false);
            params.setDate(Date.from(when));
            CertPathValidator.getInstance("PKIX")
                    .validate(CertificateFactory.getInstance("X.509").generateCertPath(path), params);
            return Optional.empty();
        } catch (CertPathValidatorException e) {
            String reason = e.getReason() == CertPathValidatorException.BasicReason.UNSPECIFIED
                    ? "" : e.getReason() + ": ";
            String jdk = reason + e.getMessage();
            return Optional.of(chain.size() == 1 ? SmtpFindings.text("phrase.noIntermediate", jdk) : jdk);
        } catch (GeneralSecurityException e) {
            return Optional.of(e.getMessage());
        }
    }

    private boolean isAnchor(X509Certificate cert) {
        for (TrustAnchor a : anchors) {
            if (cert.equals(a.getTrustedCert())) {
                return true;
            }
        }
        return false;
    }

    private static Instant midpoint(X509Certificate cert) {
        long from = cert.getNotBefore().getTime();
        long to = cert.getNotAfter().getTime();
        return Instant.ofEpochMilli(from + (to - from) / 2);
    }

    private static Set<TrustAnchor> anchors(Optional<KeyStore> trustStore) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore.orElse(null)); // null = the JDK's cacerts
            Set<TrustAnchor> set = new HashSet<>();
            for (var tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    for (X509Certificate c : x.getAcceptedIssuers()) {
                        set.add(new TrustAnchor(c, null));
                    }
                }
            }
            return Set.copyOf(set);
        } catch (GeneralSecurityException e) {
            System.getLogger(CertificateCheck.class.getName())
                    .log(System.Logger.Level.WARNING, "cannot load trusted CA certificates", e);
            return Set.of();
        }
    }

    /** For the transcript: certificates in the order the server sent them. */
    static List<X509Certificate> x509(Certificate[] certs) {
        List<X509Certificate> out = new ArrayList<>();
        for (Certificate c : certs) {
            if (c instanceof X509Certificate x) {
                out.add(x);
            }
        }
        return out;
    }
}
