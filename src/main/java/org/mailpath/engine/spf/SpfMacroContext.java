package org.mailpath.engine.spf;

import java.net.InetAddress;
import java.util.Optional;

/**
 * What macros expand from (RFC 7208 §7.2): the sender ({@code local@domain}; "postmaster@helo" when MAIL FROM is
 * empty), the client IP (empty when checking a record without one: macros that need it cannot be expanded) and the
 * HELO name. The current domain ({@code %{d}}) is passed separately because it changes with include/redirect.
 */
public record SpfMacroContext(String sender, Optional<InetAddress> ip, String helo) {

    public String localPart() {
        int at = sender.lastIndexOf('@');
        return at <= 0 ? "postmaster" : sender.substring(0, at);
    }

    public String senderDomain() {
        int at = sender.lastIndexOf('@');
        return at < 0 ? sender : sender.substring(at + 1);
    }
}
