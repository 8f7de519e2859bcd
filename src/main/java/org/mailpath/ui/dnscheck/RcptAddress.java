package org.mailpath.ui.dnscheck;

import java.util.List;
import java.util.Optional;
import org.mailpath.ui.common.DomainNames;
import org.mailpath.ui.common.Messages;

/** The address of the RCPT test: how a typed one is read, and why it cannot be used. */
final class RcptAddress {

    private RcptAddress() {
    }

    /** {@code local@domain} with the domain in lower-case ASCII, if it can go into {@code RCPT TO:<…>} safely. */
    static Optional<String> normalized(String typed) {
        String a = typed == null ? "" : typed.strip();
        int at = a.lastIndexOf('@');
        if (at <= 0 || at == a.length() - 1) {
            return Optional.empty();
        }
        String local = a.substring(0, at);
        if (local.length() > 64 || local.chars().anyMatch(c -> c <= 0x20 || c == 0x7f || c == '<' || c == '>')) {
            return Optional.empty();
        }
        return DomainNames.normalize(a.substring(at + 1)).map(d -> local + "@" + d);
    }

    /**
     * Why {@code typed} cannot be used for the RCPT test (blocks Run), or empty: also when the test is off.
     *
     * @param recipientDomains the domains to check; the address must be of one of them
     */
    static String problem(boolean probeServers, boolean rcptTest, String typed, List<String> recipientDomains,
                          Messages messages) {
        if (!probeServers || !rcptTest) {
            return "";
        }
        if (typed == null || typed.isBlank()) {
            return messages.get("dns.smtp.rcpt.missing");
        }
        Optional<String> address = normalized(typed);
        if (address.isEmpty()) {
            return messages.get("dns.smtp.rcpt.invalid");
        }
        String domain = address.get().substring(address.get().lastIndexOf('@') + 1);
        return recipientDomains.contains(domain) ? "" : messages.format("dns.smtp.rcpt.otherDomain", domain);
    }
}
