package org.mailpath.engine.smtp;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.mailpath.engine.address.IdnaNames;
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

    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    private HostnameMatcher() {
    }

    /** How the certificate names the host: by a subjectAltName, only by the CN fallback, or not at all. */
    static NameMatch match(String host, X509Certificate cert) {
        String h = strip(host);
        if (InetAddresses.isInetAddress(h)) {
            InetAddress wanted = InetAddresses.forString(h);
            return sans(cert, SAN_IP).stream().anyMatch(ip -> InetAddresses.isInetAddress(ip)
                    && InetAddresses.forString(ip).equals(wanted)) ? NameMatch.SUBJECT_ALT_NAME : NameMatch.NONE;
        }
        String ascii;
        try {
            ascii = IdnaNames.toAscii(h).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return NameMatch.NONE;
        }
        List<String> dns = dnsNames(cert);
        List<String> ids = dns.isEmpty() ? commonNames(cert) : dns;
        if (ids.stream().noneMatch(pattern -> matchesPattern(ascii, pattern))) {
            return NameMatch.NONE;
        }
        return dns.isEmpty() ? NameMatch.COMMON_NAME_ONLY : NameMatch.SUBJECT_ALT_NAME;
    }

    /** The names the certificate is valid for (DNS SANs or else the CN, and IP SANs), for messages. */
    static List<String> names(X509Certificate cert) {
        List<String> names = new ArrayList<>(dnsIds(cert));
        names.addAll(sans(cert, SAN_IP));
        return names;
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

    private static List<String> dnsIds(X509Certificate cert) {
        List<String> dns = dnsNames(cert);
        return dns.isEmpty() ? commonNames(cert) : dns;
    }

    /** The DNS subjectAltNames. */
    static List<String> dnsNames(X509Certificate cert) {
        return sans(cert, SAN_DNS);
    }

    private static List<String> sans(X509Certificate cert, int type) {
        List<String> out = new ArrayList<>();
        try {
            Collection<List<?>> all = cert.getSubjectAlternativeNames();
            if (all != null) {
                for (List<?> san : all) {
                    if (san.size() >= 2 && san.get(0) instanceof Integer t && t == type
                            && san.get(1) instanceof String value) {
                        out.add(value);
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // an unparsable extension names nothing
        }
        return out;
    }

    /** The subject CNs. */
    static List<String> commonNames(X509Certificate cert) {
        List<String> out = new ArrayList<>();
        try {
            for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    out.add(String.valueOf(rdn.getValue()));
                }
            }
        } catch (InvalidNameException e) {
            // no usable subject name
        }
        return out;
    }

    private static String strip(String name) {
        String n = name.strip();
        if (n.startsWith("[") && n.endsWith("]")) {
            n = n.substring(1, n.length() - 1);
        }
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }
}
