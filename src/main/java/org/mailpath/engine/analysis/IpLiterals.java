package org.mailpath.engine.analysis;

import java.net.InetAddress;
import java.util.Optional;

/**
 * IP address literals in a log's cells and in the relay hosts the admin names: parsed by
 * {@link InetAddress#ofLiteral}, which never asks DNS, after a scan of the characters that turns a host name away
 * without the exception parsing it would throw (it is asked per D row of an older export).
 */
final class IpLiterals {

    private IpLiterals() {
    }

    /**
     * {@code text} (brackets around it allowed) as an IP address literal; empty when it is none. {@code rowForm}:
     * only the forms a log writes (an IPv4 address in its four parts, an IPv6 address of hex digits, dots and colons);
     * without it, an IPv4 address in a short form ({@code 10.1}) and anything with a colon that parses are one too.
     */
    static Optional<InetAddress> of(String text, boolean rowForm) {
        String t = text.length() > 1 && text.startsWith("[") && text.endsWith("]")
                ? text.substring(1, text.length() - 1) : text;
        if (t.isEmpty()) {
            return Optional.empty();
        }
        int dots = 0;
        boolean colon = false;
        boolean hexLetter = false;
        boolean other = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '.') {
                dots++;
            } else if (c == ':') {
                colon = true;
            } else if (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
                hexLetter = true;
            } else if (c < '0' || c > '9') {
                other = true;
            }
        }
        boolean mayBe = rowForm ? !other && (colon || dots == 3 && !hexLetter)
                : colon || !other && !hexLetter;
        if (!mayBe) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.ofLiteral(t));
        } catch (IllegalArgumentException notALiteral) {
            return Optional.empty();
        }
    }
}
