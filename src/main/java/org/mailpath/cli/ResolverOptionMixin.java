package org.mailpath.cli;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.mailpath.engine.dns.ResolverAddresses;
import org.mailpath.engine.dns.UnknownResolverHostException;
import picocli.CommandLine.Option;

/** {@code --resolver HOST[:PORT]…}, shared by {@code check}, {@code analyze} and {@code probe}. */
public final class ResolverOptionMixin {

    @Option(names = "--resolver", paramLabel = "HOST[:PORT]",
            description = "DNS resolver to ask (repeatable); default: this computer's resolver configuration.")
    List<String> resolvers = new ArrayList<>();

    /** How a resolver's host name is looked up (tests: one that never asks this computer's resolver). */
    ResolverAddresses.HostLookup lookup = InetAddress::getByName;

    /**
     * The resolvers given, each checked.
     * @throws IllegalArgumentException naming the option when one is not a host or address with an optional port
     */
    public List<String> checked() {
        for (String r : resolvers) {
            try {
                ResolverAddresses.parse(r, lookup);
            } catch (UnknownResolverHostException e) {
                throw new IllegalArgumentException("--resolver " + e.resolver() + ": a host name this computer cannot"
                        + " look up; correct it or give the resolver's IP address, or leave out --resolver to use this"
                        + " computer's resolvers", e);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--resolver: " + e.getMessage(), e);
            }
        }
        return List.copyOf(resolvers);
    }
}
