package org.mailpath.engine.spf;

import java.net.InetAddress;
import java.util.Optional;

/**
 * What macros expand from (RFC 7208 §7.2): the sender ({@code local@domain}; "postmaster@helo" when MAIL FROM is
 * empty), the client IP (empty when checking a record without one: macros that need it cannot be expanded) and the
 * HELO name. The current domain ({@code %{d}}) is passed separately because it changes with include/redirect; so
 * does {@code validatedName}, the client's validated domain name for {@code %{p}} (§7.3; empty: "unknown"), which the
 * evaluator looks up only when a term uses it.
 */
public record SpfMacroContext(String sender, Optional<InetAddress> ip, String helo, Optional<String> validatedName) {

    /** A context whose {@code %{p}} is "unknown". */
    public SpfMacroContext(String sender, Optional<InetAddress> ip, String helo) {
        this(sender, ip, helo, Optional.empty());
    }

    public String localPart() {
        int at = sender.lastIndexOf('@');
        return at <= 0 ? "postmaster" : sender.substring(0, at);
    }

    public String senderDomain() {
        int at = sender.lastIndexOf('@');
        return at < 0 ? sender : sender.substring(at + 1);
    }

    /** This context with {@code %{p}} expanding to {@code name} ("unknown" when empty). */
    public SpfMacroContext withValidatedName(Optional<String> name) {
        return new SpfMacroContext(sender, ip, helo, name);
    }
}
