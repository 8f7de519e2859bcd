package org.mailpath.engine.dns;

import java.net.InetAddress;
import java.util.Optional;
import java.util.regex.Pattern;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.ReverseMap;

/**
 * Address helpers: the addresses of A/AAAA records, IP literals in host names, and the names services keyed by
 * address are asked under (which addresses the internet cannot reach: {@link SpecialAddresses}).
 */
public final class Addresses {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private Addresses() {
    }

    /** The address of an A/AAAA record; empty for other types. */
    public static Optional<InetAddress> of(Record r) {
        return switch (r) {
            case ARecord a -> Optional.of(a.getAddress());
            case AAAARecord a -> Optional.of(a.getAddress());
            default -> Optional.empty();
        };
    }

    /** A host name for people: without the trailing dot of the absolute form (the root stays {@code "."}). */
    public static String display(org.xbill.DNS.Name name) {
        return name.toString(true);
    }

    /** Is the host name really an address literal (e.g. an MX target of {@code 192.0.2.1.})? */
    public static boolean isIpLiteral(String host) {
        String h = DnsNames.relative(host);
        return IPV4.matcher(h).matches() || h.startsWith("[") || h.contains(":");
    }

    /**
     * The name of {@code address} in a zone keyed by address, {@code 4.3.2.1.zone}: its octets (IPv4) or nibbles
     * (IPv6) reversed as in in-addr.arpa and ip6.arpa. DNS blocklists (RFC 5782 §2.1, §2.4) and IP-to-ASN
     * services are asked so.
     */
    public static String reversedUnder(InetAddress address, String zone) {
        String reverse = ReverseMap.fromAddress(address).toString(true); // "4.3.2.1.in-addr.arpa"
        String labels = reverse.substring(0, reverse.lastIndexOf('.', reverse.lastIndexOf('.') - 1));
        return labels + "." + zone;
    }
}
