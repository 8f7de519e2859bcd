package org.mailpath.engine.smtp;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * The names a certificate carries, read from it once: its DNS and iPAddress subjectAltNames (in the certificate's
 * order) and its subject CNs, in the subject's encoded order, so the last is the most specific (the left-most in
 * the RFC 2253 text).
 */
record CertificateNames(List<String> dnsNames, List<String> ipAddresses, List<String> commonNames) {

    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    CertificateNames {
        dnsNames = List.copyOf(dnsNames);
        ipAddresses = List.copyOf(ipAddresses);
        commonNames = List.copyOf(commonNames);
    }

    /** The names of a chain's leaf, its first certificate; none for an empty chain (a server that sent none). */
    static CertificateNames ofLeaf(List<X509Certificate> chain) {
        return chain.isEmpty() ? new CertificateNames(List.of(), List.of(), List.of()) : of(chain.getFirst());
    }

    static CertificateNames of(X509Certificate cert) {
        List<String> dns = new ArrayList<>();
        List<String> ips = new ArrayList<>();
        try {
            Collection<List<?>> all = cert.getSubjectAlternativeNames();
            if (all != null) {
                for (List<?> san : all) {
                    if (san.size() >= 2 && san.get(0) instanceof Integer t && san.get(1) instanceof String value) {
                        if (t == SAN_DNS) {
                            dns.add(value);
                        } else if (t == SAN_IP) {
                            ips.add(value);
                        }
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // an unparsable extension names nothing
        }
        return new CertificateNames(dns, ips, commonNames(cert));
    }

    /** The DNS-IDs the host name is matched against: the DNS subjectAltNames, or the CNs when there is none. */
    List<String> dnsIds() {
        return dnsNames.isEmpty() ? commonNames : dnsNames;
    }

    /**
     * The most specific CN, the only one RFC 2818 §3.1 and Java's HostnameChecker (X500Name
     * .findMostSpecificAttribute) match; empty when the subject has none.
     */
    Optional<String> mostSpecificCommonName() {
        return commonNames.isEmpty() ? Optional.empty() : Optional.of(commonNames.getLast());
    }

    /** The names the certificate is valid for (DNS SANs or else the CN, and IP SANs), for messages. */
    List<String> all() {
        List<String> names = new ArrayList<>(dnsIds());
        names.addAll(ipAddresses);
        return names;
    }

    private static List<String> commonNames(X509Certificate cert) {
        List<String> out = new ArrayList<>();
        try {
            // LdapName numbers the RDNs from the right of the RFC 2253 text, which is the encoded order
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
}
