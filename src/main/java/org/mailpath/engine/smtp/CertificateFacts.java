package org.mailpath.engine.smtp;

import java.util.List;

/**
 * What the probe established about the certificate a server sent after STARTTLS, as facts rather than words: for
 * judges with rules of their own (MTA-STS accepts a name only in a subjectAltName, RFC 8461 §4.2), where the
 * probe's findings follow the general practice. {@code expired}, {@code notYetValid}: of any certificate in the
 * chain but a trusted root; {@code dnsNames}: the leaf's DNS subjectAltNames; {@code commonNames}: its subject CNs.
 */
public record CertificateFacts(Trust trust, boolean expired, boolean notYetValid, NameMatch name,
                               List<String> dnsNames, List<String> commonNames) {

    /** Whether the chain leads to a trusted root, as the probe judged it (no revocation check). */
    public enum Trust { TRUSTED, SELF_SIGNED, UNTRUSTED }

    /** How the leaf names the host the probe connected to. */
    public enum NameMatch {
        /** A subjectAltName names it (a DNS-ID, or an iPAddress for an address literal). */
        SUBJECT_ALT_NAME,
        /** The leaf has no DNS subjectAltName and only its subject CN names the host (RFC 6125's fallback). */
        COMMON_NAME_ONLY,
        NONE
    }

    /** What a server that sent no certificate at all gives (no judge accepts it). */
    static final CertificateFacts NO_CERTIFICATE = new CertificateFacts(Trust.UNTRUSTED, false, false,
            NameMatch.NONE, List.of(), List.of());

    public CertificateFacts {
        dnsNames = List.copyOf(dnsNames);
        commonNames = List.copyOf(commonNames);
    }

    /**
     * Whether the leaf names {@code host} by the probe's rules ({@link HostnameMatcher}: a DNS subjectAltName, or
     * the subject CN when there is none), for judges that check other names than the one the probe connected to.
     */
    public boolean names(String host) {
        return HostnameMatcher.match(host, certificateNames()) != NameMatch.NONE;
    }

    /** The names {@link #names} matches against (the DNS subjectAltNames, or else the CNs), for messages. */
    public List<String> nameIds() {
        return certificateNames().dnsIds();
    }

    private CertificateNames certificateNames() {
        return new CertificateNames(dnsNames, List.of(), commonNames);
    }
}
