package org.mailpath.engine.domain;

import com.google.common.net.InetAddresses;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Optional;

/** IP address parsing that never touches DNS (unlike {@code InetAddress.getByName}), and prefix matching. */
public final class IpAddresses {

    private IpAddresses() {
    }

    /** The address written in {@code text} (IPv4 dotted quad or IPv6), or empty when it is not an address. */
    public static Optional<InetAddress> parse(String text) {
        String t = text.trim();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        // a zone or scope id (fe80::1%lo) names an interface of this computer, not an address on the internet, and
        // Guava throws for an interface it does not find
        if (t.contains("%") || !InetAddresses.isInetAddress(t)) {
            return Optional.empty();
        }
        return Optional.of(InetAddresses.forString(t));
    }

    /** True when {@code address} lies in {@code network}/{@code prefix} (both of the same family). */
    public static boolean inNetwork(InetAddress address, InetAddress network, int prefix) {
        byte[] a = address.getAddress();
        byte[] n = network.getAddress();
        if (a.length != n.length || prefix < 0 || prefix > a.length * 8) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != n[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (a[full] & mask) == (n[full] & mask);
    }

    public static boolean isIpv4(InetAddress address) {
        return address instanceof Inet4Address;
    }

    /** Readable form: dotted quad, or RFC 5952 compressed IPv6. */
    public static String text(InetAddress address) {
        return InetAddresses.toAddrString(address);
    }
}
