package org.mailpath.engine.smtp;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Optional;
import org.mailpath.engine.address.IdnaNames;
import org.mailpath.engine.dns.DnsNames;
import org.mailpath.engine.smtp.CertificateFacts.NameMatch;

/**
 * Does a certificate name a host? RFC 6125 §6, the part mail needs: DNS-ID subject alternative names (the
 * subject CN only when there is none), a wildcard only as the whole left-most label of a name with at least three
 * labels and matching exactly one label, case-insensitive, A-labels for IDNs; IP literals match iPAddress SANs.
 * (The JDK's own checker is internal API and only runs inside a handshake that verifies the chain, which a
 * self-signed MX certificate would fail first.) {@link #match} also tells a CN-only match apart, which MTA-STS
 * refuses (RFC 8461 §4.2 wants a DNS-ID in a subjectAltName).
 */
final class HostnameMatcher {

    private HostnameMatcher() {
    }

    /** How a certificate's {@code names} name the host: by a subjectAltName, only by the CN fallback, or not at all. */
    static NameMatch match(String host, CertificateNames names) {
        String h = strip(host);
        if (InetAddresses.isInetAddress(h)) {
            InetAddress wanted = InetAddresses.forString(h);
            return names.ipAddresses().stream().anyMatch(ip -> InetAddresses.isInetAddress(ip)
                    && InetAddresses.forString(ip).equals(wanted)) ? NameMatch.SUBJECT_ALT_NAME : NameMatch.NONE;
        }
        Optional<String> ascii = asciiName(h);
        if (ascii.isEmpty() || names.dnsIds().stream().noneMatch(pattern -> matchesPattern(ascii.get(), pattern))) {
            return NameMatch.NONE;
        }
        return names.dnsNames().isEmpty() ? NameMatch.COMMON_NAME_ONLY : NameMatch.SUBJECT_ALT_NAME;
    }

    /**
     * Whether the most specific CN names {@code host}: the one CN that RFC 2818 §3.1 and Java's HostnameChecker
     * use, where OpenSSL's X509_check_host (crypto/x509/v3_utl.c), and with it Postfix, tries every CN. Asked for
     * a {@link NameMatch#COMMON_NAME_ONLY} match, when the certificate has several CNs.
     */
    static boolean mostSpecificCommonNameMatches(String host, CertificateNames names) {
        return asciiName(strip(host)).flatMap(ascii -> names.mostSpecificCommonName()
                .filter(cn -> matchesPattern(ascii, cn))).isPresent();
    }

    /** The host name as patterns are matched against it: A-labels, lower case; empty when it is no valid name. */
    private static Optional<String> asciiName(String host) {
        try {
            return Optional.of(IdnaNames.toAscii(host).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static boolean matchesPattern(String host, String pattern) {
        String p = strip(pattern).toLowerCase(Locale.ROOT);
        if (p.isEmpty() || host.isEmpty()) {
            return false;
        }
        if (!p.startsWith("*.")) {
            return !p.contains("*") && p.equals(host);
        }
        String suffix = p.substring(1); // ".example.com"
        if (suffix.contains("*") || suffix.chars().filter(c -> c == '.').count() < 2) {
            return false; // "*.com" and nested wildcards never match
        }
        if (!host.endsWith(suffix)) {
            return false;
        }
        String first = host.substring(0, host.length() - suffix.length());
        return !first.isEmpty() && !first.contains(".");
    }

    private static String strip(String name) {
        String n = name.strip();
        if (n.startsWith("[") && n.endsWith("]")) {
            n = n.substring(1, n.length() - 1);
        }
        return DnsNames.relative(n);
    }
}
