package org.mailpath.engine.spf;

import java.net.InetAddress;
import java.util.Optional;

/**
 * What macros expand from (RFC 7208 §7.2): the sender ({@code local@domain}; "postmaster@helo" when MAIL FROM is
 * empty), the client IP and the HELO name. Each is empty when the check has none: a check of a domain's record knows
 * no message, so {@code %{s l o h}} cannot be expanded (made-up values would ask names no receiver asks), and without
 * an IP neither can {@code %{i v p c}}. The current domain ({@code %{d}}) is passed separately because it changes
 * with include/redirect; so does {@code validatedName}, the client's validated domain name for {@code %{p}} (§7.3;
 * empty: "unknown"), which the evaluator looks up only when a term uses it.
 */
public record SpfMacroContext(Optional<String> sender, Optional<InetAddress> ip, Optional<String> helo,
                              Optional<String> validatedName) {

    /** A context of one message, whose {@code %{p}} is "unknown". */
    public SpfMacroContext(String sender, Optional<InetAddress> ip, String helo) {
        this(Optional.of(sender), ip, Optional.of(helo), Optional.empty());
    }

    /** A context with no message (no sender, no HELO): what a check of a domain's record has. */
    public static SpfMacroContext withoutMessage(Optional<InetAddress> ip) {
        return new SpfMacroContext(Optional.empty(), ip, Optional.empty(), Optional.empty());
    }

    public Optional<String> localPart() {
        return sender.map(s -> {
            int at = s.lastIndexOf('@');
            return at <= 0 ? "postmaster" : s.substring(0, at);
        });
    }

    public Optional<String> senderDomain() {
        return sender.map(s -> {
            int at = s.lastIndexOf('@');
            return at < 0 ? s : s.substring(at + 1);
        });
    }

    /** This context with {@code %{p}} expanding to {@code name} ("unknown" when empty). */
    public SpfMacroContext withValidatedName(Optional<String> name) {
        return new SpfMacroContext(sender, ip, helo, name);
    }
}
