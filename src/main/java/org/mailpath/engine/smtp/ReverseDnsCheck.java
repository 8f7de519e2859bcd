package org.mailpath.engine.smtp;

import com.google.common.net.InetAddresses;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.dns.DnsAnswer;
import org.mailpath.engine.dns.DnsLookup;
import org.mailpath.engine.domain.DnsAnswers;
import org.mailpath.engine.domain.OrganizationalDomain;
import org.mailpath.engine.finding.Finding;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Type;

/**
 * Forward-confirmed reverse DNS of a server address (its PTR name must resolve back to it), and whether the
 * greeting, the EHLO reply and the PTR agree on the server's name.
 */
final class ReverseDnsCheck {

    private final DnsLookup dns;

    ReverseDnsCheck(DnsLookup dns) {
        this.dns = dns;
    }

    /** {@code notes} receives a line when DNS did not answer (that is not the server's fault, so no finding). */
    List<Finding> check(ProbeTarget target, String bannerName, String ehloName, String subject,
                        java.util.function.Consumer<String> notes, Cancellation cancellation) {
        InetAddress address = target.address();
        DnsAnswer ptr = dns.lookup(ReverseMap.fromAddress(address).toString(), Type.PTR, cancellation);
        List<String> evidence = new ArrayList<>(ptr.evidence());
        List<Finding> findings = new ArrayList<>();
        Set<String> ptrNames = new LinkedHashSet<>();
        ptr.records().forEach(r -> {
            if (r instanceof PTRRecord p) {
                ptrNames.add(OrganizationalDomain.normalize(p.getTarget().toString()));
            }
        });
        if (DnsAnswers.failed(ptr)) {
            // the status alone ("ERROR") does not say what went wrong; the answer's detail does
            notes.accept("reverse DNS of " + InetAddresses.toAddrString(address) + " not checked: " + ptr.status()
                    + (ptr.detail().isEmpty() ? "" : " (" + ptr.detail() + ")"));
            return findings;
        }
        String confirmed = "";
        if (ptrNames.isEmpty()) {
            findings.add(SmtpFindings.of(SmtpCodes.SMTP_FCRDNS_MISMATCH, subject, evidence,
                    InetAddresses.toAddrString(address), SmtpFindings.text("SMTP_FCRDNS_MISMATCH.noPtr")));
        } else {
            int type = address instanceof Inet6Address ? Type.AAAA : Type.A;
            for (String name : ptrNames) {
                DnsAnswer forward = dns.lookup(name, type, cancellation);
                evidence.addAll(forward.evidence());
                if (forward.records().stream().anyMatch(r -> address.equals(addressOf(r)))) {
                    confirmed = name;
                    break;
                }
            }
            if (confirmed.isEmpty()) {
                String text = InetAddresses.toAddrString(address);
                findings.add(SmtpFindings.of(SmtpCodes.SMTP_FCRDNS_MISMATCH, subject, evidence, text,
                        SmtpFindings.text("SMTP_FCRDNS_MISMATCH.notConfirmed", String.join(", ", ptrNames), text)));
            }
        }
        String banner = OrganizationalDomain.normalize(bannerName);
        String ehlo = OrganizationalDomain.normalize(ehloName);
        String reference = confirmed.isEmpty() ? (ptrNames.isEmpty() ? "" : ptrNames.iterator().next()) : confirmed;
        boolean bannerDiffers = !banner.isEmpty() && !reference.isEmpty() && !banner.equals(reference);
        boolean ehloDiffers = !ehlo.isEmpty() && !ehlo.equals(reference.isEmpty() ? banner : reference);
        if (bannerDiffers || ehloDiffers) {
            findings.add(SmtpFindings.of(SmtpCodes.SMTP_HOSTNAME_MISMATCH, subject, evidence,
                    SmtpFindings.text("SMTP_HOSTNAME_MISMATCH.names", show(banner), show(ehlo), show(reference))));
        }
        return findings;
    }

    private static InetAddress addressOf(org.xbill.DNS.Record r) {
        if (r instanceof ARecord a) {
            return a.getAddress();
        }
        if (r instanceof AAAARecord a) {
            return a.getAddress();
        }
        return null;
    }

    private static Object show(String name) {
        return name.isEmpty() ? SmtpFindings.text("phrase.noName") : name;
    }
}
