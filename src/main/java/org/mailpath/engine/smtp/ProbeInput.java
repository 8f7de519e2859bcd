package org.mailpath.engine.smtp;

import java.net.InetAddress;
import java.util.Optional;
import org.mailpath.engine.domain.IpAddresses;

/**
 * What a probe input names: the one rule the target resolver and {@code mailpath probe} (which domains get an MTA-STS
 * check) both go by, so that an IP literal is never asked about in DNS nor taken for a domain.
 */
public sealed interface ProbeInput {

    /** A domain, probed through its MX hosts (RFC 5321 §5.1); for a whole address, its domain. */
    record Domain(String name) implements ProbeInput {
    }

    /** A {@code [host]}: that host's own addresses, no MX lookup. */
    record Host(String name) implements ProbeInput {
    }

    /**
     * An IP address, bare or as an address literal ({@code [192.0.2.1]}, {@code [IPv6:2001:db8::1]}, RFC 5321
     * §4.1.3), also with a zone id naming an interface of this computer ({@code fe80::1%eth0}); {@code text} is the
     * address as written, without brackets or tag.
     */
    record Literal(String text, InetAddress address) implements ProbeInput {
    }

    /** An IPv6 address whose zone id names no interface of this computer: nothing to probe, nothing to ask DNS. */
    record NoSuchInterface(String text, String zone) implements ProbeInput {
    }

    /** What {@code input} names; a whole address ({@code user@…}) names what follows its last '@'. */
    static ProbeInput of(String input) {
        String t = input.strip();
        if (bracketed(t)) {
            String inner = t.substring(1, t.length() - 1).strip();
            return literal(inner, true).orElseGet(() -> new Host(inner));
        }
        // a pasted address: what follows its '@', an address literal too (user@[192.0.2.1])
        String domain = t.substring(t.lastIndexOf('@') + 1).strip();
        return (bracketed(domain) ? literal(domain.substring(1, domain.length() - 1).strip(), true)
                : literal(domain, false)).orElseGet(() -> new Domain(domain));
    }

    /** True for a domain (an MTA-STS policy may be fetched for it), false for a [host] or an IP address. */
    static boolean isDomain(String input) {
        return of(input) instanceof Domain;
    }

    private static boolean bracketed(String text) {
        return text.length() >= 2 && text.startsWith("[") && text.endsWith("]");
    }

    /**
     * The IP literal {@code text} writes, empty when it writes none. Within brackets RFC 5321's {@code IPv6:} tag is
     * read off, and must be followed by an IPv6 address.
     */
    private static Optional<ProbeInput> literal(String text, boolean inBrackets) {
        boolean tagged = inBrackets && text.regionMatches(true, 0, "IPv6:", 0, 5);
        String address = (tagged ? text.substring(5) : text).strip();
        if (address.startsWith("[") || tagged && !address.contains(":")) {
            return Optional.empty();
        }
        Optional<InetAddress> plain = IpAddresses.parse(address);
        if (plain.isPresent()) {
            return Optional.of(new Literal(address, plain.get()));
        }
        return IpAddresses.parseZoned(address).map(z -> z.address().<ProbeInput>map(a -> new Literal(address, a))
                .orElseGet(() -> new NoSuchInterface(address, z.zone())));
    }
}
