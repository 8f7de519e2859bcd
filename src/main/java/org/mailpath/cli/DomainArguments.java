package org.mailpath.cli;

import com.google.common.net.InetAddresses;
import org.mailpath.engine.address.DomainNameSyntax;
import org.mailpath.engine.smtp.ProbeInput;

/**
 * Domain names, hosts and addresses typed on the command line: normalised the way DNS knows them, or refused
 * with a message that shows the value (quoted, control characters escaped, so nothing typed can move a terminal).
 */
final class DomainArguments {

    private DomainArguments() {
    }

    /**
     * A domain name, normalised: lower case, no final dot, an internationalised name in its ASCII (IDNA) form.
     * @throws IllegalArgumentException when it is not a domain name (also an IP address or a name whose last
     *         label is all digits, which no top-level domain is)
     */
    static String domain(String text) {
        return DomainNameSyntax.normalize(text)
                .orElseThrow(() -> new IllegalArgumentException("not a domain name: " + shown(text)));
    }

    /**
     * What {@code check} accepts: a domain, or a whole address ({@code user@domain}) whose domain is meant.
     * @throws IllegalArgumentException when it is neither
     */
    static String checkTarget(String text) {
        String t = text.strip();
        int at = t.lastIndexOf('@');
        if (at > 0 && at < t.length() - 1) {
            try {
                return domain(t.substring(at + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not a domain name: " + shown(text));
            }
        }
        return domain(text);
    }

    /**
     * What {@code probe} accepts, as {@link ProbeInput} reads it (the rule its target resolver goes by): a domain, a
     * whole address ({@code user@domain}: its domain is probed), a {@code [host]}, or an IP address, bare or as an
     * address literal ({@code [192.0.2.1]}, {@code [IPv6:2001:db8::1]}), also with a zone id naming an interface of
     * this computer ({@code fe80::1%eth0}); normalised.
     * @throws IllegalArgumentException when it is none of these, or names an interface this computer does not have
     */
    static String probeTarget(String text) {
        String t = text.strip();
        int at = t.lastIndexOf('@');
        return switch (ProbeInput.of(t)) {
            // refused as check refuses a zone id in --ip: the user's to correct, before anything is probed
            case ProbeInput.NoSuchInterface _ -> throw new IllegalArgumentException("the address has a zone id (%...)"
                    + " that names no network interface of this computer: name one of its interfaces, or give the"
                    + " address alone: " + shown(text));
            case ProbeInput.Literal _ when at >= 0 -> throw notProbeTarget(text);
            case ProbeInput.Literal literal -> t.startsWith("[") ? "[" + literal.text() + "]" : literal.text();
            case ProbeInput.Host host -> "[" + probeName(host.name(), text) + "]";
            case ProbeInput.Domain _ when at == 0 || t.indexOf('[') >= 0 -> throw notProbeTarget(text);
            case ProbeInput.Domain domain -> probeName(domain.name(), text);
        };
    }

    private static String probeName(String name, String text) {
        try {
            return domain(name);
        } catch (IllegalArgumentException e) {
            throw notProbeTarget(text);
        }
    }

    private static IllegalArgumentException notProbeTarget(String text) {
        return new IllegalArgumentException("not a domain, [host] or IP address: " + shown(text));
    }

    /**
     * The name for EHLO/HELO (RFC 5321 §4.1.1.1): a domain in ASCII (an internationalised one in its IDNA form) or
     * an address literal such as {@code [192.0.2.1]}.
     * @throws IllegalArgumentException when it is neither
     */
    static String heloName(String text) {
        String t = text.strip();
        try {
            if (t.length() >= 2 && t.startsWith("[") && t.endsWith("]")) {
                String inner = t.substring(1, t.length() - 1);
                boolean ipv6 = inner.regionMatches(true, 0, "IPv6:", 0, 5);
                String address = ipv6 ? inner.substring(5) : inner;
                if (InetAddresses.isInetAddress(address) && address.contains(":") == ipv6) {
                    return t;
                }
                throw new IllegalArgumentException();
            }
            return domain(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--helo is not a domain name or an address literal such as"
                    + " [192.0.2.1]: " + shown(text));
        }
    }

    /**
     * The address for RCPT TO: its domain in ASCII (IDNA) form. A local part that is not ASCII would need SMTPUTF8,
     * which the probe does not use, so it is refused rather than sent as raw bytes.
     * @throws IllegalArgumentException when it is not {@code local@domain} or the local part is not ASCII
     */
    static String mailbox(String text) {
        String t = text.strip();
        int at = t.lastIndexOf('@');
        if (at <= 0 || t.chars().anyMatch(c -> c <= 0x20 || c == 0x7f || c == '<' || c == '>')) {
            throw new IllegalArgumentException("--rcpt is not an address (local-part@domain): " + shown(text));
        }
        String local = t.substring(0, at);
        if (!local.chars().allMatch(c -> c < 0x80)) {
            throw new IllegalArgumentException("--rcpt has a local part that is not ASCII, which needs SMTPUTF8;"
                    + " the probe sends only ASCII: " + shown(text));
        }
        try {
            return local + "@" + domain(t.substring(at + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--rcpt is not an address (local-part@domain): " + shown(text));
        }
    }

    /** {@code "text"} with control and invisible format characters as {@code \xNN} / {@code \}{@code uNNNN}. */
    static String shown(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 2).append('"');
        text.codePoints().limit(200).forEach(c -> {
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT || c == '\u2028' || c == '\u2029') {
                sb.append(c < 0x100 ? String.format("\\x%02x", c) : String.format("\\u%04x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        if (text.codePointCount(0, text.length()) > 200) {
            sb.append('…');
        }
        return sb.append('"').toString();
    }
}
