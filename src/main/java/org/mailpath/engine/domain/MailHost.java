package org.mailpath.engine.domain;

import java.util.Optional;
import org.mailpath.engine.dns.Addresses;
import org.xbill.DNS.MXRecord;

/**
 * One host that receives a domain's mail: {@code name} in lower case without the final dot, its MX
 * {@code preference}, and the MX {@code record} that names it (none for the implicit MX, RFC 5321 §5.1, whose
 * preference is 0).
 */
public record MailHost(String name, int preference, Optional<MXRecord> record) {

    /**
     * Is the name an address written where a host name belongs ({@code MX 10 192.0.2.1.})? RFC 5321 §5.1 wants a
     * domain name there; senders differ: Postfix connects to the address, Exim refuses unless
     * {@code allow_mx_to_ip} is set. Each check decides what to do with such a host.
     */
    public boolean ipLiteral() {
        return Addresses.isIpLiteral(name);
    }

    /**
     * Is the MX target a host name: labels of ASCII letters, digits and hyphens, none at either end of a label
     * (RFC 5321 §2.3.5, RFC 1123 §2.1)? An underscore is let pass, as Postfix's {@code valid_hostname} does. A target
     * with control characters, spaces or raw bytes above ASCII is none: Postfix skips it ("malformed domain name in
     * resource data of MX record"), so it receives no mail. The implicit MX (the domain asked about) is taken as it is.
     */
    public boolean validHostName() {
        return record.map(r -> HostNames.valid(r.getTarget())).orElse(true);
    }
}
