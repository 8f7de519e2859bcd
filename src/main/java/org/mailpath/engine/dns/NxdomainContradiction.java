package org.mailpath.engine.dns;

import java.util.Optional;
import org.mailpath.engine.finding.LocalText;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * An NXDOMAIN whose own reply shows that the name exists. NXDOMAIN means that nothing exists at the name or below
 * it (RFC 8020 §2), whatever the type asked; a reply that carries records of the name, or the SOA record of a zone
 * whose apex is the name (a zone's apex always exists: it holds the SOA and NS records), contradicts itself. Broken
 * name servers answer so for one type alone (NXDOMAIN for MX while SOA, A and TXT answer), and senders asking that
 * type are told the domain does not exist: the name servers are at fault, not the address.
 */
final class NxdomainContradiction {

    private NxdomainContradiction() {
    }

    /**
     * Why the NXDOMAIN {@code reply} for {@code name} (the end of its CNAME chain, which an NXDOMAIN is about, RFC
     * 6604 §3) contradicts itself, when it does.
     */
    static Optional<LocalText> of(Message reply, Name name) {
        boolean records = reply.getSection(Section.ANSWER).stream()
                .anyMatch(r -> r.getName().equals(name) && r.getType() != Type.CNAME && r.getType() != Type.RRSIG);
        if (records) {
            return Optional.of(DnsReasons.of("nxdomainWithRecords", Addresses.display(name)));
        }
        boolean apex = reply.getSection(Section.AUTHORITY).stream()
                .anyMatch(r -> r.getType() == Type.SOA && r.getName().equals(name));
        return apex ? Optional.of(DnsReasons.of("nxdomainAtApex", Addresses.display(name))) : Optional.empty();
    }

}
