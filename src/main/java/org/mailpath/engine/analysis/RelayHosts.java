package org.mailpath.engine.analysis;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mailpath.engine.address.DomainNameSyntax;
import org.mailpath.engine.address.IdnaNames;

/**
 * Our Email Relay (Salesforce's Email Relay feature: Salesforce hands every message to the org's own relay, which
 * delivers it on): its host names, matched against a row's Relay Host (case-insensitive, a trailing dot ignored, an
 * internationalised name in Unicode or ASCII: {@link #name}), and its IP addresses, matched against the Relay
 * Address. MailPath cannot tell a relay from the recipient's mail server by itself (a provider's MX such as
 * aspmx.l.google.com also takes mail for many domains), so the admin names it.
 * {@code given} keeps the names and addresses as given, normalised, in order (for output).
 */
public record RelayHosts(Set<String> names, Set<InetAddress> addresses, List<String> given) {

    private static final java.util.regex.Pattern DOTTED_NUMBERS = java.util.regex.Pattern.compile("[0-9.]+\\.?");
    private static final RelayHosts NONE = new RelayHosts(Set.of(), Set.of(), List.of());

    public RelayHosts {
        names = Set.copyOf(names);
        addresses = Set.copyOf(addresses);
        given = List.copyOf(given);
    }

    /** No Email Relay: every Relay Host is taken for the recipient's mail server, as without the mode. */
    public static RelayHosts none() {
        return NONE;
    }

    /**
     * The relay of {@code hosts}, each a host name or an IP address (IPv4 or IPv6; brackets around an IPv6 address
     * are allowed).
     * @throws IllegalArgumentException naming a value that is neither
     */
    public static RelayHosts of(Collection<String> hosts) {
        Set<String> names = new LinkedHashSet<>();
        Set<InetAddress> addresses = new LinkedHashSet<>();
        Set<String> given = new LinkedHashSet<>();
        for (String raw : hosts) {
            String h = raw == null ? "" : raw.strip();
            Optional<InetAddress> ip = address(h);
            if (ip.isPresent()) {
                addresses.add(ip.get());
                given.add(ip.get().getHostAddress());
                continue;
            }
            if (DOTTED_NUMBERS.matcher(h).matches()) {
                // 198.51.100.256 is a mistyped address, not a host name (a top-level domain is never all digits)
                throw new IllegalArgumentException("'" + raw + "' is not an IPv4 address (each of its four parts is 0"
                        + " to 255)");
            }
            // a name as DNS is asked for it: an internationalised one in ASCII, as a log writes it
            String name = DomainNameSyntax.normalize(h).orElseThrow(
                    () -> new IllegalArgumentException("'" + raw + "' is neither a host name nor an IP address"));
            names.add(name);
            given.add(name);
        }
        return names.isEmpty() && addresses.isEmpty() ? NONE
                : new RelayHosts(names, addresses, new ArrayList<>(given));
    }

    public boolean isEmpty() {
        return names.isEmpty() && addresses.isEmpty();
    }

    /** Whether a row with this Relay Host and Relay Address went to our relay. */
    public boolean took(String relayHost, String relayAddress) {
        if (isEmpty()) {
            return false;
        }
        if (!names.isEmpty() && names.contains(name(relayHost == null ? "" : relayHost.strip()))) {
            return true;
        }
        return !addresses.isEmpty() && address(relayAddress == null ? "" : relayAddress.strip())
                .filter(addresses::contains).isPresent();
    }

    /**
     * A host name as compared: lower case, without a trailing dot, an internationalised one in ASCII (IDNA, as
     * {@link #of} keeps a given name), so that relä.example and xn--rel-sla.example are one name whichever form the
     * admin typed and the log wrote: {@link IdnaNames#lookupName}, which returns a plain ASCII name (nearly every
     * one) after one look at its characters.
     */
    static String name(String host) {
        return IdnaNames.lookupName(host);
    }

    /** {@code text} as an IP address literal (never a DNS lookup); empty when it is none. */
    static Optional<InetAddress> address(String text) {
        return IpLiterals.of(text, false);
    }

    /**
     * The relay of a field or setting's {@code text}: host names and IP addresses with commas, semicolons or spaces
     * between them, none when it is blank; empty when one of them is neither.
     */
    public static Optional<RelayHosts> parse(String text) {
        String t = text == null ? "" : text.strip();
        try {
            return Optional.of(t.isEmpty() ? none() : of(List.of(t.split("[,;\\s]+"))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
