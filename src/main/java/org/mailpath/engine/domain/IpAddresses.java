package org.mailpath.engine.domain;

import com.google.common.net.InetAddresses;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Optional;
import org.mailpath.engine.common.IpNetwork;

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

    /**
     * An IPv6 address with a zone id naming an interface of this computer, by name or index ({@code fe80::1%eth0},
     * {@code fe80::1%2}; RFC 4007 §11.2), as the telnet test would reach a link-local server; empty when {@code text}
     * is no such address. Its {@link Zoned#address} is empty when this computer has no interface of that name or
     * index. {@link #parse} refuses every zone id: no address on the internet has one.
     */
    public static Optional<Zoned> parseZoned(String text) {
        String t = text.strip();
        int percent = t.indexOf('%');
        if (percent < 0) {
            return Optional.empty();
        }
        String bare = t.substring(0, percent);
        String zone = t.substring(percent + 1);
        if (zone.isEmpty() || !zone.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '%') || !bare.contains(":")
                || !InetAddresses.isInetAddress(bare)) {
            return Optional.empty();
        }
        // Guava gives an IPv4-mapped address (::ffff:192.0.2.1) as IPv4, which has no zone
        byte[] bytes = InetAddresses.forString(bare).getAddress();
        if (bytes.length != 16) {
            return Optional.empty();
        }
        // by index, not Inet6Address.getByAddress(..., NetworkInterface): that refuses an interface without a
        // link-local address of its own (lo), where a connect simply fails as the telnet test's would
        return Optional.of(new Zoned(zone, networkInterface(zone).map(n -> scoped(bytes, n.getIndex()))));
    }

    /** A zone id and the address scoped to its interface, empty when this computer has no such interface. */
    public record Zoned(String zone, Optional<Inet6Address> address) {
    }

    private static Optional<NetworkInterface> networkInterface(String zone) {
        try {
            NetworkInterface byName = NetworkInterface.getByName(zone);
            if (byName != null) {
                return Optional.of(byName);
            }
            if (zone.length() <= 9 && zone.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Optional.ofNullable(NetworkInterface.getByIndex(Integer.parseInt(zone)));
            }
            return Optional.empty();
        } catch (SocketException e) {
            // the interfaces cannot be listed: none can be named
            return Optional.empty();
        }
    }

    private static Inet6Address scoped(byte[] bytes, int index) {
        try {
            return Inet6Address.getByAddress(null, bytes, index);
        } catch (UnknownHostException e) {
            // thrown only for an address not 16 bytes long, which parseZoned has ruled out
            throw new IllegalStateException(e);
        }
    }

    /** True when {@code address} lies in {@code network}/{@code prefix} (both of the same family). */
    public static boolean inNetwork(InetAddress address, InetAddress network, int prefix) {
        return IpNetwork.contains(address.getAddress(), network.getAddress(), prefix);
    }

    public static boolean isIpv4(InetAddress address) {
        return address instanceof Inet4Address;
    }

    /** Readable form: dotted quad, or RFC 5952 compressed IPv6. */
    public static String text(InetAddress address) {
        return InetAddresses.toAddrString(address);
    }
}
