package org.mailpath.testing;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The name resolution of every test JVM ({@link ResolverGuardProvider}): no test may use this computer's resolver, so
 * a result never depends on the network or the machine the tests run on. IP literals, {@code localhost} and reverse
 * lookups of loopback addresses go to the JDK's built-in resolver (the JDK's HTTPS test server asks the name of its
 * loopback peer); every other name, this computer's own host name included, is recorded and refused, so a test that
 * swallows the refusal still fails ({@link ResolverGuardExtension}).
 */
public final class ResolverGuard implements InetAddressResolver {

    /** The start of every refusal's message. */
    public static final String REFUSAL = "tests must not use this computer's resolver: ";

    /** A refused lookup: the name (or reverse-looked-up address) and the thread that asked. */
    public record Refusal(String name, String thread) {
        @Override
        public String toString() {
            return name + " (thread " + thread + ")";
        }
    }

    private static final List<Refusal> REFUSED = new ArrayList<>();

    private final InetAddressResolver builtin;

    ResolverGuard(InetAddressResolver builtin) {
        this.builtin = builtin;
    }

    /** The lookups refused since the last call, which forgets them. */
    public static List<Refusal> takeRefused() {
        synchronized (REFUSED) {
            List<Refusal> taken = List.copyOf(REFUSED);
            REFUSED.clear();
            return taken;
        }
    }

    @Override
    public Stream<InetAddress> lookupByName(String host, LookupPolicy lookupPolicy) throws UnknownHostException {
        if (isLiteral(host) || host.toLowerCase(Locale.ROOT).equals("localhost")) {
            return builtin.lookupByName(host, lookupPolicy);
        }
        throw refuse(host);
    }

    @Override
    public String lookupByAddress(byte[] addr) throws UnknownHostException {
        InetAddress address = InetAddress.getByAddress(addr);
        if (address.isLoopbackAddress()) {
            return builtin.lookupByAddress(addr);
        }
        throw refuse(address.getHostAddress());
    }

    private static boolean isLiteral(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        int zone = h.indexOf('%');
        return InetAddresses.isInetAddress(zone < 0 ? h : h.substring(0, zone));
    }

    private static UnknownHostException refuse(String name) {
        synchronized (REFUSED) {
            REFUSED.add(new Refusal(name, Thread.currentThread().getName()));
        }
        return new UnknownHostException(REFUSAL + name);
    }
}
