package org.mailpath.engine.nameserver;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.mailpath.engine.dns.Addresses;
import org.mailpath.engine.domain.IpAddresses;

/**
 * What Team Cymru's IP-to-ASN service says of one address: the autonomous systems that announce the most specific
 * prefix covering it ({@code asns}, ascending; several when the prefix has several origins) and that prefix. Asked
 * in the DNS in the service's form: TXT at {@code <reversed IPv4 octets>.origin.<zone>} or
 * {@code <reversed IPv6 nibbles>.origin6.<zone>}, answered "13335 | 104.16.0.0/12 | US | arin | 2014-03-28"
 * (origin ASes separated by spaces, prefix, country, registry, allocation date).
 */
record OriginAs(List<Long> asns, String prefix) {

    /** Team Cymru's zone; the name-server check takes another (tests serve their own). */
    static final String CYMRU_ZONE = "asn.cymru.com";

    private static final Pattern FIELD_SEPARATOR = Pattern.compile("\\|");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern ASN = Pattern.compile("\\d{1,10}");
    private static final long MAX_ASN = 0xFFFF_FFFFL;

    OriginAs {
        asns = List.copyOf(asns);
    }

    /** The TXT question for {@code address} in {@code zone}. */
    static String question(InetAddress address, String zone) {
        return Addresses.reversedUnder(address, (address instanceof Inet4Address ? "origin." : "origin6.") + zone);
    }

    /**
     * The origin of {@code address} in the TXT {@code texts} of its answer: that of the longest prefix, the one
     * routers use (a covering, shorter prefix may be announced by another AS). Empty when there is no
     * text, or any text is not of the service's form or names a prefix that does not cover the address: the
     * answer is then no fact to judge by.
     */
    static Optional<OriginAs> read(InetAddress address, List<String> texts) {
        List<Parsed> parsed = new ArrayList<>();
        for (String text : texts) {
            Optional<Parsed> p = parse(text).filter(o -> covers(o, address));
            if (p.isEmpty()) {
                return Optional.empty();
            }
            parsed.add(p.get());
        }
        if (parsed.isEmpty()) {
            return Optional.empty(); // no text
        }
        int longest = parsed.stream().mapToInt(Parsed::length).max().getAsInt();
        List<Parsed> mostSpecific = parsed.stream().filter(p -> p.length() == longest).toList();
        TreeSet<Long> asns = new TreeSet<>();
        mostSpecific.forEach(p -> asns.addAll(p.origin().asns()));
        return Optional.of(new OriginAs(List.copyOf(asns), mostSpecific.getFirst().origin().prefix()));
    }

    /** One text of the service's form, with its prefix length; empty when it is not. */
    static Optional<Parsed> parse(String text) {
        String[] fields = FIELD_SEPARATOR.split(text, -1);
        if (fields.length < 2) {
            return Optional.empty();
        }
        TreeSet<Long> asns = new TreeSet<>();
        for (String asn : SPACES.split(fields[0].strip())) {
            if (!ASN.matcher(asn).matches() || Long.parseLong(asn) == 0 || Long.parseLong(asn) > MAX_ASN) {
                return Optional.empty(); // AS 0 is no origin (RFC 7607)
            }
            asns.add(Long.parseLong(asn));
        }
        String prefix = fields[1].strip();
        int slash = prefix.indexOf('/');
        if (slash < 0 || !prefix.substring(slash + 1).matches("\\d{1,3}")) {
            return Optional.empty();
        }
        Optional<InetAddress> network = IpAddresses.parse(prefix.substring(0, slash));
        int length = Integer.parseInt(prefix.substring(slash + 1));
        if (network.isEmpty() || length > network.get().getAddress().length * 8) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(new OriginAs(List.copyOf(asns), prefix), network.get(), length));
    }

    private static boolean covers(Parsed parsed, InetAddress address) {
        return IpAddresses.inNetwork(address, parsed.network(), parsed.length());
    }

    /** "AS13335", or "AS13335 AS209242" for several origins. */
    String label() {
        return String.join(" ", asns.stream().map(a -> "AS" + a).toList());
    }

    /** A text read: its origin, and its prefix as a network and a length. */
    record Parsed(OriginAs origin, InetAddress network, int length) {
    }
}
