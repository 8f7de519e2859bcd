package org.mailpath.engine.dns;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.ResolverConfig;

/** Turns {@code HOST[:PORT]} resolver specs (IPv6 as {@code [::1]:53} or bare {@code ::1}) into addresses. */
public final class ResolverAddresses {

    private ResolverAddresses() {
    }

    /**
     * @param specs {@code HOST[:PORT]} entries; empty = the system's resolver configuration
     * @throws IllegalArgumentException naming the first unusable entry
     */
    public static List<InetSocketAddress> parse(List<String> specs) {
        if (specs.isEmpty()) {
            return List.copyOf(ResolverConfig.getCurrentConfig().servers());
        }
        List<InetSocketAddress> out = new ArrayList<>();
        for (String spec : specs) {
            out.add(parse(spec));
        }
        return List.copyOf(out);
    }

    /** How a resolver's host name becomes its address: this computer's lookup, or a test's. */
    @FunctionalInterface
    public interface HostLookup {
        InetAddress address(String host) throws UnknownHostException;
    }

    /** @throws IllegalArgumentException when the entry is not a usable {@code HOST[:PORT]} */
    public static InetSocketAddress parse(String spec) {
        return parse(spec, InetAddress::getByName);
    }

    /**
     * As {@link #parse(String)}, a host name looked up by {@code lookup}.
     * @throws UnknownResolverHostException when it finds no address for the host name
     */
    public static InetSocketAddress parse(String spec, HostLookup lookup) {
        String s = spec == null ? "" : spec.strip();
        String host = s;
        int port = 53;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("not a resolver address: " + spec);
            }
            host = s.substring(1, close);
            String rest = s.substring(close + 1);
            if (rest.startsWith(":")) {
                port = port(rest.substring(1), spec);
            } else if (!rest.isEmpty()) {
                throw new IllegalArgumentException("not a resolver address: " + spec);
            }
        } else if (s.indexOf(':') > 0 && s.indexOf(':') == s.lastIndexOf(':')) {
            host = s.substring(0, s.indexOf(':'));
            port = port(s.substring(s.indexOf(':') + 1), spec);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("not a resolver address: " + spec);
        }
        try {
            return new InetSocketAddress(lookup.address(host), port);
        } catch (UnknownHostException e) {
            throw new UnknownResolverHostException(s, e);
        }
    }

    private static int port(String text, String spec) {
        try {
            int p = Integer.parseInt(text);
            if (p < 1 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a port number in resolver address: " + spec, e);
        }
    }
}
